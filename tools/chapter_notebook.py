"""A chapter as an executed Jupyter notebook, for a reader who wants to run it: ``make notebook CHAPTER=table1``.

The chapters are MyST Markdown notebooks whose prose takes its numbers from glue roles
(``{glue:text}`name:.2f```, ``{glue:md}`name```), which only the book's builder (myst-nb) fills in:
a plain conversion shows the placeholders. This script converts ``book/CHAPTER.md`` with jupytext,
executes it with the kernel of the running Python, and writes each glue role of the Markdown as the
value the run recorded, formatted as myst-nb formats it. The cell tags stay; a cell the book hides
(``hide-input``, ``remove-input``, ``remove-cell``, ...) also gets JupyterLab's ``jupyter:
source_hidden`` / ``outputs_hidden`` metadata, so it opens collapsed. The result goes to
``notebooks/CHAPTER.ipynb`` (ignored by git and by the book's build).

    .venv/bin/python tools/chapter_notebook.py table1                 # convert and execute
    .venv/bin/python tools/chapter_notebook.py --executed tests/notebooks/table1.ipynb   # fill only
"""

from __future__ import annotations

import argparse
import re
import sys
from ast import literal_eval
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "notebooks"
RECORD_PREFIX = "application/papermill.record/"

#: {glue}`name`, {glue:text}`name:fmt`, {glue:md}`name`, {glue:any}`name` (myst-nb's glue roles).
GLUE_ROLE = re.compile(r"\{glue(?::(?P<kind>text|md|any))?\}`(?P<key>[^`]+)`")
#: Book tags that hide a cell's source, its outputs, or both.
HIDE_SOURCE = {"hide-input", "remove-input", "hide-cell", "remove-cell"}
HIDE_OUTPUTS = {"hide-output", "remove-output", "hide-cell", "remove-cell"}


def recorded(nb: nbformat.NotebookNode) -> dict[str, dict[str, str]]:
    """Every glued value of an executed notebook: name -> {mime type: text}."""
    values: dict[str, dict[str, str]] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else ():
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name is None:
                continue
            data = {}
            for mime, text in out.get("data", {}).items():
                if mime.startswith(RECORD_PREFIX):
                    data[mime.removeprefix(RECORD_PREFIX)] = "".join(text) if isinstance(text, list) else text
            values[name] = data
    return values


def _plain(text: str, spec: str) -> str:
    """myst-nb's formatting of a glued text/plain value with a format spec (myst_nb.core.variables)."""
    try:
        value = literal_eval(text)
    except (SyntaxError, ValueError):
        value = text
    if not spec:
        return str(value)
    kind = spec[-1]
    if kind == "s":
        value = str(value)
    elif kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, spec)


def glued_text(values: dict[str, dict[str, str]], kind: str | None, key: str) -> str:
    """The text one glue role stands for; KeyError if the run recorded no such value."""
    spec = ""
    if kind == "text" and ":" in key:
        key, spec = key.rsplit(":", 1)
    data = values[key]
    if kind in ("md", None, "any") and "text/markdown" in data:
        return data["text/markdown"].strip()
    return _plain(data["text/plain"], spec)


def fill_glue(nb: nbformat.NotebookNode) -> list[str]:
    """Replace the glue roles of every Markdown cell by the recorded values; return the names not found."""
    values, missing = recorded(nb), []

    def replace(match: re.Match) -> str:
        try:
            return glued_text(values, match.group("kind"), match.group("key"))
        except KeyError:
            missing.append(match.group("key"))
            return match.group(0)

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = GLUE_ROLE.sub(replace, cell.source)
    return missing


def mark_hidden(nb: nbformat.NotebookNode) -> None:
    """JupyterLab's collapsed-cell metadata for the cells the book hides (the tags are kept)."""
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        jupyter = {}
        if tags & HIDE_SOURCE:
            jupyter["source_hidden"] = True
        if tags & HIDE_OUTPUTS:
            jupyter["outputs_hidden"] = True
        if jupyter:
            cell.metadata.setdefault("jupyter", {}).update(jupyter)


def execute(chapter: Path) -> nbformat.NotebookNode:
    """``book/CHAPTER.md`` converted with jupytext and executed in the running Python's kernel."""
    import jupytext
    from nbclient import NotebookClient

    nb = jupytext.read(chapter)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(chapter.parent)}}
    ).execute()
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapter", nargs="?", help="a chapter name (book/NAME.md), e.g. table1")
    parser.add_argument("--executed", metavar="IPYNB", help="fill an already executed notebook instead")
    parser.add_argument("--out", default=str(OUT), help="output folder (default: notebooks/)")
    args = parser.parse_args(argv)
    if args.executed:
        source = Path(args.executed)
        nb = nbformat.read(source, as_version=4)
    elif args.chapter:
        source = ROOT / "book" / f"{args.chapter.removesuffix('.md')}.md"
        if not source.exists():
            names = ", ".join(sorted(p.stem for p in (ROOT / "book").glob("*.md")))
            print(f"chapter_notebook: no chapter {args.chapter!r} (one of {names})", file=sys.stderr)
            return 2
        nb = execute(source)
    else:
        parser.error("give a chapter name or --executed IPYNB")
    missing = fill_glue(nb)
    mark_hidden(nb)
    out = Path(args.out) / f"{source.stem}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    if missing:
        print(f"chapter_notebook: no recorded value for {', '.join(sorted(set(missing)))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
