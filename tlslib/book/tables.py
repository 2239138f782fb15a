"""Tables as the reader sees them: HTML for the web page, a booktabs table in the PDF, plain text for nbval.

:func:`show_table` records every cell (hidden, at ten significant digits) and returns a
:class:`Table` formatted once through :func:`tlslib.book.numbers.quantity`. Presentation only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from html import escape
from numbers import Integral, Real
from typing import Any

import numpy as np

from tlslib.book import markup, recording
from tlslib.book.numbers import MINUS, SIGNIFICANT_DIGITS, UNIT_SPACE, quantity
from tlslib.book.recording import table_record

__all__ = ["Format", "Table", "show_table", "LONG_TABLE_ROWS", "WIDE_TABLE_COLUMNS", "LANDSCAPE_COLUMNS"]

#: Tables with this many columns (index included) are set in a smaller font on the web page.
WIDE_TABLE_COLUMNS = 10
#: A long table with this many columns (index included) is set on landscape pages in the PDF: in
#: portrait its wrapped text columns are a word wide and its numbers overrun their cells.
LANDSCAPE_COLUMNS = 8

#: A column's display format: a format spec (".2f"), or a function of the value returning text.
Format = str | Callable[[Any], str]


def _math_html(text: str) -> str:
    """Header markup to HTML: ``$...$`` becomes inline math that MathJax renders, the rest is escaped
    (with its sub- and superscripts, :func:`tlslib.book.markup.html`)."""
    parts = text.split("$")
    if len(parts) % 2 == 0:
        raise ValueError(f"unbalanced $ in table header {text!r}")
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f'<span class="math notranslate nohighlight">\\({escape(part)}\\)</span>')
        else:
            out.append(markup.html(part))
    return "".join(out)


def _header_html(text: str) -> str:
    """A column header in HTML: the unit ("[kg m$^{-3}$]") on its own line, never broken inside."""
    symbol, bracket, unit = text.partition(" [")
    if not bracket or "]" not in unit:
        return _math_html(text)
    return f'{_math_html(symbol)}<br><span style="white-space:nowrap">[{_math_html(unit)}</span>'


def _unbreakable_units(text: str) -> str:
    """Spaces inside a bracketed unit made no-break ("[kg m$^{-3}$]" stays on one line)."""
    symbol, bracket, unit = text.partition(" [")
    return f"{symbol}{bracket}{unit.replace(' ', UNIT_SPACE)}" if bracket else text


def _math_plain(text: str) -> str:
    """Header markup as plain text (the nbval face): the TeX without its dollars."""
    return text.replace("$", "")


def _markdown_cell(text: str) -> str:
    """A display string made safe for a Markdown table cell (no pipes, no emphasis markers)."""
    for char in "\\|*_`[]<>":
        text = text.replace(char, "\\" + char)
    return text


def _is_number(value: Any) -> bool:
    return isinstance(value, Real | np.number) and not isinstance(value, bool | np.bool_)


def _missing(value: Any) -> bool:
    return value is None or (_is_number(value) and math.isnan(float(value)))


class Table:
    """A table as the reader sees it: HTML, a Markdown table (the PDF's booktabs table) and plain text.

    Built by :func:`show_table`; cells are formatted once (``rows``), so all faces show the
    same text. There is deliberately no ``_repr_latex_``: myst-nb renders text/latex as a
    display-math block (a tabular inside ``split`` does not compile), whereas the Markdown face,
    parsed as MyST (``nb_render_markdown_format: myst`` in _config.yml), becomes a real Sphinx
    table, which the LaTeX builder writes as a booktabs tabulary. Numeric columns are
    right-aligned, text columns left-aligned; a missing value is a dash explained by a note;
    marked rows carry a dagger explained by a note.

    A *long* table (``long=True``) becomes a longtable in the PDF, which breaks across pages and
    repeats its header; tabulary cannot break, so a table taller than a page would run off it.
    Longtable does not size its columns itself: a text column with a width (a fraction of the
    line width) wraps in a ragged-right paragraph column, any other column keeps its natural width.
    """

    def __init__(
        self,
        headers: list[str],
        rows: list[list[str]],
        numeric: list[bool],
        notes: list[str],
        uid: str,
        long: bool = False,
        widths: list[float | None] | None = None,
    ):
        self.headers = headers
        self.rows = rows
        self.numeric = numeric
        self.notes = notes
        self.uid = uid
        self.long = long
        self.widths = widths or [None] * len(headers)

    def _repr_html_(self) -> str:
        align = ["right" if n else "left" for n in self.numeric]
        pairs = zip(self.headers, align, strict=True)
        head = "".join(f'<th style="text-align:{a}">{_header_html(h)}</th>' for h, a in pairs)
        body = []
        for row in self.rows:
            marked = row[0].endswith(" †")
            cells = "".join(
                f'<td class="num">{escape(c)}</td>' if n else f'<td class="text">{markup.html(c)}</td>'
                for c, n in zip(row, self.numeric, strict=True)
            )
            body.append(f'<tr class="marked">{cells}</tr>' if marked else f"<tr>{cells}</tr>")
        notes = "".join(f"<p>{_math_html(n)}</p>" for n in self.notes)
        # ten columns or more get a smaller font (CSS class "wide") so that they fit the column
        wide = " wide" if len(self.headers) >= WIDE_TABLE_COLUMNS else ""
        return (
            f'<div class="tlslib-table" id="{escape(self.uid)}"><table class="tlslib-table{wide}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            + (f'<div class="tlslib-table-notes">{notes}</div>' if notes else "")
            + "</div>"
        )

    def _repr_markdown_(self) -> str:
        """The table in MyST Markdown: the LaTeX builder makes it a booktabs table (tabulary).

        Column types R (numbers, right-aligned) and L (text) let tabulary wrap long headers; a
        unit in brackets never breaks; the table is set a size smaller so that ten columns fit.
        A long table is a ``{table}`` of class longtable with columns r (numbers), a ragged-right
        paragraph of the given width (text columns with a width) or l (other text); a hyphenated
        word in it breaks before a hyphen, never after (see :data:`_BREAK_BEFORE_HYPHEN`). A long
        table of :data:`LANDSCAPE_COLUMNS` columns or more goes on landscape pages (pdflscape,
        loaded by tools/latex/tlsbook.sty), where the widths are fractions of the page's length.
        """
        rule = ["---:" if n else ":---" for n in self.numeric]
        headers = [_unbreakable_units(h) for h in self.headers]
        if self.long:
            spec = "".join(
                "r" if n else ("l" if w is None else f"{_RAGGED}\\Y{{{w:.3f}}}")
                for n, w in zip(self.numeric, self.widths, strict=True)
            )
        else:
            spec = "".join("R" if n else "L" for n in self.numeric)
        landscape = self.long and len(self.headers) >= LANDSCAPE_COLUMNS
        lines = [
            "```{raw} latex",
            ("\\begin{landscape}" if landscape else "")
            + "\\begingroup\\small\\setlength{\\tabcolsep}{5pt}"
            + (_BREAK_BEFORE_HYPHEN if self.long else ""),
            "```",
            "",
            "```{tabularcolumns} " + spec,
            "```",
            "",
        ]
        lines += ["````{table}", ":class: longtable", ""] if self.long else []
        lines += ["| " + " | ".join(headers) + " |", "|" + "|".join(rule) + "|"]
        lines += ["| " + " | ".join(markup.myst(c, _markdown_cell) for c in row) + " |" for row in self.rows]
        lines += ["````"] if self.long else []
        lines += ["", "```{raw} latex", "\\endgroup" + ("\\end{landscape}" if landscape else ""), "```"]
        text = "\n".join(lines)
        for note in self.notes:
            text += "\n\n" + note
        return text + "\n"

    def __repr__(self) -> str:
        headers = [_math_plain(h) for h in self.headers]
        widths = [max(len(c) for c in column) for column in zip(headers, *self.rows, strict=True)]

        def line(cells: list[str]) -> str:
            padded = (c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, self.numeric, strict=True))
            return "  ".join(padded).rstrip()

        text = [line(headers)] + [line(row) for row in self.rows]
        return "\n".join(text + [_math_plain(n) for n in self.notes])


#: Sphinx writes a table of more rows than this as a longtable, whatever its class.
LONG_TABLE_ROWS = 30
#: In a long table's wrapped columns a hyphenated word (a claim id) breaks *before* a hyphen, the
#: hyphen starting the next line: a line ending in "-" reads as a word hyphenated by the typesetter
#: (pdftotext drops that hyphen), so the id could not be read or found back from the PDF.
_BREAK_BEFORE_HYPHEN = "\\protected\\def\\sphinxhyphen#1{\\discretionary{}{-}{-}}"
#: A longtable paragraph column set ragged right (narrow justified columns leave wide gaps).
_RAGGED = ">{\\raggedright\\arraybackslash}"


def _display(value: Any, fmt: Format | None) -> str:
    if _missing(value):
        return "—"
    if callable(fmt):
        return fmt(value)
    if _is_number(value):
        if fmt is None:
            return quantity(value) if not isinstance(value, Integral | np.integer) else str(int(value))
        return format(value, fmt).replace("-", MINUS)
    return str(value) if fmt is None else format(value, fmt)


def show_table(
    name: str,
    frame: Any,
    *,
    headers: Mapping[str, str] | None = None,
    formats: Mapping[str, Format] | None = None,
    index: str | None = None,
    marked: Iterable[Any] = (),
    mark_note: str = "",
    missing_note: str = "",
    notes: Iterable[str] = (),
    digits: int = SIGNIFICANT_DIGITS,
    long: bool | None = None,
    widths: Mapping[str, float] | None = None,
    right: Iterable[str] = (),
) -> Table:
    """Record every cell of ``frame`` (hidden, at ``digits`` digits) under ``name``; return it for display.

    Pass the frame at full precision: the record is what makes a change in any cell, beyond
    the displayed precision, fail the verification; the display precision is chosen here.

    Parameters
    ----------
    name : str
        Glue name of the hidden record.
    frame : pandas.DataFrame
        The values at full precision. A named or non-default index is shown as the first column.
    headers : mapping, optional
        Column (or index name) -> header text; ``$...$`` is TeX math ("$\\rho$ [kg m$^{-3}$]").
    formats : mapping, optional
        Column -> format spec (".2f") or function of the value returning text (e.g. ``sci(2)``);
        by default :func:`quantity` with three significant digits.
    index : str, optional
        Header of the index column; ``None`` uses the index name, and a default RangeIndex is
        not shown at all.
    marked : iterable
        Index labels of rows to mark (a dagger after the label); ``mark_note`` says why.
    missing_note : str
        What a dash (a missing value, NaN in the frame) means; required if there is one.
    notes : iterable of str
        Further notes printed under the table (units, sources).
    long : bool, optional
        A table that may be taller than a PDF page: a longtable there (breaks across pages,
        header repeated), instead of a tabulary. By default a table of more than
        :data:`LONG_TABLE_ROWS` rows, the number above which Sphinx makes a longtable anyway.
    widths : mapping, optional
        Column (or index name) -> width as a fraction of the line width, for text that must wrap
        in a long table's PDF face (tabulary finds widths itself; the web page always wraps text).
    right : iterable of str
        Columns set as numbers (right-aligned, never broken) whatever their dtype: values that
        are not all plain numbers, such as ranges, formatted by a function in ``formats``.

    Returns
    -------
    Table
        The table, shown as HTML on the web page and as a LaTeX (booktabs) table in the PDF.
    """
    import pandas as pd

    recording._glue(name, table_record(frame, digits))
    headers = dict(headers or {})
    formats = dict(formats or {})
    marked = set(marked)
    show_index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None and index is None)
    columns = list(frame.columns)
    right = set(right)
    if right - set(columns):
        raise KeyError(f"{name}: right-aligned columns not in the table: {sorted(map(str, right - set(columns)))}")
    numeric = [
        c in right or (pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]))
        for c in columns
    ]
    head = [headers.get(c, str(c)) for c in columns]
    rows = []
    any_missing = False
    for label, values in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells = []
        for column, value in zip(columns, values, strict=True):
            any_missing |= _missing(value)
            cells.append(_display(value, formats.get(column)))
        if show_index:
            text = str(label) + (" †" if label in marked else "")
            cells.insert(0, text)
        rows.append(cells)
    if show_index:
        index_header = index if index is not None else headers.get(frame.index.name, frame.index.name or "")
        head.insert(0, index_header)
        numeric.insert(0, False)
    if marked - set(frame.index):
        raise KeyError(f"{name}: marked rows not in the table: {sorted(map(str, marked - set(frame.index)))}")
    if marked and not (show_index and mark_note):
        raise ValueError(f"{name}: marked rows need a visible index and a mark_note")
    all_notes = list(notes)
    if marked:
        all_notes.append(f"† {mark_note}")
    if any_missing:
        if not missing_note:
            raise ValueError(f"{name}: the table has missing values: say what the dash means (missing_note)")
        all_notes.append(f"— {missing_note}")
    if long is None:
        long = len(rows) > LONG_TABLE_ROWS
    widths = dict(widths or {})
    keys = ([frame.index.name] if show_index else []) + columns
    unknown = set(widths) - set(keys)
    if unknown:
        raise KeyError(f"{name}: widths for columns not in the table: {sorted(map(str, unknown))}")
    if widths and not long:
        raise ValueError(f"{name}: column widths are for a long table (long=True); tabulary sizes its own")
    if sum(widths.values()) >= 1.0:
        raise ValueError(f"{name}: the column widths add up to the whole line or more")
    fractions = [widths.get(k) for k in keys]
    return Table(head, rows, numeric, all_notes, uid=name, long=long, widths=fractions)
