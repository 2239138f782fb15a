import numpy as np
import pytest

from tlslib.coupling_constant import high_temperature_coupling_constant
from tlslib.observables import (
    combined_sound_velocity_log_slope,
    internal_friction,
    mean_free_path_ratio,
    relaxation_sound_velocity_log_slope,
    resonant_sound_velocity_log_slope,
    resonant_sound_velocity_shift,
    sound_velocity_log_slope,
    sound_velocity_shift,
)


def test_internal_friction_for_c_3e_minus_4():
    # pi/2 * 3e-4 = 4.712e-4
    assert internal_friction(3e-4) == pytest.approx(4.712e-4, abs=1e-7)


def test_mean_free_path_ratio_for_c_3e_minus_4_is_about_170():
    # 1 / (2 pi^2 3e-4) = 1 / 5.922e-3 = 168.9
    assert mean_free_path_ratio(3e-4) == pytest.approx(168.9, abs=0.1)


def test_high_temperature_mean_free_path_ratio_is_3_over_pi2():
    # C = 1/6: 1/(2 pi^2/6) = 3/pi^2 = 0.30396 (Eq. 15, "~ 0.3")
    c = high_temperature_coupling_constant(2200.0, 4163.0, 3.9e-19)
    assert mean_free_path_ratio(c) == pytest.approx(3 / np.pi**2, rel=1e-12)
    assert mean_free_path_ratio(c) == pytest.approx(0.304, abs=1e-3)


def test_sound_velocity_shift_is_minus_half_c_per_e_fold():
    assert sound_velocity_log_slope(3e-4) == pytest.approx(-1.5e-4)
    # one e-fold in T above T_o: -C/2
    assert sound_velocity_shift(3e-4, np.e, 1.0) == pytest.approx(-1.5e-4)
    assert sound_velocity_shift(3e-4, 1.0, 1.0) == 0.0


def test_velocity_slopes_resonant_plus_relaxation_give_minus_half():
    # +C (resonant) − 3C/2 (relaxation) = −C/2, the paper's relaxation-regime slope
    c = 3e-4
    assert resonant_sound_velocity_log_slope(c) == pytest.approx(3e-4)
    total = resonant_sound_velocity_log_slope(c) + relaxation_sound_velocity_log_slope(c)
    assert total == pytest.approx(sound_velocity_log_slope(c))
    # one decade above T_o: 3e-4 × ln 10 = 6.908e-4
    assert resonant_sound_velocity_shift(c, 10.0, 1.0) == pytest.approx(6.908e-4, rel=1e-4)


def test_combined_velocity_slope_is_minus_half_c():
    # +C − 3C/2 = −C/2 for any C, built from the two mechanisms separately
    assert combined_sound_velocity_log_slope(1.0) == pytest.approx(-0.5, rel=1e-15)
    np.testing.assert_allclose(combined_sound_velocity_log_slope([2e-4, 4e-4]), [-1e-4, -2e-4], rtol=1e-15)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_logarithmic_shift_depends_on_the_temperature_ratio_only():
    from tlslib.observables import logarithmic_shift

    # slope ln(T/T_o): T = 4, T_o = 2 and T = 2, T_o = 1 both give ln 2 = 0.693147
    assert float(logarithmic_shift(1.0, 4.0, 2.0)) == pytest.approx(np.log(2.0), rel=1e-15)
    assert float(logarithmic_shift(3.0, 2.0, 1.0)) == pytest.approx(3 * np.log(2.0), rel=1e-15)
