"""tlslib.paper.parameters: the file of the paper's numbers and the book's choices, and PAPER built from it."""

from __future__ import annotations

import pytest
from scipy import constants

from tlslib.paper.parameters import ENTRIES, PAPER, entry, find, load_entries, unit, value
from tlslib.validation import InputError


def test_paper_set_has_the_papers_tunneling_element_and_alpha():
    # text above Eq. (4): Δ°_max ~ 10 K; above Eq. (12): α = 2.5
    assert PAPER.tunneling_max == 10.0 * constants.k
    assert PAPER.alpha == 2.5


def test_temperatures_are_converted_to_joules_and_volumes_to_cubic_metres():
    # 5e-11 K × 1.380649e-23 J/K = 6.903e-34 J; 45 Å³ = 4.5e-29 m³
    assert value("alpha_tunneling_slow") == pytest.approx(6.903245e-34, rel=1e-12, abs=0)
    assert value("sio2_formula_volume") == pytest.approx(4.5e-29, rel=1e-12, abs=0)
    assert unit("sio2_formula_volume") == "Å³"


def test_every_book_choice_says_where_and_why():
    for e in ENTRIES.values():
        assert e.where and e.why, e.name
        if e.kind == "book":
            assert e.where.startswith("book choice"), e.name


def test_find_looks_in_names_and_sources():
    assert "budget_seed" in find("seed")
    assert "tunneling_max" in find("Eq. (4)")


def test_an_unknown_entry_names_the_known_ones():
    with pytest.raises(InputError, match="no parameter 'alfa'"):
        entry("alfa")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[a]\nvalue = 1\nunit = "K"\nkind = "paper"\nwhere = "x"\n', "missing why"),
        ('[a]\nvalue = 1\nunit = "furlong"\nkind = "paper"\nwhere = "x"\nwhy = "y"\n', "unknown unit"),
        ('[a]\nvalue = "ten"\nunit = "K"\nkind = "paper"\nwhere = "x"\nwhy = "y"\n', "not a finite number"),
        ('[a]\nvalue = 1\nunit = "K"\nkind = "mine"\nwhere = "x"\nwhy = "y"\n', "kind must be"),
    ],
)
def test_a_malformed_parameter_file_is_refused_in_one_line(tmp_path, text, message):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_entries(path)


def test_the_rounded_sio2_inputs_of_the_conclusions_in_si():
    # ρ = 2200 kg/m³, v = 4200 m/s, v_o = 45×10⁻³⁰ m³, ħω_D = 350 K × 1.380649e-23 J/K = 4.8322715e-21 J
    assert (value("sio2_density"), value("sio2_velocity")) == (2200.0, 4200.0)
    assert value("sio2_formula_volume") == 45.0 * constants.angstrom**3
    assert value("sio2_debye_energy") == pytest.approx(4.8322715e-21, rel=1e-12, abs=0)
    # ħω_D/Δ°_max = 35, the argument of the paper's ln(35) below Eq. (14)
    assert value("sio2_debye_energy") / PAPER.tunneling_max == pytest.approx(35.0, rel=1e-14)
