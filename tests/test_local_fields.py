import numpy as np
import pytest

from tlslib.local_fields import (
    PairList,
    frozen_local_fields,
    interaction_energy,
    local_fields,
    naive_local_fields,
    neighbour_pairs,
    relax_zero_temperature,
    sample_tls,
    zero_field_density,
)
from tlslib.mean_field import paper_exclusion_radius, poisson_field_pdf


@pytest.fixture
def small():
    # N = 500: L = 500^(1/3) = 7.937, so R_c = 3 < L/2 = 3.97
    return sample_tls(500, np.random.default_rng(11))


def test_sample_has_unit_density_and_uniform_gamma_squared():
    sample = sample_tls(8000, np.random.default_rng(1))
    # L = 8000^(1/3) = 20
    assert sample.box_length == pytest.approx(20.0)
    assert sample.positions.min() >= 0.0 and sample.positions.max() < 20.0
    # <g^2> = 1/2 with standard error 1/sqrt(12 * 8000) = 0.0032
    assert np.mean(sample.coupling**2) == pytest.approx(0.5, abs=0.015)
    assert set(np.unique(sample.spin)) == {-1.0, 1.0}
    assert set(np.unique(sample.orientation)) == {-1.0, 1.0}


@pytest.mark.parametrize("exclusion", [0.0, paper_exclusion_radius()])
def test_tree_fields_equal_naive_all_pairs_sum_within_cutoff(small, exclusion):
    pairs = neighbour_pairs(small, 3.0, exclusion)
    fast = local_fields(pairs, small.spin)
    naive = naive_local_fields(small, cutoff=3.0, exclusion_radius=exclusion)
    np.testing.assert_allclose(fast, naive, rtol=1e-12, atol=1e-12)


def test_pair_count_is_density_times_shell_volume():
    sample = sample_tls(2000, np.random.default_rng(3))
    pairs = neighbour_pairs(sample, 3.0, 1.0)
    # N/2 * (4pi/3)(R_c^3 - d^3) = 1000 * 4.18879 * 26 = 108909; Poisson sd ~ 330, allow 2 %
    assert pairs.i.size == pytest.approx(108909, rel=0.02)
    assert pairs.distance.min() >= 1.0 and pairs.distance.max() < 3.0


def test_cutoff_beyond_half_box_is_refused(small):
    with pytest.raises(ValueError, match="L/2"):
        neighbour_pairs(small, 4.5)


def test_within_drops_only_close_pairs(small):
    pairs = neighbour_pairs(small, 3.0)
    inner = pairs.within(0.8)
    assert inner.distance.min() >= 0.8
    assert inner.i.size == np.count_nonzero(pairs.distance >= 0.8)
    np.testing.assert_allclose(local_fields(inner, small.spin), naive_local_fields(small, 3.0, 0.8), atol=1e-12)


def test_tail_adds_the_variance_beyond_the_cutoff():
    sample = sample_tls(20000, np.random.default_rng(5))
    pairs = neighbour_pairs(sample, 2.0, paper_exclusion_radius())
    bare = frozen_local_fields(sample, pairs)
    full = frozen_local_fields(sample, pairs, np.random.default_rng(6))
    # added variance <g_i^2><g_j^2>(4pi/3)/R_c^3 = (1/2)(1/2)(4.18879)/8 = 0.130900 (sd ~ 1 %)
    assert np.var(full - bare) == pytest.approx(0.1309, rel=0.04)


def test_frozen_zero_field_density_matches_exact_poisson_theory():
    sample = sample_tls(40000, np.random.default_rng(2020))
    d = paper_exclusion_radius()
    fields = frozen_local_fields(sample, neighbour_pairs(sample, 2.5, d), np.random.default_rng(1))
    # exact P(0) = 0.2877 but P has a cusp at 0: averaged over |eps| < 0.2 it is 0.2742
    # (poisson_field_pdf on 41 points); the window holds ~ 40000 * 0.27 * 0.4 = 4400 fields: sd 1.5 %
    x = np.linspace(0.0, 0.2, 41)
    window_average = np.trapezoid(poisson_field_pdf(x, d), x) / 0.2
    assert window_average == pytest.approx(0.2742, abs=3e-4)
    assert zero_field_density(fields, 0.4) == pytest.approx(window_average, rel=0.05)


def test_zero_field_density_counts_the_window():
    # |eps| < 0.1 holds -0.05 and 0.02: 2/(4 * 0.2) = 2.5
    assert zero_field_density(np.array([-0.05, 0.02, 0.3, 1.0]), 0.2) == pytest.approx(2.5)


def _pair(coupling):
    one = np.array([0])
    return PairList(one, one + 1, np.array([1.0]), np.array([coupling]), 2, 2.0, 0.0)


def test_relaxation_sign_convention_on_two_spins():
    # E = J s1 s2 with J = +1: parallel (+1, +1) has E = +1 and eps_1 = J s2 = +1, so s1 eps1 > 0
    # is unstable; one flip gives the antiparallel ground state, E = -1
    pairs = _pair(1.0)
    result = relax_zero_temperature(pairs, np.array([1.0, 1.0]))
    assert result.spin[0] * result.spin[1] == -1.0
    assert interaction_energy(pairs, result.spin) == pytest.approx(-1.0)
    assert result.flips == 1
    # J = -1: parallel is already the ground state
    assert relax_zero_temperature(_pair(-1.0), np.array([1.0, 1.0])).flips == 0


def test_relaxation_ends_single_flip_stable_with_lower_energy(small):
    pairs = neighbour_pairs(small, 3.0, paper_exclusion_radius())
    result = relax_zero_temperature(pairs, small.spin)
    assert np.all(result.spin * result.fields <= 0.0)
    np.testing.assert_allclose(result.fields, local_fields(pairs, result.spin), atol=1e-10)
    assert interaction_energy(pairs, result.spin) < interaction_energy(pairs, small.spin)
    # a TLS may flip more than once: the flips exceed the reversed TLS by an even number
    reversed_tls = np.count_nonzero(small.spin != result.spin)
    assert result.flips >= reversed_tls and (result.flips - reversed_tls) % 2 == 0


# ---------------------------------------------------------------- the sorted cell-list pair search


@pytest.fixture(scope="module")
def medium():
    # N = 4000: L = 15.87, R_c = 3 gives 10 columns of 1.59 > R_c/2 per axis: the cell list, not the tree
    return sample_tls(4000, np.random.default_rng(7))


@pytest.mark.parametrize("exclusion", [0.0, paper_exclusion_radius()])
def test_cell_list_fields_equal_naive_all_pairs_sum_to_rounding(medium, exclusion):
    pairs = neighbour_pairs(medium, 3.0, exclusion)
    fast = local_fields(pairs, medium.spin)
    naive = naive_local_fields(medium, cutoff=3.0, exclusion_radius=exclusion)
    # both sum the same ~56 terms J_ij σ_j in different orders: each rounding is at most
    # 2^-53 of a partial sum, so |fast − naive| ≤ 2 · 56 · 1.1e-16 · Σ_j |J_ij| < 1e-13 Σ_j |J_ij|
    magnitude = np.bincount(pairs.i, np.abs(pairs.coupling), medium.size) + np.bincount(
        pairs.j, np.abs(pairs.coupling), medium.size
    )
    assert np.all(np.abs(fast - naive) <= 1e-13 * magnitude + 1e-300)


def test_cell_list_finds_the_same_pairs_distances_and_couplings_as_the_tree(medium):
    from tlslib.local_fields import _tree_pairs

    cell, tree = neighbour_pairs(medium, 3.0, 0.5), _tree_pairs(medium, 3.0, 0.5)
    a, b = np.lexsort((cell.j, cell.i)), np.lexsort((tree.j, tree.i))
    # same minimum-image formula and J = a_i a_j/r³: bit for bit, only the order of the pairs differs
    for name in ("i", "j", "distance", "coupling"):
        assert np.array_equal(getattr(cell, name)[a], getattr(tree, name)[b]), name
    assert np.all(cell.i < cell.j)


def test_cell_list_is_the_same_bits_whatever_the_threads_and_run():
    sample = sample_tls(30_000, np.random.default_rng(8))
    runs = [neighbour_pairs(sample, 2.5, paper_exclusion_radius(), workers=w) for w in (1, 2, 2)]
    fields = [local_fields(p, sample.spin) for p in runs]
    for other, f in zip(runs[1:], fields[1:], strict=True):
        assert np.array_equal(other.i, runs[0].i) and np.array_equal(other.coupling, runs[0].coupling)
        assert np.array_equal(f, fields[0])


def test_fast_kernel_equals_the_naive_all_pairs_sum_whatever_the_workers_and_chunks():
    # N = 6000: L = 18.17, R_c = 2.5 gives 14 columns of 1.30 per axis (the cell list, wrapping in x,
    # y and z); the naive O(N²) sum visits the same ~35 partners per TLS in another order, so the two
    # agree to rounding, 1e-12 of Σ_j |J_ij|
    sample = sample_tls(6000, np.random.default_rng(12))
    d = paper_exclusion_radius()
    naive = naive_local_fields(sample, cutoff=2.5, exclusion_radius=d)
    reference = neighbour_pairs(sample, 2.5, d, workers=1)
    fields = local_fields(reference, sample.spin, workers=1)
    magnitude = np.bincount(reference.i, np.abs(reference.coupling), sample.size) + np.bincount(
        reference.j, np.abs(reference.coupling), sample.size
    )
    assert np.all(np.abs(fields - naive) <= 1e-12 * magnitude)
    # bit for bit the same pairs and fields with 2 threads, small blocks, a capacity that overflows,
    # and small chunks of the field sums
    from tlslib.local_fields import _cell_pairs

    for workers, block, capacity in ((2, 4096, None), (2, 97, None), (1, 500, 1000), (2, 333, 50_000)):
        found = _cell_pairs(sample.positions, sample.box_length, 2.5, d, sample.amplitude, workers, block, capacity)
        for name, array in zip(("i", "j", "distance", "coupling"), found, strict=True):
            assert np.array_equal(array, getattr(reference, name)), (workers, block, capacity, name)
    for workers, chunk in ((2, 1 << 16), (1, 1000), (2, 7)):
        assert np.array_equal(local_fields(reference, sample.spin, workers=workers, chunk=chunk), fields)


def test_packed_sort_is_lexsort_by_column_then_z_then_index():
    from tlslib.local_fields import _column_z_order

    rng = np.random.default_rng(3)
    z = rng.uniform(0.0, 10.0, 5000)
    z[100:110] = z[7]  # exact ties in z: broken by index, as np.lexsort does
    z[200] = np.nextafter(z[201], 0.0)  # closer than the quantum L/2^z_bits: checked against the true z
    column = rng.integers(0, 50, 5000)
    column[200] = column[201]
    assert np.array_equal(_column_z_order(column, z, 50, 10.0), np.lexsort((z, column)))
