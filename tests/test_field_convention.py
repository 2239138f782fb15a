import numpy as np
import pytest

from tlslib.field_convention import (
    ASYMMETRY_PER_FIELD,
    convention_check,
    exact_one_sided_density,
    one_sided_asymmetry_density,
)
from tlslib.mean_field import paper_exclusion_radius, poisson_field_pdf


def test_eq4_asymmetry_is_twice_the_sum_of_couplings():
    # ½ε σ_i + σ_i Σ_j J_ij σ_j = ½(ε + 2h)σ_i
    assert ASYMMETRY_PER_FIELD == 2.0


def test_one_sided_density_counts_both_signs_per_unit_abs_epsilon():
    # h = ±0.01, ±0.3 and 1: with ε = 2h, |ε| < 0.1 holds the two small ones of five: 2/(5·0.1) = 4
    h = np.array([0.01, -0.01, 0.3, -0.3, 1.0])
    assert float(one_sided_asymmetry_density(h, 0.1)) == pytest.approx(4.0)
    # with ε = h (per_field 1) the same count per unit |h|
    assert float(one_sided_asymmetry_density(h, 0.1, per_field=1.0)) == pytest.approx(4.0)


def test_exact_one_sided_density_of_2h_tends_to_the_two_sided_density_of_h():
    d = paper_exclusion_radius()
    # (1/δ) P(|2h| < δ) → 2 p_h(0)/2 = p_h(0) = 0.2877 as δ → 0
    # (the window δ = 1e-3 averages p_h over |h| < δ/2: it differs from p_h(0) at second order in δ)
    assert float(exact_one_sided_density(1e-3, d)) == pytest.approx(float(poisson_field_pdf(0.0, d)), rel=1e-3)


def test_simulated_density_of_eq4_asymmetry_matches_mean_field_prefactor():
    c = convention_check(2.5, sizes=(20_000,), deltas=(0.2, 0.4))
    # within 3 counting errors of the exact window average (0.281, 0.274), not half of it
    assert np.all(np.abs(c.density[0] - c.exact) < 3 * c.error[0])
    assert np.all(c.ratio > 0.85)
