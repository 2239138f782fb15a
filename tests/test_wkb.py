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
