"""The built book, read in a real browser: headless Chromium (Debian's package) driven by pytest-playwright.

Runs on the HTML that `make test` has just built (`_build/test/_build/html`, else `_build/html`;
BOOK_HTML=<folder> picks another), served by a local http.server on 127.0.0.1. Every page must
load with no console error and no request leaving 127.0.0.1; every equation must be typeset by
the MathJax copy inside the build; every image must load; every internal link and
cross-reference must reach an existing page and anchor. The browser is pytest-playwright's
session fixture ``browser``, launched through its ``browser_type_launch_args`` (overridden here):
Playwright never downloads a browser, it drives /usr/bin/chromium (CHROMIUM=<path> picks another).
The pages share one module-wide context (:func:`book_context`), so its HTTP cache spares
re-reading the theme and MathJax for every page. Without Chromium or a build these tests skip
locally, and fail under CI=true. The JavaScript they run in the pages is in tests/browser/.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
#: The JavaScript the tests run in the page, one function expression a file.
SCRIPTS = Path(__file__).resolve().parent / "browser"


def _script(name: str) -> str:
    """A function expression from tests/browser/, for page.evaluate / page.wait_for_function."""
    return (SCRIPTS / name).read_text(encoding="utf-8").strip()


# Needs the built HTML and Chromium: `make browser`; `make unit` deselects it.
pytestmark = pytest.mark.browser
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Belt and braces: no host name resolves except the local server's, so nothing can leave.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
#: The only hosts a page may link to (never load from): DOIs, the repository, the launch buttons.
OUTBOUND_LINK_PREFIXES = (
    "https://doi.org/",
    "https://github.com/tlslib/carruzzo-yu-2020",
    "https://mybinder.org/v2/gh/tlslib/carruzzo-yu-2020/",
    "https://colab.research.google.com/github/tlslib/carruzzo-yu-2020/",
)


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the browser tests must run)")
    pytest.skip(reason)


def _built_html() -> Path | None:
    candidates = [os.environ.get("BOOK_HTML", ""), "_build/test/_build/html", "_build/html"]
    for candidate in filter(None, candidates):
        path = (ROOT / candidate).resolve()
        if (path / "index.html").is_file():
            return path
    return None


def _chromium() -> str | None:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).is_file() else None


@pytest.fixture(scope="module")
def html_root() -> Path:
    root = _built_html()
    if root is None:
        _unavailable("no built book: run `make build-test` (or `make book`) first")
    return root


_REFRESH = re.compile(r'<meta http-equiv="Refresh" content="\d+; url=([^"]+)"', re.IGNORECASE)


def _redirect_target(page: Path) -> str | None:
    """The URL a forwarding stub (e.g. the top-level index.html) sends the reader to, if it is one."""
    match = _REFRESH.search(page.read_text(encoding="utf-8", errors="replace")[:2000])
    return match.group(1) if match else None


def _pages(root: Path) -> list[Path]:
    """The book's pages, without the forwarding stubs (they are checked without a browser).

    Opening a stub that forwards at once races the forward: a call into the page can meet a
    destroyed document and closing the tab mid-navigation can hang Chromium. The stubs hold no
    content, so :func:`test_forwarding_stubs_point_at_pages` checks their targets on disk.
    """
    return sorted(
        p
        for p in root.rglob("*.html")
        if not {"_static", "_sources"} & set(p.relative_to(root).parts) and _redirect_target(p) is None
    )


def test_forwarding_stubs_point_at_pages(html_root):
    stubs = {p: _redirect_target(p) for p in html_root.rglob("*.html") if _redirect_target(p)}
    assert html_root / "index.html" in stubs, "the book should open on the intro through index.html"
    for stub, target in stubs.items():
        assert (stub.parent / target.split("#")[0]).is_file(), f"{stub.name} forwards to missing {target}"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/favicon.ico":  # asked by the browser itself, not by a page: no icon, no 404
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="module")
def server(html_root: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(html_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options with Debian's Chromium and the flags above (headless unless --headed)."""
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium not found: install Debian's package with `apt-get install -y chromium`")
    return {"headless": True, **browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="module")
def book_context(browser):
    """One browser profile for all pages (pytest-playwright's ``context`` is one per test): its HTTP
    cache spares re-reading the theme and MathJax."""
    ctx = browser.new_context()
    yield ctx
    ctx.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"file", "data", "blob", "about"} or parts.hostname == "127.0.0.1"


class _Visit:
    """One page opened in a new tab; records console errors, failed loads and any non-local request."""

    def __init__(self, context, url: str):
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.page.on("request", lambda r: None if _is_local(r.url) else self.outside.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("response", lambda r: self.failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
        self.page.goto(url, wait_until="load")
        if self.page.locator('meta[http-equiv="Refresh" i]').count():  # index.html forwards to the first page
            self.page.wait_for_url(lambda now: now != url)
            self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.page.close()


# The text of the page outside code, scripts and typeset math: where raw TeX must not survive.
_PROSE_TEXT = _script("prose_text.js")

#: True once MathJax has typeset the page (MathJax 3's startup.promise resolves after the first typesetting).
_MATHJAX_DONE = _script("mathjax_done.js")

#: The words a reader sees without opening anything (the rule of tools/wordcount.py).
_VISIBLE_WORDS = _script("visible_words.js")
#: At most this many visible words in the whole book (issue 18: a letter of four pages, read in an evening).
MAX_VISIBLE_WORDS = 30_000

#: True once every image has either loaded or failed.
_IMAGES_SETTLED = "() => [...document.images].every(i => i.complete)"
_IMAGES = "() => [...document.images].map(i => [i.getAttribute('src'), i.naturalWidth])"
#: Seconds any single wait may take before the page counts as broken (never hang the suite).
TIMEOUT_MS = 30_000


def _typeset(page) -> bool:
    try:
        page.wait_for_function(_MATHJAX_DONE, timeout=TIMEOUT_MS, polling=100)
    except PlaywrightTimeout:
        return False
    return True


def _check_page(context, url: str, measure: bool = False) -> tuple[list[str], dict[int, dict] | None]:
    """Everything wrong with one page, as readable lines (empty: the page is fine), and with
    ``measure`` its layout facts (:data:`_LAYOUT`) at the desktop width, then resized to a phone."""
    visit = _Visit(context, url)
    page, problems, facts = visit.page, [], None
    try:
        n_math = page.evaluate("document.querySelectorAll('div.math, span.math').length")
        if n_math:
            if not _typeset(page):
                problems.append("MathJax did not typeset the page")
            else:
                typeset = page.evaluate("document.querySelectorAll('mjx-container').length")
                if typeset < n_math:
                    problems.append(f"{typeset} of {n_math} equations typeset")
                if page.evaluate("document.querySelectorAll('mjx-merror').length"):
                    problems.append("MathJax reports a TeX error (mjx-merror)")
                prose = page.evaluate(_PROSE_TEXT)
                for raw in ("$$", "\\begin", "\\(", "\\["):
                    if raw in prose:
                        problems.append(f"raw TeX {raw!r} left in the text")
        try:
            page.wait_for_function(_IMAGES_SETTLED, timeout=TIMEOUT_MS, polling=100)
        except PlaywrightTimeout:
            problems.append("images still loading after the timeout")
        for src, width in page.evaluate(_IMAGES):
            if not width:
                problems.append(f"image did not load: {src}")
        if measure:
            page.set_viewport_size({"width": DESKTOP, "height": 900})
            page.evaluate(_SETTLED)
            words = page.evaluate(_VISIBLE_WORDS)  # with every dropdown closed, as the reader meets it
            # then every dropdown and hidden cell open: what they hold must fit the page as well
            page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
            page.evaluate(_SETTLED)
            facts = {DESKTOP: {**page.evaluate(_LAYOUT), "visible_words": words}}
            page.set_viewport_size({"width": PHONE, "height": 844})
            page.evaluate(_SETTLED)
            facts[PHONE] = page.evaluate(_LAYOUT)
        problems += [f"console error: {e}" for e in visit.errors]
        problems += [f"request outside 127.0.0.1: {u}" for u in visit.outside]
        problems += [f"failed load: {u}" for u in visit.failed]
    finally:
        visit.close()
    return problems, facts


@pytest.fixture(scope="module")
def visits(book_context, server, html_root) -> dict[str, tuple[list[str], dict[int, dict] | None]]:
    """Every page opened once (keeps the browser tests short): page -> (problems, layout facts).
    The book's own pages (book/*.html) are measured; search.html and genindex.html are the theme's."""
    found = {}
    for path in _pages(html_root):
        rel = path.relative_to(html_root).as_posix()
        found[rel] = _check_page(book_context, f"{server}/{rel}", measure=rel.startswith("book/"))
    return found


def test_every_page_renders_offline(visits):
    assert len(visits) >= 3, f"only {len(visits)} pages"
    report = {}
    for page, (problems, _) in visits.items():
        if problems:
            report[page] = problems
    assert not report, "\n".join(f"{page}: {p}" for page, ps in report.items() for p in ps)


def test_the_book_has_typeset_equations(book_context, server, html_root):
    """Guard against a vacuous pass: at least one page has math, and it is typeset."""
    with_math = [p for p in _pages(html_root) if 'class="math' in p.read_text(encoding="utf-8")]
    assert with_math, "no page with equations"
    visit = _Visit(book_context, f"{server}/{with_math[0].relative_to(html_root).as_posix()}")
    try:
        assert _typeset(visit.page)
        assert visit.page.evaluate("document.querySelectorAll('mjx-container').length") > 0
        src = visit.page.evaluate("[...document.scripts].map(s => s.src).find(s => s.includes('tex-chtml'))")
        assert src and _is_local(src), f"MathJax must come from the build, not {src}"
    finally:
        visit.close()


def test_equations_typeset_from_disk(book_context, html_root):
    """The zip of `make archive` is read from file://: MathJax and its fonts must load from disk."""
    with_math = [p for p in _pages(html_root) if 'class="math' in p.read_text(encoding="utf-8")]
    visit = _Visit(book_context, with_math[0].as_uri())
    try:
        assert _typeset(visit.page), "MathJax did not typeset from file://"
        assert visit.page.evaluate("document.querySelectorAll('mjx-container').length") > 0
        assert not visit.outside, f"requests outside the disk: {visit.outside}"
        assert not visit.errors, f"console errors: {visit.errors}"
    finally:
        visit.close()


class _Anchors(html.parser.HTMLParser):
    """Collects the ids of a page and the targets of its links, scripts, styles and images."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for key in ("src", "href", "poster", "data"):
            if key in a and tag != "a":
                self.loads.append(a[key])


@functools.cache
def _parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_internal_links_and_cross_references_resolve(html_root):
    """Every relative link reaches a file of the build and, with a #fragment, an element with that id."""
    broken = []
    for page in _pages(html_root):
        for href in _parse(page).links:
            if re.match(r"^[a-z][a-z0-9+.-]*:", href):  # http:, https:, mailto:, javascript: ...
                continue
            target, fragment = urldefrag(href)
            path = (page.parent / unquote(target)).resolve() if target else page
            where = f"{page.relative_to(html_root)} -> {href}"
            if not path.exists():
                broken.append(f"{where}: no such file")
            elif fragment and path.suffix == ".html" and unquote(fragment) not in _parse(path).ids:
                broken.append(f"{where}: no element with id {fragment!r}")
    assert not broken, "\n".join(broken)


def test_html_reaches_outside_only_through_reference_links(html_root):
    """A grep of the build for http(s) finds only links to DOIs, the repository and the launch buttons."""
    bad = []
    for page in _pages(html_root):
        parsed = _parse(page)
        for url in parsed.loads:
            if "://" in url or url.startswith("//"):
                bad.append(f"{page.relative_to(html_root)} loads {url}")
        for url in parsed.links:
            if url.startswith(("http://", "https://", "//")) and not url.startswith(OUTBOUND_LINK_PREFIXES):
                bad.append(f"{page.relative_to(html_root)} links to {url}")
        text = page.read_text(encoding="utf-8")
        for url in re.findall(r"""https?://[^\s"'<>)]+""", text):
            if not url.startswith(OUTBOUND_LINK_PREFIXES) and not url.startswith("http://www.w3.org/"):
                bad.append(f"{page.relative_to(html_root)} mentions {url}")
    assert not bad, "\n".join(sorted(set(bad)))


# --- What a reader sees: layout at a desktop and a phone width (issue 13, points 1, 2, 4, 5, 6) ---

#: The widths a page is read at: a laptop, and a phone held upright (iPhone 12-15: 390 CSS px).
DESKTOP, PHONE = 1280, 390
#: Python's float notation (9.1e-05, 6e-13, 2.7E-36) where a reader expects a×10ⁿ. Not inside a
#: hyphenated identifier (a claim id such as c-exp-typical-3e-4).
FLOAT_NOTATION = re.compile(r"(?<![\w.])(?<!\w-)[-+]?\d+(?:\.\d*)?[eE][-+]?\d+\b")
#: A value printed with eight or more decimals (W = 1.000000000000): no quantity in the book has them.
RAW_DECIMALS = re.compile(r"(?<![\w.])\d+\.\d{8,}\b")
#: Characters of markup that must not reach a title, the sidebar or the browser tab.
MARKUP = re.compile(r"[_$\\{}^]")
#: A page title on a phone: at most this many lines.
MAX_TITLE_LINES_ON_PHONE = 3

# Facts about one page at the current width, measured in the page (one evaluate per width).
# fits(el): is el visible whole, or reachable by scrolling a scroll container that itself fits?
_LAYOUT = _script("layout.js")
#: Two animation frames: the layout after a resize has been computed and painted.
_SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


@pytest.fixture(scope="module")
def layouts(visits) -> dict[str, dict[int, dict]]:
    """page (e.g. "book/table1") -> width -> facts of :data:`_LAYOUT`, from the one visit of each page."""
    found = {page.removesuffix(".html"): facts for page, (_, facts) in visits.items() if facts is not None}
    assert found, "no page under book/"
    return found


def _report(problems: list[str], what: str) -> None:
    assert not problems, f"{len(problems)} {what}:\n" + "\n".join(problems)


def test_display_equations_fit_beside_their_numbers_and_on_a_phone(layouts):
    """Point 5: at 1280 px every equation is seen whole beside its number (not running into it, not
    cut where the number starts so that the rest needs sideways scrolling, as Eq. (2.7) of the
    polaron chapter was); at 390 px none is cut or hidden by its number, where an equation in a
    scroll container that itself fits on the screen counts as fitting: it can be scrolled to."""
    problems, n = [], 0
    for doc, widths in layouts.items():
        for width, facts in widths.items():
            for eq in facts["equations"]:
                n += 1
                where = f"{doc} at {width} px: equation {eq['label']}"
                if eq["overlaps_number"]:
                    problems.append(f"{where} runs into its number")
                if not eq["ok"]:
                    problems.append(f"{where} {eq['why']}")
                elif width == DESKTOP and eq["scroll"]:
                    problems.append(f"{where} is cut before its number (the rest needs sideways scrolling)")
    assert n, "no display equation found: the check would pass vacuously"
    _report(problems, "equations that do not fit")


def test_tables_fit_on_a_desktop_and_scroll_on_a_phone(layouts):
    """Point 5 (and 1, 3): at 1280 px every table is readable whole, without sideways scrolling; at
    390 px it fits or sits in a scroll container that fits."""
    problems, n = [], 0
    for doc, widths in layouts.items():
        for width, facts in widths.items():
            for table in facts["tables"]:
                n += 1
                if not table["ok"]:
                    problems.append(f"{doc} at {width} px: {table['label']} {table['why']}")
                elif width == DESKTOP and table["scroll"]:
                    problems.append(f"{doc} at {width} px: {table['label']} needs sideways scrolling")
    assert n, "no table found: the check would pass vacuously"
    _report(problems, "tables that do not fit")


def test_no_page_is_wider_than_a_phone(layouts):
    """Nothing but a scroll container may make a page wider than the phone's screen (long code, a URL)."""
    problems = [
        f"{doc}: {facts['page_width']} px wide on a {facts['viewport']} px screen"
        for doc, widths in layouts.items()
        for width, facts in widths.items()
        if width == PHONE and facts["page_width"] > facts["viewport"] + 1
    ]
    _report(problems, "pages wider than the phone")


def test_numbers_in_prose_and_tables_are_not_in_python_float_notation(layouts):
    """Point 2: no 9.1e-05 or 1.000000000000 in a rendered paragraph, list item, caption or table cell."""
    problems = []
    for doc, widths in layouts.items():
        for text in widths[DESKTOP]["prose"]:
            for regex, what in ((FLOAT_NOTATION, "float notation"), (RAW_DECIMALS, "raw decimals")):
                for match in regex.finditer(text):
                    start = max(match.start() - 40, 0)
                    context = " ".join(text[start : match.end() + 20].split())
                    problems.append(f"{doc}: {what} {match.group()!r} in “…{context}…”")
    # A list item's paragraph is read twice (as <li> and as <p>): each finding once.
    _report(list(dict.fromkeys(problems)), "numbers in Python notation")


def test_every_figure_is_numbered_and_captioned(layouts):
    """Point 4: every image of a page is a figure with a caption that numbers it (Fig. 3.1)."""
    problems, n = [], 0
    for doc, widths in layouts.items():
        for figure in widths[DESKTOP]["figures"]:
            n += 1
            if figure["caption"] is None:
                problems.append(f"{doc}: {figure['src']} has no caption")
            elif not re.match(r"(Fig\.|Figure)\s*\d+(\.\d+)*", figure["caption"]):
                problems.append(f"{doc}: {figure['src']} has an unnumbered caption {figure['caption']!r}")
    assert n, "no figure found: the check would pass vacuously"
    _report(problems, "figures without a number")


def _claims() -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "tlslib", "claims", "--json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_claims_ledger_shows_every_claim_with_verdict_counts(layouts):
    """Point 1: the ledger page shows every claim of `python -m tlslib claims` (by id), none cut off
    behind a "…" row, the count of each verdict, and (test above) tables readable at 1280 px."""
    claims = _claims()
    facts = layouts["book/claims"][DESKTOP]
    shown = facts["text"]
    missing = [c["id"] for c in claims if c["id"] not in shown]
    assert not missing, f"{len(missing)} of {len(claims)} claims not shown on the ledger page: {', '.join(missing)}"
    assert not re.search(r"\d+ rows × \d+ columns", shown), "the ledger is a truncated pandas table"
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim["verdict"]] = counts.get(claim["verdict"], 0) + 1
    for verdict, count in counts.items():
        near = rf"\b{count}\b\W+(\w+\W+){{0,3}}{re.escape(verdict)}|{re.escape(verdict)}\W+(\w+\W+){{0,3}}\b{count}\b"
        assert re.search(near, shown, re.IGNORECASE), (
            f"the ledger page does not say that {count} claims are {verdict!r}"
        )


def test_titles_and_sidebar_show_no_markup_and_stay_short_on_a_phone(layouts):
    """Point 6: the browser tab, the page title, its section headings (outside typeset math) and the
    sidebar show clean text (no γ_max, no \\(C\\)), and a page title takes at most three lines on a phone."""
    problems = []
    some = next(iter(layouts.values()))[DESKTOP]
    for entry in some["sidebar"]:
        if MARKUP.search(entry):
            problems.append(f"sidebar: {entry!r}")
    for doc, widths in layouts.items():
        facts = widths[DESKTOP]
        for what in ("title", "h1"):
            if MARKUP.search(facts[what]):
                problems.append(f"{doc}: {what} {facts[what]!r}")
        for heading in facts["headings"]:  # outside typeset math: they also make the page's contents list
            if MARKUP.search(heading):
                problems.append(f"{doc}: section heading {heading!r}")
        lines = widths[PHONE]["h1_lines"]
        if lines > MAX_TITLE_LINES_ON_PHONE:
            problems.append(f"{doc}: the title {facts['h1']!r} takes {lines} lines at {PHONE} px")
    _report(problems, "titles with markup or too long")


def test_one_search_box(layouts):
    """Point 6: one search control on screen at each width (the theme can draw a second in its header)."""
    problems = [
        f"{doc} at {width} px: {facts['searches']} search boxes"
        for doc, widths in layouts.items()
        for width, facts in widths.items()
        if facts["searches"] != 1
    ]
    _report(problems, "pages without exactly one search box")


def test_intro_links_how_to_cite_and_says_it_is_not_the_supplemental_material(layouts):
    """Points 6 and 7: the first page sends readers to How to cite, and says what the book is."""
    intro = layouts["book/intro"][DESKTOP]
    assert any(href.split("#")[0].endswith("how-to-cite.html") for href in intro["links"]), "intro: no How to cite link"
    for doc in ("book/intro", "book/how-to-cite"):
        text = " ".join(layouts[doc][DESKTOP]["text"].split())
        assert "independent reproduction" in text, f"{doc} does not say it is an independent reproduction"
        assert "not the paper's Supplemental Material" in text.replace("\u2019", "'"), doc


def test_footer_gives_version_commit_and_the_paper(layouts):
    """Point 8: every page's footer says which version and commit it was built from, and cites the paper."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    for doc, widths in layouts.items():
        stamp = widths[DESKTOP]["stamp"]
        assert stamp, f"{doc}: no version stamp in the footer"
        assert f"Version {version}" in stamp, stamp
        assert re.search(r"commit [0-9a-f]{7,}|unknown commit", stamp), stamp
        assert "10.1103/PhysRevLett.124.075902" in stamp and "Carruzzo" in stamp, stamp


# --- Issue 18, item 5: a phone reads the decisive columns; figures are vector and say what they show ---

#: Columns (1 = the index column) that must stay on a 390 px screen without sideways scrolling
#: (tools/static/book-chrome.css hides the others there). Table I (book/table1.md): glass, C_exp,
#: C_th, C calc. and the verdict; the ledger (book/claims.md; its verdict is the section heading):
#: the claim id and the claim, found by their header text.
DECISIVE_BY_POSITION = {"book/table1": {"table1_recomputed": (1, 7, 8, 9, 11)}}
DECISIVE_BY_HEADER = {"book/claims": ("claim id", "claim")}
#: myst-nb names a figure by the SHA-256 of its bytes: such an alt text says nothing.
HASH_NAME = re.compile(r"^[0-9a-f]{32,}(\.\w+)?$")


def test_decisive_table_columns_are_on_a_phone_screen(layouts):
    problems, n = [], 0
    for doc, tables in DECISIVE_BY_POSITION.items():
        columns = layouts[doc][PHONE]["columns"]
        for table, wanted in tables.items():
            found = {c["index"]: c for c in columns if c["table"] == table}
            assert found, f"{doc}: no table {table!r}"
            for index in wanted:
                n += 1
                if index not in found or not found[index]["on_screen"]:
                    problems.append(f"{doc} at {PHONE} px: {table} column {index} is not on the screen")
    for doc, headers in DECISIVE_BY_HEADER.items():
        columns = layouts[doc][PHONE]["columns"]
        ledgers = sorted({c["table"] for c in columns if c["table"].startswith("ledger_")})
        assert ledgers, f"{doc}: no ledger table"
        for table in ledgers:
            for header in headers:
                n += 1
                match = [c for c in columns if c["table"] == table and c["header"] == header]
                if not match or not match[0]["on_screen"]:
                    problems.append(f"{doc} at {PHONE} px: {table} column {header!r} is not on the screen")
    assert n, "no decisive column checked"
    _report(problems, "decisive columns off a phone's screen")


def test_tables_keep_every_column_on_a_desktop(layouts):
    """Hiding columns is for phones only: at 1280 px every column of Table I and the ledger is shown."""
    problems = [
        f"{doc} at {DESKTOP} px: {c['table']} column {c['index']} ({c['header']!r}) is hidden"
        for doc in ("book/table1", "book/claims")
        for c in layouts[doc][DESKTOP]["columns"]
        if not c["shown"]
    ]
    _report(problems, "columns hidden on a desktop")


def test_figures_are_svg_with_alt_text_that_says_what_they_show(layouts):
    problems, n = [], 0
    for doc, widths in layouts.items():
        for figure in widths[DESKTOP]["figures"]:
            if figure["caption"] is None:
                continue  # test_every_figure_is_numbered_and_captioned reports it
            n += 1
            if not figure["file"].endswith(".svg"):
                problems.append(f"{doc}: {figure['src']} is {figure['file']!r}, not an SVG")
            alt = (figure["alt"] or "").strip()
            if not alt or HASH_NAME.match(alt) or len(alt.split()) < 4:
                problems.append(f"{doc}: {figure['src']} has the alt text {alt!r}")
    assert n, "no figure found: the check would pass vacuously"
    _report(problems, "figures that are not SVG or lack alt text")


def test_the_book_a_reader_sees_is_at_most_30000_words(layouts):
    """Visible words (closed dropdowns, hidden inputs, code and math left out) over every chapter."""
    words = {doc: widths[DESKTOP]["visible_words"] for doc, widths in layouts.items()}
    total = sum(words.values())
    assert min(words.values()) > 0, f"a page counts no words: {words}"  # the rule is not vacuous
    table = ", ".join(f"{doc.removeprefix('book/')} {n}" for doc, n in sorted(words.items(), key=lambda x: -x[1]))
    assert total <= MAX_VISIBLE_WORDS, f"{total} visible words > {MAX_VISIBLE_WORDS}: {table}"
