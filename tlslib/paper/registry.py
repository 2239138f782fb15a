"""The registry of the paper's statements: one Python function per claim of data/claims.toml.

A statement is registered under the id of its claim with :func:`statement`; called with no
argument it returns the recomputed value in the display unit of the claim (C × 10⁴ for
``"1e-4"``, eV, K, Å³ or a pure number), a float or a (low, high) pair. Further values that
the claim's note quotes are registered beside it as zero-argument callables. A claim the
paper gives no data for is registered with :func:`not_checkable` (its note values only).
``choices`` names the entries of data/parameters.toml with plausible alternatives that the
recomputation uses: the statement then takes a :class:`~tlslib.parameter_set.ParameterSet`
as its one optional argument (a choice that is not a field of it, such as the band edges
``band_friction_frequencies``, as a keyword of the same name, in SI units), and the ledger
evaluates it at each alternative (:meth:`Statement.at`).
The ledger (:mod:`tlslib.paper.ledger`) and the chapter that shows a claim's number call
the same registered function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tlslib.paper.parameters import PAPER

__all__ = ["Value", "Statement", "STATEMENTS", "statement", "not_checkable"]

Value = float | tuple[float, float]


@dataclass(frozen=True)
class Statement:
    """One registered statement: the claim id, its function (None if not checkable) and its note values."""

    id: str
    compute: Callable[[], Value] | None
    notes: Mapping[str, Callable[[], Any]] = field(default_factory=dict)
    choices: tuple[str, ...] = ()

    def at(self, choice: str, alternative: float | tuple[float, ...]) -> Value:
        """The value with ``choice`` set to ``alternative`` (SI), every other parameter at the book's value."""
        if self.compute is None or choice not in self.choices:
            raise ValueError(f"statement {self.id!r} does not use the choice {choice!r}")
        if choice in PAPER.__dataclass_fields__:
            return self.compute(PAPER.replace(**{choice: alternative}))  # type: ignore[call-arg]
        return self.compute(PAPER, **{choice: alternative})  # type: ignore[call-arg]

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
) -> Callable[[Callable[..., Value]], Callable[..., Value]]:
    """Decorator: register ``function`` as the statement of ``claim_id`` (choices it uses; notes: note values)."""

    def register(function: Callable[..., Value]) -> Callable[..., Value]:
        _register(Statement(claim_id, function, dict(notes), tuple(choices)))
        return function

    return register


def not_checkable(claim_id: str, **notes: Callable[[], Any]) -> None:
    """Register a claim that rests on data the paper does not give (with the values its note quotes)."""
    _register(Statement(claim_id, None, dict(notes)))
