import builtins
import math
import warnings

import numpy as np
import pytest
from scipy import constants, integrate, special

import tlslib.measurement_alpha as ma
from tlslib.coupling import gamma_max, gamma_o
from tlslib.effective_model import tunneling_window
from tlslib.materials import Material
from tlslib.measurement_alpha import (
    VELOCITY_LOG_OFFSET,
    conductivity_alpha,
    correlated_alpha_for_coupling_constant,
    correlated_coupling_constant,
    correlation_weight,
    measurement_alpha,
    one_phonon_relaxation_rate,
    paper_slope_alpha,
    relaxation_alpha,
    relaxation_internal_friction,
    relaxation_rate_scale,
    relaxation_regime_ratio,
    relaxation_slope_alpha,
    relaxation_slope_alpha_asymptotic,
    relaxation_velocity_change,
    resonant_alpha,
    resonant_sqrt_log_average,
    resonant_velocity_change,
    sample_conductivity_alpha,
    sample_relaxation_internal_friction,
    sample_resonant_alpha,
    standard_relaxation_internal_friction,
    velocity_alpha,
    velocity_alpha_closed_form,
    velocity_slope_alpha,
)
from tlslib.paper.parameters import PAPER
from tlslib.validation import InputError

K = constants.k
DMAX = 10.0 * K
SIO2 = Material("SiO2", 2200.0, 4163.0, 45.3e-30)
G_O = float(gamma_o(SIO2.density, SIO2.velocity, SIO2.formula_volume))
G_MAX = float(gamma_max(SIO2.density, SIO2.velocity, SIO2.formula_volume))
RATE = float(relaxation_rate_scale(G_O, SIO2.density, SIO2.velocity, branches=PAPER.relaxation_branches))


def test_rate_scale_is_three_gamma_squared_over_two_pi_rho_v5_hbar4():
    # γ = 1 eV, ρ = 2200, v = 4163: 3 (1.602e-19)² / (2π 2200 4163⁵ ħ⁴) = 3.58e76 J⁻³ s⁻¹
    r = relaxation_rate_scale(constants.eV, 2200.0, 4163.0, branches=PAPER.relaxation_branches)
    assert float(r) == pytest.approx(3.58e76, rel=1e-2, abs=0)
    # τ⁻¹ at E = Δ° (symmetric TLS) of 1 K, T → 0 (coth → 1): R (k·1 K)³
    rate = one_phonon_relaxation_rate(K, K, constants.eV, 1e-3, 2200.0, 4163.0, branches=PAPER.relaxation_branches)
    assert float(rate) == pytest.approx(float(r) * K**3, rel=1e-12, abs=0)


def test_relaxation_rate_carries_coth_of_e_over_two_k_t():
    # E = Δ° = k·1 K at T = 0.5 K: x = E/(2 k T) = 1, so τ⁻¹(T)/τ⁻¹(T → 0) = coth 1 = 1.3130353
    # (with E/(k T) it would be coth 2 = 1.0373)
    warm = one_phonon_relaxation_rate(K, K, constants.eV, 0.5, 2200.0, 4163.0, branches=PAPER.relaxation_branches)
    cold = one_phonon_relaxation_rate(K, K, constants.eV, 1e-3, 2200.0, 4163.0, branches=PAPER.relaxation_branches)
    assert float(warm / cold) == pytest.approx(1.3130353, rel=1e-7)


def test_solve_alpha_newton_and_brent_fallback_give_the_same_root(monkeypatch):
    from tlslib import measurement_alpha as module

    # one grid point, weight 1, base 1: Q(g) = g²/(g² + 1) = 0.8 at g = α² = 2, so α = √2
    weight, base = np.array([1.0]), np.array([1.0])
    assert module._solve_alpha(0.8, weight, base) == pytest.approx(np.sqrt(2.0), rel=1e-12)
    # no Newton step at all (the module's range() yields nothing): Brent's method on ln g alone
    monkeypatch.setattr(module, "range", lambda n: iter(()), raising=False)
    assert module._solve_alpha(0.8, weight, base) == pytest.approx(np.sqrt(2.0), rel=1e-12)


def test_constant_coupling_relaxation_plateau_is_pi_over_two_alpha_squared():
    # ωτ_min ≪ 1 for the thermal TLS: Q⁻¹ → (π/2) α² C_o (text below Eq. 1). The approach is
    # ∝ ω^(1/2) (TLS with E ≪ k_BT have ωτ_min ∝ (k_BT/E)²): 7.5e-4 short at 1 mHz, ~1e-6 at 1 nHz
    for alpha in (1.0, 2.5):
        q = relaxation_internal_friction(1e-9, 0.1, RATE, alpha=alpha, tunneling_max=PAPER.tunneling_max)
        assert q / (np.pi / 2 * alpha**2) == pytest.approx(1.0, abs=3e-6)
    assert relaxation_internal_friction(1e-3, 0.1, RATE, alpha=1.0, tunneling_max=PAPER.tunneling_max) / (
        np.pi / 2
    ) == pytest.approx(1 - 7.5e-4, abs=1e-5)


@pytest.mark.parametrize(("f", "t", "alpha"), [(1e3, 0.5, 2.5), (15e6, 1.0, 1.5), (1e8, 0.3, 2.0), (1e9, 0.02, 3.0)])
def test_relaxation_grid_matches_closed_form_of_constant_coupling(f, t, alpha):
    # inner Δ° integral in closed form (complex artanh), E integral by adaptive quadrature
    grid = relaxation_internal_friction(f, t, RATE, tunneling_max=DMAX, alpha=alpha)
    closed = standard_relaxation_internal_friction(f, t, RATE, alpha, tunneling_max=DMAX)
    assert grid == pytest.approx(closed, rel=1e-8)


def test_full_relaxation_matches_adaptive_double_quadrature():
    # Q⁻¹/C_o = ∫dy sech²(y/2) ∫ d lnΔ° (ε/E) L φ(ωτ), L = ln(Δmax/Δ°), τ⁻¹ = R L Δ°² E coth(y/2)
    f, t = 1e3, 0.5
    kt = K * t

    def integrand(s, y):  # s = ln(E/Δ°) ≥ 0
        energy = y * kt
        delta = energy * np.exp(-s)
        if delta >= DMAX:
            return 0.0
        g = np.log(DMAX / delta)
        wt = 2 * np.pi * f / (RATE * g * delta**2 * energy / np.tanh(y / 2))
        return np.cosh(y / 2) ** -2 * np.sqrt(1 - np.exp(-2 * s)) * g * wt / (1 + wt**2)

    value = integrate.dblquad(integrand, 1e-6, 60.0, 0.0, 80.0, epsabs=0, epsrel=1e-9)[0]
    assert relaxation_internal_friction(f, t, RATE, tunneling_max=PAPER.tunneling_max) == pytest.approx(value, rel=1e-6)


def test_full_relaxation_matches_sampling():
    rng = np.random.default_rng(12)
    mean, err = sample_relaxation_internal_friction(rng, 400_000, 15e6, 1.0, RATE, tunneling_max=PAPER.tunneling_max)
    assert abs(mean - relaxation_internal_friction(15e6, 1.0, RATE, tunneling_max=PAPER.tunneling_max)) < 4 * err


def test_relaxation_alpha_makes_the_standard_model_give_the_full_q():
    alpha = relaxation_alpha(1e3, 0.5, RATE, tunneling_max=PAPER.tunneling_max)
    full = relaxation_internal_friction(1e3, 0.5, RATE, tunneling_max=PAPER.tunneling_max)
    assert relaxation_internal_friction(
        1e3, 0.5, RATE, alpha=alpha, tunneling_max=PAPER.tunneling_max
    ) == pytest.approx(full, rel=1e-12)


@pytest.mark.parametrize(
    "kind, inputs, expected",
    [
        ("relaxation", {"frequency": 1e3, "temperature": 0.5}, 2.7184),  # internal friction
        ("relaxation", {"frequency": 15e6, "temperature": 1.0}, 1.6620),  # ultrasonics, ωτ ≈ 1
        ("resonant", {"frequency": 1e9}, 2.3762),
    ],
)
def test_sio2_alpha_values_of_the_issue(kind, inputs, expected):
    # pinned: 1 kHz/0.5 K internal friction, 15 MHz/1 K ultrasonics, 1 GHz resonant
    assert measurement_alpha(kind, SIO2, PAPER, **inputs) == pytest.approx(expected, abs=1e-4)


def test_fewer_phonon_branches_act_like_a_higher_frequency():
    # τ⁻¹ ∝ n: dividing the rate by 3 is multiplying ω by 3
    assert relaxation_alpha(1e3, 0.5, RATE / 3, tunneling_max=PAPER.tunneling_max) == pytest.approx(
        relaxation_alpha(3e3, 0.5, RATE, tunneling_max=PAPER.tunneling_max), rel=1e-12
    )


def test_model_lower_cutoff_is_irrelevant_above_one_hertz():
    low, _ = tunneling_window(G_MAX, G_O, DMAX)
    assert float(low / K) < 1e-30
    with_cutoff = relaxation_alpha(1.0, 0.1, RATE, DMAX, float(low))
    assert with_cutoff == pytest.approx(relaxation_alpha(1.0, 0.1, RATE, tunneling_max=PAPER.tunneling_max), rel=1e-12)


def test_resonant_alpha_at_one_gigahertz_is_log_plus_one_minus_ln2():
    # hf/k = 0.04799 K: α² = ln(10/0.04799) + 1 − ln 2 = 5.33930 + 0.30685 = 5.64615
    assert float(resonant_alpha(1e9, tunneling_max=PAPER.tunneling_max)) ** 2 == pytest.approx(5.64615, abs=1e-4)
    alpha, err = sample_resonant_alpha(np.random.default_rng(5), 200_000, 1e9, tunneling_max=PAPER.tunneling_max)
    assert abs(alpha - float(resonant_alpha(1e9, tunneling_max=PAPER.tunneling_max))) < 4 * err


def test_resonant_alpha_far_above_delta_max_tends_to_one_half():
    # Δ° ≪ E: weight ∝ Δ° on [0, Δmax]; ⟨ln(Δmax/Δ°)⟩ = ∫x ln(1/x)dx / ∫x dx = (1/4)/(1/2)
    f = 1e4 * DMAX / constants.h
    assert float(resonant_alpha(f, tunneling_max=PAPER.tunneling_max)) ** 2 == pytest.approx(0.5, abs=1e-6)
    # the series branch (b < 1e-3) joins the closed form smoothly, and stays finite far beyond
    b = np.array([0.999e-3, 1.001e-3])
    assert np.ptp(resonant_alpha(DMAX / (b * constants.h), tunneling_max=PAPER.tunneling_max)) < 1e-8
    assert float(resonant_alpha(1e20, tunneling_max=PAPER.tunneling_max)) == pytest.approx(np.sqrt(0.5), rel=1e-12)


def test_constant_coupling_velocity_rises_by_c_per_e_fold():
    # Frullani: ∫[tanh(E/2kT1) − tanh(E/2kT2)] dE/E = ln(T2/T1)
    assert resonant_velocity_change(0.1, 0.3, alpha=1.0, tunneling_max=PAPER.tunneling_max) == pytest.approx(
        np.log(3.0), rel=1e-9
    )
    assert resonant_velocity_change(0.05, 0.5, alpha=2.0, tunneling_max=PAPER.tunneling_max) == pytest.approx(
        4 * np.log(10.0), rel=1e-9
    )


def test_velocity_alpha_closed_form():
    # √(T1 T2) = 0.1 K: α² = ln(100) + 1 + γ_E − ln π = 4.605170 + 0.432486 = 5.037656
    assert VELOCITY_LOG_OFFSET == pytest.approx(0.432486, abs=1e-6)
    assert float(velocity_alpha_closed_form(0.05, 0.2, tunneling_max=PAPER.tunneling_max)) ** 2 == pytest.approx(
        5.037656, abs=1e-5
    )
    assert velocity_alpha(0.05, 0.2, tunneling_max=PAPER.tunneling_max) == pytest.approx(
        float(velocity_alpha_closed_form(0.05, 0.2, tunneling_max=PAPER.tunneling_max)), rel=1e-8
    )


def test_conductivity_alpha_matches_sampling_and_falls_with_temperature():
    a = conductivity_alpha(np.array([0.01, 0.1, 1.0]), tunneling_max=PAPER.tunneling_max)
    assert np.all(np.diff(a) < 0)
    for t, value in zip((0.1, 1.0), a[1:], strict=True):
        mean, err = sample_conductivity_alpha(np.random.default_rng(7), 200_000, t, tunneling_max=PAPER.tunneling_max)
        assert abs(mean - value) < 4 * err


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "bogus", "frequency": 1e3, "temperature": 0.5},
        {"kind": "relaxation", "frequency": 1e3},
        {"kind": "relaxation", "frequency": -1.0, "temperature": 0.5},
        {"kind": "resonant", "frequency": float("nan")},
        {"kind": "resonant", "frequency": "abc"},
        {"kind": "velocity", "temperature": 0.1},
        {"kind": "velocity", "temperature": 0.1, "temperature_2": 0.1},
        {"kind": "conductivity", "temperature": 0.0},
    ],
)
def test_bad_measurement_inputs_raise_input_error(kwargs):
    kwargs = dict(kwargs)  # the parametrize dict is shared: popping it would break a rerun in one process
    kind = kwargs.pop("kind")
    with pytest.raises(InputError):
        measurement_alpha(kind, SIO2, PAPER, **kwargs)


# --------------------------------------------------------------------------- the ledger's questions


def test_tunneling_time_alpha_is_eq10_at_delta_equal_hf():
    # hf/k_B at 1 kHz = 6.62607e-31/1.380649e-23 = 4.79924e-8 K; ln(10/4.79924e-8) = 19.15473 -> 4.37661
    from tlslib.measurement_alpha import tunneling_time_alpha

    assert float(tunneling_time_alpha(1e3, tunneling_max=PAPER.tunneling_max)) == pytest.approx(4.37661, abs=2e-5)
    # Δ°_max/(h e): the tunneling element one e-fold below Δ°_max -> α = 1
    assert float(tunneling_time_alpha(DMAX / (constants.h * np.e), tunneling_max=PAPER.tunneling_max)) == pytest.approx(
        1.0, rel=1e-14
    )


def test_resonant_tls_have_delta_two_over_e_times_hf_at_any_frequency_below_the_window():
    # α² = ln(Δ°_max/hf) + 1 − ln 2, so Δ°_max e^(−α²)/hf = e^(ln 2 − 1) = 2/e
    from tlslib.measurement_alpha import resonant_tunneling_over_hf

    for f in (1e6, 1e9, 1e8):
        assert resonant_tunneling_over_hf(f, PAPER.tunneling_max) == pytest.approx(2.0 / np.e, rel=1e-12)


def test_a_window_below_every_grid_node_changes_nothing_and_a_higher_cut_does():
    # SiO2's Δ°_min = 10 K e^(−84.2) ~ 3e-36 K lies below the grid's smallest Δ° (1e-8 k_BT/cosh 40 ~ 1e-27 K
    # at 0.5 K): the result is the same bit for bit as with Δ°_min = 0; a cut at 1e-6 K removes slow TLS
    low, _ = tunneling_window(G_MAX, G_O, DMAX)
    assert relaxation_alpha(1e3, 0.5, RATE, DMAX, float(low)) == relaxation_alpha(1e3, 0.5, RATE, DMAX, 0.0)
    assert relaxation_alpha(1e3, 0.5, RATE, DMAX, 1e-6 * K) != relaxation_alpha(1e3, 0.5, RATE, DMAX, 0.0)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_debye_relaxation_loss_peaks_at_one_half_where_omega_tau_is_one():
    from tlslib.measurement_alpha import _loss

    # φ(ωτ) = ωτ/(1 + ω²τ²): φ(1) = 1/2 (the peak), φ(2) = 2/5, φ(1/2) = 2/5 (symmetric in ln ωτ)
    assert _loss(np.array([1.0, 2.0, 0.5])) == pytest.approx([0.5, 0.4, 0.4], rel=1e-15)


def test_newton_solves_one_relaxing_level_without_the_brent_fallback(monkeypatch):
    import tlslib.measurement_alpha as ma

    def no_brent(*args, **kwargs):
        raise AssertionError("Newton's method did not converge")

    monkeypatch.setattr(ma.optimize, "brentq", no_brent)
    # one level, weight 1, base b = 1: Q(g) = g²/(g² + 1) = 0.2 -> g² = 1/4, g = α² = 1/2, α = 2^(-1/2)
    assert ma._solve_alpha(0.2, np.array([1.0]), np.array([1.0])) == pytest.approx(2**-0.5, rel=1e-12)
    # Q = 0.8 -> g² = 4, g = 2, α = 2^(1/2) (the slow side, Q ∝ g²)
    assert ma._solve_alpha(0.8, np.array([1.0]), np.array([1.0])) == pytest.approx(2**0.5, rel=1e-12)
    # and on the real grid: the same α as pinned for SiO2 (1 kHz, 0.5 K) in test_sio2_alpha_values_of_the_issue
    assert relaxation_alpha(1e3, 0.5, RATE, tunneling_max=PAPER.tunneling_max) == pytest.approx(2.7184, abs=1e-4)
    assert relaxation_alpha(15e6, 1.0, RATE, tunneling_max=PAPER.tunneling_max) == pytest.approx(1.6620, abs=1e-4)


def test_relaxation_rate_is_proportional_to_the_number_of_branches():
    # τ⁻¹ = n γ² Δ°² E coth(E/2kT)/(2π ρ v⁵ ħ⁴): one branch gives a third of three
    three = one_phonon_relaxation_rate(K, K, constants.eV, 1e-3, 2200.0, 4163.0, branches=3.0)
    one = one_phonon_relaxation_rate(K, K, constants.eV, 1e-3, 2200.0, 4163.0, branches=1.0)
    assert float(one / three) == pytest.approx(1.0 / 3.0, rel=1e-14)
    # measurement_alpha passes n on: n = 1 is the three-branch rate divided by 3
    window_low = float(tunneling_window(G_MAX, G_O, DMAX)[0])
    expected = relaxation_alpha(1e3, 0.5, RATE / 3.0, DMAX, window_low)
    got = measurement_alpha("relaxation", SIO2, PAPER.replace(relaxation_branches=1.0), frequency=1e3, temperature=0.5)
    assert got == pytest.approx(expected, rel=1e-12)


def test_relaxation_window_starts_at_delta_max_times_exp_minus_gamma_max2_over_gamma_o2():
    # a made-up solid with γ_max < γ_o (ρ = 8000, v = 1000, V_o = 1 Å³): γ_max²/γ_o² = 0.4555, so the
    # model's window Δ°_max e^{−0.4555} = 0.634 Δ°_max < Δ° < Δ°_max (Eqs. 4, 13) cuts most slow TLS
    dense = Material("dense", 8000.0, 1000.0, 1e-30)
    g_o = float(gamma_o(dense.density, dense.velocity, dense.formula_volume))
    g_max = float(gamma_max(dense.density, dense.velocity, dense.formula_volume))
    assert (g_max / g_o) ** 2 == pytest.approx(0.4555, abs=1e-4)
    rate = float(relaxation_rate_scale(g_o, dense.density, dense.velocity, branches=PAPER.relaxation_branches))
    low = DMAX * np.exp(-((g_max / g_o) ** 2))
    got = measurement_alpha("relaxation", dense, PAPER, frequency=1e3, temperature=0.5)
    assert got == pytest.approx(relaxation_alpha(1e3, 0.5, rate, DMAX, low), rel=1e-12)
    assert abs(got - relaxation_alpha(1e3, 0.5, rate, DMAX, 0.0)) > 0.01


def test_constant_coupling_sampling_matches_the_grid_at_half_a_kelvin():
    # α = 1/2: strength α² = 1/4 and τ ∝ 1/α²; T = 0.5 K, f = 1 kHz (k_BT and the loss both matter)
    grid = relaxation_internal_friction(1e3, 0.5, RATE, alpha=0.5, tunneling_max=PAPER.tunneling_max)
    mean, err = sample_relaxation_internal_friction(
        np.random.default_rng(21), 100_000, 1e3, 0.5, RATE, alpha=0.5, tunneling_max=PAPER.tunneling_max
    )
    assert abs(mean - grid) < 4 * err
    assert err < 0.02 * grid


def _scatter_over_error(sampler, seeds=200):
    """std of the estimates over independent seeds / mean reported standard error (→ 1)."""
    runs = np.array([sampler(np.random.default_rng(seed)) for seed in range(seeds)])
    return float(np.std(runs[:, 0], ddof=1) / np.mean(runs[:, 1]))


def test_sampled_error_bars_match_the_scatter_between_seeds():
    # 200 seeds: the spread of a standard deviation is 1/√(2·199) = 5 %, so 0.85-1.15 is a 3σ band
    f = 1e9
    assert _scatter_over_error(
        lambda rng: sample_resonant_alpha(rng, 500, f, tunneling_max=PAPER.tunneling_max)
    ) == pytest.approx(1.0, abs=0.15)
    assert _scatter_over_error(
        lambda rng: sample_conductivity_alpha(rng, 500, 0.1, tunneling_max=PAPER.tunneling_max)
    ) == pytest.approx(1.0, abs=0.15)
    ratio = _scatter_over_error(
        lambda rng: sample_relaxation_internal_friction(
            rng, 500, 1e3, 0.5, RATE, alpha=0.5, tunneling_max=PAPER.tunneling_max
        )
    )
    assert ratio == pytest.approx(1.0, abs=0.15)


def test_resonant_alpha_equals_the_weighted_log_average_by_quadrature():
    # α² = ∫₀^b x ln(b/x)/√(1 − x²) dx / ∫₀^b x/√(1 − x²) dx, x = Δ°/E, b = Δ°_max/E ≤ 1 (weight Δ°/(E√(E² − Δ°²)));
    # the denominator is 1 − √(1 − b²). Δ°_max = 1 K (not the default), b = 0.5 and b = 9e-4 (series branch:
    # α² = ½(1 − b²/8) + O(b⁴), from N = b²/4 + b⁴/32, D = b²/2 + b⁴/8)
    dmax = K
    for b in (0.5, 9e-4):
        # x = b e^{−s}: the numerator is b² ∫₀^∞ s e^{−2s}/√(1 − b² e^{−2s}) ds
        num = integrate.quad(lambda s, b=b: b * np.exp(-2 * s) * s / np.sqrt(1 - (b * np.exp(-s)) ** 2), 0, 60)[0]
        den = 1.0 - np.sqrt(1.0 - b**2)
        got = float(resonant_alpha(dmax / (b * constants.h), dmax)) ** 2
        assert got == pytest.approx(b * num / den, rel=1e-10)


def test_resonant_velocity_shift_below_delta_max_over_kt_is_pi_over_two_delta_max_over_2kt():
    # Δ°_max ≪ k_BT: the TLS with E < Δ°_max (share 1) give Δ°_max (1/k₁ − 1/k₂), those above (share
    # b²/(1 + √(1 − b²)), b = Δ°_max/E) give Δ°_max (1/k₁ − 1/k₂) ∫₀¹ db/(1 + √(1 − b²)) = (π/2 − 1) × that,
    # k = 2k_BT: total (π/2) Δ°_max (1/2k_BT₁ − 1/2k_BT₂) α², corrections O(Δ°_max/k_BT) = 1e-5 here
    dmax = 1e-6 * K
    expected = np.pi / 2 * dmax / (2 * K) * (1 / 0.1 - 1 / 0.3)
    assert resonant_velocity_change(0.1, 0.3, dmax, alpha=1.0) == pytest.approx(expected, rel=1e-4)
    assert resonant_velocity_change(0.1, 0.3, dmax, alpha=2.0) == pytest.approx(4 * expected, rel=1e-4)


# ------------------------------------------------------------------ the γ–ε correlation variant


def test_sqrt_log_average_matches_adaptive_quadrature_below_and_above_the_window():
    # ∫₀^{min(1,b)} x ln^{1/2}(b/x)/√(1−x²) dx, b = Δ°_max/E, at 1 GHz (b = 208) and E = Δ°_max/0.3
    for energy in (constants.h * 1e9, DMAX / 0.3):
        b = DMAX / energy
        top = min(1.0, b)
        ref = integrate.quad(
            lambda x, b=b: x * np.sqrt(np.log(b / x)) / np.sqrt(1 - x * x), 0, top, limit=200, epsrel=1e-12
        )[0]
        assert float(resonant_sqrt_log_average(energy, tunneling_max=PAPER.tunneling_max)) == pytest.approx(
            ref, rel=1e-9
        )


@pytest.mark.parametrize("b", [1.0, 1.0 + 1e-9, 1.0 + 1e-6, 1.0 + 1e-4])
def test_sqrt_log_average_just_above_the_window_edge_keeps_full_accuracy(b):
    # b = Δ°_max/E → 1⁺: ∫₀^{π/2} sin θ √(ln b − ln sin θ) dθ, whose root √(ln b + (π/2 − θ)²/2) has
    # a kink at θ = π/2 as ln b → 0; adaptive quadrature split at θ = π/2 − 10√(ln b) (and π/2 − 1e-3)
    def f(theta):
        return np.sin(theta) * np.sqrt(max(np.log(b) - np.log(np.sin(theta)), 0.0))

    breaks = sorted({np.pi / 2 - 10 * np.sqrt(np.log(b)), np.pi / 2 - 1e-3} - {np.pi / 2})
    ref = integrate.quad(f, 0.0, np.pi / 2, points=breaks, epsabs=0.0, epsrel=1e-13, limit=500)[0]
    assert float(resonant_sqrt_log_average(DMAX / b, DMAX)) == pytest.approx(ref, rel=1e-13)


def test_correlation_weight_averages_to_one_over_the_window():
    # κ = 1/(2g), g = (γ_o/γ_max) ℓ^{1/2}, ℓ uniform on [0, (γ_max/γ_o)²]: ⟨κ⟩ = (λ/2)(2λ/λ²) = 1
    ratio = G_O / G_MAX
    ell = np.linspace(0.0, ratio**-2, 200_001)[1:]
    kappa = correlation_weight(DMAX * np.exp(-ell), ratio, tunneling_max=PAPER.tunneling_max)
    assert float(np.mean(kappa)) == pytest.approx(1.0, abs=5e-3)


def test_correlated_c_grows_like_alpha_and_inverts():
    # C = κ(αγ_o) α² (γ_o/γ_max)⁴/3 = α (γ_o/γ_max)³/6
    c1 = float(correlated_coupling_constant(G_O, G_MAX, 1.0))
    assert c1 == pytest.approx((G_O / G_MAX) ** 3 / 6, rel=1e-12)
    assert float(correlated_coupling_constant(G_O, G_MAX, 2.5)) / c1 == pytest.approx(2.5, rel=1e-12)
    assert float(correlated_alpha_for_coupling_constant(2.5 * c1, G_O, G_MAX)) == pytest.approx(2.5, rel=1e-12)


def test_correlated_resonant_alpha_is_the_mean_of_gamma_not_its_rms():
    # Jensen: ⟨ℓ^{1/2}⟩ < ⟨ℓ⟩^{1/2}; at 1 GHz 2.37464 against 2.37616
    corr, plain = (
        float(resonant_alpha(1e9, correlated=True, tunneling_max=PAPER.tunneling_max)),
        float(resonant_alpha(1e9, tunneling_max=PAPER.tunneling_max)),
    )
    assert corr < plain and corr == pytest.approx(2.37464, abs=1e-5)


def test_velocity_slope_alpha_is_the_closed_form_at_low_temperature():
    assert velocity_slope_alpha(0.1, tunneling_max=PAPER.tunneling_max) == pytest.approx(
        float(velocity_alpha_closed_form(0.1, 0.1, tunneling_max=PAPER.tunneling_max)), rel=1e-10
    )
    assert velocity_slope_alpha(0.1, correlated=True, tunneling_max=PAPER.tunneling_max) < velocity_slope_alpha(
        0.1, tunneling_max=PAPER.tunneling_max
    )


def test_correlated_relaxation_alpha_makes_the_correlated_standard_model_give_the_full_q():
    # plateau of the correlated standard model: (π/2) α (units κ(γ_o) C_o)
    assert relaxation_internal_friction(
        1e-9, 0.1, RATE, alpha=2.5, correlated=True, tunneling_max=PAPER.tunneling_max
    ) / (np.pi / 2 * 2.5) == pytest.approx(1.0, abs=1e-5)
    alpha = relaxation_alpha(1e3, 0.5, RATE, correlated=True, tunneling_max=PAPER.tunneling_max)
    full = relaxation_internal_friction(1e3, 0.5, RATE, correlated=True, tunneling_max=PAPER.tunneling_max)
    assert relaxation_internal_friction(
        1e3, 0.5, RATE, alpha=alpha, correlated=True, tunneling_max=PAPER.tunneling_max
    ) == pytest.approx(full, rel=1e-12)
    # α² − α²(uniform) ≈ ½ on the plateau (√g* + 1/(2√g*) against (g* + ½)^{1/2}): 2.8135 against 2.7184
    assert alpha == pytest.approx(2.8135, abs=1e-4)
    mean, err = sample_relaxation_internal_friction(
        np.random.default_rng(3), 400_000, 1e3, 0.5, RATE, correlated=True, tunneling_max=PAPER.tunneling_max
    )
    assert abs(mean - full) < 4 * err


def test_standard_velocity_slope_tends_to_minus_half_c_in_the_relaxation_regime():
    # +α² (resonant) − (3/2)α² (relaxation) per e-fold; approached like (ωτ)^{1/2}: 0.99 at 100 Hz, 0.5-1 K
    ratio = relaxation_regime_ratio(100.0, 0.5, 1.0, RATE, 2.5, tunneling_max=PAPER.tunneling_max)
    assert 0.98 < ratio < 1.0
    # at 1 MHz the resonant rise wins below 1 K
    assert relaxation_velocity_change(1e6, 0.1, 0.3, RATE, alpha=2.5, tunneling_max=PAPER.tunneling_max) > 0


def test_relaxation_slope_alpha_against_its_asymptotic_formula_and_the_papers_reading():
    # exact 2.96555 at 100 Hz, 0.5-1 K; α² = 2⟨g*²/(2g*−1)⟩ at √(0.5) K gives 2.96645
    alpha = relaxation_slope_alpha(100.0, 0.5, 1.0, RATE, tunneling_max=PAPER.tunneling_max)
    assert alpha == pytest.approx(2.96555, abs=1e-4)
    assert relaxation_slope_alpha_asymptotic(
        100.0, np.sqrt(0.5), RATE, tunneling_max=PAPER.tunneling_max
    ) == pytest.approx(alpha, abs=2e-3)
    # S_std(α) = S_full, so the −C/2 reading is α √(regime ratio)
    ratio = relaxation_regime_ratio(100.0, 0.5, 1.0, RATE, alpha, tunneling_max=PAPER.tunneling_max)
    assert paper_slope_alpha(100.0, 0.5, 1.0, RATE, tunneling_max=PAPER.tunneling_max) == pytest.approx(
        alpha * np.sqrt(ratio), rel=1e-9
    )
    full = relaxation_velocity_change(100.0, 0.5, 1.0, RATE, tunneling_max=PAPER.tunneling_max)
    assert relaxation_velocity_change(
        100.0, 0.5, 1.0, RATE, alpha=alpha, tunneling_max=PAPER.tunneling_max
    ) == pytest.approx(full, rel=1e-10)


# ------------------------------------------------- the slopes of Δv/v and κ: limits, symmetries, roots


@pytest.mark.parametrize("t1, t2", [(0.05, 0.1), (0.02, 0.04)])
def test_the_resonant_velocity_slope_at_one_alpha_is_plus_alpha_squared_per_e_fold(t1, t2):
    # standard model, k_BT ≪ Δ°_max: Δv/v = +C ln(T/T_o), C ∝ α², so the slope per e-fold is α² (units C_o)
    assert ma.resonant_velocity_change(t1, t2, DMAX, alpha=2.0) / np.log(t2 / t1) == pytest.approx(4.0, rel=1e-10)


@pytest.mark.parametrize("t1, t2", [(0.05, 0.1), (0.02, 0.04)])
def test_resonant_plus_relaxation_slope_is_minus_half_alpha_squared_when_omega_tau_is_small(t1, t2):
    # +α² (resonant) − (3/2)α² (relaxation, ωτ ≪ 1 at f = 1 μHz) = −α²/2: the paper's −C/2
    slope = ma.relaxation_velocity_change(1e-6, t1, t2, RATE, DMAX, alpha=2.0) / np.log(t2 / t1)
    assert slope == pytest.approx(-2.0, rel=1e-3)


@pytest.mark.parametrize("correlated", [False, True])
def test_the_slope_alpha_is_the_root_that_makes_the_standard_slope_equal_the_full_one(correlated):
    f, t1, t2 = 1e3, 0.3, 0.6
    a = ma.relaxation_slope_alpha(f, t1, t2, RATE, DMAX, correlated=correlated)
    full = ma.relaxation_velocity_change(f, t1, t2, RATE, DMAX, correlated=correlated)
    standard = ma.relaxation_velocity_change(f, t1, t2, RATE, DMAX, alpha=a, correlated=correlated)
    assert standard == pytest.approx(full, rel=1e-10)
    # between the paper's 1.5 and 5, and independent of where Newton's method starts
    assert 1.5 < a < 5.0
    for start in (2.0, 4.5):
        again = ma.relaxation_slope_alpha(f, t1, t2, RATE, DMAX, correlated=correlated, initial_alpha=start)
        assert again == pytest.approx(a, rel=1e-10)


@pytest.mark.parametrize("correlated", [False, True])
def test_the_dispersion_derivative_in_ln_g_matches_a_centred_difference(correlated):
    g, h = 4.0, 1e-5
    _, dd = ma._relaxation_dispersion(1e3, 0.3, RATE, DMAX, 0.0, g, correlated)
    up, _ = ma._relaxation_dispersion(1e3, 0.3, RATE, DMAX, 0.0, g * np.exp(h), correlated)
    down, _ = ma._relaxation_dispersion(1e3, 0.3, RATE, DMAX, 0.0, g * np.exp(-h), correlated)
    assert dd == pytest.approx((up - down) / (2 * h), rel=1e-7)


@pytest.mark.parametrize("correlated", [False, True])
def test_conductivity_alpha_depends_on_temperature_only_through_k_t_over_the_tunneling_maximum(correlated):
    # C(ħω) scales with the glass, so α_κ is a function of k_BT/Δ°_max alone
    t = np.array([0.1, 0.5])
    a = ma.conductivity_alpha(t, DMAX, correlated=correlated)
    assert ma.conductivity_alpha(2 * t, 2 * DMAX, correlated=correlated) == pytest.approx(a, rel=1e-9)
    # and α_κ falls as T rises: the dominant phonons ~ k_BT see TLS with larger Δ°, smaller γ
    assert a[1] < a[0]


# --------------------------------------------------------------------------- mutation: resonant, velocity, conductivity


def test_resonant_share_is_one_below_the_window_and_one_minus_root_above_without_a_nan():
    # share = 1 − √(1 − b²), b = Δ°_max/E < 1: b = 0.6 -> 1 − 0.8 = 0.2, b = 0.8 -> 1 − 0.6 = 0.4;
    # every resonant TLS is inside the window for E ≤ Δ°_max (b ≥ 1), and 1 − b² < 0 there is never rooted
    with np.errstate(invalid="raise"):
        share = ma.resonant_fraction(DMAX / np.array([0.6, 0.8, 1.0, 2.0, 1e3]), DMAX)
    assert share == pytest.approx([0.2, 0.4, 1.0, 1.0, 1.0], rel=1e-14)


def test_resonant_alpha_stays_root_one_half_where_the_share_underflows():
    # hf = 6.6e266 J: b = Δ°_max/hf = 2e-289, b² = 0 in floating point; the share and the log average are then
    # both 0 and α² is the limit ½(1 − b²/8) = ½, without an invalid 0/0 escaping
    with np.errstate(invalid="raise"):
        alpha = float(ma.resonant_alpha(1e300, DMAX))
    assert alpha == pytest.approx(np.sqrt(0.5), rel=1e-15)


def test_correlated_resonant_alpha_far_above_the_window_is_root_pi_over_eight():
    # E ≫ Δ°_max: weight ∝ x = Δ°/E on [0, b]; ⟨ln^{1/2}(b/x)⟩ = 2∫₀¹ y ln^{1/2}(1/y) dy = 2 Γ(3/2)/2^{3/2}
    # = √π/(2√2) = √(π/8) = 0.626657, below the uncorrelated √½ = 0.707107 (Jensen); corrections O(b²)
    b = 1e-3
    got = float(ma.resonant_alpha(DMAX / (b * constants.h), DMAX, correlated=True))
    assert got == pytest.approx(np.sqrt(np.pi / 8.0), rel=1e-5)
    # and at b = 0.5 the ratio of the two adaptive quadratures, ∫₀^b x ℓ^{1/2}/√(1 − x²) dx / (1 − √(1 − b²))
    b = 0.5
    num = integrate.quad(lambda x: x * np.sqrt(np.log(b / x)) / np.sqrt(1 - x * x), 0, b, epsabs=0, epsrel=1e-12)[0]
    got = float(ma.resonant_alpha(DMAX / (b * constants.h), DMAX, correlated=True))
    assert got == pytest.approx(num / (1.0 - np.sqrt(1.0 - b**2)), rel=1e-9)


def test_sqrt_log_average_of_an_array_of_energies_is_the_average_at_each_energy():
    # the TLS resonant at one E do not know about another E: vector call = one adaptive quadrature per E,
    # ∫₀^{min(1,b)} x ln^{1/2}(b/x)/√(1 − x²) dx with b = Δ°_max/E (here b = 0.3, 0.7, 2, 0.9)
    bs = np.array([0.3, 0.7, 2.0, 0.9])
    got = ma.resonant_sqrt_log_average(DMAX / bs, DMAX)
    ref = [
        integrate.quad(lambda x, b=b: x * np.sqrt(np.log(b / x)) / np.sqrt(1 - x * x), 0, min(1.0, b), epsrel=1e-12)[0]
        for b in bs
    ]
    assert got.shape == bs.shape
    assert got == pytest.approx(ref, rel=1e-9)


def test_correlated_constant_coupling_velocity_rises_by_alpha_not_alpha_squared_per_e_fold():
    # with the γ–ε correlation the standard density carries κ(αγ_o)/κ(γ_o) = 1/α: the Frullani slope α² ln(T₂/T₁)
    # becomes α ln(T₂/T₁); α = 2, T₂/T₁ = 2, k_BT ≪ Δ°_max: 2 ln 2 = 1.386294 (units κ(γ_o) C_o)
    got = ma.resonant_velocity_change(0.05, 0.1, DMAX, alpha=2.0, correlated=True)
    assert got == pytest.approx(2.0 * np.log(2.0), rel=1e-9)
    # and it is odd under T₁ ↔ T₂ (Δv/v(T₂) − Δv/v(T₁))
    assert ma.resonant_velocity_change(0.1, 0.05, DMAX, alpha=2.0, correlated=True) == pytest.approx(-got, rel=1e-12)


def test_far_above_the_window_every_delta_counts_alike_in_the_resonant_shift():
    # Δ°_max ≪ k_BT: Δv/v ∝ ∫dE G(E) (1/2k_BT₁ − 1/2k_BT₂); swapping the integrals, ∫dE (Δ°/E²)/√(1 − Δ°²/E²)
    # over E > Δ° is π/2 for each Δ°, so the shift is (π/2)(1/2k_BT₁ − 1/2k_BT₂) ∫₀^{Δ°_max} dΔ° g(Δ°), g = α² for
    # the standard model, ln(Δ°_max/Δ°) (mean 1 on [0, Δ°_max]) for the full one and ln^{1/2} (mean Γ(3/2) = √π/2)
    # with the correlation; corrections O(Δ°_max/k_BT)
    def scale(dmax, t1, t2):
        return np.pi / 2 * dmax / (2 * K) * (1 / t1 - 1 / t2)

    # standard, Δ°_max = 1e-9 K: a shift of 5.2e-9 C_o, still to 2e-5
    tiny = 1e-9 * K
    assert ma.resonant_velocity_change(0.1, 0.3, tiny, alpha=1.0) / scale(tiny, 0.1, 0.3) == pytest.approx(
        1.0, abs=2e-5
    )
    small = 1e-6 * K
    assert ma.resonant_velocity_change(0.1, 0.3, small) / scale(small, 0.1, 0.3) == pytest.approx(1.0, abs=1e-5)
    corr = ma.resonant_velocity_change(0.1, 0.3, small, correlated=True) / scale(small, 0.1, 0.3)
    assert corr == pytest.approx(np.sqrt(np.pi) / 2, rel=1e-5)


def test_velocity_alpha_is_symmetric_in_the_two_temperatures():
    # full and standard change sign together under T₁ ↔ T₂, their ratio does not
    for correlated in (False, True):
        a = ma.velocity_alpha(0.05, 0.2, DMAX, correlated=correlated)
        assert ma.velocity_alpha(0.2, 0.05, DMAX, correlated=correlated) == pytest.approx(a, rel=1e-12)


def test_velocity_alpha_over_a_narrow_interval_is_the_local_slope_alpha():
    # T₁,₂ = T(1 ∓ h): the secant slope is the tangent at √(T₁T₂) up to O(h²) = 1e-6; with the correlation
    # α = ∫sech²x H/∫sech²x share (linear in α), which is below the rms α (Cauchy–Schwarz: H² ≤ G share)
    t, h = 0.1, 1e-3
    for correlated in (False, True):
        secant = ma.velocity_alpha(t * (1 - h), t * (1 + h), DMAX, correlated=correlated)
        tangent = ma.velocity_slope_alpha(t * np.sqrt(1 - h * h), DMAX, correlated=correlated)
        assert secant == pytest.approx(tangent, rel=1e-6)
    corr = ma.velocity_alpha(t * (1 - h), t * (1 + h), DMAX, correlated=True)
    assert 2.0 < corr < ma.velocity_alpha(t * (1 - h), t * (1 + h), DMAX) - 0.01


def test_velocity_alphas_tend_to_one_and_root_pi_over_two_far_above_the_window():
    # k_BT ≫ Δ°_max: every Δ° of the window counts with the same weight (see the resonant shift above), so
    # α² = ⟨ln(Δ°_max/Δ°)⟩ = ∫₀¹ ln(1/y) dy = 1 and, with the correlation, α = ∫₀¹ ln^{1/2}(1/y) dy = Γ(3/2) = √π/2
    small = 1e-6 * K
    assert ma.velocity_alpha(0.1, 0.3, small) == pytest.approx(1.0, rel=1e-5)
    assert ma.velocity_alpha(0.1, 0.3, small, correlated=True) == pytest.approx(np.sqrt(np.pi) / 2, rel=1e-5)
    # the local slope (the same limit; Δ°_max/k_BT = 1e-6 leaves corrections of that order times ln)
    assert ma.velocity_slope_alpha(1.0, small) == pytest.approx(1.0, rel=2e-4)
    assert ma.velocity_slope_alpha(1.0, small, correlated=True) == pytest.approx(np.sqrt(np.pi) / 2, rel=2e-4)


def _phonon_average_over(t, coupling, points, limit):
    """∫w / ∫(w/G) over the phonons x = ħω/k_BT < Δ°_max/k_BT at T = t K, G(E) the given function of E [J].

    Both integrals by adaptive quadrature to 1e-13 (w = conductivity_weight), written apart from the code.
    """
    x_top = DMAX / (K * t)
    w = ma.conductivity_weight
    kept = integrate.quad(w, 0.0, x_top, epsabs=0, epsrel=1e-13, limit=200)[0]
    inverse = integrate.quad(
        lambda x: w(x) / coupling(x * K * t), 0.0, x_top, epsabs=0, epsrel=1e-13, limit=limit, points=points
    )[0]
    return kept / inverse


def test_conductivity_alpha_is_the_phonon_average_of_one_over_the_log_coupling():
    # κ = ∫w/C(ħω) dx with C(E) = C_o G(E), G = ln(Δ°_max/E) + 1 − ln 2 for E < Δ°_max (resonant TLS): the
    # standard κ ∝ ∫w/α², so α² = ∫w/∫(w/G). T = 0.1 K: x_top = Δ°_max/k_BT = 100, all phonons below Δ°_max
    t = 0.1
    ratio = _phonon_average_over(t, lambda e: np.log(DMAX / e) + 1.0 - np.log(2.0), (1.0, 10.0), 200)
    assert float(ma.conductivity_alpha(t, DMAX)) == pytest.approx(np.sqrt(ratio), rel=1e-8)
    # with the correlation C ∝ κ-weighted ⟨γ/γ_o⟩ = H(E) and the standard C ∝ α: α = ∫w/∫(w/H)
    # (H = resonant_sqrt_log_average, itself checked against adaptive quadrature above); one T gives one number
    corr = ma.conductivity_alpha(t, DMAX, correlated=True)
    assert np.ndim(corr) == 0
    ratio_h = _phonon_average_over(t, lambda e: float(ma.resonant_sqrt_log_average(e, DMAX)), (1.0, 10.0), 200)
    assert float(corr) == pytest.approx(ratio_h, rel=1e-8)


def test_conductivity_alpha_far_above_the_window_is_two_over_e_times_e1():
    # k_BT ≫ Δ°_max: w(x) → 2 on [0, x_top ≪ 1], so α² = 1/⟨1/G⟩ over E uniform on [0, Δ°_max];
    # s = ln(Δ°_max/E): ⟨1/G⟩ = ∫₀^∞ e^{−s} ds/(s + c) = e^c E₁(c), c = 1 − ln 2 -> α² = 2/(e E₁(1 − ln 2)) = 0.827624
    from scipy import special

    c = 1.0 - np.log(2.0)
    expected = 2.0 / (np.e * float(special.exp1(c)))
    assert expected == pytest.approx(0.827624, abs=1e-6)
    assert float(ma.conductivity_alpha(10.0, 1e-2 * K)) ** 2 == pytest.approx(expected, rel=1e-6)


def test_sampled_resonant_error_is_bessel_corrected():
    # with n = 3 TLS per run the reported error e gives back the sample variance s² = n (2αe)², and with
    # Bessel's n − 1 it averages to the variance of ℓ = ln(Δ°_max/Δ°) over the resonant weight x/√(1 − x²):
    # Var ℓ = Var ln x = 1 − π²/12 = 0.177533 (quad below); n − 2 would double it. 8000 runs: ±2.5 % (1σ)
    mean_log = integrate.quad(lambda x: x * np.log(x) / np.sqrt(1 - x * x), 0, 1, epsabs=0, epsrel=1e-12)[0]
    mean_log2 = integrate.quad(lambda x: x * np.log(x) ** 2 / np.sqrt(1 - x * x), 0, 1, epsabs=0, epsrel=1e-12)[0]
    assert mean_log == pytest.approx(np.log(2.0) - 1.0, rel=1e-10)
    assert mean_log2 - mean_log**2 == pytest.approx(1.0 - np.pi**2 / 12, rel=1e-10)
    rng = np.random.default_rng(2020)
    s2 = []
    for _ in range(8000):
        alpha, err = ma.sample_resonant_alpha(rng, 3, 1e9, DMAX)
        s2.append(3 * (2 * alpha * err) ** 2)
    assert float(np.mean(s2)) == pytest.approx(1.0 - np.pi**2 / 12, rel=0.1)


@pytest.mark.parametrize(
    "kind, inputs, name",
    [
        ("resonant", {"frequency": -1.0}, "frequency"),
        ("conductivity", {"temperature": float("inf")}, "temperature"),
        ("velocity", {"temperature": 0.1, "temperature_2": 0.0}, "temperature 2"),
    ],
)
def test_a_bad_measurement_input_is_named_in_the_error(kind, inputs, name):
    with pytest.raises(InputError, match=f"^{name} must be"):
        ma.measurement_alpha(kind, SIO2, PAPER, **inputs)


# --------------------------------------------------------------------------- mutation: relaxation


def _newton_only(monkeypatch, steps):
    """Newton's method alone, at most `steps` iterations: the Brent fallback raises if it is reached."""

    def no_brent(*args, **kwargs):
        raise AssertionError("Newton's method did not converge")

    monkeypatch.setattr(ma.optimize, "brentq", no_brent)
    monkeypatch.setattr(ma, "range", lambda n: builtins.range(min(n, steps)), raising=False)


def test_low_frequency_internal_friction_grows_strictly_as_the_window_admits_slower_tls():
    # ω → 0 (f = 1e-45 Hz: ωτ ≪ 1 even for Δ° ~ 1e-26 K): g φ(ωτ) → g ωτ = ω tanh(y/2)/(R Δ°² E), so
    # Q⁻¹ ≈ ω⟨tanh(y/2)/(R Δ°² E)⟩ is carried by the slowest TLS, ∝ 1/Δ°_min² (g drops out)
    t = 0.5
    # the slowest TLS on the grid: ε = 1e-8 k_BT, Δ° = ε/cosh(q_span) (its nodes reach down to half of it)
    smallest = np.exp(ma._T_RANGE[0]) * K * t / np.cosh(ma._Q_SPAN)

    def q(cut):
        return relaxation_internal_friction(1e-45, t, RATE, DMAX, cut)

    cuts = [1e-10 * K, 1e-12 * K, 1e-16 * K, 1e-20 * K, 1.2 * smallest]
    values = [q(c) for c in cuts]
    assert all(b > a for a, b in zip(values, values[1:], strict=False))
    assert q(0.0) > values[-1]  # the cut at 1.2 × the slowest TLS removes it
    assert q(0.4 * smallest) == q(0.0)  # a cut below every TLS of the grid removes none
    # Δ°_min² scaling: 1e-10 K → 1e-12 K is a factor 1e4 (the sharp cut between grid nodes: ±e^{±0.4})
    assert 1e4 / 1.6 < values[1] / values[0] < 1e4 * 1.6


def test_plateau_alpha_is_read_off_directly_from_a_log_uniform_spread_of_relaxation_times(monkeypatch):
    # weight h per node, ln(ωτ g) uniform with step h over ±50: Q(g) = g^{−p} Σ h b g²/(g² + b²)
    # = g^{1−p} ∫dx/(1 + x²) = (π/2) g^{1−p} (trapezoid on a smooth, e^{−|x|} tail: exact to rounding),
    # so α² = g = (2Q/π)^{1/(1−p)}: the plateau estimate is the root, Newton's first step is zero
    h = 0.1
    base = np.exp(np.arange(-50.0, 50.0 + h / 2, h))
    weight = np.full(base.shape, h)
    _newton_only(monkeypatch, 1)
    for target in (0.3, 3.0):
        for power in (0.0, 0.5):
            expected = np.sqrt((2 * target / np.pi) ** (1 / (1 - power)))
            assert ma._solve_alpha(target, weight, base, power) == pytest.approx(expected, rel=1e-13)


@pytest.mark.parametrize("correlated", [False, True])
def test_relaxation_alpha_newton_with_the_exact_derivative_converges_in_a_dozen_steps(monkeypatch, correlated):
    # ln Q against ln α² has slope between 1 − p and 2 − p (p = ½ with the correlation): with its exact
    # derivative Newton's method converges quadratically (≤ 11 steps here), without the Brent fallback
    cases = [(1e3, 0.5), (15e6, 1.0), (1e8, 0.1)]
    full = [relaxation_internal_friction(f, t, RATE, DMAX, correlated=correlated) for f, t in cases]
    _newton_only(monkeypatch, 15)
    for (f, t), q in zip(cases, full, strict=True):
        a = relaxation_alpha(f, t, RATE, DMAX, correlated=correlated)
        assert 1.0 < a < 5.0
        assert relaxation_internal_friction(f, t, RATE, DMAX, alpha=a, correlated=correlated) == pytest.approx(
            q, rel=1e-11
        )


def test_brent_fallback_of_the_relaxation_alpha_finds_the_root_to_machine_precision(monkeypatch):
    # one level, weight 1, base 1: Q = g²/(g² + 1) = 0.8 at g = 2, α = √2 (Brent alone, xtol 1e-14 in ln g)
    monkeypatch.setattr(ma, "range", lambda n: iter(()), raising=False)
    assert ma._solve_alpha(0.8, np.array([1.0]), np.array([1.0])) == pytest.approx(np.sqrt(2.0), rel=2e-14, abs=0)


def test_paper_reading_of_a_rising_velocity_is_nan_without_a_square_root_of_a_negative_number():
    # 1 MHz, 0.1-0.3 K: ωτ ≫ 1, the resonant rise +C per e-fold wins (+4.2 C_o per e-fold); 100 kHz,
    # 0.2-0.4 K: the crossover, +0.98 C_o per e-fold. A rising Δv/v has no −C/2 reading
    for f, t1, t2 in ((1e6, 0.1, 0.3), (1e5, 0.2, 0.4)):
        assert relaxation_velocity_change(f, t1, t2, RATE, DMAX) > 0
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert np.isnan(paper_slope_alpha(f, t1, t2, RATE, DMAX))


def test_paper_reading_of_the_slope_sees_the_same_window_as_the_full_slope():
    # a cut Δ°_min = 1e-3 K removes the slowest relaxing TLS of 100 Hz: α² = −2 S_full/ln(T₂/T₁) with the cut
    cut = 1e-3 * K
    s = relaxation_velocity_change(100.0, 0.5, 1.0, RATE, DMAX, cut)
    a = paper_slope_alpha(100.0, 0.5, 1.0, RATE, DMAX, cut)
    assert a == pytest.approx(np.sqrt(-2 * s / np.log(2.0)), rel=1e-12)
    assert abs(a - paper_slope_alpha(100.0, 0.5, 1.0, RATE, DMAX)) > 0.05


def test_correlated_full_internal_friction_matches_double_quadrature_where_the_window_edge_is_thermal():
    # Δ°_max = k_B·1 K = k_BT, 1 MHz: the TLS near Δ°_max (ℓ = ln(Δ°_max/Δ°) < 1) carry much of Q⁻¹. With the
    # correlation each TLS weighs ℓ^{−1/2}: Q⁻¹ = ∫dy sech²(y/2) ∫ds (ε/E) ℓ^{1/2} φ(ωτ), s = ln(E/Δ°).
    # The (E, q) grid met the kink of the inner integral at E = Δ°_max and the plain q edge there: ~1e-3
    # off; the (ε, Δ°) grid agrees with this dblquad (epsrel 1e-6) to 1.0e-9 (measured)
    dmax, f, t = K, 1e6, 1.0
    kt = K * t

    def integrand(s, y):
        energy = y * kt
        delta = energy * np.exp(-s)
        ell = np.log(dmax / delta)
        wt = 2 * np.pi * f / (RATE * ell * delta**2 * energy / np.tanh(y / 2))
        return np.cosh(y / 2) ** -2 * np.sqrt(1 - np.exp(-2 * s)) * np.sqrt(ell) * wt / (1 + wt**2)

    ref = integrate.dblquad(integrand, 1e-6, 60.0, lambda y: max(0.0, np.log(y * kt / dmax)), 60.0, epsrel=1e-6)[0]
    got = relaxation_internal_friction(f, t, RATE, dmax, correlated=True)
    assert got == pytest.approx(ref, rel=1e-6)


def test_regime_ratio_is_the_same_with_and_without_the_correlation():
    # both standard slopes carry the same factor (1/α with the correlation), so S_std/(−½α² ln(T₂/T₁))
    # is one number; at 100 Hz, 0.5-1 K it is 0.98-1 (approach to −C/2)
    for alpha in (1.5, 2.5):
        plain = relaxation_regime_ratio(100.0, 0.5, 1.0, RATE, alpha, DMAX)
        corr = relaxation_regime_ratio(100.0, 0.5, 1.0, RATE, alpha, DMAX, correlated=True)
        assert corr == pytest.approx(plain, rel=1e-10)
        assert 0.97 < plain < 1.0


@pytest.mark.parametrize(
    ("f", "t1", "t2", "dmax", "correlated"),
    [
        (100.0, 0.5, 1.0, DMAX, False),
        (1e3, 0.3, 0.6, DMAX, True),
        (1e8, 0.1, 0.3, DMAX, False),
        (1e8, 0.1, 0.3, DMAX, True),
        (1e6, 1.0, 3.0, K, False),  # k_BT ≳ Δ°_max: α < 1
    ],
)
def test_slope_alpha_newton_with_the_exact_derivative_converges_in_a_few_steps(
    monkeypatch, f, t1, t2, dmax, correlated
):
    # S_std(ln α²) = resonant × g^{1−p} + D(T₂) − D(T₁) with its exact derivative: quadratic convergence
    full = relaxation_velocity_change(f, t1, t2, RATE, dmax, correlated=correlated)
    _newton_only(monkeypatch, 10)
    a = relaxation_slope_alpha(f, t1, t2, RATE, dmax, correlated=correlated)
    std = relaxation_velocity_change(f, t1, t2, RATE, dmax, alpha=a, correlated=correlated)
    assert std == pytest.approx(full, rel=1e-10)


def test_slope_alpha_brent_fallback_gives_newtons_root_including_alpha_below_one(monkeypatch):
    # Brent on ln α² ∈ [ln 1e-2, ln 1e2]: the same α as Newton to machine precision; with Δ°_max = k_B·1 K at
    # 1-3 K the thermal TLS sit at the window's top, ℓ < 1, and α = 0.90081 < 1 (Brent on S_std(α) = S_full
    # with both dispersions by nested adaptive quadrature: 0.9008102929585; the (E, q) grid gave 0.9025)
    cases = [(100.0, 0.5, 1.0, DMAX, False), (1e3, 0.3, 0.6, DMAX, True), (1e6, 1.0, 3.0, K, False)]
    newton = [relaxation_slope_alpha(f, t1, t2, RATE, d, correlated=c) for f, t1, t2, d, c in cases]
    assert newton[2] == pytest.approx(0.90081, abs=1e-5)
    monkeypatch.setattr(ma, "range", lambda n: iter(()), raising=False)
    for (f, t1, t2, d, c), a in zip(cases, newton, strict=True):
        assert relaxation_slope_alpha(f, t1, t2, RATE, d, correlated=c) == pytest.approx(a, rel=2e-14, abs=0)


def test_slope_alpha_is_nan_where_no_standard_model_reaches_the_full_slope():
    # 1 MHz, 0.3-1 K: the full model's Δv/v rises (+1.67 C_o) while the standard one at every α in 0.1-10
    # rises less (its own relaxation sets in as α² shortens τ): no α exists
    f, t1, t2 = 1e6, 0.3, 1.0
    full = relaxation_velocity_change(f, t1, t2, RATE, DMAX)
    assert full == pytest.approx(1.668, abs=1e-3)
    std = [relaxation_velocity_change(f, t1, t2, RATE, DMAX, alpha=a) for a in np.geomspace(0.1, 10.0, 21)]
    assert max(std) < full
    assert np.isnan(relaxation_slope_alpha(f, t1, t2, RATE, DMAX))


def test_slope_alpha_tends_to_the_resonant_velocity_alpha_when_no_tls_relaxes():
    # 10 GHz, 10-30 mK: ωτ ≫ 1 for every thermal TLS, Δv/v is resonant only, α = velocity_alpha(T₁, T₂)
    assert relaxation_slope_alpha(1e10, 0.01, 0.03, RATE, DMAX) == pytest.approx(
        velocity_alpha(0.01, 0.03, DMAX), rel=1e-10
    )


def test_asymptotic_slope_alpha_matches_the_lambert_w_solution_of_the_step_condition():
    # g* = ln(Δ°_max/Δ°*), Δ°* = (a/g*)^{1/2}, a = ω tanh(y/2)/(R E): g* − ½ ln g* = c = ln(Δ°_max/√a), i.e.
    # g* = −½ W₋₁(−2 e^{−2c}) (the branch g* > ½); α² = 2 ∫ ½ sech²(y/2) g*²/(2g* − 1) dy over y = eᵗ
    # (the formula's y range 1e-9-80; below 1e-9 the weight is 5e-10)
    for f, t in ((100.0, np.sqrt(0.5)), (1e3, 0.3), (1.0, 0.1)):
        omega, kt = 2 * np.pi * f, K * t

        def term(u, omega=omega, kt=kt):
            y = np.exp(u)
            a = omega * np.tanh(y / 2) / (RATE * y * kt)
            c = np.log(DMAX / np.sqrt(a))
            g = -0.5 * special.lambertw(-2 * np.exp(-2 * c), k=-1).real
            return y * 0.5 / np.cosh(y / 2) ** 2 * g**2 / (2 * g - 1)

        ref = np.sqrt(2 * integrate.quad(term, np.log(1e-9), np.log(80.0), limit=200, epsabs=0, epsrel=1e-13)[0])
        assert relaxation_slope_alpha_asymptotic(f, t, RATE, DMAX) == pytest.approx(ref, rel=1e-11)


def test_correlated_standard_sampling_carries_one_over_alpha():
    # correlated standard model: every TLS weighs κ(αγ_o)/κ(γ_o) = 1/α; at α = 2 the sample and the grid agree
    grid = relaxation_internal_friction(1e3, 0.5, RATE, DMAX, alpha=2.0, correlated=True)
    mean, err = sample_relaxation_internal_friction(
        np.random.default_rng(8), 50_000, 1e3, 0.5, RATE, DMAX, alpha=2.0, correlated=True
    )
    assert abs(mean - grid) < 4 * err
    assert err < 0.05 * grid


def test_sampled_squared_error_is_an_unbiased_estimate_of_the_variance_of_the_mean():
    # n = 3 TLS per estimate: E[err²] = σ²/n exactly with the n − 1 of Bessel (n − 2 would double it);
    # over 3000 seeds the mean of err² and the variance of the estimates agree to ~10 %
    runs = np.array(
        [
            sample_relaxation_internal_friction(np.random.default_rng(seed), 3, 1e3, 0.5, RATE, DMAX, alpha=0.5)
            for seed in range(3000)
        ]
    )
    ratio = np.var(runs[:, 0], ddof=1) / np.mean(runs[:, 1] ** 2)
    assert ratio == pytest.approx(1.0, abs=0.2)


@pytest.mark.parametrize(("f", "t", "alpha"), [(1e9, 0.02, 3.0), (1e10, 0.05, 1.0), (1e11, 0.02, 0.5)])
def test_closed_form_relaxation_keeps_its_relative_accuracy_when_q_is_tiny(f, t, alpha):
    # ωτ ≫ 1 for the thermal TLS: Q⁻¹ = 6e-6 … 4e-11 C_o; the closed-form route (relative tolerance only,
    # its 1/a² series where a = ωτ > 10³) and the grid agree to 1.4e-14 (measured), with no quad warning
    grid = relaxation_internal_friction(f, t, RATE, DMAX, alpha=alpha)
    with warnings.catch_warnings():
        warnings.simplefilter("error", integrate.IntegrationWarning)
        closed = standard_relaxation_internal_friction(f, t, RATE, alpha, DMAX)
    assert closed / grid == pytest.approx(1.0, rel=1e-12)


def test_a_slope_between_equal_temperatures_is_refused_not_solved():
    # S_full = S_std = 0 for every α when T₁ = T₂: no α is defined (Brent's bracket end came back before)
    with pytest.raises(InputError, match="two different temperatures"):
        ma.relaxation_slope_alpha(1e3, 0.5, 0.5, RATE, DMAX)


@pytest.mark.parametrize("correlated", [False, True])
def test_conductivity_alpha_keeps_the_shape_of_a_temperature_grid(correlated):
    # α_κ is computed temperature by temperature: a 2 x 2 grid gives the four values of the flat
    # call, in the grid's shape (a scalar gives a 0-d array)
    grid = np.array([[0.05, 0.1], [0.2, 0.4]])
    flat = conductivity_alpha(grid.ravel(), PAPER.tunneling_max, correlated=correlated)
    shaped = conductivity_alpha(grid, PAPER.tunneling_max, correlated=correlated)
    assert shaped.shape == (2, 2)
    np.testing.assert_array_equal(shaped.ravel(), flat)
    assert conductivity_alpha(0.1, PAPER.tunneling_max, correlated=correlated).shape == ()


# --- the kink at E = Δ°_max


def _nested_quad_internal_friction(f, t, alpha=None, correlated=False, dmax=DMAX):
    """Q⁻¹/C_o by nested adaptive quadrature over E and Δ° (independent of the grid's (ε, Δ°) coordinates).

    Outer: t = ln(E/k_BT), split at E = Δ°_max. Inner: s = ln(E/Δ°) ≥ max(0, ln(E/Δ°_max)), the integrand
    (ε/E) g φ(ωτ) with ε/E = (1 − e^{−2s})^{1/2}, ℓ = ln(Δ°_max/E) + s, ωτ g = base = c e^{2s},
    c = ω tanh(y/2)/(R E³). Below Δ°_max (s from 0) s = u² removes the √s; above it (s from ℓ = 0) the
    Lorentzian of the full model, width base in ℓ, is integrated in ln ℓ up to ℓ = 1.
    """
    kt, omega = K * t, 2.0 * math.pi * f
    opts = {"limit": 200, "epsabs": 0.0, "epsrel": 1e-12}

    def strength(ell, base):  # g φ(base/g), × g^{−1/2} with the correlation
        g = ell if alpha is None else alpha**2
        value = base * g * g / (g * g + base * base)
        return value / math.sqrt(g) if correlated else value

    def inner(y):
        energy = y * kt
        c = omega * math.tanh(y / 2.0) / (RATE * energy**3)
        le = math.log(dmax / energy)

        def f_s(s):
            return math.sqrt(-math.expm1(-2.0 * s)) * strength(le + s, c * math.exp(2.0 * s)) if le + s > 0 else 0.0

        if le > 0.0:
            head = integrate.quad(lambda u: 2.0 * u * f_s(u * u), 0.0, 1.0, **opts)[0]
            low = 1.0
        else:
            z_edge = math.log(c) - 2.0 * le  # ln base at ℓ = 0
            points = [z_edge] if -69.0 < z_edge < 0.0 else None
            head = integrate.quad(lambda z: math.exp(z) * f_s(math.exp(z) - le), -69.0, 0.0, points=points, **opts)[0]
            low = 1.0 - le
        s1 = -0.5 * math.log(c)  # base = 1
        high = max(low, s1) + 40.0
        points = [p for p in (s1 - 3.0, s1, s1 + 3.0) if low < p < high] or None
        return head + integrate.quad(f_s, low, high, points=points, **opts)[0]

    def outer(u):
        y = math.exp(u)
        return y / math.cosh(y / 2.0) ** 2 * inner(y)

    kink = math.log(dmax / kt)
    return integrate.quad(outer, math.log(1e-8), math.log(80.0), points=[kink], **{**opts, "epsrel": 1e-11})[0]


def test_closed_form_friction_reaches_down_to_the_low_energy_tls_that_still_relax_on_the_plateau():
    # 1 Hz and 50 K: ωτ(Δ° = E) ≈ 2e-12/y² stays ≪ 1 down to E ~ 1e-6 k_BT, so the TLS below that still give the
    # plateau's share; the former lower end E = 1e-6 k_BT left out 4.2e-8 of Q⁻¹ (measured against the nested
    # quadrature, which starts at 1e-8 k_BT and itself leaves out < 1e-13: the left-out part falls as the cube of
    # the lower end, 4.2e-8 → 4.3e-14 from 1e-6 to 1e-8). The closed form now starts at 1e-10 k_BT
    closed = standard_relaxation_internal_friction(1.0, 50.0, RATE, 1.5, DMAX)
    assert closed == pytest.approx(_nested_quad_internal_friction(1.0, 50.0, alpha=1.5), rel=1e-12)


@pytest.mark.parametrize(("f", "t"), [(1e9, 10.0), (15e6, 5.0), (1e9, 20.0)])
def test_constant_coupling_friction_stays_exact_where_the_window_edge_is_thermal(f, t):
    # k_BT = 0.5-2 Δ°_max: the thermal TLS straddle E = Δ°_max, where the inner Δ° integral at fixed E starts
    # at q = arccosh(E/Δ°_max) ≈ √(2(E/Δ°_max − 1)) and has an (E − Δ°_max)^{3/2} term. The closed form
    # (inner integral exact, quad split at E = Δ°_max) is the reference; the grid in (ε, Δ°) never meets
    # the kink and agrees to ≤ 1.1e-13 (measured); the (E, q) grid was off by 2.2e-5, 4.3e-7 and 3.0e-5.
    # The closed form's quad at scipy's default epsrel (1.5e-8) instead of 1e-11 is 1.7e-11 and 4.1e-11 off here
    grid = relaxation_internal_friction(f, t, RATE, DMAX, alpha=1.5)
    assert grid == pytest.approx(standard_relaxation_internal_friction(f, t, RATE, 1.5, DMAX), rel=1e-12)


@pytest.mark.parametrize(("f", "t", "correlated"), [(1e9, 15.0, False), (1e9, 10.0, True), (15e6, 5.0, True)])
def test_full_friction_where_the_window_edge_is_thermal_matches_nested_quadrature(f, t, correlated):
    # full model, g = ℓ = ln(Δ°_max/Δ°): just below Δ°_max the TLS relax slowly (τ ∝ 1/ℓ) and g φ(base/ℓ)
    # is a Lorentzian of width base in ℓ at the window's edge, on top of the kink at E = Δ°_max. The grid's
    # nodes close in on ℓ = 0 geometrically (ℓ = c ln(1 + e^{v/c})): ≤ 5e-14 against the nested quadrature
    # (measured); the (E, q) grid was off by 5.9e-4, 9.9e-4 and −2.7e-4
    grid = relaxation_internal_friction(f, t, RATE, DMAX, correlated=correlated)
    assert grid == pytest.approx(_nested_quad_internal_friction(f, t, correlated=correlated), rel=1e-9)


def test_closed_form_friction_keeps_its_digits_where_omega_tau_is_tiny():
    # 1 kHz, 20 K: a = ωτ(Δ° = E) ~ 1e-10 for the thermal TLS. artanh(1/√d) − artanh(t₀/√d), d = 1 − ia, each
    # near the pole at 1 with 1 − 1/√d = O(a), lost ~1e-16/a: the closed form was 1.9e-9 off the nested
    # quadrature; taken as one artanh with 1 − z written out it agrees to 2.8e-12 (measured; its quad has
    # epsrel = 1e-11)
    closed = standard_relaxation_internal_friction(1e3, 20.0, RATE, 1.5, DMAX)
    assert closed == pytest.approx(_nested_quad_internal_friction(1e3, 20.0, alpha=1.5), rel=2e-10)


@pytest.mark.parametrize("t", [5.0, 10.0, 30.0])
def test_local_velocity_slope_alpha_where_the_window_edge_is_thermal_matches_adaptive_quadrature(t):
    # α² = ∫sech²x G / ∫sech²x share (x = E/2k_BT), α = ∫sech²x H / ∫sech²x share with the correlation;
    # at x* = Δ°_max/2k_BT = 1, 0.5, 0.17 share has a √ onset, G an (x − x*)^{3/2} and H an
    # (x − x*) ln|x − x*| term. Reference: quad on each side of x* in ln x (the same G, share and H);
    # the split trapezoid agrees to ≤ 1.2e-14 (measured), the uniform ln x grid was off by 0.8e-4 to 2.7e-4
    two_kt = 2 * K * t
    split = math.log(DMAX / two_kt)

    def integral(fun):
        def h(u):
            x = math.exp(u)
            return x / math.cosh(x) ** 2 * float(fun(two_kt * x, DMAX))

        opts = {"limit": 200, "epsabs": 0.0, "epsrel": 1e-12}
        return sum(integrate.quad(h, a, b, **opts)[0] for a, b in ((math.log(1e-16), split), (split, math.log(40.0))))

    share = integral(ma.resonant_fraction)
    plain = math.sqrt(integral(ma.resonant_log_average) / share)
    correlated = integral(ma.resonant_sqrt_log_average) / share
    assert velocity_slope_alpha(t, DMAX) == pytest.approx(plain, rel=1e-9)
    assert velocity_slope_alpha(t, DMAX, correlated=True) == pytest.approx(correlated, rel=1e-9)


# --- mutation survivors (B)


def _shift_over_the_tls_first(t1, t2, dmax, power):
    """∫₀^∞ ds s^power ∫₀^∞ dq F(Δ°_max e^{−s} cosh q)/cosh²q with F(E) = tanh(E/2k_BT₁) − tanh(E/2k_BT₂).

    The resonant shift ∫dE/E F(E) G(E), G(E) = ∫₀^{min(E, Δ°_max)} dΔ° g(Δ°) Δ°/(E√(E² − Δ°²)), with the order
    of integration swapped: ∫₀^{Δ°_max} dΔ° g ∫_{Δ°}^∞ dE F Δ°/(E²√(E² − Δ°²)); E = Δ° cosh q makes the inner one
    (1/Δ°)∫₀^∞ dq F(Δ° cosh q)/cosh²q, and Δ° = Δ°_max e^{−s} gives g = s^power (1: Eq. 10, ½: the correlated
    ln^{1/2}, 0: the standard α = 1). No kink at E = Δ°_max in this order.
    """
    k1, k2 = 2 * K * t1, 2 * K * t2

    def inner(s):
        d = dmax * math.exp(-s)

        def g(q):
            e = d * math.cosh(q)
            return (math.tanh(e / k1) - math.tanh(e / k2)) / math.cosh(q) ** 2

        q_thermal = math.acosh(max(1.0, min(k1, k2) / d))
        breaks = [q_thermal] if q_thermal > 0 else None
        return integrate.quad(g, 0.0, q_thermal + 40.0, points=breaks, epsabs=0.0, epsrel=1e-13, limit=200)[0]

    s_thermal = math.log(dmax / min(k1, k2))
    breaks = [s_thermal] if s_thermal > 0 else None
    total = integrate.quad(lambda s: s**power * inner(s), 0.0, 80.0, points=breaks, epsabs=0.0, epsrel=1e-13, limit=200)
    return total[0]


@pytest.mark.parametrize(
    ("t1", "t2", "dmax_k", "kwargs", "power"),
    [
        (0.1, 0.3, 0.01, {"alpha": 1.0}, 0.0),
        (0.1, 0.3, 0.01, {}, 1.0),
        (0.0225, 0.03375, 0.3, {"correlated": True}, 0.5),
    ],
)
def test_resonant_shift_is_the_same_integrated_over_the_tls_first(t1, t2, dmax_k, kwargs, power):
    # Δv/v(T₂) − Δv/v(T₁) summed over E at fixed Δ° (the helper above) instead of over Δ° at fixed E: the window
    # edge E = Δ°_max (Δ°_max/2k_BT = 0.05 and 6.7 here), where the resonant share 1 − √(1 − b²) has a root
    # singularity, is inside the thermal range; the two routes agree to the 1e-11 the quadrature asks for
    got = resonant_velocity_change(t1, t2, dmax_k * K, **kwargs)
    assert got / _shift_over_the_tls_first(t1, t2, dmax_k * K, power) == pytest.approx(1.0, rel=2e-11)


def test_correlated_conductivity_alpha_carries_the_accuracy_its_quadrature_asks_for():
    # α = ∫w/∫(w/H) over x = ħω/k_BT < x_top (see above); at T = 1 K, x_top = Δ°_max/k_BT = 10, both integrals by
    # adaptive quadrature to 1e-13 (H = resonant_sqrt_log_average, itself checked to 1e-13 above): the 1e-10
    # relative accuracy that conductivity_alpha requests of quad
    t = 1.0
    ratio = _phonon_average_over(t, lambda e: float(resonant_sqrt_log_average(e, DMAX)), (1e-3, 0.1, 1.0), 400)
    assert float(conductivity_alpha(t, DMAX, correlated=True)) == pytest.approx(ratio, rel=1e-10)


class _MidRange:
    """A generator whose every uniform draw is ½: each sampled phonon sits at the middle of the sampled range."""

    def random(self, n):
        return np.full(n, 0.5)


@pytest.mark.parametrize(
    ("t", "x_mid", "alpha_squared"), [(0.1, 30.0, np.log(100.0 / 30.0) + 1.0 - np.log(2.0)), (0.25, 20.0, 1.0)]
)
def test_sampled_conductivity_alpha_draws_phonons_up_to_sixty_k_t_or_the_window(t, x_mid, alpha_squared):
    # x = ħω/k_BT is sampled on [0, min(Δ°_max/k_BT, 60)], so with every draw at ½ all phonons have x = x_mid and
    # α² = ∫w/∫(w/G) = G(x_mid k_BT) = ln(Δ°_max/x_mid k_BT) + 1 − ln 2 (E < Δ°_max), with no scatter:
    # T = 0.1 K: Δ°_max/k_BT = 100 > 60, x_mid = 30, α² = ln(10/3) + 0.306853 = 1.510826;
    # T = 0.25 K: Δ°_max/k_BT = 40, x_mid = 20 = Δ°_max/2k_BT, α² = ln 2 + 1 − ln 2 = 1
    alpha, err = sample_conductivity_alpha(_MidRange(), 4, t, DMAX)
    assert alpha**2 == pytest.approx(alpha_squared, rel=1e-12)
    assert err == 0.0


def _relaxation_by_double_quadrature(big_a, c):
    """Q⁻¹/(α² C_o) = ∫dy sech²(y/2) ½∫₀^{x_max} dx √(1 − x) a/(x² + a²), a = A tanh(y/2)/y³, x_max = min(1, (c/y)²).

    A = big_a. The defining integral of the constant-γ internal friction (x = (Δ°/E)², a = ωτ at Δ° = E, y = E/k_BT, c =
    Δ°_max/k_BT), by adaptive quadrature in both variables.
    """

    def inner(y):
        a = big_a * math.tanh(y / 2) / y**3
        x_max = min(1.0, (c / y) ** 2)
        breaks = [a] if a < x_max else None
        value = integrate.quad(
            lambda x: math.sqrt(1.0 - x) * a / (x * x + a * a), 0.0, x_max, points=breaks, epsabs=0.0, epsrel=1e-13
        )[0]
        return 0.5 * value

    return integrate.quad(
        lambda y: inner(y) / math.cosh(y / 2) ** 2, 1e-6, 100.0, points=[c], epsabs=0.0, epsrel=1e-13, limit=400
    )[0]


@pytest.mark.parametrize(("big_a", "c"), [(3e4, 0.5), (1e4, 1.0)])
def test_closed_form_relaxation_in_its_series_regime_matches_the_defining_double_integral(big_a, c):
    # ωτ(Δ° = E) = A tanh(y/2)/y³ > 10³ for the thermal TLS (y < 2 at A = 10⁴, y < 3 at A = 3·10⁴), where the
    # closed form uses its 1/a² series ½[J₀/a − J₂/a³], J_k = ∫₀^{x_max} dx x^k √(1 − x); Δ°_max = c k_BT cuts the
    # window for those TLS (x_max < 1, t₀ = √(1 − x_max) > 0). J₂/(J₀ a²) ≤ 2.3e-7 there: compared to 1e-11
    t, alpha, f = 1.0, 1.5, 1e9
    rate = 2 * np.pi * f / (big_a * alpha**2 * (K * t) ** 3)
    with warnings.catch_warnings():
        warnings.simplefilter("error", integrate.IntegrationWarning)
        closed = standard_relaxation_internal_friction(f, t, rate, alpha, c * K * t)
    expected = alpha**2 * _relaxation_by_double_quadrature(big_a, c)
    assert closed / expected == pytest.approx(1.0, rel=1e-11)


# --- mutation survivors (A)


def test_one_relaxing_level_at_its_loss_peak_gives_half_its_strength_even_below_the_plateau_start():
    # one level of weight 1: Σ w g φ(b/g) = b g²/(g² + b²), ωτ = b/g. At ωτ = 1 (g = b) it gives half its
    # fast-relaxation limit b, so the target b/2 has α² = b; the target 0.9 b has ωτ = 1/3, g = 3b. With b = 1e-8
    # the roots α² = 1e-8, 3e-8 lie below the start α² = max(2Q/π, 1e-6) = 1e-6, on the saturated side (Q ≈ b,
    # flat in g), so Newton's first step is large and downward; the root is still found: α = 1e-4 and √3·1e-4
    b = 1e-8
    weight, base = np.array([1.0]), np.array([b])
    assert ma._solve_alpha(0.5 * b, weight, base) / 1e-4 == pytest.approx(1.0, rel=1e-12)
    assert ma._solve_alpha(0.9 * b, weight, base) / (np.sqrt(3.0) * 1e-4) == pytest.approx(1.0, rel=1e-12)


def test_the_standard_slopes_and_the_regime_ratio_depend_on_alpha_only_through_alpha_squared():
    # γ = αγ_o enters the uniform standard model squared (strength α², rate τ⁻¹ ∝ α²): the sign of the
    # coupling is a convention, α → −α changes neither Q⁻¹, nor Δv/v(T₂) − Δv/v(T₁), nor S_std/(−½α² ln(T₂/T₁))
    f, t1, t2 = 100.0, 0.5, 1.0
    for alpha in (1.5, 2.5):
        assert relaxation_internal_friction(f, t1, RATE, DMAX, alpha=-alpha) == pytest.approx(
            relaxation_internal_friction(f, t1, RATE, DMAX, alpha=alpha), rel=1e-15
        )
        assert relaxation_velocity_change(f, t1, t2, RATE, DMAX, alpha=-alpha) == pytest.approx(
            relaxation_velocity_change(f, t1, t2, RATE, DMAX, alpha=alpha), rel=1e-15
        )
        assert relaxation_regime_ratio(f, t1, t2, RATE, -alpha, DMAX) == pytest.approx(
            relaxation_regime_ratio(f, t1, t2, RATE, alpha, DMAX), rel=1e-15
        )


def test_a_rising_slope_below_the_standard_maximum_is_met_by_two_alphas_and_the_start_picks_one(monkeypatch):
    # 100 Hz, 22.4-44.7 mK: at small α the standard slope is the resonant rise (+α² per e-fold; τ ∝ 1/α² is long),
    # at large α the relaxation fall wins (−α²/2 per e-fold), so S_std(α) rises from 0, peaks (≈ +0.37 C_o near
    # α = 1.5) and falls through 0. The full model's rising +0.09 C_o is met twice, near α ≈ 0.41 and α ≈ 2.46: both
    # solve S_std = S_full, and Newton's method started at either root stops there after one step (no Brent)
    f, t1, t2 = 100.0, 0.0224, 0.0447
    full = relaxation_velocity_change(f, t1, t2, RATE, DMAX)
    assert 0.0 < full < relaxation_velocity_change(f, t1, t2, RATE, DMAX, alpha=1.5)
    low = relaxation_slope_alpha(f, t1, t2, RATE, DMAX, initial_alpha=0.5)
    high = relaxation_slope_alpha(f, t1, t2, RATE, DMAX, initial_alpha=3.0)
    assert 0.3 < low < 0.6 and 2.2 < high < 2.7
    for root in (low, high):
        assert relaxation_velocity_change(f, t1, t2, RATE, DMAX, alpha=root) == pytest.approx(full, rel=1e-9)
    _newton_only(monkeypatch, 1)
    for root in (low, high):
        assert relaxation_slope_alpha(f, t1, t2, RATE, DMAX, initial_alpha=root) == pytest.approx(root, rel=1e-12)


def test_newton_alone_reaches_the_resonant_slope_alpha_from_a_start_a_hundred_times_off(monkeypatch):
    # 10 GHz, 10-30 mK: no TLS relaxes, S_std = α² × (resonant slope at α = 1) is linear in g = α², and Newton's
    # step in ln g from below is S_full/S_std(g) − 1, which overshoots exponentially unless it is limited (one
    # e-fold of g per step); from above it is > −1. So from α₀ = 0.01 … 100 Newton's method alone (≤ 40 steps)
    # reaches the velocity α of the same temperatures
    expected = velocity_alpha(0.01, 0.03, DMAX)
    _newton_only(monkeypatch, 40)
    for start in (0.01, 0.1, 10.0, 100.0):
        assert relaxation_slope_alpha(1e10, 0.01, 0.03, RATE, DMAX, initial_alpha=start) == pytest.approx(
            expected, rel=1e-10
        )


def test_the_slope_alpha_does_not_depend_on_a_start_whose_alpha_squared_underflows():
    # α₀ = 1e-200: α₀² = 0 in floating point, where S_std and its derivative both vanish; Newton's method has no
    # direction and Brent's method takes over, giving the same root as the default start (100 Hz, 0.5-1 K)
    reference = relaxation_slope_alpha(100.0, 0.5, 1.0, RATE, DMAX)
    got = relaxation_slope_alpha(100.0, 0.5, 1.0, RATE, DMAX, initial_alpha=1e-200)
    assert isinstance(got, float)
    assert got == pytest.approx(reference, rel=1e-12)


def test_the_sampler_stops_forty_e_folds_of_delta_below_e_by_default():
    # ln Δ° is sampled down to ln E − 40 (log_span = 40). Standard model α = 1, x = (Δ°/E)², a = ωτ(Δ° = E):
    # the inner integral ½∫dx √(1 − x) a/(x² + a²) over x > e^{−80} is ½ arctan(a e^{80}) (√(1 − x) = 1 and
    # arctan(1/a) = π/2 to O(a) = e^{−80}), so Q⁻¹ = ½∫dy sech²(y/2) arctan(a e^{80}). At T = 0.5 K and
    # ω = R (k_BT)³ e^{−80}/tanh ½ (f = 5.3e-30 Hz) the loss peak ωτ = 1 of the y = 1 TLS sits at the cut,
    # and Q⁻¹ = 0.758, half the plateau π/2: the TLS slower than E e^{−40} are missing
    t = 0.5
    kt = K * t
    omega = RATE * kt**3 * np.exp(-80.0) / np.tanh(0.5)

    def integrand(u):  # y = eᵘ
        y = np.exp(u)
        a = omega * np.tanh(y / 2) / (RATE * (y * kt) ** 3)
        return y / np.cosh(y / 2) ** 2 * 0.5 * np.arctan(a * np.exp(80.0))

    expected = integrate.quad(integrand, np.log(1e-9), np.log(80.0), limit=200, epsabs=0, epsrel=1e-12)[0]
    assert 0.45 < expected / (np.pi / 2) < 0.5
    mean, err = sample_relaxation_internal_friction(
        np.random.default_rng(1), 50_000, omega / (2 * np.pi), t, RATE, DMAX, 1.0
    )
    assert abs(mean - expected) < 4 * err
    assert err < 0.03 * expected


def test_the_sampler_counts_only_tls_inside_the_window_when_its_top_is_below_the_sampled_range():
    # log_span = 1: ln Δ° on [ln E − 1, ln min(E, Δ°_max)], with Δ°_max = k_B·0.5 K below the thermal E at 1 K, so
    # for E > Δ°_max the sampled range is narrower than one e-fold and it is empty for E > e Δ°_max. The estimate
    # is Q⁻¹ = ∫dy sech²(y/2) ∫du (ε/E) α² φ(ωτ) over u = ln(E/Δ°) ∈ [max(0, ln(E/Δ°_max)), 1], ε/E = √(1 − e^{−2u}),
    # ωτ = ω tanh(y/2) e^{2u}/(R α² E³); ω = R Δ°_max² k_BT puts the loss peak of E ≈ k_BT near Δ°_max
    t, dmax, span = 1.0, 0.5 * K, 1.0
    kt = K * t
    omega = RATE * dmax**2 * kt

    def integrand(u, y):
        wt = omega * np.tanh(y / 2) * np.exp(2 * u) / (RATE * (y * kt) ** 3)
        return np.cosh(y / 2) ** -2 * np.sqrt(-np.expm1(-2 * u)) * wt / (1 + wt**2)

    y_top = np.exp(span) * dmax / kt
    expected = integrate.dblquad(
        integrand, 0.0, y_top, lambda y: max(0.0, np.log(y * kt / dmax)), span, epsabs=0, epsrel=1e-8
    )[0]
    mean, err = sample_relaxation_internal_friction(
        np.random.default_rng(3), 20_000, omega / (2 * np.pi), t, RATE, dmax, alpha=1.0, log_span=span
    )
    assert abs(mean - expected) < 4 * err
    assert err < 0.02 * expected


def test_an_empty_sampled_range_of_delta_gives_exactly_zero():
    # log_span = 0: ln Δ° ∈ [ln E, ln min(E, Δ°_max)] has zero length, every sampled TLS weighs 2 × 0 × (ε/E) g φ;
    # Δ° = exp(ln E) may exceed E by an ulp, where ε/E = √(1 − (Δ°/E)²) must be 0, not NaN
    for alpha in (None, 1.0):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = sample_relaxation_internal_friction(
                np.random.default_rng(2), 1000, 1e3, 0.5, RATE, DMAX, alpha=alpha, log_span=0.0
            )
        assert got == (0.0, 0.0)


# --- slopes between nearly equal temperatures
@pytest.mark.parametrize("t2", [0.30000000000000004, 0.3 * (1 + 1e-7)])
def test_a_slope_between_temperatures_closer_than_a_millionth_in_ln_t_is_refused(t2):
    # S_full and S_std are differences of two quad results good to ~1e-10 each; over |ln(T₂/T₁)| < 1e-6
    # the slope is rounding noise (one ulp apart, Brent's bracket end 10.0 came back before)
    for slope in (ma.relaxation_slope_alpha, ma.paper_slope_alpha):
        with pytest.raises(InputError, match="two different temperatures"):
            slope(100.0, 0.3, t2, RATE, DMAX)


def test_a_flat_slope_reads_as_zero_coupling(monkeypatch):
    # α² = −2S/ln(T₂/T₁): S = 0 is the standard model with γ = 0, α = 0 (a rising S has no real α)
    monkeypatch.setattr(ma, "relaxation_velocity_change", lambda *args, **kwargs: 0.0)
    assert ma.paper_slope_alpha(100.0, 0.3, 0.6, RATE, DMAX) == 0.0
    monkeypatch.setattr(ma, "relaxation_velocity_change", lambda *args, **kwargs: 1e-6)
    assert np.isnan(ma.paper_slope_alpha(100.0, 0.3, 0.6, RATE, DMAX))


# --- mutation survivors (E)


def test_half_angle_sech_squared_has_its_exact_values_and_vanishes_far_above_k_t_without_overflow():
    # sech²(y/2) = 1/cosh²(y/2): 1 at y = 0; cosh(asinh 1) = √2 gives ½ at y = 2 asinh 1; cosh(ln(2 + √3)) =
    # ((2 + √3) + (2 − √3))/2 = 2 gives ¼ at y = 2 ln(2 + √3); 4e^{−y}(1 − 2e^{−y} + …) far out. The relaxation grid
    # evaluates it up to E = e¹² × 80 k_BT before masking (y ~ 1e7): there it must be 0, not inf/inf = NaN
    y = np.array([0.0, 2.0 * np.arcsinh(1.0), 2.0 * np.log(2.0 + np.sqrt(3.0)), 100.0, 1e4, 1e7])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = ma._sech2_half(y)
    assert values[:3] == pytest.approx([1.0, 0.5, 0.25], rel=1e-14)
    assert values[3] / (4.0 * np.exp(-100.0)) == pytest.approx(1.0, rel=1e-14)
    assert values[4] == 0.0 and values[5] == 0.0


def test_the_split_quadrature_of_the_local_slope_integrates_root_and_three_halves_onsets_to_rounding():
    # ∫|s|^p e^{−s²} ds over the real line = Γ((p + 1)/2): √π (p = 0), Γ(3/4) (a √|t − t*| onset, like the resonant
    # share at E = Δ°_max) and Γ(5/4) (the |t − t*|^{3/2} of G). Split at t* = −20 in [ln 1e-20, ln 40], the
    # Gaussian is < e^{−560} at both ends, so Σ f(tᵢ) dtᵢ must give these to rounding (measured ≤ 9e-15), with
    # every node inside the range
    low, high = ma._SLOPE_RANGE
    t, dt = ma._slope_nodes(-20.0)
    s = t + 20.0
    for p, exact in ((0.0, np.sqrt(np.pi)), (0.5, special.gamma(0.75)), (1.5, special.gamma(1.25))):
        assert np.sum(dt * np.abs(s) ** p * np.exp(-(s**2))) == pytest.approx(exact, rel=1e-13)
    assert low - 1e-12 < t.min() and t.max() < high + 1e-12


def test_the_split_quadrature_of_the_local_slope_covers_its_range_wherever_the_split_falls():
    # x* = Δ°_max/2k_BT below 1e-20 (k_BT ≫ Δ°_max) or above 40 (k_BT ≪ Δ°_max) clips the split to an end, and
    # x* may lie within rounding of an end: in every case the rule spans the whole range [ln 1e-20, ln 40] and
    # no more (the slope's sech²x overflows beyond it), and the Gaussian centred at t = −20 integrates to √π
    low, high = ma._SLOPE_RANGE
    splits = [low - 1.0, low, low + 0.05, low + 1.0, high - 1.0, high - 0.05, high, high + 1.0]
    below_top, above_bottom = high, low
    for _ in range(40):  # the split 1 … 40 ulps inside either end
        below_top, above_bottom = np.nextafter(below_top, -np.inf), np.nextafter(above_bottom, np.inf)
        splits += [below_top, above_bottom]
    for t_star in splits:
        t, dt = ma._slope_nodes(float(t_star))
        assert low - 1e-12 < t.min() and t.max() < high + 1e-12
        assert np.sum(dt * np.exp(-((t + 20.0) ** 2))) == pytest.approx(np.sqrt(np.pi), rel=1e-13)


@pytest.mark.parametrize(("f", "t"), [(1e4, 3.0), (1e6, 2.15)])
def test_closed_form_friction_meets_its_requested_accuracy_where_the_thermal_energies_cross_delta_max(f, t):
    # Δ°_max = 3.3 and 4.7 k_BT: the thermal E cross E = Δ°_max, where the inner Δ° integral (exact) gains an
    # (E − Δ°_max)^{3/2} term; the quad over ln E (epsrel = 1e-11) is split there and agrees with the nested
    # quadrature (split at the kink in its own variables) to ≤ 1.2e-14 (measured). Without the split, quad's
    # error estimate does not see the kink: 2.5e-10 and 3.7e-10 off
    closed = standard_relaxation_internal_friction(f, t, RATE, 1.5, DMAX)
    assert closed == pytest.approx(_nested_quad_internal_friction(f, t, alpha=1.5), rel=1e-11)


@pytest.mark.parametrize(("f", "t"), [(1.0, 1.0), (10.0, 2.0)])
def test_closed_form_friction_keeps_its_digits_deep_in_the_relaxation_regime(f, t):
    # 1-10 Hz, 1-2 K: a = ωτ(Δ° = E) ≈ 2e-7 at E = k_BT, and z = √d k/(k − ia) ≈ 1 + ia/2 sits next to the pole of
    # artanh at 1, where artanh(z) of the rounded z loses digits (6e-10 here); ½[ln(1 + z) − ln(1 − z)] with 1 − z
    # written out keeps them: ≤ 3.5e-13 from the nested quadrature (measured), with the closed form's lower end at
    # E = 1e-6 k_BT then (it is 1e-10 k_BT now): a ≈ 2e-7/y² there, the inner integral ≈ 1/3a,
    # ∫₀^{1e-6} dy y²/6e-7 = 5.6e-13 = 3.5e-13 Q⁻¹
    closed = standard_relaxation_internal_friction(f, t, RATE, 1.5, DMAX)
    assert closed == pytest.approx(_nested_quad_internal_friction(f, t, alpha=1.5), rel=1e-11)
