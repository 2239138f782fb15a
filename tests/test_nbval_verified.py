"""The nbval plugin of `make verify`: a moved number is reported by chapter, name and both values."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbval_verified import (
    MAX_LINES,
    ROOT,
    build_report,
    chapter_claims,
    describe_differences,
    differences,
    git_changes,
    recorded_values,
    reference_verdicts,
    verdict_changes,
)

from tlslib.paper.ledger import ledger

RECORD = "application/papermill.record/text/plain"


def _glued(name: str, text: str) -> dict:
    return {"output_type": "display_data", "data": {RECORD: text}, "metadata": {"scrapbook": {"name": name}}}


def test_a_moved_number_is_named_with_both_values_and_its_relative_difference():
    # 2.938177868 -> 2.938171992: the SiO2 C of Eq. (12) after a 1e-6 change of the density
    lines = describe_differences("table1", [_glued("c_sio2", "2.938177868")], [_glued("c_sio2", "2.938171992")])
    assert lines == ["table1: c_sio2: published 2.938177868, now 2.938171992 (relative difference 2.0e-06)"]


def test_unchanged_numbers_are_not_listed_and_other_differences_are_pointed_to():
    same = [_glued("n", "63")]
    lines = describe_differences("claims", same, same)
    assert lines == ["claims: a displayed output differs (no recorded number moved): see nbval's diff in the log"]


def test_an_error_in_the_fresh_run_is_reported():
    error = {"output_type": "error", "ename": "AssertionError", "evalue": "C out of range", "traceback": []}
    lines = describe_differences("universal-c", [_glued("x", "1.0")], [error])
    assert lines[0] == "universal-c: a cell raised AssertionError: C out of range"
    assert "universal-c: x: published 1.0, now (absent)" in lines


def _table(name: str, rows: list) -> dict:
    text = repr(json.dumps({"columns": ["id", "value"], "rows": rows}))
    return _glued(name, text)


def test_a_figure_warning_on_stderr_is_reported_as_a_warning_not_as_a_moved_number():
    warning = {
        "output_type": "stream",
        "name": "stderr",
        "text": "/tmp/ipykernel_1/2.py:3: UserWarning: findfont: Font family 'Nope' not found.\n",
    }
    same = [_glued("n", "63")]
    lines = describe_differences("universal-c", same, [*same, warning])
    assert lines == [
        "universal-c: a cell wrote a warning to stderr: UserWarning: findfont: Font family 'Nope' not found."
    ]


def test_a_moved_cell_of_a_recorded_table_is_named_by_row_and_column():
    # SiO2's C in a glued table: 2.938177868 -> 2.938171992, as after a 1e-6 density change
    found = differences("table1", [_table("t", [["SiO2", 2.938177868]])], [_table("t", [["SiO2", 2.938171992]])])
    assert [f["name"] for f in found] == ["t[SiO2, value]"]
    assert found[0]["relative"] == pytest.approx(2.0e-6, rel=0.01)


def test_values_compared_count_each_glued_scalar_and_each_table_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    outputs = [nbformat.from_dict(_glued("a", "1.0")), nbformat.from_dict(_table("t", [["SiO2", 1.0], ["BK7", 2.0]]))]
    cell = nbformat.v4.new_code_cell("x", outputs=outputs)
    nb.cells.append(cell)
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    assert recorded_values(path) == 1 + 4


def test_reference_verdicts_are_read_from_the_claims_chapter():
    verdicts = reference_verdicts(ROOT / "tests" / "notebooks" / "claims.ipynb")
    assert verdicts["table1-sf4-c-th"] == "discrepant"
    assert verdicts["typo-eq14-exponent"] == "typo"
    assert len(verdicts) == 72


@pytest.mark.xdist_group("ledger")  # with the claims tests: one ledger per run
def test_the_report_reads_the_same_ledger_from_the_claims_chapter_as_from_the_cli():
    # make verify's report takes this run's ledger from the executed claims chapter (no second
    # computation of the ledger, about 5 s); the CLI, its fallback, must give the same ids and verdicts
    shown = chapter_claims(ROOT / "tests" / "notebooks" / "claims.ipynb")
    assert {c["id"]: c["verdict"] for c in shown} == {a.claim.id: a.verdict for a in ledger()}
    assert all(c["claim"] for c in shown)


def test_a_changed_verdict_is_listed():
    claims = [{"id": "a", "verdict": "discrepant"}, {"id": "b", "verdict": "typo"}]
    assert verdict_changes({"a": "reproduced", "b": "typo"}, claims) == ["a: reproduced -> discrepant"]


CLAIMS = [
    {"id": "c-ok", "verdict": "reproduced", "note": "", "claim": "fine"},
    {"id": "c-bad", "verdict": "discrepant", "note": "printed 0.9, recomputed 2.33\nsecond line", "claim": "C"},
]


def test_the_success_report_is_short_and_lists_the_claims_not_reproduced():
    lines = build_report(0, "_build/verify.log", {"intro": 6, "table1": 146}, [], [], {}, CLAIMS, "2 passed in 1s")
    text = "\n".join(lines)
    assert (
        lines[0] == "make verify: every output of every chapter matches the book's recorded outputs (tests/notebooks/)"
    )
    assert "152 values compared in 2 chapters (pytest: 2 passed in 1s)" in text
    assert "intro 6, table1 146" in text
    assert "2 claims: 1 reproduced, 1 discrepant" in text
    assert any(line.split()[:2] == ["c-bad", "discrepant"] and "second line" not in line for line in lines)
    assert "c-ok" not in text and lines[-1] == "full log: _build/verify.log"


def test_the_failure_report_names_the_inputs_the_moved_values_and_the_verdicts():
    moved = differences("table1", [_glued("c_sio2", "2.938177868")], [_glued("c_sio2", "2.938171992")])
    reference = {"c-ok": "reproduced", "c-bad": "reproduced"}
    lines = build_report(1, "v.log", {"table1": 146}, moved, ["M data/table1.csv"], reference, CLAIMS)
    text = "\n".join(lines)
    assert lines[0].startswith("make verify: 1 recorded values in 1 of 1 chapters differ")
    assert "table1 146 (1 moved)" in text
    assert "inputs that differ from git: M data/table1.csv" in text
    assert "largest relative change: 2.0e-06 (table1: c_sio2: 2.938177868 -> 2.938171992)" in text
    assert "c-bad: reproduced -> discrepant" in text


def test_the_failure_report_stays_within_forty_lines_and_tolerates_no_git():
    many = [
        {"chapter": "x", "kind": "moved", "name": f"v{i}", "published": "1.0", "now": "1.1", "relative": 0.1}
        for i in range(500)
    ]
    warn = [{"chapter": "x", "kind": "stderr", "text": "UserWarning: findfont"}] * 10
    chapters = {f"chapter-{i}": i for i in range(30)}
    lines = build_report(1, "v.log", chapters, many + warn, None, {}, CLAIMS)
    assert len(lines) <= MAX_LINES
    assert "  inputs changed: unknown (no git checkout)" in lines


def test_a_warning_alone_is_said_to_be_a_warning():
    warn = [{"chapter": "universal-c", "kind": "stderr", "text": "UserWarning: findfont: Font family 'X' not found."}]
    lines = build_report(1, "v.log", {"universal-c": 115}, warn, [], {}, CLAIMS)
    assert lines[0] == "make verify: no recorded value moved, but a cell wrote a warning to stderr (listed below)"
    assert any("universal-c: a cell wrote a warning to stderr: UserWarning: findfont" in line for line in lines)


def test_git_changes_is_none_outside_a_checkout(tmp_path):
    assert git_changes(tmp_path) is None
