import pytest
from scipy import constants

from tlslib import InputError, Material, predict
from tlslib.chain import chain_values
from tlslib.coupling import GAMMA_MAX_PREFACTOR
from tlslib.paper.parameters import PAPER


def test_predict_sio2_table_row(sio2):
    # hand chain in test_coupling*.py: T_D 347.7 K, go 0.268 eV, gmax 2.458 eV, C 2.94e-4
    p = predict(Material("SiO2", **sio2), alpha=PAPER.alpha)
    assert p.debye_temperature == pytest.approx(347.7, abs=0.1)
    assert p.gamma_o / constants.eV == pytest.approx(0.268, abs=0.001)
    assert p.gamma_max / constants.eV == pytest.approx(2.458, abs=0.002)
    assert p.gamma_eff / constants.eV == pytest.approx(0.670, abs=0.002)
    assert p.coupling_constant == pytest.approx(2.94e-4, abs=0.01e-4)
    # Q^-1 = pi/2 * 2.938e-4 = 4.615e-4; l/lambda = 1/(2 pi^2 2.938e-4) = 172.4
    assert p.internal_friction == pytest.approx(4.615e-4, abs=0.002e-4)
    assert p.mean_free_path_ratio == pytest.approx(172.4, abs=0.2)


def test_c_scales_as_alpha_squared(sio2):
    m = Material("SiO2", **sio2)
    assert predict(m, 5.0).coupling_constant == pytest.approx(4 * predict(m, 2.5).coupling_constant)


@pytest.mark.parametrize("alpha", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_alpha_is_rejected(sio2, alpha):
    with pytest.raises(InputError):
        predict(Material("SiO2", **sio2), alpha)


def test_one_call_for_the_whole_table_equals_ten_single_calls():
    from tlslib.paper.table1 import table1_rows

    materials = [r.material for r in table1_rows()]
    together = predict(materials, alpha=PAPER.alpha)
    assert together.coupling_constant.shape == (10,) and together.material == tuple(materials)
    for i, m in enumerate(materials):
        single = predict(m, alpha=PAPER.alpha)
        assert isinstance(single.coupling_constant, float)
        assert together.coupling_constant[i] == pytest.approx(single.coupling_constant, rel=1e-15)
        assert together.gamma_max[i] / constants.eV == pytest.approx(single.gamma_max / constants.eV, rel=1e-15)


def test_predict_refuses_an_empty_sequence():
    with pytest.raises(InputError):
        predict([], alpha=PAPER.alpha)


def test_chain_values_uses_the_given_gamma_max_prefactor(sio2):
    # gamma_max = a rho v^2 v_o (Eq. 13 with its prefactor a): doubling a doubles gamma_max and
    # leaves gamma_o (Eq. 5), which has no a, unchanged
    args = (sio2["density"], sio2["velocity"], sio2["formula_volume"], PAPER.alpha)
    base = chain_values(*args)
    doubled = chain_values(*args, prefactor=2.0 * GAMMA_MAX_PREFACTOR)
    rho_v2_vo = sio2["density"] * sio2["velocity"] ** 2 * sio2["formula_volume"]
    assert doubled.gamma_max == pytest.approx(2.0 * GAMMA_MAX_PREFACTOR * rho_v2_vo, rel=1e-14, abs=0)
    assert doubled.gamma_max == pytest.approx(2.0 * base.gamma_max, rel=1e-14, abs=0)
    assert doubled.gamma_o == pytest.approx(base.gamma_o, rel=1e-14, abs=0)
