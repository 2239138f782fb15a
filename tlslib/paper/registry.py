"""The registry of the paper's statements: one Python function per claim of data/claims.toml.

A statement is registered under the id of its claim with :func:`statement`; it takes no
argument and returns the recomputed value in the display unit of the claim (C × 10⁴ for
``"1e-4"``, eV, K, Å³ or a pure number), a float or a (low, high) pair. Further values that
the claim's note quotes are registered beside it as zero-argument callables. A claim the
paper gives no data for is registered with :func:`not_checkable` (its note values only).
The ledger (:mod:`tlslib.paper.ledger`) and the chapter that shows a claim's number call
the same registered function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Value", "Statement", "STATEMENTS", "statement", "not_checkable"]

Value = float | tuple[float, float]


@dataclass(frozen=True)
class Statement:
    """One registered statement: the claim id, its function (None if not checkable) and its note values."""

    id: str
    compute: Callable[[], Value] | None
    notes: Mapping[str, Callable[[], Any]] = field(default_factory=dict)

    @property
    def function(self) -> str:
        """Dotted name of the function (empty for a claim that is not checkable)."""
        f = getattr(self.compute, "func", self.compute)
        return "" if f is None else f"{f.__module__}.{f.__qualname__}"


#: Every registered statement, by claim id.
STATEMENTS: dict[str, Statement] = {}


def _register(entry: Statement) -> None:
    if entry.id in STATEMENTS:
        raise ValueError(f"statement {entry.id!r} registered twice")
    STATEMENTS[entry.id] = entry


def statement(claim_id: str, **notes: Callable[[], Any]) -> Callable[[Callable[[], Value]], Callable[[], Value]]:
    """Decorator: register a zero-argument function as the statement of ``claim_id`` (notes: note values)."""

    def register(function: Callable[[], Value]) -> Callable[[], Value]:
        _register(Statement(claim_id, function, dict(notes)))
        return function

    return register


def not_checkable(claim_id: str, **notes: Callable[[], Any]) -> None:
    """Register a claim that rests on data the paper does not give (with the values its note quotes)."""
    _register(Statement(claim_id, None, dict(notes)))
