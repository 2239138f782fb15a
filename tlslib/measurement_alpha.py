"""Which α an experiment sees: the constant γ = α γ_o that mimics the γ(Δ°) of Eq. (10).

The *full* model: P(ε, Δ°) = P̄/Δ° (Eq. 8) for ε > 0 and Δ°_min < Δ° < Δ°_max, with
γ(Δ°)² = γ_o² ln(Δ°_max/Δ°) (Eq. 10) both in the strain coupling and in the one-phonon
relaxation rate τ⁻¹ = n γ² Δ°² E coth(E/2k_BT)/(2π ρ v⁵ ħ⁴) (n = 3 branches of one v and
one γ). The *standard* model: the same P̄/Δ° on the same window, with γ = α γ_o in both
places. For a measurement X the α of X is the one for which the standard model gives the
same X as the full model; then Eq. (1) with γ = α γ_o, i.e. the paper's Eq. (12),
C = α² C_o, is the C that the measurement reports. Every X here is returned in units of
C_o = P̄ γ_o²/(ρ v²), Eq. (1) with γ = γ_o.

Energies [J], temperatures [K], frequencies [Hz] (ω = 2πf).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants, integrate, optimize

from tlslib.coupling import gamma_max as gamma_max_of
from tlslib.coupling import gamma_o as gamma_o_of
from tlslib.coupling_constant import universal_coupling_constant
from tlslib.effective_model import alpha_for_coupling_constant, tunneling_window
from tlslib.error_budget import correlation_factor
from tlslib.materials import Material
from tlslib.parameter_set import ParameterSet
from tlslib.thermal_conductivity import (
    conductivity_weight,
    model_thermal_conductivity,
    resonant_log_average,
)
from tlslib.validation import InputError, positive_finite

__all__ = [
    "MEASUREMENTS",
    "VELOCITY_LOG_OFFSET",
    "one_phonon_relaxation_rate",
    "relaxation_rate_scale",
    "relaxation_internal_friction",
    "standard_relaxation_internal_friction",
    "sample_relaxation_internal_friction",
    "relaxation_alpha",
    "resonant_fraction",
    "resonant_alpha",
    "sample_resonant_alpha",
    "resonant_velocity_change",
    "velocity_alpha",
    "velocity_alpha_closed_form",
    "velocity_slope_alpha",
    "conductivity_alpha",
    "sample_conductivity_alpha",
    "measurement_alpha",
    "tunneling_time_alpha",
    "resonant_tunneling_over_hf",
    "resonant_sqrt_log_average",
    "correlation_weight",
    "correlated_coupling_constant",
    "correlated_alpha_for_coupling_constant",
    "relaxation_velocity_change",
    "relaxation_slope_alpha",
    "relaxation_regime_ratio",
    "paper_slope_alpha",
    "relaxation_slope_alpha_asymptotic",
]

#: The measurements for which an α is defined (the CLI's ``--measurement`` choices).
MEASUREMENTS: tuple[str, ...] = ("relaxation", "resonant", "velocity", "conductivity")


#: 1 + γ_Euler − ln π in α² = ln(Δ°_max/k_B√(T₁T₂)) + this, the velocity α (closed form).
VELOCITY_LOG_OFFSET: float = 1.0 + float(np.euler_gamma) - float(np.log(np.pi))

# Quadrature grid of the relaxation integral: trapezoid rules in t = ln(ε/k_BT) and in v, where
# ℓ = ln(Δ°_max/Δ°) = c ln(1 + e^{v/c}) (see _relaxation_grid for the derivation and the error).
_T_STEP = 0.25  # in t = ln(ε/k_BT)
_T_RANGE = (np.log(1e-8), np.log(80.0))  # of t; the nodes also keep E/k_BT ≤ 80
_V_STEP = 0.12  # in v
_EDGE_SCALE = 0.6  # c: ℓ ≈ v above c, ℓ ≈ c e^{v/c} below (nodes geometric in ℓ towards Δ° = Δ°_max)
_EDGE_MIN = 1e-12  # the smallest ℓ of the grid (the first node of v)
_Q_SPAN = 40.0  # Δ° ≥ ε/(2 cosh q_span): the slowest TLS kept, ~40 e-folds of Δ° below ε
_WEDGE = 12.0  # Δ° ≤ e^12 ε: the TLS with ε < e^{−12}Δ° carry (ε/E)² < e^{−24}, e^{−36}/3 of their Δ° in all


def one_phonon_relaxation_rate(
    energy: ArrayLike,
    tunneling: ArrayLike,
    coupling: ArrayLike,
    temperature: ArrayLike,
    density: ArrayLike,
    velocity: ArrayLike,
    branches: float,
) -> np.ndarray:
    """One-phonon relaxation rate τ⁻¹ = n γ² Δ°² E coth(E/2k_BT)/(2π ρ v⁵ ħ⁴) [s⁻¹].

    Golden rule for the emission and absorption of one thermal phonon of energy E by the
    TLS of Eq. (11); the coupling enters squared, so with Eq. (10) the slow TLS (small Δ°)
    relax faster than with a constant γ.

    Parameters
    ----------
    energy, tunneling : array_like
        E = √(ε² + Δ°²) and Δ° [J].
    coupling : array_like
        γ [J] (γ_o ln^{1/2}(Δ°_max/Δ°) in the full model, α γ_o in the standard one).
    temperature : array_like
        T [K].
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    branches : float, optional
        n, the number of phonon branches that share v and γ (3).
    """
    e = np.asarray(energy, dtype=float)
    x = e / (2.0 * constants.k * np.asarray(temperature, dtype=float))
    prefactor = relaxation_rate_scale(coupling, density, velocity, branches)
    return prefactor * np.asarray(tunneling, dtype=float) ** 2 * e / np.tanh(x)


def relaxation_rate_scale(coupling: ArrayLike, density: ArrayLike, velocity: ArrayLike, branches: float) -> np.ndarray:
    """R = n γ²/(2π ρ v⁵ ħ⁴), so that τ⁻¹ = R Δ°² E coth(E/2k_BT) [J⁻³ s⁻¹].

    Parameters
    ----------
    coupling : array_like
        γ [J]; pass γ_o for the scale of both models.
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    branches : float, optional
        n (3).
    """
    rho = np.asarray(density, dtype=float)
    v = np.asarray(velocity, dtype=float)
    return branches * np.asarray(coupling, dtype=float) ** 2 / (2.0 * np.pi * rho * v**5 * constants.hbar**4)


def _grid(temperature: float, tunneling_max: float, tunneling_min: float) -> dict[str, np.ndarray]:
    """The cached grid, with a Δ°_min below every node of the grid read as 0 (the mask is then all true).

    Every node has Δ° ≥ ε/(2 cosh q_span) ≥ ½ ε_min/cosh(q_span) = ½ floor, ε_min = e^{t_min} k_BT; a
    lower cut removes no node, so the grid (and every result) is the same as without it, and glasses
    whose window ends far below it share one grid per temperature. The lowest nodes lie within one
    v step (a factor e^{0.12}) above ½ floor.
    """
    floor = np.exp(_T_RANGE[0]) * constants.k * temperature / np.cosh(_Q_SPAN)
    return _relaxation_grid(temperature, tunneling_max, tunneling_min if tunneling_min >= 0.5 * floor else 0.0)


def _softplus(u: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """w = c ln(1 + e^{u/c}) and its Jacobian dw/du = σ(u/c) = 1/(1 + e^{−u/c}) (the node maps of the grids).

    w ≈ u for u ≫ c and w ≈ c e^{u/c} → 0 for u ≪ −c: uniform nodes in u close in geometrically on w = 0.
    """
    return c * np.logaddexp(0.0, u / c), 0.5 * (1.0 + np.tanh(u / (2.0 * c)))


def _sech2_half(y: np.ndarray) -> np.ndarray:
    """sech²(y/2) = 4e^{−y}/(1 + e^{−y})² for y ≥ 0, without the overflow of cosh."""
    decay = np.exp(-y)
    return 4.0 * decay / (1.0 + decay) ** 2


@lru_cache(maxsize=64)
def _relaxation_grid(temperature: float, tunneling_max: float, tunneling_min: float) -> dict[str, np.ndarray]:
    """Nodes and weights of Q⁻¹/C_o = ∫dy sech²(y/2) ∫ d ln Δ° (ε/E) g φ(ωτ) (see relaxation_internal_friction).

    The integral is taken over (ε, Δ°), not (E, Δ°). At fixed Δ°, E² = ε² + Δ°² gives
    dy = dE/k_BT = (ε/E) dε/k_BT, so

        Q⁻¹/C_o = ∫₀^∞ dε/k_BT ∫_{Δ° < Δ°_max} d ln Δ° (ε/E)² sech²(E/2k_BT) g φ(ωτ),

    a product domain. The inner integral at fixed E, over Δ° < min(E, Δ°_max), never appears: it
    has a square-root onset at E = Δ°_max (its lower end q = arccosh(E/Δ°_max) ≈ √(2(E/Δ°_max − 1))
    in q = arccosh(E/Δ°)), which a trapezoid rule in ln E meets as a kink. The (E, q) grid used
    before erred by up to 3e-5 (standard), 6e-4 (full) and 2e-3 (correlated) at Δ°_max = 10 K and
    2-50 K; the kink in ln E was ~6e-6 of it (1 GHz, 5-10 K), the rest the q rule's plain end at
    Δ° = Δ°_max for E > Δ°_max (Gregory weights, O(h⁴)) and the full model's Lorentzian there (below).
    Coordinates, both on uniform grids:

    * t = ln(ε/k_BT), dε/k_BT = eᵗ dt;
    * v, with ℓ = ln(Δ°_max/Δ°) = c ln(1 + e^{v/c}), d ln Δ° → dℓ = σ(v/c) dv (σ(z) = 1/(1 + e^{−z})).
      ℓ ≈ v for v ≫ c (uniform in ln Δ°) and ℓ ≈ c e^{v/c} for v ≪ −c: the nodes close in on the
      window's edge Δ° = Δ°_max geometrically, a factor e^{h/c} = 1.22 per step, down to ℓ = 1e-12.

    The weight of node (t, v) is h_t h_v eᵗ (ε/E)² sech²(E/2k_BT) σ(v/c). The integrand decays at
    every end (∝ e^{3t} as ε → 0, ∝ sech² at large E, ∝ e^{v/c} or faster at the edge, ∝ 1/ωτ ∝ Δ°²
    at small Δ°) and is analytic in a strip, so both trapezoid rules converge exponentially, error
    ~exp(−2πd/h), d the half-width of the strip: π/2 in t (E = √(ε² + Δ°²) branches at ε = ±iΔ°,
    sech² poles at E = ±iπk_BT), π/6 to π/4 in v (the poles of φ at ln ωτ = ±iπ/2), and cπ/2 in v on
    the edge, where every g of the full model, including ℓ φ(base/ℓ) with its Lorentzian of width base
    in ℓ (the TLS just below Δ°_max relax slowly, τ ∝ 1/ℓ) and ℓ^{1/2}φ(base/ℓ) (correlated), is a
    smooth function of v. Measured against nested adaptive quadrature (Δ°_max = 10 K, 10 mK-50 K,
    1 kHz-1 GHz, standard, full and correlated): ≤ 6e-13 relative, the reference's own accuracy; with
    h_v = 0.15, 0.2, 0.25 it is 3e-11, 6e-9, 3e-7, i.e. exp(−2π d/h_v) with d ≈ 0.65, between the
    π/6 of Δ° ≳ ε (ωτ ∝ Δ°⁻³) and the π/4 of Δ° ≪ ε (ωτ ∝ Δ°⁻²). The t rule (d = π/2) is far below.

    Truncations: ℓ ≥ 1e-12 (what lies below is ~1e-12 of the inner range, and the Lorentzian of width
    base < 1e-12 holds a share ~base of the full model's Q⁻¹); Δ° ≤ e^12 ε; Δ° ≥ ε/(2 cosh q_span)
    (these TLS have ωτ ≫ 1 but at f → 0); ε ≤ 80 k_BT and E ≤ 80 k_BT (sech²(40) = 7e-35). TLS with
    Δ° < Δ°_min are masked out. Cached (the grid depends on T and the window only), so its arrays
    are read-only; log_ratio is ℓ itself, ≥ 0 (no −1e-16 of rounding at the edge).
    """
    kt = constants.k * temperature
    c = _EDGE_SCALE
    t = np.arange(_T_RANGE[0], _T_RANGE[1] + 0.5 * _T_STEP, _T_STEP)[:, None]
    eps = kt * np.exp(t)
    # v from ℓ = ℓ_min to the largest ℓ kept (Δ° = ε_min/(2 cosh q_span)); v = c ln(e^{ℓ/c} − 1)
    ell_top = np.log(tunneling_max / eps[0, 0]) + np.log(2.0 * np.cosh(_Q_SPAN))
    v_low = c * np.log(np.expm1(_EDGE_MIN / c))
    v_top = ell_top + c * np.log(-np.expm1(-max(ell_top, _EDGE_MIN) / c))
    v = v_low + _V_STEP * np.arange(max(int(np.ceil((v_top - v_low) / _V_STEP)), 0) + 1)[None, :]
    ell, d_ell = _softplus(v, c)
    tunneling = tunneling_max * np.exp(-ell)
    ratio = tunneling / eps  # Δ°/ε
    energy = eps * np.sqrt(1.0 + ratio**2)
    y = energy / kt
    keep = (
        (ratio <= np.exp(_WEDGE))
        & (ratio >= 0.5 / np.cosh(_Q_SPAN))
        & (y <= np.exp(_T_RANGE[1]))
        & (tunneling >= tunneling_min)
    )
    weight = _T_STEP * _V_STEP * np.exp(t) / (1.0 + ratio**2) * _sech2_half(y) * d_ell
    keep &= weight > 0.0
    grid = {
        "weight": weight[keep],
        # ω τ = ω tanh(y/2)/(R g Δ°² E): store the g-independent part per unit ω/R
        "tau_part": (np.tanh(y / 2.0) / (tunneling**2 * energy))[keep],
        "log_ratio": np.broadcast_to(ell, keep.shape)[keep],
    }
    for array in grid.values():
        array.flags.writeable = False
    return grid


def _loss(omega_tau: np.ndarray) -> np.ndarray:
    return omega_tau / (1.0 + omega_tau**2)


def _weighted_loss(base: np.ndarray, g: np.ndarray | float) -> np.ndarray:
    """g φ(base/g) = base g²/(g² + base²): the strength g times the loss at ωτ = base/g (finite at g = 0)."""
    return base * g**2 / (g**2 + base**2)


def relaxation_internal_friction(
    frequency: float,
    temperature: float,
    rate_scale: float,
    tunneling_max: float,
    tunneling_min: float = 0.0,
    alpha: float | None = None,
    correlated: bool = False,
) -> float:
    """Relaxation internal friction Q⁻¹(ω, T) in units of C_o, full model or constant γ = α γ_o.

    Each TLS's population follows the strain through ∂E/∂e = 2γε/E and relaxes at τ⁻¹;
    summed over P̄/Δ° (Eq. 8) with the thermal factor sech²(E/2k_BT)/4k_BT,

        Q⁻¹ = C_o ∫₀^∞ dy sech²(y/2) ∫ d ln Δ° (ε/E) g(Δ°) ωτ/(1 + ω²τ²),

    y = E/k_BT, g = γ²/γ_o² (Eq. 10 for the full model, α² for the standard one) and
    τ⁻¹ = R g Δ°² E coth(y/2). With g = α² and ωτ ≪ 1 for the fastest TLS it is the plateau
    (π/2) α² C_o = (π/2) C (text below Eq. 1).

    Parameters
    ----------
    frequency : float
        f [Hz], ω = 2πf.
    temperature : float
        T [K].
    rate_scale : float
        R(γ_o) of :func:`relaxation_rate_scale` [J⁻³ s⁻¹].
    tunneling_max, tunneling_min : float, optional
        Δ°_max and Δ°_min of the window [J] (Δ°_min 0 unless given).
    alpha : float or None, optional
        None for the full model, else the constant γ/γ_o.
    correlated : bool, optional
        The γ–ε correlation variant (:func:`correlation_weight`): every TLS weighted by
        κ(γ)/κ(γ_o) = γ_o/γ, i.e. ℓ^{−1/2} in the full model and 1/α in the standard one; the
        result is then in units of κ(γ_o) C_o.
    """
    grid = _grid(temperature, tunneling_max, tunneling_min)
    base = 2.0 * np.pi * frequency / rate_scale * grid["tau_part"]
    if alpha is None:
        g = grid["log_ratio"]
        if correlated:  # g^{−1/2} × g φ(base/g); the grid's ℓ ≥ 1e-12 > 0
            return float(np.sum(grid["weight"] * base * g**1.5 / (g**2 + base**2)))
        return float(np.sum(grid["weight"] * _weighted_loss(base, g)))
    value = float(np.sum(grid["weight"] * _weighted_loss(base, alpha**2)))
    return value / alpha if correlated else value


def standard_relaxation_internal_friction(
    frequency: float, temperature: float, rate_scale: float, alpha: float, tunneling_max: float = np.inf
) -> float:
    """Q⁻¹/C_o of the constant-γ model with the Δ° integral in closed form (independent route).

    At fixed E, with x = (Δ°/E)² and a = ωτ(Δ° = E), the inner integral is
    ½∫ dx √(1−x) a/(x² + a²) over x < min(1, (Δ°_max/E)²) = Im[√d (artanh(1/√d) −
    artanh(t₀/√d))] with d = 1 − ia, t₀ = √(1 − x_max) (substitution t = √(1 − x)).
    It tends to π/4 for a → 0 (the plateau). The difference is taken as one artanh,
    artanh(1/√d) − artanh(t₀/√d) = artanh(z), z = √d k/(k − ia), k = 1 − t₀ = x_max/(1 + t₀), and
    for |z| ≥ ½ (a ≪ 1, near its pole at z = 1) as ½[ln(1 + z) − ln(1 − z)] with
    1 − z = −ia(1 + √d − k)/((1 + √d)(k − ia)). The two artanh, with 1 − 1/√d = O(a), cancelled to
    ~1e-16/a relative (2e-9 at 1 kHz and 10-50 K), and for x_max ≪ a (E ≫ Δ°_max) to up to 2e-4;
    against quadrature of the x integral (1e-14 ≤ a ≤ 900, 1e-9 ≤ x_max ≤ 1) this form is good to
    ≤ 6e-15 for a ≤ 30 and ≤ 8e-13 up to a = 900. For a > 10³, where the imaginary part is O(1/a) of
    O(1) terms and loses log₁₀ a digits, the expansion ½ Σ_k (−1)^k a^(−2k−1) ∫ dx x^(2k) √(1−x)
    to k = 1 is used instead. Δ°_min = 0. The E integral is done by quad over ln E from 1e-10 k_BT to
    100 k_BT, split at E = Δ°_max.

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature : float
        T [K].
    rate_scale : float
        R(γ_o) [J⁻³ s⁻¹].
    alpha : float
        γ/γ_o.
    tunneling_max : float, optional
        Δ°_max [J]; infinite by default.
    """
    kt = constants.k * temperature
    omega = 2.0 * np.pi * frequency

    def inner(y: float) -> float:
        energy = y * kt
        a = omega * np.tanh(y / 2.0) / (rate_scale * alpha**2 * energy**3)
        x_max = min(1.0, (tunneling_max / energy) ** 2)
        t0 = np.sqrt(1.0 - x_max)
        k = x_max / (1.0 + t0)  # 1 − t₀ without cancellation
        if a > 1e3:  # the O(1/a) imaginary part of O(1) terms: the series in 1/a² (next term < 2e-13)
            j0 = 2.0 / 3.0 * k * (1.0 + t0 + t0**2)  # ∫₀^x_max dx x^(2k) √(1−x), k = 0 and 1
            j2 = 2.0 * (8.0 / 105.0 - t0**3 * (1.0 / 3.0 - 0.4 * t0**2 + t0**4 / 7.0))
            return (j0 - j2 / a**2) / (2.0 * a)
        root = np.sqrt(1.0 - 1j * a)
        z = root * k / (k - 1j * a)
        if abs(z) < 0.5:
            difference = np.arctanh(z)
        else:
            one_minus_z = -1j * a * (1.0 + root - k) / ((1.0 + root) * (k - 1j * a))
            difference = 0.5 * (np.log(1.0 + z) - np.log(one_minus_z))
        return float((root * difference).imag)

    def integrand(t: float) -> float:
        y = np.exp(t)
        return y / np.cosh(y / 2.0) ** 2 * inner(y)

    # from E = 1e-10 k_BT: what lies below falls off as its cube (4e-8 of Q⁻¹ at 1 Hz and 50 K from 1e-6)
    low, high = np.log(1e-10), np.log(100.0)
    kink = np.log(tunneling_max / kt)  # E = Δ°_max, where the inner integral has its (E − Δ°_max)^{3/2} term
    points = [kink] if low < kink < high else None
    total = integrate.quad(integrand, low, high, points=points, limit=400, epsabs=0.0, epsrel=1e-11)[0]
    return float(alpha**2 * total)


def sample_relaxation_internal_friction(
    rng: np.random.Generator,
    n: int,
    frequency: float,
    temperature: float,
    rate_scale: float,
    tunneling_max: float,
    alpha: float | None = None,
    log_span: float = 40.0,
    correlated: bool = False,
) -> tuple[float, float]:
    """Monte Carlo of :func:`relaxation_internal_friction`: (estimate, standard error), in units of C_o.

    E is drawn from the density sech²(y/2)/2 (y = 2 artanh u), ln Δ° uniformly on
    [ln E − log_span, ln min(E, Δ°_max)]; each TLS carries the weight 2 × span × (ε/E) g φ(ωτ).
    TLS with Δ° < E e^{−log_span} relax far too slowly to matter at any frequency used here.

    Parameters
    ----------
    rng : numpy.random.Generator
        Seeded by the caller.
    n : int
        Number of sampled TLS.
    frequency, temperature, rate_scale, tunneling_max, alpha, correlated
        As in :func:`relaxation_internal_friction`.
    log_span : float, optional
        e-folds of Δ° below E that are sampled.
    """
    kt = constants.k * temperature
    y = 2.0 * np.arctanh(rng.random(n))
    energy = y * kt
    top = np.log(np.minimum(energy, tunneling_max))
    bottom = np.log(energy) - log_span
    span = np.maximum(top - bottom, 0.0)
    tunneling = np.exp(bottom + span * rng.random(n))
    g = np.log(tunneling_max / tunneling) if alpha is None else np.full(n, alpha**2)
    rate = rate_scale * g * tunneling**2 * energy / np.tanh(y / 2.0)
    eps_over_e = np.sqrt(np.clip(1.0 - (tunneling / energy) ** 2, 0.0, None))
    values = 2.0 * span * eps_over_e * g * _loss(2.0 * np.pi * frequency / rate)  # g > 0: Δ° < Δ°_max a.s.
    if correlated:
        values = values / np.sqrt(g) if alpha is None else values / alpha
    return float(values.mean()), float(values.std(ddof=1) / np.sqrt(n))


def _solve_alpha(target: float, weight: np.ndarray, base: np.ndarray, power: float = 0.0) -> float:
    """The α with g^{−power} Σ weight · g φ(base/g) = target at g = α² (the standard model on the grid).

    power = 0 is the uniform density, power = ½ the γ–ε correlation (the standard model's density
    carries κ(αγ_o) ∝ 1/α). Newton's method on ln Q against ln g, whose slope lies between
    1 − power (plateau: Q ∝ g) and 2 − power (ωτ ≫ 1: Q ∝ g²), so it converges in a few steps;
    Brent's method is the fallback.
    """

    def q_and_slope(g: float) -> tuple[float, float]:
        b2 = base**2
        denom = g**2 + b2
        scale = g**-power
        q = float(np.sum(weight * base * g**2 / denom)) * scale
        dq_dlng = float(np.sum(weight * 2.0 * g**2 * base * b2 / denom**2)) * scale - power * q
        return q, dq_dlng

    s = np.log(max(target / (np.pi / 2.0), 1e-6)) / (1.0 - power)
    for _ in range(60):
        q, slope = q_and_slope(float(np.exp(s)))
        step = (np.log(target) - np.log(q)) * q / slope
        s += float(np.clip(step, -2.0, 2.0))
        if abs(step) < 1e-13:
            return float(np.exp(s / 2.0))
    root = optimize.brentq(lambda x: q_and_slope(float(np.exp(x)))[0] - target, -15.0, 15.0, xtol=1e-14)
    return float(np.exp(root / 2.0))


def relaxation_alpha(
    frequency: float,
    temperature: float,
    rate_scale: float,
    tunneling_max: float,
    tunneling_min: float = 0.0,
    correlated: bool = False,
) -> float:
    """α of an internal-friction (relaxation) measurement at f and T, Eqs. (8), (10), (1).

    Solves Q⁻¹_standard(α) = Q⁻¹_full: α enters the standard model both as α² in the
    strength and through τ ∝ 1/α², so it cannot be read off a ratio except on the plateau.

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature : float
        T [K].
    rate_scale : float
        R(γ_o) of :func:`relaxation_rate_scale` [J⁻³ s⁻¹].
    tunneling_max, tunneling_min : float, optional
        The Δ° window [J].
    correlated : bool, optional
        With the γ–ε correlation (:func:`correlation_weight`) in both models.
    """
    grid = _grid(temperature, tunneling_max, tunneling_min)
    base = 2.0 * np.pi * frequency / rate_scale * grid["tau_part"]
    full = relaxation_internal_friction(
        frequency, temperature, rate_scale, tunneling_max, tunneling_min, None, correlated
    )
    return _solve_alpha(full, grid["weight"], base, 0.5 if correlated else 0.0)


def resonant_fraction(energy: ArrayLike, tunneling_max: ArrayLike) -> np.ndarray:
    """Share of the resonant weight Δ°/(E√(E² − Δ°²)) with Δ° < Δ°_max: 1 − √(1 − (Δ°_max/E)²) above Δ°_max.

    Parameters
    ----------
    energy : array_like
        E [J].
    tunneling_max : array_like
        Δ°_max [J].
    """
    b = np.asarray(tunneling_max, dtype=float) / np.asarray(energy, dtype=float)
    # 1 − √(1 − b²) written without cancellation for small b
    return np.where(b >= 1.0, 1.0, b**2 / (1.0 + np.sqrt(np.clip(1.0 - b**2, 0.0, None))))


def resonant_sqrt_log_average(energy: ArrayLike, tunneling_max: ArrayLike) -> np.ndarray:
    """∫ w ln^{1/2}(Δ°_max/Δ°) over the TLS resonant at E: the correlated twin of ``resonant_log_average``.

    With x = Δ°/E, b = Δ°_max/E and the resonant weight x/√(1 − x²) on x < min(1, b), this is
    ∫ x ln^{1/2}(b/x)/√(1 − x²) dx = ∫ sin θ ln^{1/2}(b/sin θ) dθ on θ < θ_m = arcsin min(1, b).
    Gauss–Legendre on [0, θ_m/2] in θ = (θ_m/2) t³ (smooth at θ → 0) and on [θ_m/2, θ_m] in
    θ = θ_m − (θ_m/2)s², which smooths the square root at θ_m: it vanishes there for b < 1 and
    is √(ln b + (π/2 − θ)²/2) for b ≥ 1, a kink as b → 1⁺ (relative accuracy ~1e-14 for every b,
    against adaptive quadrature in the tests). Divided by :func:`resonant_fraction` it is ⟨γ/γ_o⟩ at E.

    Parameters
    ----------
    energy : array_like
        E [J].
    tunneling_max : array_like
        Δ°_max [J].
    """
    e = np.asarray(energy, dtype=float)
    b = (np.asarray(tunneling_max, dtype=float) / e)[..., None]
    log_b = np.log(b)
    top = np.arcsin(np.minimum(b, 1.0))
    t, w = _GL_NODES

    def f(theta: np.ndarray) -> np.ndarray:
        return np.sin(theta) * np.sqrt(np.maximum(log_b - np.log(np.sin(theta)), 0.0))

    half = 0.5 * top
    lower = np.sum(w * 3.0 * half * t**2 * f(half * t**3), axis=-1)
    upper = np.sum(w * top * t * f(top - half * t**2), axis=-1)
    return lower + upper


#: Gauss–Legendre nodes and weights on [0, 1] (96 points) for :func:`resonant_sqrt_log_average`.
_GL_NODES: tuple[np.ndarray, np.ndarray] = tuple(
    (lambda x, w: ((x + 1.0) / 2.0, w / 2.0))(*np.polynomial.legendre.leggauss(96))
)


def resonant_alpha(frequency: ArrayLike, tunneling_max: ArrayLike, correlated: bool = False) -> np.ndarray:
    """α of a resonant absorption measurement at f: α² = ⟨ln(Δ°_max/Δ°)⟩ over the TLS with E = hf.

    Only TLS with E = ħω absorb, each with weight (Δ°/E)² (Eqs. 8, 10); the factor
    tanh(ħω/2k_BT) is the same in both models, so α does not depend on T. Below
    Δ°_max/h: α² = ln(Δ°_max/hf) + 1 − ln 2.

    Parameters
    ----------
    frequency : array_like
        f [Hz].
    tunneling_max : array_like
        Δ°_max [J].
    correlated : bool, optional
        With the γ–ε correlation: α = ⟨ln^{1/2}(Δ°_max/Δ°)⟩ = ⟨γ/γ_o⟩ over the same TLS
        (the mean of γ instead of its root mean square; see :func:`correlation_weight`).
    """
    energy = constants.h * np.asarray(frequency, dtype=float)
    if correlated:
        return resonant_sqrt_log_average(energy, float(tunneling_max)) / resonant_fraction(energy, tunneling_max)
    b = np.asarray(tunneling_max, dtype=float) / energy
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = resonant_log_average(energy, tunneling_max) / resonant_fraction(energy, tunneling_max)
    # far above Δ°_max the closed form cancels catastrophically: α² = ½(1 − b²/8) + O(b⁴) there
    return np.sqrt(np.where(b < 1e-3, 0.5 * (1.0 - b**2 / 8.0), ratio))


def sample_resonant_alpha(
    rng: np.random.Generator, n: int, frequency: float, tunneling_max: float
) -> tuple[float, float]:
    """Monte Carlo of :func:`resonant_alpha` (f below Δ°_max/h): (α, standard error of α).

    Δ° is drawn from the resonant weight by inverting its distribution function,
    Δ°/E = √(1 − (1 − u)²), and α² is the mean of ln(Δ°_max/Δ°).
    """
    energy = constants.h * frequency
    u = rng.random(n)
    tunneling = energy * np.sqrt(1.0 - (1.0 - u) ** 2)
    logs = np.log(tunneling_max / tunneling)
    alpha = float(np.sqrt(logs.mean()))
    return alpha, float(logs.std(ddof=1) / np.sqrt(n) / (2.0 * alpha))


def resonant_velocity_change(
    temperature_1: float,
    temperature_2: float,
    tunneling_max: float,
    alpha: float | None = None,
    correlated: bool = False,
) -> float:
    """[Δv/v(T₂) − Δv/v(T₁)] of the resonant process, in units of C_o.

    A TLS softens the solid by (γΔ°/E)² tanh(E/2k_BT)/E (second-order shift of its
    levels); summed over P̄/Δ° at fixed E this is the resonant weight, so

        Δv/v(T) = −C_o ∫ dE tanh(E/2k_BT)/E × G(E),

    G = ⟨ln(Δ°_max/Δ°)⟩_E for the full model (Eq. 10) and α² × (share with Δ° < Δ°_max) for
    the standard one. For constant γ and no cut-off the difference is α² ln(T₂/T₁): a
    slope C per e-fold of T (Frullani's integral).

    Parameters
    ----------
    temperature_1, temperature_2 : float
        T₁ and T₂ [K].
    tunneling_max : float
        Δ°_max [J].
    alpha : float or None, optional
        None for the full model, else γ/γ_o.
    correlated : bool, optional
        With the γ–ε correlation: G = ∫w ln^{1/2}(Δ°_max/Δ°) (:func:`resonant_sqrt_log_average`)
        and α × share, in units of κ(γ_o) C_o.
    """
    k1, k2 = 2.0 * constants.k * temperature_1, 2.0 * constants.k * temperature_2

    def integrand(u: float) -> float:
        energy = np.exp(u)
        if alpha is None and correlated:
            g = float(resonant_sqrt_log_average(energy, tunneling_max))
        elif alpha is None:
            g = float(resonant_log_average(energy, tunneling_max))
        else:
            g = (alpha if correlated else alpha**2) * float(resonant_fraction(energy, tunneling_max))
        return (np.tanh(energy / k1) - np.tanh(energy / k2)) * g

    low = np.log(1e-14 * min(k1, k2))
    high = np.log(60.0 * max(k1, k2))
    breaks = [np.log(tunneling_max)] if low < np.log(tunneling_max) < high else None
    return float(integrate.quad(integrand, low, high, points=breaks, limit=400, epsabs=0.0, epsrel=1e-11)[0])


def velocity_alpha(temperature_1: float, temperature_2: float, tunneling_max: float, correlated: bool = False) -> float:
    """α of the resonant sound-velocity change between T₁ and T₂ (slope C of Δv/v per e-fold).

    α² = full / standard(α = 1) from :func:`resonant_velocity_change`, both of which are
    linear in γ².

    Parameters
    ----------
    temperature_1, temperature_2 : float
        T₁ ≠ T₂ [K].
    tunneling_max : float
        Δ°_max [J].
    correlated : bool, optional
        With the γ–ε correlation; the standard model is then linear in α, so α = full/standard(1).
    """
    full = resonant_velocity_change(temperature_1, temperature_2, tunneling_max, correlated=correlated)
    standard = resonant_velocity_change(temperature_1, temperature_2, tunneling_max, alpha=1.0, correlated=correlated)
    return float(full / standard) if correlated else float(np.sqrt(full / standard))


#: Quadrature of velocity_slope_alpha: t = ln x (x = E/2k_BT) on [ln 1e-20, ln 40], split at t* = ln x*,
#: x* = Δ°_max/2k_BT, each side in u with |t − t*| = c ln(1 + e^{u/c}); trapezoid step in u, c, and the
#: smallest |t − t*| of the nodes.
_SLOPE_RANGE = (np.log(1e-20), np.log(40.0))
_SLOPE_STEP = 0.2
_SLOPE_SCALE = 1.0
_SLOPE_EDGE = 1e-14


def _slope_nodes(t_star: float) -> tuple[np.ndarray, np.ndarray]:
    """Nodes t and weights (dt) of ∫ f(t) dt over _SLOPE_RANGE for an f whose only non-smooth point is t*.

    On each side of t_s = t* (clipped to the range), |t − t_s| = w(u) = c ln(1 + e^{u/c}), dw/du = σ(u/c)
    = 1/(1 + e^{−u/c}): w ≈ u far from t_s, w ≈ c e^{u/c} → 0 as u → −∞. Whatever f does at t_s — a
    √w onset, a w^{3/2} or w ln w term — f(t_s ± w(u)) σ(u/c) is analytic in u and decays like e^{u/c},
    so the trapezoid rule in u converges exponentially from both ends (u from w = 1e-14 to the range's
    end, where f has decayed).
    """
    low, high = _SLOPE_RANGE
    c, h = _SLOPE_SCALE, _SLOPE_STEP
    split = min(max(t_star, low), high)
    nodes, weights = [], []
    for sign, span in ((-1.0, split - low), (1.0, high - split)):
        if span <= _SLOPE_EDGE:
            continue
        u_low = c * np.log(np.expm1(_SLOPE_EDGE / c))
        u_high = span + c * np.log(-np.expm1(-span / c))  # w(u_high) = span
        u = np.linspace(u_low, u_high, max(int(np.ceil((u_high - u_low) / h)), 1) + 1)
        w, dw = _softplus(u, c)
        nodes.append(split + sign * w)
        weights.append((u[1] - u[0]) * dw)
    return np.concatenate(nodes), np.concatenate(weights)


def velocity_slope_alpha(temperature: float, tunneling_max: float, correlated: bool = False) -> float:
    """α of the local resonant slope d(Δv/v)/d ln T at T (the limit T₁, T₂ → T of :func:`velocity_alpha`).

    d tanh(E/2k_BT)/d ln T = −x sech²x (x = E/2k_BT), so the slope per e-fold is
    C_o ∫₀^∞ sech²x G(2k_BTx) dx: α² = ∫sech²x G / ∫sech²x share, G = ⟨ln(Δ°_max/Δ°)⟩ × share;
    with the correlation α = ∫sech²x H / ∫sech²x share, H of :func:`resonant_sqrt_log_average`.
    Without the correlation and for k_BT ≪ Δ°_max it is :func:`velocity_alpha_closed_form` at T.

    The integrals are taken in t = ln x (dx = x dt; x sech²x G decays like x ln x and e^{−2x}) on
    [ln 1e-20, ln 40] (below x = 1e-20 the integrands add < 1e-18). At x* = Δ°_max/2k_BT
    (b = Δ°_max/E = 1) every integrand is non-smooth: above it share = 1 − s and
    G = 1 − ln 2 + ln(1 + s) − s with s = √(1 − b²) ≈ √(2(t − t*)) (a √ onset in share, (t − t*)^{3/2}
    in G), and H has (t − t*) ln|t − t*| terms on both sides (its second derivative grows like
    1/|t − t*|). So the range is split at t* and each side is integrated in u with
    |t − t*| = ln(1 + e^u) (:func:`_slope_nodes`, Jacobian σ(u) = 1/(1 + e^{−u})), which makes every
    such term analytic in u; the trapezoid rule in u (step 0.2, ~570 nodes) then agrees with adaptive
    quadrature split at x* to ≤ 2e-14 (the uniform t grid of step 0.02, 1800 nodes, used before
    was good to ~1e-4 where Δ°_max lies among the thermal energies).

    Parameters
    ----------
    temperature : float
        T [K].
    tunneling_max : float
        Δ°_max [J].
    correlated : bool, optional
        With the γ–ε correlation.
    """
    two_kt = 2.0 * constants.k * temperature
    t, dt = _slope_nodes(float(np.log(tunneling_max / two_kt)))
    x = np.exp(t)
    energy = two_kt * x
    weight = dt * x / np.cosh(x) ** 2
    g = resonant_sqrt_log_average(energy, tunneling_max) if correlated else resonant_log_average(energy, tunneling_max)
    share = resonant_fraction(energy, tunneling_max)
    ratio = np.sum(weight * g) / np.sum(weight * share)
    return float(ratio if correlated else np.sqrt(ratio))


def velocity_alpha_closed_form(
    temperature_1: ArrayLike, temperature_2: ArrayLike, tunneling_max: ArrayLike
) -> np.ndarray:
    """α² = ln(Δ°_max/k_B√(T₁T₂)) + 1 + γ_Euler − ln π, valid for k_BT₁, k_BT₂ ≪ Δ°_max.

    From ∫₀^∞ [tanh(aE) − tanh(bE)] ln E dE/E = ln(a/b)[c − ½ ln(ab)] with
    c = ∫₀^∞ ln x sech²x dx = ln(π/4) − γ_Euler, and G(E) = ln(Δ°_max/E) + 1 − ln 2.

    Parameters
    ----------
    temperature_1, temperature_2 : array_like
        T₁ and T₂ [K].
    tunneling_max : array_like
        Δ°_max [J].
    """
    t_geo = np.sqrt(np.asarray(temperature_1, dtype=float) * np.asarray(temperature_2, dtype=float))
    return np.sqrt(np.log(np.asarray(tunneling_max, dtype=float) / (constants.k * t_geo)) + VELOCITY_LOG_OFFSET)


def conductivity_alpha(temperature: ArrayLike, tunneling_max: float, correlated: bool = False) -> np.ndarray:
    """α of a thermal-conductivity measurement at T: the constant C that gives the full κ(T).

    Uses :func:`tlslib.thermal_conductivity.model_thermal_conductivity` (phonons up to
    ħω = Δ°_max, each scattered with its own C(ħω)); the standard κ is restricted to the
    same phonons, κ_std = n k_B³T²/(6π³ħ²Cv) ∫₀^{x_top} w(x) dx, so α² = κ_std(C_o)/κ_full.
    α depends on T and Δ°_max only (C(ħω) scales with the glass).

    Parameters
    ----------
    temperature : array_like
        T [K].
    tunneling_max : float
        Δ°_max [J].
    correlated : bool, optional
        With the γ–ε correlation: each phonon scattered with κ-weighted C(ħω) ∝ ⟨γ/γ_o⟩ at ħω
        (:func:`resonant_sqrt_log_average`), the standard one with κ(αγ_o)α² ∝ α, so
        α = ∫w / ∫(w/⟨γ/γ_o⟩) over the same phonons.
    """
    t = np.asarray(temperature, dtype=float).ravel()  # any shape: one quad per temperature
    if correlated:
        values = []
        for temp in t:
            kt = constants.k * temp
            x_top = min(tunneling_max / kt, 150.0)
            kept = integrate.quad(conductivity_weight, 0.0, x_top, epsrel=1e-12, limit=200)[0]

            def inverse(x: float, kt: float = kt) -> float:
                return float(conductivity_weight(x)) / float(resonant_sqrt_log_average(x * kt, tunneling_max))

            values.append(kept / integrate.quad(inverse, 0.0, x_top, epsrel=1e-10, limit=200)[0])
        return np.array(values).reshape(np.shape(temperature))
    # any glass: P̄ = γ_o = ρ = v = 1 in SI, so C_o = 1 and the material cancels in the ratio
    kappa_full = model_thermal_conductivity(t, tunneling_max, 1.0, 1.0, 1.0, 1.0)
    x_top = np.minimum(tunneling_max / (constants.k * t), 150.0)
    kept = np.array([integrate.quad(conductivity_weight, 0.0, xt, epsrel=1e-12, limit=200)[0] for xt in x_top])
    kappa_std = 3.0 * constants.k**3 * t**2 * kept / (6.0 * np.pi**3 * constants.hbar**2)
    return np.sqrt(kappa_std / kappa_full).reshape(np.shape(temperature))


def sample_conductivity_alpha(
    rng: np.random.Generator, n: int, temperature: float, tunneling_max: float
) -> tuple[float, float]:
    """Monte Carlo of :func:`conductivity_alpha`: (α, standard error of α).

    Phonon energies x = ħω/k_BT uniform on [0, x_top] (x_top = min(Δ°_max/k_BT, 60)),
    α² = ∫w / ∫(w/G) with G the resonant ⟨ln(Δ°_max/Δ°)⟩ at ħω (closed form checked separately);
    the error is propagated from the two sample means.
    """
    kt = constants.k * temperature
    x_top = min(tunneling_max / kt, 60.0)
    x = x_top * rng.random(n)
    w = conductivity_weight(x)
    inv = w / resonant_log_average(x * kt, tunneling_max)
    ratio = w.mean() / inv.mean()
    cov = np.cov(w, inv)
    var = (cov[0, 0] / inv.mean() ** 2 - 2 * cov[0, 1] * w.mean() / inv.mean() ** 3) + cov[1, 1] * w.mean() ** 2 / (
        inv.mean() ** 4
    )
    alpha = float(np.sqrt(ratio))
    return alpha, float(np.sqrt(var / n) / (2.0 * alpha))


def measurement_alpha(
    kind: str,
    material: Material,
    parameters: ParameterSet,
    *,
    frequency: float | None = None,
    temperature: float | None = None,
    temperature_2: float | None = None,
) -> float:
    """The α of one measurement on one glass (what ``predict --measurement`` uses).

    ``relaxation`` needs f [Hz] and T [K]; ``resonant`` f; ``velocity`` T and T₂; ``conductivity`` T.
    Of the model choices it uses Δ°_max (``parameters.tunneling_max``) and, for ``relaxation``, the
    number of phonon branches n (``parameters.relaxation_branches``). The relaxation window is the
    model's own, Δ°_max e^{−γ_max²/γ_o²} < Δ° < Δ°_max (Eqs. 4, 13).

    Raises
    ------
    InputError
        Unknown kind, or a needed frequency/temperature missing, non-numeric, non-finite or ≤ 0.
    """
    if kind not in MEASUREMENTS:
        raise InputError(f"unknown measurement {kind!r}; choose one of {', '.join(MEASUREMENTS)}")
    need = {
        "relaxation": ("frequency", "temperature"),
        "resonant": ("frequency",),
        "velocity": ("temperature", "temperature_2"),
        "conductivity": ("temperature",),
    }[kind]
    given = {"frequency": frequency, "temperature": temperature, "temperature_2": temperature_2}
    values = {}
    for name in need:
        if given[name] is None:
            raise InputError(f"measurement {kind!r} needs {name.replace('_', ' ')}")
        values[name] = positive_finite(name.replace("_", " "), given[name])
    tunneling_max, branches = parameters.tunneling_max, parameters.relaxation_branches
    if kind == "resonant":
        return float(resonant_alpha(values["frequency"], tunneling_max))
    if kind == "conductivity":
        return float(conductivity_alpha(values["temperature"], tunneling_max))
    if kind == "velocity":
        if values["temperature"] == values["temperature_2"]:
            raise InputError("velocity needs two different temperatures")
        return velocity_alpha(values["temperature"], values["temperature_2"], tunneling_max)
    g_o = float(gamma_o_of(material.density, material.velocity, material.formula_volume))
    g_max = float(gamma_max_of(material.density, material.velocity, material.formula_volume))
    low, _ = tunneling_window(g_max, g_o, tunneling_max)
    rate = float(relaxation_rate_scale(g_o, material.density, material.velocity, branches))
    return relaxation_alpha(values["frequency"], values["temperature"], rate, tunneling_max, float(low))


def tunneling_time_alpha(frequency: ArrayLike, tunneling_max: float) -> np.ndarray:
    """α = ln^{1/2}(Δ°_max/hf): Eq. (10) at the Δ° whose tunneling time h/Δ° is the period 1/f.

    The paper's reading of "which TLS respond on experimental timescales" (text above Eq. 12,
    where Δ° = 5×10⁻¹¹ K goes with 1 s).

    Parameters
    ----------
    frequency : array_like
        f [Hz].
    tunneling_max : float
        Δ°_max [J].
    """
    return np.sqrt(np.log(tunneling_max / (constants.h * np.asarray(frequency, dtype=float))))


def resonant_tunneling_over_hf(frequency: float, tunneling_max: float) -> float:
    """Δ°/hf of the TLS whose Eq. (10) coupling is the α of resonant absorption at f.

    Δ°_max e^{−α²}/hf = e^{−(1 − ln 2)} = 2/e for hf < Δ°_max (Eq. eq-wa-resonant of which-alpha).

    Parameters
    ----------
    frequency : float
        f [Hz].
    tunneling_max : float
        Δ°_max [J].
    """
    f = float(frequency)
    alpha = float(resonant_alpha(f, tunneling_max))
    return float(tunneling_max * np.exp(-(alpha**2)) / (constants.h * f))


# ------------------------------------------------------------------ the γ–ε correlation as a model variant


def correlation_weight(tunneling: ArrayLike, gamma_ratio: float, tunneling_max: float) -> np.ndarray:
    """κ(Δ°) = P(0 | γ)/P(0) = γ_max/(2γ(Δ°)) = (γ_max/2γ_o) ln^{−1/2}(Δ°_max/Δ°), the weight of the variant.

    In the frozen state the local field on a TLS is its own coupling times a random field,
    ε = s g h with g = γ/γ_max (book/mean-field-dos.md), so the density of small ε given γ is
    P_h(0)/g; normalised over γ² uniform on [0, γ_max²] (⟨1/g⟩ = 2) it is κ = 1/(2g), the
    :func:`tlslib.error_budget.correlation_factor` of the budget. With Eq. (10) every Δ° integral
    of the full model carries κ(Δ°); the standard model with γ = αγ_o carries κ(αγ_o) = γ_max/(2αγ_o).
    The common factor γ_max/(2γ_o) = κ(γ_o) cancels in every α; the functions of this module
    (``correlated=True``) therefore weight by κ/κ(γ_o) = ℓ^{−1/2} and 1/α.

    Parameters
    ----------
    tunneling : array_like
        Δ° [J], in (0, Δ°_max).
    gamma_ratio : float
        γ_o/γ_max of the glass.
    tunneling_max : float
        Δ°_max [J].
    """
    g = gamma_ratio * np.sqrt(np.log(tunneling_max / np.asarray(tunneling, dtype=float)))
    return np.asarray(correlation_factor(g), dtype=float)


def correlated_coupling_constant(gamma_o: ArrayLike, gamma_max: ArrayLike, alpha: ArrayLike) -> np.ndarray:
    """C = κ(αγ_o) α²(γ_o/γ_max)⁴/3 = α (γ_o/γ_max)³/6: Eq. (12) with the γ–ε correlation (∝ α, not α²).

    Parameters
    ----------
    gamma_o, gamma_max : array_like
        γ_o of Eq. (5) and γ_max of Eq. (13) [J].
    alpha : array_like
        γ_eff/γ_o.
    """
    ratio = np.asarray(gamma_o, dtype=float) / np.asarray(gamma_max, dtype=float)
    return correlation_factor(np.asarray(alpha, dtype=float) * ratio) * universal_coupling_constant(
        gamma_o, gamma_max, alpha
    )


def correlated_alpha_for_coupling_constant(
    coupling_constant: ArrayLike, gamma_o: ArrayLike, gamma_max: ArrayLike
) -> np.ndarray:
    """The α with which :func:`correlated_coupling_constant` gives a target C: α_needed²/κ(γ_o).

    α_needed is :func:`tlslib.effective_model.alpha_for_coupling_constant` (C = α² C_o) and the
    variant has C = α κ(γ_o) C_o, κ(γ_o) = γ_max/(2γ_o).

    Parameters
    ----------
    coupling_constant : array_like
        Target C.
    gamma_o, gamma_max : array_like
        γ_o and γ_max [J].
    """
    ratio = np.asarray(gamma_o, dtype=float) / np.asarray(gamma_max, dtype=float)
    return alpha_for_coupling_constant(coupling_constant, gamma_o, gamma_max) ** 2 / correlation_factor(ratio)


# ------------------------------------------------------------------ the velocity slope in the relaxation regime


def _relaxation_dispersion(
    frequency: float,
    temperature: float,
    rate_scale: float,
    tunneling_max: float,
    tunneling_min: float,
    g: float | None,
    correlated: bool,
) -> tuple[float, float]:
    """(D, dD/d ln g) of the relaxation part of Δv/v (units C_o), g = α² or None (full model).

    D = −½ C_o ∫dy sech²(y/2) ∫ d ln Δ° (ε/E) g/(1 + ω²τ²) on the grid of the internal friction
    (the same integrand with φ(ωτ) = ωτ/(1 + ω²τ²) replaced by ½/(1 + ω²τ²)); weighted by ℓ^{−1/2}
    or 1/α with the correlation. Its absolute value has no meaning (it depends on the window's
    Δ°_min and on T_o); its change with T does.
    """
    grid = _grid(temperature, tunneling_max, tunneling_min)
    base = 2.0 * np.pi * frequency / rate_scale * grid["tau_part"]
    w = grid["weight"]
    if g is None:
        lr = grid["log_ratio"]  # ℓ ≥ 1e-12 on the grid
        term = lr ** (2.5 if correlated else 3.0) / (lr**2 + base**2)  # × ℓ^{−1/2} with the correlation
        return -0.5 * float(np.sum(w * term)), 0.0
    b2 = base**2
    d = -0.5 * float(np.sum(w * g**3 / (g**2 + b2)))
    dd = -0.5 * float(np.sum(w * g**3 * (g**2 + 3.0 * b2) / (g**2 + b2) ** 2))  # d/d ln g
    if correlated:  # × g^{−1/2}
        return d / np.sqrt(g), (dd - 0.5 * d) / np.sqrt(g)
    return d, dd


def relaxation_velocity_change(
    frequency: float,
    temperature_1: float,
    temperature_2: float,
    rate_scale: float,
    tunneling_max: float,
    tunneling_min: float = 0.0,
    alpha: float | None = None,
    correlated: bool = False,
) -> float:
    """Δv/v(T₂) − Δv/v(T₁) at frequency f, resonant plus relaxation part, in units of C_o.

    The relaxation part of a TLS is −½ χ/(1 + ω²τ²) with χ the strength of its internal
    friction χ ωτ/(1 + ω²τ²) (a Debye relaxation of the modulus; Δv/v = ½ ΔM/M), so

        Δv/v_rel = −½ C_o ∫dy sech²(y/2) ∫ d ln Δ° (ε/E) g(Δ°)/(1 + ω²τ²);

    the resonant part is :func:`resonant_velocity_change`. With g = α² and ωτ ≪ 1 for the thermal
    TLS the change per e-fold of T is +α² (resonant) − (3/2)α² (relaxation) = −α²/2: the
    standard model's Δv/v = −(C/2) ln(T/T_o) (text below Eq. 1).

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature_1, temperature_2 : float
        T₁ and T₂ [K].
    rate_scale : float
        R(γ_o) of :func:`relaxation_rate_scale` [J⁻³ s⁻¹].
    tunneling_max, tunneling_min : float, optional
        The Δ° window [J].
    alpha : float or None, optional
        None for the full model, else γ/γ_o.
    correlated : bool, optional
        With the γ–ε correlation (units κ(γ_o) C_o).
    """
    g = None if alpha is None else alpha**2
    d2, _ = _relaxation_dispersion(frequency, temperature_2, rate_scale, tunneling_max, tunneling_min, g, correlated)
    d1, _ = _relaxation_dispersion(frequency, temperature_1, rate_scale, tunneling_max, tunneling_min, g, correlated)
    resonant = _resonant_change(temperature_1, temperature_2, tunneling_max, alpha is None, correlated)
    if alpha is not None:
        resonant *= alpha if correlated else alpha**2
    return float(resonant + d2 - d1)


@lru_cache(maxsize=256)
def _resonant_change(t1: float, t2: float, tunneling_max: float, full: bool, correlated: bool) -> float:
    """:func:`resonant_velocity_change`, full or at α = 1, cached (it does not depend on the glass)."""
    return resonant_velocity_change(t1, t2, tunneling_max, None if full else 1.0, correlated)


def _check_slope_interval(temperature_1: float, temperature_2: float) -> None:
    """Refuse a slope between temperatures closer than 1e-6 in ln T (the difference is rounding noise)."""
    if not abs(np.log(temperature_2 / temperature_1)) >= 1e-6:
        raise InputError(
            f"a velocity slope needs two different temperatures (|ln(T2/T1)| >= 1e-6; got T1 = {temperature_1:g} K, "
            f"T2 = {temperature_2:g} K)"
        )


def relaxation_slope_alpha(
    frequency: float,
    temperature_1: float,
    temperature_2: float,
    rate_scale: float,
    tunneling_max: float,
    tunneling_min: float = 0.0,
    correlated: bool = False,
    initial_alpha: float = 3.0,
) -> float:
    """α of a sound-velocity slope measured at f between T₁ and T₂ (Eq. eq-wa-definition).

    Solves S_std(α) = S_full for S = :func:`relaxation_velocity_change`, resonant and relaxation
    parts together. In the relaxation regime (ωτ ≪ 1 for the thermal TLS) S_std = −(α²/2) ln(T₂/T₁),
    the paper's −C/2, and α approaches :func:`relaxation_slope_alpha_asymptotic`; outside it the
    exact standard slope is used, so the definition holds at any f and T (see
    :func:`relaxation_regime_ratio` for how close to −C/2 the standard slope is). Newton's method
    on ln g (g = α²), NaN when the standard slope cannot reach the full one.

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature_1, temperature_2 : float
        T₁ ≠ T₂ [K], |ln(T₂/T₁)| ≥ 1e-6 (a closer pair gives a slope of rounding noise: refused).
    rate_scale : float
        R(γ_o) [J⁻³ s⁻¹].
    tunneling_max, tunneling_min : float, optional
        The Δ° window [J].
    correlated : bool, optional
        With the γ–ε correlation in both models.
    initial_alpha : float, optional
        Start of Newton's method. In the relaxation regime the root is unique and does not depend
        on it; far outside it (:func:`relaxation_regime_ratio` ≲ 0) S_std(α) = S_full can have two
        roots and the start picks one (SiO₂ at 100 Hz, 22–45 mK: 0.41 from a start ≤ 1.5, 2.46
        from a start ≥ 2).
    """
    _check_slope_interval(temperature_1, temperature_2)
    args = (frequency, temperature_1, temperature_2, rate_scale, tunneling_max, tunneling_min)
    target = relaxation_velocity_change(*args, None, correlated)
    res1 = _resonant_change(temperature_1, temperature_2, tunneling_max, False, correlated)
    p = 0.5 if correlated else 0.0

    def s_and_slope(lng: float) -> tuple[float, float]:
        g = float(np.exp(lng))
        d2, dd2 = _relaxation_dispersion(
            frequency, temperature_2, rate_scale, tunneling_max, tunneling_min, g, correlated
        )
        d1, dd1 = _relaxation_dispersion(
            frequency, temperature_1, rate_scale, tunneling_max, tunneling_min, g, correlated
        )
        return res1 * g ** (1.0 - p) + d2 - d1, (1.0 - p) * res1 * g ** (1.0 - p) + dd2 - dd1

    lng = 2.0 * np.log(initial_alpha)
    for _ in range(40):
        value, slope = s_and_slope(lng)
        if slope == 0.0:
            break
        step = float(np.clip((target - value) / slope, -1.0, 1.0))
        lng += step
        if abs(step) < 1e-12:
            return float(np.exp(lng / 2.0))
    try:
        root = optimize.brentq(lambda x: s_and_slope(x)[0] - target, np.log(1e-2), np.log(1e2), xtol=1e-13)
    except ValueError:
        return float("nan")
    return float(np.exp(root / 2.0))


def relaxation_regime_ratio(
    frequency: float,
    temperature_1: float,
    temperature_2: float,
    rate_scale: float,
    alpha: float,
    tunneling_max: float,
    tunneling_min: float = 0.0,
    correlated: bool = False,
) -> float:
    """S_std(α)/(−½ α² ln(T₂/T₁)): 1 deep in the relaxation regime, where the paper's −C/2 holds.

    With the correlation both slopes carry 1/α, and the ratio is the same expression.

    Parameters
    ----------
    frequency, temperature_1, temperature_2, rate_scale, tunneling_max, tunneling_min, correlated
        As in :func:`relaxation_slope_alpha`.
    alpha : float
        γ/γ_o of the standard model.
    """
    s = relaxation_velocity_change(
        frequency, temperature_1, temperature_2, rate_scale, tunneling_max, tunneling_min, alpha, correlated
    )
    plain = s * alpha if correlated else s
    return float(plain / (-0.5 * alpha**2 * np.log(temperature_2 / temperature_1)))


def paper_slope_alpha(
    frequency: float,
    temperature_1: float,
    temperature_2: float,
    rate_scale: float,
    tunneling_max: float,
    tunneling_min: float = 0.0,
) -> float:
    """α² = −2 S_full/ln(T₂/T₁): the full model's slope read with the paper's Δv/v = −(C/2) ln(T/T_o).

    What an experimentalist who fits −C/2 reports, C = α² C_o; it equals
    :func:`relaxation_slope_alpha` where :func:`relaxation_regime_ratio` is 1. 0 for a flat slope (the
    standard model with γ = 0), NaN for a rising one.

    Parameters
    ----------
    frequency, temperature_1, temperature_2, rate_scale, tunneling_max, tunneling_min
        As in :func:`relaxation_slope_alpha`.
    """
    _check_slope_interval(temperature_1, temperature_2)
    s = relaxation_velocity_change(frequency, temperature_1, temperature_2, rate_scale, tunneling_max, tunneling_min)
    per_efold = s / np.log(temperature_2 / temperature_1)
    return float(np.sqrt(max(-2.0 * per_efold, 0.0))) if per_efold <= 0 else float("nan")


def relaxation_slope_alpha_asymptotic(
    frequency: float, temperature: float, rate_scale: float, tunneling_max: float
) -> float:
    """α² = 2⟨g*²/(2g* − 1)⟩ ≈ ⟨g*⟩ + ½: the relaxation-regime slope at T deep in the regime.

    Derivation (chapter which-alpha, dropdown "the relaxation slope"): at fixed y = E/k_BT the
    inner integral of :func:`relaxation_velocity_change` is ∫₀^∞ du (ε/E) g/(1 + ω²τ²) with
    u = ln(E/Δ°), g = ln(Δ°_max/E) + u and ωτ = (ω/R E³ coth(y/2)) e^{2u}/g. Deep in the regime
    the cut-off acts as a step at ωτ = 1, i.e. at Δ°* = [ω/(R g* E coth(y/2))]^{1/2} with
    g* = ln(Δ°_max/Δ°*) (solved by iteration); the step's correction is odd about u* and drops
    out, and ε/E = (1 − e^{−2u})^{1/2} costs a constant −(1 − ln 2) ln(Δ°_max/E). So the inner
    integral is ℓ_E u* + u*²/2 − (1 − ln 2)ℓ_E + const (ℓ_E = ln(Δ°_max/E)); with dℓ_E/d ln T = −1,
    d ln(ω/R E³ coth)/d ln T = −3 and du*/d ln T = (3g* − 1)/(2g* − 1) its T-derivative is
    ℓ_E + g*²/(2g* − 1) + 1 − ln 2. The y-average (weight ½ sech²(y/2)) of ℓ_E is
    ln(Δ°_max/k_BT) + γ_Euler − ln(π/2), and the resonant slope is ln(Δ°_max/k_BT) + 1 + γ_Euler − ln π
    (Eq. eq-wa-velocity-closed); the sum, resonant − relaxation, leaves S_full = −C_o ⟨g*²/(2g* − 1)⟩
    per e-fold. The standard model (g = α²) gives −α²/2, hence the formula. Corrections are of
    relative order (ωτ at E ≈ Δ°*)^{1/2} from the TLS with E ≲ k_BT whose Δ°* exceeds E.

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature : float
        T [K].
    rate_scale : float
        R(γ_o) [J⁻³ s⁻¹].
    tunneling_max : float
        Δ°_max [J].
    """
    omega = 2.0 * np.pi * frequency
    kt = constants.k * temperature

    def term(y: float) -> float:
        energy = y * kt
        g = np.log(tunneling_max / energy) + 10.0
        for _ in range(200):
            new = float(np.log(tunneling_max / np.sqrt(omega * np.tanh(y / 2.0) / (rate_scale * g * energy))))
            if abs(new - g) < 1e-14:
                break
            g = new
        return 0.5 / np.cosh(y / 2.0) ** 2 * g**2 / (2.0 * g - 1.0)

    return float(np.sqrt(2.0 * integrate.quad(term, 1e-9, 80.0, limit=400, epsabs=0.0, epsrel=1e-11)[0]))
