"""The built book, read in a real browser: headless Chromium (Debian's package) driven by Playwright.

Runs on the HTML that `make test` has just built (`_build/test/_build/html`, else `_build/html`;
BOOK_HTML=<folder> picks another), served by a local http.server on 127.0.0.1. Every page must
load with no console error and no request leaving 127.0.0.1; every equation must be typeset by
the MathJax copy inside the build; every image must load; every internal link and
cross-reference must reach an existing page and anchor. Playwright never downloads a browser
here: it drives /usr/bin/chromium (CHROMIUM=<path> picks another). Without Chromium or a build
these tests skip locally, and fail under CI=true.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# Needs the built HTML and Chromium: `make browser`; `make unit` deselects it.
pytestmark = pytest.mark.browser
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM_FLAGS = [
    "--headless",
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


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium not found: install Debian's package with `apt-get install -y chromium`")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser profile for all pages: its HTTP cache spares re-reading the theme and MathJax."""
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
_PROSE_TEXT = """() => {
  const main = document.querySelector('main') || document.body;
  const copy = main.cloneNode(true);
  copy.querySelectorAll('pre, code, script, style, mjx-container, .highlight').forEach(e => e.remove());
  return copy.textContent;
}"""

#: True once MathJax has typeset the page (MathJax 3's startup.promise resolves after the first typesetting).
_MATHJAX_DONE = """() => {
  const startup = window.MathJax && MathJax.startup;
  if (!startup || !startup.promise) return false;
  if (!window.__typesetWatch) window.__typesetWatch = startup.promise.then(() => { window.__typeset = true; });
  return window.__typeset === true;
}"""

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


def _check_page(context, url: str) -> list[str]:
    """Everything wrong with one page, as readable lines (empty: the page is fine)."""
    visit = _Visit(context, url)
    page, problems = visit.page, []
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
        problems += [f"console error: {e}" for e in visit.errors]
        problems += [f"request outside 127.0.0.1: {u}" for u in visit.outside]
        problems += [f"failed load: {u}" for u in visit.failed]
    finally:
        visit.close()
    return problems


def test_every_page_renders_offline(context, server, html_root):
    pages = _pages(html_root)
    assert len(pages) >= 3, f"only {len(pages)} pages in {html_root}"
    report = {}
    for path in pages:
        problems = _check_page(context, f"{server}/{path.relative_to(html_root).as_posix()}")
        if problems:
            report[path.relative_to(html_root).as_posix()] = problems
    assert not report, "\n".join(f"{page}: {p}" for page, ps in report.items() for p in ps)


def test_the_book_has_typeset_equations(context, server, html_root):
    """Guard against a vacuous pass: at least one page has math, and it is typeset."""
    with_math = [p for p in _pages(html_root) if 'class="math' in p.read_text(encoding="utf-8")]
    assert with_math, "no page with equations"
    visit = _Visit(context, f"{server}/{with_math[0].relative_to(html_root).as_posix()}")
    try:
        assert _typeset(visit.page)
        assert visit.page.evaluate("document.querySelectorAll('mjx-container').length") > 0
        src = visit.page.evaluate("[...document.scripts].map(s => s.src).find(s => s.includes('tex-chtml'))")
        assert src and _is_local(src), f"MathJax must come from the build, not {src}"
    finally:
        visit.close()


def test_equations_typeset_from_disk(context, html_root):
    """The zip of `make archive` is read from file://: MathJax and its fonts must load from disk."""
    with_math = [p for p in _pages(html_root) if 'class="math' in p.read_text(encoding="utf-8")]
    visit = _Visit(context, with_math[0].as_uri())
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
