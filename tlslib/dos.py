"""TLS densities of states: standard model (Eq. 3), Yu–Leggett (Eq. 6), interacting (Eq. 7), P̄ (Eq. 9).

A density of states here is per unit energy and per unit volume [J⁻¹ m⁻³].
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "standard_model_p_bar",
    "standard_model_distribution",
    "yu_leggett_dos",
    "interacting_dos",
    "p_bar",
    "mean_coupling_squared",
]


def standard_model_p_bar(
    tls_density: ArrayLike, asymmetry_max: ArrayLike, tunneling_min: ArrayLike, tunneling_max: ArrayLike
) -> np.ndarray:
    """Standard-model normalization P̄ = n_o / (ε_max ln(Δ°_max/Δ°_min)), below Eq. (3) [J⁻¹ m⁻³].

    Parameters
    ----------
    tls_density : array_like
        n_o, TLS per unit volume [m⁻³].
    asymmetry_max : array_like
        ε_max [J].
    tunneling_min, tunneling_max : array_like
        Δ°_min and Δ°_max [J].
    """
    log_range = np.log(np.asarray(tunneling_max, dtype=float) / np.asarray(tunneling_min, dtype=float))
    return np.asarray(tls_density, dtype=float) / (np.asarray(asymmetry_max, dtype=float) * log_range)


def standard_model_distribution(tunneling: ArrayLike, p_bar: ArrayLike) -> np.ndarray:
    """Eq. (3): the standard-model distribution P(ε, Δ°) = P̄/Δ° (the form of Eq. 8 too) [J⁻² m⁻³].

    Independent of ε inside the window 0 < ε < ε_max, Δ°_min < Δ° < Δ°_max.

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    p_bar : array_like
        P̄ [J⁻¹ m⁻³].
    """
    return np.asarray(p_bar, dtype=float) / np.asarray(tunneling, dtype=float)


def yu_leggett_dos(density: ArrayLike, velocity: ArrayLike, coupling: ArrayLike) -> np.ndarray:
    """Eq. (6): the Yu–Leggett mean-field density of states with one coupling, P̄ ≈ ρ v²/γ² [J⁻¹ m⁻³].

    Parameters
    ----------
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    coupling : array_like
        The single coupling γ [J].
    """
    return (
        np.asarray(density, dtype=float)
        * np.asarray(velocity, dtype=float) ** 2
        / np.asarray(coupling, dtype=float) ** 2
    )


def interacting_dos(density: ArrayLike, velocity: ArrayLike, gamma_max: ArrayLike) -> np.ndarray:
    """Eq. (7): the interaction-limited density of asymmetries ñ_o ≈ ρ v²/(3 γ_max²) [J⁻¹ m⁻³].

    Parameters
    ----------
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max : array_like
        γ_max of Eq. (13) [J].
    """
    return yu_leggett_dos(density, velocity, gamma_max) / 3.0


def p_bar(density: ArrayLike, velocity: ArrayLike, gamma_max: ArrayLike, gamma_o: ArrayLike) -> np.ndarray:
    """Eq. (9): the effective model's density of states P̄ = (1/3)(ρv²/γ_max²)(γ_o/γ_max)² [J⁻¹ m⁻³].

    It is ñ_o of Eq. (7) times the Jacobian (γ_o/γ_max)² of the change of variables
    from γ² (uniform on [0, γ_max²]) to ln Δ°.

    Parameters
    ----------
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max : array_like
        γ_max of Eq. (13) [J].
    gamma_o : array_like
        γ_o of Eq. (5) [J].
    """
    ratio = np.asarray(gamma_o, dtype=float) / np.asarray(gamma_max, dtype=float)
    return interacting_dos(density, velocity, gamma_max) * ratio**2


def mean_coupling_squared(gamma_max: ArrayLike) -> np.ndarray:
    """Mean of γ² for P(γ²) = 1/γ_max² on [0, γ_max²]: ⟨γ²⟩ = γ_max²/2 (above Eq. 15) [J²].

    Parameters
    ----------
    gamma_max : array_like
        γ_max [J].
    """
    return np.asarray(gamma_max, dtype=float) ** 2 / 2.0
