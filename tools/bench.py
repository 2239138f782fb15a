"""`make bench`: wall times of the book build and the test suite (reports, never fails).

Targets on a 2-core machine: clean build with full execution < 60 s, no-change
rebuild < 10 s, `make test` < 120 s. Later chapters add their kernels to KERNELS.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
BENCH_OUT = ROOT / "_build" / "bench"

#: name -> (callable returning a printable result line); filled by chapters with heavy kernels.
KERNELS: dict[str, Callable[[], str]] = {}


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, proc.returncode


def report(label: str, seconds: float, target: float, code: int = 0) -> None:
    status = "ok" if seconds < target else "OVER TARGET"
    if code:
        status = f"FAILED (exit {code})"
    print(f"{label:<44} {seconds:8.1f} s   target < {target:.0f} s   {status}", flush=True)


def main() -> None:
    build = [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going", "--path-output", str(BENCH_OUT)]
    shutil.rmtree(BENCH_OUT, ignore_errors=True)
    seconds, code = timed(build)
    report("clean build, every notebook executed", seconds, 60, code)
    seconds, code = timed(build)
    report("no-change rebuild (execution cache hit)", seconds, 10, code)
    seconds, code = timed(["make", "test"])
    report("make test", seconds, 120, code)
    for name, kernel in KERNELS.items():
        print(f"{name}: {kernel()}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
