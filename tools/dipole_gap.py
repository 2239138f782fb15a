"""Cached local-field runs for book/error-budget.md: the dipole gap against the interaction cut-off.

The T = 0 relaxation of book/mean-field-dos.md (10⁵ TLS, cut-off R_c = 2.5 V_o^(1/3)) runs in
about two seconds; resolving small fields and several cut-offs needs more TLS and longer
ranges than a page may spend (15 s on 2 cores). This script runs them once and writes

- ``data/dipole_gap_fields.csv``: histograms of |ε| (logarithmic bins, reduced units) of the
  frozen random and the relaxed states, one block per (cut-off, seed);
- ``data/dipole_gap_coupling.csv``: for bins of the own coupling g = γ/γ_max, how many TLS
  sit at |ε| < w/2 (the P(0 | g) of book/mean-field-dos.md).

Every run uses :func:`tlslib.local_fields.sample_tls` with ``default_rng(seed)``, the paper's
exclusion radius and :func:`tlslib.local_fields.relax_zero_temperature`; nothing here is
physics of its own. Usage: ``.venv/bin/python tools/dipole_gap.py`` (about ten minutes on one core, 5 GB at most).
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import numpy as np

from tlslib.dipole_gap import COUPLING_BIN_EDGES, COUPLING_WINDOW, FIELD_BIN_EDGES
from tlslib.local_fields import local_fields, neighbour_pairs, relax_zero_temperature, sample_tls
from tlslib.mean_field import paper_exclusion_radius

ROOT = Path(__file__).resolve().parent.parent
FIELDS_CSV = ROOT / "data" / "dipole_gap_fields.csv"
COUPLING_CSV = ROOT / "data" / "dipole_gap_coupling.csv"

#: (cut-off R_c [V_o^(1/3)], number of TLS, seeds): R_c ≤ L/2 = N^(1/3)/2 for every run.
RUNS: tuple[tuple[float, int, tuple[int, ...]], ...] = (
    (1.5, 200_000, (101, 102)),
    (2.5, 200_000, (201, 202)),
    (4.0, 200_000, (401, 402)),
    (6.0, 100_000, (601, 602, 603)),
)


def run(cutoff: float, number: int, seed: int) -> tuple[list[list], list[list]]:
    """One sample: frozen and relaxed fields, binned; returns rows of the two CSV files."""
    sample = sample_tls(number, np.random.default_rng(seed))
    pairs = neighbour_pairs(sample, cutoff, paper_exclusion_radius())
    frozen = local_fields(pairs, sample.spin)
    relaxed = relax_zero_temperature(pairs, sample.spin).fields
    del pairs
    field_rows, coupling_rows = [], []
    for state, fields in (("frozen", frozen), ("relaxed", relaxed)):
        counts, _ = np.histogram(np.abs(fields), FIELD_BIN_EDGES)
        for lo, hi, count in zip(FIELD_BIN_EDGES[:-1], FIELD_BIN_EDGES[1:], counts, strict=True):
            field_rows.append([cutoff, number, seed, state, f"{lo:.6g}", f"{hi:.6g}", int(count)])
        small = np.abs(fields) < COUPLING_WINDOW / 2.0
        for lo, hi in zip(COUPLING_BIN_EDGES[:-1], COUPLING_BIN_EDGES[1:], strict=True):
            in_bin = (sample.coupling >= lo) & (sample.coupling < hi)
            coupling_rows.append(
                [cutoff, number, seed, state, f"{lo:.6g}", f"{hi:.6g}", int(in_bin.sum()), int((in_bin & small).sum())]
            )
    return field_rows, coupling_rows


def main() -> int:
    field_rows, coupling_rows = [], []
    for cutoff, number, seeds in RUNS:
        for seed in seeds:
            start = time.perf_counter()
            f, c = run(cutoff, number, seed)
            field_rows += f
            coupling_rows += c
            print(f"R_c = {cutoff}, N = {number}, seed {seed}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    with FIELDS_CSV.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["cutoff", "n_tls", "seed", "state", "abs_field_lo", "abs_field_hi", "count"])
        writer.writerows(field_rows)
    with COUPLING_CSV.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["cutoff", "n_tls", "seed", "state", "coupling_lo", "coupling_hi", "n_in_bin", "n_small_field"])
        writer.writerows(coupling_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
