import numpy as np
import pytest
from scipy import stats

from tlslib.coupling_distribution import (
    PLANAR_EIGENVALUES,
    UNIAXIAL_EIGENVALUES,
    random_phonon_strains,
    random_unit_vectors,
    tensor_coupling_squared,
    tensor_strain_coupling_squared,
    uniaxial_coupling_squared_cdf,
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
