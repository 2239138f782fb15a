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
- ``"not checkable"``     the claim rests on data the paper does not give.

Every assessment has a **margin**: the fraction of the tolerance left between the recomputed
value and the tolerance boundary (1 = exact agreement, 0 = on the boundary, −1 = one whole
tolerance outside it), so that a reader sees whether a fair change of tolerance would flip
the verdict. The tests pin each derived verdict to the expected one.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from scipy import constants

from tlslib.paper import statements as _statements  # noqa: F401 (registers every statement)
from tlslib.paper.files import data_path
from tlslib.paper.registry import STATEMENTS, Value
from tlslib.paper.table1 import C_SCALE, Table1Row, table1_row, table1_rows
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

Verdict = Literal["reproduced", "discrepant", "typo", "consistency check", "not checkable"]
#: The five verdicts, in the order the ledger counts them.
VERDICTS: tuple[Verdict, ...] = ("reproduced", "discrepant", "typo", "consistency check", "not checkable")
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


@dataclass(frozen=True)
class Assessment:
    """A claim with its reproduced value, derived verdict and margin."""

    claim: Claim
    reproduced: Value | None
    verdict: Verdict
    margin: float | None

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
            return self.claim.note.format(**self.note_fields())
        except (KeyError, IndexError, ValueError, TypeError) as err:
            raise InputError(f"claim {self.claim.id}: field note: cannot be filled ({err})") from None

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
        }


def _jsonable(value: Value | None) -> float | list[float] | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return [float(v) for v in value]
    return float(value)


def assess(claim: Claim) -> Assessment:
    """Recompute a claim and derive its verdict and margin (see the module docstring)."""
    if claim.reproduce is None:
        return Assessment(claim, None, "not checkable", None)
    value = claim.reproduce()
    value = tuple(float(v) for v in value) if isinstance(value, tuple) else float(value)
    if not all(math.isfinite(v) for v in (value if isinstance(value, tuple) else (value,))):
        raise InputError(f"claim {claim.id}: reproduced value is not finite")
    tolerance: Tolerance = claim.tolerance  # type: ignore[assignment]
    margin = tolerance.margin(claim.published, value)  # type: ignore[arg-type]
    if tolerance.accepts(claim.published, value):  # type: ignore[arg-type]
        verdict: Verdict = "consistency check" if claim.nature == "consistency" else "reproduced"
    else:
        verdict = "typo" if claim.nature == "typo" else "discrepant"
    return Assessment(claim, value, verdict, margin)


def ledger(claims: Sequence[Claim] | None = None) -> list[Assessment]:
    """Assess every claim (all those of the data file by default)."""
    return [assess(c) for c in (all_claims() if claims is None else claims)]


def verdict_counts(assessments: Sequence[Assessment]) -> dict[Verdict, int]:
    """Number of assessments per verdict, in the order of :data:`VERDICTS`."""
    return {v: sum(a.verdict == v for a in assessments) for v in VERDICTS}


# --------------------------------------------------------------------------- the loader

_FIELDS = {
    "id", "where", "claim", "published", "published_cell", "glass", "unit", "tolerance", "why_tolerance",
    "expect", "nature", "chosen", "corrected", "chapter", "note",
}  # fmt: skip
_FAMILY_FIELDS = (_FIELDS - {"glass"}) | {"over", "rows"}


def _published(entry: Mapping[str, Any], context: Mapping[str, Any]) -> Value | None:
    """The published number or [lo, hi]; or, with ``published_cell``, the printed Table I cell."""
    column = entry.get("published_cell")
    if column is not None:
        if column not in _CELL_UNITS or "published" in entry:
            raise ValueError(f"published_cell must be one of {sorted(_CELL_UNITS)}, without published")
        glass = context["names"].get("glass") or entry.get("glass")
        if not glass:
            raise ValueError("published_cell needs the glass (a family row or glass = ...)")
        return float(_row_values(table1_row(glass))[column])
    value = entry.get("published")
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 2:
        lo, hi = value
        return (_number(lo), _number(hi))
    return _number(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number or [lo, hi]: {value!r}")
    return float(value)


def _as_value(result: Any) -> Value:
    if isinstance(result, tuple | list | np.ndarray) and np.size(result) == 2:
        lo, hi = (float(v) for v in np.ravel(result))
        return (lo, hi)
    return float(result)


def _note_value(compute: Callable[[], Any]) -> Callable[[], Any]:
    def value() -> Any:
        result = compute()
        return tuple(float(v) for v in np.ravel(result)) if np.ndim(result) else float(result)

    return value


def _build(entry: Mapping[str, Any], context: Mapping[str, Any]) -> Claim:
    current = "published"

    def text(name: str, default: str = "", fill: bool = True) -> str:
        nonlocal current
        current = name
        raw = entry.get(name, default)
        if not isinstance(raw, str):
            raise ValueError(f"must be text, got {raw!r}")
        return raw.format(**context["names"]) if fill and context["names"] else raw

    try:
        published = _published(entry, context)
        current = "tolerance"
        spec = entry.get("tolerance")
        if spec == "rounding printed":
            spec = f"rounding {context['row_values']['decimals']}"
        tolerance = None if spec is None else parse_tolerance(str(spec))
        current = "id"
        registered = STATEMENTS.get(text("id"))
        if registered is None:
            raise ValueError("no statement is registered under this id (tlslib.paper.statements)")
        compute = registered.compute
        reproduce = None if compute is None else (lambda: _as_value(compute()))
        note_values = {k: _note_value(v) for k, v in registered.notes.items()}
        fields = {
            key: text(key, default)
            for key, default in (
                ("id", ""), ("where", ""), ("claim", ""), ("unit", ""), ("why_tolerance", ""),
                ("expect", "reproduced"), ("nature", "independent"), ("chosen", ""), ("corrected", ""),
                ("chapter", ""),
            )
        }  # fmt: skip
        fields["note"] = text("note", fill=False)
    except InputError as err:
        raise InputError(f"field {current}: {err}") from None
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(f"field {current}: {err}") from None
    # the record validates itself: its messages name the field
    return Claim(
        published=published,
        tolerance=tolerance,
        reproduce=reproduce,
        function=registered.function,
        note_values=note_values,
        **fields,  # type: ignore[arg-type]
    )


def _row_values(row: Table1Row) -> dict[str, float]:
    """The printed cells of a Table I row in the ledger's units (C × 10⁴, K, Å³)."""
    return {
        "c_th": row.c_th / C_SCALE,
        "c_exp": row.c_exp / C_SCALE,
        "debye_temperature": row.debye_temperature,
        "formula_volume": row.material.formula_volume / constants.angstrom**3,
    }


def _family(entry: Mapping[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Expand a ``[[family]]`` over the rows of Table I: one (entry, context) per glass."""
    if entry.get("over") != "table1":
        raise InputError("field over: the only family is 'table1'")
    overrides = entry.get("rows", {})
    glasses = [r.glass for r in table1_rows()]
    unknown = sorted(set(overrides) - set(glasses))
    if unknown:
        raise InputError(f"field rows: no Table I glass {unknown[0]!r}")
    out = []
    for r in table1_rows():
        merged = {k: v for k, v in entry.items() if k not in ("over", "rows")}
        merged.update(overrides.get(r.glass, {}))
        values = _row_values(r)
        values["decimals"] = r.c_th_decimals if entry.get("published_cell") == "c_th" else 0
        out.append((merged, {"names": {"glass": r.glass, "key": r.glass.lower()}, "row_values": values}))
    return out


def load_claims(path: str | Path = CLAIMS_PATH) -> list[Claim]:
    """Read and validate the claims data file; InputError naming file, entry and field on any problem.

    Parameters
    ----------
    path : str or Path, optional
        A TOML file with ``[[claim]]`` and ``[[family]]`` entries (data/README.md).
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
    expanded: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for kind, allowed in (("claim", _FIELDS), ("family", _FAMILY_FIELDS)):
        for n, entry in enumerate(data.get(kind, []), start=1):
            label = f"{kind} {entry.get('id', f'#{n}')!s}"
            extra = sorted(set(entry) - allowed)
            if extra:
                raise InputError(f"{path}: {label}: unknown field {extra[0]!r}")
            try:
                pairs = _family(entry) if kind == "family" else [(entry, {"names": {}, "row_values": {}})]
            except InputError as err:
                raise InputError(f"{path}: {label}: {err}") from None
            expanded += [(label, e, c) for e, c in pairs]
    claims, seen = [], set()
    for label, entry, context in expanded:
        try:
            claim = _build(entry, context)
        except InputError as err:
            message = str(err).removeprefix(f"claim {entry.get('id')}: ")
            raise InputError(f"{path}: {label}: {message}") from None
        if claim.id in seen:
            raise InputError(f"{path}: {label}: field id: duplicate claim id {claim.id!r}")
        seen.add(claim.id)
        claims.append(claim)
    return claims


def all_claims() -> list[Claim]:
    """Every claim of the shipped data file, in file order (claims first, then the Table I families)."""
    return load_claims(CLAIMS_PATH)
