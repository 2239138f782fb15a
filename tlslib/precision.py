"""The printed-precision rule: a printed number stands for every value within half a unit of its last digit."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["half_unit", "agrees_to_printed_digits"]

#: Relative slack for floating-point ties exactly at the half-unit boundary.
_TIE = 1e-9


def half_unit(decimals: int) -> float:
    """Half a unit of the last printed decimal: 0.5 × 10^(−decimals).

    Parameters
    ----------
    decimals : int
        Number of printed decimals (0 for an integer, negative for tens, hundreds, ...).
    """
    return 0.5 * 10.0 ** (-int(decimals))


def agrees_to_printed_digits(value: ArrayLike, printed: ArrayLike, decimals: int) -> np.ndarray:
    """True where ``value`` rounds to ``printed`` at ``decimals`` decimals (ties included).

    Parameters
    ----------
    value : array_like
        The recomputed number, in the unit of the printed one.
    printed : array_like
        The printed number.
    decimals : int
        Its number of printed decimals.
    """
    distance = np.abs(np.asarray(value, dtype=float) - np.asarray(printed, dtype=float))
    return distance <= half_unit(decimals) + _TIE * np.maximum(1.0, np.abs(np.asarray(printed, dtype=float)))
