"""The publication artefacts, read back: the PDF of `make pdf` and the zip of `make archive`.

Run by `make publication` (after building both). The PDF is read with pdftotext/pdfimages
(poppler-utils): every chapter, equation number, citation, glued number and claim of the ledger
must be in it, its cover must give the version, the commit and the paper, and there must be no raw
TeX or unresolved reference. The zip must hold the book, the PDF, the executed notebooks, tlslib,
the data, the lock, the claims ledger and the citation files, be reproducible byte for byte,
typeset its equations from file:// in headless Chromium, and rerun: `make verify` in the unzipped
folder (a fresh .venv from the lock) must pass. Without the artefacts (or poppler/Chromium) these
tests skip locally, and fail under CI=true.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from myst_nb.core.variables import format_plain_text
from test_archive import archive_tool as _archive_tool

ROOT = Path(__file__).resolve().parent.parent
# Needs the PDF and the archive: `make publication`; `make unit` deselects it.
pytestmark = pytest.mark.publication
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PDF = Path(os.environ.get("BOOK_PDF", ROOT / "_build" / "latex" / "book.pdf")).resolve()
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html")).resolve()
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
ARCHIVE_NAME = f"carruzzo-yu-2020-book-{VERSION}.zip"
ARCHIVE = Path(os.environ.get("BOOK_ARCHIVE", ROOT / "_build" / "archive" / ARCHIVE_NAME)).resolve()


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: these checks must run)")
    pytest.skip(reason)


def _toc_files() -> list[str]:
    """The documents of _toc.yml, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in toc.items() if k != "root"})
    return files


def _squash(text: str) -> str:
    """Text with whitespace removed and typographic variants folded, to compare across line breaks."""
    text = text.replace("\u2212", "-").replace("\u2019", "'").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"\s+", "", text).casefold()


def _pdftotext(*options: str) -> str:
    if not PDF.is_file():
        _unavailable(f"no PDF at {PDF.relative_to(ROOT) if PDF.is_relative_to(ROOT) else PDF}: run `make pdf`")
    if shutil.which("pdftotext") is None:
        _unavailable("pdftotext not found: apt-get install -y poppler-utils")
    return subprocess.run(["pdftotext", *options, str(PDF), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf_text() -> str:
    return _pdftotext("-layout")


@pytest.fixture(scope="module")
def pdf_text_in_reading_order() -> str:
    """The PDF's text in reading order: a table cell's lines stay together (with -layout, a long
    cell broken over two lines has the other columns of its row between its pieces)."""
    return _pdftotext()


def _claims() -> list[dict]:
    """The claims ledger, as `python -m tlslib claims --json` prints it."""
    done = subprocess.run(
        [sys.executable, "-m", "tlslib", "claims", "--json"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_pdf_ledger_has_every_claim(pdf_text, pdf_text_in_reading_order):
    """Every claim of the ledger is in the PDF, found by its id (a truncated table would lose some)."""
    claims = _claims()
    assert claims, "the ledger is empty"
    texts = [_squash(pdf_text), _squash(pdf_text_in_reading_order)]
    missing = [c["id"] for c in claims if not any(_squash(c["id"]) in text for text in texts)]
    assert not missing, f"{len(missing)} of {len(claims)} claims missing from the PDF: {', '.join(missing)}"


def test_pdf_cover_gives_version_commit_and_the_paper():
    """The title page says which version and commit the PDF was built from, and which paper it reproduces."""
    cover = " ".join(_pdftotext("-f", "1", "-l", "1").split())
    assert f"Version {VERSION}" in cover, cover
    assert re.search(r"commit [0-9a-f]{7,}|unknown commit", cover), cover
    assert "Carruzzo" in cover and "10.1103/PhysRevLett.124.075902" in cover, cover
    assert "not the paper's supplemental material" in cover.replace("\u2019", "'").casefold(), cover


def test_pdf_has_every_chapter(pdf_text):
    """Every chapter title (the root page's becomes the PDF's title page) is in the PDF."""
    squashed = _squash(pdf_text)
    missing = []
    for doc in _toc_files()[1:]:
        lines = (ROOT / f"{doc}.md").read_text(encoding="utf-8").splitlines()
        title = next((ln[2:].strip() for ln in lines if ln.startswith("# ")), "")
        # Math and markup render differently: compare the plain-text pieces between them.
        pieces = [_squash(p) for p in re.split(r"\$[^$]*\$|[`*]", title) if p.strip()]
        if not all(p in squashed for p in pieces):
            missing.append(f"{doc}: {title!r}")
    assert not missing, "chapters missing from the PDF:\n" + "\n".join(missing)


def test_pdf_has_no_raw_tex_or_unresolved_reference(pdf_text):
    for raw in ("$$", "\\begin{", "\\end{", "{cite", "{glue", "{numref", "{eq}"):
        assert raw not in pdf_text, f"raw markup {raw!r} in the PDF"
    assert "??" not in pdf_text, "an unresolved reference (??) in the PDF"


def test_pdf_has_numbered_equations_and_citations(pdf_text):
    assert re.search(r"\(\d+\.\d+\)", pdf_text), "no numbered equation such as (1.1)"
    assert "Carruzzo and Yu, 2020" in pdf_text, "the paper is not cited in author-year style"
    assert "10.1103/PhysRevLett.124.075902" in pdf_text, "the bibliography lacks the paper's DOI"


def _glued_values(notebook: Path) -> dict[str, str]:
    """name -> text/plain of every glue() in an executed notebook."""
    values = {}
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            scrap = out.get("metadata", {}).get("scrapbook", {})
            key = scrap.get("mime_prefix", "") + "text/plain"
            if scrap.get("name") and key in out.get("data", {}):
                values[scrap["name"]] = "".join(out["data"][key])
    return values


def _formatted(value: str, spec: str) -> str | None:
    """The text myst-nb puts on the page for {glue:text}`name:spec` (its own formatter)."""
    try:
        return format_plain_text(value, spec)
    except (TypeError, ValueError):
        return None


def test_pdf_has_the_glued_numbers(pdf_text):
    """Every {glue:text}`name:spec` of the book's prose appears in the PDF as the page shows it."""
    squashed, checked, missing = _squash(pdf_text), 0, []
    for doc in _toc_files():
        source, notebook = ROOT / f"{doc}.md", ROOT / "tests" / "notebooks" / f"{Path(doc).name}.ipynb"
        if not notebook.is_file():
            continue
        values = _glued_values(notebook)
        for name, spec in re.findall(r"\{glue:text\}`([^`:]+):?([^`]*)`", source.read_text(encoding="utf-8")):
            if name not in values:
                continue
            text = _formatted(values[name], spec)
            if text is None:
                continue
            checked += 1
            if _squash(text) not in squashed:
                missing.append(f"{doc}: {name} = {text}")
    assert checked, "no glued number found to check"
    assert not missing, "glued numbers missing from the PDF:\n" + "\n".join(missing)


LATEX = PDF.parent
#: A4 in PostScript points (210 mm x 297 mm), as pdfinfo prints it.
A4_POINTS = (595.28, 841.89)


def _pdfimages() -> list[dict[str, str]]:
    """The raster images of the PDF (pdfimages -list): one dict per image, keyed by the column heads."""
    if not PDF.is_file() or shutil.which("pdfimages") is None:
        _unavailable("no PDF or no pdfimages (poppler-utils)")
    listing = subprocess.run(["pdfimages", "-list", str(PDF)], capture_output=True, text=True, check=True).stdout
    lines = listing.splitlines()
    heads = lines[0].split()
    return [dict(zip(heads, ln.split(), strict=False)) for ln in lines[2:] if ln.strip()]


def _html_figures() -> int:
    n_html = 0
    for doc in _toc_files():
        page = HTML / f"{doc}.html"
        if page.is_file():
            figures = re.findall(r"<img [^>]*src=\"(?![^\"]*_static/images/logo_)", page.read_text(encoding="utf-8"))
            n_html += len(figures)
    return n_html


def test_pdf_has_the_figures():
    """Every figure of the HTML book is in the PDF: each is included as a graphic by book.tex."""
    tex = LATEX / "book.tex"
    if not tex.is_file():
        _unavailable("no book.tex beside the PDF: run `make pdf`")
    included = re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{?([^}]+)\}", tex.read_text(encoding="utf-8"))
    n_html = _html_figures()
    assert n_html, "no figure in the HTML book to compare with"
    assert len(included) >= n_html, f"{len(included)} graphics in the PDF, {n_html} figures in the HTML book"


def test_pdf_figures_are_vector_graphics():
    """Issue 18, item 4: the figures are PDF graphics (matplotlib's PDF face), not ~100 dpi PNGs.

    pdfimages lists the raster images of the PDF: none may be a figure. The figures are included
    as .pdf files by book.tex; a figure drawn with an image inside (imshow) would be listed here.
    """
    rasters = [f"page {i['page']}: {i['width']}x{i['height']} {i['type']}" for i in _pdfimages()]
    assert not rasters, f"{len(rasters)} raster images in the PDF:\n" + "\n".join(rasters)
    graphics = re.findall(
        r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{?([^}]+)\}", (LATEX / "book.tex").read_text(encoding="utf-8")
    )
    assert graphics and all(Path(g).suffix in {".pdf", ""} for g in graphics), graphics


def test_pdf_is_a4():
    """Issue 18, item 4: every page is A4 (210 mm x 297 mm, portrait or landscape), not US Letter."""
    if not PDF.is_file() or shutil.which("pdfinfo") is None:
        _unavailable("no PDF or no pdfinfo (poppler-utils)")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(PDF)], capture_output=True, text=True, check=True)
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.MULTILINE)
    assert sizes, info.stdout[:500]
    wrong = [
        f"page {page}: {w} x {h} pts"
        for page, w, h in sizes
        if sorted((float(w), float(h))) != pytest.approx(sorted(A4_POINTS), abs=1.0)
    ]
    assert not wrong, f"{len(wrong)} pages are not A4:\n" + "\n".join(wrong[:10])


def test_pdf_has_no_missing_character():
    """Issue 18, item 4: XeLaTeX found a glyph for every character (its log names any it did not:
    "Missing character: There is no ₚ (U+209A) in font ..."); tools/latex/tlsbook.sty makes one an error."""
    log = LATEX / "book.log"
    if not log.is_file():
        _unavailable("no book.log beside the PDF: run `make pdf`")
    text = log.read_text(encoding="utf-8", errors="replace")
    missing = sorted(set(re.findall(r"Missing character: There is no .*", text)))
    assert not missing, f"{len(missing)} characters missing from the fonts:\n" + "\n".join(missing)
    assert "\\tracinglostchars=3" in (ROOT / "tools" / "latex" / "tlsbook.sty").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def archive() -> zipfile.ZipFile:
    if not ARCHIVE.is_file():
        _unavailable(f"no archive at {ARCHIVE.relative_to(ROOT)}: run `make archive`")
    with zipfile.ZipFile(ARCHIVE) as zf:
        yield zf


TOP = f"carruzzo-yu-2020-book-{VERSION}/"


def test_archive_holds_the_book_pdf_sources_data_and_citation(archive):
    names = set(archive.namelist())
    for name in (
        "index.html",
        "README.md",
        "book.pdf",
        "claims.json",
        "claims.csv",
        "html/index.html",
        "html/_static/mathjax/tex-chtml.js",
        "html/_static/mathjax/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff",
        "data/table1.csv",
        "data/README.md",
        "tlslib/__init__.py",
        "tlslib/cli.py",
        "requirements.lock",
        "environment.yml",
        "pyproject.toml",
        "Makefile",
        "tests/conftest.py",
        "tests/nbval_verified.py",
        "tests/sanitize.cfg",
        "CITATION.cff",
        ".zenodo.json",
        "LICENSE",
    ):
        assert TOP + name in names, f"{name} missing from the archive"
    for module in (ROOT / "tlslib").glob("*.py"):
        assert archive.read(f"{TOP}tlslib/{module.name}") == module.read_bytes(), f"tlslib/{module.name} differs"
    for doc in _toc_files():
        assert f"{TOP}html/{doc}.html" in names, f"{doc} missing from the archived HTML"
        assert f"{TOP}{doc}.md" in names, f"{doc}.md missing from the archived sources"
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")], "compiled Python in the archive"


def test_archive_notebooks_are_the_references_and_the_executed_chapters(archive):
    """tests/notebooks/ as committed (what `make verify` compares with); notebooks/ the same chapters
    executed, with their outputs (figures included) as the HTML shows them."""
    for reference in sorted((ROOT / "tests" / "notebooks").glob("*.ipynb")):
        assert archive.read(f"{TOP}tests/notebooks/{reference.name}") == reference.read_bytes(), reference.name
        executed = json.loads(archive.read(f"{TOP}notebooks/{reference.name}"))
        expected = json.loads(reference.read_bytes())
        code = [[c["source"] for c in nb["cells"] if c["cell_type"] == "code"] for nb in (executed, expected)]
        assert code[0] == code[1], f"notebooks/{reference.name} is not the chapter of the reference"
        n_outputs = [sum(len(c.get("outputs", [])) for c in nb["cells"]) for nb in (executed, expected)]
        assert n_outputs[0] >= n_outputs[1], f"notebooks/{reference.name} has fewer outputs than the reference"


def test_archive_pdf_is_the_built_pdf(archive):
    if not PDF.is_file():
        _unavailable("no PDF: run `make pdf`")
    assert archive.read(f"{TOP}book.pdf") == PDF.read_bytes()


def test_archive_claims_ledger_as_json_and_csv(archive):
    """claims.json is `python -m tlslib claims --json`; claims.csv the same claims, one a row."""
    claims = _claims()
    assert json.loads(archive.read(f"{TOP}claims.json")) == claims
    rows = list(csv.DictReader(io.StringIO(archive.read(f"{TOP}claims.csv").decode("utf-8"))))
    assert [r["id"] for r in rows] == [c["id"] for c in claims]
    assert [r["verdict"] for r in rows] == [c["verdict"] for c in claims]


def test_archive_readme_says_how_to_rerun(archive):
    readme = archive.read(f"{TOP}README.md").decode("utf-8")
    assert "make verify" in readme and "independent reproduction" in readme
    assert f"Version {VERSION}, built from " in readme
    assert re.search(r"commit [0-9a-f]{7,}|unknown commit", readme)


def test_archive_is_reproducible(tmp_path):
    if not ARCHIVE.is_file():
        _unavailable("no archive: run `make archive`")
    again = _archive_tool().write_archive(HTML, tmp_path, PDF)
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (ARCHIVE, again)]
    assert digest[0] == digest[1], "two archives of the same build differ"


def test_archive_makes_fixed_what_differs_between_two_builds():
    """Jupyter Book gives each page's notebook (html/_sources/*.ipynb) random cell ids, and Sphinx adds
    ?v=<checksum> to CSS and JavaScript links on a rebuild only: neither may reach the archive."""
    import nbformat

    tool = _archive_tool()
    one, two = (nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]) for _ in range(2))
    assert one.cells[0].id != two.cells[0].id
    packed = [tool.normalized("html/_sources/book/table1.ipynb", nbformat.writes(nb).encode()) for nb in (one, two)]
    assert packed[0] == packed[1] and b'"id": "table1-000"' in packed[0]
    page = b'<link href="../_static/a.css?v=8cd3d715" /><script src="../_static/b.js?v=f4737972"></script>'
    assert tool.normalized("html/book/table1.html", page) == (
        b'<link href="../_static/a.css" /><script src="../_static/b.js"></script>'
    )


def test_a_second_build_gives_the_same_archive(tmp_path):
    """`make archive` twice gives the same bytes: the HTML built again (from the same executed
    chapters, into tmp_path) packs into the archive of `make archive`, byte for byte."""
    executed = ROOT / "_build" / "executed"
    if not (ARCHIVE.is_file() and PDF.is_file() and executed.is_dir()):
        _unavailable("no archive, PDF or _build/executed: run `make archive`")
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [sys.executable, ROOT / "tools" / "seed_cache.py", executed, tmp_path / "_build" / ".jupyter_cache"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    done = subprocess.run(
        [bin_dir / "jupyter-book", "build", ".", "-W", "-n", "--keep-going", "--path-output", tmp_path],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    again = _archive_tool().write_archive(tmp_path / "_build" / "html", tmp_path / "archive", PDF)
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (ARCHIVE, again)]
    assert digest[0] == digest[1], "two builds of the same sources give different archives"


def test_archive_opens_from_disk_with_equations_typeset(archive, tmp_path):
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        _unavailable("Chromium not found: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    archive.extractall(tmp_path)
    (top,) = list(tmp_path.iterdir())
    with_math = [p for p in sorted((top / "html").rglob("*.html")) if 'class="math' in p.read_text(encoding="utf-8")]
    assert with_math
    outside, errors, fonts = [], [], []
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    flags += ["--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=flags)
        page = browser.new_page()
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:")) else outside.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("requestfinished", lambda r: fonts.append(r.url) if r.url.endswith(".woff") else None)
        # index.html forwards to html/index.html, which forwards to the book's first page.
        page.goto((top / "index.html").as_uri(), wait_until="load")
        page.wait_for_url(re.compile(r"/html/book/[^/]+\.html$"))
        page.wait_for_load_state("load")
        page.goto(with_math[0].as_uri(), wait_until="load")
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
        page.evaluate("MathJax.startup.promise")
        typeset = page.evaluate("document.querySelectorAll('mjx-container').length")
        browser.close()
    assert typeset > 0, "no equation typeset from file://"
    assert fonts, "MathJax's web fonts did not load from the archive"
    assert not outside, f"requests off the disk: {outside}"
    assert not errors, f"console errors: {errors}"


def test_archive_reruns_with_make_verify(archive, tmp_path):
    """The archive alone reproduces the book: unzipped, `make verify` creates .venv from its lock,
    executes every chapter and compares every output with its references (a few minutes)."""
    if shutil.which("make") is None:
        _unavailable("GNU make not found")
    archive.extractall(tmp_path)
    (top,) = list(tmp_path.iterdir())
    # The unzipped folder must not borrow this checkout's environment or make's settings.
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    done = subprocess.run(["make", "verify"], cwd=top, env=env, capture_output=True, text=True, timeout=3600)
    tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
    assert done.returncode == 0, f"`make verify` failed in the unzipped archive:\n{tail}"
    assert "every output of every chapter matches the book's recorded outputs" in done.stdout, tail
    assert re.search(r"\d+ claims: ", done.stdout), tail
    assert (top / ".venv").is_dir() and not (top / ".venv").is_symlink(), "verify did not make its own .venv"
