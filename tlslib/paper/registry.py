"""The paper's statements: one registered Python function per claim id of data/claims.toml.

A statement returns the recomputed value in its claim's unit (C × 10⁴ for ``"1e-4"``, eV, K, Å³
or a pure number): a float or a (low, high) pair. ``notes`` are the further values its note
quotes. A statement with ``choices`` (entries of data/parameters.toml with alternatives) takes a
:class:`~tlslib.parameter_set.ParameterSet` as its one optional argument, or a choice that is not
one of its fields (the band edges ``band_friction_frequencies``) as a keyword of that name in SI
units. The ledger and the chapter that shows a claim's number call the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tlslib.paper.parameters import PAPER

__all__ = ["Value", "Statement", "STATEMENTS", "statement", "not_checkable"]

Value = float | tuple[float, float]


def as_value(result: Any) -> Value:
    """A float, or a (low, high) pair for a result of two numbers."""
    if isinstance(result, tuple | list | np.ndarray) and np.size(result) == 2:
        lo, hi = (float(v) for v in np.ravel(result))
        return (lo, hi)
    return float(result)


@dataclass(frozen=True)
class Statement:
    """A claim id, its function (None if the claim is not checkable), its note values and choices."""

    id: str
    compute: Callable[..., Any] | None
    notes: Mapping[str, Callable[[], Any]] = field(default_factory=dict)
    choices: tuple[str, ...] = ()

    def value(self) -> Value:
        """The recomputed value at the book's parameters."""
        return as_value(self.compute())  # type: ignore[misc]

    def at(self, choice: str, alternative: float | tuple[float, ...]) -> Value:
        """The value with ``choice`` set to ``alternative`` (SI), every other parameter at the book's value."""
        if self.compute is None or choice not in self.choices:
            raise ValueError(f"statement {self.id!r} does not use the choice {choice!r}")
        if choice in PAPER.__dataclass_fields__:
            return as_value(self.compute(PAPER.replace(**{choice: alternative})))
        return as_value(self.compute(PAPER, **{choice: alternative}))

    def note_values(self) -> dict[str, Any]:
        """The values the note quotes: floats, or tuples of floats for arrays."""
        out = {}
        for name, compute in self.notes.items():
            result = compute()
            out[name] = tuple(float(v) for v in np.ravel(result)) if np.ndim(result) else float(result)
        return out

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


def statement(
    claim_id: str, choices: tuple[str, ...] = (), **notes: Callable[[], Any]
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register the function as the statement of ``claim_id`` (the choices it uses, its note values)."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        _register(Statement(claim_id, function, dict(notes), tuple(choices)))
        return function

    return register


def not_checkable(claim_id: str, **notes: Callable[[], Any]) -> None:
    """Register a claim that rests on data the paper does not give (with the values its note quotes)."""
    _register(Statement(claim_id, None, dict(notes)))
