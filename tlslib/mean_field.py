"""The poor man's random mean field behind Eq. (7): distributions of the frozen local field.

Each TLS feels ε_i = Σ_j J_ij σ_j with J_ij = s_i γ_i s_j γ_j/(ρ v² r_ij³) (text above Eq. 6)
from neighbours frozen in random states σ_j = ±1. The distribution P(ε) at ε → 0, divided by
the volume V_o per TLS, is the density of asymmetries ñ_o of Eq. (7).

Reduced units (used by the distributions here and by :mod:`tlslib.local_fields`): lengths in
V_o^(1/3), energies in γ_max²/(ρ v² V_o), couplings g = γ/γ_max (g² uniform on [0, 1]), TLS
density 1. In these units a reduced P(0) = c *is* the prefactor of ñ_o = c ρ v²/γ_max², so
Eq. (7) reads c = 1/3 (:data:`EQ7_PREFACTOR`); :func:`interacting_dos_from_prefactor` turns a
reduced value back into SI.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from tlslib.chain import chain_values
from tlslib.dos import interacting_dos, mean_coupling_squared, yu_leggett_dos
from tlslib.materials import Material
from tlslib.yu_leggett import RANDOM_FIELD_WIDTH_PREFACTOR

__all__ = [
    "EQ7_PREFACTOR",
    "field_energy_unit",
    "interacting_dos_from_prefactor",
    "coupling_constant_for_prefactor",
    "mean_coupling",
    "mean_inverse_coupling",
    "paper_exclusion_radius",
    "field_variance",
    "paper_field_width",
    "gaussian_zero_field_density",
    "printed_zero_field_density",
    "lorentzian_half_width",
    "gaussian_field_pdf",
    "gaussian_mixture_field_pdf",
    "lorentzian_mixture_field_pdf",
    "poisson_field_pdf",
]

#: c in ñ_o = c ρv²/γ_max² as printed in Eq. (7), read off tlslib.dos (= 1/3).
EQ7_PREFACTOR: float = float(interacting_dos(1.0, 1.0, 1.0) / yu_leggett_dos(1.0, 1.0, 1.0))


def field_energy_unit(
    density: ArrayLike, velocity: ArrayLike, gamma_max: ArrayLike, region_volume: ArrayLike
) -> np.ndarray:
    """Energy unit of the reduced local fields, γ_max²/(ρ v² V_o) [J].

    It is the coupling J between two TLS with γ = γ_max at the distance V_o^(1/3).

    Parameters
    ----------
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max : array_like
        γ_max [J].
    region_volume : array_like
        V_o, the volume per TLS ("rearranging region") [m³].
    """
    return 1.0 / (yu_leggett_dos(density, velocity, gamma_max) * np.asarray(region_volume, dtype=float))


def interacting_dos_from_prefactor(
    prefactor: ArrayLike, density: ArrayLike, velocity: ArrayLike, gamma_max: ArrayLike
) -> np.ndarray:
    """ñ_o = c ρ v²/γ_max² for a prefactor c (Eq. 7 has c = 1/3) [J⁻¹ m⁻³].

    c equals the reduced zero-field density P(0) of this module: P(ε) [J⁻¹] divided by V_o.

    Parameters
    ----------
    prefactor : array_like
        c, dimensionless.
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max : array_like
        γ_max [J].
    """
    return np.asarray(prefactor, dtype=float) * yu_leggett_dos(density, velocity, gamma_max)


def coupling_constant_for_prefactor(material: Material, prefactor: ArrayLike, alpha: float) -> np.ndarray:
    """C of Eq. (12) when ñ_o's prefactor 1/3 of Eq. (7) is replaced by c [dimensionless].

    C is linear in ñ_o = c ρv²/γ_max² (Eqs. 9 and 12): the C of :func:`tlslib.chain.chain_values`
    times c/(1/3); c = 1/3 gives :func:`tlslib.chain.predict`'s C.

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    prefactor : array_like
        c in ñ_o = c ρ v²/γ_max².
    alpha : float
        γ_eff/γ_o (the paper's 2.5 is ``PAPER.alpha``).
    """
    # C ∝ ñ_o: the paper's C of the chain times c/(1/3)
    c = chain_values(material.density, material.velocity, material.formula_volume, alpha).coupling_constant
    return np.asarray(prefactor, dtype=float) / EQ7_PREFACTOR * c


def mean_coupling(gamma_max: ArrayLike) -> np.ndarray:
    """Mean ⟨γ⟩ = (2/3) γ_max for γ² uniform on [0, γ_max²] (P(γ²) = 1/γ_max², text above Eq. 7) [J].

    Parameters
    ----------
    gamma_max : array_like
        γ_max [J].
    """
    return 2.0 / 3.0 * np.asarray(gamma_max, dtype=float)


def mean_inverse_coupling(gamma_max: ArrayLike) -> np.ndarray:
    """Mean ⟨1/γ⟩ = 2/γ_max for γ² uniform on [0, γ_max²] [J⁻¹].

    ∫₀¹ du u^(-1/2) = 2 with u = γ²/γ_max².

    Parameters
    ----------
    gamma_max : array_like
        γ_max [J].
    """
    return 2.0 / np.asarray(gamma_max, dtype=float)


def paper_exclusion_radius() -> float:
    """Radius of the sphere of volume V_o, (3/4π)^(1/3), in units of V_o^(1/3).

    Leaving out every neighbour closer than this radius makes n ∫ d³r r⁻⁶ = (4π/3V_o)², the
    factor of the variance stated above Eq. (7).
    """
    return (3.0 / (4.0 * np.pi)) ** (1.0 / 3.0)


def field_variance(
    exclusion_radius: ArrayLike,
    cutoff: ArrayLike = np.inf,
    mean_g2_self: ArrayLike | None = None,
    mean_g2_other: ArrayLike | None = None,
) -> np.ndarray:
    """Variance of a random-sign 1/r³ sum from the shell d < r < R, reduced units.

    Var = ⟨g_i²⟩ ⟨g_j²⟩ n (4π/3)(d⁻³ − R⁻³) with n = 1: the mean-square of Σ_j s_j g_j σ_j/r_j³
    for uncorrelated signs (cross terms average to zero). With d = (3/4π)^(1/3), R = ∞ and
    ⟨g²⟩ = 1/2 twice it is the paper's Var(ε) ≈ (γ_max²/2ρv²)² (4π/3V_o)² (text above Eq. 7);
    with d = cutoff R_c and R = ∞ it is the tail a cut-off sum leaves out.

    Parameters
    ----------
    exclusion_radius : array_like
        d, inner radius [V_o^(1/3)].
    cutoff : array_like, optional
        R, outer radius [V_o^(1/3)]; infinite by default.
    mean_g2_self, mean_g2_other : array_like, optional
        ⟨g_i²⟩ of the TLS that feels the field (pass g_i² for one TLS) and ⟨g_j²⟩ of its
        neighbours; both default to 1/2, the mean of g² uniform on [0, 1].
    """
    half = mean_coupling_squared(1.0)
    g2_i = half if mean_g2_self is None else np.asarray(mean_g2_self, dtype=float)
    g2_j = half if mean_g2_other is None else np.asarray(mean_g2_other, dtype=float)
    d = np.asarray(exclusion_radius, dtype=float)
    r = np.asarray(cutoff, dtype=float)
    return g2_i * g2_j * 4.0 * np.pi / 3.0 * (d**-3 - r**-3)


def paper_field_width(
    density: ArrayLike, velocity: ArrayLike, gamma_max: ArrayLike, region_volume: ArrayLike
) -> np.ndarray:
    """Standard deviation of the random field of the paper, (γ_max²/2ρv²)(4π/3V_o) (text above Eq. 7) [J].

    √Var(ε) of :func:`field_variance` with the paper's exclusion sphere of volume V_o and
    ⟨g²⟩ = 1/2 twice, i.e. 2π/3 in units of :func:`field_energy_unit`.

    Parameters
    ----------
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    gamma_max : array_like
        γ_max [J].
    region_volume : array_like
        V_o [m³].
    """
    return np.sqrt(field_variance(paper_exclusion_radius())) * field_energy_unit(
        density, velocity, gamma_max, region_volume
    )


def gaussian_zero_field_density(variance: ArrayLike) -> np.ndarray:
    """Height at zero of a centred Gaussian, 1/√(2π Var) [1/energy unit of Var].

    Parameters
    ----------
    variance : array_like
        Var (reduced energy²).
    """
    return 1.0 / np.sqrt(2.0 * np.pi * np.asarray(variance, dtype=float))


def printed_zero_field_density() -> float:
    """The paper's P(ε → 0) as printed above Eq. (7), 3/(2π)^(2/3) in units of 1/(γ_max²/ρv²V_o).

    Kept verbatim to compare with the Gaussian it is meant to evaluate, which gives
    3/(2π)^(3/2) (:func:`gaussian_zero_field_density` of the paper's variance).
    """
    return 3.0 / (2.0 * np.pi) ** (2.0 / 3.0)


def lorentzian_half_width(mean_abs_amplitude: ArrayLike, density: ArrayLike = 1.0) -> np.ndarray:
    """Half-width b of the Lorentzian (Cauchy) law of Σ_j A_j/r_j³ over a 3D Poisson gas.

    ln φ(t) = −n ∫ d³r ⟨1 − cos(t A/r³)⟩ = −n (4π/3) ⟨|A|⟩ |t| ∫₀^∞ du (1 − cos u)/u²
    = −n (4π/3)(π/2) ⟨|A|⟩ |t|, with u = |tA|/r³; so b = (2π²/3) n ⟨|A|⟩ (reduced units), the
    width of :mod:`tlslib.yu_leggett` with its single γ²/ρv² replaced by ⟨|A|⟩. Its density
    is :func:`tlslib.yu_leggett.random_field_distribution`.

    Parameters
    ----------
    mean_abs_amplitude : array_like
        ⟨|A|⟩ of the amplitudes A = s_i g_i s_j g_j (or g_j alone for a fixed TLS i).
    density : array_like, optional
        n, TLS per unit volume (1 in reduced units).
    """
    return RANDOM_FIELD_WIDTH_PREFACTOR * np.asarray(density, dtype=float) * np.asarray(mean_abs_amplitude)


def gaussian_field_pdf(x: ArrayLike, variance: ArrayLike) -> np.ndarray:
    """Centred Gaussian density of the field, exp(−x²/2Var)/√(2π Var), reduced units.

    Parameters
    ----------
    x : array_like
        Field ε (reduced).
    variance : array_like
        Var (reduced).
    """
    x = np.asarray(x, dtype=float)
    return gaussian_zero_field_density(variance) * np.exp(-(x**2) / (2.0 * np.asarray(variance, dtype=float)))


def gaussian_mixture_field_pdf(x: ArrayLike, sigma_unit: ArrayLike) -> np.ndarray:
    """P(ε) when ε_i = g_i h_i with h Gaussian of width σ_h and g_i² uniform on [0, 1].

    P(x) = ∫₀¹ du u^(-1/2) G_σh(x/√u) = (2/√(2π)σ_h) [e^(−c) − √(πc) erfc(√c)], c = x²/2σ_h²;
    at x = 0 it is ⟨1/g⟩ = 2 times the Gaussian's height.

    Parameters
    ----------
    x : array_like
        Field ε (reduced).
    sigma_unit : array_like
        σ_h, the width of the field per unit own coupling (reduced).
    """
    s = np.asarray(sigma_unit, dtype=float)
    c = np.asarray(x, dtype=float) ** 2 / (2.0 * s**2)
    bracket = np.exp(-c) - np.sqrt(np.pi * c) * special.erfc(np.sqrt(c))
    return 2.0 * gaussian_zero_field_density(s**2) * bracket


def lorentzian_mixture_field_pdf(x: ArrayLike, half_width_unit: ArrayLike) -> np.ndarray:
    """P(ε) when ε_i = g_i h_i with h Lorentzian of half-width b_h and g_i² uniform on [0, 1].

    P(x) = 2 ∫₀¹ dg L_bh(x/g) = (2/π b_h) [1 − a arctan(1/a)], a = |x|/b_h: exact for a Poisson
    gas without exclusion; P(0) = 2/(π b_h).

    Parameters
    ----------
    x : array_like
        Field ε (reduced).
    half_width_unit : array_like
        b_h, the Lorentzian half-width per unit own coupling (reduced).
    """
    b = np.asarray(half_width_unit, dtype=float)
    with np.errstate(divide="ignore"):
        u = b / np.abs(np.asarray(x, dtype=float))  # 1/a: +inf at x = 0, 0 at |x| = ∞
    far = u < 0.125
    # 1 − arctan(u)/u; for u < 1/8 its series Σ_k≥1 (−1)^(k+1) u^(2k)/(2k+1) (the difference
    # cancels to ~u²/3; 10 terms leave < 1e-19), so the tail ~ b_h²/(3x²) and P(±∞) = 0
    u2 = np.where(far, u, 0.0) ** 2  # (u = ∞ at x = 0 squared only where far: no overflow)
    series = np.zeros_like(u2)
    for k in range(10, 0, -1):
        series = u2 * ((-1.0) ** (k + 1) / (2 * k + 1) + series)
    near = np.where(far, 1.0, u)
    bracket = np.where(far, series, 1.0 - np.arctan(near) / near)
    return 2.0 / (np.pi * b) * bracket


def _bounded_integral(k: np.ndarray) -> np.ndarray:
    """H(K) = ∫₀^K dk (1 − cos k)/k² = Si(K) − (1 − cos K)/K (→ π/2 as K → ∞)."""
    k = np.asarray(k, dtype=float)
    si, _ = special.sici(k)
    finite = np.where(np.isfinite(k), k, 1.0)  # sin ∞ is NaN; (1 − cos K)/K → 0: H(∞) = Si(∞) = π/2
    # 1 − cos K = 2 sin²(K/2), without cancellation or underflow for small K (H → K/2); no operation can warn:
    # the denominator is never 0 and the sine's argument is finite
    half_sine = np.sin(0.5 * finite)
    return np.where(k > 0.0, si - half_sine * (2.0 * half_sine / np.where(k > 0.0, k, 1.0)), 0.0)


def poisson_field_pdf(
    x: ArrayLike, exclusion_radius: float, t_max: float = 14.0, n_t: int = 1401, n_g: int = 160
) -> np.ndarray:
    """Exact P(ε) for a Poisson gas of TLS (density 1) with no neighbour counted closer than d.

    For a TLS of coupling g_i the field is g_i h with h = Σ_j s_j g_j σ_j/r_j³ over the
    neighbours at r > d. With u = 1/r³ (n d³r = (4π/3) du/u²),
    ln φ_h(t) = −(4π/3) t ⟨g H(t g/d³)⟩_g, H(K) = ∫₀^K (1 − cos k)/k² dk, and averaging
    over g_i = √U[0, 1] gives P(x) = (2/π) ∫₀^∞ dt φ_h(t) [cos a − a (π/2 − Si a)], a = t|x|.
    d → 0 recovers :func:`lorentzian_mixture_field_pdf` with b_h = (2π²/3)⟨g⟩; d > 0 gives a
    finite variance, :func:`field_variance` (reduced units throughout).

    Parameters
    ----------
    x : array_like
        Field ε (reduced).
    exclusion_radius : float
        d [V_o^(1/3)]; 0 for no exclusion.
    t_max, n_t : float, int, optional
        Range and number of points of the trapezoid rule in t (φ_h ≲ e^(−4.3 t)).
    n_g : int, optional
        Gauss–Legendre nodes of the average over the neighbours' g.
    """
    nodes, weights = np.polynomial.legendre.leggauss(n_g)
    g = 0.5 * (nodes + 1.0)
    # ⟨g H⟩ over the density 2g on [0, 1]: ∫₀¹ 2g² H dg ≈ Σ (w/2) 2g² H = Σ w g² H
    average_weights = weights * g**2
    t = np.linspace(0.0, t_max, n_t)
    if exclusion_radius > 0.0:
        h = _bounded_integral(np.outer(t, g) / exclusion_radius**3)
    else:
        h = np.full((t.size, g.size), np.pi / 2.0)
    log_phi = -4.0 * np.pi / 3.0 * t * (h @ average_weights)
    phi = np.exp(log_phi)
    abs_x = np.abs(np.asarray(x, dtype=float))
    a = abs_x[..., None] * t
    si, _ = special.sici(a)
    kernel = np.cos(a) - a * (np.pi / 2.0 - si)
    integral = np.trapezoid(phi * kernel, t, axis=-1)
    # Euler–Maclaurin end correction −dt²/12 (f'(t_max) − f'(0)): f'(t_max) ≈ 0 and
    # f'(0) = φ_h'(0) − (π/2)|x|, with φ_h'(0) = −b_h at d = 0 and 0 for d > 0 (finite variance).
    slope_phi = 0.0 if exclusion_radius > 0.0 else float(lorentzian_half_width(mean_coupling(1.0)))
    dt = t[1] - t[0]
    integral = integral - dt**2 / 12.0 * (slope_phi + np.pi / 2.0 * abs_x)
    return 2.0 / np.pi * integral
