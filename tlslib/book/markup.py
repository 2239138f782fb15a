"""Sub- and superscripts in the book's plain strings (claims, notes, table cells), as each face writes them.

The ledger's words and the tables' text cells are plain strings ("C_th", "γ_max²",
"ln^{1/2}(Δ°_max/Δ°)"): readable in a terminal and in nbval's plain face, raw markup on a web
page or in the PDF. :func:`html` and :func:`myst` write the same string with real sub- and
superscripts (``<sub>``/``<sup>``, or MyST's ``{sub}``/``{sup}`` roles, which the LaTeX builder
sets as ``\\textsubscript``/``\\textsuperscript``); the plain face stays as it is.

A subscript is ``_{...}`` or one of the book's subscript words after a non-space character
(``_max``, ``_o``, ``_th``, ``_exp``, ``_B`` of ``k_BT``, ...), not followed by a lower-case
letter, so that a file name such as ``dipole_gap.py`` is left alone. A superscript is
``^{...}`` or ``^(...)``. Presentation only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

__all__ = ["segments", "html", "myst"]

#: The subscript words the book's strings use (γ_max, v_o, C_th, C_exp, γ_eff, k_BT, T_D, N_A, ...).
_SUBSCRIPT_WORDS = "max|min|exp|eff|th|calc|rel|res|o|A|B|D|F|L|R|l|t"
_MARK = re.compile(
    rf"(?<=[^\s_\\])_(?:\{{(?P<sub>[^{{}}]+)\}}|(?P<word>{_SUBSCRIPT_WORDS})(?![a-z]))"
    r"|(?<=\S)\^(?:\{(?P<sup>[^{}]+)\}|\((?P<paren>[^()]+)\))"
)


def segments(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (kind, content) pieces, kind ``""`` (plain), ``"sub"`` or ``"sup"``.

    >>> segments("C_th/C_exp")
    [('', 'C'), ('sub', 'th'), ('', '/C'), ('sub', 'exp')]
    >>> segments("ln^{1/2}(x)")
    [('', 'ln'), ('sup', '1/2'), ('', '(x)')]
    """
    out: list[tuple[str, str]] = []
    at = 0
    for m in _MARK.finditer(text):
        if m.start() > at:
            out.append(("", text[at : m.start()]))
        sub = m.group("sub") or m.group("word")
        out.append(("sub", sub) if sub else ("sup", m.group("sup") or m.group("paren")))
        at = m.end()
    if at < len(text):
        out.append(("", text[at:]))
    return out


def html(text: str) -> str:
    """``text`` as HTML: plain pieces escaped, sub- and superscripts as ``<sub>``/``<sup>``."""
    return "".join(escape(s) if kind == "" else f"<{kind}>{escape(s)}</{kind}>" for kind, s in segments(text))


def myst(text: str, escape_plain: Callable[[str], str]) -> str:
    """``text`` as MyST inline markup: plain pieces through ``escape_plain``, the rest as ``{sub}``/``{sup}`` roles."""
    return "".join(escape_plain(s) if kind == "" else f"{{{kind}}}`{s}`" for kind, s in segments(text))
