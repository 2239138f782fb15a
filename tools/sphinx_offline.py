"""Local Sphinx extension (registered in _config.yml): a book that needs no network to be read.

1. MathJax 3 is served from the build itself. `mathjax_path` (set in _config.yml) names
   `mathjax/tex-chtml.js`, which Sphinx resolves under the output's `_static/`; when an HTML
   build finishes, this extension copies the MathJax 3 `es5` tree from the pinned
   `django-static-mathjax` package into `<outdir>/_static/mathjax/`. Nothing is committed, and
   the source `_static/` stays empty (Jupyter Book would inject every script found there on
   every page).
2. sphinx-thebe (which Jupyter Book always loads) is switched off: with `launch_buttons.thebe`
   false it would still put the URL of its CDN bundle on every page, twice, and the second
   `const THEBE_JS_URL` declaration is a console error.
3. MathJax is loaded on every page, not only on pages with equations in their body: the
   navigation shows chapter titles, and a title with math would stay raw TeX elsewhere.
4. The Colab launch button opens the executed reference notebook `tests/notebooks/<stem>.ipynb`
   (Colab reads only .ipynb; the theme's link would point at the MyST source `book/<stem>.md`).
5. One search box: the theme's sidebar search field. PyData's header adds a second one (its
   `navbar_persistent` default) in a header bar that holds nothing else; with it empty, the
   header is not drawn.
6. Phone-sized headings: tools/static/book-chrome.css (a page title at the theme's size wraps
   onto four lines and more at 390 px).
7. The build says what it is: the HTML footer and the PDF cover give the version (pyproject.toml),
   the git commit the book was built from (`git rev-parse --short HEAD`, marked when the working
   tree has uncommitted changes; "unknown commit" outside a git checkout, e.g. in the unzipped
   archive) and the paper it reproduces, and say that it is not the paper's Supplemental Material.
"""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import mathjax
from sphinx.application import Sphinx

#: The MathJax 3 distribution shipped by django-static-mathjax (the "es5" folder of MathJax's npm package).
MATHJAX_SOURCE = Path(mathjax.__file__).resolve().parent / "static" / "mathjax" / "es5"
#: Where the build puts it, relative to the HTML output folder (`mathjax_path` is relative to `_static/`).
MATHJAX_TARGET = Path("_static") / "mathjax"
#: Combined components that the book does not load (it loads tex-chtml.js only), and the CDN loader.
UNUSED = {
    "latest.js",
    "node-main.js",
    "mml-chtml.js",
    "mml-svg.js",
    "tex-svg.js",
    "tex-svg-full.js",
    "tex-mml-svg.js",
    "tex-mml-chtml.js",
    "tex-chtml-full.js",
    "tex-chtml-full-speech.js",
    "svg",  # output/svg: the SVG renderer and its fonts
}


#: The paper, as the footer (short) and the PDF cover cite it.
PAPER_HTML = (
    "H. M. Carruzzo and C. C. Yu, Phys. Rev. Lett. <b>124</b>, 075902 (2020), "
    '<a href="https://doi.org/10.1103/PhysRevLett.124.075902">doi:10.1103/PhysRevLett.124.075902</a>'
)
PAPER_LATEX = (
    r"H.~M. Carruzzo and C.~C. Yu, \emph{Why phonon scattering in glasses is universally small at low temperatures}, "
    r"Phys.\ Rev.\ Lett.\ \textbf{124}, 075902 (2020), \href{https://doi.org/10.1103/PhysRevLett.124.075902}"
    r"{doi:10.1103/PhysRevLett.124.075902}"
)
UNKNOWN_COMMIT = "unknown commit"
#: The book's own stylesheet (one file, book-chrome.css), served from the build's _static/.
STATIC = Path(__file__).resolve().parent / "static"


def book_version(srcdir: Path) -> str:
    """The project's version, from pyproject.toml beside the book ("unknown version" without one)."""
    try:
        return tomllib.loads((srcdir / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown version"


def _git(srcdir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(srcdir), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def book_commit(srcdir: Path) -> tuple[str, str]:
    """(commit, commit date) the book is built from: ("abc1234", "2026-11-29"), or ("unknown commit", "").

    Only a git checkout whose top level is the book's own folder counts: an unzipped archive inside
    some other repository must not take that repository's commit. Uncommitted changes to tracked
    files are said ("abc1234 with local changes"): such a build is not the commit's book.
    """
    top = _git(srcdir, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != srcdir.resolve():
        return UNKNOWN_COMMIT, ""
    commit = _git(srcdir, "rev-parse", "--short", "HEAD")
    if not commit:
        return UNKNOWN_COMMIT, ""
    date = _git(srcdir, "log", "-1", "--format=%cs", "HEAD") or ""
    if _git(srcdir, "status", "--porcelain", "--untracked-files=no"):
        commit += " with local changes"
    return commit, date


def _stamp_the_build(app: Sphinx, config: Any) -> None:
    """Version, commit and the cited paper in the HTML footer and on the PDF cover."""
    srcdir = Path(app.srcdir)
    version = book_version(srcdir)
    commit, date = book_commit(srcdir)
    built = f"commit {commit}" if commit != UNKNOWN_COMMIT else commit
    config.version = config.release = version
    options = dict(config.html_theme_options or {})
    # PyData's header search field would duplicate the sidebar's (see the module docstring).
    options.setdefault("navbar_persistent", [])
    options["extra_footer"] = (options.get("extra_footer") or "") + (
        f'<p class="book-stamp">Version {version}, built from {built}{f" ({date})" if date else ""}. '
        f"An independent reproduction of {PAPER_HTML}; not the paper's Supplemental Material.</p>"
    )
    config.html_theme_options = options
    latex = dict(config.latex_elements or {})
    latex["releasename"] = "Version"
    # The cover: title, "Version X, commit <commit>", the authors, the date of the commit (the build's
    # date when there is no commit), and the paper this book reproduces.
    if date:
        config.today = date
    latex["preamble"] = (latex.get("preamble") or "") + (
        f"\\setreleaseinfo{{, {built}}}\n"
        f"\\authoraddress{{An independent reproduction of {PAPER_LATEX}.\\\\ "
        "Not the paper's Supplemental Material.}\n"
    )
    config.latex_elements = latex


def _add_book_css(app: Sphinx, config: Any) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def _ignore(directory: str, names: list[str]) -> set[str]:
    return {name for name in names if name in UNUSED}


def copy_mathjax(outdir: Path) -> Path:
    """Copy the MathJax 3 CHTML distribution (renderer, fonts, TeX extensions, menu) into a build."""
    if not (MATHJAX_SOURCE / "tex-chtml.js").is_file():
        raise FileNotFoundError(f"MathJax 3 not found at {MATHJAX_SOURCE}: is django-static-mathjax installed?")
    target = outdir / MATHJAX_TARGET
    shutil.copytree(MATHJAX_SOURCE, target, ignore=_ignore, dirs_exist_ok=True)
    return target


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        copy_mathjax(Path(app.outdir))


def _colab_opens_the_reference_notebook(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    reference = Path(app.srcdir) / "tests" / "notebooks" / f"{Path(pagename).name}.ipynb"
    if not reference.is_file():
        return
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []) if isinstance(group, dict) else []:
            if button.get("text") == "Colab":
                head, _, _ = button["url"].rpartition(f"/{pagename}")
                button["url"] = f"{head}/tests/notebooks/{reference.name}"


def _drop_sphinx_thebe(app: Sphinx, config: Any) -> None:
    """Remove sphinx-thebe's event handlers and stylesheet (every extension is set up by now)."""
    for listeners in app.events.listeners.values():
        listeners[:] = [lst for lst in listeners if getattr(lst.handler, "__module__", "") != "sphinx_thebe"]
    app.registry.css_files[:] = [(name, attrs) for name, attrs in app.registry.css_files if name != "sphinx-thebe.css"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.set_html_assets_policy("always")
    app.connect("config-inited", _drop_sphinx_thebe)
    app.connect("config-inited", _stamp_the_build)
    app.connect("config-inited", _add_book_css)
    app.add_css_file("book-chrome.css")
    app.connect("build-finished", _on_build_finished)
    # After sphinx-book-theme's add_launch_buttons (priority 501).
    app.connect("html-page-context", _colab_opens_the_reference_notebook, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
