"""The loader of data/claims.toml: its [[claim]] and [[family]] entries as validated ledger claims.

Each entry is joined to the statement registered under its id (:mod:`tlslib.paper.registry`):
its function, its note values and the choices it uses. Any problem is one :class:`InputError`
naming the file, the entry and the field (format: data/README.md).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from scipy import constants

from tlslib.paper.ledger import _CELL_UNITS, CLAIMS_PATH, Claim, _as_value
from tlslib.paper.registry import STATEMENTS, Value
from tlslib.paper.table1 import C_SCALE, Table1Row, table1_row, table1_rows
from tlslib.paper.tolerance import parse_tolerance
from tlslib.validation import InputError

__all__ = ["load_claims"]


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
        vary = None if compute is None else registered.at
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
        choices=registered.choices,
        vary=vary,
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
