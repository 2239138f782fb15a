import json

import pytest

from tlslib import InputError
from tlslib import claims as claims_module
from tlslib.claims import (
    ORDER_OF_MAGNITUDE,
    VERDICTS,
    Claim,
    absolute,
    all_claims,
    assess,
    claim_group,
    factor,
    ledger,
    relative,
    rounding,
    verdict_counts,
    within,
)
from tlslib.table1 import load_table1

CLAIMS = all_claims()
ASSESSED = {a.claim.id: a for a in ledger()}


def test_ids_are_unique():
    ids = [c.id for c in CLAIMS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_claim_has_its_expected_verdict(claim):
    a = ASSESSED[claim.id]
    assert a.verdict in VERDICTS
    assert a.verdict == claim.expect, f"{claim.id}: {a.reproduced} vs {claim.published} ({claim.tolerance})"
    if a.verdict == "reproduced":
        assert claim.tolerance.accepts(claim.published, a.reproduced)
    elif a.verdict == "discrepant":
        assert not claim.tolerance.accepts(claim.published, a.reproduced)
        assert claim.note
    else:
        assert claim.reproduce is None and a.reproduced is None and claim.note


def test_every_table1_cell_that_the_paper_computes_is_a_claim():
    ids = {c.id for c in CLAIMS}
    for row in load_table1():
        key = row.glass.lower()
        assert {f"table1-{key}-debye-temperature", f"table1-{key}-c-th"} <= ids


def test_ledger_covers_the_text_as_well_as_the_table():
    text = [c for c in CLAIMS if not c.id.startswith("table1-")]
    assert len(text) >= 30
    counts = verdict_counts(list(ASSESSED.values()))
    assert sum(counts.values()) == len(CLAIMS)
    assert counts["discrepant"] >= 6 and counts["not checkable"] >= 5


def test_numbers_quoted_in_notes_are_current():
    # notes say: BK7 10% larger, SF4 2.6x, SF59 1.9x, BALNA 2.4x, PMMA v_o 1.8% larger, YL ~3.5 decades
    ratio = {
        g: ASSESSED[f"table1-{g}-c-th"].reproduced / ASSESSED[f"table1-{g}-c-th"].claim.published
        for g in ("bk7", "sf4", "sf59", "balna")
    }
    assert ratio["bk7"] == pytest.approx(1.10, abs=0.005)
    assert ratio["sf4"] == pytest.approx(2.6, abs=0.05)
    assert ratio["sf59"] == pytest.approx(1.9, abs=0.05)
    assert ratio["balna"] == pytest.approx(2.4, abs=0.05)
    pmma = ASSESSED["table1-pmma-formula-volume"]
    assert pmma.reproduced / pmma.claim.published - 1 == pytest.approx(0.018, abs=0.0005)
    assert ASSESSED["yl-four-orders-too-large"].reproduced == pytest.approx(3.5, abs=0.05)
    assert ASSESSED["spread-slightly-larger"].reproduced > 3


def test_record_is_json_with_the_documented_keys():
    records = [a.record() for a in ASSESSED.values()]
    json.dumps(records, allow_nan=False)
    assert {"id", "claim", "published", "reproduced", "tolerance", "verdict", "note"} <= set(records[0])


def test_tolerances():
    # rounding(1): half a unit of the first decimal; boundaries included
    assert rounding(1).accepts(1.5, 1.55) and not rounding(1).accepts(1.5, 1.56)
    assert absolute(5).accepts(20, 24.9) and not absolute(5).accepts(20, 25.1)
    assert relative(0.1).accepts(10, 9.1) and not relative(0.1).accepts(10, 8.9)
    assert factor(2).accepts(1, 0.51) and not factor(2).accepts(1, 2.1) and not factor(2).accepts(1, -1)
    assert ORDER_OF_MAGNITUDE.accepts(1e-4, 9e-4) and not ORDER_OF_MAGNITUDE.accepts(1e-4, 1.1e-3)
    assert within().accepts((2, 5), 2.0) and within().accepts((2, 5), (2.75, 4.9))
    assert not within().accepts((2, 5), (1.9, 4.9))
    assert str(rounding(2)).startswith("±0.005")


def _ok(**kw):
    base = dict(id="x-1", where="here", claim="c", published=1.0, reproduce=lambda: 1.0, tolerance=absolute(0.1))
    base.update(kw)
    return Claim(**base)


@pytest.mark.parametrize(
    "kw",
    [
        {"id": "Bad Id"},
        {"tolerance": None},
        {"published": None},
        {"expect": "maybe"},
        {"expect": "discrepant"},  # no note
        {"reproduce": None},  # checkable must say 'not checkable' with a note
        {"published": (1.0, 2.0)},  # a range needs within()
        {"tolerance": within()},  # within() needs a range
    ],
)
def test_malformed_claims_are_rejected(kw):
    with pytest.raises(InputError):
        _ok(**kw)


def test_verdict_is_derived_not_declared():
    # a claim that expects 'reproduced' but is off is still assessed 'discrepant'
    assert assess(_ok(reproduce=lambda: 2.0)).verdict == "discrepant"
    assert assess(_ok(reproduce=None, expect="not checkable", note="n")).verdict == "not checkable"
    with pytest.raises(InputError):
        assess(_ok(reproduce=lambda: float("nan")))


def test_a_new_group_is_picked_up_and_duplicates_are_refused(monkeypatch):
    monkeypatch.setattr(claims_module, "_GROUPS", list(claims_module._GROUPS))
    claim_group(lambda: [_ok(id="new-claim")])
    assert all_claims()[-1].id == "new-claim"
    claim_group(lambda: [_ok(id="new-claim")])
    with pytest.raises(InputError, match="duplicate"):
        all_claims()
