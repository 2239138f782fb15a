"""`make archive`: one zip of the book that is read from disk, with no server and no network.

Contents, under one folder named after the book and its version:
  index.html       forwards to html/index.html (open this one after unzipping)
  html/            the built HTML book, MathJax included (from `make book`, _build/html)
  notebooks/       the executed notebooks, one per chapter (tests/notebooks/*.ipynb)
  data/            the input data with its README
  CITATION.cff, .zenodo.json, LICENSE, README.md

The zip is reproducible: entries in sorted order with a fixed timestamp, so the same inputs
give the same bytes. Usage: python tools/archive.py [--html DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "carruzzo-yu-2020-book"
#: Files from the repository root that travel with the book.
ROOT_FILES = ("CITATION.cff", ".zenodo.json", "LICENSE", "README.md")
#: 1980-01-01, the earliest time a zip can hold: no build time leaks into the archive.
EPOCH = (1980, 1, 1, 0, 0, 0)
FORWARD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Refresh" content="0; url=html/index.html">
<title>{title}</title></head>
<body><p><a href="html/index.html">{title}</a></p></body></html>
"""


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def members(html: Path) -> Iterator[tuple[str, Path]]:
    """(name inside the archive, file on disk) for everything but the forwarding page."""
    yield from ((f"html/{p.relative_to(html).as_posix()}", p) for p in html.rglob("*") if p.is_file())
    yield from ((f"notebooks/{p.name}", p) for p in (ROOT / "tests" / "notebooks").glob("*.ipynb"))
    data = ROOT / "data"
    yield from ((f"data/{p.relative_to(data).as_posix()}", p) for p in data.rglob("*") if p.is_file())
    yield from ((name, ROOT / name) for name in ROOT_FILES)


def write_archive(html: Path, out_dir: Path) -> Path:
    """Write <out_dir>/<NAME>-<version>.zip and return its path."""
    if not (html / "index.html").is_file():
        raise FileNotFoundError(f"no built book in {html}: run `make book` first")
    if not (html / "_static" / "mathjax" / "tex-chtml.js").is_file():
        raise FileNotFoundError(f"{html} has no MathJax copy: was it built with tools/sphinx_offline.py?")
    missing = [name for name in ROOT_FILES if not (ROOT / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing from the repository root: {', '.join(missing)}")
    top = f"{NAME}-{version()}"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{top}.zip"
    entries = sorted(members(html))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        forward = zipfile.ZipInfo(f"{top}/index.html", date_time=EPOCH)
        forward.external_attr = 0o644 << 16
        zf.writestr(forward, FORWARD.format(title="Carruzzo & Yu (2020), a reproduction"), zipfile.ZIP_DEFLATED)
        for name, path in entries:
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=EPOCH)
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return target


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built HTML book")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "archive", help="folder for the zip")
    args = parser.parse_args(argv)
    target = write_archive(args.html.resolve(), args.out.resolve())
    size = target.stat().st_size / 2**20
    with zipfile.ZipFile(target) as zf:
        count = len(zf.namelist())
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {count} files, {size:.1f} MiB")
    print("unzip it and open index.html (file://): no server or network needed")


if __name__ == "__main__":
    main(sys.argv[1:])
