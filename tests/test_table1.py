import subprocess
import sys
from pathlib import Path

import pytest
from scipy import constants

from tlslib import InputError
from tlslib.paper.table1 import COLUMNS, TABLE1_PATH, load_table1, recompute_table1

HEADER = ",".join(COLUMNS)


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "t.csv"
    p.write_text(body)
    return p


def test_shipped_table_has_ten_glasses_as_printed():
    rows = load_table1()
    assert [r.glass for r in rows] == [
        "SiO2",
        "BK7",
        "SF4",
        "SF57",
        "SF59",
        "V52",
        "BALNA",
        "LAT",
        "Zn-glass",
        "PMMA",
    ]
    pmma = rows[-1]
    assert pmma.material.formula_volume / constants.angstrom**3 == pytest.approx(138.4)
    assert pmma.c_exp == pytest.approx(3.7e-4)
    assert rows[2].c_exp == pytest.approx(2.75e-4)


def test_six_rows_reproduce_and_four_do_not():
    # recomputed C x 1e4: SiO2 2.94, BK7 2.75 (printed 2.5), SF4 2.33 (0.9), SF57 0.88, SF59 1.90 (1.0),
    # V52 0.76, BALNA 2.86 (1.2), LAT 0.31, Zn 1.99, PMMA 2.90
    verdict = {c.row.glass: c.reproduces for c in recompute_table1()}
    assert [g for g, ok in verdict.items() if not ok] == ["BK7", "SF4", "SF59", "BALNA"]


def test_every_printed_debye_temperature_reproduces_to_half_a_kelvin():
    for c in recompute_table1():
        assert abs(c.prediction.debye_temperature - c.row.debye_temperature) < 0.6


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "empty"),
        ("a,b\n", "header"),
        (HEADER + "\n", "no data rows"),
        (HEADER + "\nSiO2,2200,4163,45.3,348,2.9\n", "line 2: expected 7 fields"),
        (HEADER + "\nSiO2,-2200,4163,45.3,348,2.9,2.9\n", "line 2, column density_kg_m3: must be positive"),
        (HEADER + "\nSiO2,2200,abc,45.3,348,2.9,2.9\n", "line 2, column velocity_m_s: must be a number"),
        (HEADER + "\nSiO2,2200,4163,nan,348,2.9,2.9\n", "line 2, column formula_volume_A3: must be finite"),
        (HEADER + "\nSiO2,2200,4163,45.3,348,2.9,\n", "line 2, column C_th_1e4: must be a number"),
        (HEADER + "\n,2200,4163,45.3,348,2.9,2.9\n", "line 2, column glass: empty"),
        (HEADER + "\nA,2200,4163,45.3,348,2.9,2.9\nA,2200,4163,45.3,348,2.9,2.9\n", "line 3, column glass: dup"),
    ],
)
def test_loader_names_file_line_and_column(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(InputError) as info:
        load_table1(path)
    text = str(info.value)
    assert message in text
    assert str(path) in text
    assert "\n" not in text


def test_missing_file_is_one_line_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_table1(tmp_path / "nope.csv")


def test_default_path_is_the_shipped_data():
    assert TABLE1_PATH.name == "table1.csv" and TABLE1_PATH.parent.name == "data"


def test_table_accessors_of_the_shipped_table():
    from tlslib.paper.table1 import (
        measured_coupling_constant_range,
        median_measured_coupling_constant,
        recomputed_coupling_constant,
        recomputed_debye_energy,
        table1_row,
    )

    # C_exp: 2.75 .. 4.9, median of the ten (3.3 + 3.6)/2 = 3.45 (× 1e-4)
    assert measured_coupling_constant_range() == pytest.approx((2.75e-4, 4.9e-4))
    assert median_measured_coupling_constant() == pytest.approx(3.45e-4)
    assert recomputed_coupling_constant("SiO2") == pytest.approx(2.938e-4, abs=1e-7)
    assert recomputed_debye_energy("SiO2") / constants.k == pytest.approx(347.7, abs=0.05)
    with pytest.raises(InputError, match="no glass"):
        table1_row("Window glass")


SIO2_ROW = {
    "glass": "SiO2",
    "density_kg_m3": "2200",
    "velocity_m_s": "4163",
    "formula_volume_A3": "45.3",
    "debye_temperature_K": "348",
    "C_exp_1e4": "2.9",
    "C_th_1e4": "2.9",
}


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("density_kg_m3", "2.2", "2.2 is not a density in kg/m³ (below 100; g/cm³?)"),
        ("velocity_m_s", "4.163", "4.163 is not a sound velocity in m/s (below 100; km/s?)"),
        ("formula_volume_A3", "4.53e-29", "4.53e-29 is not a formula-unit volume in Å³ (below 1; m³ or nm³?)"),
        ("formula_volume_A3", "45300", "45300 is not a formula-unit volume in Å³ (above 10000;"),
        ("C_exp_1e4", "0.00029", "0.00029 is not a C × 10⁴ (below 0.01; C itself"),
    ],
)
def test_a_value_in_the_wrong_unit_is_refused_with_file_line_and_column(tmp_path, column, value, message):
    # SiO2 with one cell in g/cm³, km/s, m³, 1000 formula units or C instead of C × 10⁴
    path = write(tmp_path, HEADER + "\n" + ",".join({**SIO2_ROW, column: value}.values()) + "\n")
    with pytest.raises(InputError) as info:
        load_table1(path)
    assert str(info.value).startswith(f"{path}, line 2, column {column}: {message}")
    assert "\n" not in str(info.value)


def test_the_cli_refuses_a_density_in_g_per_cm3_in_one_line_with_exit_2(tmp_path):
    path = write(tmp_path, HEADER + "\n" + ",".join({**SIO2_ROW, "density_kg_m3": "2.2"}.values()) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "tlslib", "table1", "--data", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"python -m tlslib: error: {path}, line 2, column density_kg_m3: 2.2 is not a density in kg/m³ "
        "(below 100; g/cm³?)"
    ]
