"""tlslib.paper.simulations: the cached runs of data/, loaded, validated and matching the code that made them."""

import importlib.util
from pathlib import Path

import pytest

from tlslib.paper.simulations import (
    COUPLING_PATH,
    FIELDS_PATH,
    load_coupling_counts,
    load_field_histograms,
    resolved_field_window,
)
from tlslib.validation import InputError

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("dipole_gap_tool", ROOT / "tools" / "dipole_gap.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

CACHED = (FIELDS_PATH, COUPLING_PATH)


def _header(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[: next(k for k, line in enumerate(lines) if not line.startswith("#"))]


@pytest.mark.parametrize("path", CACHED, ids=lambda p: p.name)
def test_cached_file_records_the_hash_of_the_code_that_made_it(path):
    # fails after any edit of tlslib/local_fields.py or tools/dipole_gap.py: run `make simulations`
    recorded = next(line for line in _header(path) if line.startswith("# code_sha256:")).split()[2]
    assert recorded == tool.code_hash(), f"{path.name} is stale: run `make simulations` and commit data/"


@pytest.mark.parametrize("path", CACHED, ids=lambda p: p.name)
def test_cached_file_header_records_todays_inputs(path):
    # the values the generator imports (exclusion radius, bins, window) and the runs, as numbers
    assert _header(path) == tool.header_lines(), f"{path.name}: inputs changed; run `make simulations`"


def test_code_hash_changes_with_any_generating_file(tmp_path):
    for name in tool.GENERATORS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    assert tool.code_hash(tmp_path) == tool.code_hash()
    (tmp_path / tool.GENERATORS[0]).write_bytes((ROOT / tool.GENERATORS[0]).read_bytes() + b"\n")
    assert tool.code_hash(tmp_path) != tool.code_hash()


def test_loaders_skip_the_header_and_read_every_run():
    fields, coupling = load_field_histograms(), load_coupling_counts()
    runs = {(cutoff, state) for cutoff, _, _ in tool.RUNS for state in ("frozen", "relaxed")}
    assert set(fields) == runs and set(coupling) == runs
    for cutoff, number, seeds in tool.RUNS:
        assert fields[(cutoff, "frozen")].number == number * len(seeds)
        assert fields[(cutoff, "relaxed")].counts.sum() <= number * len(seeds)


def test_loader_reports_the_file_line_of_a_bad_row_after_the_header(tmp_path):
    from tlslib.validation import InputError

    lines = FIELDS_PATH.read_text(encoding="utf-8").splitlines()
    first = len(_header(FIELDS_PATH)) + 2  # first data row, 1-based
    lines[first - 1] = lines[first - 1].replace("frozen", "melted")
    bad = tmp_path / "fields.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"line {first}, column state"):
        load_field_histograms(bad)


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
    header = next(h for h in FIELDS_PATH.read_text(encoding="utf-8").splitlines() if not h.startswith("#"))
    bad.write_text(header + "\n2.5,100,1,melted,0.1,0.2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2, column state"):
        load_field_histograms(bad)


def test_loader_rejects_non_numbers_and_wrong_header(tmp_path):
    bad = tmp_path / "coupling.csv"
    header = next(h for h in COUPLING_PATH.read_text(encoding="utf-8").splitlines() if not h.startswith("#"))
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
