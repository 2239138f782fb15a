import json
import re

import pytest
from cli_helpers import run

from tlslib.paper.ledger import VERDICTS, ledger, verdict_counts

# One xdist worker runs every test that needs the claims ledger or its costly inputs (the measurement
# bands, the error budget), so that they are computed once per run, not once per worker.
pytestmark = pytest.mark.xdist_group("ledger")


def test_claims_json_is_one_object_per_claim(capsys):
    code, out, _ = run(capsys, "claims", "--json")
    assert code == 0
    records = json.loads(out)
    assert len(records) == len(ledger())
    for r in records:
        assert {"id", "claim", "published", "reproduced", "tolerance", "verdict", "note"} <= set(r)
        assert {"margin", "why_tolerance", "chapter"} <= set(r)
        assert r["verdict"] in VERDICTS
        # a margin for every checked claim, none for an unchecked one
        assert (r["margin"] is None) == (r["verdict"] == "not checkable")
    sf4 = next(r for r in records if r["id"] == "table1-sf4-c-th")
    # printed 0.9, recomputed 2.33 (x 1e-4)
    assert sf4["published"] == pytest.approx(0.9) and sf4["reproduced"] == pytest.approx(2.33, abs=0.01)
    assert sf4["verdict"] == "discrepant"
    # |2.33 - 0.9| = 1.43 against ±0.05: margin 1 - 1.43/0.05 = -27.6
    assert sf4["margin"] == pytest.approx(-27.6, abs=0.1)


def test_claims_text_starts_with_the_counts(capsys):
    code, out, _ = run(capsys, "claims")
    assert code == 0
    counts = verdict_counts(ledger())
    first = out.splitlines()[0]
    assert first.startswith(f"{sum(counts.values())} claims:")
    for verdict, n in counts.items():
        assert f"{n} {verdict}" in first
    assert "typo-eq14-exponent" in out
    assert first == ", ".join(
        [f"{sum(counts.values())} claims: {counts['reproduced']} reproduced"]
        + [f"{n} {v}" for v, n in list(counts.items())[1:]]
    )
    assert list(counts) == [
        "reproduced",
        "discrepant",
        "typo",
        "consistency check",
        "depends on a choice",
        "not checkable",
    ]
    # no Python float notation anywhere a reader looks (ids such as c-exp-typical-3e-4 aside)
    assert not re.search(r"(?<![\w-])\d+(\.\d+)?e[-+]?\d", out)


def test_claims_json_lists_choices_and_robustness(capsys):
    code, out, _ = run(capsys, "claims", "--json")
    records = {r["id"]: r for r in json.loads(out)}
    assert all(isinstance(r["choices"], list) for r in records.values())
    assert all(r["robust"] is True or isinstance(r["robust"], list) for r in records.values())
    band = records["abstract-agreement-individual-glasses"]
    assert band["verdict"] == "depends on a choice"
    assert band["choices"] == [
        "tunneling_max",
        "relaxation_branches",
        "band_friction_frequencies",
        "band_friction_temperatures",
        "band_velocity_temperatures",
    ]
    # 5/10 at the standard band; Δ°_max = 5 K, n = 1, friction from 1 kHz or 10 kHz each leave fewer than half
    assert band["robust"] == [
        {"choice": "tunneling_max", "alternative": 5.0, "verdict": "discrepant"},
        {"choice": "relaxation_branches", "alternative": 1.0, "verdict": "discrepant"},
        {"choice": "band_friction_frequencies", "alternative": [1e3, 3e7], "verdict": "discrepant"},
        {"choice": "band_friction_frequencies", "alternative": [1e4, 3e7], "verdict": "discrepant"},
    ]
    assert records["table1-sio2-c-th"]["robust"] is True and records["table1-sio2-c-th"]["choices"] == []


@pytest.mark.parametrize("args", [["claims", "--bogus"], ["claims", "extra"]])
def test_bad_claims_arguments_are_one_line_and_exit_2(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("python -m tlslib: error:")
