"""How the book's pages record numbers: one design, so that nbval verifies them on any machine.

Every number a chapter shows is *recorded* (glued) through this module, never with a bare
``glue``. A recorded float keeps :data:`SIGNIFICANT_DIGITS` significant digits:

- **Portable.** A different CPU, BLAS or numpy SIMD dispatch level changes the last bits of a
  float (relative differences of order 1e-16 to 1e-14 in this book, measured under three
  dispatch levels). Ten significant digits are five orders of magnitude coarser, so the
  recorded text is the same everywhere unless a value sits within that noise of a rounding
  boundary (a chance of order 1e-5 per value).
- **Sensitive.** The rounding quantum of ten significant digits is at most 1e-9 of the value
  (10^(e-9) for a value m × 10^e, 1 <= m < 10). Two values that differ by more than one
  quantum can never round to the same text, so any change of more than 1e-9 relative in a
  deterministic result changes the record and fails the verification.
- **Noise is bounded, not recorded.** A quantity that *is* rounding noise (the largest
  difference between two routes that agree to machine precision) has no portable digits at
  all. :func:`record_bound` asserts it lies below a stated bound and records the bound.

Tables go through :func:`show_table`: the reader sees the table at the precision chosen for
it, and a hidden record keeps each numeric cell at ten digits, so a table is verified as
strictly as a glued number. This module is presentation only; it holds no physics.

**How a number reads.** One formatter, :func:`quantity`, writes every number a reader sees in
prose and tables: fixed decimals or significant digits chosen per quantity, a×10ⁿ with Unicode
superscripts outside 10⁻³ ≤ |x| < 10⁵ (never Python's ``9.1e-05``), a true minus sign, the unit
attached by a no-break space. :func:`record_quantity` glues a number with that text as its
Markdown face (``{glue:md}`name```) while nbval still compares the ten-digit plain face.
:func:`show_table` returns a :class:`Table`: HTML for the web page, a Markdown (MyST) table that
the LaTeX builder turns into a booktabs table for the PDF, and aligned plain text for nbval.
:func:`setup_figures` gives every chapter the same fonts and a colour-blind-safe cycle of
colours *and* line styles, so curves stay distinct in greyscale.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from html import escape
from numbers import Integral, Real
from typing import Any

import numpy as np

#: Significant digits of every recorded float (see the module docstring for why ten).
SIGNIFICANT_DIGITS = 10

#: Tables with this many columns (index included) are set in a smaller font on the web page.
WIDE_TABLE_COLUMNS = 10

#: Unicode superscripts for a×10ⁿ in prose.
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def rounded(value: float, digits: int = SIGNIFICANT_DIGITS) -> float:
    """``value`` rounded to ``digits`` significant digits (0, inf and nan unchanged).

    Parameters
    ----------
    value : float
        Any real number (a numpy scalar or 0-d array is accepted).
    digits : int
        Significant digits kept, at least 1.

    Returns
    -------
    float
        A Python float whose ``repr`` has at most ``digits`` significant digits.
    """
    x = float(value)
    if x == 0.0 or not math.isfinite(x):
        return x
    return float(f"{x:.{digits - 1}e}")


def portable(value: Any, digits: int = SIGNIFICANT_DIGITS) -> Any:
    """A recordable copy of ``value``: floats rounded, numpy scalars made Python, str/bool/int kept.

    Raises
    ------
    TypeError
        For anything that is not a scalar (record arrays through :func:`show_table`).
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str | bool):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return rounded(value, digits)
    raise TypeError(f"cannot record {type(value).__name__}: record scalars, or tables with show_table")


def scientific(value: float, digits: int = 2) -> str:
    """``value`` as a×10ⁿ text with ``digits`` decimals in the mantissa (Unicode superscripts)."""
    mantissa, exponent = f"{float(value):.{digits}e}".split("e")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}".replace("-", MINUS)


#: The typographic minus sign (U+2212) of every number a reader sees.
MINUS = "\u2212"
#: Between a number and its unit: a no-break space, so that "2.7 K" never splits over two lines.
UNIT_SPACE = "\u00a0"
#: Outside [SCIENTIFIC_BELOW, SCIENTIFIC_FROM) a number is written as a×10ⁿ by default.
SCIENTIFIC_BELOW = 1e-3
SCIENTIFIC_FROM = 1e5


def quantity(
    value: float,
    *,
    sig: int | None = None,
    decimals: int | None = None,
    unit: str = "",
    sci: bool | None = None,
    sign: bool = False,
) -> str:
    """The text a reader sees for ``value``: the one number formatter of the book.

    Parameters
    ----------
    value : float
        The number, in the unit ``unit``.
    sig : int, optional
        Significant digits (the default when ``decimals`` is not given: 3).
    decimals : int, optional
        Fixed decimals instead (fixed notation only; ignored in a×10ⁿ, which uses ``sig``).
    unit : str
        Unit text attached with a no-break space ("K", "eV", "kg m⁻³"); empty for none.
    sci : bool, optional
        Force (True) or forbid (False) a×10ⁿ; by default it is used for |x| < 10⁻³ or |x| ≥ 10⁵.
    sign : bool
        Write a plus sign on positive numbers.

    Returns
    -------
    str
        E.g. ``quantity(9.1e-5, sig=2)`` is "9.1×10⁻⁵", ``quantity(2.7e-36, sig=2, unit="K")``
        is "2.7×10⁻³⁶ K", ``quantity(-0.5, decimals=2)`` is "−0.50".
    """
    x = float(value)
    if math.isnan(x):
        return "—"
    if math.isinf(x):
        text = "∞" if x > 0 else MINUS + "∞"
    else:
        if sci is None:
            sci = x != 0.0 and not (SCIENTIFIC_BELOW <= abs(x) < SCIENTIFIC_FROM)
        if sci:
            text = scientific(x, max((sig or 2) - 1, 0))
        elif decimals is not None:
            text = f"{x:.{decimals}f}"
        else:
            digits = sig or 3
            exponent = math.floor(math.log10(abs(x))) if x != 0.0 else 0
            # rounding can carry into the next decade (9.96 -> 10.0): format once, then re-check
            places = max(digits - 1 - exponent, 0)
            text = f"{x:.{places}f}"
            if x != 0.0 and math.floor(math.log10(abs(float(text)))) > exponent and places > 0:
                text = f"{x:.{places - 1}f}"
        if sign and x > 0:
            text = "+" + text
        text = text.replace("-", MINUS)
    return f"{text}{UNIT_SPACE}{unit}" if unit else text


class _Recorded:
    """A glued value with two faces: a verifiable plain repr and, optionally, a Markdown one for prose."""

    def __init__(self, plain: Any, markdown: str | None):
        self.plain = plain
        self.markdown = markdown

    def __repr__(self) -> str:
        return repr(self.plain)

    def _repr_markdown_(self) -> str | None:
        return self.markdown


def _glue(name: str, obj: Any) -> None:
    from myst_nb import glue  # imported here: tlslib itself does not depend on the book's packages

    glue(name, obj, display=False)


def record(name: str, value: Any, digits: int = SIGNIFICANT_DIGITS) -> Any:
    """Glue ``value`` under ``name`` at ``digits`` significant digits; return what was recorded.

    In the prose, ``{glue:text}`name:.3f``` formats the recorded number as before.
    """
    kept = portable(value, digits)
    _glue(name, kept)
    return kept


def record_scientific(
    name: str, value: float, digits: int = 2, significant: int = SIGNIFICANT_DIGITS, unit: str = ""
) -> float:
    """Glue ``value`` for ``{glue:md}`name``` as a×10ⁿ (``digits`` mantissa decimals), with ``unit``.

    The plain face, which nbval compares, keeps ``significant`` digits (default
    :data:`SIGNIFICANT_DIGITS`).
    """
    kept = portable(value, significant)
    _glue(name, _Recorded(kept, quantity(kept, sig=digits + 1, unit=unit, sci=True)))
    return kept


def record_quantity(
    name: str,
    value: float,
    *,
    sig: int | None = None,
    decimals: int | None = None,
    unit: str = "",
    sci: bool | None = None,
    sign: bool = False,
    times_ten: int | None = None,
    significant: int = SIGNIFICANT_DIGITS,
) -> float:
    """Glue ``value`` for ``{glue:md}`name``` as :func:`quantity` writes it (precision, unit, a×10ⁿ).

    The plain face, which nbval compares, keeps ``significant`` digits; the Markdown face is
    what the reader sees. Use this for any number whose plain text would read as Python
    (``9.1e-05``) or whose unit belongs with it. ``times_ten=n`` is for a value recorded in
    units of 10ⁿ (C in units of 10⁻⁴): the face reads "2.9×10⁻⁴", one unbreakable word.
    """
    kept = portable(value, significant)
    text = quantity(kept, sig=sig, decimals=decimals, unit=unit, sci=sci, sign=sign)
    if times_ten is not None:
        number, _, unit_text = text.partition(UNIT_SPACE)
        power = f"×10{str(times_ten).translate(_SUPERSCRIPT)}"
        text = number + power + (UNIT_SPACE + unit_text if unit_text else "")
    _glue(name, _Recorded(kept, text))
    return kept


def record_statistical(name: str, value: float, error: float, fraction: float = 1e-3) -> float:
    """Glue a Monte Carlo result (or a statistic of one) to a small fraction of its own error.

    ``value`` is rounded to the power of ten at or below ``fraction * error``. Sampling with a
    fixed seed is deterministic, but fits and differences of large samples amplify last-bit
    noise (measured here up to 1e-11 relative under other numpy dispatch levels); a thousandth
    of the statistical error is far above that noise and far below anything that would change
    what the number says.

    Parameters
    ----------
    value, error : float
        The result and its one-standard-deviation statistical error (same units, error > 0).
    fraction : float
        Recording quantum as a fraction of ``error``.
    """
    if not (error > 0 and math.isfinite(error)):
        raise ValueError(f"{name}: the statistical error must be positive and finite, got {error!r}")
    decimals = -math.floor(math.log10(fraction * error))
    return record(name, rounded(round(float(value), decimals)))


def record_bound(name: str, value: float, bound: float) -> float:
    """Glue ``bound`` for a quantity that is numerical noise, after checking ``|value| <= bound``.

    Use it for differences between routes that agree to rounding: their digits differ from
    machine to machine, the statement "below ``bound``" does not. In prose, ``{glue:md}`name```
    shows the bound as a power of ten (10⁻¹²) and ``{glue:text}`name:.0e``` as 1e-12.

    Raises
    ------
    AssertionError
        If ``|value|`` exceeds ``bound`` (the page then fails to build: the claim is false).
    """
    magnitude = abs(float(value))
    assert magnitude <= bound, f"{name}: |{magnitude!r}| exceeds the stated bound {bound!r}"
    kept = portable(bound)
    text = scientific(kept, 0)
    _glue(name, _Recorded(kept, text.removeprefix("1×")))
    return kept


def table_record(frame: Any, digits: int = SIGNIFICANT_DIGITS) -> str:
    """The cells of a pandas DataFrame as JSON text, floats at ``digits`` significant digits."""
    rows = []
    for label, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells = [_cell(label)] + [_cell(v, digits) for v in row]
        rows.append(cells)
    header = [str(frame.index.name or "")] + [str(c) for c in frame.columns]
    return json.dumps({"columns": header, "rows": rows}, ensure_ascii=False)


def _cell(value: Any, digits: int = SIGNIFICANT_DIGITS) -> Any:
    try:
        kept = portable(value, digits)
    except TypeError:
        return str(value)
    if isinstance(kept, float) and not math.isfinite(kept):
        return str(kept)
    return kept


#: A column's display format: a format spec (".2f"), or a function of the value returning text.
Format = str | Callable[[Any], str]


def _math_html(text: str) -> str:
    """Header markup to HTML: ``$...$`` becomes inline math that MathJax renders, the rest is escaped."""
    parts = text.split("$")
    if len(parts) % 2 == 0:
        raise ValueError(f"unbalanced $ in table header {text!r}")
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f'<span class="math notranslate nohighlight">\\({escape(part)}\\)</span>')
        else:
            out.append(escape(part))
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
                f'<td class="num">{escape(c)}</td>' if n else f'<td class="text">{escape(c)}</td>'
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
        word in it breaks before a hyphen, never after (see :data:`_BREAK_BEFORE_HYPHEN`).
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
        lines = [
            "```{raw} latex",
            "\\begingroup\\small\\setlength{\\tabcolsep}{5pt}" + (_BREAK_BEFORE_HYPHEN if self.long else ""),
            "```",
            "",
            "```{tabularcolumns} " + spec,
            "```",
            "",
        ]
        lines += ["````{table}", ":class: longtable", ""] if self.long else []
        lines += ["| " + " | ".join(headers) + " |", "|" + "|".join(rule) + "|"]
        lines += ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in self.rows]
        lines += ["````"] if self.long else []
        lines += ["", "```{raw} latex", "\\endgroup", "```"]
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

    _glue(name, table_record(frame, digits))
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


def sci(sig: int = 2) -> Callable[[Any], str]:
    """A table column format: a×10ⁿ with ``sig`` significant digits."""
    return lambda value: quantity(value, sig=sig, sci=True)


def fixed(decimals: int, sign: bool = False) -> Callable[[Any], str]:
    """A table column format: ``decimals`` fixed decimals, a true minus sign (and a plus if ``sign``)."""
    return lambda value: quantity(value, decimals=decimals, sci=False, sign=sign)


def as_printed(decimals: int) -> Callable[[Any], str]:
    """A table column format for quoted data: the digits as printed (no invented trailing zeros),
    padded with figure spaces to ``decimals`` decimals so that the decimal points line up."""

    def text(value: Any) -> str:
        shown = f"{float(value):.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{float(value):.0f}"
        places = len(shown.partition(".")[2])
        point = "\u2008" if places == 0 and decimals else ""  # punctuation space: the width of "."
        return shown.replace("-", MINUS) + point + "\u2007" * (decimals - places)

    return text


def setup_figures() -> None:
    """The book's plotting defaults, called from the hidden setup cell of every chapter.

    One font family and size for every figure (the same PNG goes to the HTML page and to the
    PDF); a colour cycle safe for colour-blind readers, paired with a cycle of line styles so
    that curves plotted without an explicit style stay distinct in greyscale.
    """
    import matplotlib as mpl
    from cycler import cycler

    # Okabe & Ito's palette (Color Universal Design), distinct for the common colour-vision deficiencies
    colours = ("#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
    styles = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (8, 2)), (0, (1, 3)))
    mpl.rcParams.update(
        {
            "figure.dpi": 110,
            "savefig.dpi": 110,
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.titlesize": 10,
            "axes.labelsize": 10,
            "legend.fontsize": 8.5,
            "mathtext.fontset": "dejavusans",
            "axes.prop_cycle": cycler(color=colours) + cycler(linestyle=styles),
            "lines.linewidth": 1.5,
            "lines.markersize": 5,
        }
    )
