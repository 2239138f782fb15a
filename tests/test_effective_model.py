import numpy as np
import pytest
from scipy import constants, integrate

from tlslib.coupling import gamma_max, gamma_o
from tlslib.coupling_constant import universal_coupling_constant
from tlslib.dos import p_bar, standard_model_distribution
from tlslib.effective_model import (
    alpha_for_coupling_constant,
    coupling_squared_jacobian,
    effective_distribution,
    effective_tls,
    sample_tunneling,
    tunneling_frequency,
    tunneling_probability_density,
    tunneling_window,
)
from tlslib.paper.parameters import PAPER


def test_tunneling_max_is_10_kelvin():
    # 10 K * 1.380649e-23 J/K = 1.380649e-22 J
    assert PAPER.tunneling_max == pytest.approx(1.380649e-22, rel=1e-12, abs=0)


def test_window_spans_exp_of_gamma_max_over_scale_squared():
    # gamma_max/gamma_s = 3: window from Dmax e^-9 to Dmax
    low, high = tunneling_window(3.0, 1.0, 10.0)
    assert low == pytest.approx(10.0 * np.exp(-9.0))
    assert high == pytest.approx(10.0)


def test_jacobian_is_gamma_scale_squared_over_delta():
    # d(gamma^2)/d(Delta) = -gamma_s^2/Delta: gamma_s = 2, Delta = 0.5 -> 8
    assert coupling_squared_jacobian(0.5, 2.0) == pytest.approx(8.0)


def test_tunneling_density_is_normalised_and_zero_outside():
    # (gs/gmax)^2 * ln(Dmax/Dmin) = (1/9) * 9 = 1
    low, high = tunneling_window(3.0, 1.0, 10.0)
    total, _ = integrate.quad(
        lambda u: np.exp(u) * tunneling_probability_density(np.exp(u), 3.0, 1.0, 10.0), np.log(low), np.log(high)
    )
    assert total == pytest.approx(1.0, rel=1e-8)
    assert tunneling_probability_density([low / 2, 2 * high], 3.0, 1.0, 10.0) == pytest.approx([0.0, 0.0])


def test_effective_distribution_is_p_bar_of_eq9_over_delta(sio2):
    # n_o * (1/gmax^2) * go^2/Delta = (rho v^2/3 gmax^2)(go/gmax)^2 / Delta = P_bar/Delta
    g_o, g_max = gamma_o(**sio2), gamma_max(**sio2)
    delta = PAPER.tunneling_max * np.array([1e-30, 1e-10, 0.5])
    got = effective_distribution(
        delta, sio2["density"], sio2["velocity"], g_max, g_o, tunneling_max=PAPER.tunneling_max
    )
    expected = standard_model_distribution(delta, p_bar(sio2["density"], sio2["velocity"], g_max, g_o))
    assert got == pytest.approx(expected, rel=1e-12, abs=0)


def test_sampled_log_tunneling_is_uniform():
    # gamma^2 uniform => ln(Dmax/D) = gamma^2/gamma_s^2 uniform on [0, (gmax/gs)^2] = [0, 9], mean 4.5
    g2, delta = sample_tunneling(np.random.default_rng(7), 100_000, 3.0, 1.0, 10.0)
    u = np.log(10.0 / delta)
    assert u == pytest.approx(g2, rel=1e-9)
    assert u.min() >= 0.0 and u.max() <= 9.0
    assert u.mean() == pytest.approx(4.5, abs=0.03)


def test_5e_minus_11_kelvin_is_about_one_hertz():
    # 5e-11 K * 1.380649e-23 J/K / 6.62607015e-34 J s = 6.9032e-34 / 6.6261e-34 = 1.0418 Hz
    assert tunneling_frequency(5e-11 * constants.k) == pytest.approx(1.0418, abs=1e-4)


def test_alpha_needed_inverts_eq12():
    # C(alpha=1) = (1/3)(0.1)^4 = 3.333e-5; C = 3e-4 -> alpha = sqrt(9) = 3
    assert universal_coupling_constant(0.1, 1.0, 1.0) == pytest.approx(1e-4 / 3)
    assert alpha_for_coupling_constant(3e-4, 0.1, 1.0) == pytest.approx(3.0)


def test_effective_tls_of_eq11_ties_the_coupling_to_the_tunneling_element():
    # ε = 3, Δ° = 4 (any unit): eigenvalues ±√(9+16)/2 = ±2.5; Δ°_max = 4e: γ = γ_o √ln(e) = γ_o
    h, g = effective_tls(3.0, 4.0, 4.0 * np.e, 2.0)
    assert np.linalg.eigvalsh(h) == pytest.approx([-2.5, 2.5])
    assert g == pytest.approx(2.0)


def test_tunneling_period_of_a_5e_11_kelvin_tls_is_about_one_second():
    from tlslib.effective_model import tunneling_period

    # h / (5e-11 k_B) = 6.626e-34 / 6.903e-34 = 0.960 s
    assert tunneling_period(5e-11 * constants.k) == pytest.approx(0.9598, abs=1e-4)


def test_tunneling_density_covers_the_closed_window_reached_by_gamma_from_0_to_gamma_max():
    from tlslib.coupling import renormalized_tunneling

    # γ_max = 3, γ_s = 1, Δ°_max = 10: γ = 0 gives Δ° = Δ°_max = 10 and γ = γ_max gives 10 e⁻⁹ = 1.234098e-3,
    # both attained by a TLS; the density (γ_s/γ_max)²/Δ° there is (1/9)/10 = 0.0111111 and (1/9)/1.234098e-3 = 90.0343
    ends = renormalized_tunneling(np.array([3.0, 0.0]), 10.0, 1.0)
    assert ends == pytest.approx([1.234098e-3, 10.0], rel=1e-6)
    assert tunneling_probability_density(ends, 3.0, 1.0, 10.0) == pytest.approx([90.0343, 0.0111111], rel=1e-5)
