import numpy as np
import pytest
from scipy import constants
from scipy.special import erfc

from tlslib.coupling import coupling_scale, gamma_o
from tlslib.elastic import debye_energy
from tlslib.polaron import (
    PAPER_ANGULAR_AVERAGE,
    angular_average,
    box_radius,
    box_wavevectors,
    cubic_lattice_zeta,
    debye_wavenumber,
    displaced_vacuum_overlap,
    elastic_dipole_exchange,
    mode_coupling_squared,
    mode_sum_overlap_exponent,
    overlap_exponent,
    polarization_averages,
    polarization_averages_monte_carlo,
    polaron_gamma_o,
)
from tlslib.standard_model import polarization_basis, random_dipole, strain_projections

TRACELESS = np.diag([2.0, -1.0, -1.0]) / np.sqrt(6.0)  # uniaxial, traceless, unit Frobenius norm
DYAD_Z = np.diag([0.0, 0.0, 1.0])  # n n with n = z


def test_sio2_debye_wavenumber(sio2):
    # (6 pi^2 / 45.3e-30 m^3)^(1/3) = (59.218 / 45.3e-30)^(1/3) = (1.30724e30)^(1/3) = 1.0934e10 1/m
    k_d = debye_wavenumber(sio2["formula_volume"])
    assert k_d == pytest.approx(1.0934e10, rel=1e-4, abs=0)
    # hbar v k_D is the Debye energy of tlslib.elastic
    e_d = debye_energy(sio2["velocity"], sio2["formula_volume"])
    assert constants.hbar * sio2["velocity"] * k_d / constants.k == pytest.approx(e_d / constants.k, rel=1e-12)


def test_overlap_exponent_at_gamma_o_is_one_for_unit_coupling_to_three_polarizations(sio2):
    # W = gamma^2 * 3 k_D^2 / (4 pi^2 rho hbar v^3); gamma_o^2 = (2/9) rho v^2 v_o hbar v k_D, so
    # W(gamma_o) = (2/9) * 3 * k_D^3 v_o / (4 pi^2) = (2/3) * 6 pi^2 / (4 pi^2) = 1: the sqrt(2)/3 of Eq. (5)
    assert PAPER_ANGULAR_AVERAGE == 3.0
    assert overlap_exponent(gamma_o(**sio2), **sio2) == pytest.approx(1.0, rel=1e-12)
    # exponent is quadratic in gamma: gamma = 2.5 gamma_o gives 6.25
    assert overlap_exponent(2.5 * gamma_o(**sio2), **sio2) == pytest.approx(6.25, rel=1e-12)


def test_lower_cutoff_removes_the_inner_sphere(sio2):
    # integrand k dk: (k_D^2 - k_m^2)/k_D^2 = 1 - 1/4 = 3/4 for k_m = k_D/2
    k_d = debye_wavenumber(sio2["formula_volume"])
    w = overlap_exponent(gamma_o(**sio2), **sio2, k_min=0.5 * k_d)
    assert w == pytest.approx(0.75, rel=1e-12)


def test_polaron_gamma_o_reduces_to_eq5_and_scales_as_inverse_sqrt_of_angular_average(sio2):
    assert polaron_gamma_o(**sio2) == pytest.approx(gamma_o(**sio2), rel=1e-14, abs=0)
    # <A> = 1/3 (unit-Frobenius tensor): sqrt(3 / (1/3)) = 3 -> prefactor sqrt(2)/3 * 3 = sqrt(2)
    assert polaron_gamma_o(**sio2, angular_average=1 / 3) / coupling_scale(**sio2) == pytest.approx(np.sqrt(2.0))
    # <A> = 1 (pure dilatation, longitudinal only): sqrt(2)/3 * sqrt(3) = sqrt(2/3) = 0.8165
    assert polaron_gamma_o(**sio2, angular_average=1.0) / coupling_scale(**sio2) == pytest.approx(0.81650, abs=1e-5)


@pytest.mark.parametrize("avg", [1 / 3, 1.0, 3.0, 7.0])
def test_overlap_exponent_is_one_at_the_matching_gamma_o(sio2, avg):
    g = polaron_gamma_o(**sio2, angular_average=avg)
    assert overlap_exponent(g, **sio2, angular_average=avg) == pytest.approx(1.0, rel=1e-12)


def test_polarization_basis_triads_are_orthonormal_triads_led_by_khat():
    rng = np.random.default_rng(0)
    k = np.vstack([rng.normal(size=(50, 3)), [[0.0, 0.0, 2.0], [0.0, 0.0, -1.0], [1e-3, 0.0, 1.0]]])
    triad = polarization_basis(k)
    gram = np.einsum("nsa,nta->nst", triad, triad)
    assert gram == pytest.approx(np.broadcast_to(np.eye(3), gram.shape), abs=1e-14)
    assert triad[:, 0, :] == pytest.approx(k / np.linalg.norm(k, axis=1, keepdims=True), abs=1e-15)


def test_pure_dilatation_couples_only_to_longitudinal_phonons():
    # D = identity: D:e^s = khat . e^s = 1 for s = L and 0 for the transverse modes
    k = np.random.default_rng(1).normal(size=(20, 3))
    p = strain_projections(np.eye(3), k)
    assert p[:, 0] == pytest.approx(1.0, abs=1e-14)
    assert p[:, 1:] == pytest.approx(0.0, abs=1e-14)


def test_sum_over_polarizations_is_khat_D_squared_khat():
    # completeness of (khat, e1, e2): sum_s (khat.D.e_s)^2 = |D khat|^2
    rng = np.random.default_rng(2)
    d = rng.normal(size=(3, 3))
    d = d + d.T
    k = rng.normal(size=(30, 3))
    khat = k / np.linalg.norm(k, axis=1, keepdims=True)
    a = np.sum(strain_projections(d, k) ** 2, axis=1)
    assert a == pytest.approx(np.einsum("na,ab,bc,nc->n", khat, d, d, khat), rel=1e-12)


@pytest.mark.parametrize(
    ("dipole", "expected"),
    [
        # traceless unit norm: L = (0 + 2)/15 = 2/15, T = (3 - 0)/15 = 1/5; total 1/3
        (TRACELESS, (2 / 15, 1 / 5)),
        # dyad nn: Tr = 1, Tr D^2 = 1: L = (1 + 2)/15 = 1/5, T = (3 - 1)/15 = 2/15
        (DYAD_Z, (1 / 5, 2 / 15)),
        # identity: Tr = 3, Tr D^2 = 3: L = (9 + 6)/15 = 1, T = (9 - 9)/15 = 0
        (np.eye(3), (1.0, 0.0)),
        # 3 x traceless (Frobenius norm 3, the paper's <A> = 3): 9 * (2/15, 1/5) = (6/5, 9/5)
        (3 * TRACELESS, (6 / 5, 9 / 5)),
    ],
)
def test_polarization_averages_analytic(dipole, expected):
    avg = polarization_averages(dipole)
    assert avg == pytest.approx(expected, abs=1e-14)
    assert angular_average(dipole) == pytest.approx(sum(expected), abs=1e-14)


def test_angular_average_is_a_third_of_the_frobenius_norm_squared_whatever_the_orientation():
    rng = np.random.default_rng(3)
    for _ in range(5):
        d = random_dipole(rng, [0.3, -1.2, 0.5])
        # Tr D^2 = 0.09 + 1.44 + 0.25 = 1.78 -> <A> = 0.59333
        assert angular_average(d) == pytest.approx(1.78 / 3, rel=1e-12)
        assert np.trace(d) == pytest.approx(-0.4, abs=1e-12)


def test_monte_carlo_polarization_averages_agree_with_the_analytic_ones():
    for seed, d in enumerate([TRACELESS, DYAD_Z, random_dipole(np.random.default_rng(4), [1.0, 0.2, -0.7])]):
        mean, err = polarization_averages_monte_carlo(d, np.random.default_rng(10 + seed), 40_000)
        assert np.all(np.abs(mean - polarization_averages(d)) < 5 * err)


def test_box_wavevectors_count_the_first_two_shells():
    # L = 2 pi (unit spacing), 0 < |n| < 1.5: |n|^2 = 1 (6 vectors) and 2 (12 vectors)
    k = box_wavevectors(2 * np.pi, 1.5)
    assert k.shape == (18, 3)
    assert box_wavevectors(2 * np.pi, 1.5, k_min=1.2).shape == (12, 3)


def test_box_radius_counts_one_wavevector_per_formula_volume(sio2):
    # (4 pi/3) R^3 = (4 pi/3) k_D^3 L^3 / (8 pi^3) = L^3 / v_o with k_D^3 = 6 pi^2 / v_o
    vo = sio2["formula_volume"]
    side = (1000 * vo) ** (1 / 3)
    assert 4 * np.pi / 3 * box_radius(side, vo) ** 3 == pytest.approx(1000.0, rel=1e-12)


def test_one_mode_overlap_exponent_by_hand():
    # one mode, D:e = 1: W = 2|g|^2/(hbar w)^2 = gamma^2/(rho v^2 V hbar v k)
    # gamma = 1e-19 J, rho = 2200, v = 4000, V = 1e-27 m^3, k = 1e10:
    # rho v^2 V = 3.52e-17 J, hbar v k = 4.21829e-21 J, W = 1e-38 / 1.48484e-37 = 0.067347
    w = mode_sum_overlap_exponent(1e-19, 2200.0, 4000.0, 1e-9, np.array([[1e10, 0.0, 0.0]]), np.ones((1, 1)))
    assert w == pytest.approx(0.067347, rel=1e-5)
    # |g|^2 = gamma^2 hbar w / (2 rho v^2 V) = 1e-38 * 4.21829e-21 / 7.04e-17 = 5.9919e-43 J^2
    assert mode_coupling_squared(1e-19, 2200.0, 4000.0, 1e-27, 1e10, 1.0) == pytest.approx(5.9919e-43, rel=1e-4, abs=0)


def test_box_sum_converges_to_the_continuum_exponent(sio2):
    # box with R = k_D L / 2 pi = 20: about 4 pi R^3 = 1.0e5 modes; the error is (Z + fluctuation)/(2 pi R^2),
    # |.| < 25/(2 pi 400) = 1e-2
    k_d = debye_wavenumber(sio2["formula_volume"])
    side = 2 * np.pi * 20.0 / k_d
    k = box_wavevectors(side, k_d)
    g = gamma_o(**sio2)
    w = mode_sum_overlap_exponent(g, sio2["density"], sio2["velocity"], side, k, np.ones((len(k), 3)))
    assert 3 * len(k) == pytest.approx(4 * np.pi * 20.0**3, rel=0.01)
    assert abs(w - 1.0) < 1e-2


def test_cubic_symmetry_makes_the_box_sum_see_only_the_trace_of_D_squared(sio2):
    # sum over a cube-symmetric shell of khat_a khat_b is proportional to delta_ab, so
    # W_box(D) = Tr(D^2)/9 * W_box(unit coupling to 3 polarizations) exactly
    k_d = debye_wavenumber(sio2["formula_volume"])
    side = 2 * np.pi * 6.3 / k_d
    k = box_wavevectors(side, k_d)
    d = random_dipole(np.random.default_rng(5), [2.0, -0.5, 0.1])
    args = (1e-19, sio2["density"], sio2["velocity"], side, k)
    w_d = mode_sum_overlap_exponent(*args, strain_projections(d, k))
    w_1 = mode_sum_overlap_exponent(*args, np.ones((len(k), 3)))
    assert w_d / w_1 == pytest.approx(np.trace(d @ d) / 9, rel=1e-12)


def test_cubic_lattice_zeta_is_the_mean_offset_of_the_lattice_sum():
    # Ewald value of sum' 1/|n| over Z^3 (literature: -2.8372974794806)
    z = cubic_lattice_zeta()
    assert z == pytest.approx(-2.8372974794806, abs=1e-12)
    # direct check: S(R) - 2 pi R^2 averaged over many radii scatters around Z
    a = np.arange(-30, 31)
    norms = np.sort(np.sqrt(a[:, None, None] ** 2 + a[None, :, None] ** 2 + a[None, None, :] ** 2).ravel())[1:]
    partial = np.cumsum(1.0 / norms)
    radii = np.linspace(10.0, 29.0, 400)
    offsets = partial[np.searchsorted(norms, radii) - 1] - 2 * np.pi * radii**2
    assert np.mean(offsets) == pytest.approx(z, abs=0.5)


def test_two_dilatation_centres_do_not_interact():
    # D_i = D_j = I: 3 rhat.rhat - Tr I = 3 - 3 = 0 in every direction
    # (zero up to round-off, measured against the scale g^2/(4 pi rho v^2 r^3))
    r = np.random.default_rng(6).normal(size=(10, 3)) * 1e-9
    scale = 1.0 / (4 * np.pi * 2200.0 * 4163.0**2 * np.linalg.norm(r, axis=1) ** 3)
    j = elastic_dipole_exchange(1.0, 1.0, np.eye(3), np.eye(3), r, 2200.0, 4163.0)
    assert j / scale == pytest.approx(0.0, abs=1e-13)


def test_exchange_of_two_z_dyads_by_hand():
    # D = zz for both: along z, 3*1 - 1 = 2 -> J = 2 g^2/(4 pi rho v^2 r^3) = g^2/(2 pi rho v^2 r^3);
    # along x, 0 - 1 = -1. g = 1 eV, rho v^2 = 2200 * 4163^2 = 3.8128e10 Pa, r = 1 nm:
    # g^2/(2 pi rho v^2 r^3) = (1.602177e-19)^2 / (2 pi * 3.8128e10 * 1e-27) = 1.07152e-22 J
    g = constants.eV
    along_z = elastic_dipole_exchange(g, g, DYAD_Z, DYAD_Z, [0.0, 0.0, 1e-9], 2200.0, 4163.0)
    along_x = elastic_dipole_exchange(g, g, DYAD_Z, DYAD_Z, [1e-9, 0.0, 0.0], 2200.0, 4163.0)
    assert along_z == pytest.approx(1.07152e-22, rel=1e-4, abs=0)
    assert along_x == pytest.approx(-0.5 * along_z, rel=1e-12, abs=0)
    # 1/r^3: doubling r divides J by 8
    assert elastic_dipole_exchange(g, g, DYAD_Z, DYAD_Z, [0.0, 0.0, 2e-9], 2200.0, 4163.0) == pytest.approx(
        along_z / 8, rel=1e-12, abs=0
    )


def test_exchange_averages_to_zero_over_directions_and_is_symmetric():
    # the six +-axis directions average 3 rhat rhat - 1 to zero for any matrix
    rng = np.random.default_rng(7)
    di, dj = random_dipole(rng, [1.0, -0.3, 0.2]), random_dipole(rng, [0.5, 0.5, -1.0])
    axes = np.vstack([np.eye(3), -np.eye(3)]) * 1e-9
    j = elastic_dipole_exchange(1.0, 1.0, di, dj, axes, 2200.0, 4163.0)
    assert np.mean(j) == pytest.approx(0.0, abs=1e-12 * np.max(np.abs(j)))
    r = rng.normal(size=(5, 3)) * 1e-9
    assert elastic_dipole_exchange(1.0, 2.0, di, dj, r, 2200.0, 4163.0) == pytest.approx(
        elastic_dipole_exchange(2.0, 1.0, dj, di, -r, 2200.0, 4163.0), rel=1e-12, abs=0
    )


def test_exchange_kernel_is_the_polarization_sum_of_products():
    # sum_s (D_i:e^s)(D_j:e^s) = khat . D_i D_j . khat: the k-space kernel behind J_ij
    rng = np.random.default_rng(8)
    di, dj = random_dipole(rng, [1.0, 0.0, -1.0]), random_dipole(rng, [0.2, 0.9, 0.4])
    k = rng.normal(size=(25, 3))
    khat = k / np.linalg.norm(k, axis=1, keepdims=True)
    lhs = np.sum(strain_projections(di, k) * strain_projections(dj, k), axis=1)
    assert lhs == pytest.approx(np.einsum("na,ab,bc,nc->n", khat, di, dj, khat), rel=1e-10)


@pytest.mark.parametrize("lam", [0.1, 0.5, 1.0, 2.0])
def test_one_mode_overlap_of_displaced_vacua_is_exp_minus_two_lambda_squared(lam):
    # H = a^dag a +- lam (a + a^dag): ground states are coherent states alpha = -+lam;
    # |<alpha|-alpha>| = exp(-|2 lam|^2/2) = exp(-2 lam^2); lam = 1: exp(-2) = 0.135335
    assert displaced_vacuum_overlap(lam) == pytest.approx(np.exp(-2 * lam**2), rel=1e-10)


def test_random_dipoles_keep_their_principal_values():
    d = random_dipole(np.random.default_rng(9), [1.0, 2.0, -0.5], size=4)
    assert d.shape == (4, 3, 3)
    assert np.linalg.eigvalsh(d) == pytest.approx(np.tile([-0.5, 1.0, 2.0], (4, 1)), abs=1e-12)


def test_exchange_broadcasts_over_pairs():
    rng = np.random.default_rng(10)
    di, dj = random_dipole(rng, [1.0, 0.0, -1.0], size=3), random_dipole(rng, [0.5, 0.5, -1.0], size=3)
    r = rng.normal(size=(3, 3)) * 1e-9
    batch = elastic_dipole_exchange(1.0, 1.0, di, dj, r, 2200.0, 4163.0)
    single = [elastic_dipole_exchange(1.0, 1.0, di[n], dj[n], r[n], 2200.0, 4163.0) for n in range(3)]
    assert batch == pytest.approx(single, rel=1e-12, abs=0)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_polarization_averages_of_a_stack_ignore_the_antisymmetric_part():
    from tlslib.polaron import angular_average, polarization_averages

    # strain is symmetric, so only D_sym couples. diag(1, 2, 3): Tr = 6, Tr D² = 14:
    # ⟨A_L⟩ = (36 + 28)/15 = 64/15, ⟨A_T⟩ = (42 − 36)/15 = 2/5, sum Tr D²/3 = 14/3.
    # diag(2, −1, −1): Tr = 0, Tr D² = 6: ⟨A_L⟩ = 12/15 = 0.8, ⟨A_T⟩ = 18/15 = 1.2, sum 2.
    w = 5.0 * np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    stack = np.array([np.diag([1.0, 2.0, 3.0]) + w, np.diag([2.0, -1.0, -1.0]) - w])
    assert polarization_averages(stack) == pytest.approx(np.array([[64 / 15, 2 / 5], [0.8, 1.2]]), rel=1e-14)
    assert angular_average(stack) == pytest.approx([14 / 3, 2.0], rel=1e-14)


def test_monte_carlo_polarization_errors_match_the_scatter_between_seeds():
    from tlslib.polaron import polarization_averages, polarization_averages_monte_carlo

    # one standard error per polarization (longitudinal, transverse), std/√n with n = 400; over 100
    # seeds the spread of the means is that error within 1/√(2·99) = 7 % (band: 3σ)
    d = np.diag([1.0, 2.0, 3.0])
    runs = [polarization_averages_monte_carlo(d, np.random.default_rng(s), 400) for s in range(100)]
    means = np.array([m for m, _ in runs])
    errors = np.array([e for _, e in runs])
    assert errors.shape == (100, 2)
    assert np.std(means, axis=0, ddof=1) / errors.mean(axis=0) == pytest.approx([1.0, 1.0], abs=0.21)
    assert means.mean(axis=0) == pytest.approx(polarization_averages(d), rel=0.01)


def test_the_1_over_r3_coupling_is_used_four_debye_radii_from_its_source():
    # k_D V_o^(1/3) = (6π²/v_o)^(1/3) v_o^(1/3) = (6π²)^(1/3) = 59.218^(1/3) = 3.8978, any v_o
    from tlslib.polaron import debye_wavenumber_at_spacing

    assert debye_wavenumber_at_spacing(np.array([45.3e-30, 80e-30])) == pytest.approx([3.8978, 3.8978], abs=1e-4)
    # V_o = 8 v_o doubles the spacing: 7.7956
    assert debye_wavenumber_at_spacing(45.3e-30, 8 * 45.3e-30) == pytest.approx(7.7956, abs=1e-4)


def test_box_keeps_the_lattice_points_strictly_inside_the_open_shell():
    # L = 2π: k = n exactly. Points per shell |n|² = m (r₃(m)): 6, 12, 8, 6, 24, 24 for m = 1..6.
    # 0 < |n| < 2 leaves out the sphere |n|² = 4: 6 + 12 + 8 = 26
    assert box_wavevectors(2 * np.pi, 2.0).shape == (26, 3)
    # 1 < |n| < 2 leaves out the inner sphere |n|² = 1 too: 12 + 8 = 20
    assert box_wavevectors(2 * np.pi, 2.0, k_min=1.0).shape == (20, 3)
    # 1.5 < |n| < 2.5, i.e. 2.25 < |n|² < 6.25: 8 + 6 + 24 + 24 = 62
    k = box_wavevectors(2 * np.pi, 2.5, k_min=1.5)
    assert k.shape == (62, 3)
    # the shell is inversion symmetric: the wavevectors sum to zero
    assert np.sum(k, axis=0) == pytest.approx([0.0, 0.0, 0.0], abs=1e-12)


def test_monte_carlo_standard_error_is_unbiased_even_for_three_directions():
    # D = z z: A_L = k_z⁴ and A_T = k_z² − k_z⁴, with ⟨k_z^(2m)⟩ = 1/(2m + 1):
    # Var A_L = 1/9 − (1/5)² = 16/225; Var A_T = 1/5 − 2/7 + 1/9 − (2/15)² = 8/315 − 4/225 = 4/525.
    # The squared standard error of n samples estimates Var/n without bias (n − 1 in the sample
    # variance): with n = 3, n·⟨err²⟩ over 3000 runs is Var within ~3 % (the biased n would give 2/3).
    rng = np.random.default_rng(21)
    errors = np.array([polarization_averages_monte_carlo(DYAD_Z, rng, 3)[1] for _ in range(3000)])
    assert 3.0 * np.mean(errors**2, axis=0) == pytest.approx([16 / 225, 4 / 525], rel=0.1)


# --- mutation survivors (D)


def _ewald_zeta(alpha, half_width=9):
    # Σ'_n 1/|n| split at a general α: 1/r = erfc(√α r)/r + erf(√α r)/r; the smooth part is summed in
    # reciprocal space (Fourier transform 4π e^(−k²/4α)/k², k = 2πm → e^(−π²m²/α)/(π m²)), its m = 0 term
    # is the neutralising background removed by the regularisation (−π/α), and the n = 0 self term
    # erf(√α r)/r → 2√(α/π) is taken out: Z = Σ' erfc(√α|n|)/|n| + Σ' e^(−π²|m|²/α)/(π|m|²) − π/α − 2√(α/π)
    axis = np.arange(-half_width, half_width + 1, dtype=float)
    n = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    r = np.linalg.norm(n, axis=1)
    r = r[r > 0.0]
    direct = np.sum(erfc(np.sqrt(alpha) * r) / r)
    reciprocal = np.sum(np.exp(-(np.pi**2) * r**2 / alpha) / (np.pi * r**2))
    return float(direct + reciprocal - np.pi / alpha - 2.0 * np.sqrt(alpha / np.pi))


def test_cubic_lattice_zeta_does_not_depend_on_where_the_ewald_sum_is_split():
    # Z is a property of the lattice, not of the split: α = 2π and α = π/2 (the function splits at the
    # self-dual α = π) agree with it to rounding. The terms beyond |n| = 3 are below erfc(4√π)/4 ≈ 5e-24,
    # so a cube of half-width 3 already holds every digit
    z = cubic_lattice_zeta()
    for alpha in (2.0 * np.pi, np.pi / 2.0):
        assert z == pytest.approx(_ewald_zeta(alpha), rel=1e-14, abs=1e-14)
    assert cubic_lattice_zeta(3) == pytest.approx(z, rel=1e-14, abs=1e-14)


def test_cubic_lattice_zeta_of_an_empty_cube_is_the_constant_of_the_self_dual_split():
    # half-width 0: the cube holds only n = 0, which Σ' leaves out, so only −π/α − 2√(α/π) = −1 − 2 = −3
    # at α = π remains. Every term added with a wider cube is positive: Z(0) < Z(1) < Z(2) < Z
    assert cubic_lattice_zeta(0) == -3.0
    assert cubic_lattice_zeta(0) < cubic_lattice_zeta(1) < cubic_lattice_zeta(2) < cubic_lattice_zeta()


def test_overlap_exponent_integrates_the_whole_debye_sphere_by_default():
    # W = γ²⟨A⟩(k_D² − k_m²)/(4π²ρħv³) with k_m = 0 unless given. Choose γ² = 4π²ρħv³/3 and ⟨A⟩ = 3, so
    # W = k_D² in m⁻², and v_o = 6π²/k_D³ m³ so that k_D = 1, 2, 10 m⁻¹: W = 1, 4, 100
    rho, v = 2200.0, 4163.0
    gamma = np.sqrt(4.0 * np.pi**2 * rho * constants.hbar * v**3 / 3.0)
    for k_d in (1.0, 2.0, 10.0):
        assert overlap_exponent(gamma, rho, v, 6.0 * np.pi**2 / k_d**3) == pytest.approx(k_d**2, rel=1e-12)
