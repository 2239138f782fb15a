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
        (HEADER + "\nSiO2,-2200,4163,45.3,348,2.9,2.9\n", "line 2, column density_kg_m3 must be positive"),
        (HEADER + "\nSiO2,2200,abc,45.3,348,2.9,2.9\n", "line 2, column velocity_m_s must be a number"),
        (HEADER + "\nSiO2,2200,4163,nan,348,2.9,2.9\n", "line 2, column formula_volume_A3 must be finite"),
        (HEADER + "\nSiO2,2200,4163,45.3,348,2.9,\n", "line 2, column C_th_1e4 must be a number"),
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
