"""The book's one number formatter: how every number a reader sees is written, and how a recorded float is rounded.

:func:`quantity` writes every number of prose, tables, the CLI and the ledger: fixed decimals or
significant digits chosen per quantity, a×10ⁿ with Unicode superscripts outside
10⁻³ ≤ |x| < 10⁵ (never Python's ``9.1e-05``), a true minus sign, the unit attached by a no-break
space. :func:`rounded` and :func:`portable` give the ten-significant-digit face that the
verification compares (see :mod:`tlslib.book.recording` for why ten). Presentation only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from numbers import Integral, Real
from typing import Any

import numpy as np

__all__ = [
    "SIGNIFICANT_DIGITS",
    "MINUS",
    "UNIT_SPACE",
    "rounded",
    "portable",
    "scientific",
    "quantity",
    "sci",
    "fixed",
    "as_printed",
    "readable",
]

#: Significant digits of every recorded float (see the module docstring for why ten).
SIGNIFICANT_DIGITS = 10

#: Unicode superscripts for a×10ⁿ in prose.
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

#: The typographic minus sign (U+2212) of every number a reader sees.
MINUS = "\u2212"
#: Between a number and its unit: a no-break space, so that "2.7 K" never splits over two lines.
UNIT_SPACE = "\u00a0"
#: Outside [SCIENTIFIC_BELOW, SCIENTIFIC_FROM) a number is written as a×10ⁿ by default.
SCIENTIFIC_BELOW = 1e-3
SCIENTIFIC_FROM = 1e5


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


#: Python's float notation inside a text (not inside a hyphenated id such as c-exp-typical-3e-4).
_FLOAT = re.compile(r"(?<![\w.])(?<!\w-)\d+(?:\.\d+)?e[-+]?\d+\b")


def readable(text: str) -> str:
    """``text`` with any Python float notation (``1.3e+05``, ``1e-06``) written a×10ⁿ, same digits.

    For notes and tolerance labels filled from templates: a reader never sees ``e-06``.
    """

    def digits(m: re.Match[str]) -> int:
        return len(m[0].partition("e")[0].replace(".", ""))

    return _FLOAT.sub(lambda m: quantity(float(m[0]), sig=digits(m), sci=True), text)
