import pytest

from tlslib import InputError
from tlslib.paper.atomic_weights import formula_molar_mass, load_atomic_weights


def test_table_holds_the_iupac_conventional_weights():
    w = load_atomic_weights()
    # IUPAC 2021 conventional values (data/README.md)
    assert w == {"H": 1.008, "C": 12.011, "O": 15.999, "Si": 28.085}


def test_silica_molar_mass():
    # 28.085 + 2 * 15.999 = 60.083 g/mol (times M_u = 1.000000001e-3 kg/mol)
    assert formula_molar_mass("SiO2") == pytest.approx(60.083e-3, rel=1e-8)


def test_pmma_monomer_molar_mass():
    # C5H8O2: 5 * 12.011 + 8 * 1.008 + 2 * 15.999 = 60.055 + 8.064 + 31.998 = 100.117 g/mol
    assert formula_molar_mass("C5H8O2") == pytest.approx(100.117e-3, rel=1e-8)


@pytest.mark.parametrize("formula", ["", "sio2", "SiO2)", "Xe", "Si0", "Si O2"])
def test_bad_formula_is_rejected_in_one_line(formula):
    with pytest.raises(InputError) as err:
        formula_molar_mass(formula)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("symbol,name,atomic_weight\nH,hydrogen,1.008\n", "line 1"),
        ("symbol,element,atomic_weight\nH,hydrogen,1.008\nH,hydrogen,1.008\n", "line 3, column symbol"),
        ("symbol,element,atomic_weight\nH,hydrogen,-1\n", "line 2, column atomic_weight"),
        ("symbol,element,atomic_weight\nh,hydrogen,1.008\n", "line 2, column symbol"),
        ("symbol,element,atomic_weight\nH,hydrogen\n", "line 2"),
        ("symbol,element,atomic_weight\n", "no data rows"),
    ],
)
def test_bad_table_names_file_line_and_column(tmp_path, body, where):
    p = tmp_path / "w.csv"
    p.write_text(body)
    with pytest.raises(InputError, match=where):
        load_atomic_weights(p)


def test_missing_table_is_one_line(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_atomic_weights(tmp_path / "none.csv")


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        # silicon as a molar mass in kg/mol (0.028085), and a weight no element has
        ("0.028085", "0.028085 is not a standard atomic weight A_r (below 1; a molar mass in kg/mol?)"),
        ("28085", "28085 is not a standard atomic weight A_r (above 300; no element is heavier)"),
    ],
)
def test_a_weight_in_the_wrong_unit_is_refused_with_file_line_and_column(tmp_path, weight, message):
    p = tmp_path / "w.csv"
    p.write_text(f"symbol,element,atomic_weight\nO,oxygen,15.999\nSi,silicon,{weight}\n")
    with pytest.raises(InputError) as info:
        load_atomic_weights(p)
    assert str(info.value) == f"{p}, line 3, column atomic_weight: {message}"
