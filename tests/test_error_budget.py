import numpy as np
import pytest

from tlslib.chain import predict
from tlslib.error_budget import (
    Factor,
    alpha_factor,
    alpha_range,
    correlated_input_exponents,
    correlation_factor,
    eq7_prefactor_factor,
    field_convention_factor,
    half_difference_factor,
    input_factor,
    input_log_sigma,
    joint_alpha_factor,
    monte_carlo_factors,
    planar_density_table,
    product_of_extremes,
    tensor_density_factor,
    tensor_interaction_factor,
    tensor_interaction_ratios,
    tensor_norm_factor,
    uniaxial_density_factor,
    uniaxial_size_ratio,
)
from tlslib.materials import Material
from tlslib.paper.parameters import PAPER


def test_alpha_range_is_the_papers_one_and_a_half_to_five():
    # sqrt(ln(10/1)) = 1.5174; sqrt(ln(10/5e-11)) = sqrt(ln 2e11) = sqrt(26.02) = 5.101
    low, high = alpha_range(tunneling_max=PAPER.tunneling_max)
    assert low == pytest.approx(1.5174, abs=1e-4)
    assert high == pytest.approx(5.1011, abs=1e-4)


def test_alpha_enters_c_squared():
    # Eq. (12): C ∝ α²; α = 5 is four times α = 2.5
    assert alpha_factor(5.0, alpha_paper=PAPER.alpha) == pytest.approx(4.0)
    assert alpha_factor(2.5, alpha_paper=PAPER.alpha) == pytest.approx(1.0)


def test_eq7_factor_spans_gaussian_frozen_gas_and_one_third():
    # Gaussian 3/(2π)^(3/2) = 0.19048 → ×3 = 0.5714; exact Poisson gas at d_o 0.28767 → 0.8630
    f = eq7_prefactor_factor()
    assert f.low == pytest.approx(3 * 3 / (2 * np.pi) ** 1.5, rel=1e-12)
    assert f.central == pytest.approx(0.863, abs=2e-3)
    assert f.high == 1.0


def test_eq4_asymmetry_with_one_sided_p_bar_leaves_n_tilde_unchanged():
    # ε = 2h halves the two-sided density at 0; P̄ per unit ε > 0 doubles it: 2 · (1/2) = 1
    f = field_convention_factor()
    assert (f.low, f.central, f.high) == (1.0, 1.0, 1.0)


def test_alpha_band_factor_grows_like_alpha_times_the_uniaxial_density():
    from tlslib.error_budget import alpha_band_factor, coupled_alpha_factor, uniaxial_density_factor

    # SiO2-like γ_o/γ_max = 0.109: C(α)/C(2.5) = (α/2.5) d(α)/d(2.5) with κ ∝ 1/α
    r = 0.109
    expected = 1.6 / 2.5 * uniaxial_density_factor((1.6 * r) ** 2) / uniaxial_density_factor((2.5 * r) ** 2)
    assert float(coupled_alpha_factor(1.6, r, alpha_central=PAPER.alpha)) == pytest.approx(float(expected), rel=1e-12)
    f = alpha_band_factor((1.6, 2.8), r, alpha_central=PAPER.alpha)
    assert f.central == 1.0 and f.low == pytest.approx(float(expected), rel=1e-9) and f.high > 1.0


def test_tensor_interaction_is_about_four_times_weaker_than_scalar_j():
    # book/polaron.md: rms of the uniaxial angular factor (norm 3) is 0.27 → ñ_o up by ~3.7
    mean_abs, rms = tensor_interaction_ratios(np.random.default_rng(5), 100_000, (2.0, -1.0, -1.0))
    assert 0.26 < rms < 0.28
    assert mean_abs < rms  # |x| averages below the rms: the Lorentzian reading weakens J more
    f = tensor_interaction_factor(np.random.default_rng(6), 50_000)
    assert f.low == 1.0 and 3.5 < f.central < 3.9 and f.high > f.central


def test_correlation_factor_is_inverse_of_twice_g_eff():
    # <1/g> = 2 for γ² uniform: P(0|g)/P(0) = 1/(2g); g_eff = 1/4 doubles ñ_o
    assert correlation_factor(0.25) == pytest.approx(2.0)
    assert correlation_factor(0.5) == pytest.approx(1.0)


def test_joint_alpha_factor_grows_like_alpha_with_the_correlation():
    # w = 1: (α/2.5)² /(2 α r) ∝ α; doubling α doubles the factor
    r = 0.1
    f1, f2 = joint_alpha_factor(np.array([2.0, 4.0]), r, 1.0, alpha_central=PAPER.alpha)
    assert f2 / f1 == pytest.approx(2.0)
    assert joint_alpha_factor(4.0, r, 0.0, alpha_central=PAPER.alpha) == pytest.approx(
        alpha_factor(4.0, alpha_paper=PAPER.alpha)
    )


def test_uniaxial_density_near_zero_is_two_thirds_of_uniform():
    # largest (½‖ΔD‖)² = 2·3²/4 = 4.5 against ‖D‖² = 6: ratio 3/4; density 1/2 per 3/4 = 2/3
    assert uniaxial_size_ratio() == pytest.approx(0.75)
    assert uniaxial_density_factor(0.0) == pytest.approx(2.0 / 3.0, rel=1e-5)
    # at x = 0.3: u = 0.4, 1/(2√0.6)/0.75 = 0.8607
    assert uniaxial_density_factor(0.3) == pytest.approx(0.8607, abs=1e-3)


def test_planar_density_vanishes_like_root_x():
    grid, density = planar_density_table(np.random.default_rng(3), 200_000)
    small = grid < 0.05
    slope = np.polyfit(np.log(grid[small]), np.log(density[small]), 1)[0]
    assert 0.3 < slope < 0.7  # √x at small x (three-angle count, book/coupling-distribution.md)
    f = tensor_density_factor(0.07, (grid, density))
    assert f.low < f.central < f.high == 1.0


def test_v_o_from_density_turns_rho_exponent_to_plus_two_thirds():
    # C ∝ ρ⁻² v⁻² v_o^(−8/3), v_o = M/(N_A ρ): ρ^(−2 + 8/3) = ρ^(2/3)
    e = correlated_input_exponents()
    assert e["density"] == pytest.approx(2.0 / 3.0)
    assert e["molar_mass"] == pytest.approx(-8.0 / 3.0)
    # 1 % ρ, 2 % v, 10 % M: √((2/3·0.01)² + (2·0.02)² + (8/3·0.1)²) = 0.26973
    sigma = input_log_sigma({"density": 0.01, "velocity": 0.02, "molar_mass": 0.10})
    assert sigma == pytest.approx(0.26973, abs=1e-5)
    f = input_factor(sigma)
    assert f.low * f.high == pytest.approx(1.0)


def test_full_difference_reading_raises_c_sixteenfold(sio2):
    p = predict(Material("SiO2", **sio2), alpha=PAPER.alpha)
    assert half_difference_factor(p.gamma_o, p.gamma_max).high == pytest.approx(16.0)


def test_tensor_norm_reading_raises_c_by_eighty_one():
    assert tensor_norm_factor().high == pytest.approx(81.0)


def test_product_of_extremes_multiplies():
    a = Factor("a", 0.5, 1.0, 2.0, "x")
    b = Factor("b", 0.1, 0.2, 4.0, "x")
    assert product_of_extremes([a, b]) == pytest.approx((0.05, 0.2, 8.0))


def test_factor_rejects_unordered_choices():
    with pytest.raises(ValueError):
        Factor("bad", 2.0, 1.0, 3.0, "x")


def test_monte_carlo_stays_inside_extremes_and_is_reproducible():
    rng_table = np.random.default_rng(1)
    planar = planar_density_table(rng_table, 50_000)
    factors = [Factor("a", 0.5, 1.0, 2.0, "x")]
    draws = monte_carlo_factors(np.random.default_rng(9), 20_000, 0.1, factors, planar, 0.0, (1.5, 5.0), PAPER.alpha)
    again = monte_carlo_factors(np.random.default_rng(9), 20_000, 0.1, factors, planar, 0.0, (1.5, 5.0), PAPER.alpha)
    assert np.array_equal(draws, again)
    # bounds: 0.5·(1.5/2.5)²·(smallest planar density) and 2·(5/2.5)²·(largest planar density, > 1 at
    # large x where planar tensors favour large γ); the correlation factor 1/(2·0.1·α) ≤ 1/0.3 at α = 1.5
    grid, density = planar
    assert draws.min() > 0.5 * 0.36 * density.min() and draws.max() < 2.0 * 4.0 * density.max() / 0.3


def test_alpha_factor_is_one_at_the_reference_alpha():
    # (α/α_c)² = 1 at α = α_c, for the paper's α and for any other
    assert float(alpha_factor(PAPER.alpha, alpha_paper=PAPER.alpha)) == 1.0
    assert float(alpha_factor(3.0, alpha_paper=3.0)) == 1.0
