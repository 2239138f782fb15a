"""tlslib.pages: recorded numbers are portable (last-bit noise vanishes) yet catch a 1e-9 change."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tlslib.pages import SIGNIFICANT_DIGITS, portable, rounded, scientific, table_record


def test_last_bit_noise_does_not_change_a_record():
    # The two values nbval saw for universal-c on two CPUs: 7e-15 apart.
    assert rounded(-1.999999999999972) == rounded(-1.9999999999999787) == -2.0
    assert rounded(0.6276866493253923) == rounded(0.6276866493253914)


@pytest.mark.parametrize("mantissa", [1.0, 1.000000001, 3.14159265358979, 9.99999999])
@pytest.mark.parametrize("exponent", [-36, -4, 0, 7, 33])
def test_a_change_above_1e9_relative_always_changes_a_record(mantissa, exponent):
    # The quantum of ten significant digits is 10^(e-9) <= 1e-9 |x|: a shift of more than one
    # quantum crosses at least one rounding boundary, whatever the value.
    x = mantissa * 10.0**exponent
    for shift in (1.0000001e-9, -1.0000001e-9, 3e-9):
        assert rounded(x * (1 + shift)) != rounded(x)


def test_ten_digits_are_kept():
    assert SIGNIFICANT_DIGITS == 10
    assert repr(rounded(2.9381778682614548)) == "2.938177868"
    assert rounded(0.0) == 0.0
    assert np.isnan(rounded(float("nan")))


def test_portable_makes_numpy_scalars_python():
    assert type(portable(np.float64(1 / 3))) is float
    assert portable(np.int64(7)) == 7 and type(portable(np.int64(7))) is int
    assert portable("SiO₂") == "SiO₂"
    assert portable(True) is True
    with pytest.raises(TypeError, match="show_table"):
        portable(np.arange(3.0))


def test_scientific_text():
    assert scientific(9.1234e-5, 1) == "9.1×10⁻⁵"
    assert scientific(2.7e36, 0) == "3×10³⁶"


def test_table_record_keeps_ten_digits_of_every_cell():
    frame = pd.DataFrame({"C": [2.9381778682614548, np.nan], "glass": ["SiO₂", "BK7"]}, index=["a", "b"])
    record = json.loads(table_record(frame))
    assert record["columns"] == ["", "C", "glass"]
    assert record["rows"] == [["a", 2.938177868, "SiO₂"], ["b", "nan", "BK7"]]


def test_statistical_record_keeps_a_thousandth_of_the_error():
    from tlslib.pages import record_statistical

    # error 0.41 -> quantum 10^floor(log10(4.1e-4)) = 1e-4; noise of 1e-12 cannot move it
    assert record_statistical("x", -2.917828853348473, 0.41) == record_statistical("x", -2.9178288533519847, 0.41)
    assert record_statistical("x", -2.917828853348473, 0.41) == -2.9178
    # a chi-square of 42.55 with error sqrt(2*40) ~ 8.9 -> quantum 1e-3
    assert record_statistical("x", 42.552984395246504, 8.9) == 42.553
    with pytest.raises(ValueError, match="positive"):
        record_statistical("x", 1.0, 0.0)


def test_bound_is_recorded_instead_of_noise():
    from tlslib.pages import record_bound

    assert record_bound("x", 3.3e-16, 1e-12) == 1e-12
    with pytest.raises(AssertionError, match="bound"):
        record_bound("x", 2e-12, 1e-12)
