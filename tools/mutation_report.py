"""`make mutation`, after `mutmut run`: the mutation score and every surviving mutant with its diff.

The score is killed (a unit test failed, or the mutant timed out) over the mutants that were tested;
a mutant no unit test reaches counts as a survivor. Reads mutants/*.meta (mutmut's own records).
Usage: python tools/mutation_report.py [--no-diff]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
# mutmut's exit codes: 1 a test failed, 3 pytest interrupted (-x), 36 and -24 time limits (SIGXCPU).
KILLED = {1, 3, -24, 24, 36, 152}
NOT_REACHED = 33
SKIPPED = {34, 37}


def records() -> dict[str, int | None]:
    """Mutant name -> mutmut's exit code for that mutant (None: not run)."""
    out: dict[str, int | None] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        out.update(json.loads(meta.read_text())["exit_code_by_key"])
    return out


def main() -> int:
    if not MUTANTS.is_dir():
        print("no mutants/ folder: run `make mutation`")
        return 1
    codes = records()
    tested = {k: v for k, v in codes.items() if v not in SKIPPED}
    killed = sorted(k for k, v in tested.items() if v in KILLED)
    survivors = sorted(k for k in tested if k not in set(killed))
    not_reached = [k for k in survivors if codes[k] == NOT_REACHED]
    not_run = [k for k in survivors if codes[k] is None]
    print(f"mutation score: {len(killed)}/{len(tested)} killed ({100 * len(killed) / max(len(tested), 1):.1f} %)")
    print(f"  survivors: {len(survivors)} ({len(not_reached)} reached by no unit test, {len(not_run)} not run)")
    if "--no-diff" in sys.argv or not survivors:
        print("\n".join(f"    {k}" for k in survivors))
        return 0
    # The diff of each survivor, from mutmut's own records (needs the current directory at the root).
    from mutmut.__main__ import ensure_config_loaded  # noqa: F401 (loads [tool.mutmut])
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    for name in survivors:
        print(f"\n# {name}" + (" (no unit test reaches it)" if codes[name] == NOT_REACHED else ""))
        print(get_diff_for_mutant(name).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
