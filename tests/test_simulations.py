"""The cached simulation outputs of data/ match the code that generates them (tools/dipole_gap.py)."""

import importlib.util
from pathlib import Path

import pytest

from tlslib.dipole_gap import COUPLING_PATH, FIELDS_PATH, load_coupling_counts, load_field_histograms

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
