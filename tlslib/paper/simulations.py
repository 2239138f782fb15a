"""The cached local-field runs (data/dipole_gap_*.csv, written by ``tools/dipole_gap.py``): loaders and windows.

The simulation works in reduced units (:mod:`tlslib.local_fields`, :mod:`tlslib.dipole_gap`);
this module reads its shipped histograms, summed over seeds, and the window of |ε| they resolve.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tlslib.dipole_gap import COUPLING_WINDOW
from tlslib.paper.files import data_path
from tlslib.validation import InputError

__all__ = [
    "FIELDS_PATH",
    "COUPLING_PATH",
    "FIELDS_HEADER",
    "COUPLING_HEADER",
    "FieldHistograms",
    "load_field_histograms",
    "CouplingCounts",
    "load_coupling_counts",
    "RESOLVED_MIN_COUNT",
    "REFERENCE_CUTOFF",
    "resolved_field_window",
]


#: The cached histograms of |ε| (``tools/dipole_gap.py``).
FIELDS_PATH: Path = data_path("dipole_gap_fields.csv")


#: The cached small-field counts per coupling bin (``tools/dipole_gap.py``).
COUPLING_PATH: Path = data_path("dipole_gap_coupling.csv")


def _read(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    lines = text.splitlines()
    comments = next((k for k, line in enumerate(lines) if not line.startswith("#")), len(lines))
    reader = csv.reader(lines[comments:])  # the leading `#` lines: inputs and code hash (data/README.md)
    first = next(reader, None)
    if first is None or tuple(h.strip() for h in first) != header:
        raise InputError(f"{path}, line {comments + 1}: header must be {','.join(header)}")
    rows = []
    for line, fields in enumerate(reader, start=comments + 2):
        if len(fields) != len(header):
            raise InputError(f"{path}, line {line}: expected {len(header)} fields, got {len(fields)}")
        row = dict(zip(header, (f.strip() for f in fields), strict=True))
        if row["state"] not in ("frozen", "relaxed"):
            raise InputError(f"{path}, line {line}, column state: must be frozen or relaxed, got {row['state']!r}")
        for name in header:
            if name == "state":
                continue
            try:
                value = float(row[name])
            except ValueError:
                raise InputError(f"{path}, line {line}, column {name}: not a number: {row[name]!r}") from None
            if not np.isfinite(value) or value < 0.0:
                raise InputError(f"{path}, line {line}, column {name}: must be finite and >= 0, got {row[name]!r}")
        rows.append(row)
    if not rows:
        raise InputError(f"{path}: no data rows")
    return rows


@dataclass(frozen=True)
class FieldHistograms:
    """Summed |ε| histograms of the cached runs for one cut-off and state.

    Attributes
    ----------
    cutoff : float
        R_c [V_o^(1/3)].
    state : str
        ``"frozen"`` or ``"relaxed"``.
    edges : numpy.ndarray
        Bin edges of |ε| (reduced).
    counts : numpy.ndarray
        TLS per bin, summed over the seeds.
    number : int
        TLS in all seeds together.
    seeds : int
        Number of independent samples.
    """

    cutoff: float
    state: str
    edges: np.ndarray
    counts: np.ndarray
    number: int
    seeds: int


FIELDS_HEADER = ("cutoff", "n_tls", "seed", "state", "abs_field_lo", "abs_field_hi", "count")


COUPLING_HEADER = ("cutoff", "n_tls", "seed", "state", "coupling_lo", "coupling_hi", "n_in_bin", "n_small_field")


def load_field_histograms(path: str | Path = FIELDS_PATH) -> dict[tuple[float, str], FieldHistograms]:
    """Read ``dipole_gap_fields.csv`` and sum the seeds of each (cut-off, state).

    Raises
    ------
    InputError
        One line naming file, line and column: unreadable file, wrong header or field
        count, unknown state, a value that is not a finite number ≥ 0, or seeds whose
        bins differ.
    """
    path = Path(path)
    groups: dict[tuple[float, str], dict[int, list[dict[str, str]]]] = {}
    for row in _read(path, FIELDS_HEADER):
        key = (float(row["cutoff"]), row["state"])
        groups.setdefault(key, {}).setdefault(int(float(row["seed"])), []).append(row)
    result = {}
    for key, seeds in groups.items():
        edges, counts, number = None, None, 0
        for seed, rows in sorted(seeds.items()):
            lo = np.array([float(r["abs_field_lo"]) for r in rows])
            hi = np.array([float(r["abs_field_hi"]) for r in rows])
            these = np.append(lo, hi[-1])
            c = np.array([int(float(r["count"])) for r in rows])
            if edges is None:
                edges, counts = these, c
            elif these.shape != edges.shape or not np.allclose(these, edges):
                raise InputError(f"{path}: cut-off {key[0]}, {key[1]}, seed {seed}: bins differ from the first seed")
            else:
                counts = counts + c
            number += int(float(rows[0]["n_tls"]))
        result[key] = FieldHistograms(key[0], key[1], edges, counts, number, len(seeds))
    return result


@dataclass(frozen=True)
class CouplingCounts:
    """Small-field counts per coupling bin of the cached runs, summed over seeds.

    Attributes
    ----------
    cutoff : float
        R_c [V_o^(1/3)].
    state : str
        ``"frozen"`` or ``"relaxed"``.
    edges : numpy.ndarray
        Bin edges of g = γ/γ_max.
    in_bin : numpy.ndarray
        TLS per g bin.
    small_field : numpy.ndarray
        Of those, the TLS with |ε| < :data:`COUPLING_WINDOW`/2.
    """

    cutoff: float
    state: str
    edges: np.ndarray
    in_bin: np.ndarray
    small_field: np.ndarray

    def zero_field_density(self) -> tuple[np.ndarray, np.ndarray]:
        """P(0 | g) per bin and its counting error (reduced units)."""
        n = np.maximum(self.in_bin, 1)
        return self.small_field / (n * COUPLING_WINDOW), np.sqrt(self.small_field) / (n * COUPLING_WINDOW)


def load_coupling_counts(path: str | Path = COUPLING_PATH) -> dict[tuple[float, str], CouplingCounts]:
    """Read ``dipole_gap_coupling.csv`` and sum the seeds of each (cut-off, state).

    Raises
    ------
    InputError
        As :func:`load_field_histograms`.
    """
    path = Path(path)
    groups: dict[tuple[float, str], list[dict[str, str]]] = {}
    for row in _read(path, COUPLING_HEADER):
        groups.setdefault((float(row["cutoff"]), row["state"]), []).append(row)
    result = {}
    for key, rows in groups.items():
        lo = sorted({float(r["coupling_lo"]) for r in rows})
        hi = sorted({float(r["coupling_hi"]) for r in rows})
        edges = np.array(lo + [hi[-1]])
        in_bin = np.zeros(len(lo))
        small = np.zeros(len(lo))
        for r in rows:
            k = lo.index(float(r["coupling_lo"]))
            in_bin[k] += float(r["n_in_bin"])
            small[k] += float(r["n_small_field"])
        result[key] = CouplingCounts(key[0], key[1], edges, in_bin, small)
    return result


#: A bin of |ε| is resolved when it holds at least this many TLS (10 % counting error).
RESOLVED_MIN_COUNT: int = 100


#: The cut-off R_c of book/mean-field-dos.md [V_o^(1/3)].
REFERENCE_CUTOFF: float = 2.5


def resolved_field_window(cutoff: float = REFERENCE_CUTOFF, state: str = "relaxed") -> tuple[float, float]:
    """(smallest, largest) |ε| of the cached runs' bins with at least :data:`RESOLVED_MIN_COUNT` TLS [E_u].

    Parameters
    ----------
    cutoff : float, optional
        R_c of the runs [V_o^(1/3)].
    state : str, optional
        ``"relaxed"`` or ``"frozen"``.
    """
    h = load_field_histograms()[(cutoff, state)]
    resolved = h.counts >= RESOLVED_MIN_COUNT
    return float(h.edges[:-1][resolved].min()), float(h.edges[1:][resolved].max())
