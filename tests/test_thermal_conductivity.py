import numpy as np
import pytest
from scipy import constants, integrate

from tlslib.coupling import coupling_of_tunneling
from tlslib.observables import (
    mean_free_path_ratio,
)
from tlslib.paper.parameters import PAPER
from tlslib.statistics import power_law_exponent
from tlslib.thermal_conductivity import (
    EXACT_LOG_OFFSET,
    NAIVE_LOG_OFFSET,
    conductivity_weight,
    dominant_phonon_ratio,
    kappa_log_coefficient,
    kappa_log_constant,
    model_thermal_conductivity,
    naive_resonant_weight,
    paper_log_correction,
    resonant_coupling_constant,
    resonant_log_average,
    resonant_scattering_rate,
    resonant_weight,
    standard_thermal_conductivity,
)

K = constants.k
DMAX = 10.0 * K  # Δ°_max = 10 K


def test_resonant_weight_is_normalised_so_resonant_density_is_p_bar():
    # ∫₀^E Δ dΔ/(E√(E²−Δ²)) = [−√(E²−Δ²)/E]₀^E = 1
    e = 0.3 * K
    total = integrate.quad(lambda d: resonant_weight(d, e), 0.0, e)[0]
    assert total == pytest.approx(1.0, rel=1e-8)
    assert integrate.quad(lambda d: naive_resonant_weight(d, e), 0.0, e)[0] == pytest.approx(1.0, rel=1e-12)


def test_log_average_below_delta_max_is_ln_plus_one_minus_ln2():
    # E = 1 K: ln(10) + 1 − ln 2 = 2.302585 + 0.306853 = 2.609438
    assert resonant_log_average(1.0 * K, DMAX) == pytest.approx(2.609438, abs=1e-6)
    assert EXACT_LOG_OFFSET == pytest.approx(0.306853, abs=1e-6)


@pytest.mark.parametrize("energy_kelvin", [0.02, 0.2, 2.0, 10.0, 15.0, 40.0])
def test_log_average_matches_quadrature_of_eq10_over_resonant_tls(energy_kelvin):
    # ⟨γ²⟩/γ_o² = ∫ w(Δ) ln(Δmax/Δ) dΔ over 0 < Δ < min(E, Δmax), γ from Eq. 10 with γ_o = 1
    e = energy_kelvin * K
    upper = min(e, DMAX)
    num = integrate.quad(lambda d: resonant_weight(d, e) * coupling_of_tunneling(d, DMAX, 1.0) ** 2, 0.0, upper)[0]
    assert resonant_log_average(e, DMAX) == pytest.approx(num, rel=1e-7)


def test_naive_weight_gives_the_papers_one_half():
    # ∫₀¹ 2x ln(1/x) dx = 1/2: with that weight ⟨ln(Δmax/Δ)⟩ = ln(Δmax/E) + 1/2
    e = 0.2 * K
    num = integrate.quad(lambda d: naive_resonant_weight(d, e) * np.log(DMAX / d), 0.0, e)[0]
    assert num == pytest.approx(np.log(DMAX / e) + NAIVE_LOG_OFFSET, rel=1e-10)


def test_log_average_is_continuous_at_delta_max_and_thins_as_b2_over_4_above():
    # b = 1: 1 − ln 2 from both branches; b = 0.01: 1 − ln2 + ln(1 + √0.9999) − √0.9999 ≈ b²/4 = 2.5e-5
    assert resonant_log_average(DMAX * (1 - 1e-12), DMAX) == pytest.approx(1 - np.log(2), abs=1e-9)
    assert resonant_log_average(DMAX * (1 + 1e-12), DMAX) == pytest.approx(1 - np.log(2), abs=1e-9)
    assert resonant_log_average(100.0 * DMAX, DMAX) == pytest.approx(2.5e-5, rel=1e-3)


def test_paper_log_correction_at_100_mK():
    # 1 + 2 ln(10 K / 0.2 K) = 1 + 2 × 3.912023 = 8.824046
    assert paper_log_correction(0.1, DMAX) == pytest.approx(8.824046, abs=1e-6)
    # and it is 2 [ln(Δmax/E) + 1/2] at E = 2 k_B T
    assert paper_log_correction(0.1, DMAX) == pytest.approx(2 * (np.log(DMAX / (0.2 * K)) + NAIVE_LOG_OFFSET))


def test_resonant_c_equals_eq12_c_where_log_average_is_alpha_squared(sio2):
    # C(E) = P̄ γ_o² F/ρv²; F = α² = 6.25 ⇒ C = P̄ (2.5 γ_o)²/ρv²
    rho, v = sio2["density"], sio2["velocity"]
    p, go = 1e45, 1e-19
    e = DMAX / np.exp(6.25 - EXACT_LOG_OFFSET)
    expected = p * (2.5 * go) ** 2 / (rho * v**2)
    assert resonant_coupling_constant(e, DMAX, p, go, rho, v) == pytest.approx(expected, rel=1e-12)


def test_resonant_rate_and_mean_free_path_ratio():
    # ħω = 2 k_B T: τ⁻¹ = π C ω tanh(1) = π × 3e-4 × 0.761594 ω = 7.1779e-4 ω
    t = 0.1
    w = 2 * K * t / constants.hbar
    rate = resonant_scattering_rate(w, t, 3e-4)
    assert rate / w == pytest.approx(7.1779e-4, rel=1e-4)
    # ℓ/λ = (v/τ⁻¹)/(2π v/ω) = ω/(2π τ⁻¹) = 1/(2π² C tanh)
    assert w / (2 * np.pi * rate) == pytest.approx(mean_free_path_ratio(3e-4 * np.tanh(1.0)), rel=1e-12)


def test_conductivity_weight_integrates_to_pi_squared_and_tends_to_2():
    # 4 ∫ y³ cosh y/sinh³ y dy = 6 ∫ y²/sinh² y dy = 6 π²/6 = π²; x³ (x/2)⁻³ /4 → 2 as x → 0
    assert integrate.quad(conductivity_weight, 0.0, np.inf)[0] == pytest.approx(np.pi**2, rel=1e-9)
    assert conductivity_weight(1e-6) == pytest.approx(2.0, rel=1e-6)


def test_phonons_above_delta_max_carry_under_one_percent_below_1_K():
    # ∫₁₀^∞ w ≈ e^-10 (10³ + 3·10² + 6·10 + 6)(1 + …) ≈ 0.062 → 0.6 % of π²
    tail = integrate.quad(conductivity_weight, 10.0, np.inf)[0]
    assert tail / np.pi**2 == pytest.approx(0.0063, abs=0.0003)


def test_dominant_phonon_is_2_kT():
    # exp⟨ln x⟩ over the κ weight; quadrature gives 1.98607 (the paper's "2 k_B T")
    assert dominant_phonon_ratio() == pytest.approx(1.98607, abs=1e-5)


def test_sio2_standard_conductivity_at_1_K():
    # 3 k³ T²/(6π ħ² C v) = k³/(2π ħ²)/(C v): 2.63182e-69/6.98766e-68 = 0.0376638; /(2.9e-4 × 4163 = 1.20727) = 0.031198
    assert standard_thermal_conductivity(1.0, 2.9e-4, 4163.0) == pytest.approx(0.031198, rel=1e-4)
    assert standard_thermal_conductivity(0.1, 2.9e-4, 4163.0) == pytest.approx(0.031198e-2, rel=1e-4)


def test_model_conductivity_tends_to_dominant_phonon_form_at_low_T(sio2):
    # T = 0.1 mK: b = 10/(1.98607e-4) = 50351, F = ln b + 0.30685 = 10.8267 + 0.3069 = 11.1336
    rho, v = sio2["density"], sio2["velocity"]
    p, go = 1e45, 1e-19
    kappa = model_thermal_conductivity(1e-4, DMAX, p, go, rho, v)
    c_star = p * go**2 * 11.1336 / (rho * v**2)
    assert kappa == pytest.approx(standard_thermal_conductivity(1e-4, c_star, v), rel=0.01, abs=0)


def test_model_conductivity_is_steeper_than_t2_and_scales_as_one_over_p_bar(sio2):
    rho, v = sio2["density"], sio2["velocity"]
    t = np.geomspace(0.01, 1.0, 9)
    k1 = model_thermal_conductivity(t, DMAX, 1e45, 1e-19, rho, v)
    k2 = model_thermal_conductivity(t, DMAX, 2e45, 1e-19, rho, v)
    assert k1.shape == t.shape
    np.testing.assert_allclose(k1 / k2, 2.0, rtol=1e-6)
    # more strongly coupled TLS at lower E: κ/T² falls as T falls
    assert np.all(np.diff(k1 / t**2) > 0)
    assert 2.2 < power_law_exponent(t, k1) < 2.4


def test_kappa_log_constant_is_one_only_without_the_jacobian():
    # at E = 2kT: 2 × 1/2 = 1 without the Jacobian, 2(1 − ln 2) = 0.6137 with it;
    # at the dominant phonon x = 1.986 add 2 ln(2/1.986) = 0.014: 0.628
    assert kappa_log_constant(jacobian=False, phonon_ratio=2.0) == pytest.approx(1.0, rel=1e-15)
    assert kappa_log_constant(phonon_ratio=2.0) == pytest.approx(2.0 * (1.0 - np.log(2.0)), rel=1e-15)
    assert kappa_log_constant() == pytest.approx(0.6277, abs=1e-4)
    assert kappa_log_coefficient(tunneling_max=PAPER.tunneling_max) == pytest.approx(2.0, rel=1e-9)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_resonant_log_average_below_delta_max_is_ln_b_plus_one_minus_ln2():
    from tlslib.thermal_conductivity import EXACT_LOG_OFFSET, resonant_log_average

    # E ≤ Δ°_max (b = Δ°_max/E ≥ 1): ⟨ln(Δ°_max/Δ°)⟩ = ln b + 1 − ln 2; b = 1.5: 0.405465 + 0.306853 = 0.712318
    assert EXACT_LOG_OFFSET == pytest.approx(1.0 - np.log(2.0), rel=1e-15)
    assert float(resonant_log_average(1.0, 1.5)) == pytest.approx(0.712318, abs=1e-6)
    assert float(resonant_log_average(1.0, 1.0)) == pytest.approx(1.0 - np.log(2.0), rel=1e-15)


def test_model_conductivity_of_one_temperature_is_a_scalar():
    from tlslib.thermal_conductivity import model_thermal_conductivity

    # the result has the shape of T: a float T gives a 0-d array, an array of three T three values
    args = (1e-3 * constants.eV, 1e45, constants.eV, 2200.0, 4000.0)
    one = model_thermal_conductivity(0.1, *args)
    three = model_thermal_conductivity(np.array([0.1, 0.2, 0.3]), *args)
    assert np.shape(one) == () and three.shape == (3,)
    assert float(one) == pytest.approx(float(three[0]), rel=1e-12)


def test_resonant_log_average_needs_no_invalid_square_root_below_delta_max():
    import warnings

    # for E < Δ°_max (b > 1) the average is ln b + 1 − ln 2 and √(1 − b²) is never formed as a NaN:
    # b = 2, 10: ln 2 + 0.306853 = 1.000000, ln 10 + 0.306853 = 2.609438; above, b = 1/2: s = √0.75 = 0.866025,
    # 0.306853 + ln 1.866025 − 0.866025 = 0.306853 + 0.623810 − 0.866025 = 0.064638
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = resonant_log_average(np.array([0.5, 0.1, 2.0]), 1.0)
    assert got == pytest.approx([1.0, 2.609438, 0.064638], abs=1e-6)
