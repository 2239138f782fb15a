import pytest
from scipy import constants

from tlslib import parameters
from tlslib.coupling import DEFAULT_ALPHA
from tlslib.effective_model import TUNNELING_MAX


def test_the_papers_parameters_in_si():
    # 10 K, 350 K as energies; 45 Å³ = 4.5e-29 m³; alpha 2.5 (text above Eq. 12)
    assert parameters.TUNNELING_MAX == pytest.approx(10.0 * constants.k)
    assert parameters.SIO2_DEBYE_ENERGY / parameters.TUNNELING_MAX == pytest.approx(35.0)
    assert parameters.SIO2_FORMULA_VOLUME == pytest.approx(4.5e-29)
    assert (parameters.SIO2_DENSITY, parameters.SIO2_VELOCITY, parameters.ALPHA) == (2200.0, 4200.0, 2.5)


def test_other_modules_take_them_from_here():
    assert DEFAULT_ALPHA is parameters.ALPHA or DEFAULT_ALPHA == parameters.ALPHA
    assert TUNNELING_MAX is parameters.TUNNELING_MAX
