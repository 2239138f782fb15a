"""Seed a jupyter-cache with executed chapters, so that the HTML build does not execute them again.

Usage: python tools/seed_cache.py EXECUTED_DIR CACHE_DIR

EXECUTED_DIR holds executed notebooks named after the chapters (tests/nbval_verified.py writes
them after nbval has compared every output with the published reference; tools/execute.py
writes them for `make book`). Jupyter Book matches a chapter to a cached notebook by its code
cells and kernelspec; the paired book/X.md and executed X.ipynb have the same ones, so the
build takes these outputs. A chapter missing here is executed by the build itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn

ROOT = Path(__file__).resolve().parent.parent


def seed(executed: Path, cache_dir: Path) -> list[str]:
    """Add every notebook of ``executed`` to the cache at ``cache_dir``; return the chapters seeded."""
    cache = get_cache(str(cache_dir))
    seeded = []
    for path in sorted(executed.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        uri = str(ROOT / "book" / f"{path.stem}.md")
        cache.cache_notebook_bundle(CacheBundleIn(nb, uri), check_validity=False, overwrite=True)
        seeded.append(path.stem)
    return seeded


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tools/seed_cache.py EXECUTED_DIR CACHE_DIR", file=sys.stderr)
        return 2
    executed, cache_dir = Path(argv[0]), Path(argv[1])
    if not executed.is_dir():
        print(f"seed_cache: {executed} does not exist (run `make verify` first)", file=sys.stderr)
        return 2
    seeded = seed(executed, cache_dir)
    print(f"seeded {cache_dir} with {len(seeded)} executed chapters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
