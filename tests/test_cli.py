import json
import subprocess
import sys

import pytest
from cli_helpers import run

from tlslib.table1 import COLUMNS

SIO2 = ["--density", "2200", "--velocity", "4163", "--volume", "45.3"]
PREDICT_KEYS = [
    "v_m_s",
    "v_o_A3",
    "T_D_K",
    "gamma_o_eV",
    "gamma_max_eV",
    "gamma_eff_eV",
    "P_bar_J-1_m-3",
    "C",
    "Q_inv",
    "l_over_lambda",
]


def test_predict_json_has_exactly_the_documented_keys(capsys):
    code, out, _ = run(capsys, "predict", *SIO2, "--json")
    assert code == 0
    record = json.loads(out)
    assert list(record) == PREDICT_KEYS
    # Table I SiO2: T_D 347.7 K, C 2.94e-4, gamma_o 0.268 eV, gamma_max 2.458 eV
    assert record["T_D_K"] == pytest.approx(347.7, abs=0.1)
    assert record["C"] == pytest.approx(2.94e-4, abs=0.01e-4)
    assert record["gamma_o_eV"] == pytest.approx(0.268, abs=0.001)
    assert record["gamma_eff_eV"] == pytest.approx(2.5 * record["gamma_o_eV"])
    assert record["v_o_A3"] == pytest.approx(45.3)


def test_predict_from_velocities_and_molar_mass(capsys):
    # SiO2 with v_l = 5800, v_t = 3800, M = 60.08 g/mol -> v = 4163.3 m/s, v_o = 45.35 Å^3
    code, out, _ = run(
        capsys,
        "predict",
        "--density",
        "2200",
        "--v-long",
        "5800",
        "--v-trans",
        "3800",
        "--molar-mass",
        "60.08",
        "--json",
    )
    assert code == 0
    record = json.loads(out)
    assert record["v_m_s"] == pytest.approx(4163.3, abs=0.1)
    assert record["v_o_A3"] == pytest.approx(45.35, abs=0.01)


def test_predict_text_and_alpha(capsys):
    code, out, _ = run(capsys, "predict", *SIO2, "--alpha", "5")
    assert code == 0 and "alpha = 5" in out


def test_table1_json_lists_every_glass_with_recomputed_values(capsys):
    code, out, _ = run(capsys, "table1", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 10
    assert {*COLUMNS, "T_D_K", "C", "reproduces"} <= set(rows[0])
    assert [r["glass"] for r in rows if not r["reproduces"]] == ["BK7", "SF4", "SF59", "BALNA"]


def test_table1_text(capsys):
    code, out, _ = run(capsys, "table1")
    assert code == 0 and "6 of 10" in out


BAD = [
    ["predict"],
    ["predict", "--velocity", "4163", "--volume", "45.3"],
    ["predict", "--density", "2200", "--velocity", "4163"],
    ["predict", *SIO2[:-1], "0"],
    ["predict", "--density", "-2200", "--velocity", "4163", "--volume", "45.3"],
    ["predict", "--density", "nan", "--velocity", "4163", "--volume", "45.3"],
    ["predict", "--density", "inf", "--velocity", "4163", "--volume", "45.3"],
    ["predict", "--density", "abc", "--velocity", "4163", "--volume", "45.3"],
    ["predict", *SIO2, "--alpha", "0"],
    ["predict", *SIO2, "--alpha", "x"],
    ["predict", *SIO2, "--v-long", "5000"],
    ["predict", "--density", "2200", "--v-long", "5800", "--v-trans", "3800"],
    ["predict", "--density", "2200", "--v-long", "3800", "--v-trans", "5800", "--molar-mass", "60"],
    ["predict", "--density", "2200", "--v-long", "1000", "--v-trans", "900", "--molar-mass", "60"],
    ["predict", *SIO2, "--bogus"],
    ["predict", "--density"],
    ["frobnicate"],
    [],
    ["table1", "--data", "/nonexistent/table.csv"],
    ["table1", "--alpha", "-1"],
]


@pytest.mark.parametrize("args", BAD, ids=[" ".join(a) or "<none>" for a in BAD])
def test_bad_input_is_one_line_and_exit_2(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("python -m tlslib: error:")
    assert "Traceback" not in err


def test_bad_data_file_is_one_line(capsys, tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(
        "glass,density_kg_m3,velocity_m_s,formula_volume_A3,debye_temperature_K,C_exp_1e4,C_th_1e4\n"
        "SiO2,2200,4163,-45.3,348,2.9,2.9\n"
    )
    code, _, err = run(capsys, "table1", "--data", str(p))
    assert code == 2 and err.count("\n") == 1 and "line 2, column formula_volume_A3" in err


def test_module_entry_point_exits_2_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "tlslib", "predict", "--density", "x"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_output_closed_early_by_the_reader_is_not_a_traceback():
    # `python -m tlslib claims | head -1`: the pipe closes before the table is written
    proc = subprocess.run(
        f"{sys.executable} -m tlslib claims | head -1", shell=True, capture_output=True, text=True, check=False
    )
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
