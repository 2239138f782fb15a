"""The nbval plugin of `make verify`: a moved number is reported by chapter, name and both values."""

from __future__ import annotations

from nbval_verified import describe_differences

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
    assert lines == ["claims: a displayed output differs (no recorded number moved): see nbval's diff above"]


def test_an_error_in_the_fresh_run_is_reported():
    error = {"output_type": "error", "ename": "AssertionError", "evalue": "C out of range", "traceback": []}
    lines = describe_differences("universal-c", [_glued("x", "1.0")], [error])
    assert lines[0] == "universal-c: a cell raised AssertionError: C out of range"
    assert "universal-c: x: published 1.0, now (absent)" in lines
