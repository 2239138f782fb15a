"""Which density of the local field is P̄? The ε convention of Eqs. (3), (4), (7), checked on simulated fields.

Eq. (4) holds ½ Σ_i ε_i σ_i^z and ½ Σ_{i≠j} σ_i^z J_ij σ_j^z. The terms with σ_i are
½ ε_i(0) σ_i + σ_i Σ_j J_ij σ_j = ½ [ε_i(0) + 2 h_i] σ_i with h_i = Σ_j J_ij σ_j, so the
asymmetry of TLS i is ε_i = 2 h_i (:data:`ASYMMETRY_PER_FIELD`) when ε_i(0) is dropped.
P̄ of Eqs. (3), (8), (9) counts TLS per unit ε on 0 < ε < ε_max (one-sided): the TLS with
|ε| < δ number 2δ p_ε(0) = δ · 2 p_h(0)/2 = δ p_h(0), p the two-sided densities at zero.
So the one-sided density of the Hamiltonian's ε equals the two-sided density of h at zero,
which is what :mod:`tlslib.mean_field` computes (``poisson_field_pdf(0, d)``): the factor on
ñ_o, hence on C, is 1.

Reduced units of :mod:`tlslib.mean_field` (energies γ_max²/(ρv²V_o), TLS density 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from tlslib.local_fields import frozen_local_fields, neighbour_pairs, sample_tls
from tlslib.mean_field import paper_exclusion_radius, poisson_field_pdf

__all__ = [
    "ASYMMETRY_PER_FIELD",
    "one_sided_asymmetry_density",
    "exact_one_sided_density",
    "ConventionCheck",
    "convention_check",
]

#: ε_i/h_i with h_i = Σ_j J_ij σ_j: Eq. (4)'s ½ε σ^z against its ½Σ_{i≠j} σ J σ.
ASYMMETRY_PER_FIELD: float = 2.0


def one_sided_asymmetry_density(
    fields: ArrayLike, delta: ArrayLike, per_field: float = ASYMMETRY_PER_FIELD
) -> np.ndarray:
    """N(|ε| < δ)/(N δ) with ε = per_field · h: the density per unit ε > 0 that P̄ is (reduced units).

    Parameters
    ----------
    fields : array_like
        h_i = Σ_j J_ij σ_j of N TLS.
    delta : array_like
        δ (reduced energy).
    per_field : float, optional
        ε/h (2 for Eq. 4).
    """
    eps = np.sort(np.abs(per_field * np.asarray(fields, dtype=float)))
    d = np.asarray(delta, dtype=float)
    return np.searchsorted(eps, d, side="left") / (eps.size * d)


def exact_one_sided_density(
    delta: ArrayLike, exclusion_radius: float, per_field: float = ASYMMETRY_PER_FIELD, points: int = 41
) -> np.ndarray:
    """(1/δ) P(|ε| < δ) of the exact frozen Poisson gas, ε = per_field · h: → p_h(0)·(2/per_field) as δ → 0.

    P(|ε| < δ) = 2 ∫₀^{δ/k} p_h(x) dx with k = per_field, p_h = :func:`tlslib.mean_field.poisson_field_pdf`.

    Parameters
    ----------
    delta : array_like
        δ (reduced energy).
    exclusion_radius : float
        d [V_o^(1/3)].
    per_field : float, optional
        ε/h.
    points : int, optional
        Trapezoid points on [0, δ/k].
    """
    out = []
    for d in np.atleast_1d(np.asarray(delta, dtype=float)):
        x = np.linspace(0.0, d / per_field, points)
        out.append(2.0 * np.trapezoid(poisson_field_pdf(x, exclusion_radius), x) / d)
    return np.reshape(np.array(out), np.shape(delta))


@dataclass(frozen=True)
class ConventionCheck:
    """Simulated one-sided density of ε = 2h at zero against the mean-field P_h(0), reduced units.

    Attributes
    ----------
    sizes : tuple of int
        N of each configuration.
    deltas : numpy.ndarray
        δ of the windows |ε| < δ.
    density : numpy.ndarray
        (len(sizes), len(deltas)) N(|ε| < δ)/(N δ).
    error : numpy.ndarray
        Its counting error √count/(N δ).
    exact : numpy.ndarray
        :func:`exact_one_sided_density` at each δ (the same window).
    mean_field : float
        p_h(0) = ``poisson_field_pdf(0, d)``: the prefactor c of ñ_o = c ρv²/γ_max² in the book.
    """

    sizes: tuple[int, ...]
    deltas: np.ndarray
    density: np.ndarray
    error: np.ndarray
    exact: np.ndarray
    mean_field: float

    @property
    def ratio(self) -> np.ndarray:
        """density/mean_field: the factor on ñ_o (and C) that the convention implies."""
        return self.density / self.mean_field


def convention_check(
    cutoff: float,
    sizes: tuple[int, ...] = (20_000, 50_000, 200_000),
    deltas: ArrayLike = (0.05, 0.1, 0.2, 0.4, 0.8),
    seed: int = 2020,
    exclusion_radius: float | None = None,
) -> ConventionCheck:
    """Frozen random configurations (seeds ``seed + k``), ε_i = 2 h_i, one-sided density at zero per δ and N.

    Each configuration: :func:`tlslib.local_fields.sample_tls`, pairs d ≤ r < R_c, frozen
    fields with the Gaussian tail beyond R_c (:func:`tlslib.local_fields.frozen_local_fields`).

    Parameters
    ----------
    cutoff : float
        R_c [V_o^(1/3)] (the book's choice: ``PAPER.cutoff_radius``).
    sizes : tuple of int, optional
        N per configuration.
    deltas : array_like, optional
        Window half-widths δ (reduced).
    seed : int, optional
        Base seed.
    exclusion_radius : float, optional
        d; the paper's (3/4π)^(1/3) by default.
    """
    d = paper_exclusion_radius() if exclusion_radius is None else float(exclusion_radius)
    dl = np.asarray(deltas, dtype=float)
    density, error = [], []
    for k, n in enumerate(sizes):
        rng = np.random.default_rng(seed + k)
        sample = sample_tls(int(n), rng)
        h = frozen_local_fields(sample, neighbour_pairs(sample, cutoff, d), rng)
        p = one_sided_asymmetry_density(h, dl)
        density.append(p)
        error.append(np.sqrt(p * n * dl) / (n * dl))
    return ConventionCheck(
        tuple(int(n) for n in sizes),
        dl,
        np.array(density),
        np.array(error),
        exact_one_sided_density(dl, d),
        float(poisson_field_pdf(0.0, d)),
    )
