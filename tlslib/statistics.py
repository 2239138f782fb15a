"""Statistics shared by the chapters: binned densities, power-law fits, spreads and log slopes.

Small, unit-agnostic helpers; the physics modules and chapters import them from here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "BinnedDistribution",
    "sampled_distribution",
    "PowerLawFit",
    "fit_power_law",
    "Spread",
    "spread",
    "log_spread",
    "log_slope",
    "power_law_exponent",
]


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


def log_spread(values: ArrayLike) -> float:
    """Population standard deviation of ln(values) (ddof = 0): the spread of a set of positive numbers in e-folds.

    Parameters
    ----------
    values : array_like
        Positive numbers.
    """
    return float(np.std(np.log(np.asarray(values, dtype=float))))


def log_slope(temperature: ArrayLike, quantity: ArrayLike) -> np.ndarray:
    """Local power-law exponent d ln(quantity)/d ln T on a grid (centred differences).

    Parameters
    ----------
    temperature, quantity : array_like
        T (any unit) and the positive quantity on the same grid.
    """
    return np.gradient(np.log(np.asarray(quantity, dtype=float)), np.log(np.asarray(temperature, dtype=float)))


def power_law_exponent(temperature: ArrayLike, quantity: ArrayLike) -> float:
    """Least-squares exponent n of quantity ∝ Tⁿ over the given range (straight line in log–log).

    Parameters
    ----------
    temperature, quantity : array_like
        T (any unit) and the positive quantity.
    """
    slope, _ = np.polyfit(np.log(np.asarray(temperature, dtype=float)), np.log(np.asarray(quantity, float)), 1)
    return float(slope)
