"""The dipole gap at small asymmetries: energy scale of the local-field runs, Burin's log form, cached runs.

The local-field simulation (:mod:`tlslib.local_fields`) works in reduced units: energies in
E_u = γ_max²/(ρ v² V_o), V_o the volume per TLS (text above Eq. 7). This module turns a
reduced field into kelvin for a glass, evaluates a logarithmic depletion of the density of
asymmetries of the form used for the dipole gap (the paper's ref. [28]),

    P(ε) = P_0 / (1 + b ln(E_0/ε))   for ε < E_0,   P_0 otherwise,

fits b to a binned density, and loads the cached runs written by ``tools/dipole_gap.py``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants

from tlslib.coupling import gamma_max
from tlslib.materials import Material
from tlslib.mean_field import (
    field_energy_unit,
    mean_coupling,
    paper_exclusion_radius,
    poisson_field_pdf,
)
from tlslib.paper.files import data_path
from tlslib.paper.table1 import table1_row
from tlslib.validation import InputError

__all__ = [
    "FIELD_BIN_EDGES",
    "COUPLING_BIN_EDGES",
    "COUPLING_WINDOW",
    "FIELDS_PATH",
    "COUPLING_PATH",
    "reduced_energy_unit",
    "log_gap_ratio",
    "binned_field_density",
    "fit_log_gap",
    "LogGapFit",
    "FieldHistograms",
    "load_field_histograms",
    "CouplingCounts",
    "load_coupling_counts",
    "RESOLVED_MIN_COUNT",
    "GAP_ONSET",
    "REFERENCE_CUTOFF",
    "resolved_field_window",
    "sio2_resolved_window",
    "all_tls_gap_strength",
    "sio2_all_tls_gap_factor",
]

#: Edges of the logarithmic |ε| bins of the cached runs (reduced units), five per decade.
FIELD_BIN_EDGES: np.ndarray = np.geomspace(1e-4, 100.0, 31)

#: Edges of the bins of the own coupling g = γ/γ_max in the cached runs.
COUPLING_BIN_EDGES: np.ndarray = np.linspace(0.0, 1.0, 21)

#: Full width w of the window |ε| < w/2 that defines P(0 | g) in the cached runs (reduced).
COUPLING_WINDOW: float = 0.4

_DATA = data_path("")
#: The cached histograms of |ε| (``tools/dipole_gap.py``).
FIELDS_PATH: Path = _DATA / "dipole_gap_fields.csv"
#: The cached small-field counts per coupling bin (``tools/dipole_gap.py``).
COUPLING_PATH: Path = _DATA / "dipole_gap_coupling.csv"


def reduced_energy_unit(material: Material, region_volume: ArrayLike) -> np.ndarray:
    """E_u = γ_max²/(ρ v² V_o) of a glass, with γ_max of Eq. (13), in kelvin [K].

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    region_volume : array_like
        V_o, the volume per TLS [m³] (at least the formula volume v_o).
    """
    g_max = gamma_max(material.density, material.velocity, material.formula_volume)
    return field_energy_unit(material.density, material.velocity, g_max, region_volume) / constants.k


def log_gap_ratio(energy: ArrayLike, scale: ArrayLike, strength: ArrayLike) -> np.ndarray:
    """P(ε)/P_0 = 1/(1 + b ln(E_0/ε)) below E_0 and 1 above: a logarithmic dipole gap.

    Parameters
    ----------
    energy : array_like
        ε > 0 (any unit, the same as ``scale``).
    scale : array_like
        E_0, where the depletion starts.
    strength : array_like
        b ≥ 0, the depletion per e-fold of energy.
    """
    logs = np.log(np.asarray(scale, dtype=float) / np.asarray(energy, dtype=float))
    return 1.0 / (1.0 + np.asarray(strength, dtype=float) * np.clip(logs, 0.0, None))


def binned_field_density(counts: ArrayLike, edges: ArrayLike, number: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """P(ε) and its counting error from a histogram of |ε|: counts / (2 Δε N) (both signs).

    Parameters
    ----------
    counts : array_like
        TLS per |ε| bin.
    edges : array_like
        Bin edges (one more than ``counts``).
    number : array_like
        N, the TLS in the sample(s).

    Returns
    -------
    density, error : numpy.ndarray
        P(ε) averaged over each bin and √count times the same factor (reduced units).
    """
    counts = np.asarray(counts, dtype=float)
    scale = 1.0 / (2.0 * np.diff(np.asarray(edges, dtype=float)) * np.asarray(number, dtype=float))
    return counts * scale, np.sqrt(counts) * scale


@dataclass(frozen=True)
class LogGapFit:
    """Result of :func:`fit_log_gap`.

    Attributes
    ----------
    p_zero : float
        P_0, the density at E_0.
    strength : float
        b of :func:`log_gap_ratio`.
    strength_error : float
        Standard error of b from the weighted fit.
    """

    p_zero: float
    strength: float
    strength_error: float


def fit_log_gap(energy: ArrayLike, density: ArrayLike, error: ArrayLike, scale: float) -> LogGapFit:
    """Weighted fit of P(ε) = P_0/(1 + b ln(E_0/ε)) for ε ≤ E_0, linear in 1/P.

    1/P = 1/P_0 + (b/P_0) ln(E_0/ε): a straight line in ln(E_0/ε) with weights from the
    errors of 1/P (σ_P/P²).

    Parameters
    ----------
    energy, density, error : array_like
        Bin centres ε, P(ε) and its standard error (positive).
    scale : float
        E_0, fixed.
    """
    x = np.log(scale / np.asarray(energy, dtype=float))
    p = np.asarray(density, dtype=float)
    y = 1.0 / p
    sigma = np.asarray(error, dtype=float) / p**2
    design = np.column_stack([np.ones_like(x), x]) / sigma[:, None]
    coef, *_ = np.linalg.lstsq(design, y / sigma, rcond=None)
    covariance = np.linalg.inv(design.T @ design)
    intercept, slope = coef
    p_zero = 1.0 / intercept
    strength = slope * p_zero
    # b = slope/intercept: first-order error propagation
    grad = np.array([-slope / intercept**2, 1.0 / intercept])
    return LogGapFit(float(p_zero), float(strength), float(np.sqrt(grad @ covariance @ grad)))


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


# --------------------------------------------------------------------------- the kelvin scale (claims ledger)

#: A bin of |ε| is resolved when it holds at least this many TLS (10 % counting error).
RESOLVED_MIN_COUNT: int = 100
#: E_0 of the logarithmic form, reduced: below it the frozen density is flat, so a depletion there is the gap.
GAP_ONSET: float = 0.1
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


def sio2_resolved_window() -> tuple[float, float]:
    """:func:`resolved_field_window` in kelvin for SiO₂ of Table I with one TLS per formula unit, V_o = v_o [K].

    V_o = v_o makes E_u (and so the window) as large as it can be: the lowest energy resolved
    is then a lower bound.
    """
    m = table1_row("SiO2").material
    unit = float(reduced_energy_unit(m, m.formula_volume))
    lo, hi = resolved_field_window()
    return lo * unit, hi * unit


def all_tls_gap_strength() -> float:
    """b = χ_0 = P_0 U_0 with every TLS taking part: the frozen-gas P(0) times ⟨g⟩² = 4/9 (reduced units).

    The strength of Burin's logarithmic gap (:func:`log_gap_ratio`) when the whole population
    equilibrates (A = 1); P_0 from the exact frozen Poisson gas with the paper's exclusion radius.
    """
    return float(poisson_field_pdf(0.0, paper_exclusion_radius())) * float(mean_coupling(1.0)) ** 2


def sio2_all_tls_gap_factor(temperature: float | str = 1.0) -> float:
    """ñ_o(k_BT)/ñ_o of Burin's form with b = :func:`all_tls_gap_strength`, E_0 = :data:`GAP_ONSET` E_u, for SiO₂.

    A factor on Eq. (7) at ε = k_BT (V_o = v_o); 1 if only the tunneling TLS equilibrate (b ~ C).

    Parameters
    ----------
    temperature : float or str, optional
        T [K].
    """
    m = table1_row("SiO2").material
    reduced = float(temperature) / float(reduced_energy_unit(m, m.formula_volume))
    return float(log_gap_ratio(reduced, GAP_ONSET, all_tls_gap_strength()))
