"""The suite-wide guard of tests/conftest.py: pytest.approx far from 1 needs an explicit abs."""

import numpy as np
import pytest


def test_tiny_si_value_without_abs_is_refused():
    # a barrier of 1.4e-22 J: with the default abs=1e-12, approx(1.4e-22) would accept 2.8e-22 (a lost factor 2)
    with pytest.raises(AssertionError, match="without abs="):
        pytest.approx(1.4e-22, rel=1e-6)


def test_huge_values_and_arrays_and_mappings_are_checked():
    for expected in (3.52e48, np.array([1.0, 1e-20]), [0.5, 2e7], {"a": 1.0, "b": 1e-30}):
        with pytest.raises(AssertionError, match="without abs="):
            pytest.approx(expected)


def test_explicit_abs_and_natural_magnitudes_and_zero_pass():
    assert 2.8e-22 != pytest.approx(1.4e-22, rel=1e-6, abs=0)
    assert 1.4e-22 == pytest.approx(1.4e-22, rel=1e-6, abs=0)
    assert 10.0 == pytest.approx(10.0)
    assert 1e-13 == pytest.approx(0.0)
    assert [1.0, 0.0] == pytest.approx([1.0, 0.0])
