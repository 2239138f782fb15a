"""`make archive`: one zip that is the book's self-contained supplement, read and rerun from disk alone.

Contents, under one folder named after the book and its version (README.md inside lists them):
  index.html         forwards to html/index.html (open this one after unzipping)
  README.md          what the archive is, which commit it was built from, and the commands to rerun it
  book.pdf           the whole book as a PDF (`make pdf`)
  html/              the built HTML book, MathJax included (`make book`), read with no server or network
  notebooks/         every chapter executed, outputs and figures as the HTML shows them
  claims.json/.csv   the claims ledger (`python -m tlslib claims --json`, and the same as a table)
  tlslib/, data/     the physics package and its input data
  tests/             the nbval references and what `make verify` needs to compare with them
  book/, _static/, _config.yml, _toc.yml, references.bib, tools/   the book's sources (`make book`, `make pdf`)
  Makefile, pyproject.toml, requirements.lock, environment.yml, jupytext.toml   the environment
  CITATION.cff, .zenodo.json, LICENSE

`make verify` works in the unzipped folder (tests/test_publication.py runs it there): it creates
.venv from the lock, executes every chapter and compares each output with tests/notebooks/.

The zip is reproducible: entries in sorted order with a fixed timestamp and mode, generated files
(README, ledger, executed notebooks) made deterministically from their inputs, and what differs
between two builds of the same sources in the HTML made fixed (`normalized`: the random cell ids of
`_sources/*.ipynb`, Sphinx's `?v=` checksums), so two builds give the same bytes.
Usage: python tools/archive.py [--html DIR] [--pdf FILE] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import html as html_lib
import io
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jupytext
import nbformat
import yaml
from jupyter_cache import get_cache

ROOT = Path(__file__).resolve().parent.parent
NAME = "carruzzo-yu-2020-book"
#: Single files from the repository that travel with the book.
ROOT_FILES = (
    "CITATION.cff",
    ".zenodo.json",
    "LICENSE",
    "Makefile",
    "pyproject.toml",
    "requirements.lock",
    "environment.yml",
    "jupytext.toml",
    "_config.yml",
    "_toc.yml",
    "references.bib",
    # What `make verify` needs besides tests/notebooks/: nbval's sanitize rules and the plugin.
    "tests/sanitize.cfg",
    "tests/conftest.py",
    "tests/nbval_verified.py",
    "tests/nbval_kernel.py",
    # What `make book` and `make pdf` need besides the sources.
    "tools/refresh_notebooks.py",
    "tools/seed_cache.py",
    "tools/sphinx_offline.py",
    "tools/static/book-chrome.css",
    "tools/latex/bbm.sty",
)
#: Folders copied whole, with the file types they hold.
ROOT_FOLDERS = {"tlslib": "*.py", "data": "*", "tests/notebooks": "*.ipynb", "book": "*.md", "_static": "*"}
#: 1980-01-01, the earliest time a zip can hold: no build time leaks into the archive.
EPOCH = (1980, 1, 1, 0, 0, 0)
#: Sphinx's cache-busting "?v=<checksum>" on a page's CSS and JavaScript links: written on a rebuild
#: (the static files exist) and not on a fresh one, so it is removed (a file:// reader has no cache).
CACHE_BUSTER = re.compile(r"(\.(?:css|js))\?v=[0-9a-f]{8}(?=\")")
FORWARD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Refresh" content="0; url=html/index.html">
<title>{title}</title></head>
<body><p><a href="html/index.html">{title}</a></p></body></html>
"""
README = """# {title}, version {version}: the archive

An independent reproduction of H. M. Carruzzo and C. C. Yu, *Why phonon scattering in glasses
is universally small at low temperatures*, Phys. Rev. Lett. **124**, 075902 (2020),
doi:10.1103/PhysRevLett.124.075902. It is not the paper's Supplemental Material and is not
written or endorsed by the paper's authors. Repository: {url}

{stamp}

## Read

- `index.html`: the HTML book; open it from disk in any browser (no server, no network needed).
- `book.pdf`: the same book as a PDF.
- `notebooks/`: every chapter executed, with the outputs and figures the book shows.
- `claims.json`, `claims.csv`: the claims ledger, every quantitative statement of the paper with
  the recomputed value and its verdict ({n_claims} claims: {verdicts}).

## Rerun

Needs Python 3.11, 3.12 or 3.13 with `venv`, GNU make and access to PyPI (nothing else):

    make verify

creates `.venv/` from the pinned lock (`requirements.lock`), executes every chapter once and
compares every output with the published reference in `tests/notebooks/`; it ends with
"every output of every chapter matches the book's recorded outputs" and the ledger's summary. A number
that moved is named with both values, and the command exits non-zero.

With TeX Live (see `Makefile`, `make apt-packages`): `make book` rebuilds the HTML into
`_build/html`, `make pdf` the PDF. Outside a git checkout their footer and cover say "unknown
commit". The command line: `.venv/bin/python -m tlslib table1`, `.venv/bin/python -m tlslib
claims`, `.venv/bin/python -m tlslib predict --help`. With conda instead of pip:
`conda env create -f environment.yml`, then `pip install --no-deps -e .`.

## Contents

- `tlslib/`: the physics, one module per topic, in SI units; docstrings cite the paper's equations.
- `data/`: the paper's Table I and the other inputs, with `data/README.md`.
- `book/`, `_static/`, `_config.yml`, `_toc.yml`, `references.bib`, `tools/`: the book's sources.
- `tests/notebooks/`: the references `make verify` compares with; `tests/sanitize.cfg`,
  `tests/conftest.py`, `tests/nbval_verified.py`, `tests/nbval_kernel.py`: what it needs besides.
- `Makefile`, `pyproject.toml`, `requirements.lock`, `environment.yml`: the environment.

## Cite

Cite the paper for the physics and this book, with its version ({version}), for the
reproduction, its code and its data: `CITATION.cff`, and the page "How to cite" of the book,
which also says how to use this archive as supplementary material of your own work. Code under
the MIT licence, prose and figures under CC-BY-4.0 (`LICENSE`).
"""


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def book_documents() -> list[str]:
    """The documents of _toc.yml (e.g. "book/table1"), in order."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.extend([node[k] for k in ("root", "file") if k in node])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8")))
    return found


def build_stamp(html: Path) -> str:
    """The build's own statement of its version and commit (the footer of tools/sphinx_offline.py), as text."""
    page = html / "book" / "intro.html"
    match = re.search(r'<p class="book-stamp">(.*?)</p>', page.read_text(encoding="utf-8"), re.DOTALL)
    if match is None:
        raise ValueError(f"{page} has no version stamp: was it built with tools/sphinx_offline.py?")
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())
    return text.split(" An independent reproduction")[0]  # "Version X, built from commit Y (date)."


def executed_notebooks(html: Path) -> Iterator[tuple[str, bytes]]:
    """Every chapter with its outputs as the build shows them, from the build's jupyter-cache.

    The cache sits beside the HTML (`_build/.jupyter_cache` for `_build/html`). A chapter's outputs
    are matched by its code cells, exactly as Jupyter Book matched them for the page.
    """
    cache_dir = html.parent / ".jupyter_cache"
    if not cache_dir.is_dir():
        raise FileNotFoundError(f"no jupyter-cache beside {html}: build the book with `make book`")
    cache = get_cache(str(cache_dir))
    for doc in book_documents():
        source = ROOT / f"{doc}.md"
        nb = jupytext.read(source)
        if not any(cell.cell_type == "code" for cell in nb.cells):
            continue
        stable_ids(nb, source.stem)  # the ids of tools/refresh_notebooks.py: no random ids
        try:
            _, merged = cache.merge_match_into_notebook(nb)
        except KeyError as error:
            raise FileNotFoundError(f"the build's cache has no outputs for {doc}.md: rerun `make book`") from error
        merged.metadata.pop("widgets", None)
        yield f"notebooks/{source.stem}.ipynb", nbformat.writes(merged).encode("utf-8") + b"\n"


def stable_ids(notebook: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """The notebook with cell ids from its name and the cell's index (the ids of tools/refresh_notebooks.py).

    Jupyter Book converts each MyST page into a notebook with random cell ids, different on every
    build; the ids mean nothing to a reader, so the archive numbers the cells instead.
    """
    for i, cell in enumerate(notebook.cells):
        cell.id = f"{stem}-{i:03d}"
    return notebook


def normalized(name: str, content: bytes) -> bytes:
    """A file of the built HTML with what differs between two builds of the same sources made fixed.

    - ``_sources/**/*.ipynb``: the page as a notebook; its random cell ids become stable ones;
    - ``*.html``: Sphinx's ``?v=<checksum>`` on CSS and JavaScript links is dropped.
    """
    if name.endswith(".ipynb"):
        notebook = nbformat.reads(content.decode("utf-8"), as_version=nbformat.NO_CONVERT)
        return nbformat.writes(stable_ids(notebook, Path(name).stem)).encode("utf-8") + b"\n"
    if name.endswith(".html"):
        return CACHE_BUSTER.sub(r"\1", content.decode("utf-8")).encode("utf-8")
    return content


def claims_ledger() -> tuple[bytes, bytes, list[dict]]:
    """The ledger as `python -m tlslib claims --json` prints it, and the same as CSV."""
    done = subprocess.run(
        [sys.executable, "-m", "tlslib", "claims", "--json"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"python -m tlslib claims --json failed: {done.stderr.strip()}")
    records = json.loads(done.stdout)
    columns: list[str] = []
    for record in records:
        columns += [key for key in record if key not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        # A range [low, high] becomes "low to high"; a missing value an empty cell.
        writer.writerow(
            {
                key: " to ".join(map(str, value)) if isinstance(value, list) else "" if value is None else value
                for key, value in record.items()
            }
        )
    return done.stdout.encode("utf-8"), out.getvalue().encode("utf-8"), records


def sources() -> Iterator[tuple[str, Path]]:
    """(name inside the archive, file on disk) for the sources, tests and environment files."""
    for folder, pattern in ROOT_FOLDERS.items():
        base = ROOT / folder
        yield from (
            (p.relative_to(ROOT).as_posix(), p)
            for p in base.rglob(pattern)
            if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".pyc")
        )
    yield from ((name, ROOT / name) for name in ROOT_FILES)


def members(html: Path, pdf: Path) -> Iterator[tuple[str, bytes]]:
    """(name inside the archive, content) of every entry."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    title = config["title"]
    yield "index.html", FORWARD.format(title=html_lib.escape(title)).encode("utf-8")
    for path in sorted(p for p in html.rglob("*") if p.is_file()):
        name = f"html/{path.relative_to(html).as_posix()}"
        yield name, normalized(name, path.read_bytes())
    yield "book.pdf", pdf.read_bytes()
    yield from executed_notebooks(html)
    as_json, as_csv, records = claims_ledger()
    yield "claims.json", as_json
    yield "claims.csv", as_csv
    yield from ((name, path.read_bytes()) for name, path in sources())
    verdicts: dict[str, int] = {}
    for record in records:
        verdicts[record["verdict"]] = verdicts.get(record["verdict"], 0) + 1
    readme = README.format(
        title=title,
        version=version(),
        url=config["repository"]["url"],
        stamp=build_stamp(html),
        n_claims=len(records),
        verdicts=", ".join(f"{n} {verdict}" for verdict, n in verdicts.items()),
    )
    yield "README.md", readme.encode("utf-8")


def write_archive(html: Path, out_dir: Path, pdf: Path | None = None) -> Path:
    """Write <out_dir>/<NAME>-<version>.zip and return its path (pdf: `make pdf`'s book.pdf by default)."""
    pdf = pdf if pdf is not None else html.parent / "latex" / "book.pdf"
    if not (html / "index.html").is_file():
        raise FileNotFoundError(f"no built book in {html}: run `make book` first")
    if not (html / "_static" / "mathjax" / "tex-chtml.js").is_file():
        raise FileNotFoundError(f"{html} has no MathJax copy: was it built with tools/sphinx_offline.py?")
    if not pdf.is_file():
        raise FileNotFoundError(f"no PDF at {pdf}: run `make pdf` first")
    missing = [name for name in ROOT_FILES if not (ROOT / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing from the repository: {', '.join(missing)}")
    top = f"{NAME}-{version()}"
    entries = dict(members(html, pdf))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{top}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(entries):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=EPOCH)
            info.external_attr = 0o644 << 16
            zf.writestr(info, entries[name], zipfile.ZIP_DEFLATED)
    return target


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built HTML book")
    parser.add_argument("--pdf", type=Path, default=ROOT / "_build" / "latex" / "book.pdf", help="the built PDF")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "archive", help="folder for the zip")
    args = parser.parse_args(argv)
    try:
        target = write_archive(args.html.resolve(), args.out.resolve(), args.pdf.resolve())
    except (FileNotFoundError, ValueError, RuntimeError) as error:
        print(f"tools/archive.py: {error}", file=sys.stderr)
        sys.exit(2)
    size = target.stat().st_size / 2**20
    with zipfile.ZipFile(target) as zf:
        count = len(zf.namelist())
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {count} files, {size:.1f} MiB")
    print("unzip it and open index.html (file://): no server or network needed; `make verify` there reruns it")


if __name__ == "__main__":
    main(sys.argv[1:])
