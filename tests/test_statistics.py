import numpy as np
import pytest
from scipy import constants

from tlslib.dos import standard_model_p_bar
from tlslib.standard_model import sample_standard_model
from tlslib.statistics import fit_power_law, log_slope, log_spread, power_law_exponent, sampled_distribution, spread


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


def test_power_law_helpers_on_exact_power_laws():
    t = np.geomspace(0.01, 1.0, 11)
    assert power_law_exponent(t, 3.0 * t**2.3) == pytest.approx(2.3, rel=1e-12)
    np.testing.assert_allclose(log_slope(t, t**2), 2.0, rtol=1e-12)


def test_log_spread_is_the_population_std_of_ln():
    # values 1, e, e^2: ln = 0, 1, 2; population std sqrt(2/3)
    assert log_spread([1.0, np.e, np.e**2]) == pytest.approx(np.sqrt(2.0 / 3.0), rel=1e-12)
    assert log_spread([3.0, 3.0]) == 0.0
