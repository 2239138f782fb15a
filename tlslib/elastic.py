"""Elastic and Debye scales of a glass: the material inputs of the paper's chain.

Everything here is continuum elasticity plus the Debye model; no two-level-system
physics yet. SI units throughout (kg, m, s, J).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants

__all__ = [
    "debye_velocity",
    "formula_volume",
    "molar_mass",
    "debye_energy",
    "debye_temperature",
    "elastic_energy_scale",
]


def debye_velocity(v_long: ArrayLike, v_trans: ArrayLike) -> np.ndarray:
    """Debye-averaged sound velocity, v⁻³ = (1/3) Σ_s v_s⁻³ (text below Eq. 1) [m/s].

    The sum runs over one longitudinal and two transverse polarizations.

    Parameters
    ----------
    v_long, v_trans : array_like
        Longitudinal and transverse sound velocities [m/s].
    """
    v_long = np.asarray(v_long, dtype=float)
    v_trans = np.asarray(v_trans, dtype=float)
    return ((v_long**-3 + 2.0 * v_trans**-3) / 3.0) ** (-1.0 / 3.0)


def formula_volume(molar_mass: ArrayLike, density: ArrayLike) -> np.ndarray:
    """Volume of one chemical formula unit, v_o = M / (N_A ρ) (text below Eq. 13) [m³].

    Parameters
    ----------
    molar_mass : array_like
        Molar mass of the formula unit M [kg/mol].
    density : array_like
        Mass density ρ [kg/m³].
    """
    return np.asarray(molar_mass, dtype=float) / (constants.N_A * np.asarray(density, dtype=float))


def molar_mass(formula_volume: ArrayLike, density: ArrayLike) -> np.ndarray:
    """Molar mass implied by a formula volume, M = ρ v_o N_A (inverse of v_o = M/N_Aρ) [kg/mol].

    Parameters
    ----------
    formula_volume : array_like
        v_o [m³].
    density : array_like
        ρ [kg/m³].
    """
    return np.asarray(density, dtype=float) * np.asarray(formula_volume, dtype=float) * constants.N_A


def debye_energy(velocity: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """Debye energy ħω_D = ħ v (6π²/v_o)^(1/3) (text below Eq. 13) [J].

    Parameters
    ----------
    velocity : array_like
        Debye-averaged sound velocity v [m/s].
    formula_volume : array_like
        v_o [m³], the volume per Debye "site".
    """
    velocity = np.asarray(velocity, dtype=float)
    formula_volume = np.asarray(formula_volume, dtype=float)
    return constants.hbar * velocity * (6.0 * np.pi**2 / formula_volume) ** (1.0 / 3.0)


def debye_temperature(velocity: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """Debye temperature T_D = ħω_D / k_B, the T_D column of Table I [K].

    Parameters
    ----------
    velocity, formula_volume : array_like
        Debye-averaged sound velocity v [m/s] and formula volume v_o [m³].
    """
    return debye_energy(velocity, formula_volume) / constants.k


def elastic_energy_scale(density: ArrayLike, velocity: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """Elastic energy stored in one formula volume at unit strain, ρ v² v_o (Eqs. 5, 13) [J].

    Parameters
    ----------
    density, velocity, formula_volume : array_like
        ρ [kg/m³], v [m/s], v_o [m³].
    """
    density = np.asarray(density, dtype=float)
    velocity = np.asarray(velocity, dtype=float)
    return density * velocity**2 * np.asarray(formula_volume, dtype=float)
