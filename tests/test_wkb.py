import numpy as np
import pytest
from scipy import constants

from tlslib.wkb import barrier_height, tunneling_mass, wkb_exponent_coefficient, wkb_tunneling

K = constants.k
A = constants.angstrom


def test_sio2_wkb_coefficient_is_1_6():
    # M = 2200 * 45e-30 = 9.9e-26 kg; sqrt(2 M k_B) * 1e-10 / hbar = sqrt(2.734e-48) * 1e-10 / 1.0546e-34 = 1.568
    assert wkb_exponent_coefficient(tunneling_mass(2200.0, 45e-30)) == pytest.approx(1.568, abs=0.002)


@pytest.mark.parametrize(("d", "expected_kelvin"), [(1.0, 5.14), (0.5, 20.6)])
def test_sio2_barrier_is_5_K_at_1_angstrom_and_20_K_at_half(d, expected_kelvin):
    # V = (ln 35 / (1.568 d))^2 K: ln 35 = 3.555 -> 2.267^2 = 5.14 K at d = 1 Å, 4x that = 20.6 K at 0.5 Å
    v = barrier_height(350.0 * K, 10.0 * K, tunneling_mass(2200.0, 45e-30), d * A)
    assert v / K == pytest.approx(expected_kelvin, abs=0.05)


def test_barrier_height_inverts_the_wkb_formula():
    m = tunneling_mass(2200.0, 45e-30)
    v = barrier_height(350.0 * K, 10.0 * K, m, 0.7 * A)
    assert wkb_tunneling(350.0 * K, m, v, 0.7 * A) / K == pytest.approx(10.0, rel=1e-12)
    assert np.isfinite(v)


def test_rounded_sio2_barrier_of_the_paper():
    from tlslib.wkb import (
        exponent_power_of_barrier,
        rounded_sio2_barrier_height,
        rounded_sio2_tunneling_mass,
        rounded_sio2_wkb_coefficient,
    )

    # M = 2200 × 45e-30 = 9.9e-26 kg; c = √(2 M k_B)·1 Å/ħ = 1.568; V = (ln 35/(c d))² = 5.14 K at 1 Å
    assert rounded_sio2_tunneling_mass() == pytest.approx(9.9e-26, rel=1e-12, abs=0)
    assert rounded_sio2_wkb_coefficient() == pytest.approx(1.568, abs=1e-3)
    v = rounded_sio2_barrier_height(np.array([1.0, 0.5]) * constants.angstrom) / constants.k
    assert v[0] == pytest.approx((np.log(35.0) / rounded_sio2_wkb_coefficient()) ** 2, rel=1e-12)
    assert v[1] / v[0] == pytest.approx(4.0, rel=1e-12)
    # exponent ∝ √V: power 1/2
    assert exponent_power_of_barrier() == pytest.approx(0.5, abs=1e-12)
