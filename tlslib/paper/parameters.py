"""The paper's numbers and the book's choices, read from ``data/parameters.toml``: :data:`PAPER` and accessors.

In the manner of scipy's CODATA table: the file is read verbatim into :class:`Entry` records
(value, unit, SI value, kind, where, why, alternatives); :func:`value`, :func:`unit`,
:func:`entry` and :func:`find` are the accessors, and :data:`PAPER` is the
:class:`~tlslib.parameter_set.ParameterSet` of the paper, built from the file. A chapter or a
module never types one of these numbers again: it reads it here.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scipy import constants

from tlslib.paper.files import data_path
from tlslib.parameter_set import ParameterSet
from tlslib.validation import InputError

__all__ = ["PARAMETERS_PATH", "Entry", "load_entries", "ENTRIES", "entry", "value", "unit", "find", "PAPER"]

#: The data file shipped with the book.
PARAMETERS_PATH: Path = data_path("parameters.toml")

#: Units the file may use, and the factor to SI. Reduced units (V_o^(1/3), E_u) stay as they are.
UNITS: Mapping[str, float] = {
    "": 1.0,
    "K": constants.k,
    "kg/m³": 1.0,
    "m/s": 1.0,
    "Å": constants.angstrom,
    "Å³": constants.angstrom**3,
    "Hz": 1.0,
    "V_o^(1/3)": 1.0,
    "E_u": 1.0,
}
_KINDS = ("paper", "book")
_FIELDS = {"value", "unit", "kind", "where", "why", "alternatives"}


@dataclass(frozen=True)
class Entry:
    """One number of the paper or choice of the book, as the file states it.

    Attributes
    ----------
    name : str
        The key in the file.
    value : float or tuple of float
        As written, in ``unit``.
    unit : str
        The unit of ``value`` ("" for a pure number).
    si : float or tuple of float
        ``value`` in SI (J for a temperature-energy "K", m³ for "Å³"), reduced units unchanged.
    kind : str
        "paper" (the paper fixes it) or "book" (the book chose it).
    where, why : str
        Where the number comes from, and what it is.
    alternatives : tuple
        Plausible alternatives, in ``unit`` (empty when the number is not a choice).
    """

    name: str
    value: float | tuple[float, ...]
    unit: str
    si: float | tuple[float, ...]
    kind: str
    where: str
    why: str
    alternatives: tuple[float, ...] = ()

    def options(self) -> list[tuple[float | tuple[float, ...], float | tuple[float, ...]]]:
        """Each plausible alternative as the file writes it and in SI (of a list value: each chunk of its length)."""
        scale = UNITS[self.unit]
        if not isinstance(self.value, tuple):
            return [(a, a * scale) for a in self.alternatives]
        n = len(self.value)
        chunks = [tuple(self.alternatives[i : i + n]) for i in range(0, len(self.alternatives), n)]
        return [(c, tuple(a * scale for a in c)) for c in chunks]


def _number(path: Path, name: str, x: object) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
        raise InputError(f"{path.name}: [{name}]: {x!r} is not a finite number")
    return x


def load_entries(path: str | Path = PARAMETERS_PATH) -> dict[str, Entry]:
    """Read and validate the parameter file; one line naming the file and the entry on any error."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise InputError(f"{path}: cannot read: {err}") from None
    entries = {}
    for name, fields in data.items():
        if not isinstance(fields, dict):
            raise InputError(f"{path.name}: {name} is not a table [{name}]")
        missing = {"value", "unit", "kind", "where", "why"} - set(fields)
        if missing:
            raise InputError(f"{path.name}: [{name}]: missing {', '.join(sorted(missing))}")
        extra = set(fields) - _FIELDS
        if extra:
            raise InputError(f"{path.name}: [{name}]: unknown field {', '.join(sorted(extra))}")
        if fields["unit"] not in UNITS:
            raise InputError(f"{path.name}: [{name}]: unknown unit {fields['unit']!r}")
        if fields["kind"] not in _KINDS:
            raise InputError(f"{path.name}: [{name}]: kind must be one of {_KINDS}, not {fields['kind']!r}")
        raw = fields["value"]
        scale = UNITS[fields["unit"]]
        if isinstance(raw, list):
            value = tuple(_number(path, name, x) for x in raw)
            si = tuple(x * scale for x in value)
        else:
            value = _number(path, name, raw)
            si = value * scale if scale != 1.0 else value
        alternatives = tuple(_number(path, name, x) for x in fields.get("alternatives", []))
        entries[name] = Entry(
            name, value, fields["unit"], si, fields["kind"], fields["where"], fields["why"], alternatives
        )
    return entries


#: Every entry of the shipped file, by name.
ENTRIES: Mapping[str, Entry] = load_entries()


def entry(name: str) -> Entry:
    """The entry ``name``; an :class:`InputError` naming the known entries otherwise."""
    try:
        return ENTRIES[name]
    except KeyError:
        raise InputError(f"no parameter {name!r}; known: {', '.join(ENTRIES)}") from None


def value(name: str) -> float | tuple[float, ...]:
    """The SI value of entry ``name`` (J for an energy written in K, m³ for Å³)."""
    return entry(name).si


def unit(name: str) -> str:
    """The unit the file writes entry ``name`` in."""
    return entry(name).unit


def find(text: str = "") -> list[str]:
    """Names of the entries whose name, where or why contains ``text`` (case-insensitive); all for ""."""
    t = text.lower()
    return [n for n, e in ENTRIES.items() if t in n.lower() or t in e.where.lower() or t in e.why.lower()]


def _paper() -> ParameterSet:
    shape = value("tensor_shape")
    assert isinstance(shape, tuple) and len(shape) == 3
    return ParameterSet(
        name="Carruzzo & Yu (2020), with the book's choices",
        tunneling_max=float(value("tunneling_max")),  # type: ignore[arg-type]
        alpha=float(value("alpha")),  # type: ignore[arg-type]
        alpha_tunneling_fast=float(value("alpha_tunneling_fast")),  # type: ignore[arg-type]
        alpha_tunneling_slow=float(value("alpha_tunneling_slow")),  # type: ignore[arg-type]
        angular_average=float(value("angular_average")),  # type: ignore[arg-type]
        relaxation_branches=float(value("relaxation_branches")),  # type: ignore[arg-type]
        cutoff_radius=float(value("cutoff_radius")),  # type: ignore[arg-type]
        tensor_shape=(float(shape[0]), float(shape[1]), float(shape[2])),
    )


#: The paper's parameter set (data/parameters.toml): Δ°_max = 10 K, α = 2.5, and the book's choices.
PAPER: ParameterSet = _paper()
