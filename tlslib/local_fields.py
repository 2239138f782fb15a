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


#: Threads of the pair search and the field sums (numpy releases the GIL); the result does not depend on it.
WORKERS: int = max(1, min(2, os.cpu_count() or 1))
#: Sorted TLS per block of the pair search: candidate arrays of ~10⁵ entries stay in cache.
_BLOCK = 2048


def _ragged(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + c) over (starts, counts), without a Python loop."""
    total = int(counts.sum())
    index = np.arange(total, dtype=np.int64)
    index += np.repeat(starts - (np.cumsum(counts) - counts), counts)
    return index


def _cell_pairs(
    positions: np.ndarray, box: float, cutoff: float, exclusion_radius: float, amplitude: np.ndarray, workers: int
) -> tuple[np.ndarray, ...] | None:
    """Pairs d ≤ r < R_c by sorted columns (cell list in x, y; binary search in z); ``None`` if the box is too small.

    The TLS are sorted by column (side h = L/n_c ≥ R_c/m in x and y) and by z within a column;
    copies of the TLS within R_c of z = 0 and z = L, shifted by ±L, extend each column (ghosts,
    for the search only). Each TLS looks for partners in the half of the (2m+1)² neighbour
    columns that holds every unordered pair exactly once ((0, 0): only TLS after it), within
    |Δz| < √(R_c² − d_min²), d_min the smallest xy distance between the two columns.
    Distances use the same minimum-image formula as :func:`_minimum_image_distance`, so r and
    J_ij are bit for bit those of the tree search; only the order of the pairs differs. The
    output is in a fixed order (blocks of sorted TLS, then offset, then z), whatever ``workers``.
    """
    L, R = float(box), float(cutoff)
    m = 2
    n_c = int(np.floor(m * L / R))
    if n_c < 2 * m + 2:  # every pair must have one column offset in [-m, m], and |Δx| < L/2 inside
        return None
    h = L / n_c
    n = positions.shape[0]
    x, y, z = (np.ascontiguousarray(positions[:, axis]) for axis in range(3))
    cx = np.minimum((x / h).astype(np.int64), n_c - 1)
    cy = np.minimum((y / h).astype(np.int64), n_c - 1)
    column = cx * n_c + cy
    order = np.lexsort((z, column))
    xs, ys, zs, cs, cxs, cys = x[order], y[order], z[order], column[order], cx[order], cy[order]
    low, high = np.flatnonzero(zs > L - R), np.flatnonzero(zs < R)
    extended = np.lexsort((np.concatenate([zs, zs[low] - L, zs[high] + L]), np.concatenate([cs, cs[low], cs[high]])))
    ref = np.concatenate([np.arange(n), low, high])[extended]  # sorted TLS behind each entry
    width = L + 2.0 * R + 1.0  # key = column * width + (z + R): one sorted axis for all columns
    key = np.concatenate([cs, cs[low], cs[high]])[extended] * width + (
        np.concatenate([zs, zs[low] - L, zs[high] + L])[extended] + R
    )
    position = np.empty(n, dtype=np.int64)
    real = extended < n
    position[extended[real]] = np.flatnonzero(real)
    offsets = []
    for ox in range(m + 1):
        for oy in range(-m, m + 1):
            if ox == 0 and oy < 0:
                continue
            d_min = h * np.hypot(max(ox - 1, 0), max(abs(oy) - 1, 0))
            if d_min < R:  # a margin on the window: the exact test is on r below
                offsets.append((ox, oy, np.sqrt(R * R - d_min * d_min) * (1.0 + 1e-12) + 1e-12))
    lo = np.empty((n, len(offsets)), dtype=np.int64)
    hi = np.empty((n, len(offsets)), dtype=np.int64)
    z_key = zs + R

    def ranges(k: int) -> None:
        ox, oy, window = offsets[k]
        if ox == 0 and oy == 0:
            lo[:, k] = position + 1
            hi[:, k] = np.searchsorted(key, cs * width + z_key + window)
        else:
            base = (((cxs + ox) % n_c) * n_c + (cys + oy) % n_c) * width + z_key
            lo[:, k] = np.searchsorted(key, base - window)
            hi[:, k] = np.searchsorted(key, base + window)

    a = amplitude[order]
    r2_max = R * R * (1.0 + 1e-12)

    def block(b0: int) -> tuple[np.ndarray, ...]:
        b1 = min(b0 + _BLOCK, n)
        starts = lo[b0:b1].ravel()
        counts = hi[b0:b1].ravel() - starts
        q = ref[_ragged(starts, counts)]
        rows = np.repeat(np.repeat(np.arange(b0, b1), len(offsets)), counts)
        r2 = np.zeros(q.size)
        delta = np.empty(q.size)
        no_wrap_x = cxs[b0] >= m and cxs[b1 - 1] <= n_c - 1 - m  # sorted by column: cx is monotone
        for axis, c in enumerate((xs, ys, zs)):
            np.subtract(c[rows], c[q], out=delta)
            if not (axis == 0 and no_wrap_x):  # |Δx| < L/2 there: min(|Δ|, L − |Δ|) = |Δ|
                np.abs(delta, out=delta)
                np.minimum(delta, L - delta, out=delta)
            delta *= delta
            r2 += delta
        keep = np.flatnonzero(r2 < r2_max)
        r = np.sqrt(r2[keep])
        exact = (r >= exclusion_radius) & (r < R)
        rows, q, r = rows[keep][exact], q[keep][exact], r[exact]
        coupling = a[rows] * a[q]
        coupling /= r * r * r
        i, j = order[rows], order[q]
        return np.minimum(i, j), np.maximum(i, j), r, coupling

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(ranges, range(len(offsets))))
        parts = list(pool.map(block, range(0, n, _BLOCK)))
        ends = np.cumsum([part[0].size for part in parts])
        out = tuple(np.empty(int(ends[-1]), dtype=array.dtype) for array in parts[0])

        def copy(k: int) -> None:  # into arrays allocated once (faster here than np.concatenate)
            for part, stop in zip(parts, ends, strict=True):
                out[k][stop - part[k].size : stop] = part[k]

        list(pool.map(copy, range(4)))
    return out


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


def local_fields(pairs: PairList, spin: np.ndarray) -> np.ndarray:
    """ε_i = Σ_{j≠i} J_ij σ_j over a pair list (reduced energy).

    Two float64 ``bincount`` sums in pair order (one per end of the pairs, in two threads),
    then their sum: the same bits from run to run.

    Parameters
    ----------
    pairs : PairList
        The interacting pairs.
    spin : numpy.ndarray
        σ = ±1.
    """
    n = pairs.size
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(lambda: np.bincount(pairs.i, pairs.coupling * spin[pairs.j], n))
        second = pool.submit(lambda: np.bincount(pairs.j, pairs.coupling * spin[pairs.i], n))
        return first.result() + second.result()


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
