"""The book's presentation layer: recording numbers, the one number formatter, tables, figures.

A chapter's hidden first cell is one call, :func:`setup`, which sets the figure style and
returns nothing; the chapter then imports what it shows. Nothing here holds physics.

- :mod:`tlslib.book.numbers`    :func:`quantity`, the one formatter (prose, tables, CLI, ledger)
- :mod:`tlslib.book.recording`  :func:`record` and friends: glued numbers nbval verifies on any machine
- :mod:`tlslib.book.tables`     :func:`show_table`: HTML, booktabs PDF table and plain text, every cell recorded
- :mod:`tlslib.book.figures`    the figure style
"""

from __future__ import annotations

from tlslib.book.figures import setup_figures
from tlslib.book.numbers import as_printed, fixed, quantity, rounded, sci, scientific
from tlslib.book.recording import (
    record,
    record_bound,
    record_quantity,
    record_scientific,
    record_statistical,
    table_record,
)
from tlslib.book.tables import Table, show_table

__all__ = [
    "setup",
    "setup_figures",
    "quantity",
    "rounded",
    "scientific",
    "sci",
    "fixed",
    "as_printed",
    "record",
    "record_bound",
    "record_quantity",
    "record_scientific",
    "record_statistical",
    "table_record",
    "Table",
    "show_table",
]


def setup() -> None:
    """Prepare a chapter: inline figures in the book's style (the hidden first cell of every page)."""
    setup_figures()
