"""WKB estimate of the tunneling barrier from Δ°_max (Eq. 14).

The paper prints the exponent as √(2M) V d/ħ; dimensional analysis (and the paper's
own next line, "1.6 √V d") require √(2 M V) d/ħ, which is what is coded here.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants

__all__ = [
    "tunneling_mass",
    "wkb_tunneling",
    "wkb_exponent_coefficient",
    "barrier_height",
]


def tunneling_mass(density: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """Mass of the tunneling entity taken as one formula unit, M = ρ v_o (below Eq. 14) [kg].

    Parameters
    ----------
    density : array_like
        ρ [kg/m³].
    formula_volume : array_like
        v_o [m³].
    """
    return np.asarray(density, dtype=float) * np.asarray(formula_volume, dtype=float)


def wkb_tunneling(attempt_energy: ArrayLike, mass: ArrayLike, barrier: ArrayLike, distance: ArrayLike) -> np.ndarray:
    """Eq. (14): the bare tunneling element Δ°_max = ħω_D exp(−√(2MV) d/ħ) [J].

    Parameters
    ----------
    attempt_energy : array_like
        ħω_D [J].
    mass : array_like
        M [kg].
    barrier : array_like
        Barrier height V [J].
    distance : array_like
        Tunneling distance d [m].
    """
    exponent = np.sqrt(2.0 * np.asarray(mass, dtype=float) * np.asarray(barrier, dtype=float))
    exponent = exponent * np.asarray(distance, dtype=float) / constants.hbar
    return np.asarray(attempt_energy, dtype=float) * np.exp(-exponent)


def wkb_exponent_coefficient(mass: ArrayLike) -> np.ndarray:
    """The number c in √(2MV) d/ħ = c √(V/K) (d/Å), the "1.6" below Eq. (14) [dimensionless].

    Parameters
    ----------
    mass : array_like
        M [kg].
    """
    return np.sqrt(2.0 * np.asarray(mass, dtype=float) * constants.k) * constants.angstrom / constants.hbar


def barrier_height(
    attempt_energy: ArrayLike, tunneling_max: ArrayLike, mass: ArrayLike, distance: ArrayLike
) -> np.ndarray:
    """Barrier V that makes Eq. (14) give Δ°_max: V = [ħ ln(ħω_D/Δ°_max) / d]² / (2M) [J].

    Parameters
    ----------
    attempt_energy : array_like
        ħω_D [J].
    tunneling_max : array_like
        Δ°_max [J], smaller than ħω_D.
    mass : array_like
        M [kg].
    distance : array_like
        d [m].
    """
    log_ratio = np.log(np.asarray(attempt_energy, dtype=float) / np.asarray(tunneling_max, dtype=float))
    momentum = constants.hbar * log_ratio / np.asarray(distance, dtype=float)
    return momentum**2 / (2.0 * np.asarray(mass, dtype=float))
