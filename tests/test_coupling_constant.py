import numpy as np
import pytest

from tlslib.coupling import gamma_eff, gamma_max, gamma_o
from tlslib.coupling_constant import (
    coupling_constant,
    density_of_states_from_c,
    high_temperature_coupling_constant,
    universal_coupling_constant,
)
from tlslib.dos import p_bar


def test_eq12_equals_eq1_with_eq9_and_gamma_eff(sio2):
    # Eq. 1 with P from Eq. 9 and gamma = alpha gamma_o must equal (alpha^2/3)(go/gmax)^4 for any alpha
    go, gm = gamma_o(**sio2), gamma_max(**sio2)
    for alpha in (1.0, 2.5, 5.0):
        eq1 = coupling_constant(
            p_bar(sio2["density"], sio2["velocity"], gm, go), gamma_eff(go, alpha), sio2["density"], sio2["velocity"]
        )
        assert eq1 == pytest.approx(universal_coupling_constant(go, gm, alpha), rel=1e-12)


def test_sio2_c_is_2_9_e_minus_4(sio2):
    # go = 0.2679 eV, gmax = 2.458 eV: (6.25/3) (0.10899)^4 = 2.0833 * 1.4111e-4 = 2.94e-4 (Table I: 2.9)
    c = universal_coupling_constant(gamma_o(**sio2), gamma_max(**sio2), 2.5)
    assert c == pytest.approx(2.94e-4, abs=0.01e-4)


def test_high_temperature_c_is_one_sixth_for_any_material():
    # ñ_o <γ²>/ρv² = (ρv²/3γmax²)(γmax²/2)/ρv² = 1/6
    for rho, v, gm in [(2200.0, 4163.0, 3.9e-19), (1180.0, 1762.0, 1e-19), (6000.0, 2000.0, 5e-18)]:
        assert high_temperature_coupling_constant(rho, v, gm) == pytest.approx(1 / 6, rel=1e-12)


def test_arrays_in_arrays_out():
    c = universal_coupling_constant(np.array([1.0, 2.0]), np.array([10.0, 10.0]), 2.5)
    assert c.shape == (2,)


def test_density_of_states_from_c_inverts_eq1():
    # C = 3e-4, rho v^2 = 2200 * 4000^2 = 3.52e10 J/m^3, gamma = 1.6e-19 J: P = 3e-4 * 3.52e10 / 2.56e-38 = 4.125e44
    p = density_of_states_from_c(3e-4, 1.6e-19, 2200.0, 4000.0)
    assert p == pytest.approx(4.125e44, rel=1e-12, abs=0)
    assert coupling_constant(p, 1.6e-19, 2200.0, 4000.0) == pytest.approx(3e-4)
