"""The nbval references in tests/notebooks must be executed copies of the book's MyST notebooks."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for p in (ROOT / "book").glob("*.md") if "kernelspec:" in p.read_text(encoding="utf-8"))


def test_there_are_notebooks_to_verify():
    assert SOURCES


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_reference_matches_source_and_is_executed(md):
    ref = ROOT / "tests" / "notebooks" / f"{md.stem}.ipynb"
    assert ref.exists(), f"{ref.relative_to(ROOT)} missing: run `make notebooks`"
    source_code = [c.source for c in jupytext.read(md).cells if c.cell_type == "code"]
    reference = nbformat.read(ref, as_version=4)
    ref_cells = [c for c in reference.cells if c.cell_type == "code"]
    assert [c.source for c in ref_cells] == source_code, f"{ref.name} is stale: run `make notebooks`"
    counts = [c.execution_count for c in ref_cells]
    assert None not in counts, f"{ref.name} has unexecuted cells: run `make notebooks`"
    assert counts == list(range(1, len(counts) + 1)), f"{ref.name} was not executed top to bottom"
    for cell in ref_cells:
        assert not any(o.get("output_type") == "error" for o in cell.outputs), f"{ref.name} has an error output"


def test_no_orphan_references():
    stems = {p.stem for p in SOURCES}
    for ref in (ROOT / "tests" / "notebooks").glob("*.ipynb"):
        assert ref.stem in stems, f"{ref.name} has no book/{ref.stem}.md"
