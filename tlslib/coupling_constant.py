"""The dimensionless coupling constant C: its definition (Eq. 1), Eq. (12), and the high-T limit."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tlslib.dos import interacting_dos, mean_coupling_squared

__all__ = [
    "coupling_constant",
    "density_of_states_from_c",
    "universal_coupling_constant",
    "high_temperature_coupling_constant",
]


def coupling_constant(p_bar: ArrayLike, coupling: ArrayLike, density: ArrayLike, velocity: ArrayLike) -> np.ndarray:
    """Eq. (1): the tunneling strength C = P̄ γ²/(ρ v²) [dimensionless].

    Parameters
    ----------
    p_bar : array_like
        P̄ [J⁻¹ m⁻³].
    coupling : array_like
        γ [J].
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    """
    rho_v2 = np.asarray(density, dtype=float) * np.asarray(velocity, dtype=float) ** 2
    return np.asarray(p_bar, dtype=float) * np.asarray(coupling, dtype=float) ** 2 / rho_v2


def density_of_states_from_c(
    coupling_constant: ArrayLike, coupling: ArrayLike, density: ArrayLike, velocity: ArrayLike
) -> np.ndarray:
    """P̄ implied by a measured C and a coupling γ, P̄ = C ρ v²/γ² (Eq. 1 inverted) [J⁻¹ m⁻³].

    Parameters
    ----------
    coupling_constant : array_like
        C.
    coupling : array_like
        γ [J].
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    """
    rho_v2 = np.asarray(density, dtype=float) * np.asarray(velocity, dtype=float) ** 2
    return np.asarray(coupling_constant, dtype=float) * rho_v2 / np.asarray(coupling, dtype=float) ** 2


def universal_coupling_constant(gamma_o: ArrayLike, gamma_max: ArrayLike, alpha: ArrayLike) -> np.ndarray:
    """Eq. (12): the model's prediction C = (α²/3)(γ_o/γ_max)⁴ [dimensionless].

    Parameters
    ----------
    gamma_o : array_like
        γ_o of Eq. (5) [J].
    gamma_max : array_like
        γ_max of Eq. (13) [J].
    alpha : array_like
        γ_eff/γ_o.
    """
    ratio = np.asarray(gamma_o, dtype=float) / np.asarray(gamma_max, dtype=float)
    return np.asarray(alpha, dtype=float) ** 2 / 3.0 * ratio**4


def high_temperature_coupling_constant(density: ArrayLike, velocity: ArrayLike, gamma_max: ArrayLike) -> np.ndarray:
    """C above the barrier scale, C = ñ_o ⟨γ²⟩/(ρv²) = 1/6, the step before Eq. (15) [dimensionless].

    Tunneling no longer thins the density of states (P̄ = ñ_o, Eq. 7) and every TLS
    couples with the mean ⟨γ²⟩ = γ_max²/2; the material parameters cancel.

    Parameters
    ----------
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max : array_like
        γ_max [J].
    """
    n_tilde = interacting_dos(density, velocity, gamma_max)
    return coupling_constant(n_tilde, np.sqrt(mean_coupling_squared(gamma_max)), density, velocity)
