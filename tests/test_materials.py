import math

import pytest
from scipy import constants

from tlslib import InputError, Material


def test_from_velocities_builds_debye_velocity_and_formula_volume():
    # SiO2: v_l = 5800, v_t = 3800: (5.125e-12 + 2*1.8224e-11)/3 = 1.3858e-11, v = 4163.3 m/s;
    # v_o = 60.08e-3 / (N_A 2200) = 45.35 Å^3
    m = Material.from_velocities("SiO2", 2200.0, 5800.0, 3800.0, 60.08e-3)
    assert m.velocity == pytest.approx(4163.3, abs=0.1)
    assert m.formula_volume / constants.angstrom**3 == pytest.approx(45.35, abs=0.01)


@pytest.mark.parametrize("bad", [0.0, -1.0, math.nan, math.inf, "abc", None, True])
def test_material_rejects_non_positive_or_non_finite_inputs(bad):
    with pytest.raises(InputError):
        Material("x", bad, 4000.0, 4e-29)


def test_transverse_faster_than_longitudinal_is_rejected():
    with pytest.raises(InputError, match="smaller than longitudinal"):
        Material.from_velocities("x", 2200.0, 3000.0, 3000.0, 0.06)


def test_negative_bulk_modulus_is_rejected():
    # v_t/v_l = 0.9 > sqrt(3)/2 = 0.866: K = rho (v_l^2 - 4/3 v_t^2) < 0
    with pytest.raises(InputError, match="bulk modulus"):
        Material.from_velocities("x", 2200.0, 1000.0, 900.0, 0.06)


@pytest.mark.parametrize(("v_long", "stable"), [(1150.0, False), (1160.0, True)])
def test_bulk_modulus_threshold_is_v_l_squared_equal_four_thirds_v_t_squared(v_long, stable):
    # v_t = 1000 m/s: the threshold is v_l = sqrt(4/3) * 1000 = 1154.7 m/s;
    # 3 * 1150^2 = 3.9675e6 < 4e6 (K < 0, rejected), 3 * 1160^2 = 4.0368e6 > 4e6 (K > 0, accepted)
    if stable:
        assert Material.from_velocities("x", 2200.0, v_long, 1000.0, 0.06).density == 2200.0
    else:
        with pytest.raises(InputError, match="bulk modulus"):
            Material.from_velocities("x", 2200.0, v_long, 1000.0, 0.06)


def test_a_zero_bulk_modulus_is_rejected():
    # v_t = 2400 m/s, v_l = sqrt(4/3) * 2400 = 2771.2812921102036 m/s, for which 3 v_l^2 == 4 v_t^2
    # holds exactly in double precision (checked below): K = rho (v_l^2 - 4/3 v_t^2) = 0, infinitely
    # compressible, not a stable solid (stability needs K > 0)
    v_long, v_trans = 2771.2812921102036, 2400.0
    assert 3.0 * v_long**2 == 4.0 * v_trans**2
    with pytest.raises(InputError, match="bulk modulus"):
        Material.from_velocities("x", 2200.0, v_long, v_trans, 0.06)


def test_material_is_frozen():
    m = Material("x", 2200.0, 4000.0, 4e-29)
    with pytest.raises(AttributeError):
        m.density = 1.0  # type: ignore[misc]
