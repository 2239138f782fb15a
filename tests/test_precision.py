import numpy as np

from tlslib.precision import agrees_to_printed_digits, half_unit


def test_half_unit_of_the_last_printed_digit():
    # 2.9 is printed to one decimal: ±0.05; 348 to none: ±0.5
    assert half_unit(1) == 0.05 and half_unit(0) == 0.5 and half_unit(2) == 0.005


def test_a_value_agrees_when_it_rounds_to_the_printed_number_ties_included():
    assert agrees_to_printed_digits(2.938, 2.9, 1)
    assert not agrees_to_printed_digits(2.755, 2.5, 1)
    assert agrees_to_printed_digits(1.55, 1.5, 1)  # exactly on the boundary
    np.testing.assert_array_equal(agrees_to_printed_digits([347.7, 349.0], 348.0, 0), [True, False])
