"""The dipole gap at small asymmetries: energy scale of the local-field runs, Burin's log form, cached runs.

The local-field simulation (:mod:`tlslib.local_fields`) works in reduced units: energies in
E_u = γ_max²/(ρ v² V_o), V_o the volume per TLS (text above Eq. 7). This module turns a
reduced field into kelvin for a glass, evaluates a logarithmic depletion of the density of
asymmetries of the form used for the dipole gap (the paper's ref. [28]),

    P(ε) = P_0 / (1 + b ln(E_0/ε))   for ε < E_0,   P_0 otherwise,

and fits b to a binned density. The cached runs of ``tools/dipole_gap.py`` are read by
:mod:`tlslib.paper.simulations`.
"""

from __future__ import annotations

from dataclasses import dataclass

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

__all__ = [
    "FIELD_BIN_EDGES",
    "COUPLING_BIN_EDGES",
    "COUPLING_WINDOW",
    "reduced_energy_unit",
    "log_gap_ratio",
    "binned_field_density",
    "fit_log_gap",
    "LogGapFit",
    "GAP_ONSET",
    "all_tls_gap_strength",
]

#: Edges of the logarithmic |ε| bins of the cached runs (reduced units), five per decade.
FIELD_BIN_EDGES: np.ndarray = np.geomspace(1e-4, 100.0, 31)

#: Edges of the bins of the own coupling g = γ/γ_max in the cached runs.
COUPLING_BIN_EDGES: np.ndarray = np.linspace(0.0, 1.0, 21)

#: Full width w of the window |ε| < w/2 that defines P(0 | g) in the cached runs (reduced).
COUPLING_WINDOW: float = 0.4


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


#: E_0 of the logarithmic form, reduced: below it the frozen density is flat, so a depletion there is the gap.
GAP_ONSET: float = 0.1


def all_tls_gap_strength() -> float:
    """b = χ_0 = P_0 U_0 with every TLS taking part: the frozen-gas P(0) times ⟨g⟩² = 4/9 (reduced units).

    The strength of Burin's logarithmic gap (:func:`log_gap_ratio`) when the whole population
    equilibrates (A = 1); P_0 from the exact frozen Poisson gas with the paper's exclusion radius.
    """
    return float(poisson_field_pdf(0.0, paper_exclusion_radius())) * float(mean_coupling(1.0)) ** 2
