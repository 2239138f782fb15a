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
"""

from __future__ import annotations

import shutil
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
    app.connect("build-finished", _on_build_finished)
    # After sphinx-book-theme's add_launch_buttons (priority 501).
    app.connect("html-page-context", _colab_opens_the_reference_notebook, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
