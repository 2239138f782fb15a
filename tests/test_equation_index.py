"""tlslib.book.equation_index: the equation index page covers every equation and links a real display."""

from __future__ import annotations

import re
from pathlib import Path

from tlslib.book.equation_index import BOOK_LABELS, EQUATION_TEX, equation_index
from tlslib.equations import EQUATIONS

BOOK = Path(__file__).resolve().parent.parent / "book"


def test_the_index_has_the_paper_form_and_a_book_display_for_every_numbered_equation():
    assert set(EQUATION_TEX) == set(BOOK_LABELS) == set(EQUATIONS)


def test_every_label_of_the_index_is_a_display_equation_of_its_chapter():
    for chapter, label in BOOK_LABELS.values():
        text = (BOOK / f"{chapter}.md").read_text(encoding="utf-8")
        assert re.search(rf"^\$\$ \({label}\)", text, re.M), f"{chapter}.md has no display ({label})"


def test_the_index_names_each_canonical_function_in_order():
    index = equation_index()
    assert [r.number for r in index.rows] == list(range(1, 16))
    # Eq. (12) is the one the book's Table I is about
    assert index.rows[11].function == "tlslib.coupling_constant.universal_coupling_constant"
    markdown = index._repr_markdown_()
    assert markdown.count("{eq}`") == 15 and "`tlslib.wkb.wkb_tunneling`" in markdown
