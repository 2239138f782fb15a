import numpy as np
import pytest

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


def test_polarization_frame_follows_its_stated_convention_on_both_sides_of_kz_09():
    # ê¹ = â × k̂/|â × k̂|, â = ẑ for |k̂_z| < 0.9, x̂ for |k̂_z| ≥ 0.9; ê² = k̂ × ê¹. For k̂ = (a, 0, c), a > 0:
    # ẑ × k̂ = (0, a, 0) → ê¹ = (0, 1, 0); x̂ × k̂ = (0, −c, 0) → ê¹ = (0, −sign c, 0);
    # with ê¹ = (0, s, 0): ê² = (a, 0, c) × (0, s, 0) = s (−c, 0, a).
    # (√0.19, 0, ±0.9) has norm 1.0 in floating point, so |k̂_z| = 0.9 exactly: the x̂ side.
    for c, side in ((0.8, "z"), (-0.8, "z"), (0.9, "x"), (-0.9, "x"), (0.95, "x")):
        a = np.sqrt(1.0 - c * c)
        e = polarization_basis([a, 0.0, c])
        s = 1.0 if side == "z" else -np.sign(c)
        assert np.allclose(e[1], [0.0, s, 0.0], rtol=0.0, atol=1e-15), (c, e)
        assert np.allclose(e[2], s * np.array([-c, 0.0, a]), rtol=0.0, atol=1e-15), (c, e)


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


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_strain_tensors_of_a_stack_are_symmetric_halves():
    from tlslib.standard_model import strain_tensor

    # e_ab = (k_a e_b + k_b e_a)/2: k̂ = x̂, ê = ŷ gives e_xy = e_yx = 1/2; k̂ = ẑ, ê = x̂ gives e_zx = e_xz = 1/2
    k = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    e = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    s = strain_tensor(k, e)
    expected = np.zeros((2, 3, 3))
    expected[0, 0, 1] = expected[0, 1, 0] = 0.5
    expected[1, 2, 0] = expected[1, 0, 2] = 0.5
    assert np.array_equal(s, expected)


def test_standard_model_draws_are_reproducible_and_need_a_window():
    from tlslib.standard_model import random_dipole, sample_standard_model
    from tlslib.validation import InputError

    eps, delta = sample_standard_model(np.random.default_rng(2), 5, 1.0, 1e-3, 1.0)
    assert eps.shape == delta.shape == (5,)
    assert np.all((delta > 1e-3) & (delta < 1.0))
    # Δ°_min = Δ°_max is an empty window: no TLS to draw
    with pytest.raises(InputError):
        sample_standard_model(np.random.default_rng(2), 5, 1.0, 1.0, 1.0)
    first = random_dipole(np.random.default_rng(3), [2.0, -1.0, -1.0], size=4)
    assert np.array_equal(first, random_dipole(np.random.default_rng(3), [2.0, -1.0, -1.0], size=4))


def test_tls_ground_state_pseudospin_points_against_its_field():
    # H = (ε σ^z + Δ° σ^x)/2 = (E/2) n·σ with n = (Δ°, 0, ε)/E (Eq. 2): the ground state has ⟨σ⟩ = −n;
    # ε = 3, Δ° = 4, E = 5: ⟨σ^x⟩ = −0.8, ⟨σ^z⟩ = −0.6
    _, vectors = np.linalg.eigh(tls_hamiltonian(3.0, 4.0))
    ground = vectors[:, 0]
    assert ground @ PAULI_X @ ground == pytest.approx(-0.8, rel=1e-12)
    assert ground @ PAULI_Z @ ground == pytest.approx(-0.6, rel=1e-12)
    # symmetric wells (ε = 0): Δ°/2 on the off-diagonal, the hand-written matrix [[0, 1], [1, 0]] for Δ° = 2
    assert np.array_equal(tls_hamiltonian(0.0, 2.0), np.array([[0.0, 1.0], [1.0, 0.0]]))


def test_polarization_projectors_resolve_the_identity():
    # Σ_s ê^s ê^sᵀ = 𝟙 (complete triad); the transverse pair spans 𝟙 − k̂k̂ᵀ; right-handed: t1 × t2 = k̂
    k = np.random.default_rng(8).normal(size=(100, 3))
    k[:3] = [[0.0, 0.0, 1.0], [0.0, 0.0, -1.0], [np.sqrt(0.19), 0.0, 0.9]]
    k /= np.linalg.norm(k, axis=1, keepdims=True)
    e = polarization_basis(k)
    projectors = np.einsum("nsa,nsb->nab", e, e)
    assert projectors == pytest.approx(np.broadcast_to(np.eye(3), (100, 3, 3)), abs=1e-12)
    transverse = np.einsum("nsa,nsb->nab", e[:, 1:], e[:, 1:])
    assert transverse == pytest.approx(np.eye(3) - k[:, :, None] * k[:, None, :], abs=1e-12)
    assert np.cross(e[:, 1], e[:, 2]) == pytest.approx(k, abs=1e-12)


# --- mutation survivors (D)


def test_polarization_frame_is_reflected_with_the_wavevector_in_each_coordinate_plane():
    # The transverse pair of a direction is only fixed up to a rotation about k̂; the frame chosen
    # respects the mirror planes of the coordinate cube (the periodic box of the mode sums): reflecting
    # k̂ by M = diag(−1, 1, 1), diag(1, −1, 1) or diag(1, 1, −1) reflects the whole triad, ê^s(Mk̂) = ±Mê^s(k̂),
    # on the polar caps |k̂_z| ≥ 0.9 as well as elsewhere, so the sum term by term per polarization has the
    # symmetry of the box
    k = np.random.default_rng(11).normal(size=(400, 3))
    k[:200] *= [0.2, 0.2, 1.0]  # half of them near the poles
    k /= np.linalg.norm(k, axis=1, keepdims=True)
    assert np.mean(np.abs(k[:, 2]) >= 0.9) > 0.3
    e = polarization_basis(k)
    for mirror in np.diag([-1.0, 1.0, 1.0]), np.diag([1.0, -1.0, 1.0]), np.diag([1.0, 1.0, -1.0]):
        e_mirrored = polarization_basis(k @ mirror)
        overlap = np.einsum("nsa,nsa->ns", e_mirrored, e @ mirror)
        assert np.abs(overlap) == pytest.approx(np.ones((400, 3)), rel=1e-12, abs=1e-12)
