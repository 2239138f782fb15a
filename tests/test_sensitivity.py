import numpy as np
import pytest
from scipy import constants

from tlslib import InputError, Material, predict
from tlslib.chain import chain_values
from tlslib.coupling import GAMMA_MAX_PREFACTOR
from tlslib.paper.parameters import PAPER
from tlslib.paper.table1 import load_table1
from tlslib.sensitivity import (
    INPUTS,
    LOG_EXPONENTS,
    coupling_constant_from_ratio,
    debye_to_elastic_ratio,
    log_sensitivity,
    log_sigma,
    lognormal_interval,
    longitudinal_to_debye_ratio,
    monte_carlo_coupling_constant,
    prefactor_for,
    solve_input,
    with_input,
)

A3 = constants.angstrom**3


@pytest.fixture
def sio2_material(sio2):
    return Material("SiO2", **sio2)


def test_sio2_debye_to_elastic_ratio(sio2):
    # hbar w_D = k * 347.68 K = 4.8003e-21 J; rho v^2 v_o = 2200 * 4163^2 * 45.3e-30 = 1.72718e-18 J -> 2.7793e-3
    assert debye_to_elastic_ratio(**sio2) == pytest.approx(2.7793e-3, rel=2e-4)


def test_c_depends_on_the_glass_only_through_the_ratio():
    # C = 4 alpha^2 x^2 / (243 a^4); SiO2: 25 * 7.7245e-6 / (243 * 0.0027047) = 2.938e-4
    for row in load_table1():
        m = row.material
        x = debye_to_elastic_ratio(m.density, m.velocity, m.formula_volume)
        assert coupling_constant_from_ratio(x, alpha=PAPER.alpha) == pytest.approx(
            predict(m, alpha=PAPER.alpha).coupling_constant, rel=1e-12
        )


def test_array_chain_matches_predict_and_scales_as_a_to_the_minus_4(sio2, sio2_material):
    c = chain_values(**sio2, alpha=PAPER.alpha).coupling_constant
    assert c == pytest.approx(predict(sio2_material, alpha=PAPER.alpha).coupling_constant, rel=1e-12)
    halved = chain_values(**sio2, alpha=PAPER.alpha, prefactor=GAMMA_MAX_PREFACTOR / 2).coupling_constant
    assert halved == pytest.approx(16 * c, rel=1e-12)


@pytest.mark.parametrize("name", INPUTS)
def test_numerical_log_derivatives_are_the_analytic_exponents(sio2_material, name):
    # C ∝ rho^-2 v^-2 v_o^(-8/3)
    assert log_sensitivity(sio2_material, name, alpha=PAPER.alpha) == pytest.approx(LOG_EXPONENTS[name], abs=1e-6)


def test_sf4_formula_volume_that_gives_the_printed_c():
    # C ∝ v_o^(-8/3): 40.7 * (2.3315/0.9)^(3/8) = 40.7 * 1.42897 = 58.16 Å^3
    sf4 = next(r for r in load_table1() if r.glass == "SF4")
    vo = solve_input(sf4.material, "formula_volume", sf4.c_th, alpha=PAPER.alpha)
    assert vo / A3 == pytest.approx(58.16, abs=0.01)
    assert predict(
        with_input(sf4.material, "formula_volume", vo), alpha=PAPER.alpha
    ).coupling_constant == pytest.approx(0.9e-4)


def test_density_alone_scales_as_square_root_of_the_ratio(sio2_material):
    # C ∝ rho^-2: halving C needs rho * sqrt(2) = 3111.3 kg/m^3
    c = predict(sio2_material, alpha=PAPER.alpha).coupling_constant
    assert solve_input(sio2_material, "density", c / 2, alpha=PAPER.alpha) == pytest.approx(2200 * np.sqrt(2), rel=1e-9)


def test_unreachable_target_and_bad_input_name_are_rejected(sio2_material):
    with pytest.raises(InputError):
        solve_input(sio2_material, "formula_volume", 1.0, alpha=PAPER.alpha)
    with pytest.raises(InputError):
        with_input(sio2_material, "mass", 1.0)
    with pytest.raises(InputError):
        solve_input(sio2_material, "density", -1.0, alpha=PAPER.alpha)


def test_prefactor_that_reproduces_sio2_c_exp(sio2_material):
    # 0.22805 * (2.9382/2.9)^(1/4) = 0.22805 * 1.003277 = 0.22880
    assert prefactor_for(sio2_material, 2.9e-4, alpha=PAPER.alpha) == pytest.approx(0.22880, abs=2e-5)


def test_log_sigma_of_the_chapter_assumptions():
    # sqrt((2*0.02)^2 + (2*0.02)^2 + (8/3*0.1)^2) = sqrt(0.0016 + 0.0016 + 0.071111) = 0.27260
    s = log_sigma({"density": 0.02, "velocity": 0.02, "formula_volume": 0.1})
    assert s == pytest.approx(0.27260, abs=1e-5)
    lo, hi = lognormal_interval(2.0, s)
    assert lo * hi == pytest.approx(4.0) and hi / lo == pytest.approx(np.exp(2 * s))
    with pytest.raises(InputError):
        log_sigma({"mass": 0.1})


def test_monte_carlo_is_reproducible_and_matches_first_order(sio2_material):
    unc = {"formula_volume": 0.05}
    a = monte_carlo_coupling_constant(sio2_material, unc, 4000, np.random.default_rng(3), alpha=PAPER.alpha)
    b = monte_carlo_coupling_constant(sio2_material, unc, 4000, np.random.default_rng(3), alpha=PAPER.alpha)
    assert np.array_equal(a, b)
    # std of ln C ≈ (8/3) * 0.05 = 0.1333 to first order
    assert np.std(np.log(a)) == pytest.approx(0.1333, rel=0.05)
    assert np.median(a) == pytest.approx(predict(sio2_material, alpha=PAPER.alpha).coupling_constant, rel=0.02)
    with pytest.raises(InputError):
        monte_carlo_coupling_constant(
            sio2_material, {"density": 1.0}, 1000, np.random.default_rng(0), alpha=PAPER.alpha
        )


def test_longitudinal_over_debye_velocity_for_poisson_quarter():
    # nu = 1/4: v_t/v_l = sqrt(0.5/1.5) = 0.57735; v/v_l = ((1 + 2*5.196)/3)^(-1/3) = 0.64096 -> 1.5602
    assert longitudinal_to_debye_ratio(0.25) == pytest.approx(1.5602, abs=1e-4)
    # equal velocities (nu = 0 gives v_t/v_l = 0.707, not 1): check monotonic growth with nu
    r = longitudinal_to_debye_ratio(np.array([0.1, 0.2, 0.3, 0.4]))
    assert np.all(np.diff(r) > 0)
