"""The claims ledger: the framework that judges the paper's quantitative claims, and the loader of their data.

The claims themselves are words, ``data/claims.toml`` (documented in data/README.md): where the
paper makes each claim, the claim, the published value, the tolerance and why, the verdict its
author expects, the chapter, and a note *template* filled from computed values (a note holds no
typed number). The value of each claim is recomputed by the function registered under its id
in :mod:`tlslib.paper.statements` (:mod:`tlslib.paper.registry`). :func:`assess` derives the verdict:

- ``"reproduced"``        the recomputed value is within the tolerance of the published one;
- ``"consistency check"`` it is, but the check is not independent: the book chose something
  (the entry's ``chosen`` says what) so that the number comes out, or checks only itself;
- ``"discrepant"``        it is not within the tolerance (the note says by how much and why);
- ``"typo"``              the printed form is outside the tolerance, contradicts the paper's own
  use, and the corrected form (the entry's ``corrected``) is what the paper uses elsewhere;
- ``"depends on a choice"`` one of the above, but it flips when one of the claim's ``choices``
  (entries of data/parameters.toml with plausible alternatives) takes an alternative, the others
  at the book's values; the note gives the choice and both outcomes (a consistency check stays one);
- ``"not checkable"``     the claim rests on data the paper does not give.

Every assessment has a **margin**: the fraction of the tolerance left between the recomputed
value and the tolerance boundary (1 = exact agreement, 0 = on the boundary, −1 = one whole
tolerance outside it), so that a reader sees whether a fair change of tolerance would flip
the verdict; a reproduced claim with a margin under :data:`THIN` says its margin in the note.
The tests pin each derived verdict to the expected one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from tlslib.book.numbers import quantity, readable
from tlslib.paper import statements as _statements  # noqa: F401 (registers every statement)
from tlslib.paper.files import data_path
from tlslib.paper.parameters import ENTRIES, UNITS
from tlslib.paper.registry import Value
from tlslib.paper.tolerance import Tolerance, parse_tolerance
from tlslib.validation import InputError

__all__ = [
    "CLAIMS_PATH",
    "Verdict",
    "VERDICTS",
    "Tolerance",
    "parse_tolerance",
    "Claim",
    "Assessment",
    "load_claims",
    "all_claims",
    "assess",
    "ledger",
    "verdict_counts",
]

#: The data file shipped with the book.
CLAIMS_PATH: Path = data_path("claims.toml")

Verdict = Literal["reproduced", "discrepant", "typo", "consistency check", "depends on a choice", "not checkable"]
#: The six verdicts, in the order the ledger counts them.
VERDICTS: tuple[Verdict, ...] = (
    "reproduced", "discrepant", "typo", "consistency check", "depends on a choice", "not checkable",
)  # fmt: skip
#: A reproduced claim with less than this fraction of its tolerance left says its margin in the note.
THIN = 0.2
#: What kind of check an entry is: an independent one, one that is not independent, a misprint.
NATURES: tuple[str, ...] = ("independent", "consistency", "typo")

_ID = re.compile(r"[a-z0-9][a-z0-9.]*(-[a-z0-9.]+)*")
#: Table I columns a published value may name (``published_cell``), in the ledger's units.
_CELL_UNITS: Mapping[str, str] = {"c_th": "1e-4", "c_exp": "1e-4", "debye_temperature": "K", "formula_volume": "Å³"}


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Claim:
    """One quantitative claim of the paper, as loaded from the data file (fields: data/README.md).

    ``published`` is the paper's value or (lo, hi) in ``unit`` (None if it prints none);
    ``reproduce`` is the statement registered under ``id`` (zero-argument, returns our value in
    ``unit``; None if not checkable) and ``function`` its dotted name; ``note`` is a template
    filled by :meth:`Assessment.note` from the computed values and ``note_values``. A consistency
    check says what the book ``chosen``; a typo gives the ``corrected`` form.
    """

    id: str
    where: str
    claim: str
    published: Value | None
    unit: str = ""
    tolerance: Tolerance | None = None
    why_tolerance: str = ""
    reproduce: Callable[[], Value] | None = None
    function: str = ""
    expect: Verdict = "reproduced"
    nature: str = "independent"
    chosen: str = ""
    corrected: str = ""
    chapter: str = ""
    note: str = ""
    note_values: Mapping[str, Callable[[], Any]] = field(default_factory=dict)
    choices: tuple[str, ...] = ()
    vary: Callable[[str, Any], Value] | None = None

    def __post_init__(self) -> None:
        def bad(name: str, message: str) -> InputError:
            return InputError(f"claim {self.id}: field {name}: {message}")

        if not _ID.fullmatch(self.id):
            raise bad("id", "must be lower case words joined by hyphens")
        if self.expect not in VERDICTS:
            raise bad("expect", f"must be one of {VERDICTS}, got {self.expect!r}")
        if self.nature not in NATURES:
            raise bad("nature", f"must be one of {NATURES}, got {self.nature!r}")
        if self.nature == "consistency" and not self.chosen:
            raise bad("chosen", "a consistency check says what the book chose")
        if self.nature == "typo" and not self.corrected:
            raise bad("corrected", "a typo gives the corrected form")
        if self.reproduce is None:
            if self.expect != "not checkable" or not self.note:
                raise bad("reproduce", "without it the claim is 'not checkable' and needs a note")
        else:
            if self.published is None:
                raise bad("published", "a checkable claim needs a published value")
            if self.tolerance is None or not self.why_tolerance:
                raise bad("tolerance", "a checkable claim needs a tolerance and why_tolerance")
            if isinstance(self.published, tuple) != (self.tolerance.kind == "within"):
                raise bad("tolerance", "a published range goes with a 'within' tolerance, and only it")
        if self.expect != "reproduced" and not self.note:
            raise bad("note", f"a '{self.expect}' claim needs a note")
        for name in self.choices:
            if name not in ENTRIES or not ENTRIES[name].alternatives:
                raise bad("choices", f"{name!r} is not an entry of parameters.toml with alternatives")


@dataclass(frozen=True)
class Flip:
    """The verdict of a claim with one choice at one alternative (in the unit of parameters.toml)."""

    choice: str
    alternative: float | tuple[float, ...]
    verdict: Verdict
    reproduced: Value

    def text(self, unit: str) -> str:
        """ "<verdict> with <choice> = <alternative> (<value>)", the alternative as the parameter file writes it."""
        return f"{self.verdict} with {self.choice} = {self.shown} ({_shown(self.reproduced, unit)})"

    @property
    def shown(self) -> str:
        """The alternative as a reader sees it, with the parameter file's unit."""
        alt = self.alternative
        text = f"({', '.join(map(_short, alt))})" if isinstance(alt, tuple) else _short(alt)
        return text + f" {ENTRIES[self.choice].unit}".rstrip()


def _short(x: float) -> str:
    return readable(f"{x:.3g}").replace("-", "−")


@dataclass(frozen=True)
class Assessment:
    """A claim with its reproduced value, derived verdict and margin."""

    claim: Claim
    reproduced: Value | None
    verdict: Verdict
    margin: float | None
    flips: tuple[Flip, ...] = ()
    base: Verdict | None = None

    def note_fields(self) -> dict[str, Any]:
        """The values a note template may use: value, published, ratio, excess, margin and the entry's own."""
        c, r, p = self.claim, self.reproduced, self.claim.published
        fields: dict[str, Any] = {"value": r, "published": p, "margin": self.margin}
        if isinstance(r, tuple):
            fields["value_lo"], fields["value_hi"] = r
        if isinstance(p, tuple):
            fields["published_lo"], fields["published_hi"] = p
        if isinstance(r, float) and isinstance(p, float) and p != 0.0:
            fields["ratio"] = r / p
            fields["excess"] = r / p - 1.0
            fields["abs_excess"] = abs(r / p - 1.0)
            fields["distance"] = abs(r - p)
        fields.update({name: compute() for name, compute in c.note_values.items()})
        return fields

    @property
    def note(self) -> str:
        """The note, its template filled from computed values."""
        try:
            text = self.claim.note.format(**self.note_fields())
        except (KeyError, IndexError, ValueError, TypeError) as err:
            raise InputError(f"claim {self.claim.id}: field note: cannot be filled ({err})") from None
        if self.verdict == "reproduced" and self.margin is not None and self.margin < THIN:
            if "{margin" not in self.claim.note:
                text += ("; " if text else "") + f"thin: {self.margin:.0%} of the tolerance left"
        if self.flips:
            base = f"{self.base} at the book's values ({_shown(self.reproduced, self.claim.unit)})"
            text += ("; " if text else "") + "; ".join([base] + [f.text(self.claim.unit) for f in self.flips])
        return readable(text)

    def record(self) -> dict[str, object]:
        """The JSON object of ``python -m tlslib claims --json``."""
        c = self.claim
        return {
            "id": c.id,
            "where": c.where,
            "claim": c.claim,
            "published": _jsonable(c.published),
            "reproduced": _jsonable(self.reproduced),
            "unit": c.unit,
            "tolerance": None if c.tolerance is None else str(c.tolerance),
            "verdict": self.verdict,
            "note": self.note,
            "margin": None if self.margin is None else round(self.margin, 2),
            "why_tolerance": c.why_tolerance,
            "chapter": c.chapter,
            "function": c.function,
            "choices": list(c.choices),
            "robust": [
                {"choice": f.choice, "alternative": _jsonable(f.alternative), "verdict": f.verdict} for f in self.flips
            ]
            or True,
        }


def _shown(value: Value | None, unit: str) -> str:
    values = value if isinstance(value, tuple) else (value,)
    text = " to ".join(quantity(v, sig=3) for v in values if v is not None)
    return text + {"": "", "1e-4": "×10⁻⁴"}.get(unit, f" {unit}")


def _jsonable(value: Value | tuple[float, ...] | None) -> float | list[float] | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return [float(v) for v in value]
    return float(value)


def _as_value(result: Any) -> Value:
    if isinstance(result, tuple | list | np.ndarray) and np.size(result) == 2:
        lo, hi = (float(v) for v in np.ravel(result))
        return (lo, hi)
    return float(result)


def _judge(claim: Claim, value: Value) -> tuple[Value, Verdict, float]:
    value = tuple(float(v) for v in value) if isinstance(value, tuple) else float(value)
    if not all(math.isfinite(v) for v in (value if isinstance(value, tuple) else (value,))):
        raise InputError(f"claim {claim.id}: reproduced value is not finite")
    tolerance: Tolerance = claim.tolerance  # type: ignore[assignment]
    margin = tolerance.margin(claim.published, value)  # type: ignore[arg-type]
    if tolerance.accepts(claim.published, value):  # type: ignore[arg-type]
        verdict: Verdict = "consistency check" if claim.nature == "consistency" else "reproduced"
    else:
        verdict = "typo" if claim.nature == "typo" else "discrepant"
    return value, verdict, margin


def alternatives(name: str) -> list[float | tuple[float, ...]]:
    """The plausible alternatives of a parameter entry, each as the file writes it (a list value: one per chunk)."""
    e = ENTRIES[name]
    if not isinstance(e.value, tuple):
        return list(e.alternatives)
    n = len(e.value)
    return [tuple(e.alternatives[i : i + n]) for i in range(0, len(e.alternatives), n)]


def assess(claim: Claim) -> Assessment:
    """Recompute a claim, derive its verdict and margin, and its verdict at every alternative of its choices."""
    if claim.reproduce is None:
        return Assessment(claim, None, "not checkable", None)
    value, verdict, margin = _judge(claim, claim.reproduce())
    flips = []
    for name in claim.choices:
        scale = UNITS[ENTRIES[name].unit]
        for alt in alternatives(name):
            si = tuple(a * scale for a in alt) if isinstance(alt, tuple) else alt * scale
            other, other_verdict, _ = _judge(claim, _as_value(claim.vary(name, si)))  # type: ignore[misc]
            if other_verdict != verdict:
                flips.append(Flip(name, alt, other_verdict, other))
    final: Verdict = "depends on a choice" if flips and verdict != "consistency check" else verdict
    return Assessment(claim, value, final, margin, tuple(flips), verdict)


def ledger(claims: Sequence[Claim] | None = None) -> list[Assessment]:
    """Assess every claim (all those of the data file by default)."""
    return [assess(c) for c in (all_claims() if claims is None else claims)]


def verdict_counts(assessments: Sequence[Assessment]) -> dict[Verdict, int]:
    """Number of assessments per verdict, in the order of :data:`VERDICTS`."""
    return {v: sum(a.verdict == v for a in assessments) for v in VERDICTS}


def load_claims(path: str | Path = CLAIMS_PATH) -> list[Claim]:
    """Read and validate the claims data file (:func:`tlslib.paper.claims_file.load_claims`)."""
    from tlslib.paper.claims_file import load_claims as load

    return load(path)


def all_claims() -> list[Claim]:
    """Every claim of the shipped data file, in file order (claims first, then the Table I families)."""
    return load_claims(CLAIMS_PATH)
