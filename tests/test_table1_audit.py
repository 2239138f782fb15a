import numpy as np
import pytest
from scipy import constants

from tlslib.paper.table1 import load_table1
from tlslib.paper.table1_audit import cross_row_matches


def test_sf4_printed_value_is_sf57_recomputed():
    # SF57's inputs give C = 0.885e-4, which prints as SF4's 0.9
    matches = {(m.printed_row, m.source_row) for m in cross_row_matches(load_table1())}
    assert ("SF4", "SF57") in matches
    assert all(printed != source for printed, source in matches)


def test_table_wide_statements_of_the_paper():
    from tlslib.paper.statements import sio2_high_temperature_coupling_constant, sio2_log_debye_over_tunneling
    from tlslib.paper.table1_audit import (
        alpha_needed,
        coupling_constant_ratio,
        density_for_printed_volume,
        monomer_formula_volume,
        predicted_to_measured_spread,
        recomputed_to_measured_spread,
    )

    # SiO2: 60.08 g/mol / (N_A 2200 kg/m³) = 45.35 Å³; PMMA monomer 100.12 g/mol at 1180 kg/m³ = 140.9 Å³,
    # and 100.12 g/mol / (N_A 138.4 Å³) = 1201 kg/m³
    assert monomer_formula_volume("SiO2", "SiO2") / constants.angstrom**3 == pytest.approx(45.35, abs=0.01)
    assert monomer_formula_volume("C5H8O2", "PMMA") / constants.angstrom**3 == pytest.approx(140.9, abs=0.1)
    assert density_for_printed_volume("C5H8O2", "PMMA") == pytest.approx(1201, abs=1)
    # C ∝ x²: SiO2 2.94 over LAT 0.311 = 9.43
    assert coupling_constant_ratio("SiO2", "LAT") == pytest.approx(9.43, abs=0.01)
    # same statistic, two inputs: the printed C_th column and C recomputed from the rows
    assert predicted_to_measured_spread() == pytest.approx(3.42, abs=0.005)
    assert recomputed_to_measured_spread() == pytest.approx(3.61, abs=0.005)
    # SiO2 needs alpha ≈ 2.5 (its C_th = C_exp); V52 and LAT above 5
    a = alpha_needed()
    assert a[0] == pytest.approx(2.5, abs=0.05) and np.sum(a > 5) == 2
    assert sio2_high_temperature_coupling_constant() == pytest.approx(1 / 6, rel=1e-12)
    # T_D = 347.7 K over 10 K
    assert sio2_log_debye_over_tunneling() == pytest.approx(34.77, abs=0.01)
