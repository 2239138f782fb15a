"""Phonon–TLS coupling energies: γ_o (Eq. 5), γ_max (Eq. 13), γ_eff and γ(Δ°) (Eq. 10).

All couplings are energies [J]: γ is the deformation potential, the change of a
TLS's asymmetry energy per unit strain.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tlslib.elastic import debye_energy, elastic_energy_scale

__all__ = [
    "GAMMA_MAX_PREFACTOR",
    "coupling_scale",
    "gamma_o",
    "gamma_max",
    "gamma_eff",
    "coupling_of_tunneling",
    "renormalized_tunneling",
    "tunneling_log_factor",
]


#: a in γ_max = a ρ v² v_o, the elastic-stability estimate (4/3)(2/9π)^(2/3) of Eq. (13).
GAMMA_MAX_PREFACTOR: float = (4.0 / 3.0) * (2.0 / (9.0 * np.pi)) ** (2.0 / 3.0)


def coupling_scale(density: ArrayLike, velocity: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """The coupling energy scale √(ρ v² v_o ħω_D) that sets γ (Eqs. 5 and 10) [J].

    Parameters
    ----------
    density, velocity, formula_volume : array_like
        ρ [kg/m³], Debye-averaged sound velocity v [m/s], formula volume v_o [m³].
    """
    return np.sqrt(elastic_energy_scale(density, velocity, formula_volume) * debye_energy(velocity, formula_volume))


def gamma_o(density: ArrayLike, velocity: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """Eq. (5): the polaron coupling scale γ_o = (√2/3) √(ρ v² v_o ħω_D) [J].

    A TLS with coupling γ has its tunneling element reduced by exp(−γ²/γ_o²) (Eq. 4).

    Parameters
    ----------
    density, velocity, formula_volume : array_like
        ρ [kg/m³], Debye-averaged sound velocity v [m/s], formula volume v_o [m³].
    """
    return np.sqrt(2.0) / 3.0 * coupling_scale(density, velocity, formula_volume)


def gamma_max(
    density: ArrayLike,
    velocity: ArrayLike,
    formula_volume: ArrayLike,
    prefactor: float = GAMMA_MAX_PREFACTOR,
) -> np.ndarray:
    """Eq. (13): the largest TLS–phonon coupling γ_max = a ρ v² v_o, a = (4/3)(2/9π)^(2/3) [J].

    Parameters
    ----------
    density, velocity, formula_volume : array_like
        ρ [kg/m³], v [m/s], v_o [m³].
    prefactor : float, optional
        The dimensionless a; the default is the paper's elastic-stability value.
    """
    return prefactor * elastic_energy_scale(density, velocity, formula_volume)


def gamma_eff(gamma_o: ArrayLike, alpha: ArrayLike) -> np.ndarray:
    """Effective acoustic coupling γ_eff = α γ_o (text above Eq. 12) [J].

    Parameters
    ----------
    gamma_o : array_like
        γ_o of Eq. (5) [J].
    alpha : array_like
        ln^{1/2}(Δ°_max/Δ°) typical of the TLS an experiment sees; the paper uses 2.5.
    """
    return np.asarray(alpha, dtype=float) * np.asarray(gamma_o, dtype=float)


def coupling_of_tunneling(tunneling: ArrayLike, tunneling_max: ArrayLike, gamma_o: ArrayLike) -> np.ndarray:
    """Eq. (10): the coupling of a TLS with bare tunneling element Δ°, γ = γ_o ln^{1/2}(Δ°_max/Δ°) [J].

    Parameters
    ----------
    tunneling : array_like
        Δ° [J], with 0 < Δ° ≤ Δ°_max.
    tunneling_max : array_like
        Δ°_max [J].
    gamma_o : array_like
        γ_o of Eq. (5) [J].
    """
    ratio = np.asarray(tunneling_max, dtype=float) / np.asarray(tunneling, dtype=float)
    return np.asarray(gamma_o, dtype=float) * np.sqrt(np.log(ratio))


def renormalized_tunneling(coupling: ArrayLike, tunneling_max: ArrayLike, gamma_o: ArrayLike) -> np.ndarray:
    """Eq. (4), its tunneling term: the polaron-reduced Δ° = Δ°_max exp(−γ²/γ_o²) [J].

    The inverse of :func:`coupling_of_tunneling`.

    Parameters
    ----------
    coupling : array_like
        γ of the TLS [J].
    tunneling_max : array_like
        Δ°_max [J].
    gamma_o : array_like
        γ_o of Eq. (5) [J].
    """
    g = np.asarray(coupling, dtype=float) / np.asarray(gamma_o, dtype=float)
    return np.asarray(tunneling_max, dtype=float) * np.exp(-(g**2))


def tunneling_log_factor(tunneling: ArrayLike, tunneling_max: ArrayLike) -> np.ndarray:
    """ln^(1/2)(Δ°_max/Δ°) = γ/γ_o of Eq. (10) [dimensionless].

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    tunneling_max : array_like
        Δ°_max [J] (the paper's 10 K is ``PAPER.tunneling_max``).
    """
    return coupling_of_tunneling(tunneling, tunneling_max, 1.0)
