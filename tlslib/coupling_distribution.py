"""Why γ is broadly distributed: samplers of γ² from randomly oriented elastic dipoles (text above Eq. 7).

A phonon couples to σ^z, i.e. to the *difference* of the elastic dipoles of the two
wells. Writing the strain energy of the two wells as d_R·e |R⟩⟨R| + d_L·e |L⟩⟨L| =
½(d_R + d_L)·e 𝟙 + ½(d_R − d_L)·e σ^z, the coupling of Eq. (2) is γ = ½|d_R − d_L|.
Each sampler returns γ²/γ_max², the squared coupling divided by the largest value
it can take for the chosen dipole model, so every result lies in [0, 1].

All samplers are pure functions of a ``numpy.random.Generator`` and a sample size n.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from tlslib.standard_model import random_dipole

__all__ = [
    "UNIAXIAL_EIGENVALUES",
    "PLANAR_EIGENVALUES",
    "random_unit_vectors",
    "random_phonon_strains",
    "vector_coupling_squared",
    "vector_projected_coupling_squared",
    "tensor_coupling_squared",
    "tensor_strain_coupling_squared",
    "uniaxial_coupling_squared_cdf",
    "vector_mean_coupling_squared",
    "uniaxial_weight_above_half",
    "paper_normalisation_ratio",
]

#: Principal values of a traceless uniaxial elastic dipole, diag(2, −1, −1) (any scale).
UNIAXIAL_EIGENVALUES: tuple[float, float, float] = (2.0, -1.0, -1.0)

#: Principal values of a traceless "planar" (pure shear) elastic dipole, diag(1, 0, −1).
PLANAR_EIGENVALUES: tuple[float, float, float] = (1.0, 0.0, -1.0)


def random_unit_vectors(rng: np.random.Generator, n: int) -> np.ndarray:
    """n isotropically distributed unit vectors in three dimensions, shape (n, 3).

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (seeded by the caller).
    n : int
        Number of vectors.
    """
    v = rng.standard_normal((n, 3))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def random_phonon_strains(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Directions of n random phonons: unit wavevector k̂ and polarization ê, each shape (n, 3).

    The strain of a phonon is e_ab = ½(k̂_a ê_b + k̂_b ê_a) (text below Eq. 2). k̂ is
    isotropic; the branch is longitudinal (ê = k̂) with probability 1/3 and transverse
    (ê an isotropic direction perpendicular to k̂) with probability 2/3, i.e. the three
    polarizations weigh equally, as the paper does by not distinguishing them.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    n : int
        Number of phonons.
    """
    k = random_unit_vectors(rng, n)
    t = random_unit_vectors(rng, n)
    t -= np.sum(t * k, axis=1, keepdims=True) * k
    t /= np.linalg.norm(t, axis=1, keepdims=True)
    longitudinal = rng.random(n) < 1.0 / 3.0
    e = np.where(longitudinal[:, None], k, t)
    return k, e


def vector_coupling_squared(rng: np.random.Generator, n: int) -> np.ndarray:
    """γ²/γ_max² for vector dipoles of equal magnitude d and independent random orientations.

    γ² = ¼|d_R − d_L|² = ½ d² (1 − cos θ), with γ_max = d. For isotropic, independent
    orientations cos θ is uniform on [−1, 1], so the result is uniform on [0, 1]: the
    paper's P(γ²) = 1/γ_max².

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    n : int
        Number of TLS.
    """
    diff = random_unit_vectors(rng, n) - random_unit_vectors(rng, n)
    return np.sum(diff**2, axis=1) / 4.0


def vector_projected_coupling_squared(rng: np.random.Generator, n: int) -> np.ndarray:
    """γ²/γ_max² seen along one random direction k̂: ¼((d_R − d_L)·k̂)²/d² for vector dipoles.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    n : int
        Number of TLS.
    """
    diff = random_unit_vectors(rng, n) - random_unit_vectors(rng, n)
    return np.sum(diff * random_unit_vectors(rng, n), axis=1) ** 2 / 4.0


def _spread(eigenvalues: ArrayLike) -> float:
    lam = np.asarray(eigenvalues, dtype=float)
    return float(lam.max() - lam.min())


def paper_normalisation_ratio(eigenvalues: ArrayLike) -> float:
    """x_paper/x for :func:`tensor_coupling_squared`: the same γ² measured in the paper's γ_max [dimensionless].

    Here x = ‖ΔD‖²/max‖ΔD‖² with max‖ΔD‖² = 2(λ_max − λ_min)². With the paper's convention, as for
    vectors, γ = ½‖ΔD‖ and γ_max = ‖D‖ (the size of each well's dipole), x_paper = ‖ΔD‖²/(4‖D‖²),
    so x_paper/x = (λ_max − λ_min)²/(2 Σλ²): 3/4 for uniaxial dipoles. A density P(x → 0) becomes
    P/(this ratio) in the paper's units.

    Parameters
    ----------
    eigenvalues : array_like
        Principal values of each well's dipole.
    """
    lam = np.asarray(eigenvalues, dtype=float)
    return _spread(lam) ** 2 / (2.0 * float(np.sum(lam**2)))


def tensor_coupling_squared(rng: np.random.Generator, n: int, eigenvalues: ArrayLike) -> np.ndarray:
    """γ²/γ_max² from the Frobenius norm ‖D_R − D_L‖² of two randomly rotated dipole tensors.

    Summed over the three phonon polarizations and averaged over k̂, the squared
    coupling (D : e)² of a symmetric tensor is ‖D‖²/3, so ‖D_R − D_L‖² is what sets the
    polaron exponent of Eq. (4). Its largest value over all orientations is
    2(λ_max − λ_min)² (von Neumann's trace inequality), used as the normalisation.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    n : int
        Number of TLS.
    eigenvalues : array_like
        Principal values of each well's dipole.
    """
    diff = random_dipole(rng, eigenvalues, size=n) - random_dipole(rng, eigenvalues, size=n)
    return np.sum(diff**2, axis=(1, 2)) / (2.0 * _spread(eigenvalues) ** 2)


def tensor_strain_coupling_squared(rng: np.random.Generator, n: int, eigenvalues: ArrayLike) -> np.ndarray:
    """γ²/γ_max² seen by one random phonon: ((D_R − D_L) : e)² for e = ½(k̂êᵀ + êk̂ᵀ).

    (D_R − D_L) : e = k̂ᵀ(D_R − D_L)ê; its largest square over all orientations and
    phonons is (λ_max − λ_min)² (Weyl's inequality, reached by a longitudinal phonon
    along a shared principal axis), used as the normalisation.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness.
    n : int
        Number of TLS (one phonon each).
    eigenvalues : array_like
        Principal values of each well's dipole.
    """
    diff = random_dipole(rng, eigenvalues, size=n) - random_dipole(rng, eigenvalues, size=n)
    k, e = random_phonon_strains(rng, n)
    projected = np.sum(k * np.squeeze(diff @ e[:, :, None], axis=2), axis=1)
    return projected**2 / _spread(eigenvalues) ** 2


def uniaxial_coupling_squared_cdf(x: ArrayLike) -> np.ndarray:
    """Exact law of :func:`tensor_coupling_squared` for uniaxial dipoles: F(x) = 1 − √(1 − x).

    With D = 3n̂n̂ᵀ − 𝟙, ‖D_R − D_L‖² = 18(1 − c²), c = n̂_R·n̂_L uniform on [−1, 1], so
    x = γ²/γ_max² = 1 − c² and P(x' < x) = P(c² > 1 − x). Density 1/(2√(1 − x)).

    Parameters
    ----------
    x : array_like
        γ²/γ_max², in [0, 1].
    """
    return 1.0 - np.sqrt(1.0 - np.clip(np.asarray(x, dtype=float), 0.0, 1.0))


def vector_mean_coupling_squared(seed: int, n: int) -> float:
    """Monte Carlo ⟨γ²⟩/γ_max² of random vector dipoles (1/2 exactly; text above Eq. 15).

    Parameters
    ----------
    seed : int
        Seed of ``numpy.random.default_rng``.
    n : int
        Number of TLS sampled.
    """
    return float(np.mean(vector_coupling_squared(np.random.default_rng(seed), n)))


def uniaxial_weight_above_half(seed: int, n: int) -> float:
    """Monte Carlo fraction of uniaxial tensor dipoles with γ² > γ_max²/2 (1/√2 exactly; text above Eq. 7).

    Parameters
    ----------
    seed : int
        Seed of ``numpy.random.default_rng``.
    n : int
        Number of TLS sampled.
    """
    x = tensor_coupling_squared(np.random.default_rng(seed), n, UNIAXIAL_EIGENVALUES)
    return float(np.mean(x > 0.5))
