"""The registered statements of tlslib.paper.statements: hand values of the zero-argument checks."""

import numpy as np
import pytest
from scipy import constants

from tlslib.coupling import tunneling_log_factor
from tlslib.paper import statements as st
from tlslib.paper.ledger import all_claims
from tlslib.paper.parameters import ENTRIES, PAPER
from tlslib.paper.registry import STATEMENTS


def test_every_claim_has_exactly_one_statement_and_every_statement_a_claim():
    ids = [c.id for c in all_claims()]
    assert len(ids) == len(set(ids)) == len(STATEMENTS)
    assert set(ids) == set(STATEMENTS)
    for c in all_claims():
        assert (STATEMENTS[c.id].compute is None) == (c.expect == "not checkable"), c.id


def test_tunneling_log_factor_and_the_rounded_sio2_scale():
    # ln^(1/2)(10 K / 1 K) = sqrt(2.3026) = 1.517; at 5e-11 K sqrt(ln 2e11) = sqrt(26.02) = 5.101
    k = constants.k
    np.testing.assert_allclose(
        tunneling_log_factor(np.array([1.0, 5e-11]) * k, tunneling_max=PAPER.tunneling_max), [1.5174, 5.1011], atol=1e-4
    )
    assert st.log_factor_range() == pytest.approx((1.5174, 5.1011), abs=1e-4)
    # sqrt(2200 · 4200² · 45e-30 m³ · 350 k_B) = sqrt(1.7464e-21 · 4.832e-21) J = 0.5734 eV
    assert st.rounded_sio2_coupling_scale_ev() == pytest.approx(0.5734, abs=1e-4)
    assert st.gamma_max_prefactor() == pytest.approx(0.2281, abs=1e-4)


def test_uniaxial_weight_above_half_in_the_papers_units_is_one_over_root_three():
    # threshold 1/2 ÷ 3/4 = 2/3 in x; 1 − F(2/3) = √(1 − 2/3) = 0.5774
    assert st.uniaxial_weight_above_half_paper_units() == pytest.approx(3**-0.5, rel=1e-12)


def test_eq7_prefactor_from_the_gaussian_and_from_the_frozen_gas():
    # 3/(2π)^(3/2) = 0.19049; times √π = 3/(2^(3/2) π) = 0.33762; exact frozen gas 0.2877 (chapter)
    assert st.paper_gaussian_zero_field_density() == pytest.approx(3 / (2 * np.pi) ** 1.5, rel=1e-12)
    assert st.paper_gaussian_times_sqrt_pi() == pytest.approx(3 / (2**1.5 * np.pi), rel=1e-12)
    assert st.frozen_gas_zero_field_density() == pytest.approx(0.2877, abs=5e-4)


def test_eq5_prefactor_follows_from_the_chosen_polarization_sum():
    # W = (<A>/3) γ²/γ_o²: <A> = 3 gives √2/3 = 0.4714
    assert st.sio2_eq5_prefactor() == pytest.approx(np.sqrt(2) / 3, rel=1e-9)
    # 2e5 wavevectors: the box sum is within 0.1 % of the continuum (error ~ N^(-2/3))
    assert st.sio2_box_sum_over_continuum() == pytest.approx(1.0, abs=2e-3)


def test_rounded_sio2_barrier_of_the_paper():
    # M = 2200 × 45e-30 = 9.9e-26 kg; c = √(2 M k_B)·1 Å/ħ = 1.568; V = (ln 35/(c d))² = 5.14 K at 1 Å
    assert st.rounded_sio2_tunneling_mass() == pytest.approx(9.9e-26, rel=1e-12, abs=0)
    assert st.rounded_sio2_wkb_coefficient() == pytest.approx(1.568, abs=1e-3)
    v = np.array([st.sio2_barrier_at_1a(), st.sio2_barrier_at_half_a()])
    assert v[0] == pytest.approx((np.log(35.0) / st.rounded_sio2_wkb_coefficient()) ** 2, rel=1e-12)
    assert v[1] / v[0] == pytest.approx(4.0, rel=1e-12)
    # exponent ∝ √V: power 1/2
    assert st.exponent_power_of_barrier() == pytest.approx(0.5, abs=1e-12)


def test_kappa_log_constant_is_one_only_without_the_jacobian():
    # at E = 2kT: 2 × 1/2 = 1 without the Jacobian, 2(1 − ln 2) = 0.6137 with it
    assert st.kappa_log_constant_without_jacobian() == pytest.approx(1.0, rel=1e-15)
    assert st.exact_log_offset_doubled() == pytest.approx(2.0 * (1.0 - np.log(2.0)), rel=1e-15)


def test_a_statement_with_choices_takes_the_parameter_set_and_recomputes_at_an_alternative():
    # <A> = 1 instead of 3: W ∝ <A>, so the prefactor γ/√W grows by √3: 0.4714 · 1.732 = 0.8165
    eq5 = STATEMENTS["eq5-prefactor-sqrt2-over-3"]
    assert eq5.choices == ("angular_average",)
    assert eq5.at("angular_average", 1.0) == pytest.approx(np.sqrt(2 / 3), rel=1e-9)
    # the book's values reproduce the zero-argument call exactly
    assert st.sio2_eq5_prefactor(PAPER) == st.sio2_eq5_prefactor()
    # Q⁻¹ ∝ C ∝ α²: α = 1 gives (1/2.5)² = 0.16 of the book's value
    q = STATEMENTS["q-inverse-order-1e-4"]
    assert q.at("alpha", 1.0) == pytest.approx(0.16 * q.compute(), rel=1e-12)
    with pytest.raises(ValueError, match="does not use"):
        q.at("tensor_shape", (1.0, 0.0, -1.0))


def test_the_band_hook_at_the_books_edges_is_the_measurement_band():
    # the hook with the book's own edges in SI (100 Hz–30 MHz; friction 0.1–1 K, slopes 10 mK–1 K) gives
    # the same count as the standard band, 5/10; friction from 1 kHz gives 4/10
    k = constants.k
    edges = dict(
        band_friction_frequencies=(1e2, 3e7),
        band_friction_temperatures=(0.1 * k, 1.0 * k),
        band_velocity_temperatures=(0.01 * k, 1.0 * k),
    )
    assert st.band_agreement(PAPER, **edges) == pytest.approx(st.band_agreement(), abs=1e-12)
    assert st.band_agreement() == pytest.approx(0.5, abs=1e-12)
    assert st.band_agreement(PAPER, band_friction_frequencies=(1e3, 3e7)) == pytest.approx(0.4, abs=1e-12)


def test_every_registered_choice_is_an_entry_with_alternatives():
    for s in STATEMENTS.values():
        for name in s.choices:
            assert ENTRIES[name].alternatives, (s.id, name)
