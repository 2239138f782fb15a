"""How firm is C? Multiplicative factors on Eq. (12) that the book derives elsewhere, and their combination.

Eq. (12) is C = c α² (γ_o/γ_max)⁴ with c = 1/3 the prefactor of Eq. (7): C is linear in the
density of asymmetries ñ_o, hence in c and in anything that rescales the local field
(ñ_o ∝ 1/field scale); quadratic in α; and ∝ λ⁻⁴ if the largest σ^z coefficient is λ times
the γ_max of Eq. (13) (ñ_o ∝ λ⁻² and the Jacobian (γ_o/γ_max)² of Eq. (9) ∝ λ⁻², while
γ_eff = α γ_o is tied to the polaron scale, not to γ_max). Each function below returns one
factor f = C_choice/C_paper, computed by the tlslib function that derives it, as a
:class:`Factor` (low, central, high). Two factors are not independent of α: the γ–ε
correlation P(0 | γ) ∝ 1/γ (frozen state) and the density of γ² near the acoustically
active coupling for tensor dipoles both depend on g_eff = α γ_o/γ_max; they are evaluated
jointly with α in :func:`joint_alpha_factor` and :func:`monte_carlo_factors`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants

from tlslib.coupling import coupling_of_tunneling
from tlslib.coupling_constant import universal_coupling_constant
from tlslib.coupling_distribution import (
    PLANAR_EIGENVALUES,
    UNIAXIAL_EIGENVALUES,
    tensor_coupling_squared,
    uniaxial_coupling_squared_cdf,
)
from tlslib.field_convention import ASYMMETRY_PER_FIELD
from tlslib.mean_field import (
    EQ7_PREFACTOR,
    field_variance,
    gaussian_zero_field_density,
    mean_inverse_coupling,
    paper_exclusion_radius,
    poisson_field_pdf,
)
from tlslib.polaron import PAPER_ANGULAR_AVERAGE, elastic_dipole_exchange, polaron_gamma_o
from tlslib.sensitivity import LOG_EXPONENTS
from tlslib.standard_model import random_dipole

__all__ = [
    "Factor",
    "ALPHA_LOW_TUNNELING",
    "ALPHA_HIGH_TUNNELING",
    "alpha_range",
    "alpha_factor",
    "eq7_prefactor_factor",
    "field_convention_factor",
    "tensor_interaction_ratios",
    "tensor_interaction_factor",
    "correlation_factor",
    "uniaxial_size_ratio",
    "uniaxial_density_factor",
    "planar_density_table",
    "tensor_density_factor",
    "joint_alpha_factor",
    "coupled_alpha_factor",
    "alpha_band_factor",
    "correlated_input_exponents",
    "input_log_sigma",
    "input_factor",
    "half_difference_factor",
    "tensor_norm_factor",
    "product_of_extremes",
    "monte_carlo_factors",
]

#: Δ° at which the paper reads ln^{1/2}(Δ°_max/Δ°) ≈ 1.5 (text above Eq. 12) [J].
ALPHA_LOW_TUNNELING: float = 1.0 * constants.k
#: Δ° at which the paper reads ln^{1/2}(Δ°_max/Δ°) ≈ 5 (an oscillation time of 1 s) [J].
ALPHA_HIGH_TUNNELING: float = 5e-11 * constants.k


@dataclass(frozen=True)
class Factor:
    """One multiplicative factor on C: f = C_choice/C_paper at its low, central and high choice.

    Attributes
    ----------
    name : str
        What is varied.
    low, central, high : float
        The factor for the choices that give the smallest, the best-estimate and the largest C.
    chapter : str
        The book page where the factor is derived.
    """

    name: str
    low: float
    central: float
    high: float
    chapter: str

    def __post_init__(self) -> None:
        if not 0.0 < self.low <= self.central <= self.high:
            values = f"{self.low}, {self.central}, {self.high}"
            raise ValueError(f"{self.name}: need 0 < low <= central <= high, got {values}")


def alpha_range(tunneling_max: float) -> tuple[float, float]:
    """The paper's range of α = ln^{1/2}(Δ°_max/Δ°) for Δ° = 1 K and 5×10⁻¹¹ K (Eq. 10) [dimensionless]."""
    low = float(coupling_of_tunneling(ALPHA_LOW_TUNNELING, tunneling_max, 1.0))
    high = float(coupling_of_tunneling(ALPHA_HIGH_TUNNELING, tunneling_max, 1.0))
    return low, high


def alpha_factor(alpha: ArrayLike, alpha_paper: float) -> np.ndarray:
    """C(α)/C(2.5) = (α/2.5)² from Eq. (12) with the paper's P̄ (no γ–ε correlation).

    Parameters
    ----------
    alpha : array_like
        γ_eff/γ_o.
    alpha_paper : float
        The paper's α.
    """
    return (np.asarray(alpha, dtype=float) / alpha_paper) ** 2


def eq7_prefactor_factor() -> Factor:
    """c/(1/3) for the prefactor of Eq. (7), averaged over all TLS (book/mean-field-dos.md).

    Low: a Gaussian of the variance stated above Eq. (7), 3/(2π)^(3/2) ≈ 0.19 (the T = 0
    relaxed simulation gives the same, ≈ 0.19). Central: the exact frozen Poisson gas with
    the paper's exclusion radius, ≈ 0.29. High: the paper's 1/3.
    """
    d_o = paper_exclusion_radius()
    gauss = float(gaussian_zero_field_density(field_variance(d_o)))
    frozen = float(poisson_field_pdf(0.0, d_o))
    return Factor("Eq. (7) prefactor c (all TLS)", gauss / EQ7_PREFACTOR, frozen / EQ7_PREFACTOR, 1.0, "mean-field-dos")


def field_convention_factor() -> Factor:
    """ñ_o with Eq. (4)'s asymmetry ε = 2Σ_j J_ij σ_j and P̄ per unit ε > 0, against ñ_o = P_h(0)/V_o: exactly 1.

    Eq. (4) makes ε = 2h (h = Σ_j J_ij σ_j), which halves the two-sided density at zero,
    p_ε(0) = p_h(0)/2; P̄ of Eqs. (3), (8), (9) counts 0 < ε < ε_max, i.e. both signs of ε
    per unit |ε|, which doubles it back: 2 p_ε(0) = p_h(0), the density that
    :mod:`tlslib.mean_field` computes (:mod:`tlslib.field_convention`, checked on simulated
    fields in book/mean-field-dos.md). Derived, not chosen: low = central = high = 1.
    """
    factor = 2.0 / ASYMMETRY_PER_FIELD  # one-sided P̄ (×2) of ε = 2h (density ×½)
    return Factor("ε = 2ΣJσ (Eq. 4), P̄ per unit ε > 0", factor, factor, factor, "mean-field-dos")


def tensor_interaction_ratios(rng: np.random.Generator, n: int, principal: ArrayLike) -> tuple[float, float]:
    """mean |J_tensor/J_paper| and rms J_tensor/J_paper for random pairs of tensor dipoles.

    J_tensor from :func:`tlslib.polaron.elastic_dipole_exchange` with dipoles of Frobenius
    norm √⟨A⟩·√3 = 3 (the normalisation that gives Eq. 5's √2/3), random orientations and
    random directions of separation; J_paper = γ_iγ_j/(ρv²r³), the paper's scalar form.

    Parameters
    ----------
    rng : numpy.random.Generator
        Seeded generator.
    n : int
        Pairs.
    principal : array_like
        Principal values of one dipole (rescaled here to Frobenius norm 3).
    """
    lam = np.asarray(principal, dtype=float)
    lam = lam * np.sqrt(PAPER_ANGULAR_AVERAGE * 3.0) / np.linalg.norm(lam)
    d_i = random_dipole(rng, lam, size=n)
    d_j = random_dipole(rng, lam, size=n)
    sep = rng.normal(size=(n, 3))
    ratio = elastic_dipole_exchange(1.0, 1.0, d_i, d_j, sep, 1.0, 1.0) * np.linalg.norm(sep, axis=1) ** 3
    return float(np.mean(np.abs(ratio))), float(np.sqrt(np.mean(ratio**2)))


def tensor_interaction_factor(rng: np.random.Generator, n: int = 200_000) -> Factor:
    """ñ_o with the tensor J_ij of book/polaron.md instead of the paper's scalar J (factor on C).

    A field that is a sum of J_ij σ_j scales with J: ñ_o ∝ 1/scale. For a Gaussian field the
    scale is the rms of J, for a Lorentzian (close neighbours allowed) the mean of |J|.
    Low: 1 (the paper's J). Central: 1/rms (uniaxial dipoles). High: 1/mean|J| (the larger of
    uniaxial and planar).

    Parameters
    ----------
    rng : numpy.random.Generator
        Seeded generator.
    n : int, optional
        Pairs per dipole shape.
    """
    uni_mean, uni_rms = tensor_interaction_ratios(rng, n, UNIAXIAL_EIGENVALUES)
    pla_mean, _ = tensor_interaction_ratios(rng, n, PLANAR_EIGENVALUES)
    return Factor("tensor J_ij vs scalar J", 1.0, 1.0 / uni_rms, 1.0 / min(uni_mean, pla_mean), "polaron")


def correlation_factor(g_eff: ArrayLike) -> np.ndarray:
    """P(0 | g_eff)/P(0) = 1/(⟨1/g⟩ g_eff) for the frozen field ε_i = s_i g_i h_i (book/mean-field-dos.md).

    The TLS seen acoustically have g = γ/γ_max ≈ g_eff = α γ_o/γ_max; with γ² uniform,
    ⟨1/g⟩ = 2, so the factor is 1/(2 g_eff).

    Parameters
    ----------
    g_eff : array_like
        α γ_o/γ_max, in (0, 1].
    """
    return 1.0 / (float(mean_inverse_coupling(1.0)) * np.asarray(g_eff, dtype=float))


def uniaxial_size_ratio() -> float:
    """(largest ½‖D_R − D_L‖)² / ‖D‖² for uniaxial tensors: 2(λ_max − λ_min)²/(4 Σλ²) = 3/4.

    Converts γ²/γ_max,uniaxial² of :mod:`tlslib.coupling_distribution` to γ² per squared
    size of one well's dipole, the paper's γ_max.
    """
    lam = np.asarray(UNIAXIAL_EIGENVALUES, dtype=float)
    return float(2.0 * (lam.max() - lam.min()) ** 2 / 4.0 / np.sum(lam**2))


def uniaxial_density_factor(x: ArrayLike) -> np.ndarray:
    """Density of γ²/γ_max² (γ_max = one well's dipole) for uniaxial tensors, relative to uniform.

    With u = x/(3/4): dF/dx = F'(u)/(3/4), F of :func:`uniaxial_coupling_squared_cdf`;
    2/3 at x → 0.

    Parameters
    ----------
    x : array_like
        γ²/γ_max², below 3/4.
    """
    ratio = uniaxial_size_ratio()
    u = np.asarray(x, dtype=float) / ratio
    step = 1e-6
    lower = np.maximum(u - step, 0.0)  # one-sided at u = 0
    slope = (uniaxial_coupling_squared_cdf(u + step) - uniaxial_coupling_squared_cdf(lower)) / (u + step - lower)
    return slope / ratio


def planar_density_table(rng: np.random.Generator, n: int = 400_000) -> tuple[np.ndarray, np.ndarray]:
    """Sampled density of γ²/γ_max² for planar tensor dipoles on a log grid, relative to uniform.

    For planar dipoles the largest ½‖ΔD‖ equals ‖D‖, so γ_max is one well's size. Density in
    bins of ±20 % around each grid point, from :func:`tensor_coupling_squared`.

    Returns
    -------
    grid, density : numpy.ndarray
        x = γ²/γ_max² and the density dF/dx.
    """
    x = np.sort(tensor_coupling_squared(rng, n, PLANAR_EIGENVALUES))
    grid = np.geomspace(0.005, 0.6, 25)
    lo, hi = grid / 1.2, grid * 1.2
    counts = np.searchsorted(x, hi) - np.searchsorted(x, lo)
    return grid, counts / (n * (hi - lo))


def tensor_density_factor(x: ArrayLike, planar: tuple[np.ndarray, np.ndarray]) -> Factor:
    """P(γ² = x) for tensor dipoles relative to the paper's uniform law, at one x = g_eff².

    Low: planar (density ∝ √x at small x). Central: uniaxial. High: vector (the paper's 1).

    Parameters
    ----------
    x : array_like
        g_eff² = (α γ_o/γ_max)², scalar.
    planar : tuple of numpy.ndarray
        :func:`planar_density_table`.
    """
    grid, density = planar
    low = float(np.exp(np.interp(np.log(x), np.log(grid), np.log(density))))
    central = float(uniaxial_density_factor(x))
    # at small x planar < uniaxial < vector; near γ_max the planar density can pass the uniaxial one
    name = "P(γ²) near γ_eff: tensor vs vector"
    return Factor(name, min(low, central), central, max(1.0, low, central), "coupling-distribution")


def joint_alpha_factor(
    alpha: ArrayLike, ratio: ArrayLike, correlation_weight: ArrayLike, alpha_central: float
) -> np.ndarray:
    """(α/α_c)² × [1/(2 g_eff)]^w with g_eff = α γ_o/γ_max: α and the γ–ε correlation together.

    w = 0 is the paper's P̄ (no correlation), w = 1 the frozen 1/g law; C then grows like α,
    not α².

    Parameters
    ----------
    alpha : array_like
        γ_eff/γ_o.
    ratio : array_like
        γ_o/γ_max of the glass.
    correlation_weight : array_like
        w in [0, 1].
    alpha_central : float
        α_c, the α of the reference C (the paper's).
    """
    g_eff = np.asarray(alpha, dtype=float) * np.asarray(ratio, dtype=float)
    return alpha_factor(alpha, alpha_central) * correlation_factor(g_eff) ** np.asarray(correlation_weight, dtype=float)


def coupled_alpha_factor(alpha: ArrayLike, ratio: float, alpha_central: float) -> np.ndarray:
    """C(α)/C(α_c) with the γ–ε correlation and the uniaxial P(γ²) at their central laws.

    (α/α_c)² × κ(α)/κ(α_c) × d(α)/d(α_c), κ = 1/(2 g_eff) and d of
    :func:`uniaxial_density_factor` at g_eff² = (α γ_o/γ_max)²: the α row of the sensitivity
    table (the other factors held central). With κ ∝ 1/α, C grows like α d(α).

    Parameters
    ----------
    alpha : array_like
        γ_eff/γ_o.
    ratio : float
        γ_o/γ_max of the glass.
    alpha_central : float
        The central α (the paper's 2.5).
    """
    a = np.asarray(alpha, dtype=float)

    def law(x: np.ndarray) -> np.ndarray:
        return joint_alpha_factor(x, ratio, 1.0, alpha_central) * uniaxial_density_factor((x * ratio) ** 2)

    return law(a) / law(np.asarray(alpha_central, dtype=float))


def alpha_band_factor(band: tuple[float, float], ratio: float, alpha_central: float) -> Factor:
    """α over a band (low, high) as a factor on C, the other factors central (:func:`coupled_alpha_factor`).

    Parameters
    ----------
    band : tuple of float
        (α_low, α_high), e.g. :func:`tlslib.paper.measurement_band.measurement_band`.
    ratio : float
        γ_o/γ_max of the glass.
    alpha_central : float
        The central α, inside the band.
    """
    grid = np.geomspace(band[0], band[1], 101)
    f = coupled_alpha_factor(grid, ratio, alpha_central)
    return Factor("α over the measurement band", float(f.min()), 1.0, float(f.max()), "which-alpha")


def correlated_input_exponents() -> dict[str, float]:
    """∂ln C/∂ln x when v_o = M/(N_A ρ) is computed from ρ: ρ^(2/3) v⁻² M^(−8/3).

    From C ∝ ρ⁻² v⁻² v_o^(−8/3) (:data:`tlslib.sensitivity.LOG_EXPONENTS`) with v_o ∝ M/ρ.
    """
    e = LOG_EXPONENTS
    return {
        "density": e["density"] - e["formula_volume"],
        "velocity": e["velocity"],
        "molar_mass": e["formula_volume"],
    }


def input_log_sigma(relative_uncertainty: Mapping[str, float]) -> float:
    """σ of ln C from independent relative errors of ρ, v and M (formula unit), v_o = M/(N_A ρ).

    Parameters
    ----------
    relative_uncertainty : mapping
        σ_x/x for ``density``, ``velocity``, ``molar_mass``.
    """
    e = correlated_input_exponents()
    return float(np.sqrt(sum((e[k] * s) ** 2 for k, s in relative_uncertainty.items())))


def input_factor(sigma: float, k: float = 2.0) -> Factor:
    """Inputs as a factor e^(∓kσ) on C (log-normal; k = 2 brackets about 95 %).

    Parameters
    ----------
    sigma : float
        σ of ln C, :func:`input_log_sigma`.
    k : float, optional
        Standard deviations at the ends.
    """
    return Factor("inputs ρ, v, v_o", float(np.exp(-k * sigma)), 1.0, float(np.exp(k * sigma)), "table1-forensics")


def half_difference_factor(gamma_o: float, gamma_max: float) -> Factor:
    """C if the paper's γ (maximum γ_max) were the full dipole difference, against the half one.

    The σ^z coefficient is ½(d_R − d_L) (book/coupling-distribution.md). Read with the half
    difference, wells of size γ_max give couplings up to γ_max: factor 1. Read with the full
    difference and P(γ²) = 1/γ_max² kept, the wells are γ_max/2 and the σ^z coefficient stops
    at γ_max/2: Eq. (12) with γ_max → γ_max/2, a factor 16. (Full difference with wells of
    size γ_max contradicts P(γ²) = 1/γ_max² and is not a reading of the paper.)

    Parameters
    ----------
    gamma_o, gamma_max : float
        Eqs. (5) and (13) [J].
    """
    # α²/3 cancels in the ratio: α = 1
    c = universal_coupling_constant(gamma_o, gamma_max, 1.0)
    full = float(universal_coupling_constant(gamma_o, gamma_max / 2.0, 1.0) / c)
    return Factor("γ: half vs full dipole difference", 1.0, 1.0, full, "coupling-distribution")


def tensor_norm_factor() -> Factor:
    """C if Eq. (13)'s γ_max were the Frobenius norm of a tensor dipole while γ_o keeps Eq. (5).

    Eq. (5)'s √2/3 is unit coupling per polarization, ⟨A⟩ = 3 (book/polaron.md); a dipole
    of Frobenius norm γ_max couples per polarization with γ_max/3 (⟨A⟩ = 1/3 at unit norm):
    C ∝ (γ_o/γ_max)⁴ grows by (γ_o(1/3)/γ_o(3))⁴ = 81.
    """
    ratio = float(polaron_gamma_o(1.0, 1.0, 1.0, 1.0 / 3.0) / polaron_gamma_o(1.0, 1.0, 1.0, PAPER_ANGULAR_AVERAGE))
    return Factor("γ_max of Eq. (13): per polarization vs tensor norm", 1.0, 1.0, ratio**4, "polaron")


def product_of_extremes(factors: list[Factor]) -> tuple[float, float, float]:
    """(Π low, Π central, Π high) of independent factors."""
    low = float(np.prod([f.low for f in factors]))
    central = float(np.prod([f.central for f in factors]))
    high = float(np.prod([f.high for f in factors]))
    return low, central, high


def monte_carlo_factors(
    rng: np.random.Generator,
    n: int,
    ratio: float,
    independent: list[Factor],
    planar: tuple[np.ndarray, np.ndarray],
    sigma_inputs: float,
    alpha_limits: tuple[float, float],
    alpha_central: float,
) -> np.ndarray:
    """n draws of C/C_paper: independent factors log-uniform on [low, high], α jointly with the rest.

    α is log-uniform on ``alpha_limits``; given α, the γ–ε correlation is
    [1/(2 g_eff)]^w with w uniform on [0, 1], and the tensor density factor is log-uniform
    between the planar and the vector value at x = g_eff²; the inputs are log-normal with
    σ = ``sigma_inputs``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Seeded generator.
    n : int
        Draws.
    ratio : float
        γ_o/γ_max of the glass.
    independent : list of Factor
        Factors drawn independently (Eq. 7 prefactor, ε convention, tensor J, ...).
    planar : tuple of numpy.ndarray
        :func:`planar_density_table`.
    sigma_inputs : float
        σ of ln C from the inputs.
    alpha_limits : tuple of float
        (low, high) α.
    alpha_central : float
        The α of C_paper (the paper's).
    """
    log_f = np.zeros(n)
    for f in independent:
        log_f += rng.uniform(np.log(f.low), np.log(f.high), n)
    alpha = np.exp(rng.uniform(np.log(alpha_limits[0]), np.log(alpha_limits[1]), n))
    log_f += np.log(joint_alpha_factor(alpha, ratio, rng.uniform(0.0, 1.0, n), alpha_central))
    grid, density = planar
    x = (alpha * ratio) ** 2
    log_planar = np.interp(np.log(x), np.log(grid), np.log(density))
    log_f += log_planar * rng.uniform(0.0, 1.0, n)  # log-uniform between planar and 1
    log_f += sigma_inputs * rng.standard_normal(n)
    return np.exp(log_f)
