"""The claims ledger: the paper's quantitative claims, their tolerances, and the verdicts derived from them.

The claims are words in ``data/claims.toml`` (its fields, the tolerances and the six verdicts are
documented in data/README.md); each names the statement registered under its id
(:mod:`tlslib.paper.registry`), which recomputes its value. :func:`assess` derives the verdict and
the **margin**, the fraction of the tolerance left (1 exact, 0 on the boundary, −1 one whole
tolerance outside), and evaluates the claim at each alternative of its choices: a verdict that
flips becomes "depends on a choice" (a consistency check stays one). A note is a template filled
from computed values; a reproduced claim with a margin under :data:`THIN` says its margin there.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tlslib.book.numbers import quantity, readable
from tlslib.paper import statements as _statements  # noqa: F401 (registers every statement)
from tlslib.paper.files import data_path
from tlslib.paper.parameters import ENTRIES
from tlslib.paper.registry import STATEMENTS, Statement, Value
from tlslib.paper.table1 import PRINTED_COLUMNS, table1_row, table1_rows
from tlslib.precision import half_unit
from tlslib.validation import InputError

__all__ = ["CLAIMS_PATH", "VERDICTS", "Tolerance", "parse_tolerance", "Claim", "Assessment", "load_claims"]
__all__ += ["all_claims", "assess", "ledger", "verdict_counts"]

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
NATURES = ("independent", "consistency", "typo")
#: Slack (a fraction of the tolerance) for floating-point ties exactly on a tolerance boundary.
_TIE = 1e-9
_ID = re.compile(r"[a-z0-9][a-z0-9.]*(-[a-z0-9.]+)*")
_TEXT = ("where", "claim", "unit", "why_tolerance", "expect", "nature", "chosen", "corrected", "chapter")
_FIELDS = {"id", "note", "published", "published_cell", "glass", "tolerance", *_TEXT}
_FAMILY_FIELDS = (_FIELDS - {"glass"}) | {"over", "rows"}


@dataclass(frozen=True)
class Tolerance:
    """How close a recomputed value r must be to the published p (``label``: as the ledger prints it).

    ``absolute``: |r − p| ≤ value; ``relative``: |r − p| ≤ value·|p|; ``factor``: max(r/p, p/r) ≤ value;
    ``within``: lo − value ≤ r ≤ hi + value for a published range (lo, hi).
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
            return 1.0 - abs(r - 0.5 * (lo + hi)) / (0.5 * (hi - lo) + self.value)
        p = float(published)  # type: ignore[arg-type]
        if self.kind == "absolute":
            return 1.0 - abs(r - p) / self.value
        if self.kind == "relative":
            return 1.0 - abs(r - p) / (self.value * abs(p))
        return -math.inf if r <= 0.0 or p <= 0.0 else 1.0 - abs(math.log(r / p)) / math.log(self.value)

    def accepts(self, published: Value, reproduced: Value) -> bool:
        """True if ``reproduced`` agrees with ``published`` (a reproduced range at both ends; ties included)."""
        return self.margin(published, reproduced) >= -_TIE

    def __str__(self) -> str:
        return self.label


def parse_tolerance(spec: str) -> Tolerance:
    """A tolerance from its spec in the data file (data/README.md); InputError on anything else."""
    if spec == "order of magnitude":
        return Tolerance("factor", 10.0, "×÷10 (order of magnitude)")
    if spec == "within":
        return Tolerance("within", 0.0, "inside range")
    try:
        kind, number = spec.split()
        x = float(number)
    except ValueError:
        raise InputError(f"unknown tolerance {spec!r}") from None
    if kind == "rounding":
        return Tolerance("absolute", half_unit(int(x)), f"±{half_unit(int(x)):g} (printed digits)")
    if not (math.isfinite(x) and x > 0.0):
        raise InputError(f"tolerance {spec!r} needs a positive bound")
    labels = {"absolute": f"±{x:g}", "relative": f"±{100 * x:g}%" if x >= 1e-4 else f"relative {x:.0e}"}
    labels |= {"factor": f"×÷{x:g}", "within": f"inside range ±{x:g}"}
    if kind not in labels or (kind == "factor" and x <= 1.0):
        raise InputError(f"unknown tolerance {spec!r}")
    return Tolerance(kind, x, labels[kind])  # type: ignore[arg-type]


@dataclass(frozen=True)
class Claim:
    """One quantitative claim of the paper as the data file states it, with its registered statement.

    ``published`` is the paper's value or (lo, hi) in ``unit`` (None if it prints none); ``note``
    is a template (:attr:`Assessment.note`); a consistency check says what the book ``chosen``, a
    typo gives the ``corrected`` form. ``statement.compute`` is None for a claim that is not checkable.
    """

    id: str
    statement: Statement
    published: Value | None = None
    tolerance: Tolerance | None = None
    where: str = ""
    claim: str = ""
    unit: str = ""
    why_tolerance: str = ""
    expect: Verdict = "reproduced"
    nature: str = "independent"
    chosen: str = ""
    corrected: str = ""
    chapter: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        def bad(name: str, message: str) -> InputError:
            return InputError(f"claim {self.id}: field {name}: {message}")

        if not _ID.fullmatch(self.id):
            raise bad("id", "must be lower case words joined by hyphens")
        for name, allowed in (("expect", VERDICTS), ("nature", NATURES)):
            if getattr(self, name) not in allowed:
                raise bad(name, f"must be one of {allowed}, got {getattr(self, name)!r}")
        if self.nature == "consistency" and not self.chosen:
            raise bad("chosen", "a consistency check says what the book chose")
        if self.nature == "typo" and not self.corrected:
            raise bad("corrected", "a typo gives the corrected form")
        if self.statement.compute is None:
            if self.expect != "not checkable" or not self.note:
                raise bad("expect", "a claim with no statement function is 'not checkable' and needs a note")
        elif self.published is None:
            raise bad("published", "a checkable claim needs a published value")
        elif self.tolerance is None or not self.why_tolerance:
            raise bad("tolerance", "a checkable claim needs a tolerance and why_tolerance")
        elif isinstance(self.published, tuple) != (self.tolerance.kind == "within"):
            raise bad("tolerance", "a published range goes with a 'within' tolerance, and only it")
        if self.expect != "reproduced" and not self.note:
            raise bad("note", f"a '{self.expect}' claim needs a note")
        for name in self.choices:
            if name not in ENTRIES or not ENTRIES[name].alternatives:
                raise bad("choices", f"{name!r} is not an entry of parameters.toml with alternatives")

    @property
    def choices(self) -> tuple[str, ...]:
        """The entries of data/parameters.toml with alternatives that the statement uses."""
        return self.statement.choices

    @property
    def function(self) -> str:
        """Dotted name of the statement's function (empty for a claim that is not checkable)."""
        return self.statement.function


@dataclass(frozen=True)
class Flip:
    """The verdict of a claim with one choice at one alternative (in the unit of parameters.toml)."""

    choice: str
    alternative: float | tuple[float, ...]
    verdict: Verdict
    reproduced: Value

    @property
    def shown(self) -> str:
        """The alternative as a reader sees it, with the parameter file's unit."""
        alt = self.alternative
        text = f"({', '.join(map(_short, alt))})" if isinstance(alt, tuple) else _short(alt)
        return text + f" {ENTRIES[self.choice].unit}".rstrip()


def _short(x: float) -> str:
    return readable(f"{x:.3g}").replace("-", "−")


def _shown(value: Value | None, unit: str) -> str:
    values = value if isinstance(value, tuple) else (value,)
    text = " to ".join(quantity(v, sig=3) for v in values if v is not None)
    return text + {"": "", "1e-4": "×10⁻⁴"}.get(unit, f" {unit}")


def _jsonable(value: Value | tuple[float, ...] | None) -> float | list[float] | None:
    return None if value is None else [float(v) for v in value] if isinstance(value, tuple) else float(value)


@dataclass(frozen=True)
class Assessment:
    """A claim with its reproduced value, derived verdict, margin, and flips (``base``: the verdict before them)."""

    claim: Claim
    reproduced: Value | None
    verdict: Verdict
    margin: float | None
    flips: tuple[Flip, ...] = ()
    base: Verdict | None = None

    def note_fields(self) -> dict[str, Any]:
        """The values a note template may use: value, published, ratio, excess, margin and the statement's own."""
        r, p = self.reproduced, self.claim.published
        fields: dict[str, Any] = {"value": r, "published": p, "margin": self.margin}
        if isinstance(r, tuple):
            fields["value_lo"], fields["value_hi"] = r
        if isinstance(r, float) and isinstance(p, float) and p != 0.0:
            fields |= {"ratio": r / p, "excess": r / p - 1.0, "abs_excess": abs(r / p - 1.0), "distance": abs(r - p)}
        return fields | self.claim.statement.note_values()

    @property
    def note(self) -> str:
        """The note, its template filled from computed values (a thin margin and the flips appended)."""
        try:
            text = self.claim.note.format(**self.note_fields())
        except (KeyError, IndexError, ValueError, TypeError) as err:
            raise InputError(f"claim {self.claim.id}: field note: cannot be filled ({err})") from None
        extra = []
        if self.verdict == "reproduced" and self.margin is not None and self.margin < THIN:
            extra += [] if "{margin" in self.claim.note else [f"thin: {self.margin:.0%} of the tolerance left"]
        if self.flips:
            unit = self.claim.unit
            extra.append(f"{self.base} at the book's values ({_shown(self.reproduced, unit)})")
            extra += [f"{f.verdict} with {f.choice} = {f.shown} ({_shown(f.reproduced, unit)})" for f in self.flips]
        return readable("; ".join([text] + extra if text else extra))

    def record(self) -> dict[str, object]:
        """The JSON object of ``python -m tlslib claims --json``."""
        c = self.claim
        flips = self.flips
        robust = [{"choice": f.choice, "alternative": _jsonable(f.alternative), "verdict": f.verdict} for f in flips]
        return {
            "id": c.id, "where": c.where, "claim": c.claim, "published": _jsonable(c.published),
            "reproduced": _jsonable(self.reproduced), "unit": c.unit,
            "tolerance": None if c.tolerance is None else str(c.tolerance), "verdict": self.verdict,
            "note": self.note, "margin": None if self.margin is None else round(self.margin, 2),
            "why_tolerance": c.why_tolerance, "chapter": c.chapter, "function": c.function,
            "choices": list(c.choices), "robust": robust or True,
        }  # fmt: skip


def _judge(claim: Claim, value: Value) -> tuple[Value, Verdict, float]:
    if not all(math.isfinite(v) for v in (value if isinstance(value, tuple) else (value,))):
        raise InputError(f"claim {claim.id}: reproduced value is not finite")
    tolerance: Tolerance = claim.tolerance  # type: ignore[assignment]
    margin = tolerance.margin(claim.published, value)  # type: ignore[arg-type]
    if tolerance.accepts(claim.published, value):  # type: ignore[arg-type]
        return value, "consistency check" if claim.nature == "consistency" else "reproduced", margin
    return value, "typo" if claim.nature == "typo" else "discrepant", margin


def assess(claim: Claim) -> Assessment:
    """Recompute a claim, derive its verdict and margin, and its verdict at every alternative of its choices."""
    if claim.statement.compute is None:
        return Assessment(claim, None, "not checkable", None)
    value, verdict, margin = _judge(claim, claim.statement.value())
    flips = []
    for name in claim.choices:
        for alt, si in ENTRIES[name].options():
            other, other_verdict, _ = _judge(claim, claim.statement.at(name, si))
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


# --------------------------------------------------------------------------- the data file


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number or [lo, hi]: {value!r}")
    return float(value)


def _published(entry: Mapping[str, Any], glass: str | None) -> Value | None:
    """The published number or [lo, hi]; or, with ``published_cell``, the printed Table I cell."""
    column, value = entry.get("published_cell"), entry.get("published")
    if column is not None:
        if column not in PRINTED_COLUMNS or value is not None:
            raise ValueError(f"published_cell must be one of {sorted(PRINTED_COLUMNS)}, without published")
        if not glass:
            raise ValueError("published_cell needs the glass (a family row or glass = ...)")
        return table1_row(glass).printed(column)
    if value is None:
        return None
    return (_number(value[0]), _number(value[1])) if isinstance(value, list) and len(value) == 2 else _number(value)


def _claim(entry: Mapping[str, Any], names: Mapping[str, str], decimals: int) -> Claim:
    """A claim from one entry (a family's row: ``names`` fill its texts); InputError naming the field."""
    name = "published"
    try:
        published = _published(entry, names.get("glass") or entry.get("glass"))
        name, spec = "tolerance", entry.get("tolerance")
        spec = f"rounding {decimals}" if spec == "rounding printed" else spec
        tolerance = None if spec is None else parse_tolerance(str(spec))
        texts = {}
        for name in ("id", "note", *_TEXT):
            if not isinstance(entry.get(name, ""), str):
                raise ValueError(f"must be text, got {entry[name]!r}")
            if name in entry:
                texts[name] = entry[name] if name == "note" or not names else entry[name].format(**names)
        name = "id"
        statement = STATEMENTS.get(texts.get("id", ""))
        if statement is None:
            raise ValueError("no statement is registered under this id (tlslib.paper.statements)")
    except (InputError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"field {name}: {err}") from None
    return Claim(statement=statement, published=published, tolerance=tolerance, **texts)


def _entries(path: Path, data: Mapping[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, str], int]]:
    """Every entry as (label, fields, names, printed decimals): a ``[[family]]`` once per row of Table I."""
    out = []
    for kind, allowed in (("claim", _FIELDS), ("family", _FAMILY_FIELDS)):
        for n, entry in enumerate(data.get(kind, []), start=1):
            label = f"{path}: {kind} {entry.get('id', f'#{n}')!s}"
            extra = sorted(set(entry) - allowed)
            if extra:
                raise InputError(f"{label}: unknown field {extra[0]!r}")
            if kind == "claim":
                out.append((label, entry, {}, 0))
                continue
            if entry.get("over") != "table1":
                raise InputError(f"{label}: field over: the only family is 'table1'")
            rows = entry.get("rows", {})
            unknown = sorted(set(rows) - {r.glass for r in table1_rows()})
            if unknown:
                raise InputError(f"{label}: field rows: no Table I glass {unknown[0]!r}")
            for r in table1_rows():
                fields = {k: v for k, v in entry.items() if k not in ("over", "rows")} | rows.get(r.glass, {})
                decimals = r.c_th_decimals if entry.get("published_cell") == "c_th" else 0
                out.append((label, fields, {"glass": r.glass, "key": r.glass.lower()}, decimals))
    return out


def load_claims(path: str | Path = CLAIMS_PATH) -> list[Claim]:
    """Read and validate a claims file (``[[claim]]`` and ``[[family]]`` entries, data/README.md).

    Raises InputError, one line naming the file, the entry and the field, on any problem.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: not valid TOML ({err})") from None
    unknown = sorted(set(data) - {"claim", "family"})
    if unknown:
        raise InputError(f"{path}: unknown table {unknown[0]!r} (expected [[claim]] and [[family]])")
    claims: list[Claim] = []
    for label, entry, names, decimals in _entries(path, data):
        try:
            claim = _claim(entry, names, decimals)
        except InputError as err:
            prefix = f"claim {entry.get('id')}: "
            raise InputError(f"{label}: {str(err).removeprefix(prefix)}") from None
        if claim.id in {c.id for c in claims}:
            raise InputError(f"{label}: field id: duplicate claim id {claim.id!r}")
        claims.append(claim)
    return claims


def all_claims() -> list[Claim]:
    """Every claim of the shipped data file, in file order (claims first, then the Table I families)."""
    return load_claims(CLAIMS_PATH)
