"""Local Sphinx extension (registered in _config.yml): a figure's image says what it shows.

myst-nb writes a notebook figure as an image named by the hash of its bytes and gives it no alt
text, so the HTML says ``alt="2df4…e8a.svg"`` to a screen reader. A cell may set its own
(``mystnb: image: alt: ...``); any figure image still without one takes the text of its caption
("Figure: Squared coupling of vector elastic dipoles: ..."), math as its TeX source.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: Alt text longer than this is cut at a word (a screen reader reads the caption after it anyway).
MAX_ALT = 300


def caption_alt(figure: nodes.figure) -> str | None:
    """The alt text of a figure's image from its caption, or None without a caption."""
    caption = next(iter(figure.findall(nodes.caption)), None)
    if caption is None:
        return None
    text = " ".join(caption.astext().split())
    if len(text) > MAX_ALT:
        text = text[:MAX_ALT].rsplit(" ", 1)[0] + " …"
    return f"Figure: {text}"


def _alt_from_captions(app: Sphinx, doctree: nodes.document) -> None:
    for figure in doctree.findall(nodes.figure):
        alt = caption_alt(figure)
        if alt is None:
            continue
        for image in figure.findall(nodes.image):
            if not image.get("alt"):
                image["alt"] = alt


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _alt_from_captions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
