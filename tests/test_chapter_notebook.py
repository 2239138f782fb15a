"""tools/chapter_notebook.py: a chapter as a notebook shows its numbers, not {glue} placeholders."""

from __future__ import annotations

import importlib.util

import nbformat
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("chapter_notebook", ROOT / "tools" / "chapter_notebook.py")
chapter_notebook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(chapter_notebook)


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_the_intro_as_a_notebook_shows_the_ledger_counts_instead_of_glue_roles(tmp_path):
    source = ROOT / "tests" / "notebooks" / "intro.ipynb"
    assert "{glue:text}`n_claims`" in _markdown(nbformat.read(source, as_version=4))
    assert chapter_notebook.main(["--executed", str(source), "--out", str(tmp_path)]) == 0
    nb = nbformat.read(tmp_path / "intro.ipynb", as_version=4)
    text = _markdown(nb)
    assert "{glue" not in text
    # the intro's counts, as recorded in its reference (71 claims, 49 reproduced)
    values = chapter_notebook.recorded(nb)
    assert f"Of its {values['n_claims']['text/plain']} entries" in " ".join(text.split())
    # hidden cells keep their tags and open collapsed in JupyterLab
    hidden = [c for c in nb.cells if "remove-cell" in c.metadata.get("tags", [])]
    assert hidden and all(c.metadata["jupyter"]["source_hidden"] for c in hidden)


def test_glue_roles_are_formatted_as_myst_nb_formats_them():
    values = {"c": {"text/plain": "2.938177868"}, "t": {"text/plain": "1.0", "text/markdown": "2.7×10⁻³⁶ K"}}
    assert chapter_notebook.glued_text(values, "text", "c:.2f") == "2.94"
    assert chapter_notebook.glued_text(values, "text", "c") == "2.938177868"
    assert chapter_notebook.glued_text(values, "md", "t") == "2.7×10⁻³⁶ K"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("C = {glue:text}`c:.3f`, {glue:md}`x`")])
    assert chapter_notebook.fill_glue(nb) == ["c:.3f", "x"]  # nothing recorded: left as is, and named
