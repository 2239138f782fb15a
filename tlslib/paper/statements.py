"""The paper's quantitative statements, one registered function per claim of data/claims.toml.

Each function, called without argument, returns the recomputed value in the display unit of its
claim (C × 10⁴ for ``"1e-4"``, eV, K, Å³, or a pure number); the values its note quotes are
registered beside it (:mod:`tlslib.paper.registry`). The ledger and the chapters call these
functions, so a number shown in a chapter and judged by the ledger has one route. The Table I
families (``table1-<glass>-debye-temperature``, ``table1-<glass>-c-th``) are registered per row
at the end. A statement that uses a choice of data/parameters.toml with plausible alternatives
names it (``choices=``) and takes the :class:`~tlslib.parameter_set.ParameterSet` as its optional
argument (a choice that is not yet one of its fields, as a keyword): the ledger evaluates the
verdict at each alternative.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from scipy import constants

from tlslib.chain import predict
from tlslib.coupling import GAMMA_MAX_PREFACTOR, coupling_scale, gamma_o, tunneling_log_factor
from tlslib.coupling_constant import coupling_constant, high_temperature_coupling_constant
from tlslib.coupling_distribution import (
    UNIAXIAL_EIGENVALUES,
    paper_normalisation_ratio,
    tensor_coupling_squared,
    uniaxial_coupling_squared_cdf,
    vector_mean_coupling_squared,
)
from tlslib.dipole_gap import GAP_ONSET, all_tls_gap_strength, log_gap_ratio, reduced_energy_unit
from tlslib.dos import interacting_dos, p_bar, yu_leggett_dos
from tlslib.effective_model import tunneling_period
from tlslib.elastic import debye_energy, elastic_energy_scale
from tlslib.mean_field import field_variance, gaussian_zero_field_density, paper_exclusion_radius, poisson_field_pdf
from tlslib.measurement_alpha import (
    resonant_tunneling_over_hf,
    tunneling_time_alpha,
)
from tlslib.observables import combined_sound_velocity_log_slope, mean_free_path_ratio
from tlslib.paper.budget import best_estimate_range, extremes_band
from tlslib.paper.measurement_band import (
    STANDARD_BAND,
    BandEdges,
    alpha_inside_band_fraction,
    experimental_alpha_range,
    glass_relaxation_alpha,
    measurement_band,
    measurement_band_agreement,
    measurement_band_centre,
    measurement_band_range,
    paper_range_agreement,
    relaxation_tunneling_over_hf,
)
from tlslib.paper.parameters import PAPER
from tlslib.paper.parameters import value as parameter
from tlslib.paper.registry import not_checkable, statement
from tlslib.paper.simulations import resolved_field_window
from tlslib.paper.table1 import (
    C_SCALE,
    measured_coupling_constant_range,
    median_measured_coupling_constant,
    recomputed_coupling_constant,
    recomputed_debye_energy,
    table1_row,
    table1_rows,
)
from tlslib.paper.table1_audit import (
    alpha_needed,
    coupling_constant_ratio,
    density_for_printed_volume,
    effective_coupling,
    effective_coupling_range,
    eq12_identity_ratio,
    gamma_max_range,
    median_internal_friction,
    monomer_formula_volume,
    predicted_to_measured_spread,
    recomputed_to_measured_spread,
)
from tlslib.parameter_set import ParameterSet
from tlslib.polaron import (
    box_wavevectors,
    debye_wavenumber,
    mode_sum_overlap_exponent,
    overlap_exponent,
)
from tlslib.thermal_conductivity import dominant_phonon_ratio, kappa_log_coefficient, kappa_log_constant
from tlslib.wkb import barrier_height, tunneling_mass, wkb_exponent_coefficient, wkb_tunneling
from tlslib.yu_leggett import LORENTZIAN_DOS_PREFACTOR

K, EV, ANGSTROM = constants.k, constants.eV, constants.angstrom
#: The seed and sample size of the two Monte Carlo checks of P(γ²) (coupling-distribution).
COUPLING_SEED, COUPLING_DRAWS = 2020, 200_000


def _sio2():
    return table1_row("SiO2").material


def _pair(values) -> tuple[float, float]:
    lo, hi = (float(v) for v in np.ravel(values))
    return lo, hi


# ------------------------------------------------------------------ abstract and introduction


@statement("c-exp-typical-3e-4")
def median_measured_c() -> float:
    """Median C_exp of the ten glasses of Table I [10⁻⁴]."""
    return median_measured_coupling_constant() / C_SCALE


@statement("c-exp-range-2-5e-4")
def measured_c_range() -> tuple[float, float]:
    """(min, max) of Table I's C_exp column [10⁻⁴]."""
    lo, hi = measured_coupling_constant_range()
    return lo / C_SCALE, hi / C_SCALE


not_checkable("gamma-exp-about-1ev")
not_checkable("gamma-exp-0.65-1ev")
not_checkable("gamma-l-over-v-l")

# ------------------------------------------------------------------ Eq. (6): Yu and Leggett


@statement("yl-c-of-order-1")
def sio2_yu_leggett_coupling_constant() -> float:
    """C of Eq. (1) with the Yu–Leggett P̄ ≈ ρv²/γ² of Eq. (6), for SiO₂ (γ cancels) [dimensionless]."""
    m = _sio2()
    gamma = predict(m, alpha=PAPER.alpha).gamma_eff
    return float(coupling_constant(yu_leggett_dos(m.density, m.velocity, gamma), gamma, m.density, m.velocity))


def yu_leggett_exact_excess_decades() -> float:
    """:func:`yu_leggett_excess_decades` with the exact Lorentzian prefactor 3/(2π³) of Eq. (6)'s ≈ [decades]."""
    return float(np.log10(LORENTZIAN_DOS_PREFACTOR * 10 ** yu_leggett_excess_decades()))


@statement("yl-four-orders-too-large", exact=yu_leggett_exact_excess_decades)
def yu_leggett_excess_decades() -> float:
    """log₁₀ of the Yu–Leggett C over the median C_exp of Table I (text below Eq. 6) [decades]."""
    return float(np.log10(sio2_yu_leggett_coupling_constant() / median_measured_coupling_constant()))


not_checkable("yl-pbar-100x-specific-heat")

# ------------------------------------------------------------------ typos


@statement("typo-exponent-before-eq8")
def sio2_pbar_over_interacting_dos() -> float:
    """P̄/ñ_o of Eq. (9) for SiO₂: the Jacobian (γ_o/γ_max)² of γ² → ln Δ° [dimensionless]."""
    m = _sio2()
    p = predict(m, alpha=PAPER.alpha)
    return float(
        p_bar(m.density, m.velocity, p.gamma_max, p.gamma_o) / interacting_dos(m.density, m.velocity, p.gamma_max)
    )


def rounded_sio2_tunneling_mass() -> float:
    """M = ρv_o with the paper's rounded SiO₂ inputs (2200 kg/m³, 45 Å³; text below Eq. 14) [kg]."""
    return float(tunneling_mass(parameter("sio2_density"), parameter("sio2_formula_volume")))


@statement("typo-eq14-exponent")
def exponent_power_of_barrier() -> float:
    """d ln(exponent)/d ln V of the WKB exponent as coded (√(2MV)d/ħ): 1/2, where Eq. (14) as printed has 1."""
    barriers = np.array([1.0, 2.0]) * K
    exponents = -np.log(wkb_tunneling(1.0, rounded_sio2_tunneling_mass(), barriers, ANGSTROM))
    return float(np.log(exponents[1] / exponents[0]) / np.log(barriers[1] / barriers[0]))


@statement("typo-2pi-power-above-eq7")
@statement("eq7-one-third-from-gaussian", with_sqrt_pi=lambda: paper_gaussian_times_sqrt_pi())
def paper_gaussian_zero_field_density() -> float:
    """P(ε → 0) of a Gaussian with the variance stated above Eq. (7), in units of ρv²V_o/γ_max²: 3/(2π)^(3/2)."""
    return float(gaussian_zero_field_density(field_variance(paper_exclusion_radius())))


def paper_gaussian_times_sqrt_pi() -> float:
    """√π × :func:`paper_gaussian_zero_field_density` = 3/(2^(3/2)π) ≈ 0.338: Eq. (7)'s 1/3 if a √π were dropped."""
    return float(np.sqrt(np.pi) * paper_gaussian_zero_field_density())


# ------------------------------------------------------------------ Eq. (10), α, the couplings


@statement("ln-half-1.5-at-1k")
def log_factor_at_1k() -> float:
    """ln^{1/2}(Δ°_max/Δ°) of Eq. (10) at Δ° = 1 K [dimensionless]."""
    return float(tunneling_log_factor(1.0 * K, tunneling_max=PAPER.tunneling_max))


@statement("ln-half-5-at-5e-11k")
def log_factor_at_5e_11k() -> float:
    """ln^{1/2}(Δ°_max/Δ°) of Eq. (10) at Δ° = 5×10⁻¹¹ K [dimensionless]."""
    return float(tunneling_log_factor(5e-11 * K, tunneling_max=PAPER.tunneling_max))


@statement("period-1s-at-5e-11k")
def period_at_5e_11k() -> float:
    """Oscillation period h/Δ° at Δ° = 5×10⁻¹¹ K [s]."""
    return float(tunneling_period(5e-11 * K))


@statement("alpha-between-1-and-5", needed=alpha_needed)
def log_factor_range() -> tuple[float, float]:
    """ln^{1/2}(Δ°_max/Δ°) at Δ° = 1 K and 5×10⁻¹¹ K, the ends of the paper's α range [dimensionless]."""
    return _pair(tunneling_log_factor(np.array([1.0, 5e-11]) * K, tunneling_max=PAPER.tunneling_max))


def rounded_sio2_coupling_scale() -> float:
    """√(ρv²v_oħω_D) with the rounded SiO₂ inputs of the conclusions (2200 kg/m³, 4200 m/s, 45 Å³, 350 K) [J]."""
    scale = elastic_energy_scale(
        parameter("sio2_density"), parameter("sio2_velocity"), parameter("sio2_formula_volume")
    )
    return float(np.sqrt(scale * parameter("sio2_debye_energy")))


@statement("gamma-scale-sio2-0.57ev")
def rounded_sio2_coupling_scale_ev() -> float:
    """:func:`rounded_sio2_coupling_scale` [eV]."""
    return rounded_sio2_coupling_scale() / EV


def sio2_effective_coupling(parameters=PAPER) -> float:
    """γ_eff = αγ_o of SiO₂ from its Table I row [eV]."""
    return effective_coupling("SiO2") / EV * parameters.alpha / PAPER.alpha


statement(
    "gamma-eff-sio2-in-exp-range",
    gamma_eff=sio2_effective_coupling,
    gamma_eff_ends=lambda: tuple(sio2_effective_coupling(PAPER.replace(alpha=a)) for a in parameter("alpha_range")),
)(rounded_sio2_coupling_scale_ev)


@statement("gamma-eff-order-1ev")
def effective_coupling_range_ev() -> tuple[float, float]:
    """(min, max) of γ_eff over Table I [eV]."""
    lo, hi = effective_coupling_range()
    return lo / EV, hi / EV


# ------------------------------------------------------------------ Eqs. (4)-(5): the polaron


@statement("eq5-prefactor-sqrt2-over-3", choices=("angular_average",))
def sio2_eq5_prefactor(parameters=PAPER) -> float:
    """c in γ_o = c √(ρv²v_oħω_D) from the continuum overlap exponent with ⟨A⟩ = 3, SiO₂ inputs (Eqs. 4, 5)."""
    m = _sio2()
    gamma = EV  # any coupling: W ∝ γ²
    w = overlap_exponent(gamma, m.density, m.velocity, m.formula_volume, parameters.angular_average)
    return float(gamma / np.sqrt(w) / coupling_scale(m.density, m.velocity, m.formula_volume))


@statement("eq4-box-sum-of-modes")
def sio2_box_sum_over_continuum() -> float:
    """Explicit mode sum of the overlap exponent in a periodic box over γ²/γ_o² (Eq. 4 vs Eq. 5), SiO₂.

    The box side L makes the Debye sphere 36 in units of 2π/L (about (4π/3)·36³ ≈ 2×10⁵
    wavevectors, three polarizations each, unit coupling to each).
    """
    m = _sio2()
    k_d = float(debye_wavenumber(m.formula_volume))
    side = 2.0 * np.pi * 36.0 / k_d
    k = box_wavevectors(side, k_d)
    g_o = float(gamma_o(m.density, m.velocity, m.formula_volume))
    return mode_sum_overlap_exponent(g_o, m.density, m.velocity, side, k, np.ones((len(k), 3)))


# ------------------------------------------------------------------ the coupling distribution


@statement("vector-dipoles-mean-gamma2-half")
def vector_mean_gamma2() -> float:
    """Monte Carlo ⟨γ²⟩/γ_max² of random vector dipoles [γ_max²]."""
    return vector_mean_coupling_squared(COUPLING_SEED, COUPLING_DRAWS)


def uniaxial_weight_above_half_paper_units() -> float:
    """Exact weight of uniaxial dipoles above γ²/γ_max² = 1/2 with γ_max the size of each well's dipole: 1/√3.

    In the units of :func:`~tlslib.coupling_distribution.tensor_coupling_squared` the threshold is
    1/2 divided by :func:`~tlslib.coupling_distribution.paper_normalisation_ratio` (2/3).
    """
    threshold = 0.5 / paper_normalisation_ratio(UNIAXIAL_EIGENVALUES)
    return float(1.0 - uniaxial_coupling_squared_cdf(threshold))


@statement(
    "tensor-dipoles-favour-large-gamma", choices=("tensor_shape",), paper_units=uniaxial_weight_above_half_paper_units
)
def uniaxial_weight(parameters=PAPER) -> float:
    """Monte Carlo fraction of tensor dipoles (the book's uniaxial shape) with γ² > γ_max²/2 [fraction]."""
    x = tensor_coupling_squared(np.random.default_rng(COUPLING_SEED), COUPLING_DRAWS, parameters.tensor_shape)
    return float(np.mean(x > 0.5))


# ------------------------------------------------------------------ Eq. (7)


@statement("eq7-one-third-frozen-gas", no_exclusion=lambda: float(poisson_field_pdf(0.0, 0.0)))
def frozen_gas_zero_field_density() -> float:
    """Exact P(ε → 0) of the frozen Poisson gas with the paper's exclusion radius, in units of ρv²V_o/γ_max²."""
    return float(poisson_field_pdf(0.0, paper_exclusion_radius()))


# ------------------------------------------------------------------ Eqs. (12)-(13) and the conclusions

statement("eq12-from-eq1-and-eq9")(eq12_identity_ratio)


@statement("eq13-prefactor-0.23")
def gamma_max_prefactor() -> float:
    """a = (4/3)(2/9π)^(2/3) of Eq. (13)."""
    return GAMMA_MAX_PREFACTOR


not_checkable("note19-interstitial-10-20ev", gamma_max=gamma_max_range)


@statement("lat-c-10x-below-sio2")
def sio2_over_lat() -> float:
    """Recomputed C of SiO₂ over that of LAT [ratio]."""
    return coupling_constant_ratio("SiO2", "LAT")


statement("spread-slightly-larger", recomputed=recomputed_to_measured_spread)(predicted_to_measured_spread)


@statement("q-inverse-order-1e-4", choices=("alpha",))
def median_internal_friction_1e4(parameters=PAPER) -> float:
    """Q⁻¹ of the median recomputed C of Table I (C ∝ α², Eq. 12) [10⁻⁴]."""
    return median_internal_friction() / C_SCALE * (parameters.alpha / PAPER.alpha) ** 2


# ------------------------------------------------------------------ observables and κ


@statement("velocity-shift-minus-half-c")
def velocity_slope_per_c() -> float:
    """Resonant plus relaxation slope of Δv/v per e-fold of T, per unit C [C]."""
    return float(combined_sound_velocity_log_slope(1.0))


statement("kappa-dominant-phonon-2kt")(dominant_phonon_ratio)


@statement("kappa-log-coefficient-2")
def kappa_log_coefficient_paper() -> float:
    """The coefficient of ln(Δ°_max/E) in κ's denominator at the paper's Δ°_max (it is 2 at any)."""
    return kappa_log_coefficient(PAPER.tunneling_max)


@statement("kappa-constant-over-coefficient", without=lambda: kappa_log_constant_without_jacobian() / 2.0)
def kappa_constant_over_coefficient() -> float:
    """c/2 of κ ∝ T²/(c + 2 ln(Δ°_max/2k_BT)): the only part of the denominator free of its normalisation."""
    return kappa_log_constant() / kappa_log_coefficient(tunneling_max=PAPER.tunneling_max)


def kappa_log_constant_without_jacobian() -> float:
    """The κ constant with the Jacobian E/ε dropped and the phonon at 2k_BT: the paper's 1."""
    return kappa_log_constant(jacobian=False, phonon_ratio=2.0)


def exact_log_offset_doubled() -> float:
    """2(1 − ln 2): the constant per resonant TLS at E = 2k_BT with the Jacobian kept."""
    return kappa_log_constant(jacobian=True, phonon_ratio=2.0)


statement("kappa-log-constant-1", without=kappa_log_constant_without_jacobian)(kappa_log_constant)
statement("kappa-log-constant-without-jacobian", with_jacobian=exact_log_offset_doubled)(
    kappa_log_constant_without_jacobian
)

# ------------------------------------------------------------------ Eq. (14): the WKB barrier


@statement("eq14-log-35")
def sio2_log_debye_over_tunneling() -> float:
    """ħω_D/Δ°_max with SiO₂'s Table I T_D (the argument of ln(35) below Eq. 14) [dimensionless]."""
    m = _sio2()
    return float(debye_energy(m.velocity, m.formula_volume) / PAPER.tunneling_max)


@statement("eq14-coefficient-1.6")
def rounded_sio2_wkb_coefficient() -> float:
    """The paper's "1.6" in 1.6√V d (V in K, d in Å) for the rounded SiO₂ mass (text below Eq. 14)."""
    return float(wkb_exponent_coefficient(rounded_sio2_tunneling_mass()))


def _rounded_sio2_barrier(distance: float) -> float:
    mass = rounded_sio2_tunneling_mass()
    return float(barrier_height(parameter("sio2_debye_energy"), PAPER.tunneling_max, mass, distance) / K)


@statement("eq14-barrier-5k-at-1a")
def sio2_barrier_at_1a() -> float:
    """Barrier V of Eq. (14) for SiO₂ (ħω_D ~ 350 K, Δ°_max ~ 10 K, rounded mass) at d = 1 Å [K]."""
    return _rounded_sio2_barrier(1.0 * ANGSTROM)


@statement("eq14-barrier-20k-at-half-a")
def sio2_barrier_at_half_a() -> float:
    """Barrier V of Eq. (14) for SiO₂ at d = 0.5 Å [K]."""
    return _rounded_sio2_barrier(0.5 * ANGSTROM)


not_checkable("barrier-1-30k-plateau")

# ------------------------------------------------------------------ Eq. (15): above the barrier


@statement("high-t-c-one-sixth")
def sio2_high_temperature_coupling_constant() -> float:
    """C above the barrier scale (text above Eq. 15) for the SiO₂ row of Table I [dimensionless]."""
    m = _sio2()
    return float(high_temperature_coupling_constant(m.density, m.velocity, predict(m, alpha=PAPER.alpha).gamma_max))


@statement("eq15-mean-free-path-0.3")
@statement("conclusion-mean-free-path-1")
def sio2_high_temperature_mean_free_path_ratio() -> float:
    """ℓ/λ = 1/(2π²C) of Eq. (15) with the high-temperature C of SiO₂ [dimensionless]."""
    return float(mean_free_path_ratio(sio2_high_temperature_coupling_constant()))


# ------------------------------------------------------------------ the α each measurement selects (which-alpha)

statement("alpha-selected-below-1k-in-1-to-5")(experimental_alpha_range)


_BAND_CHOICES = (
    "tunneling_max",
    "relaxation_branches",
    "band_friction_frequencies",
    "band_friction_temperatures",
    "band_velocity_temperatures",
)


def _edges(
    parameters: ParameterSet,
    band_friction_frequencies: tuple[float, float] | None = None,
    band_friction_temperatures: tuple[float, float] | None = None,
    band_velocity_temperatures: tuple[float, float] | None = None,
) -> BandEdges:
    """:data:`~tlslib.paper.measurement_band.STANDARD_BAND` with ``parameters`` and the band-edge choices.

    The edges come as the ledger passes them (:meth:`~tlslib.paper.registry.Statement.at`): SI,
    so frequencies in Hz and temperatures in J (converted here to the band's kelvin).
    """
    edges = STANDARD_BAND.replace(tunneling_max=parameters.tunneling_max, branches=parameters.relaxation_branches)
    changes: dict[str, tuple[float, float]] = {}
    if band_friction_frequencies is not None:
        changes["friction_frequencies"] = (float(band_friction_frequencies[0]), float(band_friction_frequencies[1]))
    if band_friction_temperatures is not None:
        changes["friction_temperatures"] = (band_friction_temperatures[0] / K, band_friction_temperatures[1] / K)
    if band_velocity_temperatures is not None:
        changes["velocity_temperatures"] = (band_velocity_temperatures[0] / K, band_velocity_temperatures[1] / K)
    return edges.replace(**changes)


def closest_outside_band(parameters: ParameterSet = PAPER) -> float:
    """Smallest relative distance in α of a glass outside its band, with ``parameters`` [fraction]."""
    edges = _edges(parameters)
    gaps = [
        max(lo / a - 1.0, a / hi - 1.0)
        for a, (lo, hi) in zip(
            alpha_needed(), (measurement_band(r.material, edges) for r in table1_rows()), strict=True
        )
    ]
    return float(min(g for g in gaps if g > 0.0))


@statement(
    "alpha-2.5-in-measurement-band",
    choices=_BAND_CHOICES,
    band=measurement_band_range,
    inside=alpha_inside_band_fraction,
)
def band_centre(parameters: ParameterSet = PAPER, **band_edges: tuple[float, float]) -> float:
    """√(α_low α_high) over the ten glasses' bands (:func:`~tlslib.paper.measurement_band.measurement_band_centre`)."""
    return measurement_band_centre(_edges(parameters, **band_edges))


#: The internal friction of the tunneling-time example (which-alpha): 1 kHz [Hz] and 0.5 K [K].
HEURISTIC_FREQUENCY, HEURISTIC_TEMPERATURE = 1000.0, 0.5


def relaxation_tunneling_at_1khz() -> float:
    """Δ°/hf of the TLS that internal friction selects at 1 kHz and 0.5 K, SiO₂ [Δ°/hf]."""
    return relaxation_tunneling_over_hf(HEURISTIC_FREQUENCY, HEURISTIC_TEMPERATURE)


# The paper says only that Δ° "dictates which TLS can respond"; the rule Δ° ≈ hf is not in it.
not_checkable(
    "heuristic-tunneling-time-selects-tls",
    ratio=relaxation_tunneling_at_1khz,
    frequency=lambda: HEURISTIC_FREQUENCY,
    temperature=lambda: HEURISTIC_TEMPERATURE,
    alpha=lambda: glass_relaxation_alpha(HEURISTIC_FREQUENCY, HEURISTIC_TEMPERATURE),
    heuristic=lambda: tunneling_time_alpha(HEURISTIC_FREQUENCY, tunneling_max=PAPER.tunneling_max),
    # at any f with hf < Δ°_max the ratio is 2/e; 1 GHz as an example
    resonant=lambda: resonant_tunneling_over_hf(1e9, PAPER.tunneling_max),
)


@statement(
    "abstract-agreement-individual-glasses",
    choices=_BAND_CHOICES,
    paper=paper_range_agreement,
    closest=closest_outside_band,
)
def band_agreement(parameters: ParameterSet = PAPER, **band_edges: tuple[float, float]) -> float:
    """Fraction of the ten glasses whose C_exp lies inside the C_th band of the measurements behind it.

    :func:`~tlslib.paper.measurement_band.measurement_band_agreement`, with the band's choices.
    """
    return measurement_band_agreement(_edges(parameters, **band_edges))


# ------------------------------------------------------------------ how firm is C? (error-budget)


@statement(
    "c-order-3e-4-under-error-budget",
    extremes=extremes_band,
    best=best_estimate_range,
)
def best_estimate_range_1e4() -> tuple[float, float]:
    """(smallest, largest) best estimate of C over the ten glasses, every budget factor central [10⁻⁴]."""
    lo, hi = best_estimate_range()
    return lo / C_SCALE, hi / C_SCALE


def sio2_resolved_window() -> tuple[float, float]:
    """The resolved |ε| window of the cached runs in kelvin for SiO₂ with one TLS per formula unit, V_o = v_o [K].

    V_o = v_o makes E_u (and so the window) as large as it can be: the lowest energy resolved
    is then a lower bound.
    """
    m = _sio2()
    unit = float(reduced_energy_unit(m, m.formula_volume))
    lo, hi = resolved_field_window()
    return lo * unit, hi * unit


def sio2_all_tls_gap_factor() -> float:
    """ñ_o(k_B·1 K)/ñ_o of Burin's form with b = :func:`~tlslib.dipole_gap.all_tls_gap_strength`, for SiO₂.

    E_0 = :data:`~tlslib.dipole_gap.GAP_ONSET` E_u, V_o = v_o; 1 if only the tunneling TLS
    equilibrate (b ~ C).
    """
    m = _sio2()
    reduced = 1.0 / float(reduced_energy_unit(m, m.formula_volume))
    return float(log_gap_ratio(reduced, GAP_ONSET, all_tls_gap_strength()))


not_checkable("eq7-flat-density-at-1k", window=sio2_resolved_window, gap=sio2_all_tls_gap_factor)

# ------------------------------------------------------------------ Table I, cell by cell


def recomputed_debye_temperature(glass: str) -> float:
    """T_D = ħv(6π²/v_o)^{1/3}/k_B of a Table I glass from its printed v and v_o [K]."""
    return recomputed_debye_energy(glass) / K


def recomputed_c_th(glass: str) -> float:
    """C_th of Eq. (12) from a Table I glass's printed ρ, v, v_o [10⁻⁴]."""
    return recomputed_coupling_constant(glass) / C_SCALE


for _row in table1_rows():
    statement(f"table1-{_row.glass.lower()}-debye-temperature")(partial(recomputed_debye_temperature, _row.glass))
    statement(f"table1-{_row.glass.lower()}-c-th")(partial(recomputed_c_th, _row.glass))


@statement("table1-sio2-formula-volume")
def sio2_formula_volume() -> float:
    """v_o = M/(N_Aρ) of SiO₂ from its formula and printed ρ [Å³]."""
    return monomer_formula_volume("SiO2", "SiO2") / ANGSTROM**3


@statement("table1-pmma-formula-volume", rho=lambda: density_for_printed_volume("C5H8O2", "PMMA"))
def pmma_formula_volume() -> float:
    """v_o = M/(N_Aρ) of PMMA from its monomer C₅H₈O₂ and printed ρ [Å³]."""
    return monomer_formula_volume("C5H8O2", "PMMA") / ANGSTROM**3
