"""`make bench`: wall times of the book build, the verification and the test suite (reports, never fails).

Targets on a 2-core machine with .venv present: `make verify` < 60 s, `make test` < 120 s
(browser tests included), a clean `make book` < 60 s, a no-change rebuild < 10 s, the slowest
single chapter < 15 s (its execution time inside `make verify`, as nbval measures it).
Chapters with heavy kernels add them to KERNELS.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"

#: name -> (callable returning a printable result line); filled by chapters with heavy kernels.
KERNELS: dict[str, Callable[[], str]] = {}


#: Local-field kernels of book/mean-field-dos.md: cut-off R_c and exclusion radius d (units V_o^(1/3)).
LOCAL_FIELD_CUTOFF = 2.5
LOCAL_FIELD_NAIVE_N = 20_000


def _local_fields_tree_million() -> str:
    """Frozen local fields of 10⁶ TLS with the periodic k-d tree (pairs + fields + Gaussian tail)."""
    import numpy as np

    from tlslib.local_fields import frozen_local_fields, neighbour_pairs, sample_tls, zero_field_density
    from tlslib.mean_field import paper_exclusion_radius

    start = time.perf_counter()
    sample = sample_tls(1_000_000, np.random.default_rng(1))
    pairs = neighbour_pairs(sample, LOCAL_FIELD_CUTOFF, paper_exclusion_radius())
    fields = frozen_local_fields(sample, pairs, np.random.default_rng(2))
    seconds = time.perf_counter() - start
    p0 = zero_field_density(fields, 0.2)
    return f"N = 1e6, R_c = {LOCAL_FIELD_CUTOFF}: {seconds:.1f} s ({pairs.i.size:.3g} pairs), P(0) = {p0:.3f}"


def _local_fields_naive_vs_tree() -> str:
    """All-pairs numpy sum against the k-d tree at the same N (they must agree within the cut-off)."""
    import numpy as np

    from tlslib.local_fields import local_fields, naive_local_fields, neighbour_pairs, sample_tls
    from tlslib.mean_field import paper_exclusion_radius

    sample = sample_tls(LOCAL_FIELD_NAIVE_N, np.random.default_rng(1))
    d = paper_exclusion_radius()
    start = time.perf_counter()
    naive = naive_local_fields(sample, LOCAL_FIELD_CUTOFF, d)
    t_naive = time.perf_counter() - start
    start = time.perf_counter()
    fast = local_fields(neighbour_pairs(sample, LOCAL_FIELD_CUTOFF, d), sample.spin)
    t_fast = time.perf_counter() - start
    diff = float(np.max(np.abs(fast - naive)))
    return (
        f"N = {LOCAL_FIELD_NAIVE_N}: naive all-pairs {t_naive:.1f} s, k-d tree {t_fast:.2f} s, "
        f"ratio {t_naive / t_fast:.0f}x, max |difference| {diff:.1e}"
    )


def _relaxation_hundred_thousand() -> str:
    """Zero-temperature single-flip relaxation of 10⁵ TLS (the book's size)."""
    import numpy as np

    from tlslib.local_fields import neighbour_pairs, relax_zero_temperature, sample_tls
    from tlslib.mean_field import paper_exclusion_radius

    sample = sample_tls(100_000, np.random.default_rng(1))
    pairs = neighbour_pairs(sample, LOCAL_FIELD_CUTOFF, paper_exclusion_radius())
    start = time.perf_counter()
    result = relax_zero_temperature(pairs, sample.spin)
    seconds = time.perf_counter() - start
    return f"N = 1e5: {seconds:.1f} s, {result.rounds} rounds, {result.flips} flips"


KERNELS["local fields, k-d tree, N = 1e6"] = _local_fields_tree_million
KERNELS["local fields, naive vs k-d tree"] = _local_fields_naive_vs_tree
KERNELS["T = 0 relaxation, N = 1e5"] = _relaxation_hundred_thousand


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, proc.returncode


def report(label: str, seconds: float, target: float, code: int = 0) -> None:
    status = "ok" if seconds < target else "OVER TARGET"
    if code:
        status = f"FAILED (exit {code})"
    print(f"{label:<44} {seconds:8.1f} s   target < {target:.0f} s   {status}", flush=True)


def chapter_times() -> dict[str, float]:
    """Execution time of each chapter in the last `make verify` (tests/nbval_verified.py writes them)."""
    times: dict[str, float] = {}
    for path in sorted((ROOT / "_build" / "verified").glob("timings-*.json")):
        times.update(json.loads(path.read_text()))
    return dict(sorted(times.items(), key=lambda kv: -kv[1]))


def main() -> None:
    seconds, code = timed(["make", "verify"])
    report("make verify (every chapter once, nbval)", seconds, 60, code)
    times = chapter_times()
    for stem, t in times.items():
        report(f"  chapter {stem}", t, 15)
    seconds, code = timed(["make", "clean"])
    seconds, code = timed(["make", "book"])
    report("clean make book (parallel execution)", seconds, 60, code)
    seconds, code = timed(["make", "book"])
    report("no-change make book (execution cache hit)", seconds, 10, code)
    seconds, code = timed(["make", "test"])
    report("make test (browser tests included)", seconds, 120, code)
    for name, kernel in KERNELS.items():
        print(f"{name}: {kernel()}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
