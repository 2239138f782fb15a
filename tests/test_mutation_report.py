"""tools/mutation_report.py: how a surviving mutant is sorted and matched to its argued equivalence."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "mutation_report", Path(__file__).resolve().parents[1] / "tools" / "mutation_report.py"
)
mutation_report = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(mutation_report)

DIFF = """--- tlslib/chain.py
+++ tlslib/chain.py
@@ -1,3 +1,3 @@
 def f(x):
-    return np.asarray(x, dtype=float) * 2.0
+    return np.asarray(x, ) * 2.0
"""


def test_a_mutant_name_gives_its_file_and_function():
    assert mutation_report.source_path("tlslib.chain.x_predict__mutmut_3") == "tlslib/chain.py"
    assert mutation_report.function_name("tlslib.chain.x_predict__mutmut_3") == "predict"
    assert mutation_report.function_name("tlslib.local_fields.xǁ_CellListǁranges__mutmut_12") == "_CellList.ranges"


def test_a_dropped_float_dtype_is_equivalent_and_a_changed_factor_is_open():
    assert mutation_report.kind(DIFF) == "dtype"
    assert mutation_report.kind(DIFF.replace("+    return np.asarray(x, ) * 2.0", "+    return x * 3.0")) == "open"


def test_an_argued_entry_matches_whatever_the_whitespace():
    minus, plus = mutation_report.changed_lines(DIFF)
    key = mutation_report.argued_key("tlslib/chain.py", "f", minus, plus)
    spaced = mutation_report.argued_key(
        "tlslib/chain.py", "f", ["return  np.asarray(x, dtype=float) * 2.0"], ["return np.asarray(x, ) * 2.0 "]
    )
    assert key == spaced


def test_every_argued_entry_is_complete():
    # the files load, and every entry names its file, function, removed and added lines and says why
    for entry in mutation_report.argued_entries():
        assert entry["why"].strip(), entry
        assert Path(mutation_report.ROOT / entry["file"]).is_file(), entry
