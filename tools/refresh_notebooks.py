"""Execute the book's MyST notebooks: the nbval references (`make notebooks`) or a build's outputs.

Usage:
    python tools/refresh_notebooks.py [STEM ...]
        re-execute book/*.md into tests/notebooks/*.ipynb, the references nbval compares with.
    python tools/refresh_notebooks.py --out DIR --keep-figures [STEM ...]
        execute into DIR with figures (used by `make book` to seed its execution cache).

The references are deterministic by construction: fixed seeds in the notebooks, one BLAS thread
(set by the Makefile), no timing metadata, stable cell ids, numbers recorded through
tlslib.book at a precision that does not depend on the CPU. They hold only what nbval compares:
text outputs pass through nbval's sanitize rules, and figures (image/*) are dropped, because
nbval never compares them and their pixels change with the last bits of the plotted data, so a
reference with figures would change from one CPU to another. The HTML book shows the figures
of its own run (tests/nbval_verified.py). Chapters run in parallel, one kernel per core.
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
REFERENCES = ROOT / "tests" / "notebooks"
SANITIZE = ROOT / "tests" / "sanitize.cfg"


def notebook_sources() -> list[Path]:
    """The MyST notebooks of the book: .md files with a kernelspec."""
    return sorted(p for p in BOOK.glob("*.md") if "kernelspec:" in p.read_text(encoding="utf-8"))


def drop_figures(nb: nbformat.NotebookNode) -> None:
    """Remove image/* and application/pdf data from every output (the text/plain face of a figure stays)."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            for mime in [m for m in data if m.startswith("image/") or m == "application/pdf"]:
                del data[mime]
                out.get("metadata", {}).pop(mime, None)


def sanitize(nb: nbformat.NotebookNode) -> None:
    """Apply nbval's sanitize rules (tests/sanitize.cfg) to text outputs, e.g. memory addresses.

    nbval applies them to both sides before comparing, so the reference loses nothing; without
    them a reference would change at every refresh (an object's repr holds its address).
    """
    config = configparser.ConfigParser()
    config.read(SANITIZE, encoding="utf-8")
    rules = [(re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections()]
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            for mime, text in data.items():
                if mime.startswith("text/") and isinstance(text, str):
                    for regex, replace in rules:
                        text = regex.sub(replace, text)
                    data[mime] = text


def refresh(md: Path, out_dir: Path = REFERENCES, keep_figures: bool = False) -> Path:
    """Execute one MyST notebook in book/ and write it to ``out_dir``."""
    nb = jupytext.read(md)
    for i, cell in enumerate(nb.cells):
        cell.id = f"{md.stem}-{i:03d}"  # nbformat would draw random ids: keep refreshes diff-free
    NotebookClient(
        nb, timeout=600, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(BOOK)}}
    ).execute()
    nb.metadata.pop("widgets", None)
    if not keep_figures:
        drop_figures(nb)
        sanitize(nb)
    out = out_dir / f"{md.stem}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stems", nargs="*", help="chapters to execute (default: all)")
    parser.add_argument("--out", type=Path, default=REFERENCES, help="output folder (default: tests/notebooks)")
    parser.add_argument("--keep-figures", action="store_true", help="keep image outputs (not for references)")
    args = parser.parse_args(argv)
    sources = notebook_sources()
    if args.stems:
        unknown = set(args.stems) - {p.stem for p in sources}
        if unknown:
            print(f"refresh_notebooks: no chapter book/{sorted(unknown)[0]}.md", file=sys.stderr)
            return 2
        sources = [p for p in sources if p.stem in args.stems]
    run = partial(refresh, out_dir=args.out.resolve(), keep_figures=args.keep_figures)
    with ProcessPoolExecutor(max_workers=max(1, min(len(sources), os.cpu_count() or 1))) as pool:
        for md, out in zip(sources, pool.map(run, sources), strict=True):
            print(f"executed {md.relative_to(ROOT)} -> {os.path.relpath(out, ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
