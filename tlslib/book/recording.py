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

Tables go through :func:`tlslib.book.tables.show_table`: the reader sees the table at the precision chosen for
it, and a hidden record keeps each numeric cell at ten digits, so a table is verified as
strictly as a glued number. This module is presentation only; it holds no physics.
"""

from __future__ import annotations

import json
import math
from typing import Any

from tlslib.book.numbers import _SUPERSCRIPT, SIGNIFICANT_DIGITS, UNIT_SPACE, portable, quantity, rounded, scientific

__all__ = [
    "record",
    "record_scientific",
    "record_quantity",
    "record_statistical",
    "record_bound",
    "table_record",
    "parameter_text",
    "record_parameters",
]


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


#: Units of data/parameters.toml that prose writes after the number (reduced units it does not).
_PROSE_UNITS = {"V_o^(1/3)": "", "E_u": ""}


def _written(x: float, unit: str, count: bool = False) -> str:
    """One number of the parameter file as the reader sees it, to the digits the file writes."""
    digits = len(f"{abs(x):.14e}".split("e")[0].replace(".", "").rstrip("0")) or 1
    if count and float(x).is_integer() and abs(x) >= 1e5:  # a seed or a count, not a measurement
        return f"{int(x)}"
    return quantity(x, sig=max(digits, 1), unit=_PROSE_UNITS.get(unit, unit))


def parameter_text(name: str) -> str:
    """Entry ``name`` of data/parameters.toml as prose writes it: "10 K", "5×10⁻¹¹ K", "(2, −1, −1)".

    A list is a tuple when the entry is a shape, else a range ("1–5"). For figure labels and
    glued prose alike (:func:`record_parameters`), so that no chapter types the number again.
    """
    from tlslib.paper.parameters import entry  # the book layer reads the paper's data

    e = entry(name)
    unit = _PROSE_UNITS.get(e.unit, e.unit)
    if not isinstance(e.value, tuple):
        return _written(e.value, unit, count=not e.unit)
    if name.endswith("shape"):
        return "(" + ", ".join(_written(x, "") for x in e.value) + ")"
    low, high = (_written(x, "") for x in (e.value[0], e.value[-1]))
    return f"{low}–{high}" + (UNIT_SPACE + unit if unit else "")


def record_parameters() -> None:
    """Glue every entry of data/parameters.toml as ``par_<name>`` (``{glue:md}`par_alpha```).

    The plain face is the value as the file writes it (a tuple for a list), the Markdown face
    :func:`parameter_text`; each element of a list also as ``par_<name>_<i>``. Called by
    :func:`tlslib.book.setup`, so every chapter can glue a parameter without computing it.
    """
    from tlslib.paper.parameters import ENTRIES

    for name, e in ENTRIES.items():
        _glue(f"par_{name}", _Recorded(e.value, parameter_text(name)))
        if isinstance(e.value, tuple):
            unit = _PROSE_UNITS.get(e.unit, e.unit)
            for i, x in enumerate(e.value):
                _glue(f"par_{name}_{i}", _Recorded(x, _written(x, unit)))
        if name.endswith("shape") and e.alternatives:  # one alternative shape: par_tensor_shape_alt
            text = "(" + ", ".join(_written(x, "") for x in e.alternatives) + ")"
            _glue(f"par_{name}_alt", _Recorded(e.alternatives, text))
        else:
            for i, x in enumerate(e.alternatives):
                _glue(f"par_{name}_alt{i}", _Recorded(x, _written(x, _PROSE_UNITS.get(e.unit, e.unit))))
