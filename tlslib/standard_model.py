"""The standard tunneling model: the TLS–phonon Hamiltonian (Eq. 2) and its distribution P(ε, Δ°) (Eq. 3).

Geometry of the coupling (the strain tensor of a phonon and its contraction with an
elastic dipole), the 2×2 TLS Hamiltonian and a sampler of the standard-model distribution
(its statistics live in :mod:`tlslib.statistics`). SI units throughout.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.spatial.transform import Rotation

from tlslib.validation import InputError, positive_finite

__all__ = [
    "PAULI_X",
    "PAULI_Z",
    "tls_hamiltonian",
    "tls_splitting",
    "polarization_basis",
    "strain_tensor",
    "dipole_strain_coupling",
    "strain_projections",
    "random_dipole",
    "sample_standard_model",
]

#: Pauli matrix σ^x in the (right well, left well) basis: tunneling, Eq. (2).
PAULI_X: np.ndarray = np.array([[0.0, 1.0], [1.0, 0.0]])

#: Pauli matrix σ^z in the (right well, left well) basis: which well, Eq. (2).
PAULI_Z: np.ndarray = np.array([[1.0, 0.0], [0.0, -1.0]])


def tls_hamiltonian(asymmetry: ArrayLike, tunneling: ArrayLike) -> np.ndarray:
    """Eq. (2), its TLS term: one TLS in the well basis, H = (ε σ^z + Δ° σ^x)/2 [J].

    Parameters
    ----------
    asymmetry : array_like
        ε [J].
    tunneling : array_like
        Δ° [J].

    Returns
    -------
    numpy.ndarray
        Shape ``broadcast(ε, Δ°).shape + (2, 2)``.
    """
    eps = np.asarray(asymmetry, dtype=float)[..., None, None]
    delta = np.asarray(tunneling, dtype=float)[..., None, None]
    return 0.5 * (eps * PAULI_Z + delta * PAULI_X)


def tls_splitting(asymmetry: ArrayLike, tunneling: ArrayLike) -> np.ndarray:
    """Energy splitting of one TLS, E = √(ε² + Δ°²), the eigenvalue gap of Eq. (2)'s TLS term [J].

    Parameters
    ----------
    asymmetry : array_like
        ε [J].
    tunneling : array_like
        Δ° [J].
    """
    return np.hypot(np.asarray(asymmetry, dtype=float), np.asarray(tunneling, dtype=float))


def polarization_basis(k_hat: ArrayLike) -> np.ndarray:
    """Polarization unit vectors ê^s of the three phonons with wavevector direction k̂ (Eq. 2).

    Parameters
    ----------
    k_hat : array_like
        Unit vectors k̂, shape (..., 3).

    Returns
    -------
    numpy.ndarray
        Shape (..., 3, 3); ``[..., s, :]`` is ê^s with s = 0 longitudinal (ê = k̂) and
        s = 1, 2 the two transverse directions (ê ⊥ k̂), forming a right-handed set.

    Notes
    -----
    Which transverse pair is returned is a convention (every physical sum runs over both modes):
    ê¹ = â × k̂/|â × k̂| with â = ẑ where |k̂_z| < 0.9 and â = x̂ where |k̂_z| ≥ 0.9 (so â is never
    within 25° of ±k̂), and ê² = k̂ × ê¹.
    """
    k = np.asarray(k_hat, dtype=float)
    k = k / np.linalg.norm(k, axis=-1, keepdims=True)
    # a helper direction that is never nearly parallel to k
    helper = np.where(np.abs(k[..., 2:3]) < 0.9, [0.0, 0.0, 1.0], [1.0, 0.0, 0.0])
    t1 = np.cross(helper, k)
    t1 = t1 / np.linalg.norm(t1, axis=-1, keepdims=True)
    t2 = np.cross(k, t1)
    return np.stack([k, t1, t2], axis=-2)


def strain_tensor(k_hat: ArrayLike, e_hat: ArrayLike) -> np.ndarray:
    """Strain pattern of a phonon, e^s_ab(k) = (k̂_a ê^s_b + k̂_b ê^s_a)/2, below Eq. (2) [dimensionless].

    Parameters
    ----------
    k_hat : array_like
        Unit wavevector direction k̂, shape (..., 3).
    e_hat : array_like
        Unit polarization vector ê^s, shape (..., 3).

    Returns
    -------
    numpy.ndarray
        Symmetric tensor, shape (..., 3, 3). Its trace k̂·ê is the volume change:
        1 for the longitudinal phonon, 0 for a transverse one.
    """
    k = np.asarray(k_hat, dtype=float)
    e = np.asarray(e_hat, dtype=float)
    outer = k[..., :, None] * e[..., None, :]
    return 0.5 * (outer + np.swapaxes(outer, -1, -2))


def dipole_strain_coupling(dipole: ArrayLike, strain: ArrayLike) -> np.ndarray:
    """Projection of a phonon's strain on a TLS's elastic dipole, Σ_ab D_ab e^s_ab, in ξ_ks of Eq. (2).

    Multiplied by γ it is the shift of the TLS asymmetry per unit strain amplitude.

    Parameters
    ----------
    dipole : array_like
        Dimensionless elastic dipole tensor D_ab, shape (..., 3, 3).
    strain : array_like
        e^s_ab(k) from :func:`strain_tensor`, shape (..., 3, 3).
    """
    return np.einsum("...ab,...ab->...", np.asarray(dipole, dtype=float), np.asarray(strain, dtype=float))


def strain_projections(dipole: ArrayLike, wavevectors: ArrayLike) -> np.ndarray:
    """D:e^s(k) = Σ_ab D_ab (k̂_a ê^s_b + k̂_b ê^s_a)/2 for the three polarizations of each k (Eq. 2).

    The same number as :func:`dipole_strain_coupling` of :func:`strain_tensor` for each (k̂, ê^s) of
    :func:`polarization_basis`, evaluated as ê^s · D_sym k̂.

    Parameters
    ----------
    dipole : array_like, shape (3, 3)
        The dimensionless elastic-dipole tensor D (γD is the dipole moment).
    wavevectors : array_like, shape (N, 3)
        Nonzero wavevectors.

    Returns
    -------
    ndarray, shape (N, 3)
        Column 0 longitudinal, columns 1–2 transverse.
    """
    d = np.asarray(dipole, dtype=float)
    triad = polarization_basis(wavevectors)
    # Σ_ab D_ab (k̂_a ê_b + k̂_b ê_a)/2 = ê · D_sym k̂ with D_sym = (D + Dᵀ)/2
    d_k = triad[:, 0, :] @ (0.5 * (d + d.T))
    return np.einsum("nsb,nb->ns", triad, d_k)


def random_dipole(rng: np.random.Generator, principal: ArrayLike, size: int | None = None) -> np.ndarray:
    """Elastic dipole tensors D = R diag(principal) Rᵀ with uniformly (Haar) random rotations R (Eq. 2).

    Parameters
    ----------
    rng : numpy.random.Generator
        Seeded generator for the orientation.
    principal : array_like, shape (3,)
        Principal values of D (dimensionless).
    size : int, optional
        Number of independent dipoles; one (shape (3, 3)) if omitted, else shape (size, 3, 3).
    """
    r = Rotation.random(size, rng=rng).as_matrix()
    return r @ np.diag(np.asarray(principal, dtype=float)) @ np.swapaxes(r, -1, -2)


def sample_standard_model(
    rng: np.random.Generator,
    size: int,
    asymmetry_max: float,
    tunneling_min: float,
    tunneling_max: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw TLS parameters (ε, Δ°) from the standard-model distribution P = P̄/Δ°, Eq. (3).

    ε is uniform on (0, ε_max) and ln Δ° uniform on (ln Δ°_min, ln Δ°_max): a density
    flat in ln Δ° is a density ∝ 1/Δ° in Δ°.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness, e.g. ``numpy.random.default_rng(seed)``.
    size : int
        Number of TLS to draw.
    asymmetry_max : float
        ε_max [J].
    tunneling_min, tunneling_max : float
        Δ°_min < Δ°_max [J].

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        ε and Δ° of each TLS [J].
    """
    eps_max = positive_finite("asymmetry_max [J]", asymmetry_max)
    d_min = positive_finite("tunneling_min [J]", tunneling_min)
    d_max = positive_finite("tunneling_max [J]", tunneling_max)
    if d_min >= d_max:
        raise InputError(f"tunneling_min ({d_min:g} J) must be smaller than tunneling_max ({d_max:g} J)")
    asymmetry = eps_max * rng.random(size)
    tunneling = np.exp(rng.uniform(np.log(d_min), np.log(d_max), size))
    return asymmetry, tunneling
