"""Re-execute every book/*.md notebook into tests/notebooks/*.ipynb, the nbval references.

Deterministic by construction (no timing metadata, fixed seeds in the notebooks,
one BLAS thread set by the Makefile), so two refreshes give no git diff.
Usage: python tools/refresh_notebooks.py [STEM ...]   (run by `make notebooks`).
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
REFERENCES = ROOT / "tests" / "notebooks"


def notebook_sources() -> list[Path]:
    """The MyST notebooks of the book: .md files with a kernelspec."""
    return sorted(p for p in BOOK.glob("*.md") if "kernelspec:" in p.read_text(encoding="utf-8"))


def refresh(md: Path) -> Path:
    """Execute one MyST notebook in book/ and write its reference .ipynb."""
    nb = jupytext.read(md)
    for i, cell in enumerate(nb.cells):
        cell.id = f"{md.stem}-{i:03d}"  # nbformat would draw random ids: keep refreshes diff-free
    NotebookClient(
        nb, timeout=600, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(BOOK)}}
    ).execute()
    nb.metadata.pop("widgets", None)
    out = REFERENCES / f"{md.stem}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    return out


def main(argv: list[str]) -> None:
    sources = notebook_sources()
    if argv:
        sources = [p for p in sources if p.stem in argv]
    # One kernel per core: the notebooks are independent, and each writes only its own reference.
    with ProcessPoolExecutor(max_workers=min(len(sources), os.cpu_count() or 1) or 1) as pool:
        for md, out in zip(sources, pool.map(refresh, sources), strict=True):
            print(f"executed {md.relative_to(ROOT)} -> {out.relative_to(ROOT)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
