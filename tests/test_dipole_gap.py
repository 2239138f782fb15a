import numpy as np
import pytest
from scipy import constants

from tlslib.dipole_gap import (
    binned_field_density,
    fit_log_gap,
    log_gap_ratio,
    reduced_energy_unit,
)
from tlslib.materials import Material


def test_sio2_energy_unit_is_6500_kelvin_for_one_tls_per_formula_unit(sio2):
    # E_u = a² ρ v² v_o = 0.052007 · 1.7272e-18 J = 8.982e-20 J = 6506 K
    glass = Material("SiO2", **sio2)
    assert reduced_energy_unit(glass, sio2["formula_volume"]) == pytest.approx(8.982e-20 / constants.k, rel=1e-3)
    # E_u ∝ 1/V_o
    assert reduced_energy_unit(glass, 10 * sio2["formula_volume"]) == pytest.approx(
        reduced_energy_unit(glass, sio2["formula_volume"]) / 10
    )


def test_log_gap_is_one_above_the_scale_and_falls_logarithmically_below():
    assert log_gap_ratio(2.0, 1.0, 0.3) == 1.0
    # b = 0.1, ln(E0/ε) = ln(e^5) = 5: 1/(1 + 0.5) = 2/3
    assert log_gap_ratio(np.exp(-5.0), 1.0, 0.1) == pytest.approx(2.0 / 3.0)


def test_binned_density_counts_both_signs():
    # 100 of 1000 TLS with |ε| in [0, 0.5): P = 100 / (2 · 0.5 · 1000) = 0.1
    density, error = binned_field_density([100], [0.0, 0.5], 1000)
    assert density[0] == pytest.approx(0.1)
    assert error[0] == pytest.approx(0.01)


def test_fit_recovers_an_exact_log_gap():
    eps = np.geomspace(1e-3, 0.5, 12)
    p = 0.2 * log_gap_ratio(eps, 1.0, 0.07)
    fit = fit_log_gap(eps, p, 0.01 * p, 1.0)
    assert fit.p_zero == pytest.approx(0.2, rel=1e-9)
    assert fit.strength == pytest.approx(0.07, rel=1e-9)


def test_burin_factor_with_every_tls_is_one_over_one_plus_chi_log():
    # χ_0 = P(0) of the frozen gas 0.28767 × ⟨g⟩² = 4/9 -> 0.12786; at 1 K: ln(0.1 × 6506) = 6.4779,
    # 1/(1 + 0.12786 × 6.4779) = 0.5470; at and above E_0 = 0.1 E_u (650.6 K) no depletion
    from tlslib.dipole_gap import GAP_ONSET, all_tls_gap_strength
    from tlslib.paper.statements import sio2_all_tls_gap_factor

    b = all_tls_gap_strength()
    assert b == pytest.approx(0.28767 * 4.0 / 9.0, rel=1e-4)
    assert sio2_all_tls_gap_factor() == pytest.approx(0.5470, abs=2e-4)
    assert log_gap_ratio(700.0 / 6506.0, GAP_ONSET, b) == 1.0
