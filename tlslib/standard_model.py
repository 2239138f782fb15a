"""The standard tunneling model: the TLS–phonon Hamiltonian (Eq. 2) and its distribution P(ε, Δ°) (Eq. 3).

Geometry of the coupling (the strain tensor of a phonon and its contraction with an
elastic dipole), the 2×2 TLS Hamiltonian, a sampler of the standard-model distribution
and the two small statistics the chapter needs (a binned estimate of P with Poisson
errors, a power-law fit, the spread of a set of values). SI units throughout.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from tlslib.validation import InputError, positive_finite

__all__ = [
    "PAULI_X",
    "PAULI_Z",
    "tls_hamiltonian",
    "tls_splitting",
    "polarization_basis",
    "strain_tensor",
    "dipole_strain_coupling",
    "sample_standard_model",
    "BinnedDistribution",
    "sampled_distribution",
    "PowerLawFit",
    "fit_power_law",
    "Spread",
    "spread",
]

#: Pauli matrix σ^x in the (right well, left well) basis: tunneling, Eq. (2).
PAULI_X: np.ndarray = np.array([[0.0, 1.0], [1.0, 0.0]])

#: Pauli matrix σ^z in the (right well, left well) basis: which well, Eq. (2).
PAULI_Z: np.ndarray = np.array([[1.0, 0.0], [0.0, -1.0]])


def tls_hamiltonian(asymmetry: ArrayLike, tunneling: ArrayLike) -> np.ndarray:
    """One TLS in the well basis, H = (ε σ^z + Δ° σ^x)/2, second term of Eq. (2) [J].

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


class BinnedDistribution(NamedTuple):
    """A histogram of sampled Δ° turned into an estimate of P(ε, Δ°) averaged over ε.

    Attributes
    ----------
    centre : numpy.ndarray
        Logarithmic mean (b − a)/ln(b/a) of each bin [a, b]: the point where 1/Δ° equals
        its average over the bin, so a 1/Δ° law is unbiased at any bin width [J].
    value : numpy.ndarray
        n_o × (count / N) / (ε_max × bin width) [J⁻² m⁻³].
    error : numpy.ndarray
        Poisson (√count) standard error of ``value`` [J⁻² m⁻³].
    count : numpy.ndarray
        Number of draws in each bin.
    """

    centre: np.ndarray
    value: np.ndarray
    error: np.ndarray
    count: np.ndarray


def sampled_distribution(
    tunneling: ArrayLike, edges: ArrayLike, tls_density: float, asymmetry_max: float
) -> BinnedDistribution:
    """Estimate P(ε, Δ°) of Eq. (3) from N sampled Δ° (each draw stands for n_o/N TLS per volume).

    Parameters
    ----------
    tunneling : array_like
        Sampled Δ° [J].
    edges : array_like
        Increasing bin edges in Δ° [J].
    tls_density : float
        n_o [m⁻³], the number of TLS per unit volume the N draws represent.
    asymmetry_max : float
        ε_max [J]; P is flat in ε, so the ε-average is the count divided by ε_max.
    """
    samples = np.asarray(tunneling, dtype=float)
    edges = np.asarray(edges, dtype=float)
    count, _ = np.histogram(samples, bins=edges)
    lo, hi = edges[:-1], edges[1:]
    scale = tls_density / (samples.size * asymmetry_max * (hi - lo))
    return BinnedDistribution(
        centre=(hi - lo) / np.log(hi / lo),
        value=count * scale,
        error=np.sqrt(count) * scale,
        count=count,
    )


class PowerLawFit(NamedTuple):
    """Weighted least-squares fit of y = A (x/x_p)^s in log–log coordinates.

    Attributes
    ----------
    exponent, exponent_error : float
        s and its one-standard-deviation statistical error.
    pivot : float
        x_p, the geometric mean of x, where A and s are uncorrelated.
    amplitude, amplitude_error : float
        A = y(x_p) and its error (same unit as y).
    chi2, dof : float, int
        χ² of the fit and its number of degrees of freedom.
    """

    exponent: float
    exponent_error: float
    pivot: float
    amplitude: float
    amplitude_error: float
    chi2: float
    dof: int


def fit_power_law(x: ArrayLike, y: ArrayLike, y_error: ArrayLike) -> PowerLawFit:
    """Fit y = A (x/x_p)^s to positive data with errors (for the 1/Δ° law of Eq. 3).

    Parameters
    ----------
    x, y : array_like
        Positive abscissae and ordinates.
    y_error : array_like
        Standard errors of y; the fit uses σ_ln y = σ_y / y.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    sigma = np.asarray(y_error, dtype=float) / y
    pivot = float(np.exp(np.mean(np.log(x))))
    u, v, w = np.log(x / pivot), np.log(y), 1.0 / sigma**2
    # weighted normal equations of v = a + s u; their inverse is the covariance of (a, s)
    design = np.array([[w.sum(), (w * u).sum()], [(w * u).sum(), (w * u * u).sum()]])
    cov = np.linalg.inv(design)
    a, s = cov @ np.array([(w * v).sum(), (w * u * v).sum()])
    chi2 = float((w * (v - a - s * u) ** 2).sum())
    amplitude = float(np.exp(a))
    return PowerLawFit(
        exponent=float(s),
        exponent_error=float(np.sqrt(cov[1, 1])),
        pivot=pivot,
        amplitude=amplitude,
        amplitude_error=amplitude * float(np.sqrt(cov[0, 0])),
        chi2=chi2,
        dof=int(x.size - 2),
    )


class Spread(NamedTuple):
    """How much a set of positive values varies.

    Attributes
    ----------
    max_over_min : float
        Largest over smallest value.
    relative_std : float
        Sample standard deviation over the mean.
    log10_std : float
        Sample standard deviation of log10 of the values (in decades).
    """

    max_over_min: float
    relative_std: float
    log10_std: float


def spread(values: ArrayLike) -> Spread:
    """Spread statistics of positive values (used to compare C_exp with its ingredients).

    Parameters
    ----------
    values : array_like
        At least two positive numbers.
    """
    x = np.asarray(values, dtype=float)
    return Spread(
        max_over_min=float(x.max() / x.min()),
        relative_std=float(x.std(ddof=1) / x.mean()),
        log10_std=float(np.log10(x).std(ddof=1)),
    )
