"""Simulated local fields of interacting TLS: frozen random states and T = 0 relaxation.

The model is the Ising form of the interaction term of Eq. (4): E = ½ Σ_{i≠j} J_ij σ_i σ_j
with J_ij = s_i γ_i s_j γ_j/(ρ v² r_ij³) (text above Eq. 6), s_i = ±1, γ_i² uniform on
[0, γ_max²], TLS at uniform random positions in a periodic cube at density 1/V_o. The local
field is ε_i = Σ_{j≠i} J_ij σ_j (the paper's definition above Eq. 7).

Reduced units throughout (see :mod:`tlslib.mean_field`): lengths V_o^(1/3), energies
γ_max²/(ρ v² V_o), couplings g = γ/γ_max. Pairs closer than an exclusion radius d are left
out of the sum, and so are pairs beyond a cut-off R_c (< L/2, minimum image); the
random-sign tail beyond R_c has mean zero and the finite variance
:func:`tlslib.mean_field.field_variance` (d → R_c), which :func:`frozen_local_fields` can add
as a Gaussian.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from tlslib.mean_field import field_variance

__all__ = [
    "TLSSample",
    "PairList",
    "sample_tls",
    "neighbour_pairs",
    "local_fields",
    "naive_local_fields",
    "frozen_local_fields",
    "interaction_energy",
    "RelaxationResult",
    "relax_zero_temperature",
    "zero_field_density",
]


@dataclass(frozen=True)
class TLSSample:
    """N TLS in a periodic cube (reduced units).

    Attributes
    ----------
    positions : numpy.ndarray
        (N, 3) coordinates in [0, L).
    box_length : float
        L = N^(1/3) (density 1).
    orientation : numpy.ndarray
        s_i = ±1.
    coupling : numpy.ndarray
        g_i = γ_i/γ_max, with g_i² uniform on [0, 1].
    spin : numpy.ndarray
        Frozen random σ_i = ±1.
    """

    positions: np.ndarray
    box_length: float
    orientation: np.ndarray
    coupling: np.ndarray
    spin: np.ndarray

    @property
    def amplitude(self) -> np.ndarray:
        """a_i = s_i g_i, so that J_ij = a_i a_j/r_ij³."""
        return self.orientation * self.coupling

    @property
    def size(self) -> int:
        """N."""
        return self.coupling.size


@dataclass(frozen=True)
class PairList:
    """Unique pairs i < j at minimum-image distance d ≤ r < R_c and their couplings J_ij.

    Attributes
    ----------
    i, j : numpy.ndarray
        Indices of the two TLS of each pair.
    distance : numpy.ndarray
        r_ij [V_o^(1/3)].
    coupling : numpy.ndarray
        J_ij = a_i a_j/r_ij³ [γ_max²/(ρv²V_o)].
    size : int
        N, the number of TLS.
    cutoff : float
        R_c [V_o^(1/3)].
    exclusion_radius : float
        d [V_o^(1/3)].
    """

    i: np.ndarray
    j: np.ndarray
    distance: np.ndarray
    coupling: np.ndarray
    size: int
    cutoff: float
    exclusion_radius: float

    def within(self, exclusion_radius: float) -> PairList:
        """The sub-list with r ≥ d (to scan the exclusion radius without a new search)."""
        keep = self.distance >= exclusion_radius
        return PairList(
            self.i[keep],
            self.j[keep],
            self.distance[keep],
            self.coupling[keep],
            self.size,
            self.cutoff,
            max(exclusion_radius, self.exclusion_radius),
        )

    def matrix(self) -> sparse.csr_matrix:
        """The symmetric coupling matrix J (CSR, zero diagonal; column indices in pair order within a row)."""
        rows = np.concatenate([self.i, self.j])
        cols = np.concatenate([self.j, self.i])
        data = np.concatenate([self.coupling, self.coupling])
        coo = sparse.coo_matrix((data, (rows, cols)), shape=(self.size, self.size))
        # The pairs are unique, so there is nothing to sum: skip the O(nnz log) sort of duplicates
        # and keep the linear bucket sort of COO → CSR (entries of a row stay in pair order).
        coo.has_canonical_format = True
        return coo.tocsr()


def sample_tls(number: int, rng: np.random.Generator) -> TLSSample:
    """Draw N TLS: uniform positions at density 1, random s and σ, g² uniform on [0, 1].

    Parameters
    ----------
    number : int
        N.
    rng : numpy.random.Generator
        Source of randomness (pass ``numpy.random.default_rng(seed)``).
    """
    box = float(number) ** (1.0 / 3.0)
    positions = rng.uniform(0.0, box, size=(number, 3))
    # Number the TLS cell by cell (cells of side ~2): neighbours then sit close in memory,
    # which speeds the tree and the pair sums; the positions stay iid uniform.
    cells = max(1, int(box // 2.0))
    index = np.minimum((positions * (cells / box)).astype(np.int64), cells - 1)
    positions = positions[np.argsort((index[:, 0] * cells + index[:, 1]) * cells + index[:, 2], kind="stable")]
    orientation = rng.choice(np.array([-1.0, 1.0]), size=number)
    coupling = np.sqrt(rng.uniform(0.0, 1.0, size=number))
    spin = rng.choice(np.array([-1.0, 1.0]), size=number)
    return TLSSample(positions, box, orientation, coupling, spin)


def _minimum_image_distance(positions: np.ndarray, box: float, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """|r_i − r_j| with the nearest periodic image, one coordinate at a time (low memory)."""
    r2 = np.zeros(i.size)
    delta = np.empty(i.size)
    for axis in range(3):
        column = np.ascontiguousarray(positions[:, axis])
        np.subtract(column[i], column[j], out=delta)
        np.abs(delta, out=delta)
        np.minimum(delta, box - delta, out=delta)  # nearest image along this axis
        delta *= delta
        r2 += delta
    return np.sqrt(r2, out=r2)


#: Threads of the pair search and the field sums (numpy releases the GIL in every step used there);
#: the results do not depend on it.
WORKERS: int = max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))
#: Sorted TLS per block of the pair search: a block's candidate arrays (~10⁵ entries) stay in cache.
_BLOCK = 4096
#: Pairs per chunk of the field sums.
_CHUNK = 1 << 16
#: Mean number of extended TLS per z-bin of a column in the range table of the pair search.
_BIN_OCCUPANCY = 0.25


def _sqrt_threshold(value: float) -> float:
    """The smallest double t with sqrt(t) ≥ value (sqrt is correctly rounded, hence monotone).

    So r = sqrt(r²) ≥ value ⇔ r² ≥ t, and r < value ⇔ r² < t: the exact tests on r, made on r².
    """
    if value <= 0.0:
        return 0.0 if value == 0.0 else -np.inf
    t = np.float64(value) * np.float64(value)
    while t > 0.0 and np.sqrt(t) >= value:
        t = np.nextafter(t, 0.0)
    while np.sqrt(t) < value:
        t = np.nextafter(t, np.inf)
    return float(t)


def _concatenated_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])`` by one cumulative sum."""
    keep = np.flatnonzero(counts)
    s, c = starts[keep], counts[keep]
    ends = np.cumsum(c)
    index = np.ones(int(ends[-1]), dtype=np.int64)
    index[0] = s[0]
    index[ends[:-1]] = s[1:] - s[:-1] - c[:-1] + 1
    return np.cumsum(index, out=index)


def _column_z_order(column: np.ndarray, z: np.ndarray, n_col: int, box: float) -> np.ndarray:
    """``np.lexsort((z, column))`` (by column, then z, then index), by one sort of packed integers.

    Each TLS becomes the integer (column, z quantised to the remaining bits, index); equal
    quantised z in a column are then checked against the true z (a full lexsort if any is out of
    order, which the quantum of L/2^31 at N = 10⁶ makes rare).
    """
    n = z.size
    index_bits = max(1, int(n - 1).bit_length())
    z_bits = 63 - index_bits - max(1, int(n_col - 1).bit_length())
    if z_bits < 24:
        return np.lexsort((z, column))
    quantum = (1 << z_bits) / box
    key = np.minimum(z * quantum, float((1 << z_bits) - 1)).astype(np.uint64)
    key |= column.astype(np.uint64) << np.uint64(z_bits)
    key <<= np.uint64(index_bits)
    key |= np.arange(n, dtype=np.uint64)
    key.sort()
    order = (key & np.uint64((1 << index_bits) - 1)).astype(np.int64)
    key >>= np.uint64(index_bits)
    tied = np.flatnonzero(key[1:] == key[:-1])
    if tied.size and np.any(z[order[tied]] > z[order[tied + 1]]):
        return np.lexsort((z, column))
    return order


class _CellList:
    """The sorted columns of the pair search (see :func:`_cell_pairs`) and the search of one block."""

    def __init__(
        self,
        positions: np.ndarray,
        box: float,
        cutoff: float,
        exclusion_radius: float,
        amplitude: np.ndarray,
        n_c: int,
        m: int,
    ) -> None:
        L, R = float(box), float(cutoff)
        self.L, self.R, self.m, self.n_c = L, R, m, n_c
        self.h = h = L / n_c
        self.n = n = positions.shape[0]
        x, y, z = (np.ascontiguousarray(positions[:, axis]) for axis in range(3))
        cx = np.minimum((x / h).astype(np.int64), n_c - 1)
        cy = np.minimum((y / h).astype(np.int64), n_c - 1)
        column = cx * n_c + cy
        n_col = n_c * n_c
        self.order = order = _column_z_order(column, z, n_col, L)
        self.xs, self.ys, self.zs = xs, ys, zs = x[order], y[order], z[order]
        self.cs = cs = column[order]
        self.cxs, self.cys = cx[order], cy[order]
        # Ghosts: copies of the TLS within R_c of z = L (at z − L) and of z = 0 (at z + L). The
        # extended column c is: its ghosts from the top (in z order), its TLS, its ghosts from the
        # bottom, which is the order of a lexsort by (column, extended z) (built here by counting).
        low, high = np.flatnonzero(zs > L - R), np.flatnonzero(zs < R)
        n_low = np.bincount(cs[low], minlength=n_col)
        n_real = np.bincount(cs, minlength=n_col)
        n_high = np.bincount(cs[high], minlength=n_col)
        column_start = np.zeros(n_col + 1, dtype=np.int64)
        np.cumsum(n_low + n_real + n_high, out=column_start[1:])

        def first(counts: np.ndarray) -> np.ndarray:  # index of the first of each column in its group
            out = np.zeros(n_col, dtype=np.int64)
            np.cumsum(counts[:-1], out=out[1:])
            return out

        self.position = column_start[cs] + n_low[cs] + (np.arange(n) - first(n_real)[cs])
        at_low = column_start[cs[low]] + (np.arange(low.size) - first(n_low)[cs[low]])
        at_high = column_start[cs[high]] + (n_low + n_real)[cs[high]] + (np.arange(high.size) - first(n_high)[cs[high]])
        ref = np.empty(n + low.size + high.size, dtype=np.int64)  # sorted TLS behind each entry
        ref[self.position], ref[at_low], ref[at_high] = np.arange(n), low, high
        z_extended = np.empty(ref.size)
        z_extended[self.position], z_extended[at_low], z_extended[at_high] = zs, zs[low] - L, zs[high] + L
        # Range table: the entries of column c with extended z in bin b (of width δ from z = −R_c)
        # start at bin_start[c * n_bins + b].
        width = min(R / 4.0, _BIN_OCCUPANCY / (h * h))
        self.inverse_width = inverse = 1.0 / width
        self.n_bins = n_bins = int((L + 2.0 * R + 1.0) * inverse) + 2  # a spare bin above z = L + R_c
        bins = ((z_extended + R) * inverse).astype(np.int64)
        bins += np.repeat(np.arange(n_col, dtype=np.int64) * n_bins, np.diff(column_start))
        self.bin_start = np.zeros(n_col * n_bins + 1, dtype=np.int64)
        np.cumsum(np.bincount(bins, minlength=n_col * n_bins), out=self.bin_start[1:])
        self.bin_end = self.bin_start[1:]
        # The neighbour columns (Δc_x, Δc_y), Δc_x = 0..m, Δc_y = −m..m in this order (the order of
        # the candidates of a TLS), of which the half that holds every unordered pair exactly once
        # (Δc_x = 0: Δc_y ≥ 0) and can hold a pair (closest approach of the columns < R_c).
        self.allowed = np.array(
            [
                [
                    not (ox == 0 and oy < 0) and h * np.hypot(max(ox - 1, 0), max(abs(oy) - 1, 0)) < R
                    for oy in range(-m, m + 1)
                ]
                for ox in range(m + 1)
            ]
        )
        self.xe, self.ye, self.ze = xs[ref], ys[ref], zs[ref]
        self.ae = amplitude[order][ref]
        self.a = amplitude[order]
        index = np.int32 if n < np.iinfo(np.int32).max else np.int64
        self.oe = order[ref].astype(index)
        self.o = order.astype(index)
        self.lower, self.upper = _sqrt_threshold(exclusion_radius), _sqrt_threshold(R)
        # windows in bins: w²/δ² < reach2 − d²/δ² (margins 1e-9 R_c² and 1e-8), forbidden offsets far outside
        self.reach2 = R * R * (1.0 + 1e-9) * inverse * inverse
        self.margin = 1e-8 * inverse
        self.reach2 = np.where(self.allowed, self.reach2, -1.0)
        self.steps = np.arange(m) * (h * inverse)
        self.column_steps = np.arange(-m, m + 1)

    def ranges(self, b0: int, b1: int) -> tuple[np.ndarray, np.ndarray]:
        """First entry and count of the candidates of sorted TLS b0..b1 in each neighbour column.

        Arrays (B, (m+1)(2m+1)), the columns in the order Δc_x = 0..m, Δc_y = −m..m. The window
        in z of a TLS at (x, y) and a neighbour column is |Δz| ≤ √(R_c² − d²), d its xy distance
        to the column (with margins); bins of the range table round it outwards. A candidate
        range is a superset of the z-range of partners within R_c, in z order. (Computed with
        the TLS on the last axis, where numpy's loops are long.)
        """
        h, m, n_c, n_bins, inverse = self.h, self.m, self.n_c, self.n_bins, self.inverse_width
        xb, yb = self.xs[b0:b1], self.ys[b0:b1]
        cxb, cyb = self.cxs[b0:b1], self.cys[b0:b1]
        size = xb.size
        eps = 1e-9  # margin on the xy distance to a column (the coordinates carry ~1e-14 rounding)
        # squared distances (in bins²) to the columns Δc_x = 0..m and Δc_y = −m..m along each axis
        gap_x = np.zeros((m + 1, size))
        gap = np.add.outer(self.steps, ((cxb + 1) * h - xb - eps) * inverse)
        np.maximum(gap, 0.0, out=gap)
        np.multiply(gap, gap, out=gap_x[1:])
        gap_y = np.zeros((2 * m + 1, size))
        gap = np.add.outer(self.steps, ((cyb + 1) * h - yb - eps) * inverse)
        np.maximum(gap, 0.0, out=gap)
        np.multiply(gap, gap, out=gap_y[m + 1 :])
        gap = np.add.outer(self.steps, (yb - cyb * h - eps) * inverse)
        np.maximum(gap, 0.0, out=gap)
        np.multiply(gap, gap, out=gap_y[m - 1 :: -1])
        # w/δ with w² = R_c²(1 + 1e-9) − d², plus 1e-8/δ; the forbidden offsets get w² < 0
        window = np.subtract(self.reach2[:, :, None], gap_x[:, None, :])
        window -= gap_y[None, :, :]
        valid = window > 0.0
        np.maximum(window, 0.0, out=window)
        np.sqrt(window, out=window)
        window += self.margin
        z_bin = (self.zs[b0:b1] + self.R) * inverse
        columns = np.add(
            ((cxb + self.column_steps[m:, None]) % n_c * (n_c * n_bins))[:, None, :],
            ((cyb + self.column_steps[:, None]) % n_c * n_bins)[None, :, :],
        )
        top = window + z_bin  # below n_bins − 1 (the table has a spare bin): no clipping
        index = top.astype(np.int64)
        index += columns
        hi = self.bin_end[index]
        window -= z_bin
        np.negative(window, out=window)  # > −1: truncation gives bin 0
        np.add(columns, window.astype(np.int64), out=index)
        lo = self.bin_start[index]
        lo[0, m] = self.position[b0:b1] + 1  # offset (0, 0): the TLS after this one in its column
        hi -= lo
        hi *= valid
        return lo.reshape(-1, size).T, hi.reshape(-1, size).T

    def block(self, b0: int, b1: int) -> tuple[np.ndarray, ...]:
        """The pairs found by sorted TLS b0..b1, in the order (TLS, offset, z): (i, j, r, J)."""
        L, m, n_c = self.L, self.m, self.n_c
        lo, counts = self.ranges(b0, b1)
        per_row = counts.sum(axis=1)
        if not per_row.any():
            return (np.empty(0, self.o.dtype), np.empty(0, self.o.dtype), np.empty(0), np.empty(0))
        idx = _concatenated_ranges(lo.ravel(), counts.ravel())
        cxb, cyb = self.cxs[b0:b1], self.cys[b0:b1]
        no_wrap = (
            cxb[0] >= m and cxb[-1] <= n_c - 1 - m,  # sorted by column: cx is monotone in a block
            cyb.min() >= m and cyb.max() <= n_c - 1 - m,
            False,
        )
        r2 = None
        for axis, (c, ce) in enumerate(((self.xs, self.xe), (self.ys, self.ye), (self.zs, self.ze))):
            delta = np.repeat(c[b0:b1], per_row)
            delta -= ce[idx]
            if not no_wrap[axis]:  # else |Δ| < L/2: min(|Δ|, L − |Δ|)² = Δ²
                np.abs(delta, out=delta)
                np.minimum(delta, L - delta, out=delta)  # nearest image along this axis
            delta *= delta
            if r2 is None:
                r2 = delta
            else:
                r2 += delta
        inside = np.less(r2, self.upper)
        if self.lower > 0.0:
            inside &= r2 >= self.lower
        keep = np.flatnonzero(inside)
        # pairs kept per TLS: the candidates of a TLS are contiguous
        ends = np.cumsum(per_row)
        kept = np.searchsorted(keep, ends)
        kept[1:] -= kept[:-1].copy()
        r = r2[keep]
        np.sqrt(r, out=r)
        q = idx[keep]
        coupling = np.repeat(self.a[b0:b1], kept)
        coupling *= self.ae[q]
        cube = r * r
        cube *= r
        coupling /= cube
        i, j = np.repeat(self.o[b0:b1], kept), self.oe[q]
        return np.minimum(i, j), np.maximum(i, j), r, coupling


def _cell_pairs(
    positions: np.ndarray,
    box: float,
    cutoff: float,
    exclusion_radius: float,
    amplitude: np.ndarray,
    workers: int,
    block: int = _BLOCK,
    capacity: int | None = None,
) -> tuple[np.ndarray, ...] | None:
    """Pairs d ≤ r < R_c by sorted columns (cell list in x, y; a z-bin range table); ``None`` if the box is too small.

    The TLS are sorted by column (side h = L/n_c ≥ R_c/m in x and y) and by z within a column;
    copies of the TLS within R_c of z = 0 and z = L, shifted by ±L, extend each column (ghosts,
    for the search only). Each TLS looks for partners in the half of the (2m+1)² neighbour
    columns that holds every unordered pair exactly once ((0, 0): only TLS after it), within
    |Δz| ≤ √(R_c² − d²), d its xy distance to the column. Distances use the same
    minimum-image formula as :func:`_minimum_image_distance`, so r and J_ij are bit for bit
    those of the tree search; only the order of the pairs differs. The output is in a fixed
    order (sorted TLS, then offset, then z), whatever ``workers`` and ``block``: blocks of
    ``block`` sorted TLS run in ``workers`` threads and are written in block order into arrays
    of ``capacity`` pairs (default: 5 % over the mean pair count; more are appended).
    """
    m = 2
    n_c = int(np.floor(m * float(box) / float(cutoff)))
    if n_c < 2 * m + 2:  # every pair must have one column offset in [-m, m], and |Δx| < L/2 inside
        return None
    cells = _CellList(positions, box, cutoff, exclusion_radius, amplitude, n_c, m)
    n = cells.n
    if capacity is None:
        shell = 4.0 * np.pi / 3.0 * (float(cutoff) ** 3 - min(exclusion_radius, cutoff) ** 3) / float(box) ** 3
        capacity = int(1.05 * 0.5 * n * (n - 1) * shell) + 10_000
    out = (np.empty(capacity, cells.o.dtype), np.empty(capacity, cells.o.dtype), np.empty(capacity), np.empty(capacity))
    starts = list(range(0, n, block))
    ready = threading.Condition()
    state = {"published": 0, "end": 0, "failed": False}
    overflow: dict[int, tuple[np.ndarray, ...]] = {}

    def run(k: int) -> None:
        try:
            part = cells.block(starts[k], min(starts[k] + block, n))
        except BaseException:
            with ready:
                state["failed"] = True
                ready.notify_all()
            raise
        with ready:  # the blocks before this one have their places: take the next
            while state["published"] < k and not state["failed"]:
                ready.wait()
            begin = state["end"]
            state["end"] += part[0].size
            state["published"] = k + 1
            ready.notify_all()
        if begin + part[0].size <= capacity:
            for target, values in zip(out, part, strict=True):
                target[begin : begin + values.size] = values
        else:
            overflow[k] = part

    if workers > 1 and len(starts) > 1:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(run, range(len(starts))))
    else:
        for k in range(len(starts)):
            run(k)
    total = state["end"]
    if not overflow:
        return tuple(array[:total] for array in out)
    # the blocks from the first that did not fit on: appended in block order
    fitted = total - sum(part[0].size for part in overflow.values())
    return tuple(np.concatenate([out[a][:fitted], *(overflow[k][a] for k in sorted(overflow))]) for a in range(4))


def neighbour_pairs(
    sample: TLSSample, cutoff: float, exclusion_radius: float = 0.0, workers: int | None = None
) -> PairList:
    """All pairs with d ≤ r < R_c and J_ij = a_i a_j/r³, by a sorted cell list (a periodic k-d tree in small boxes).

    Cost O(N R_c³) in time and memory (N (2π/3) R_c³ pairs) instead of O(N²). The pairs and
    couplings are the same whatever ``workers`` and from run to run, in a fixed order.

    Parameters
    ----------
    sample : TLSSample
        The TLS.
    cutoff : float
        R_c [V_o^(1/3)], at most L/2 so that every pair is its own minimum image.
    exclusion_radius : float, optional
        d [V_o^(1/3)]: closer pairs do not interact.
    workers : int, optional
        Threads; default :data:`WORKERS`.
    """
    if not 0.0 < cutoff <= sample.box_length / 2.0:
        raise ValueError(f"cutoff {cutoff} must be in (0, L/2 = {sample.box_length / 2.0}]")
    found = _cell_pairs(
        sample.positions, sample.box_length, cutoff, exclusion_radius, sample.amplitude, workers or WORKERS
    )
    if found is not None:
        i, j, r, coupling = found
        return PairList(i, j, r, coupling, sample.size, float(cutoff), float(exclusion_radius))
    return _tree_pairs(sample, cutoff, exclusion_radius)


def _tree_pairs(sample: TLSSample, cutoff: float, exclusion_radius: float) -> PairList:
    """The pairs from a periodic k-d tree (boxes smaller than 2m+2 columns of R_c/m, and the tests)."""
    tree = cKDTree(sample.positions, boxsize=sample.box_length)
    pairs = tree.query_pairs(cutoff, output_type="ndarray")
    i, j = pairs[:, 0], pairs[:, 1]
    r = _minimum_image_distance(sample.positions, sample.box_length, i, j)
    keep = (r >= exclusion_radius) & (r < cutoff)
    i, j, r = i[keep], j[keep], r[keep]
    a = sample.amplitude
    coupling = a[i] * a[j]
    coupling /= r * r * r
    return PairList(i, j, r, coupling, sample.size, float(cutoff), float(exclusion_radius))


def local_fields(pairs: PairList, spin: np.ndarray, workers: int | None = None, chunk: int = _CHUNK) -> np.ndarray:
    """ε_i = Σ_{j≠i} J_ij σ_j over a pair list (reduced energy).

    Two sums in pair order, one per end of the pairs (ε_i from the pairs where i is the first
    index, and from those where it is the second), then their sum. Each is accumulated term by
    term into one float64 array (``np.add.at`` over chunks of ``chunk`` pairs, the order of
    ``np.bincount``), the two in ``workers`` threads: the same bits whatever ``workers``,
    ``chunk`` and the run.

    Parameters
    ----------
    pairs : PairList
        The interacting pairs.
    spin : numpy.ndarray
        σ = ±1.
    workers : int, optional
        Threads (at most 2 are used); default :data:`WORKERS`.
    chunk : int, optional
        Pairs per step.
    """
    n = pairs.size
    spin = np.asarray(spin)
    sums = (np.zeros(n), np.zeros(n))

    def accumulate(side: int) -> None:
        index, other = (pairs.i, pairs.j) if side == 0 else (pairs.j, pairs.i)
        for start in range(0, index.size, chunk):
            stop = start + chunk
            terms = pairs.coupling[start:stop] * spin[other[start:stop]]
            np.add.at(sums[side], index[start:stop], terms)

    if (workers or WORKERS) > 1:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(accumulate, (0, 1)))
    else:
        accumulate(0)
        accumulate(1)
    return sums[0] + sums[1]


def naive_local_fields(
    sample: TLSSample, cutoff: float | None = None, exclusion_radius: float = 0.0, chunk: int | None = None
) -> np.ndarray:
    """ε_i by the all-pairs O(N²) minimum-image sum, in row chunks (the reference method).

    Parameters
    ----------
    sample : TLSSample
        The TLS.
    cutoff : float, optional
        R_c; ``None`` keeps every minimum-image pair.
    exclusion_radius : float, optional
        d: closer pairs do not interact.
    chunk : int, optional
        Rows per block; by default about 1.5×10⁵/N, so that a block stays in cache.
    """
    box, a = sample.box_length, sample.amplitude
    columns = [np.ascontiguousarray(sample.positions[:, axis]) for axis in range(3)]
    source = a * sample.spin
    fields = np.empty(sample.size)
    chunk = chunk or max(4, 150_000 // sample.size)
    lower = exclusion_radius**2
    upper = np.inf if cutoff is None else cutoff**2
    for start in range(0, sample.size, chunk):
        rows = slice(start, min(start + chunk, sample.size))
        r2 = np.zeros((rows.stop - rows.start, sample.size))
        delta = np.empty_like(r2)
        for column in columns:
            np.subtract(column[rows, None], column[None, :], out=delta)
            np.abs(delta, out=delta)
            np.minimum(delta, box - delta, out=delta)  # nearest image along this axis
            r2 += delta * delta
        mask = (r2 >= lower) & (r2 < upper) & (r2 > 0.0)  # r2 = 0 is j = i
        r2[~mask] = np.inf  # 1/r³ → 0
        np.multiply(r2, np.sqrt(r2), out=r2)
        fields[rows] = a[rows] * ((1.0 / r2) @ source)
    return fields


def frozen_local_fields(sample: TLSSample, pairs: PairList, rng: np.random.Generator | None = None) -> np.ndarray:
    """Local fields of the frozen random state σ = ``sample.spin``, optionally with the tail.

    With ``rng`` given, each ε_i gets a Gaussian of variance g_i² ⟨g²⟩ (4π/3) R_c⁻³: the part of
    Σ_j beyond R_c, which has mean zero (random signs) and a convergent mean square.

    Parameters
    ----------
    sample : TLSSample
        The TLS.
    pairs : PairList
        Pairs within the cut-off.
    rng : numpy.random.Generator, optional
        Draws the tail; ``None`` returns the cut-off sum alone.
    """
    fields = local_fields(pairs, sample.spin)
    if rng is None:
        return fields
    tail = np.sqrt(field_variance(pairs.cutoff, mean_g2_self=sample.coupling**2))
    return fields + tail * rng.standard_normal(sample.size)


def interaction_energy(pairs: PairList, spin: np.ndarray) -> float:
    """E = ½ Σ_{i≠j} J_ij σ_i σ_j = Σ_{i<j} J_ij σ_i σ_j (reduced energy).

    Parameters
    ----------
    pairs : PairList
        The interacting pairs.
    spin : numpy.ndarray
        σ = ±1.
    """
    return float(np.sum(pairs.coupling * spin[pairs.i] * spin[pairs.j]))


@dataclass(frozen=True)
class RelaxationResult:
    """Outcome of :func:`relax_zero_temperature`.

    Attributes
    ----------
    spin : numpy.ndarray
        σ after relaxation: every σ_i ε_i ≤ 0.
    fields : numpy.ndarray
        ε_i of the relaxed state (within the cut-off).
    rounds : int
        Parallel rounds of flips.
    flips : int
        Single-spin flips in total.
    """

    spin: np.ndarray
    fields: np.ndarray
    rounds: int
    flips: int


def relax_zero_temperature(pairs: PairList, spin: np.ndarray, max_rounds: int = 10_000) -> RelaxationResult:
    """Zero-temperature single-spin-flip relaxation of E = ½ Σ J_ij σ_i σ_j.

    Flipping σ_i changes E by ΔE_i = −2 σ_i ε_i, so a TLS is unstable when σ_i ε_i > 0 (it
    points *along* its field in this sign convention). Each round flips every unstable TLS
    whose |ε_i| beats that of all its unstable neighbours: no two of them interact, so the
    round equals a sequence of single flips and lowers E by Σ 2|ε_i|. It stops when no TLS
    is unstable (a single-flip stable state; pair flips may still lower E).

    Parameters
    ----------
    pairs : PairList
        The interacting pairs.
    spin : numpy.ndarray
        Starting σ (not modified).
    max_rounds : int, optional
        Safety stop.
    """
    matrix = pairs.matrix()
    sigma = np.array(spin, dtype=float)
    fields = local_fields(pairs, sigma)
    flips = 0
    for rounds in range(max_rounds):  # noqa: B007 (returned)
        unstable = np.flatnonzero(sigma * fields > 0.0)
        if unstable.size == 0:
            return RelaxationResult(sigma, fields, rounds, flips)
        drive = np.zeros(sigma.size)
        drive[unstable] = np.abs(fields[unstable])
        rows = matrix[unstable]
        counts = np.diff(rows.indptr)
        neighbour_max = np.zeros(unstable.size)
        has = counts > 0
        if rows.indices.size:
            neighbour_max[has] = np.maximum.reduceat(drive[rows.indices], rows.indptr[:-1][has])
        chosen = unstable[drive[unstable] > neighbour_max]
        if chosen.size == 0:  # exact ties only: flip the single largest
            chosen = unstable[[np.argmax(drive[unstable])]]
        fields -= 2.0 * (matrix[chosen].T @ sigma[chosen])
        sigma[chosen] *= -1.0
        flips += chosen.size
    raise RuntimeError(f"relaxation did not converge in {max_rounds} rounds")


def zero_field_density(fields: np.ndarray, window: float) -> float:
    """Estimate of P(ε → 0): the fraction of |ε_i| < w/2, divided by w (reduced units).

    Parameters
    ----------
    fields : numpy.ndarray
        ε_i.
    window : float
        Width w of the energy window centred on zero.
    """
    return float(np.count_nonzero(np.abs(fields) < window / 2.0)) / (fields.size * window)
