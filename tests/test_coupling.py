import numpy as np
import pytest
from scipy import constants

from tlslib.coupling import (
    GAMMA_MAX_PREFACTOR,
    coupling_of_tunneling,
    coupling_scale,
    gamma_eff,
    gamma_max,
    gamma_o,
    renormalized_tunneling,
    tunneling_log_factor,
)
from tlslib.elastic import elastic_energy_scale
from tlslib.paper.parameters import PAPER


def test_gamma_max_prefactor_is_the_elastic_stability_value():
    # (4/3) (2/(9 pi))^(2/3) = (4/3) * 0.070736^(2/3) = (4/3) * 0.17104 = 0.22805 ("~ 0.23 rho v^2 v_o")
    assert GAMMA_MAX_PREFACTOR == pytest.approx(0.22805, abs=1e-5)


def test_sio2_coupling_scale_with_the_papers_rounded_inputs_is_0_57_eV():
    # rho = 2200, v = 4200, v_o = 45e-30 m^3, hbar w_D = 350 K (paper, conclusions):
    # rho v^2 v_o = 1.7464e-18 J; hbar w_D = 4.832e-21 J; sqrt(product) = 9.186e-20 J = 0.573 eV
    rho, v, vo = 2200.0, 4200.0, 45e-30
    scale = np.sqrt(elastic_energy_scale(rho, v, vo) * 350.0 * constants.k) / constants.eV
    assert scale == pytest.approx(0.573, abs=0.002)


def test_sio2_coupling_scale_from_table_inputs(sio2):
    # with the Table I values (v = 4163, v_o = 45.3, T_D = 347.7 K): sqrt(1.7272e-18 * 4.800e-21) = 0.568 eV
    assert coupling_scale(**sio2) / constants.eV == pytest.approx(0.568, abs=0.002)


def test_gamma_o_is_sqrt2_over_3_of_the_scale(sio2):
    assert gamma_o(**sio2) == pytest.approx(np.sqrt(2) / 3 * coupling_scale(**sio2), rel=1e-14, abs=0)
    # 0.4714 * 0.568 eV = 0.268 eV
    assert gamma_o(**sio2) / constants.eV == pytest.approx(0.268, abs=0.001)


def test_sio2_gamma_max_is_about_2_5_eV(sio2):
    # 0.22805 * 10.78 eV = 2.458 eV
    assert gamma_max(**sio2) / constants.eV == pytest.approx(2.458, abs=0.002)


def test_gamma_eff_default_alpha_is_2_5():
    assert PAPER.alpha == 2.5
    assert gamma_eff(2.0, alpha=PAPER.alpha) == pytest.approx(5.0)


def test_coupling_of_tunneling_inverts_the_polaron_renormalization():
    g = np.linspace(0.0, 3.0, 7)
    delta = renormalized_tunneling(g, 10.0, 1.0)
    assert coupling_of_tunneling(delta, 10.0, 1.0) == pytest.approx(g, abs=1e-12)


def test_eq10_log_factor_from_1_K_and_5e_minus_11_K():
    # Delta_max = 10 K: ln^(1/2)(10/1) = 1.517; ln(2e11) = 0.693 + 25.328 = 26.021, sqrt = 5.101 ("about 5")
    assert coupling_of_tunneling(1.0, 10.0, 1.0) == pytest.approx(1.517, abs=1e-3)
    assert coupling_of_tunneling(5e-11, 10.0, 1.0) == pytest.approx(5.101, abs=1e-3)


def test_tunneling_log_factor_is_the_square_root_of_the_log_ratio():
    # Δ° = Δ°_max e^(-1): ln^(1/2)(e) = 1; Δ° = Δ°_max e^(-4): ln^(1/2)(e^4) = 2; Δ° = Δ°_max: 0
    top = 1e-22
    factor = tunneling_log_factor(np.array([top / np.e, top * np.exp(-4.0), top]), top)
    np.testing.assert_allclose(factor, [1.0, 2.0, 0.0], rtol=1e-14, atol=1e-15)
