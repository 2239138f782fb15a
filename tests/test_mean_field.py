import math
import warnings

import numpy as np
import pytest
from scipy import constants, integrate, special

from tlslib.chain import predict
from tlslib.coupling import gamma_max
from tlslib.materials import Material
from tlslib.mean_field import (
    EQ7_PREFACTOR,
    _mean_bounded_integral,
    _poisson_panels,
    coupling_constant_for_prefactor,
    field_energy_unit,
    field_variance,
    gaussian_field_pdf,
    gaussian_mixture_field_pdf,
    gaussian_zero_field_density,
    interacting_dos_from_prefactor,
    lorentzian_half_width,
    lorentzian_mixture_field_pdf,
    mean_coupling,
    mean_inverse_coupling,
    paper_exclusion_radius,
    poisson_field_pdf,
    printed_zero_field_density,
)
from tlslib.paper.parameters import PAPER
from tlslib.yu_leggett import random_field_distribution


def test_eq7_prefactor_is_one_third():
    assert EQ7_PREFACTOR == pytest.approx(1.0 / 3.0)


def test_moments_of_uniform_gamma_squared():
    # gamma = gmax sqrt(u), u uniform: <sqrt u> = 2/3, <1/sqrt u> = 2
    assert mean_coupling(3.0) == pytest.approx(2.0)
    assert mean_inverse_coupling(0.5) == pytest.approx(4.0)


def test_paper_exclusion_sphere_has_volume_vo():
    # (4 pi/3) d^3 = 1 with d = (3/4pi)^(1/3) = 0.6204
    d = paper_exclusion_radius()
    assert d == pytest.approx(0.62035, abs=1e-5)
    assert 4.0 * np.pi / 3.0 * d**3 == pytest.approx(1.0)


def test_paper_variance_is_reproduced_by_the_exclusion_sphere():
    # Var = (1/2)(1/2)(4pi/3) d^-3 = (1/4)(4pi/3)^2 = (2pi/3)^2 = 4.3865 (text above Eq. 7)
    assert field_variance(paper_exclusion_radius()) == pytest.approx((2.0 * np.pi / 3.0) ** 2)
    assert field_variance(paper_exclusion_radius()) == pytest.approx(4.38649, rel=1e-5)


def test_tail_variance_beyond_a_cutoff():
    # g_i^2 = 1, <g^2> = 1/2, R_c = 2: (1/2)(4pi/3)/8 = 0.261799
    assert field_variance(2.0, mean_g2_self=1.0) == pytest.approx(0.261799, rel=1e-5)
    # a shell [1, 2] is the difference of two tails
    assert field_variance(1.0, 2.0) == pytest.approx(field_variance(1.0) - field_variance(2.0))


def test_gaussian_at_zero_of_paper_variance_is_three_over_two_pi_to_three_halves():
    # 1/sqrt(2 pi (2pi/3)^2) = 3/(2pi)^(3/2) = 3/15.7496 = 0.190481
    p0 = gaussian_zero_field_density(field_variance(paper_exclusion_radius()))
    assert p0 == pytest.approx(3.0 / (2.0 * np.pi) ** 1.5)
    assert p0 == pytest.approx(0.190481, rel=1e-5)


def test_printed_prefactor_is_three_over_two_pi_to_two_thirds():
    # 3/(2pi)^(2/3) = 3/3.40496 = 0.881052
    assert printed_zero_field_density() == pytest.approx(0.881052, rel=1e-5)


def test_lorentzian_half_width_from_characteristic_function():
    # b = (4pi/3)(pi/2)<|A|> = (2 pi^2/3) <|A|>; <|A|> = <g_i g_j> = 4/9: b = 8 pi^2/27 = 2.92433
    assert lorentzian_half_width(4.0 / 9.0) == pytest.approx(8.0 * np.pi**2 / 27.0)
    assert lorentzian_half_width(4.0 / 9.0) == pytest.approx(2.92433, rel=1e-5)
    # P(0) = 1/(pi b) = 27/(8 pi^3) = 27/248.050 = 0.108849
    assert random_field_distribution(0.0, lorentzian_half_width(4.0 / 9.0)) == pytest.approx(0.108849, rel=1e-5)


def test_lorentzian_half_width_matches_numerical_characteristic_function():
    # -ln phi(t)/t = (4pi/3) <|A|> int_0^inf (1 - cos u)/u^2 du; the integral is pi/2
    u = np.linspace(1e-6, 4000.0, 4_000_001)
    integral = np.trapezoid((1.0 - np.cos(u)) / u**2, u) + 1.0 / 4000.0  # analytic tail ~ 1/U
    assert integral == pytest.approx(np.pi / 2.0, rel=1e-4)


def test_mixtures_at_zero_carry_mean_inverse_coupling():
    # Gaussian: 2 * 1/(sqrt(2pi) sigma_h), sigma_h = (4pi/3)/sqrt 2: 3/(2 pi^(3/2)) = 0.269382
    sigma_h = 4.0 * np.pi / 3.0 / np.sqrt(2.0)
    assert gaussian_mixture_field_pdf(0.0, sigma_h) == pytest.approx(0.269382, rel=1e-5)
    # Lorentzian: 2/(pi b_h), b_h = (2pi^2/3)(2/3) = 4.38649: 9/(2 pi^3) = 0.145132
    b_h = lorentzian_half_width(mean_coupling(1.0))
    assert lorentzian_mixture_field_pdf(0.0, b_h) == pytest.approx(0.145132, rel=1e-5)


@pytest.mark.parametrize("pdf, width", [(gaussian_mixture_field_pdf, 2.96), (lorentzian_mixture_field_pdf, 4.39)])
def test_mixtures_are_normalized(pdf, width):
    x = np.linspace(0.0, 2e4, 2_000_001)
    # Lorentzian tail beyond X: 2 int_X^inf 2 b_h/(3 pi x^2) dx = 4 b_h/(3 pi X)
    tail = 4.0 * width / (3.0 * np.pi * x[-1]) if pdf is lorentzian_mixture_field_pdf else 0.0
    assert 2.0 * np.trapezoid(pdf(x, width), x) + tail == pytest.approx(1.0, abs=2e-4)


def test_lorentzian_mixture_has_its_inverse_square_tail_and_vanishes_at_infinity():
    # 1 − a arctan(1/a) = 1/(3a²) − 1/(5a⁴) + …: P(x) → (2/π b_h)·b_h²/(3x²) = 2 b_h/(3π x²); at
    # x = 1e3 b_h the next term is 3/5e-6 of it; at x = 1e6 b_h and 1e8 b_h it is exact in double precision
    b_h = 4.0
    for a, next_term in ((1e3, -0.6e-6), (1e6, 0.0), (1e8, 0.0)):
        tail = 2.0 * b_h / (3.0 * np.pi * (a * b_h) ** 2)
        assert lorentzian_mixture_field_pdf(a * b_h, b_h) == pytest.approx(tail * (1 + next_term), rel=1e-12, abs=0)
        assert lorentzian_mixture_field_pdf(-a * b_h, b_h) == lorentzian_mixture_field_pdf(a * b_h, b_h)
    np.testing.assert_array_equal(lorentzian_mixture_field_pdf(np.array([np.inf, -np.inf]), b_h), [0.0, 0.0])


def test_gaussian_pdf_shape():
    # Var = 4: at x = 2, exp(-1/2)/sqrt(8 pi) = 0.120985
    assert gaussian_field_pdf(2.0, 4.0) == pytest.approx(0.120985, rel=1e-5)


def test_poisson_field_pdf_without_exclusion_is_the_lorentzian_mixture():
    x = np.array([0.0, 0.5, 2.0, 8.0])
    b_h = lorentzian_half_width(mean_coupling(1.0))
    # d = 0: ln φ_h = −b_h t exactly, whose transform is the mixture itself (the function returns it)
    assert poisson_field_pdf(x, 0.0) == pytest.approx(lorentzian_mixture_field_pdf(x, b_h), rel=1e-14)


def test_poisson_field_pdf_with_exclusion_is_normalized_and_has_the_paper_variance():
    d = paper_exclusion_radius()
    # P is even, with a cusp at 0: a fine log grid below 1, a linear grid above
    x = np.unique(np.concatenate([np.geomspace(1e-4, 1.0, 100), np.linspace(0.0, 40.0, 801)]))
    p = poisson_field_pdf(x, d)
    assert 2.0 * np.trapezoid(p, x) == pytest.approx(1.0, abs=1e-4)
    # second moment = Var = (2pi/3)^2 = 4.3865
    assert 2.0 * np.trapezoid(x**2 * p, x) == pytest.approx(4.3865, rel=1e-3)


def test_poisson_zero_field_density_grows_with_exclusion_radius():
    # excluding the strongest (closest) neighbours narrows the core
    p = [float(poisson_field_pdf(0.0, d)) for d in (0.0, 0.3, 0.62, 0.8)]
    assert p == sorted(p)
    assert p[2] == pytest.approx(0.2877, abs=1e-3)


def test_energy_unit_and_dos_conversion(sio2):
    # SiO2: rho v^2 = 2200 * 4163^2 = 3.8127e10 Pa, rho v^2 v_o = 1.7272e-18 J;
    # a = (4/3)(2/9pi)^(2/3) = 0.22805, gamma_max = a rho v^2 v_o = 3.9388e-19 J
    # E_u (V_o = v_o) = gamma_max^2/(rho v^2 v_o) = a^2 rho v^2 v_o = 0.052007 * 1.7272e-18 = 8.982e-20 J
    g_max = gamma_max(**sio2)
    unit = field_energy_unit(sio2["density"], sio2["velocity"], g_max, sio2["formula_volume"])
    assert unit == pytest.approx(8.982e-20, rel=1e-3, abs=0)
    # n_o = (1/3) rho v^2/gamma_max^2 = 3.8127e10/(3 * 1.5514e-37) = 8.192e46 J^-1 m^-3
    n_tilde = interacting_dos_from_prefactor(EQ7_PREFACTOR, sio2["density"], sio2["velocity"], g_max)
    assert n_tilde == pytest.approx(8.192e46, rel=1e-3, abs=0)
    # a reduced P(0) = c is P(eps)/V_o in units of rho v^2/gamma_max^2
    region = 100.0 * constants.angstrom**3
    unit = field_energy_unit(sio2["density"], sio2["velocity"], g_max, region)
    assert 0.25 / unit / region == pytest.approx(
        interacting_dos_from_prefactor(0.25, 2200.0, 4163.0, g_max), rel=1e-12, abs=0
    )


def test_coupling_constant_scales_with_prefactor(sio2):
    glass = Material("SiO2", **sio2)
    # c = 1/3 is Eq. (12) itself (2.9e-4 for SiO2); c = 1/6 halves it
    assert coupling_constant_for_prefactor(glass, EQ7_PREFACTOR, alpha=PAPER.alpha) == pytest.approx(
        predict(glass, alpha=PAPER.alpha).coupling_constant
    )
    assert coupling_constant_for_prefactor(glass, EQ7_PREFACTOR, alpha=PAPER.alpha) == pytest.approx(
        2.9e-4, abs=0.05e-4
    )
    assert coupling_constant_for_prefactor(glass, 1.0 / 6.0, alpha=PAPER.alpha) == pytest.approx(
        predict(glass, alpha=PAPER.alpha).coupling_constant / 2
    )


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_gaussian_field_pdf_one_standard_deviation_out_is_exp_minus_half_of_the_peak():
    from tlslib.mean_field import gaussian_field_pdf

    # Var = 4 (σ = 2): P(0) = 1/√(8π) = 0.199471, P(σ) = P(0) e^{−1/2} = 0.120985
    assert float(gaussian_field_pdf(0.0, 4.0)) == pytest.approx(0.199471, abs=1e-6)
    assert float(gaussian_field_pdf(2.0, 4.0)) == pytest.approx(0.120985, abs=1e-6)


def test_lorentzian_half_width_grows_with_density():
    from tlslib.mean_field import lorentzian_half_width

    # b = (2π²/3) n ⟨|A|⟩: n = 2, ⟨|A|⟩ = 1.5: 2π² = 19.7392
    assert float(lorentzian_half_width(1.5, density=2.0)) == pytest.approx(19.7392, abs=1e-4)


def test_field_variance_uses_the_neighbours_mean_coupling():
    from tlslib.mean_field import field_variance

    # Var = ⟨g_i²⟩⟨g_j²⟩ (4π/3) d⁻³: d = 1, ⟨g_i²⟩ = 1/2 (default), ⟨g_j²⟩ = 1/4: (1/8)(4π/3) = π/6
    assert float(field_variance(1.0, mean_g2_other=0.25)) == pytest.approx(np.pi / 6, rel=1e-15)


def test_bounded_integral_is_zero_at_zero_and_pi_over_two_at_infinity():
    from tlslib.mean_field import _bounded_integral

    # H(K) = ∫₀^K (1 − cos k)/k² dk: empty range at K = 0; Si(∞) = π/2 and (1 − cos K)/K → 0
    h = _bounded_integral(np.array([0.0, 1e9]))
    assert h[0] == 0.0
    assert h[1] == pytest.approx(np.pi / 2, abs=1e-8)


def test_coupling_constant_for_a_prefactor_grows_as_alpha_squared():
    from tlslib.materials import Material
    from tlslib.mean_field import coupling_constant_for_prefactor

    # C = (α²/3)(γ_o/γ_max)⁴ × c/(1/3) (Eq. 12): α = 2 gives four times α = 1, at any c
    glass = Material("glass", 2200.0, 4163.0, 45.3e-30)
    one = float(coupling_constant_for_prefactor(glass, 0.5, alpha=1.0))
    assert float(coupling_constant_for_prefactor(glass, 0.5, alpha=2.0)) == pytest.approx(4 * one, rel=1e-14)


def test_paper_field_width_is_two_pi_over_three_field_units():
    # (γ²/2ρv²)(4π/3V_o) with γ = 1 eV, ρv² = 1e10 Pa, V_o = 50 Å³:
    # (1.602177e-19)² / 2e10 = 1.283486e-48; × 4π/(3 × 5e-29) = 8.37758e28 → 1.075250e-19 J = 7788.0 K
    from tlslib.mean_field import paper_field_width

    width = paper_field_width(1e4, 1e3, constants.eV, 50e-30) / constants.k
    assert width == pytest.approx(7788.0, abs=0.1)


def test_gaussian_field_pdf_is_normalized_with_second_moment_var():
    from scipy import integrate

    # ∫ P dx = 1 and ∫ x² P dx = Var over the whole line (x and −x alike), here Var = 2.5
    var = 2.5
    norm = integrate.quad(lambda x: gaussian_field_pdf(x, var), -np.inf, np.inf)[0]
    second = integrate.quad(lambda x: x**2 * gaussian_field_pdf(x, var), -np.inf, np.inf)[0]
    assert norm == pytest.approx(1.0, rel=1e-10)
    assert second == pytest.approx(var, rel=1e-10)
    # one unit out, Var = 2.5: exp(−1/5)/√(5π) = 0.818731/3.963327 = 0.206577, even in x
    assert gaussian_field_pdf([-1.0, 1.0], var) == pytest.approx([0.206577, 0.206577], rel=1e-5)


# --- mutation survivors (C)


def test_lorentzian_mixture_is_exact_and_quiet_at_zero_and_infinite_field():
    # a = |x|/b_h: at x = 0 the bracket 1 − a·arctan(1/a) is 1, so P(0) = 2/(π b_h) = 2/(2π) = 1/π for
    # b_h = 2; at |x| = ∞ it is 0. Both ends are reached exactly, with no divide-by-zero or 0/0 warning
    b_h = 2.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        at_zero = lorentzian_mixture_field_pdf(0.0, b_h)
        at_infinity = lorentzian_mixture_field_pdf(np.array([np.inf, -np.inf]), b_h)
    assert at_zero == pytest.approx(1.0 / np.pi, rel=1e-15)
    np.testing.assert_array_equal(at_infinity, [0.0, 0.0])


def test_poisson_pdf_at_zero_without_exclusion_is_two_over_pi_b_h():
    # d = 0: H = π/2, ⟨g H⟩ = (π/2)(2/3), φ_h(t) = exp(−b_h t) with b_h = (4π/3)(π/3) = 4π²/9 = 4.38649,
    # and at x = 0 the kernel is 1, so P(0) = (2/π) ∫₀^∞ e^(−b_h t) dt = 2/(π b_h) = 9/(2π³) = 0.145132,
    # to rounding (the former trapezoid rule, dt = 0.01, fell short by its dt⁴ b_h³/720 term: 5.1e-9)
    assert float(poisson_field_pdf(0.0, 0.0)) == pytest.approx(9.0 / (2.0 * np.pi**3), rel=1e-15)


# --- the ends of H and of the Lorentzian mixture
def test_bounded_integral_reaches_half_pi_at_infinity():
    # H(K) = Si(K) − (1 − cos K)/K → Si(∞) = π/2 (cos ∞ is undefined, its term is bounded by 2/K → 0)
    from tlslib.mean_field import _bounded_integral

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = _bounded_integral(np.array([0.0, 1e300, np.inf]))
    np.testing.assert_allclose(values, [0.0, np.pi / 2.0, np.pi / 2.0], rtol=1e-15, atol=0.0)


def test_lorentzian_mixture_at_a_vanishing_field_is_its_peak_without_overflow():
    # |x| = 1e-200 b_h: 1 − a arctan(1/a) = 1 to double precision, P = 2/(π b_h); u = 1/a = 1e200 is never squared
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = lorentzian_mixture_field_pdf(np.array([1e-200, -1e-200]), 1.0)
    np.testing.assert_allclose(value, 2.0 / np.pi, rtol=1e-15, atol=0.0)


def test_bounded_integral_is_half_its_argument_for_small_arguments():
    # (1 − cos k)/k² = 1/2 − k²/24 + …: H(K) = K/2 − K³/72 + …; at K = 1e-3 that is 5e-4 − 1.39e-11,
    # and at K = 1e-8 and 1e-300, K/2 to double precision (1 − cos K rounds to 0 there: written as 2 sin²(K/2))
    from tlslib.mean_field import _bounded_integral

    k = np.array([1e-300, 1e-8, 1e-3])
    np.testing.assert_allclose(_bounded_integral(k), k / 2.0 - k**3 / 72.0, rtol=1e-13, atol=0.0)


# --- small exclusion radii
def _reference_f(k: float) -> float:
    """F(K) = ∫₀^K dv (1 − c(v))/v², c(v) = ⟨cos v g⟩ over the density 2g on [0, 1], written apart.

    c(v) = 2 [sin v/v + (cos v − 1)/v²]; by parts F(K) = (2/3) [Si K − 3/(2K) + cos K/K + sin K/K²
    − (1 − cos K)/K³]; below K = 0.1 the series K/4 − K³/216 + K⁵/14400 (next term K⁷/1.4e6).
    """
    if k < 0.1:
        return k / 4.0 - k**3 / 216.0 + k**5 / 14400.0
    si, _ = special.sici(k)
    return 2.0 / 3.0 * (si - 1.5 / k + np.cos(k) / k + np.sin(k) / k**2 - (1.0 - np.cos(k)) / k**3)


def _reference_poisson_pdf(x: float, d: float) -> float:
    """P(x; d) by scipy's adaptive quad, written apart from tlslib.mean_field.

    The average over the neighbours' g is taken first: with v = t/r³, ln φ_h(t) = −n ∫_{r>d} d³r
    (1 − c(t/r³)) = −(4π/3) t F(t/d³), F of :func:`_reference_f`.
    """

    def integrand(t: float) -> float:
        si, _ = special.sici(x * t)
        return np.exp(-4.0 * np.pi / 3.0 * t * _reference_f(t / d**3)) * (np.cos(x * t) - x * t * (np.pi / 2.0 - si))

    # breakpoints: the turnover at t ~ d³ and every 0.05 in t, which quad subdivides further (the ripple of
    # φ_h has period 2π d³, the kernel 2π/x); φ_h(12) < e^(−50) for d ≤ 0.3
    points = sorted({d**3 * u for u in (1.0, 4.0, 16.0, 64.0)} | set(np.arange(0.05, 12.0, 0.05)))
    value, _ = integrate.quad(integrand, 0.0, 12.0, points=points, limit=20000, epsabs=1e-15, epsrel=1e-13)
    return 2.0 / np.pi * value


def test_poisson_pdf_without_exclusion_keeps_the_lorentzian_mixture_tail_to_large_fields():
    # d = 0 is the Lorentzian mixture (2/π b_h)[1 − a arctan(1/a)], a = |x|/b_h, b_h = 4π²/9, at every
    # field; far out it is 2b_h/(3π x²) (1 − 3/(5a²) + 3/(7a⁴)): at x = 50, a = 11.3986, 3.72337e-4 ×
    # 0.995407 = 3.70627e-4 (the former trapezoid rule was 9e-4 off there, 2.4e-6 at x = 10)
    b_h = 4.0 * np.pi**2 / 9.0
    x = np.array([0.0, 0.5, 2.0, 10.0, 20.0, 50.0])
    p = poisson_field_pdf(x, 0.0)
    assert p == pytest.approx(lorentzian_mixture_field_pdf(x, b_h), rel=1e-14)
    assert p[-1] == pytest.approx(3.70627e-4, rel=1e-5)


def test_poisson_pdf_at_tiny_exclusion_is_the_lorentzian_mixture_raised_by_exp_4pi_d3_over_3():
    # For t ≫ d³, H(tg/d³) = π/2 − d³/(tg) + O(d⁶/t²): ln φ_h = −b_h t + 4πd³/3 + O(d⁹/t²); the turnover
    # region t ≲ d³ adds O(d⁶) ≤ 1e-18 to P, below 3e-15 relative even at x = 50 (P = 3.7e-4). So
    # P(x; d) = e^(4πd³/3) P(x; 0): continuous as d → 0. At d = 1e-3, P(0; d) − P(0; 0) = (e^(4.18879e-9)
    # − 1) 9/(2π³) = 6.07927e-10, not the former jump of +2.3e-5 (the trapezoid's missing dt² b_h/12 term)
    b_h = 4.0 * np.pi**2 / 9.0
    x = np.array([0.0, 0.5, 2.0, 10.0, 50.0])
    for d in (1e-9, 1e-4, 1e-3):
        expected = np.exp(4.0 * np.pi / 3.0 * d**3) * lorentzian_mixture_field_pdf(x, b_h)
        assert poisson_field_pdf(x, d) == pytest.approx(expected, rel=1e-11)
    jump = float(poisson_field_pdf(0.0, 1e-3)) - float(poisson_field_pdf(0.0, 0.0))
    assert jump == pytest.approx(6.07927e-10, abs=1e-15)


def test_poisson_pdf_at_small_exclusion_matches_an_independent_adaptive_quadrature():
    # First the reference's F(K) against quad of its v-integral at K = 0.05, 0.7, 7 and 300; F → π/3 − 1/K
    # (ripple ~ 1/K³), so F(300) = 1.043864 within 1e-7. Then d = 0.1, 0.15, 0.3: the ripple of φ_h has
    # period 2π d³ = 0.0063, 0.021, 0.17, the first two at or below the former grid's 2dt = 0.02; the reference
    # (quad to epsrel 1e-13) is within 6e-14 of a brute-force rule (d³/4 panels). The former rule was off
    # by 7.3e-5 (d = 0.1, x = 0), 8.1e-7 (0.15, x = 2), 4.3e-5 (0.3, x = 20)
    def one_minus_c(v):  # 1 − c(v) = Σ_m≥1 (−1)^(m+1) 2 v^(2m)/((2m)! (2m + 2)); series below v = 0.5
        if v < 0.5:
            terms = [(-1) ** (m + 1) * 2.0 * v ** (2 * m) / (math.factorial(2 * m) * (2 * m + 2)) for m in range(1, 7)]
            return sum(terms)
        return 1.0 - 2.0 * (np.sin(v) / v + (np.cos(v) - 1.0) / v**2)

    for k in (0.05, 0.7, 7.0, 300.0):
        quad_value, _ = integrate.quad(lambda v: one_minus_c(v) / v**2, 0.0, k, limit=400, epsabs=0, epsrel=1e-13)
        assert _reference_f(k) == pytest.approx(quad_value, rel=1e-12)
    assert _reference_f(300.0) == pytest.approx(np.pi / 3.0 - 1.0 / 300.0, abs=1e-7)
    for d in (0.1, 0.15, 0.3):
        x = np.array([0.0, 2.0, 20.0])
        expected = [_reference_poisson_pdf(float(value), d) for value in x]
        assert poisson_field_pdf(x, d) == pytest.approx(expected, rel=1e-11)


def test_poisson_pdf_vanishes_at_infinite_field_and_refuses_a_negative_radius():
    # d > 0: P(±∞) = 0 (the kernel cos a − a(π/2 − Si a) → 0); a radius below zero has no meaning
    np.testing.assert_array_equal(poisson_field_pdf(np.array([np.inf, -np.inf]), 0.3), [0.0, 0.0])
    with pytest.raises(ValueError, match="exclusion radius"):
        poisson_field_pdf(0.0, -0.1)


# --- mutation survivors (G)
_B_H = 4.0 * np.pi**2 / 9.0  # b_h = (2π²/3)⟨g⟩ = 4π²/9 = 4.38649


def _reference_log_phi(t: float, d: float) -> float:
    """ln φ_h(t) = −(4π/3) t F(t/d³), F of :func:`_reference_f` (the closed form of G written apart)."""
    return -4.0 * np.pi / 3.0 * t * _reference_f(t / d**3)


def _ripple_bound(t: float, d: float) -> float:
    """(8π/3) d¹² e^(4πd³/3 − b_h t)/t²: the ripple of φ_h left out beyond t (poisson_field_pdf's docstring)."""
    return 8.0 * np.pi / 3.0 * d**12 * np.exp(4.0 * np.pi / 3.0 * d**3 - _B_H * t) / t**2


@pytest.mark.parametrize(
    "d, x_max",
    [
        (1e-3, 0.0),  # the ripple bound at 32 d³ is 8e-21 < 1e-15: t_a = 32 d³
        (0.0075, 2.0),  # bound at 32 d³ = 1.46e-15, just above 1e-15: t_a slightly beyond 32 d³
        (0.05, 50.0),  # t_a = 0.489 ≫ 32 d³ = 0.004; panels capped at 16/(1/d³ + 50) = 0.0020 and 20/50
        (0.1, 5.0),
        (0.3, 0.0),  # zone-A cap 16 d³ = 0.432 reached before t_a = 4.41
        (0.3, 20.5),  # |x| just above 20: zone B capped at 20/20.5, not at 1
        (0.62035, 12.0),  # the paper's radius: bound at 32 d³ = 7.63 below 1e-15, 32 d³ < t_end = 9.80
        (1.0, 20.0),  # 32 d³ = 32 > t_end = 10.5: one zone, t_a = t_end
        (3.0, 0.0),  # large exclusion: t_end = 33.4 > 2·42/b_h, Gaussian φ_h out to its end
    ],
)
def test_poisson_panels_follow_the_documented_layout(d, x_max):
    # poisson_field_pdf's docstring: edges from 0 to t_end where ln φ_h = −42 (brentq to 1e-6 in t, i.e.
    # ≤ b_h·1e-6 = 4.4e-6 in ln φ_h); zone A up to t_a, lengths in u = t/d³ of 2, 2, 4, 8, … (each as long as
    # its start, at least 2) capped at 16/(1 + d³ max|x|), and never longer than zone B's cap min(1, 20/max|x|);
    # t_a = 32 d³ if the ripple bound there is ≤ 1e-15, else where the bound falls to 1e-15 (to 1e-9 t_a in t,
    # ≤ 3e-8 relative in the bound), never past t_end; zone B lengths doubling with t (each as long as its
    # start) up to min(1, 20/max|x|); n_fine panels before t_a
    d3 = d**3
    edges, n_fine = _poisson_panels(d3, _B_H, x_max)
    lengths = np.diff(edges)
    assert edges[0] == 0.0
    assert np.all(lengths > 0.0)
    t_end = edges[-1]
    assert _reference_log_phi(t_end, d) == pytest.approx(-42.0, rel=0, abs=1e-5)
    assert 0 < n_fine <= lengths.size
    t_a = edges[n_fine]
    assert np.all(edges[:n_fine] < t_a)
    if _ripple_bound(32.0 * d3, d) <= 1e-15:
        assert t_a == min(32.0 * d3, t_end)
    else:
        assert 32.0 * d3 < t_a < t_end
        assert _ripple_bound(t_a, d) / 1e-15 == pytest.approx(1.0, rel=1e-6)
    long = min(1.0, 20.0 / x_max) if x_max > 0.0 else 1.0
    fine = min(16.0 * d3 / (1.0 + d3 * x_max), long)
    # zone A: every panel but the last as long as its start (≥ 2d³) up to the cap; the last one ends at t_a
    starts = edges[: n_fine - 1]
    np.testing.assert_allclose(lengths[: n_fine - 1], np.minimum(np.maximum(2.0 * d3, starts), fine), rtol=1e-12)
    assert lengths[n_fine - 1] <= min(max(2.0 * d3, edges[n_fine - 1]), fine) * (1.0 + 1e-12)
    # zone B likewise from t_a, capped at `long`, the last one ending at t_end
    starts = edges[n_fine:-2]
    np.testing.assert_allclose(lengths[n_fine:-1], np.minimum(starts, long), rtol=1e-12)
    if n_fine < lengths.size:
        assert lengths[-1] <= min(edges[-2], long) * (1.0 + 1e-12)


def test_poisson_pdf_at_large_exclusion_is_gaussian_with_its_cumulant_corrections():
    # For d ≫ 1 only t ≲ d^(3/2) ≪ d³ matters: with F(K) = K/4 − K³/216 + K⁵/14400 − …,
    # ln φ_h = −α t² + β t⁴ − γ t⁶, α = π/(3d³) (σ_h² = 2α = (2π/3)/d³, the field variance per unit own
    # coupling), β = π/(162 d⁹), γ = π/(10800 d¹⁵). At x = 0 the kernel is 1 and P(0) = (2/π) ∫₀^∞ φ_h dt
    # = ⟨1/g⟩/(√(2π) σ_h) × [1 + β⟨t⁴⟩ + (β²/2)⟨t⁸⟩ − γ⟨t⁶⟩], ⟨t^2n⟩ = (2n − 1)!!/(2α)^n over e^(−αt²):
    # 1 + 1/(24π d³) + c₂/d⁶, c₂ = (105/10368 − 15/3200)/π² = 5.5117e-4; the next order is O(d⁻⁹) ≈ 2e-9 at
    # d = 3 and 1e-10 at d = 4 (for d = 3 the integral reaches out to t_end = 33.4, past 2·42/b_h = 19.1)
    c2 = (105.0 / 10368.0 - 15.0 / 3200.0) / np.pi**2
    for d in (3.0, 4.0):
        sigma_h = np.sqrt(2.0 * np.pi / 3.0 / d**3)
        gaussian = 2.0 / (np.sqrt(2.0 * np.pi) * sigma_h)
        expected = gaussian * (1.0 + 1.0 / (24.0 * np.pi * d**3) + c2 / d**6)
        assert float(poisson_field_pdf(0.0, d)) == pytest.approx(expected, rel=1e-8)


def test_poisson_pdf_across_the_crossover_matches_an_independent_adaptive_quadrature():
    # d = 0.037 and 0.078 (ripple period 2π d³ = 3.2e-4, 3e-3: t_a = 0.32, 1.3 ≫ 32 d³), d = 0.3 (the
    # zone-A cap 16 d³ = 0.43 reached, scalar x: max|x| = x), d = 1 (one zone: 32 d³ > t_end = 10.5): P(x) from
    # quad of the Fourier integral with φ_h from F (_reference_poisson_pdf, to ≤ 1e-12 relative here) against
    # the documented |error| ≤ 1.1e-15 of the composite rule (P ≈ 0.05–0.56 at these points)
    # (quad flags round-off at d = 0.037 and 0.078; its value is within 4e-13 relative of a Gauss–Legendre rule on
    # panels of d³/4 there)
    for x, d in ((0.0, 0.037), (0.0, 0.078), (2.0, 0.078), (0.0, 0.3), (0.5, 0.3), (0.0, 1.0), (2.0, 1.0)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", integrate.IntegrationWarning)
            expected = _reference_poisson_pdf(x, d)
        assert float(poisson_field_pdf(x, d)) == pytest.approx(expected, rel=1e-11)


@pytest.mark.parametrize(("x", "d"), [(0.0, 0.2), (0.0, 0.25), (0.5, 0.25), (0.0, 0.3)])
def test_poisson_pdf_meets_its_absolute_accuracy_where_a_scalar_field_leaves_the_ripple_panels_longest(x, d):
    # A scalar x ≤ 2 (max|x| small) at d = 0.2-0.3: the zone-A panels are 16 d³ long, 16 radians of the ripple of
    # period 2π d³ for 20 Gauss nodes; at 32 radians the rule was 3.5e-14 off at (0, 0.25) (P = 0.154862634687668,
    # three independent references agreeing to 1e-16), 2.5e-14 at (0, 0.2). Documented: |error| ≤ 1.1e-15
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", integrate.IntegrationWarning)
        reference = _reference_poisson_pdf(x, d)
    assert float(poisson_field_pdf(x, d)) == pytest.approx(reference, rel=0.0, abs=2e-15)


# --- mutation survivors (H)
def _mean_h_by_single_quad(k: float) -> float:
    """G(K) = ∫₀¹ 2g² H(Kg) dg with H(K) = ∫₀^K (1 − cos q)/q² dq, the double integral done as one quad.

    Swapping the order (q < Kg ⟺ g > q/K): G(K) = ∫₀^K dq (1 − cos q)/q² ∫_{q/K}^1 2g² dg
    = (2/3) ∫₀^K dq (1 − cos q)/q² (1 − q³/K³), with 1 − cos q = 2 sin²(q/2) (no cancellation).
    """

    def integrand(q: float) -> float:
        return 2.0 * np.sin(q / 2.0) ** 2 / q**2 * (1.0 - (q / k) ** 3) if q > 0.0 else 0.5

    value, _ = integrate.quad(integrand, 0.0, k, limit=400, epsabs=0.0, epsrel=1e-13)
    return 2.0 / 3.0 * value


_GL32_NODES, _GL32_WEIGHTS = np.polynomial.legendre.leggauss(32)


def _mean_h_reference(k: np.ndarray) -> np.ndarray:
    """G(K), vectorized and written apart: below K = 4 a 32-node Gauss–Legendre rule in g of 2g² H(Kg)
    (H = Si − 2 sin²(K/2)/K, analytic in g: exact to rounding), above it the by-parts form
    (2/3)[Si K − 3/(2K) + cos K/K + sin K/K² − (1 − cos K)/K³] (its 1/K terms cancel only mildly there).
    """
    k = np.asarray(k, dtype=float)
    out = np.empty_like(k)
    low = k < 4.0
    g = 0.5 * (_GL32_NODES + 1.0)
    kg = k[low][:, None] * g
    si, _ = special.sici(kg)
    h = si - 2.0 * np.sin(kg / 2.0) ** 2 / np.where(kg > 0.0, kg, 1.0)
    out[low] = (2.0 * g**2 * h) @ (0.5 * _GL32_WEIGHTS)
    kh = k[~low]
    si, _ = special.sici(kh)
    out[~low] = 2.0 / 3.0 * (si - 1.5 / kh + np.cos(kh) / kh + np.sin(kh) / kh**2 - 2.0 * np.sin(kh / 2.0) ** 2 / kh**3)
    return out


def _poisson_pdf_uniform_panels(x: np.ndarray, d: float) -> np.ndarray:
    """P(x; d) = (2/π) d³ ∫₀^∞ du φ_h(d³u) [cos a − a(π/2 − Si a)], a = d³u|x|, ln φ_h = −(4π/3) d³u G(u).

    Brute force in u = t/d³ with the full G everywhere (no asymptotic form, no ripple left out): 20-node
    Gauss–Legendre panels of length 4 up to u = 256 and 16 beyond (the ripple of φ_h has period 2π; its
    second harmonic, of relative size ≤ ((8π/3) d³/u²)²/4, is resolved to 1e-20 on either), shorter where
    a panel would span more than 0.25 in t or 2 in a, out to ln φ_h < −50. Halving every panel changes
    P by < 2e-16 (checked for d = 0.01 … 1.5, |x| ≤ 50).
    """
    x = np.abs(np.asarray(x, dtype=float))
    d3 = d**3
    u_end = 1.2 * (46.0 + 4.0 * np.pi / 3.0 * d3) / (4.0 * np.pi**2 / 9.0) / d3 + 64.0
    cap = min(0.25 / d3, 2.0 / (d3 * max(float(x.max()), 1e-300)))
    near, far = min(4.0, cap), min(16.0, cap)
    edges = np.arange(0.0, 256.0, near)
    edges = np.concatenate([edges, np.arange(edges[-1] + near, max(u_end, 256.0) + far, far)])
    z, w = np.polynomial.legendre.leggauss(20)
    half = 0.5 * np.diff(edges)[:, None]
    u = (0.5 * (edges[:-1, None] + edges[1:, None]) + half * z).ravel()
    weighted_phi = (half * w).ravel() * np.exp(-4.0 * np.pi / 3.0 * d3 * u * _mean_h_reference(u))
    out = []
    for value in x:
        a = d3 * u * value
        si, _ = special.sici(a)
        out.append(2.0 / np.pi * d3 * np.sum(weighted_phi * (np.cos(a) - a * (np.pi / 2.0 - si))))
    return np.array(out)


def test_mean_bounded_integral_is_the_coupling_average_of_h_by_quadrature():
    # G(K) = ⟨g H(Kg)⟩ over the density 2g, by one quad of (2/3) ∫₀^K (1 − cos q)/q² (1 − q³/K³) dq; both
    # sides of the switch at K = 2 and far into the closed form's range (its 1/K terms cancel to K/4 at small K)
    k = np.array([1e-3, 0.05, 0.5, 1.0, 1.99, 2.0, 2.01, 3.0, 4.5, 7.0, 40.0])
    expected = np.array([_mean_h_by_single_quad(float(value)) for value in k])
    assert _mean_bounded_integral(k) == pytest.approx(expected, rel=1e-13)
    # the reference of the Poisson-gas test below, on the same points
    assert _mean_h_reference(k) == pytest.approx(expected, rel=1e-13)


def test_mean_bounded_integral_ends_are_k_over_4_and_pi_over_3_minus_1_over_k():
    # H(K) = Σ (−1)^(m+1) K^(2m−1)/((2m)! (2m − 1)) and ⟨g^(2m)⟩ = 2/(2m + 2): G = K/4 − K³/216 + K⁵/14400 …;
    # at K = 1e-3 that is 2.5e-4 − 4.6e-12, below K = 1e-6 K/4 to rounding (down to K = 1e-300)
    k = np.array([1e-300, 1e-100, 1e-8, 1e-6, 1e-3, 0.01])
    np.testing.assert_allclose(_mean_bounded_integral(k), k / 4.0 - k**3 / 216.0 + k**5 / 14400.0, rtol=1e-15, atol=0.0)
    # K → ∞ with Si K = π/2 − cos K (1/K − 2/K³ + 24/K⁵) − sin K (1/K² − 6/K⁴) + O(K⁻⁶) in the by-parts form:
    # G = π/3 − 1/K + (2 cos K − 2/3)/K³ + 4 sin K/K⁴ − 16 cos K/K⁵ + O(K⁻⁶), i.e. π/3 − 1/K to O(K⁻³)
    k = np.array([1e3, 1e4, 1e6, 1e12])
    expected = (
        np.pi / 3.0 - 1.0 / k + (2.0 * np.cos(k) - 2.0 / 3.0) / k**3 + 4.0 * np.sin(k) / k**4 - 16.0 * np.cos(k) / k**5
    )
    np.testing.assert_allclose(_mean_bounded_integral(k), expected, rtol=2e-15, atol=0.0)


def test_mean_bounded_integral_is_continuous_across_the_series_switch_at_two():
    # G is entire with G'(2) = 0.19 (G' ≤ 1/4): one ulp of K either side of 2 moves G by 1e-16, so the series
    # (K < 2) and the closed form (K ≥ 2) must meet to rounding, and both must be the quad value 0.46509704044477
    below, above = np.nextafter(2.0, 0.0), np.nextafter(2.0, 3.0)
    values = _mean_bounded_integral(np.array([below, 2.0, above]))
    assert values == pytest.approx(np.full(3, _mean_h_by_single_quad(2.0)), rel=1e-15)
    assert np.max(values) - np.min(values) <= 3e-16


def test_mean_bounded_integral_keeps_the_shape_as_floats_and_is_quiet_at_zero():
    # G(0) = 0 exactly (the series' K factor); no division by K = 0 or overflow of 1/K³ anywhere in K ≥ 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        zero = _mean_bounded_integral(0.0)
        row = _mean_bounded_integral(np.array([0.0, 5e-324, 1e-300, 1.0, 2.0, 1e6, 1e100]))
        grid = _mean_bounded_integral(np.full((2, 3), 0.5))
        empty = _mean_bounded_integral(np.array([]))
    assert zero.shape == () and zero.dtype == np.float64 and float(zero) == 0.0
    assert row.dtype == np.float64 and row.shape == (7,)
    np.testing.assert_array_equal(row[:2], [0.0, 0.0])
    assert row[-1] == pytest.approx(np.pi / 3.0, rel=1e-15)
    assert grid.dtype == np.float64 and grid.shape == (2, 3)
    assert empty.dtype == np.float64 and empty.shape == (0,)


def test_poisson_pdf_at_small_exclusion_matches_a_brute_force_rule_to_its_documented_accuracy():
    # d = 0.04 (d³ = 6.4e-5): the smooth (8π/9) d⁹/t² of ln φ_h beyond the ripple zone lifts P(0) by 3e-13, a
    # tenth of it is above the documented |error| ≤ 1.1e-15; the reference resolves the ripple everywhere
    # (≈ 2.5e5 nodes, converged to 2e-16). Measured |tlslib − reference| ≤ 6e-17 at these fields
    d = 0.04
    x = np.array([0.0, 1.0, 5.0])
    expected = _poisson_pdf_uniform_panels(x, d)
    assert poisson_field_pdf(x, d) == pytest.approx(expected, rel=1e-15, abs=2e-15)
    # and the whole picture: P(0; d) = e^(4πd³/3) P(0; 0) + O(d⁶), here 0.14517081748 (d⁶ = 4e-9)
    assert expected[0] == pytest.approx(np.exp(4.0 * np.pi / 3.0 * d**3) * 9.0 / (2.0 * np.pi**3), rel=1e-7)


@pytest.mark.parametrize(
    ("d", "x", "expected"),
    [
        # An independent reference (its own G(K), kernel by a Laplace form for a ≥ 2, panels of 4 d³ with 20
        # Gauss nodes out to where the ripple's bound (8π/3) d⁹/t² is 1e-20, then panels of 0.01 out to
        # ln φ_h = −44, math.fsum): halving every panel moved it ≤ 1e-16, scipy's quad on sub-intervals
        # agreed to 3e-17 at d = 1e-3. Measured |tlslib − reference| ≤ 5.6e-17 at d = 1e-3 and ≤ 6.4e-16 at
        # d = 7.9e-3 (the worst radius of 21 in d = 1e-4 … 0.01; there the reference resolves the ripple out to t ≈ 10)
        (1e-3, 0.0, 0.14513190555732483),
        (1e-3, 2.0, 0.0694964509590245),
        (1e-3, 50.0, 0.00037062688570281874),
        (0.00794328234724282, 0.0, 0.14513220963501997),
        (0.00794328234724282, 2.0, 0.06949659656670838),
        (0.00794328234724282, 50.0, 0.00037062766223325093),
    ],
)
def test_poisson_pdf_below_d_of_a_hundredth_meets_its_documented_absolute_accuracy(d, x, expected):
    assert float(poisson_field_pdf(x, d)) == pytest.approx(expected, rel=0.0, abs=1.1e-15)


def test_poisson_pdf_with_exclusion_is_normalized_and_has_the_field_variance_to_high_accuracy():
    # ∫P dx = φ_h(0) = 1 and ∫x² P dx = ⟨g_i²⟩ Var(h) = (1/2)(1/2)(4π/3) d⁻³ = field_variance(d) = (2π/3)² at the
    # paper's d; P is even and, for x > 0, smooth (the cusp is at 0 only): 20-node Gauss–Legendre panels of unit
    # length on [0, 60] (P(60; d) < 1e-15) integrate it to rounding. The documented pointwise 1.1e-15 bounds the
    # errors by 60 × 1.1e-15 and (60³/3) × 1.1e-15 = 8e-11 (relative 2e-11); measured −2.1e-14 and −5.4e-12
    d = paper_exclusion_radius()
    z, w = np.polynomial.legendre.leggauss(20)
    centres = np.arange(0.5, 60.0, 1.0)[:, None]
    x, wx = (centres + 0.5 * z).ravel(), np.tile(0.5 * w, centres.size)
    p = poisson_field_pdf(x, d)
    assert 2.0 * np.sum(wx * p) == pytest.approx(1.0, rel=1e-13)
    assert 2.0 * np.sum(wx * x**2 * p) == pytest.approx(float(field_variance(d)), rel=1e-10)


@pytest.mark.parametrize("d", [0.0, 0.62])
def test_poisson_pdf_is_even_keeps_the_shape_and_passes_nan_and_infinity_through(d):
    # P depends on |x| only, vanishes at |x| = ∞ (the kernel → 0, the Lorentzian mixture's b_h²/(3x²) tail → 0) and
    # a NaN field has no density: NaN, in a float array of the shape of x (0-d, 1-d, 2-d, empty)
    mixed = poisson_field_pdf(np.array([-np.inf, -2.0, np.nan, 0.0, 2.0, np.inf]), d)
    assert mixed.dtype == np.float64 and mixed.shape == (6,)
    assert np.isnan(mixed[2]) and np.count_nonzero(np.isnan(mixed)) == 1
    np.testing.assert_array_equal(mixed[[0, 5]], [0.0, 0.0])
    # (the same |x| rows of one product: equal to its rounding, not bit for bit by any BLAS contract)
    assert mixed[1] == pytest.approx(mixed[4], rel=1e-15) and mixed[4] > 0.0
    # x = 2 and 0 on their own (same largest finite |x| = 2: the same rule) give the same values
    assert poisson_field_pdf(np.array([2.0, 0.0]), d) == pytest.approx(mixed[[4, 3]], rel=1e-15)
    scalar = poisson_field_pdf(np.nan, d)
    assert scalar.shape == () and np.isnan(scalar) and scalar.dtype == np.float64
    grid = poisson_field_pdf(np.array([[0.0, -2.0, np.nan], [2.0, np.inf, 0.0]]), d)
    assert grid.shape == (2, 3) and grid.dtype == np.float64
    assert grid[0, :2] == pytest.approx(grid[1, [2, 0]], rel=1e-15)
    assert np.isnan(grid[0, 2]) and grid[1, 1] == 0.0
    empty = poisson_field_pdf(np.empty((0, 3)), d)
    assert empty.shape == (0, 3) and empty.dtype == np.float64


@pytest.mark.parametrize("radius", [np.nan, np.inf, -np.inf, -1e-300])
def test_poisson_pdf_refuses_a_radius_that_is_not_finite_and_non_negative(radius):
    with pytest.raises(ValueError, match="exclusion radius"):
        poisson_field_pdf(0.0, radius)


def test_poisson_pdf_of_a_dilute_gas_on_a_fine_rule_is_batch_independent_and_nearly_gaussian():
    # d = 10 with a field of 1000 in the call: ~2e5 nodes in t, so a batch of 2**21 kernel values holds only ~10
    # fields and these 25 span three batches; each must be what a two-field call [x_i, 1000] gives
    d = 10.0
    x = np.append(np.linspace(0.0, 0.1, 24), 1000.0)
    many = poisson_field_pdf(x, d)
    for i in (0, 9, 10, 18, 19, 20, 23):
        assert many[i] == pytest.approx(poisson_field_pdf(np.array([x[i], 1000.0]), d)[0], rel=1e-13)
    # many weak neighbours: h is nearly Gaussian, Var_h = ⟨g²⟩(4π/3)/d³ = (2π/3)/d³, with the cumulant
    # κ4 = 4π⟨g⁴⟩ ∫_d^∞ r⁻¹⁰ dr = 4π/(27 d⁹), κ4/σ⁴ = 1/(3π d³); Edgeworth at 0 (He4(0) = 3) raises the
    # mixture's height 2/(√(2π) σ_h) by κ4/(8σ⁴) = 1.32629e-5, the next terms (κ6/σ⁶, κ4²/σ⁸) ~ 5e-10
    sigma_h = np.sqrt(2.0 * np.pi / 3.0 / d**3)
    edgeworth = 1.0 + 1.0 / (3.0 * np.pi * d**3) / 8.0
    assert many[0] == pytest.approx(float(gaussian_mixture_field_pdf(0.0, sigma_h)) * edgeworth, rel=2e-9)


def test_poisson_pdf_of_many_fields_equals_the_values_of_small_calls():
    # the rule depends on the largest |x| only (12 here: 220 to 2740 nodes in t, the docstring's range), so 20001
    # fields at once — more than two batches of 2**21 kernel values for any of those rules — must give what
    # two-field calls [x_i, 12] give, to rounding
    d = paper_exclusion_radius()
    x = np.linspace(0.0, 12.0, 20001)
    many = poisson_field_pdf(x, d)
    for i in (0, 1, 5000, 10000, 15000, 17476, 17477, 19064, 19065, 20000):
        pair = poisson_field_pdf(np.array([x[i], 12.0]), d)
        assert many[i] == pytest.approx(pair[0], rel=1e-13, abs=1e-16)
    # nor on the largest field asked at all: P(0; d_o) = 0.28767 and P(12; d_o) = 2.5e-5 asked alone, within the
    # documented 1.1e-15 absolute, 1e-10 relative where P ≥ 1e-6
    assert many[0] == pytest.approx(float(poisson_field_pdf(0.0, d)), rel=1e-14)
    assert many[-1] == pytest.approx(float(poisson_field_pdf(12.0, d)), rel=1e-10)


def test_poisson_pdf_is_continuous_where_a_negligible_exclusion_becomes_the_lorentzian_mixture():
    # Below d³ = 1e-24 the function returns e^(4πd³/3) P(x; 0) (= P(x; 0): the factor rounds to 1); just above it
    # the quadrature must give the same to its accuracy, the turnover region adding O(d⁶) = 1e-48
    below, above = np.nextafter(1e-8, 0.0), 1e-8  # d³ = 9.999999999999996e-25 and 1.0000000000000001e-24
    x = np.array([0.0, 0.5, 2.0, 10.0, 50.0])
    mixture = lorentzian_mixture_field_pdf(x, 4.0 * np.pi**2 / 9.0)
    np.testing.assert_array_equal(poisson_field_pdf(x, below), mixture)
    assert poisson_field_pdf(x, above) == pytest.approx(mixture, rel=1e-13)


def test_poisson_pdf_refuses_fields_beyond_the_resolved_range_instead_of_returning_noise():
    # Beyond |x| = 1000 the panels (20/max|x| long) were never checked: P(1e4; 0.04) came out −1.9e-8, P(1e4; 0.3)
    # 3.2e-5 for a true ~1e-16. |x| = 1000 itself and ±∞ (P = 0) are still answered; d = 0 has its closed form
    p = poisson_field_pdf(np.array([0.0, 1000.0, -np.inf, np.inf]), 0.3)
    assert p[0] > 0.0 and p[2] == 0.0 and p[3] == 0.0
    with pytest.raises(ValueError, match=r"\|x\| ≤ 1000"):
        poisson_field_pdf(np.array([0.0, -1e4]), 0.3)
    with pytest.raises(ValueError, match=r"\|x\| = 1000.5"):
        poisson_field_pdf(1000.5, 0.3)
    b_h = 4.0 * np.pi**2 / 9.0
    assert poisson_field_pdf(1e4, 0.0) == pytest.approx(lorentzian_mixture_field_pdf(1e4, b_h), rel=1e-14, abs=0.0)
