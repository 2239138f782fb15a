"""Tolerances of the claims ledger: how close a recomputed value must be to the published one.

A tolerance is written in data/claims.toml as a short spec (``"rounding 2"``, ``"relative 0.01"``,
``"factor 2"``, ``"within"``, ``"order of magnitude"``, ...); :func:`parse_tolerance` reads it and
:meth:`Tolerance.margin` gives the fraction of the tolerance left (1 exact, 0 on the boundary).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from tlslib.paper.registry import Value
from tlslib.precision import half_unit
from tlslib.validation import InputError

__all__ = ["Tolerance", "parse_tolerance"]

#: Slack (a fraction of the tolerance) for floating-point ties exactly on a tolerance boundary.
_TIE = 1e-9


@dataclass(frozen=True)
class Tolerance:
    """How close a reproduced value must be to the published one.

    Attributes
    ----------
    kind : {"absolute", "relative", "factor", "within"}
        |r − p| ≤ value; |r − p| ≤ value·|p|; max(r/p, p/r) ≤ value; or lo − value ≤ r ≤ hi + value
        for a published range (lo, hi).
    value : float
        The bound (the slack on both ends for ``"within"``).
    label : str
        How the ledger prints it (the spec of the data file).
    """

    kind: Literal["absolute", "relative", "factor", "within"]
    value: float
    label: str

    def margin(self, published: Value, reproduced: Value) -> float:
        """Fraction of the tolerance left: 1 − distance/bound (negative outside; the worst end of a range)."""
        if isinstance(reproduced, tuple):
            return min(self.margin(published, r) for r in reproduced)
        r = float(reproduced)
        if self.kind == "within":
            lo, hi = published  # type: ignore[misc]
            half = 0.5 * (hi - lo) + self.value
            return 1.0 - abs(r - 0.5 * (lo + hi)) / half
        p = float(published)  # type: ignore[arg-type]
        if self.kind == "absolute":
            return 1.0 - abs(r - p) / self.value
        if self.kind == "relative":
            return 1.0 - abs(r - p) / (self.value * abs(p))
        if r <= 0.0 or p <= 0.0:
            return -math.inf
        return 1.0 - abs(math.log(r / p)) / math.log(self.value)

    def accepts(self, published: Value, reproduced: Value) -> bool:
        """True if ``reproduced`` agrees with ``published`` (a reproduced range at both ends; ties included)."""
        return self.margin(published, reproduced) >= -_TIE

    def __str__(self) -> str:
        return self.label


def parse_tolerance(spec: str) -> Tolerance:
    """A tolerance from its spec in the data file.

    ``"rounding N"`` (half a unit of the N-th printed decimal), ``"absolute X"``, ``"relative X"``,
    ``"factor X"``, ``"order of magnitude"`` (a factor 10), ``"within"`` or ``"within X"`` (inside
    the published range, X of slack at each end). Raises InputError on anything else.
    """
    words = spec.split()
    try:
        if spec == "order of magnitude":
            return Tolerance("factor", 10.0, "×÷10 (order of magnitude)")
        if words == ["within"]:
            return Tolerance("within", 0.0, "inside range")
        kind, number = words
        x = float(number)
    except ValueError:
        raise InputError(f"unknown tolerance {spec!r}") from None
    if kind == "rounding":
        return Tolerance("absolute", half_unit(int(x)), f"±{half_unit(int(x)):g} (printed digits)")
    if not (math.isfinite(x) and x > 0.0):
        raise InputError(f"tolerance {spec!r} needs a positive bound")
    labels = {
        "absolute": f"±{x:g}",
        "relative": f"±{100 * x:g}%" if x >= 1e-4 else f"relative {x:.0e}",
        "factor": f"×÷{x:g}",
        "within": f"inside range ±{x:g}",
    }
    if kind not in labels or (kind == "factor" and x <= 1.0):
        raise InputError(f"unknown tolerance {spec!r}")
    return Tolerance(kind, x, labels[kind])  # type: ignore[arg-type]
