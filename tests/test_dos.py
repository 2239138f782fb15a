import pytest

from tlslib.dos import (
    interacting_dos,
    mean_coupling_squared,
    p_bar,
    standard_model_distribution,
    standard_model_p_bar,
    yu_leggett_dos,
)


def test_standard_model_normalization():
    # n_o = 1e24, eps_max = 2, ln(Dmax/Dmin) = ln(e^3) = 3: P = 1e24 / 6
    assert standard_model_p_bar(1e24, 2.0, 1.0, 2.718281828459045**3) == pytest.approx(1e24 / 6, rel=1e-12, abs=0)
    assert standard_model_distribution(4.0, 8.0) == pytest.approx(2.0)


def test_yu_leggett_dos_is_rho_v2_over_gamma2():
    # rho v^2 = 2200 * 4000^2 = 3.52e10 J/m^3; gamma = 1e-19 J: 3.52e48 J^-1 m^-3
    assert yu_leggett_dos(2200.0, 4000.0, 1e-19) == pytest.approx(3.52e48, rel=1e-12, abs=0)


def test_interacting_dos_is_a_third_of_yu_leggett_at_gamma_max():
    assert interacting_dos(2200.0, 4000.0, 1e-19) == pytest.approx(3.52e48 / 3, rel=1e-12, abs=0)


def test_p_bar_is_n_tilde_times_jacobian():
    # Eq. 9: (1/3)(rho v^2/gmax^2)(go/gmax)^2 with go/gmax = 0.1: 3.52e48/3 * 0.01
    assert p_bar(2200.0, 4000.0, 1e-19, 1e-20) == pytest.approx(3.52e46 / 3, rel=1e-12, abs=0)


def test_mean_gamma_squared_of_uniform_gamma_squared_is_half_max():
    assert mean_coupling_squared(2.0) == pytest.approx(2.0)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_standard_model_p_bar_divides_by_the_log_width_of_the_window():
    import numpy as np

    from tlslib.dos import standard_model_p_bar

    # P̄ = n_o/(ε_max ln(Δ°_max/Δ°_min)): n_o = 1, ε_max = 1, Δ° from 10 to 100: 1/ln 10 = 0.434294
    assert float(standard_model_p_bar(1.0, 1.0, 10.0, 100.0)) == pytest.approx(1 / np.log(10.0), rel=1e-15)
