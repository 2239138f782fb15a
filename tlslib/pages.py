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
"""

from __future__ import annotations

import json
import math
from numbers import Integral, Real
from typing import Any

import numpy as np

#: Significant digits of every recorded float (see the module docstring for why ten).
SIGNIFICANT_DIGITS = 10

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
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


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


def record_scientific(name: str, value: float, digits: int = 2, significant: int = SIGNIFICANT_DIGITS) -> float:
    """Glue ``value`` for ``{glue:md}`name``` as a×10ⁿ (``digits`` mantissa decimals).

    The plain face, which nbval compares, keeps ``significant`` digits (default
    :data:`SIGNIFICANT_DIGITS`).
    """
    kept = portable(value, significant)
    _glue(name, _Recorded(kept, scientific(kept, digits)))
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


def show_table(name: str, frame: Any, digits: int = SIGNIFICANT_DIGITS) -> Any:
    """Record every cell of ``frame`` (hidden, at ``digits`` digits) under ``name``; return it for display.

    The returned frame is displayed by the notebook as usual; the record is what makes a
    change in any cell, beyond the displayed precision, fail the verification.
    """
    _glue(name, table_record(frame, digits))
    return frame
