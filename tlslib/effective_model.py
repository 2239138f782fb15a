"""Back to independent TLS: the change of variables (ε, γ²) → (ε, Δ°) behind Eqs. (8)–(11).

With P(γ²) = 1/γ_max² on [0, γ_max²] and Δ° = Δ°_max exp(−γ²/γ_s²), where the
exponent scale γ_s is γ_o in the paper's Eq. (4), the distribution of Δ° is
P(γ²)|dγ²/dΔ°| = (γ_s/γ_max)²/Δ° on Δ°_max e^{−γ_max²/γ_s²} < Δ° < Δ°_max.
Leaving γ_s free lets the book test the paper's one-off γ_s = γ_max (before Eq. 8).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants

from tlslib.coupling import coupling_of_tunneling, renormalized_tunneling
from tlslib.coupling_constant import universal_coupling_constant
from tlslib.dos import interacting_dos
from tlslib.standard_model import tls_hamiltonian

__all__ = [
    "sample_tunneling",
    "tunneling_window",
    "coupling_squared_jacobian",
    "tunneling_probability_density",
    "effective_distribution",
    "tunneling_frequency",
    "alpha_for_coupling_constant",
    "effective_tls",
    "tunneling_period",
]


def sample_tunneling(
    rng: np.random.Generator, n: int, gamma_max: float, gamma_scale: float, tunneling_max: float
) -> tuple[np.ndarray, np.ndarray]:
    """Draw n TLS with γ² uniform on [0, γ_max²] and return (γ² [J²], Δ° [J]), Eq. (4).

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (seeded by the caller).
    n : int
        Number of TLS.
    gamma_max, gamma_scale : float
        γ_max [J] and the exponent scale γ_s of Δ° = Δ°_max exp(−γ²/γ_s²) [J] (γ_o in Eq. 4).
    tunneling_max : float
        Δ°_max [J]; 10 K by default.
    """
    coupling_squared = gamma_max**2 * rng.random(n)
    return coupling_squared, renormalized_tunneling(np.sqrt(coupling_squared), tunneling_max, gamma_scale)


def tunneling_window(
    gamma_max: ArrayLike, gamma_scale: ArrayLike, tunneling_max: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Range of Δ° reached by γ in [0, γ_max]: (Δ°_max exp(−γ_max²/γ_s²), Δ°_max) [J].

    Parameters
    ----------
    gamma_max, gamma_scale : array_like
        γ_max and the exponent scale γ_s [J].
    tunneling_max : array_like
        Δ°_max [J].
    """
    return renormalized_tunneling(gamma_max, tunneling_max, gamma_scale), np.asarray(tunneling_max, dtype=float)


def coupling_squared_jacobian(tunneling: ArrayLike, gamma_scale: ArrayLike) -> np.ndarray:
    """|dγ²/dΔ°| = γ_s²/Δ° for Δ° = Δ°_max exp(−γ²/γ_s²) (step from Eq. 7 to Eqs. 8–9) [J].

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    gamma_scale : array_like
        Exponent scale γ_s [J].
    """
    return np.asarray(gamma_scale, dtype=float) ** 2 / np.asarray(tunneling, dtype=float)


def tunneling_probability_density(
    tunneling: ArrayLike, gamma_max: ArrayLike, gamma_scale: ArrayLike, tunneling_max: ArrayLike
) -> np.ndarray:
    """Probability density of Δ° for one TLS, P(γ²)|dγ²/dΔ°| = (γ_s/γ_max)²/Δ° in the window [J⁻¹].

    Zero outside :func:`tunneling_window`; it integrates to one over the window.

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    gamma_max, gamma_scale : array_like
        γ_max and the exponent scale γ_s [J].
    tunneling_max : array_like
        Δ°_max [J].
    """
    low, high = tunneling_window(gamma_max, gamma_scale, tunneling_max)
    delta = np.asarray(tunneling, dtype=float)
    density = coupling_squared_jacobian(delta, gamma_scale) / np.asarray(gamma_max, dtype=float) ** 2
    return np.where((delta >= low) & (delta <= high), density, 0.0)


def effective_distribution(
    tunneling: ArrayLike,
    density: ArrayLike,
    velocity: ArrayLike,
    gamma_max: ArrayLike,
    gamma_scale: ArrayLike,
    tunneling_max: ArrayLike,
) -> np.ndarray:
    """Eq. (8): P(ε, Δ°) = ñ_o P(γ²)|dγ²/dΔ°|, built from Eqs. (7) and (4) [J⁻² m⁻³].

    With γ_s = γ_o this is P̄/Δ° with the P̄ of Eq. (9) inside the window.

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max, gamma_scale : array_like
        γ_max and the exponent scale γ_s [J].
    tunneling_max : array_like
        Δ°_max [J].
    """
    n_tilde = interacting_dos(density, velocity, gamma_max)
    return n_tilde * tunneling_probability_density(tunneling, gamma_max, gamma_scale, tunneling_max)


def tunneling_frequency(tunneling: ArrayLike) -> np.ndarray:
    """Frequency ν = Δ°/h of coherent oscillation between the wells of a symmetric TLS [Hz].

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    """
    return np.asarray(tunneling, dtype=float) / constants.h


def alpha_for_coupling_constant(coupling_constant: ArrayLike, gamma_o: ArrayLike, gamma_max: ArrayLike) -> np.ndarray:
    """α = γ_eff/γ_o that makes Eq. (12) give a target C: α = √(C / C(α=1)) [dimensionless].

    Parameters
    ----------
    coupling_constant : array_like
        Target C (e.g. the measured C_exp).
    gamma_o, gamma_max : array_like
        γ_o of Eq. (5) and γ_max of Eq. (13) [J].
    """
    return np.sqrt(np.asarray(coupling_constant, dtype=float) / universal_coupling_constant(gamma_o, gamma_max, 1.0))


def effective_tls(
    asymmetry: ArrayLike, tunneling: ArrayLike, tunneling_max: ArrayLike, gamma_o: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Eq. (11): the effective independent TLS, its 2×2 Hamiltonian and its phonon coupling.

    H = (ε σ^z + Δ° σ^x)/2 in the well basis, coupled to the slow phonons through
    γ(Δ°) σ^z with γ(Δ°) = γ_o ln^{1/2}(Δ°_max/Δ°) of Eq. (10): the coupling is not a free
    constant but fixed by the tunneling element.

    Parameters
    ----------
    asymmetry, tunneling : array_like
        ε and Δ° [J], with 0 < Δ° ≤ Δ°_max.
    tunneling_max : array_like
        Δ°_max [J].
    gamma_o : array_like
        γ_o of Eq. (5) [J].

    Returns
    -------
    hamiltonian : numpy.ndarray
        Shape ``broadcast(ε, Δ°).shape + (2, 2)`` [J].
    coupling : numpy.ndarray
        γ(Δ°) [J].
    """
    return tls_hamiltonian(asymmetry, tunneling), coupling_of_tunneling(tunneling, tunneling_max, gamma_o)


def tunneling_period(tunneling: ArrayLike) -> np.ndarray:
    """Oscillation period h/Δ° of a TLS with tunneling energy Δ° (text below Eq. 11) [s].

    Parameters
    ----------
    tunneling : array_like
        Δ° [J].
    """
    return 1.0 / tunneling_frequency(tunneling)
