import numpy as np
import pytest
from scipy import constants

from tlslib import parameters
from tlslib.coupling import tunneling_log_factor


def test_the_papers_parameters_in_si():
    # 10 K, 350 K as energies; 45 Å³ = 4.5e-29 m³; alpha 2.5 (text above Eq. 12)
    assert parameters.TUNNELING_MAX / constants.k == pytest.approx(10.0, rel=1e-12)
    assert parameters.SIO2_DEBYE_ENERGY / parameters.TUNNELING_MAX == pytest.approx(35.0)
    assert parameters.SIO2_FORMULA_VOLUME / constants.angstrom**3 == pytest.approx(45.0, rel=1e-12)
    assert (parameters.SIO2_DENSITY, parameters.SIO2_VELOCITY, parameters.ALPHA) == (2200.0, 4200.0, 2.5)


def test_other_modules_take_them_from_here():
    assert parameters.ALPHA == 2.5
    # ln^(1/2)(Δ°_max/Δ°) defaults to the paper's Δ°_max: 1 at Δ° = Δ°_max/e
    assert tunneling_log_factor(parameters.TUNNELING_MAX / np.e) == pytest.approx(1.0, rel=1e-15)
