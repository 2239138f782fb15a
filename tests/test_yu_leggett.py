import numpy as np
import pytest
from scipy import integrate

from tlslib.coupling_constant import coupling_constant
from tlslib.dos import yu_leggett_dos
from tlslib.validation import InputError
from tlslib.yu_leggett import (
    LORENTZIAN_DOS_PREFACTOR,
    RANDOM_FIELD_WIDTH_PREFACTOR,
    interaction_strength,
    lorentzian_yu_leggett_dos,
    random_field_distribution,
    random_field_width,
    sample_random_fields,
    typical_interaction,
)

RHO, V, GAMMA = 2200.0, 4000.0, 1e-19  # rho v^2 = 3.52e10 J/m^3


def test_interaction_strength_is_gamma2_over_rho_v2():
    # 1e-38 / 3.52e10 = 2.841e-49 J m^3
    assert interaction_strength(RHO, V, GAMMA) == pytest.approx(2.8409e-49, rel=1e-4, abs=0)


def test_typical_interaction_at_1e25_per_m3():
    # n_o J_o = 1e25 * 2.841e-49 = 2.841e-24 J (about 0.21 K)
    assert typical_interaction(1e25, RHO, V, GAMMA) == pytest.approx(2.8409e-24, rel=1e-4, abs=0)


def test_width_prefactor_is_two_pi_squared_over_three():
    # 2 pi^2 / 3 = 6.5797
    assert RANDOM_FIELD_WIDTH_PREFACTOR == pytest.approx(6.5797, abs=1e-4)
    assert random_field_width(1e25, RHO, V, GAMMA) == pytest.approx(6.5797 * 2.8409e-24, rel=1e-4, abs=0)


def test_lorentzian_is_normalized():
    total, _ = integrate.quad(random_field_distribution, -np.inf, np.inf, args=(2.0,))
    assert total == pytest.approx(1.0, rel=1e-9)


def test_lorentzian_dos_is_three_over_two_pi_cubed_of_eq6_and_independent_of_n_o():
    # 3 / (2 pi^3) = 3 / 62.01 = 0.04838
    assert LORENTZIAN_DOS_PREFACTOR == pytest.approx(0.04838, abs=1e-5)
    for n_o in (1e23, 1e25, 1e27):
        b = random_field_width(n_o, RHO, V, GAMMA)
        assert n_o * random_field_distribution(0.0, b) == pytest.approx(
            lorentzian_yu_leggett_dos(RHO, V, GAMMA), rel=1e-12, abs=0
        )


def test_coupling_constant_of_yu_leggett_is_universal():
    # Eq. 6 in Eq. 1: C = 1 exactly; with the Lorentzian prefactor C = 3/(2 pi^3) for every gamma
    for gamma in (1e-20, 1e-19, 1e-18):
        assert coupling_constant(yu_leggett_dos(RHO, V, gamma), gamma, RHO, V) == pytest.approx(1.0, rel=1e-12)
        c = coupling_constant(lorentzian_yu_leggett_dos(RHO, V, gamma), gamma, RHO, V)
        assert c == pytest.approx(3 / (2 * np.pi**3), rel=1e-12)


def test_sampled_fields_have_lorentzian_median_and_centre():
    # median |eps| of a Lorentzian is its half-width b; P(|eps| < b/10) = (2/pi) arctan(0.1) = 0.06345
    n_o = 1e25
    b = float(random_field_width(n_o, RHO, V, GAMMA))
    eps = sample_random_fields(np.random.default_rng(5), 20_000, 200, n_o, RHO, V, GAMMA)
    assert np.median(np.abs(eps)) / b == pytest.approx(1.0, abs=0.05)
    frac = np.mean(np.abs(eps) < 0.1 * b)
    assert frac == pytest.approx(2 / np.pi * np.arctan(0.1), abs=4 * np.sqrt(0.0634 / 20_000))


def test_sampler_is_reproducible_and_validates():
    a = sample_random_fields(np.random.default_rng(1), 50, 10, 1e25, RHO, V, GAMMA, chunk=7)
    b = sample_random_fields(np.random.default_rng(1), 50, 10, 1e25, RHO, V, GAMMA, chunk=7)
    assert np.array_equal(a, b)
    with pytest.raises(InputError):
        sample_random_fields(np.random.default_rng(1), 0, 10, 1e25, RHO, V, GAMMA)


# --- pins added against the survivors of `make mutation` -------------------------------------


def test_one_site_with_one_neighbour_feels_its_field():
    from tlslib.yu_leggett import sample_random_fields

    # n_sites = n_neighbours = 1 is the smallest valid sample: one field, ±J_o/r³ ≠ 0
    fields = sample_random_fields(np.random.default_rng(1), 1, 1, 1e24, 2200.0, 4000.0, 1.6e-19)
    assert fields.shape == (1,) and fields[0] != 0.0
    with pytest.raises(InputError):
        sample_random_fields(np.random.default_rng(1), 0, 1, 1e24, 2200.0, 4000.0, 1.6e-19)


# --- mutation survivors (C)


def test_seeded_field_sample_is_drawn_in_batches_of_ten_thousand_sites():
    # Reproducibility of the book's seeded samples (60 000 sites in yu-leggett.md): each batch draws its r³
    # and then its signs, so a seed's sample depends on the batch size; the default is 10 000 sites.
    # 10 001 sites are one full batch and a batch of one: the default must give exactly that sample
    args = (10_001, 1, 1e25, RHO, V, GAMMA)
    default = sample_random_fields(np.random.default_rng(3), *args)
    np.testing.assert_array_equal(default, sample_random_fields(np.random.default_rng(3), *args, chunk=10_000))
    # and the batching is visible: one batch of 10 001 draws a different sample from the same seed
    assert not np.array_equal(default, sample_random_fields(np.random.default_rng(3), *args, chunk=10_001))
