import numpy as np
import pytest
from scipy import stats

import tlslib.coupling_distribution as cd
from tlslib.coupling_distribution import (
    PLANAR_EIGENVALUES,
    UNIAXIAL_EIGENVALUES,
    random_phonon_strains,
    random_unit_vectors,
    tensor_coupling_squared,
    tensor_strain_coupling_squared,
    uniaxial_coupling_squared_cdf,
    uniaxial_weight_above_half,
    vector_coupling_squared,
    vector_projected_coupling_squared,
)
from tlslib.standard_model import random_dipole

N = 200_000


@pytest.fixture
def rng():
    return np.random.default_rng(12345)


def test_unit_vectors_are_isotropic(rng):
    v = random_unit_vectors(rng, N)
    assert np.linalg.norm(v, axis=1) == pytest.approx(1.0, abs=1e-12)
    # isotropy: <v v^T> = 1/3 identity; statistical error ~ 1/sqrt(N) ~ 2e-3
    assert v.T @ v / N == pytest.approx(np.eye(3) / 3, abs=5e-3)


def test_phonon_polarizations_are_one_third_longitudinal(rng):
    k, e = random_phonon_strains(rng, N)
    dots = np.sum(k * e, axis=1)
    # longitudinal: e = k (dot 1); transverse: e perpendicular (dot 0); 1/3 of branches longitudinal
    assert np.all(np.isclose(dots, 1.0) | np.isclose(dots, 0.0, atol=1e-12))
    assert np.mean(np.isclose(dots, 1.0)) == pytest.approx(1 / 3, abs=5e-3)


def test_rotated_dipoles_keep_their_eigenvalues(rng):
    d = random_dipole(rng, (3.0, -1.0, -2.0), size=100)
    assert d == pytest.approx(np.transpose(d, (0, 2, 1)), abs=1e-12)
    assert np.linalg.eigvalsh(d) == pytest.approx(np.tile([-2.0, -1.0, 3.0], (100, 1)), abs=1e-12)


def test_vector_dipole_difference_gives_uniform_gamma_squared(rng):
    # gamma^2/gamma_max^2 = (1 - cos theta)/2 with cos theta uniform on [-1, 1]: uniform on [0, 1],
    # mean 1/2, half the weight above 1/2; KS statistic ~ 1/sqrt(N) = 2.2e-3 at most a few times that
    x = vector_coupling_squared(rng, N)
    assert x.min() >= 0.0 and x.max() <= 1.0
    assert x.mean() == pytest.approx(0.5, abs=3e-3)
    assert stats.kstest(x, "uniform").statistic < 3 / np.sqrt(N)


def test_vector_projection_mean_is_one_sixth(rng):
    # x = y u^2 with y uniform (mean 1/2) and u = cos of an isotropic angle (<u^2> = 1/3): 1/6
    assert vector_projected_coupling_squared(rng, N).mean() == pytest.approx(1 / 6, abs=3e-3)


def test_uniaxial_tensor_follows_one_minus_sqrt_law(rng):
    # x = 1 - c^2: mean 1 - 1/3 = 2/3; weight above 1/2 = P(|c| < 1/sqrt 2) = 0.7071
    x = tensor_coupling_squared(rng, N, UNIAXIAL_EIGENVALUES)
    assert x.max() <= 1.0 + 1e-12
    assert x.mean() == pytest.approx(2 / 3, abs=3e-3)
    assert np.mean(x > 0.5) == pytest.approx(1 / np.sqrt(2), abs=5e-3)
    assert stats.kstest(x, uniaxial_coupling_squared_cdf).statistic < 3 / np.sqrt(N)


def test_uniaxial_cdf_endpoints():
    # F(0) = 0, F(3/4) = 1 - 1/2 = 1/2, F(1) = 1
    assert uniaxial_coupling_squared_cdf([0.0, 0.75, 1.0]) == pytest.approx([0.0, 0.5, 1.0])


def test_planar_tensor_is_symmetric_about_one_half(rng):
    # diag(1,0,-1) can be rotated into its negative, so D_R:D_L is symmetric about 0 and
    # x = (1 - D_R:D_L/||D||^2)/2 is symmetric about 1/2: mean 1/2, half the weight above 1/2
    x = tensor_coupling_squared(rng, N, PLANAR_EIGENVALUES)
    assert x.mean() == pytest.approx(0.5, abs=3e-3)
    assert np.mean(x > 0.5) == pytest.approx(0.5, abs=5e-3)


def test_planar_tensor_suppresses_small_couplings(rng):
    # near D_R = D_L the three rotation angles all cost coupling: F(x) ~ x^(3/2), so far fewer
    # TLS below x = 0.1 than the uniform law's 10 %
    x = tensor_coupling_squared(rng, N, PLANAR_EIGENVALUES)
    assert np.mean(x < 0.1) < 0.05


@pytest.mark.parametrize(("eigenvalues", "mean"), [(UNIAXIAL_EIGENVALUES, 4 / 27), (PLANAR_EIGENVALUES, 1 / 9)])
def test_strain_projection_mean(rng, eigenvalues, mean):
    # <(k.dD.e)^2> over k and three equal-weight branches = ||dD||^2/9, <||dD||^2> = 2||D||^2,
    # normalised by (l_max - l_min)^2: uniaxial 2*6/9/9 = 4/27 = 0.148; planar 2*2/9/4 = 1/9 = 0.111
    x = tensor_strain_coupling_squared(rng, N, eigenvalues)
    assert x.max() <= 1.0 + 1e-12
    assert x.mean() == pytest.approx(mean, abs=3e-3)


def test_seeded_monte_carlo_summaries_of_vector_and_uniaxial_dipoles():
    from tlslib.coupling_distribution import uniaxial_weight_above_half, vector_mean_coupling_squared

    # uniform γ² on [0, 1]: mean 1/2 ± 0.29/√2e5 = 6.5e-4; uniaxial weight above 1/2 is 1/√2 = 0.7071
    assert vector_mean_coupling_squared(2020, 200_000) == pytest.approx(0.5, abs=3e-3)
    assert uniaxial_weight_above_half(2020, 200_000) == pytest.approx(2**-0.5, abs=5e-3)
    assert vector_mean_coupling_squared(1, 1000) == vector_mean_coupling_squared(1, 1000)


def test_paper_normalisation_of_uniaxial_dipoles_is_three_quarters():
    from tlslib.coupling_distribution import UNIAXIAL_EIGENVALUES, paper_normalisation_ratio

    # diag(2,-1,-1): spread 3, max |ΔD|² = 2·9 = 18; paper: 4|D|² = 24 -> 18/24 = 3/4; P(0) 1/2 -> 2/3
    assert paper_normalisation_ratio(UNIAXIAL_EIGENVALUES) == pytest.approx(0.75, rel=1e-15)
    # a vector-like dyad diag(1,0,0): spread 1, 2/(4·1) = 1/2
    assert paper_normalisation_ratio((1.0, 0.0, 0.0)) == pytest.approx(0.5, rel=1e-15)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_paper_normalisation_ratio_of_a_biaxial_dipole_is_spread_squared_over_twice_the_sum_of_squares():
    from tlslib.coupling_distribution import paper_normalisation_ratio

    # λ = (3, 1, 0): (λ_max − λ_min)²/(2 Σλ²) = 9/(2 × 10) = 0.45 (uniaxial ones cannot tell λ² from λ³)
    assert paper_normalisation_ratio([3.0, 1.0, 0.0]) == pytest.approx(0.45, rel=1e-15)


def test_uniaxial_coupling_cdf_is_zero_below_zero_and_one_above_one():
    from tlslib.coupling_distribution import uniaxial_coupling_squared_cdf

    # F(x) = 1 − √(1 − x) on [0, 1]; a distribution function outside its support: 0 below, 1 above
    assert uniaxial_coupling_squared_cdf([-0.5, 0.0, 0.75, 1.0, 1.5]) == pytest.approx([0, 0, 0.5, 1, 1], abs=1e-15)


def test_tensor_couplings_are_reproducible_from_the_seed():
    from tlslib.coupling_distribution import (
        UNIAXIAL_EIGENVALUES,
        tensor_coupling_squared,
        tensor_strain_coupling_squared,
        uniaxial_weight_above_half,
    )

    for sample in (tensor_coupling_squared, tensor_strain_coupling_squared):
        first = sample(np.random.default_rng(4), 50, UNIAXIAL_EIGENVALUES)
        assert first.shape == (50,)
        assert np.array_equal(first, sample(np.random.default_rng(4), 50, UNIAXIAL_EIGENVALUES))
    assert uniaxial_weight_above_half(4, 500) == uniaxial_weight_above_half(4, 500)


def test_one_tls_with_one_phonon_has_one_coupling_in_zero_one():
    from tlslib.coupling_distribution import UNIAXIAL_EIGENVALUES, tensor_strain_coupling_squared

    # n = 1: one value, normalised by its largest possible square (λ_max − λ_min)², so in [0, 1]
    x = tensor_strain_coupling_squared(np.random.default_rng(0), 1, UNIAXIAL_EIGENVALUES)
    assert x.shape == (1,) and 0.0 <= x[0] <= 1.0


# --- mutation survivors (D)
# The samplers draw their wells and phonons through random_unit_vectors, random_dipole and
# random_phonon_strains. Feeding them prescribed wells (a scripted stream that honours each
# function's size contract) turns a sampler into a deterministic map from dipoles to γ²/γ_max²
# that can be checked by hand, TLS by TLS.

X_AXIS, Y_AXIS, Z_AXIS = np.eye(3)
# uniaxial dipoles D = 3 n nᵀ − 1 (principal values 2, −1, −1) with their axis n along x, y, z and
# along (x + z)/√2, all exact in binary
UNIAXIAL_X = np.diag([2.0, -1.0, -1.0])
UNIAXIAL_Y = np.diag([-1.0, 2.0, -1.0])
UNIAXIAL_Z = np.diag([-1.0, -1.0, 2.0])
UNIAXIAL_XZ = np.array([[0.5, 0.0, 1.5], [0.0, -1.0, 0.0], [1.5, 0.0, 0.5]])


def _scripted(rows):
    """A stand-in sampler that hands out the given rows in order: n of them, or one for size None."""
    rows = list(np.asarray(rows, dtype=float))

    def draw(count):
        taken = [rows.pop(0) for _ in range(1 if count is None else count)]
        return taken[0] if count is None else np.array(taken)

    return draw


def _prescribe(monkeypatch, dipoles=None, unit_vectors=None, phonons=None):
    """Replace the samplers' sources of wells (and of phonons: (k̂ rows, ê rows)) by the given ones."""
    if dipoles is not None:
        draw = _scripted(dipoles)
        monkeypatch.setattr(cd, "random_dipole", lambda rng, principal, size=None: draw(size))
    if unit_vectors is not None:
        draw_v = _scripted(unit_vectors)
        monkeypatch.setattr(cd, "random_unit_vectors", lambda rng, n: draw_v(n))
    if phonons is not None:
        k_hat, e_hat = (np.array(rows, dtype=float) for rows in phonons)
        monkeypatch.setattr(cd, "random_phonon_strains", lambda rng, n: (k_hat, e_hat))


def test_tensor_coupling_is_the_frobenius_distance_of_each_tls_own_pair_of_wells(monkeypatch):
    # Three TLS, one pair of wells each: identical wells (z, z), perpendicular axes (x, y), axes at 45°
    # (z, (x + z)/√2). x = ‖D_R − D_L‖²/(2·3²) = 1 − c² with c = n_R·n_L: 0, 1 and 1/2. Each TLS has its
    # own pair: drawing one well for all of them would couple (z; x, z, z) or (z, x, z; z) instead.
    for d in (UNIAXIAL_X, UNIAXIAL_Y, UNIAXIAL_Z, UNIAXIAL_XZ):
        assert np.linalg.eigvalsh(d) == pytest.approx([-1.0, -1.0, 2.0], rel=1e-15, abs=1e-15)
    _prescribe(monkeypatch, dipoles=[UNIAXIAL_Z, UNIAXIAL_X, UNIAXIAL_Z, UNIAXIAL_Z, UNIAXIAL_Y, UNIAXIAL_XZ])
    x = tensor_coupling_squared(np.random.default_rng(0), 3, UNIAXIAL_EIGENVALUES)
    assert x == pytest.approx([0.0, 1.0, 0.5], rel=1e-15, abs=1e-15)


def test_one_phonon_sees_the_dipole_difference_contracted_with_its_strain(monkeypatch):
    # x = (k·(D_R − D_L)·ê)²/3²:
    #   wells (z, z): ΔD = 0 → 0 whatever the phonon (here longitudinal along z);
    #   wells (x, y), longitudinal phonon along x: ΔD = 3(x xᵀ − y yᵀ), k·ΔD·k = 3 → 1 (the maximum);
    #   wells (z, (x + z)/√2), transverse phonon k = z, ê = x: ΔD_zx = 0 − 1.5 → 2.25/9 = 1/4.
    _prescribe(
        monkeypatch,
        dipoles=[UNIAXIAL_Z, UNIAXIAL_X, UNIAXIAL_Z, UNIAXIAL_Z, UNIAXIAL_Y, UNIAXIAL_XZ],
        phonons=([Z_AXIS, X_AXIS, Z_AXIS], [Z_AXIS, X_AXIS, X_AXIS]),
    )
    x = tensor_strain_coupling_squared(np.random.default_rng(0), 3, UNIAXIAL_EIGENVALUES)
    assert x == pytest.approx([0.0, 1.0, 0.25], rel=1e-15, abs=1e-15)


def test_antiparallel_vector_wells_couple_fully_and_parallel_ones_not_at_all(monkeypatch):
    # γ = ½|d_R − d_L| with γ_max = d: antiparallel wells (x, −x) give x = |2x|²/4 = 1, parallel wells
    # (y, y) give 0, perpendicular ones (x, z) give |x − z|²/4 = 1/2
    _prescribe(monkeypatch, unit_vectors=[X_AXIS, Y_AXIS, X_AXIS, -X_AXIS, Y_AXIS, Z_AXIS])
    x = vector_coupling_squared(np.random.default_rng(0), 3)
    assert x == pytest.approx([1.0, 0.0, 0.5], rel=1e-15, abs=1e-15)


def test_vector_wells_seen_along_one_direction_couple_through_the_projected_difference(monkeypatch):
    # ((d_R − d_L)·k)²/4: antiparallel wells (x, −x) seen along x: (2)²/4 = 1; parallel wells (y, y)
    # seen along y: 0; perpendicular wells (x, z) seen along y: 0
    _prescribe(monkeypatch, unit_vectors=[X_AXIS, Y_AXIS, X_AXIS, -X_AXIS, Y_AXIS, Z_AXIS, X_AXIS, Y_AXIS, Y_AXIS])
    x = vector_projected_coupling_squared(np.random.default_rng(0), 3)
    assert x == pytest.approx([1.0, 0.0, 0.0], rel=1e-15, abs=1e-15)


def test_weight_above_half_counts_couplings_strictly_above_half(monkeypatch):
    # the fraction with γ² > γ_max²/2 (strict, as documented): of the pairs at 0°, 90° and 45°
    # (x = 0, 1 and exactly 1/2: ‖ΔD‖² = 4 × 1.5² = 9 = 18/2 in binary) only the 90° pair counts: 1/3
    _prescribe(monkeypatch, dipoles=[UNIAXIAL_Z, UNIAXIAL_X, UNIAXIAL_Z, UNIAXIAL_Z, UNIAXIAL_Y, UNIAXIAL_XZ])
    assert uniaxial_weight_above_half(0, 3) == pytest.approx(1 / 3, rel=1e-15, abs=1e-15)
