"""tools/dispatch_levels.py: the NPY_DISABLE_CPU_FEATURES values, checked against numpy.lib.introspect."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from numpy.lib.introspect import opt_func_info

_SPEC = importlib.util.spec_from_file_location(
    "dispatch_levels", Path(__file__).resolve().parents[1] / "tools" / "dispatch_levels.py"
)
dispatch_levels = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(dispatch_levels)


def _running_targets() -> set[str]:
    """The dispatch targets numpy's kernels run now (numpy.lib.introspect), the baseline left out."""
    current = (v["current"] for per_dtype in opt_func_info().values() for v in per_dtype.values())
    return {target for target in current if not target.startswith("baseline")}


def test_the_first_level_is_the_default():
    assert dispatch_levels.levels()[0] == ""


def test_the_last_level_switches_off_every_dispatched_kernel_that_runs_now():
    # whatever numpy dispatches to on this CPU beyond its baseline is named in the last line,
    # so `make verify` under it runs the baseline kernels only (the test runs with no feature disabled)
    last = set(dispatch_levels.levels()[-1].split())
    assert _running_targets() <= last


def test_each_level_disables_more_than_the_one_before():
    steps = [set(line.split()) for line in dispatch_levels.levels()]
    assert all(a < b for a, b in zip(steps, steps[1:], strict=False))
