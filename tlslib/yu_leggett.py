"""The Yu–Leggett mean-field scenario with one coupling γ (Eq. 6), worked out as a random-field problem.

With J_ij = (γ²/ρv²) s_i s_j / r_ij³ (the simplified interaction above Eq. 6), the
asymmetry of a TLS is the field ε_i = Σ_j J_ij σ_j of its frozen neighbours (the
paper's poor man's mean field, below Eq. 6, with ε_i(J=0) dropped). For neighbours
placed at random with density n_o and random signs the field has a Lorentzian
distribution; this derivation is ours (the paper's Supplemental Material is not
available) and is checked by direct sampling in the book. SI units throughout.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tlslib.dos import yu_leggett_dos
from tlslib.validation import InputError, positive_finite

__all__ = [
    "RANDOM_FIELD_WIDTH_PREFACTOR",
    "LORENTZIAN_DOS_PREFACTOR",
    "interaction_strength",
    "typical_interaction",
    "random_field_width",
    "random_field_distribution",
    "lorentzian_yu_leggett_dos",
    "sample_random_fields",
]

#: b = (2π²/3) n_o J_o: half-width of the Lorentzian field distribution over n_o J_o.
#: From ln⟨e^{itε}⟩ = −n_o ∫d³r [1 − cos(t J_o/r³)] = −n_o (4π/3) J_o |t| ∫_0^∞ (1 − cos u)/u² du
#: and ∫_0^∞ (1 − cos u)/u² du = π/2.
RANDOM_FIELD_WIDTH_PREFACTOR: float = 2.0 * np.pi**2 / 3.0

#: n_o P(ε = 0) = n_o/(π b) = 3/(2π³) × ρv²/γ²: the O(1) number hidden in the "≈" of Eq. (6).
LORENTZIAN_DOS_PREFACTOR: float = 1.0 / (np.pi * RANDOM_FIELD_WIDTH_PREFACTOR)


def interaction_strength(density: ArrayLike, velocity: ArrayLike, coupling: ArrayLike) -> np.ndarray:
    """Strength J_o = γ²/(ρv²) of the interaction J_ij = J_o s_i s_j / r_ij³ (above Eq. 6) [J m³].

    It is the inverse of the Yu–Leggett density of states of Eq. (6).

    Parameters
    ----------
    density : array_like
        ρ [kg/m³].
    velocity : array_like
        v [m/s].
    coupling : array_like
        The single coupling γ [J].
    """
    return 1.0 / yu_leggett_dos(density, velocity, coupling)


def typical_interaction(
    tls_density: ArrayLike, density: ArrayLike, velocity: ArrayLike, coupling: ArrayLike
) -> np.ndarray:
    """Interaction at the typical TLS spacing r ~ n_o^(-1/3), J_o n_o = γ² n_o/(ρv²) (Eq. 6 argument) [J].

    Parameters
    ----------
    tls_density : array_like
        n_o, TLS per unit volume [m⁻³].
    density : array_like
        ρ [kg/m³].
    velocity : array_like
        v [m/s].
    coupling : array_like
        γ [J].
    """
    return np.asarray(tls_density, dtype=float) * interaction_strength(density, velocity, coupling)


def random_field_width(
    tls_density: ArrayLike, density: ArrayLike, velocity: ArrayLike, coupling: ArrayLike
) -> np.ndarray:
    """Half-width b = (2π²/3) n_o γ²/(ρv²) of the Lorentzian distribution of ε (our derivation of Eq. 6) [J].

    Parameters
    ----------
    tls_density : array_like
        n_o [m⁻³].
    density : array_like
        ρ [kg/m³].
    velocity : array_like
        v [m/s].
    coupling : array_like
        γ [J].
    """
    return RANDOM_FIELD_WIDTH_PREFACTOR * typical_interaction(tls_density, density, velocity, coupling)


def random_field_distribution(asymmetry: ArrayLike, width: ArrayLike) -> np.ndarray:
    """Lorentzian P(ε) = b / [π (ε² + b²)] of the random 1/r³ field (our derivation of Eq. 6) [J⁻¹].

    Parameters
    ----------
    asymmetry : array_like
        ε [J].
    width : array_like
        b from :func:`random_field_width` [J].
    """
    eps = np.asarray(asymmetry, dtype=float)
    b = np.asarray(width, dtype=float)
    return b / (np.pi * (eps**2 + b**2))


def lorentzian_yu_leggett_dos(density: ArrayLike, velocity: ArrayLike, coupling: ArrayLike) -> np.ndarray:
    """Density of states at ε = 0, n_o P(0) = (3/2π³) ρv²/γ², Eq. (6) with its prefactor [J⁻¹ m⁻³].

    n_o cancels between the number of TLS and the width b ∝ n_o over which they spread.

    Parameters
    ----------
    density : array_like
        ρ [kg/m³].
    velocity : array_like
        v [m/s].
    coupling : array_like
        γ [J].
    """
    return LORENTZIAN_DOS_PREFACTOR * yu_leggett_dos(density, velocity, coupling)


def sample_random_fields(
    rng: np.random.Generator,
    n_sites: int,
    n_neighbours: int,
    tls_density: float,
    density: float,
    velocity: float,
    coupling: float,
    chunk: int = 10_000,
) -> np.ndarray:
    """Sample ε = Σ_j J_o s_j / r_j³ at a TLS from n_neighbours frozen TLS placed at random (Eq. 6).

    The neighbours fill a ball of volume n_neighbours/n_o around the site uniformly
    (so r³ is uniform on (0, R³]) and each contributes with a random sign s_j = ±1, the
    product of the orientation signs s_i s_j and of the frozen state σ_j.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness, e.g. ``numpy.random.default_rng(seed)``.
    n_sites : int
        Number of independent sites (samples of ε).
    n_neighbours : int
        Neighbours per site; the part of the field from outside the ball is omitted.
    tls_density : float
        n_o [m⁻³].
    density : float
        ρ [kg/m³].
    velocity : float
        v [m/s].
    coupling : float
        γ [J].
    chunk : int, optional
        Sites drawn per vectorised batch (bounds the memory to chunk × n_neighbours floats).
        It is part of the sampling recipe: each batch draws all its radii, then all its signs,
        so one seed gives one sample only at one ``chunk``. The default, 10 000, is the one
        the book's seeded samples were drawn with; another value gives an equally valid sample.

    Returns
    -------
    numpy.ndarray
        ε at each site [J], shape (n_sites,).
    """
    if n_sites < 1 or n_neighbours < 1:
        raise InputError(f"n_sites ({n_sites}) and n_neighbours ({n_neighbours}) must be at least 1")
    n_o = positive_finite("tls_density [m^-3]", tls_density)
    j_o = float(interaction_strength(density, velocity, coupling))
    ball_r3 = 3.0 * n_neighbours / (4.0 * np.pi * n_o)
    fields = np.empty(n_sites)
    for start in range(0, n_sites, chunk):
        stop = min(start + chunk, n_sites)
        r3 = ball_r3 * (1.0 - rng.random((stop - start, n_neighbours)))  # in (0, R³]
        signs = rng.choice([-1.0, 1.0], size=(stop - start, n_neighbours))
        fields[start:stop] = j_o * (signs / r3).sum(axis=1)
    return fields
