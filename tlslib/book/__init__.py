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
    parameter_text,
    record,
    record_bound,
    record_parameters,
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
    "parameter_text",
    "record",
    "record_bound",
    "record_parameters",
    "record_quantity",
    "record_scientific",
    "record_statistical",
    "table_record",
    "Table",
    "show_table",
]


def setup() -> None:
    """Prepare a chapter (its one hidden setup call): inline vector figures in the book's style, and
    every number of data/parameters.toml glued as ``par_<name>`` for the prose
    (:func:`~tlslib.book.recording.record_parameters`: ``{glue:md}`par_alpha``` reads "2.5").

    In an IPython kernel it also selects the inline backend (the ``%matplotlib inline`` of a notebook:
    MPLBACKEND=Agg, set by the Makefile, would otherwise hide every figure).
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the book's environment has IPython
        get_ipython = None  # type: ignore[assignment]
    shell = get_ipython() if get_ipython is not None else None
    if shell is not None:
        shell.run_line_magic("matplotlib", "inline")
    setup_figures()
    if shell is not None:
        record_parameters()
