import csv
import io
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from cli_helpers import run

from tlslib.paper.table1 import COLUMNS

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
    "C_low",
    "C_high",
    "Q_inv",
    "l_over_lambda",
    "density_kg_m3",
    "alpha",
    "measurement",
    "frequency_Hz",
    "temperature_K",
    "temperature_2_K",
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
    # inputs echoed; no measurement: the paper's alpha = 2.5 and null measurement fields
    assert record["density_kg_m3"] == 2200.0 and record["alpha"] == 2.5
    assert record["measurement"] is None and record["frequency_Hz"] is None and record["temperature_K"] is None


def test_predict_json_gamma_max_p_bar_q_inv_and_mean_free_path_by_hand(capsys):
    code, out, _ = run(capsys, "predict", *SIO2, "--json")
    assert code == 0
    record = json.loads(out)
    # rho v^2 = 2200 * 4163^2 = 3.81273e10 Pa; rho v^2 v_o = 3.81273e10 * 45.3e-30 = 1.72718e-18 J
    # gamma_max = (4/3)(2/(9 pi))^(2/3) rho v^2 v_o = 0.228050 * 1.72718e-18 = 3.93884e-19 J = 2.4584 eV
    assert record["gamma_max_eV"] == pytest.approx(2.4584, rel=1e-4)
    # Eq. (9): P_bar = (rho v^2 / 3 gamma_max^2) (gamma_o/gamma_max)^2
    #        = 3.81273e10 / (3 * 1.55145e-37) * (0.267907/2.45841)^2 = 8.1918e46 * 0.0118758 = 9.7285e44
    assert record["P_bar_J-1_m-3"] == pytest.approx(9.7285e44, rel=1e-4, abs=0)
    # Q^-1 = (pi/2) C = 1.570796 * 2.93818e-4 = 4.6153e-4; l/lambda = 1/(2 pi^2 C) = 1/5.79977e-3 = 172.42
    assert record["Q_inv"] == pytest.approx(4.6153e-4, rel=1e-4, abs=0)
    assert record["l_over_lambda"] == pytest.approx(172.42, rel=1e-4)
    # and C = P_bar gamma_eff^2/(rho v^2) with gamma_eff = 2.5 gamma_o = 0.669767 eV
    gamma_eff = record["gamma_eff_eV"] * 1.602176634e-19
    assert record["C"] == pytest.approx(record["P_bar_J-1_m-3"] * gamma_eff**2 / 3.81273e10, rel=1e-5)


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
    ["predict", *SIO2, "--measurement", "bogus", "--frequency", "1000"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000"],
    ["predict", *SIO2, "--measurement", "relaxation", "--temperature", "0.5"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "0", "--temperature", "0.5"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "-1000", "--temperature", "0.5"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "nan", "--temperature", "0.5"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1kHz", "--temperature", "0.5"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000", "--temperature", "0"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000", "--temperature", "-0.5"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000", "--temperature", "NaN"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000", "--temperature", "cold"],
    ["predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000", "--temperature", "inf"],
    ["predict", *SIO2, "--measurement", "resonant"],
    ["predict", *SIO2, "--measurement", "resonant", "--frequency", "1e9", "--temperature", "0.1"],
    ["predict", *SIO2, "--measurement", "velocity", "--temperature", "0.1"],
    ["predict", *SIO2, "--measurement", "velocity", "--temperature", "0.1", "--temperature-2", "0.1"],
    ["predict", *SIO2, "--measurement", "velocity", "--temperature", "0.1", "--temperature-2", "-1"],
    ["predict", *SIO2, "--measurement", "conductivity"],
    ["predict", *SIO2, "--measurement", "conductivity", "--temperature", "x"],
    ["predict", *SIO2, "--measurement", "resonant", "--frequency", "1e9", "--alpha", "2.5"],
    ["predict", *SIO2, "--frequency", "1000"],
    ["predict", "--density", "2.2", "--velocity", "4163", "--volume", "45.3"],
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


def test_output_to_a_reader_that_has_gone_is_not_a_traceback():
    # `tlslib table1 | head -0`: the pipe's read end is closed before anything is written, so the
    # first write fails with EPIPE, every time (a plain `python -c "print(1)"` prints a
    # BrokenPipeError traceback and exits 1 there); the handler in main() is the same for every command
    read, write = os.pipe()
    os.close(read)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "tlslib", "table1"], stdout=write, stderr=subprocess.PIPE, text=True, check=False
        )
    finally:
        os.close(write)
    assert proc.returncode == 0
    assert proc.stderr == ""


def test_measurement_replaces_alpha_in_json(capsys):
    # SiO2, internal friction at 1 kHz and 0.5 K: alpha 2.718 (tests/test_measurement_alpha.py), C = alpha²/3 (γo/γmax)⁴
    code, out, err = run(
        capsys, "predict", *SIO2, "--measurement", "relaxation", "--frequency", "1000", "--temperature", "0.5", "--json"
    )
    assert code == 0 and err == ""
    record = json.loads(out)
    assert record["measurement"] == "relaxation"
    assert record["alpha"] == pytest.approx(2.7184, abs=1e-4)
    assert record["frequency_Hz"] == 1000.0 and record["temperature_K"] == 0.5 and record["temperature_2_K"] is None
    assert record["C"] == pytest.approx(2.94e-4 * (record["alpha"] / 2.5) ** 2, rel=2e-3)
    assert record["gamma_eff_eV"] == pytest.approx(record["alpha"] * record["gamma_o_eV"])


@pytest.mark.parametrize(
    ("extra", "alpha"),
    [
        # resonant 1 GHz: α² = ln(10 K/0.04799 K) + 1 − ln 2 = 5.6462
        (["--measurement", "resonant", "--frequency", "1e9"], 2.3762),
        # velocity 0.05–0.2 K: α² = ln(10/0.1) + 1 + γ_E − ln π = 5.0377
        (["--measurement", "velocity", "--temperature", "0.05", "--temperature-2", "0.2"], 2.2445),
        (["--measurement", "conductivity", "--temperature", "0.1"], 2.0012),
    ],
)
def test_each_measurement_kind_sets_alpha(capsys, extra, alpha):
    code, out, _ = run(capsys, "predict", *SIO2, *extra, "--json")
    assert code == 0
    assert json.loads(out)["alpha"] == pytest.approx(alpha, abs=1e-4)


def test_text_output_echoes_inputs_and_measurement(capsys):
    code, out, _ = run(capsys, "predict", *SIO2, "--measurement", "resonant", "--frequency", "1e9")
    assert code == 0
    assert "resonant measurement at f = 1×10⁹ Hz" in out
    assert "rho [kg/m^3]" in out and "2200" in out and "45.3" in out


def test_alpha_option_is_echoed(capsys):
    code, out, _ = run(capsys, "predict", *SIO2, "--alpha", "5", "--json")
    record = json.loads(out)
    assert code == 0 and record["alpha"] == 5.0 and record["measurement"] is None


UNIT_SLIPS = [
    # (options, what the one-line error must say)
    (["--density", "2.23", "--velocity", "4163", "--volume", "45.3"], "--density 2.23: not a density in kg/m³"),
    (["--density", "2200", "--velocity", "4.163", "--volume", "45.3"], "km/s? use 4163"),
    (["--density", "2200", "--v-long", "5.8", "--v-trans", "3.8", "--molar-mass", "60.08"], "--v-long 5.8"),
    (["--density", "2200", "--v-long", "5800", "--v-trans", "3800", "--molar-mass", "0.06008"], "kg/mol? use 60.08"),
    (["--density", "2200", "--velocity", "4163", "--volume", "4.53e-29"], "m³? use 45.3"),
    (["--density", "2200", "--velocity", "4163", "--volume", "45300"], "outside 1–10,000"),
]


@pytest.mark.parametrize(("args", "message"), UNIT_SLIPS, ids=[m for _, m in UNIT_SLIPS])
def test_an_input_in_an_implausible_unit_is_an_error_naming_the_likely_unit(capsys, args, message):
    code, out, err = run(capsys, "predict", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "--allow-unusual" in err


def test_density_in_g_per_cm3_suggests_kg_per_m3(capsys):
    code, _, err = run(capsys, "predict", "--density", "2.23", "--velocity", "4163", "--volume", "45.3")
    assert code == 2
    assert err == (
        "python -m tlslib: error: --density 2.23: not a density in kg/m³ (below 100); g/cm³? use 2230"
        " (--allow-unusual accepts it)\n"
    )


def test_allow_unusual_turns_the_unit_error_into_a_one_line_warning(capsys):
    # ρ = 90 kg/m³ is still a valid (if odd) input: γmax/γo ∝ ρ^(1/2) stays > 1
    code, out, err = run(
        capsys, "predict", "--density", "90", "--velocity", "4163", "--volume", "45.3", "--allow-unusual", "--json"
    )
    assert code == 0 and json.loads(out)["density_kg_m3"] == 90.0
    assert err.count("\n") == 1 and "warning" in err and "kg/m³" in err
    code, out, err = run(
        capsys, "predict", "--density", "2200", "--velocity", "90", "--volume", "45.3", "--allow-unusual"
    )
    assert code == 0 and err.count("\n") == 1 and "warning" in err and "not a velocity in m/s" in err


def test_a_density_in_g_per_cm3_allowed_still_fails_where_the_model_makes_no_sense(capsys):
    code, out, err = run(
        capsys, "predict", "--density", "2.2", "--velocity", "4163", "--volume", "45.3", "--allow-unusual"
    )
    assert code == 2 and out == ""
    assert err.splitlines()[-1].startswith("python -m tlslib: error: gamma_max") and "g/mol" in err


def test_glass_starts_from_its_table1_row_and_options_override_it(capsys):
    code, out, _ = run(capsys, "predict", "--glass", "SiO2", "--json")
    record = json.loads(out)
    # Table I SiO2: ρ 2200, v 4163, v_o 45.3: C 2.94e-4 as in test_predict_json_has_exactly_the_documented_keys
    assert code == 0 and record["density_kg_m3"] == 2200.0 and record["v_o_A3"] == pytest.approx(45.3)
    assert record["C"] == pytest.approx(2.94e-4, abs=0.01e-4)
    code, out, _ = run(capsys, "predict", "--glass", "SiO2", "--alpha", "5", "--density", "2300", "--json")
    record = json.loads(out)
    assert record["alpha"] == 5.0 and record["density_kg_m3"] == 2300.0 and record["v_m_s"] == 4163.0
    code, out, _ = run(capsys, "predict", "--glass", "SiO2")
    assert out.startswith("SiO2 (alpha = 2.5")


def test_an_unknown_glass_names_the_glasses_of_table1(capsys):
    code, out, err = run(capsys, "predict", "--glass", "Pyrex")
    assert code == 2 and out == "" and err.count("\n") == 1 and "SiO2, BK7" in err


def test_text_output_shows_c_as_a_power_of_ten_and_as_table1s_c_times_1e4(capsys):
    code, out, _ = run(capsys, "predict", *SIO2)
    assert code == 0
    assert "2.94×10⁻⁴" in out and "C×10⁴ = 2.94" in out
    assert "e-0" not in out and "e+" not in out


def test_from_csv_prints_one_row_per_glass_with_the_json_keys(capsys, tmp_path):
    path = tmp_path / "glasses.csv"
    path.write_text("name,density,velocity,volume,alpha\nA,2200,4163,45.3,\nB,2200,4163,45.3,5\n")
    code, out, err = run(capsys, "predict", "--from-csv", str(path))
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["name", *PREDICT_KEYS]
    assert [r["name"] for r in rows] == ["A", "B"]
    assert float(rows[0]["C"]) == pytest.approx(2.94e-4, abs=0.01e-4) and rows[0]["measurement"] == ""
    # C ∝ α²: α = 5 gives four times the C of α = 2.5
    assert float(rows[1]["C"]) == pytest.approx(4 * float(rows[0]["C"]))


def test_from_csv_takes_glass_names_and_option_spellings(capsys, tmp_path):
    path = tmp_path / "glasses.csv"
    path.write_text("name,glass,--v-long,v_trans,molar-mass,density\n,SiO2,,,,\nx,,5800,3800,60.08,2200\n")
    code, out, _ = run(capsys, "predict", "--from-csv", str(path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["name"] for r in rows] == ["SiO2", "x"]
    assert float(rows[1]["v_o_A3"]) == pytest.approx(45.35, abs=0.01)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("density,velocity,volume\n2200,4163,45.3\n2.2,4163,45.3\n", "line 3: --density 2.2: not a density"),
        ("density,velocity,volume\n2200,4163,45.3\n2200,abc,45.3\n", "line 3: --velocity must be a number"),
        ("density,velocity,volume\n2200,4163\n", "line 2: 2 fields, the header has 3"),
        ("density,speed,volume\n2200,4163,45.3\n", "line 1: unknown column 'speed'"),
        ("density,velocity,volume\n", "no glass"),
    ],
)
def test_from_csv_a_bad_line_is_named_in_one_line_and_nothing_is_printed(capsys, tmp_path, text, message):
    path = tmp_path / "glasses.csv"
    path.write_text(text)
    code, out, err = run(capsys, "predict", "--from-csv", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and str(path) in err


def test_from_csv_refuses_inputs_also_given_as_options(capsys, tmp_path):
    path = tmp_path / "glasses.csv"
    path.write_text("density,velocity,volume\n2200,4163,45.3\n")
    code, _, err = run(capsys, "predict", "--from-csv", str(path), "--density", "2200")
    assert code == 2 and "--density" in err


@pytest.mark.xdist_group("ledger")  # with the claims tests: one ledger per run
def test_claims_text_has_no_python_number_notation(capsys):
    code, out, _ = run(capsys, "claims")
    assert code == 0
    # the claim ids (first column) may spell "3e-4"; nothing else may
    shown = "\n".join(line.split(" ", 1)[-1] for line in out.splitlines())
    assert not re.search(r"\d(\.\d+)?e[+-]?\d", shown), re.search(r".{30}\d(\.\d+)?e[+-]?\d.{10}", shown)
    assert "-499999" not in out and "< −100" in out
    assert "×10⁻⁴" in out


def test_importing_the_number_formatter_needs_neither_matplotlib_nor_myst_nb():
    code = "import sys, tlslib.cli; print(sorted(m for m in ('matplotlib', 'myst_nb') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_explains_inputs_outputs_and_the_measured_band(capsys):
    code, out, _ = run(capsys, "predict", "--help")
    assert code == 0
    for text in (
        "--v-long",
        "--molar-mass",
        "[g/mol]",
        "--glass",
        "--from-csv",
        "--allow-unusual",
        "Q^-1",
        "l/lambda",
        "2 and 5 x 10^-4",
        "examples:",
        "--measurement",
    ):
        assert text in out


def test_version(capsys):
    from tlslib import __version__

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"tlslib {__version__}"


def test_temperature_that_looks_like_millikelvin_warns(capsys):
    # 500 "K" for 0.5 K: far above Δ°_max = 10 K, where the model does not apply
    code, out, err = run(capsys, "predict", *SIO2, "--measurement", "conductivity", "--temperature", "500", "--json")
    assert code == 0 and json.loads(out)["temperature_K"] == 500.0
    assert err.count("\n") == 1 and "warning" in err and "mK" in err


def test_predict_json_carries_the_budget_extremes_beside_c(capsys):
    from tlslib.paper.budget import glass_budget
    from tlslib.paper.table1 import table1_row

    code, out, _ = run(capsys, "predict", "--glass", "SiO2", "--json")
    record = json.loads(out)
    b = glass_budget(table1_row("SiO2").material)
    # the band of python -m tlslib budget --glass SiO2, around Eq. (12)'s 2.94e-4
    assert code == 0 and (record["C_low"], record["C_high"]) == pytest.approx((b.low, b.high), rel=1e-12)
    assert record["C_low"] < record["C"] < record["C_high"]


def test_predict_prints_the_band_in_units_of_1e4(capsys):
    code, out, _ = run(capsys, "predict", "--glass", "SiO2")
    band = next(line for line in out.splitlines() if "C band" in line)
    assert code == 0 and "C×10⁴ = " in band and " to " in band and "e-0" not in band


def test_predict_band_is_empty_when_gamma_eff_passes_gamma_max(capsys):
    # SiO2: gamma_max/gamma_o = 2.458/0.2679 = 9.18; alpha = 9.5 puts gamma_eff above gamma_max
    code, out, _ = run(capsys, "predict", "--glass", "SiO2", "--alpha", "9.5", "--json")
    record = json.loads(out)
    assert code == 0 and record["C_low"] is None and record["C_high"] is None


def test_budget_json_lists_each_glass_with_its_factors(capsys):
    code, out, _ = run(capsys, "budget", "--json")
    records = json.loads(out)
    assert code == 0 and len(records) == 10 and records[0]["glass"] == "SiO2"
    sio2 = records[0]
    assert list(sio2) == ["glass", "C_paper", "C_best", "C_low", "C_high", "alpha", "alpha_band", "factors"]
    assert sio2["C_low"] < sio2["C_paper"] < sio2["C_best"] < sio2["C_high"]
    for f in sio2["factors"]:
        assert list(f) == ["name", "low", "central", "high", "where"]
        assert 0 < f["low"] <= f["central"] <= f["high"]
    # best = Eq. (12) × the product of the central factors (α = 2.5 central: its factor is 1)
    assert sio2["C_best"] == pytest.approx(sio2["C_paper"] * np.prod([f["central"] for f in sio2["factors"]]))


def test_budget_of_one_glass_prints_its_rows(capsys):
    code, out, _ = run(capsys, "budget", "--glass", "SiO2")
    assert code == 0 and out.count("best estimate") == 2 and "book/mean-field-dos.md" in out
    assert "BK7" not in out


def test_budget_of_an_unknown_glass_is_one_line_and_exit_2(capsys):
    code, out, err = run(capsys, "budget", "--glass", "quartz")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "not in Table I" in err
