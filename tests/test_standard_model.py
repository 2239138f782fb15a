import numpy as np
import pytest
from scipy import constants

from tlslib.dos import standard_model_p_bar
from tlslib.standard_model import (
    PAULI_X,
    PAULI_Z,
    dipole_strain_coupling,
    polarization_basis,
    sample_standard_model,
    strain_tensor,
    tls_hamiltonian,
    tls_splitting,
)
from tlslib.statistics import fit_power_law, sampled_distribution, spread
from tlslib.validation import InputError


def test_pauli_matrices_anticommute_and_square_to_one():
    # sigma_x sigma_z + sigma_z sigma_x = 0, sigma^2 = 1
    assert np.allclose(PAULI_X @ PAULI_Z + PAULI_Z @ PAULI_X, 0.0)
    assert np.allclose(PAULI_X @ PAULI_X, np.eye(2))
    assert np.allclose(PAULI_Z @ PAULI_Z, np.eye(2))


def test_tls_levels_are_plus_minus_half_the_splitting():
    # eps = 3, Delta = 4: E = 5, levels -2.5 and +2.5
    assert tls_splitting(3.0, 4.0) == pytest.approx(5.0)
    assert np.linalg.eigvalsh(tls_hamiltonian(3.0, 4.0)) == pytest.approx([-2.5, 2.5])


def test_tls_hamiltonian_broadcasts():
    h = tls_hamiltonian(np.array([1.0, 2.0, 3.0]), 1.0)
    assert h.shape == (3, 2, 2)
    assert np.allclose(np.linalg.eigvalsh(h)[:, 1], tls_splitting(np.array([1.0, 2.0, 3.0]), 1.0) / 2)


def test_polarization_basis_is_orthonormal_with_k_longitudinal():
    k = np.random.default_rng(0).normal(size=(200, 3))
    k /= np.linalg.norm(k, axis=1, keepdims=True)
    e = polarization_basis(k)
    gram = np.einsum("nsa,nta->nst", e, e)
    assert np.allclose(gram, np.eye(3))
    assert np.allclose(e[:, 0], k)
    # also for k along z (the helper switches to x there)
    assert np.allclose(polarization_basis([0.0, 0.0, 1.0]) @ polarization_basis([0.0, 0.0, 1.0]).T, np.eye(3))


def test_strain_tensor_longitudinal_trace_one_transverse_trace_zero():
    # k = x, e_l = x: e = diag(1,0,0), tr 1; e_t = y: e_xy = e_yx = 1/2, tr 0
    x, y = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    assert np.allclose(strain_tensor(x, x), np.diag([1.0, 0.0, 0.0]))
    shear = strain_tensor(x, y)
    assert shear[0, 1] == pytest.approx(0.5) and shear[1, 0] == pytest.approx(0.5)
    assert np.trace(shear) == pytest.approx(0.0)


def test_isotropic_dipole_couples_to_volume_change_only():
    # D = identity: sum_ab delta_ab e_ab = tr e = k.e
    k = np.array([0.0, 0.6, 0.8])
    e = polarization_basis(k)
    couplings = dipole_strain_coupling(np.eye(3), strain_tensor(k, e))
    assert couplings == pytest.approx([1.0, 0.0, 0.0], abs=1e-12)


def test_sampler_respects_bounds_and_is_reproducible():
    eps, delta = sample_standard_model(np.random.default_rng(3), 1000, 2.0, 1e-3, 1.0)
    assert eps.min() >= 0.0 and eps.max() < 2.0
    assert delta.min() >= 1e-3 and delta.max() <= 1.0
    eps2, delta2 = sample_standard_model(np.random.default_rng(3), 1000, 2.0, 1e-3, 1.0)
    assert np.array_equal(eps, eps2) and np.array_equal(delta, delta2)


def test_sampler_rejects_inverted_tunneling_window():
    with pytest.raises(InputError, match="smaller"):
        sample_standard_model(np.random.default_rng(0), 10, 1.0, 2.0, 1.0)


def test_sampled_distribution_recovers_p_bar_over_delta():
    # n_o = 1e24 m^-3, eps_max = k_B 1 K, Delta in [1e-4, 1] k_B K: P = n_o/(eps_max ln 1e4)
    k = constants.k
    rng = np.random.default_rng(11)
    _, delta = sample_standard_model(rng, 200_000, k, 1e-4 * k, k)
    edges = np.logspace(-4, 0, 9) * k
    binned = sampled_distribution(delta, edges, 1e24, k)
    p = standard_model_p_bar(1e24, k, 1e-4 * k, k)
    ratio = binned.value * binned.centre / p  # = 1 for every bin, up to ~0.6 % Poisson noise
    assert np.all(np.abs(ratio - 1.0) < 5 * binned.error / binned.value)
    assert binned.count.sum() == 200_000


def test_power_law_fit_recovers_exact_law():
    # y = 3 x^-1 exactly, 1 % errors: exponent -1, amplitude at pivot 3/x_p, chi2 = 0
    x = np.logspace(-3, 2, 11)
    fit = fit_power_law(x, 3.0 / x, 0.01 * 3.0 / x)
    assert fit.exponent == pytest.approx(-1.0, abs=1e-12)
    assert fit.amplitude * fit.pivot == pytest.approx(3.0, rel=1e-12)
    assert fit.chi2 == pytest.approx(0.0, abs=1e-18)
    assert fit.dof == 9
    # exponent error for equal sigma_ln = 0.01: 0.01 / sqrt(sum (ln x - mean)^2)
    u = np.log(x) - np.log(x).mean()
    assert fit.exponent_error == pytest.approx(0.01 / np.sqrt((u**2).sum()), rel=1e-12)


def test_spread_of_one_to_four():
    # values 1, 2, 4: max/min 4; mean 7/3, sample std sqrt(7/3) -> rel 0.6547; log10 std = log10(2) = 0.30103
    s = spread([1.0, 2.0, 4.0])
    assert s.max_over_min == pytest.approx(4.0)
    assert s.relative_std == pytest.approx(np.sqrt(7 / 3) / (7 / 3))
    assert s.log10_std == pytest.approx(np.log10(2.0))
