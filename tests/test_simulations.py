import pytest

from tlslib.paper.simulations import (
    COUPLING_PATH,
    FIELDS_PATH,
    load_coupling_counts,
    load_field_histograms,
    resolved_field_window,
)
from tlslib.validation import InputError


def test_cached_runs_load_and_relaxation_depletes_small_fields():
    histograms = load_field_histograms()
    for h in histograms.values():
        assert h.counts.sum() <= h.number and h.edges.size == h.counts.size + 1
    rc = max(c for c, _ in histograms)
    frozen, relaxed = histograms[(rc, "frozen")], histograms[(rc, "relaxed")]
    small = frozen.edges[1:] <= 0.1
    assert relaxed.counts[small].sum() < 0.8 * frozen.counts[small].sum()
    counts = load_coupling_counts()
    assert set(counts) == set(histograms)


def test_loader_rejects_bad_state_in_one_line(tmp_path):
    bad = tmp_path / "fields.csv"
    header = FIELDS_PATH.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(header + "\n2.5,100,1,melted,0.1,0.2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2, column state"):
        load_field_histograms(bad)


def test_loader_rejects_non_numbers_and_wrong_header(tmp_path):
    bad = tmp_path / "coupling.csv"
    header = COUPLING_PATH.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(header + "\n2.5,100,1,frozen,0.0,0.05,ten,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="column n_in_bin: not a number"):
        load_coupling_counts(bad)
    bad.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: header"):
        load_coupling_counts(bad)


def test_resolved_window_starts_at_ten_to_the_minus_2_8_and_is_ten_kelvin_for_sio2():
    # bins five per decade from 1e-4: the first with ≥ 100 TLS starts at 10^(-2.8) = 1.585e-3 E_u;
    # E_u(SiO2, V_o = v_o) = 6506 K -> 10.31 K
    from tlslib.dipole_gap import FIELD_BIN_EDGES
    from tlslib.paper.statements import sio2_resolved_window

    lo, hi = resolved_field_window()
    assert lo == pytest.approx(FIELD_BIN_EDGES[6], rel=1e-5) and lo == pytest.approx(10**-2.8, rel=1e-5)
    assert hi == pytest.approx(10.0, rel=1e-6)
    assert sio2_resolved_window()[0] == pytest.approx(10.31, abs=0.01)
