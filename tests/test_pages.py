"""tlslib.book: recorded numbers are portable (last-bit noise vanishes) yet catch a 1e-9 change."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tlslib.book import markup
from tlslib.book.numbers import SIGNIFICANT_DIGITS, as_printed, portable, quantity, rounded, scientific
from tlslib.book.recording import table_record


def test_last_bit_noise_does_not_change_a_record():
    # The two values nbval saw for universal-c on two CPUs: 7e-15 apart.
    assert rounded(-1.999999999999972) == rounded(-1.9999999999999787) == -2.0
    assert rounded(0.6276866493253923) == rounded(0.6276866493253914)


@pytest.mark.parametrize("mantissa", [1.0, 1.000000001, 3.14159265358979, 9.99999999])
@pytest.mark.parametrize("exponent", [-36, -4, 0, 7, 33])
def test_a_change_above_1e9_relative_always_changes_a_record(mantissa, exponent):
    # The quantum of ten significant digits is 10^(e-9) <= 1e-9 |x|: a shift of more than one
    # quantum crosses at least one rounding boundary, whatever the value.
    x = mantissa * 10.0**exponent
    for shift in (1.0000001e-9, -1.0000001e-9, 3e-9):
        assert rounded(x * (1 + shift)) != rounded(x)


def test_ten_digits_are_kept():
    assert SIGNIFICANT_DIGITS == 10
    assert repr(rounded(2.9381778682614548)) == "2.938177868"
    assert rounded(0.0) == 0.0
    assert np.isnan(rounded(float("nan")))


def test_portable_makes_numpy_scalars_python():
    assert type(portable(np.float64(1 / 3))) is float
    assert portable(np.int64(7)) == 7 and type(portable(np.int64(7))) is int
    assert portable("SiO₂") == "SiO₂"
    assert portable(True) is True
    with pytest.raises(TypeError, match="show_table"):
        portable(np.arange(3.0))


def test_scientific_text():
    assert scientific(9.1234e-5, 1) == "9.1×10⁻⁵"
    assert scientific(2.7e36, 0) == "3×10³⁶"


def test_table_record_keeps_ten_digits_of_every_cell():
    frame = pd.DataFrame({"C": [2.9381778682614548, np.nan], "glass": ["SiO₂", "BK7"]}, index=["a", "b"])
    record = json.loads(table_record(frame))
    assert record["columns"] == ["", "C", "glass"]
    assert record["rows"] == [["a", 2.938177868, "SiO₂"], ["b", "nan", "BK7"]]


def test_statistical_record_keeps_a_thousandth_of_the_error():
    from tlslib.book import record_statistical

    # error 0.41 -> quantum 10^floor(log10(4.1e-4)) = 1e-4; noise of 1e-12 cannot move it
    assert record_statistical("x", -2.917828853348473, 0.41) == record_statistical("x", -2.9178288533519847, 0.41)
    assert record_statistical("x", -2.917828853348473, 0.41) == -2.9178
    # a chi-square of 42.55 with error sqrt(2*40) ~ 8.9 -> quantum 1e-3
    assert record_statistical("x", 42.552984395246504, 8.9) == 42.553
    with pytest.raises(ValueError, match="positive"):
        record_statistical("x", 1.0, 0.0)


def test_bound_is_recorded_instead_of_noise():
    from tlslib.book import record_bound

    assert record_bound("x", 3.3e-16, 1e-12) == 1e-12
    with pytest.raises(AssertionError, match="bound"):
        record_bound("x", 2e-12, 1e-12)


# --------------------------------------------------------------------------- what a reader sees


@pytest.mark.parametrize(
    ("value", "options", "text"),
    [
        # the Python spellings the issue found in the prose, as the book now writes them
        (9.08e-5, {"sig": 2}, "9.1×10⁻⁵"),
        (6e-13, {"sig": 1}, "6×10⁻¹³"),
        (4.86e-113, {"sig": 1}, "5×10⁻¹¹³"),
        (2.69e-36, {"sig": 2, "unit": "K"}, "2.7×10⁻³⁶\u00a0K"),
        # fixed notation in 1e-3 <= |x| < 1e5, a true minus sign, decimals or significant digits
        (-1.4499, {"decimals": 2}, "\u22121.45"),
        (0.019305, {"sig": 3}, "0.0193"),
        (9.96, {"sig": 2}, "10"),
        (2200.0, {"decimals": 0, "unit": "kg m⁻³"}, "2200\u00a0kg m⁻³"),
        (1.0, {"decimals": 3}, "1.000"),
        (0.42, {"sig": 2, "sign": True}, "+0.42"),
        (123456.0, {"sig": 3}, "1.23×10⁵"),
        (float("nan"), {}, "—"),
    ],
)
def test_quantity_writes_numbers_as_a_physicist_would(value, options, text):
    assert quantity(value, **options) == text


def test_quantity_never_writes_python_float_notation():
    # no "e-05", "e+25" or 12-decimal tails, whatever the magnitude
    for exponent in range(-120, 40, 7):
        text = quantity(3.3 * 10.0**exponent)
        assert "e" not in text and len(text) < 14, text


def test_times_ten_keeps_the_power_with_its_number(monkeypatch):
    import tlslib.book.recording as pages

    glued = {}
    monkeypatch.setattr(pages, "_glue", lambda name, obj: glued.__setitem__(name, obj))
    kept = pages.record_quantity("c", 7.8123456789123, decimals=1, times_ten=-4)
    # the verified plain face keeps ten digits; the prose face is one unbreakable word
    assert kept == 7.812345679 and repr(glued["c"]) == "7.812345679"
    assert glued["c"]._repr_markdown_() == "7.8×10⁻⁴"
    pages.record_quantity("t", 2.69e-36, sig=2, unit="K")
    assert glued["t"]._repr_markdown_() == "2.7×10⁻³⁶\u00a0K"


def test_as_printed_aligns_quoted_data_without_inventing_digits():
    text = as_printed(2)
    # 2.9 is printed with one decimal: no trailing zero is invented, a figure space keeps the column aligned
    assert text(2.9) == "2.9\u2007" and text(2.75) == "2.75" and text(4.0) == "4\u2008\u2007\u2007"


def _table(monkeypatch, frame, **options):
    import tlslib.book.recording as pages

    glued = {}
    monkeypatch.setattr(pages, "_glue", lambda name, obj: glued.__setitem__(name, obj))
    from tlslib.book import show_table

    return show_table("t", frame, **options), glued


def test_show_table_records_full_precision_and_displays_the_chosen_one(monkeypatch):
    frame = pd.DataFrame({"rho": [2200.0, 2510.0], "C": [2.9381778682614548, 2.7512]}, index=["SiO2", "BK7"])
    frame.index.name = "glass"
    table, glued = _table(monkeypatch, frame, headers={"rho": r"$\rho$ [kg m$^{-3}$]"}, formats={"C": ".2f"})
    # a change at 1e-9 in a cell shown with two decimals still changes the record
    assert json.loads(glued["t"])["rows"][0] == ["SiO2", 2200.0, 2.938177868]
    assert table.rows == [["SiO2", "2200", "2.94"], ["BK7", "2510", "2.75"]]
    markdown = table._repr_markdown_()
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    # the unit stays on one line (no-break space); numbers right-aligned, also in the PDF (tabulary R)
    assert rows[0] == "| glass | $\\rho$ [kg\u00a0m$^{-3}$] | C |"
    assert rows[1] == "|:---|---:|---:|" and "```{tabularcolumns} LRR" in markdown
    html = table._repr_html_()
    assert r'<span class="math notranslate nohighlight">\(\rho\)</span>' in html
    assert "NaN" not in html and "nan" not in markdown


def test_show_table_has_no_empty_index_row_and_hides_a_default_index(monkeypatch):
    table, _ = _table(monkeypatch, pd.DataFrame({"x": [1.5, 2.5]}), formats={"x": ".1f"})
    assert table.headers == ["x"] and table.rows == [["1.5"], ["2.5"]]
    assert repr(table).splitlines() == ["  x", "1.5", "2.5"]


def test_a_missing_value_is_a_dash_with_a_note(monkeypatch):
    frame = pd.DataFrame({"x": [1.0, np.nan]}, index=pd.Index(["a", "b"], name="case"))
    with pytest.raises(ValueError, match="missing_note"):
        _table(monkeypatch, frame)
    table, _ = _table(monkeypatch, frame, formats={"x": ".2f"}, missing_note="not measured.")
    assert table.rows[1] == ["b", "—"] and table.notes == ["— not measured."]


def test_marked_rows_carry_a_dagger_and_its_reason(monkeypatch):
    frame = pd.DataFrame({"x": [1.0, 2.0]}, index=pd.Index(["a", "b"], name="case"))
    table, _ = _table(monkeypatch, frame, formats={"x": ".1f"}, marked=["b"], mark_note="differs.")
    assert table.rows[1][0] == "b †" and table.notes == ["† differs."]
    assert '<tr class="marked">' in table._repr_html_()
    with pytest.raises(KeyError):
        _table(monkeypatch, frame, marked=["z"], mark_note="?")


def test_markdown_cells_cannot_break_the_table(monkeypatch):
    frame = pd.DataFrame({"what": ["a | b", "x*y_z"]})
    table, _ = _table(monkeypatch, frame)
    assert "| a \\| b |" in table._repr_markdown_() and "x\\*y\\_z" in table._repr_markdown_()


def test_a_long_table_is_a_longtable_in_the_pdf_with_wrapping_text_columns(monkeypatch):
    # 65 claims do not fit on one PDF page: tabulary cannot break across pages, longtable can
    # (Sphinx writes a {table} of class longtable as one). Longtable does not size columns: a
    # text column given a width wraps ragged right in \Y{fraction of the line}; numbers stay r.
    frame = pd.DataFrame(
        {"claim": ["a long sentence"] * 40, "value": [(1.0, 2.0)] * 40, "x": [0.5] * 40},
        index=pd.Index([f"id-{i}" for i in range(40)], name="id"),
    )
    with pytest.raises(ValueError, match="long"):
        _table(monkeypatch, frame.head(3), widths={"claim": 0.3})
    with pytest.raises(KeyError):
        _table(monkeypatch, frame, long=True, widths={"nothing": 0.3})
    table, _ = _table(
        monkeypatch, frame, long=True, widths={"id": 0.2, "claim": 0.3}, right=["value"],
        formats={"value": lambda v: "–".join(f"{x:g}" for x in v)},
    )  # fmt: skip
    markdown = table._repr_markdown_()
    ragged = ">{\\raggedright\\arraybackslash}"
    assert f"```{{tabularcolumns}} {ragged}\\Y{{0.200}}{ragged}\\Y{{0.300}}rr" in markdown
    assert "````{table}\n:class: longtable\n" in markdown
    # an id wrapped in a narrow column breaks before a hyphen, so no line ends in one (pdftotext
    # would take it for a hyphenated word and drop it: "alpha-between-|1-and-5" read "between1")
    assert (
        "\\discretionary{}{-}{-}" in markdown
        and "discretionary" not in _table(monkeypatch, frame.head(3))[0]._repr_markdown_()
    )
    # every row is in the table, none cut; a range set as a number (right-aligned)
    assert sum(line.startswith("| id-") for line in markdown.splitlines()) == 40
    assert table.rows[0] == ["id-0", "a long sentence", "1–2", "0.500"] and table.numeric == [False, False, True, True]
    assert '<td class="num">1–2</td>' in table._repr_html_()
    # a short table keeps tabulary, which sizes its own columns; above 30 rows Sphinx makes a
    # longtable anyway, where tabulary's L and R do not exist: such a table is long by default
    short, _ = _table(monkeypatch, frame.head(3))
    assert "longtable" not in short._repr_markdown_() and "```{tabularcolumns} LLLR" in short._repr_markdown_()
    assert _table(monkeypatch, frame)[0].long and not _table(monkeypatch, frame.head(30))[0].long


def test_setup_figures_pairs_colours_with_line_styles():
    import matplotlib as mpl

    from tlslib.book import setup_figures

    setup_figures()
    cycle = list(mpl.rcParams["axes.prop_cycle"])
    # every curve differs from the previous ones in colour AND line style: distinct in greyscale
    assert len({c["linestyle"] if isinstance(c["linestyle"], str) else str(c["linestyle"]) for c in cycle}) == len(
        cycle
    )
    assert len({c["color"] for c in cycle}) == len(cycle)


def test_a_table_of_ten_columns_or_more_is_set_smaller_on_the_web_page():
    from tlslib.book.tables import WIDE_TABLE_COLUMNS, show_table

    narrow = pd.DataFrame({f"c{i}": [1.0] for i in range(WIDE_TABLE_COLUMNS - 1)})
    wide = pd.DataFrame({f"c{i}": [1.0] for i in range(WIDE_TABLE_COLUMNS)})
    assert 'class="tlslib-table wide"' not in show_table("n", narrow)._repr_html_()
    assert 'class="tlslib-table wide"' in show_table("w", wide)._repr_html_()


def test_parameters_are_written_as_the_file_writes_them():
    # data/parameters.toml: tunneling_max = 10 K, alpha_tunneling_slow = 5e-11 K, tensor_shape = [2, -1, -1]
    from tlslib.book.recording import parameter_text

    assert parameter_text("tunneling_max") == "10\u00a0K"
    assert parameter_text("alpha_tunneling_slow") == "5×10⁻¹¹\u00a0K"
    assert parameter_text("alpha") == "2.5"
    assert parameter_text("tensor_shape") == "(2, −1, −1)"
    assert parameter_text("alpha_range") == "1–5"
    assert parameter_text("budget_seed") == "20200221"


def test_record_parameters_glues_every_entry(monkeypatch):
    from tlslib.book import recording
    from tlslib.paper.parameters import ENTRIES

    glued = {}
    monkeypatch.setattr(recording, "_glue", lambda name, obj: glued.__setitem__(name, obj))
    recording.record_parameters()
    assert {f"par_{name}" for name in ENTRIES} <= set(glued)
    assert glued["par_alpha"]._repr_markdown_() == "2.5"
    assert glued["par_tensor_shape_alt"]._repr_markdown_() == "(1, 0, −1)"


@pytest.mark.parametrize(
    ("text", "html_face"),
    [
        ("C_th/C_exp", "C<sub>th</sub>/C<sub>exp</sub>"),
        ("ln^{1/2}(Δ°_max/Δ°)", "ln<sup>1/2</sup>(Δ°<sub>max</sub>/Δ°)"),
        ("2k_BT", "2k<sub>B</sub>T"),  # k_B times T: the subscript is B alone
        ("(2π)^(2/3)", "(2π)<sup>2/3</sup>"),
        ("dipole_gap_1.csv", "dipole_gap_1.csv"),  # a file name is not a subscript
        ("a < b", "a &lt; b"),
    ],
)
def test_sub_and_superscripts_of_plain_strings_are_typeset_on_the_page(text, html_face):
    assert markup.html(text) == html_face


def test_the_myst_face_uses_roles_and_escapes_the_rest():
    assert markup.myst("C_th*", lambda s: s.replace("*", "\\*")) == "C{sub}`th`\\*"


def test_table_text_cells_typeset_subscripts_but_the_plain_face_keeps_the_string(monkeypatch):
    t, _ = _table(monkeypatch, pd.DataFrame({"what": ["C_th/C_exp"]}))
    assert "C<sub>th</sub>" in t._repr_html_()
    assert "C{sub}`th`" in t._repr_markdown_()
    assert "C_th/C_exp" in repr(t)
