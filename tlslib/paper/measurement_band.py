"""The α of the measurements behind the paper's numbers: the C_exp band of Table I and SiO₂ below 1 K.

The paper grants α = γ_eff/γ_o only as "some constant between 1 and 5" (text above Eq. 12).
:mod:`tlslib.measurement_alpha` computes the α that one measurement selects; this module
applies it to the measurements the paper relies on. The band of measurements behind Table I's
C_exp (:func:`measurement_band`) is described by :class:`BandEdges`, whose standard value
:data:`STANDARD_BAND` is read from data/parameters.toml (internal friction from 100 Hz to 30 MHz
at 0.1–1 K, velocity slopes from 10 mK to 1 K, Δ°_max = 10 K); :func:`agreement_count` counts the
glasses of Table I whose C_exp lies inside the band for any edges, so a verdict can be tested
against them. :func:`experimental_alpha_range` covers every measurement below 1 K for SiO₂.
Every function returns a pure number and is cached where it solves for α, so the ledger stays
fast (chapter which-alpha).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import constants

from tlslib.coupling import gamma_max, gamma_o
from tlslib.effective_model import tunneling_window
from tlslib.materials import Material
from tlslib.measurement_alpha import (
    conductivity_alpha,
    correlated_alpha_for_coupling_constant,
    relaxation_alpha,
    relaxation_rate_scale,
    relaxation_regime_ratio,
    relaxation_slope_alpha,
    resonant_alpha,
    velocity_alpha_closed_form,
    velocity_slope_alpha,
)
from tlslib.paper.parameters import PAPER, entry
from tlslib.paper.table1 import recomputed_coupling_constant, table1_row, table1_rows
from tlslib.paper.table1_audit import alpha_needed

__all__ = [
    "BandEdges",
    "STANDARD_BAND",
    "band_temperatures",
    "glass_relaxation_alpha",
    "experimental_alpha_range",
    "relaxation_tunneling_over_hf",
    "measurement_band",
    "band_alphas",
    "measurement_band_range",
    "measurement_band_centre",
    "alpha_inside_band_fraction",
    "glasses_inside",
    "agreement_count",
    "measurement_band_agreement",
    "paper_range_agreement",
    "alpha_needed_printed",
]


def _pair(name: str) -> tuple[float, float]:
    lo, hi = entry(name).value  # type: ignore[misc]
    return float(lo), float(hi)


@dataclass(frozen=True)
class BandEdges:
    """The edges of the band of measurements behind C_exp (all of them book choices).

    Attributes
    ----------
    friction_frequencies : tuple of float
        (lowest, highest) frequency of internal friction [Hz]; α falls monotonically with f,
        so the two ends suffice.
    friction_temperatures : tuple of float
        (lowest, highest) temperature of internal friction [K], scanned at
        ``points_per_decade``.
    velocity_temperatures : tuple of float
        (lowest, highest) temperature of the sound-velocity slopes [K]: resonant slopes with
        √(T₁T₂) anywhere in the range (:func:`~tlslib.measurement_alpha.velocity_alpha_closed_form`,
        monotonic), and relaxation-regime slopes at the lowest friction frequency between
        adjacent scan temperatures, kept where the standard slope is within
        ``regime_tolerance`` of the paper's −C/2.
    tunneling_max : float
        Δ°_max [J].
    branches : float
        n in τ⁻¹ = n γ² Δ°² E coth(E/2k_BT)/(2πρv⁵ħ⁴).
    points_per_decade : int
        Scan temperatures per decade.
    regime_tolerance : float
        See ``velocity_temperatures``.
    correlated : bool
        The γ–ε correlation variant (:func:`~tlslib.measurement_alpha.correlation_weight`).
    """

    friction_frequencies: tuple[float, float]
    friction_temperatures: tuple[float, float]
    velocity_temperatures: tuple[float, float]
    tunneling_max: float
    branches: float = PAPER.relaxation_branches
    points_per_decade: int = 4
    regime_tolerance: float = 0.1
    correlated: bool = False

    def replace(self, **changes: object) -> BandEdges:
        """A copy with some edges changed (e.g. ``STANDARD_BAND.replace(tunneling_max=20 * k)``)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


#: The band at the book's standard conditions, from data/parameters.toml (band_* entries).
STANDARD_BAND: BandEdges = BandEdges(
    friction_frequencies=_pair("band_friction_frequencies"),
    friction_temperatures=_pair("band_friction_temperatures"),
    velocity_temperatures=_pair("band_velocity_temperatures"),
    tunneling_max=PAPER.tunneling_max,
    branches=PAPER.relaxation_branches,
    points_per_decade=int(entry("band_points_per_decade").value),  # type: ignore[arg-type]
    regime_tolerance=float(entry("relaxation_regime_tolerance").value),  # type: ignore[arg-type]
)

# Measurements below 1 K (experimental_alpha_range): relaxation from 1 Hz to 10 GHz, resonant absorption
# from 1 MHz to 10 GHz, velocity slopes and conductivity from 10 mK to 1 K.
_RELAXATION_ENDS = (1.0, 1e10)
_RESONANT_ENDS = (1e6, 1e10)
_LOW_T_RANGE = (0.01, 1.0)
_RELAXATION_TEMPERATURES = (0.01, 0.1, 0.5, 1.0)


def band_temperatures(low: float, high: float, points_per_decade: int) -> tuple[float, ...]:
    """Scan temperatures from low to high [K]: 10^(k/points_per_decade) on a global grid, plus the ends.

    The grid is common to every range (0.1 K and 10 mK lie on it), so bands with different lower
    edges share their relaxation-slope intervals (and the cache).
    """
    if low > high:
        raise ValueError(f"temperature range ({low}, {high}) is reversed")
    k = np.arange(
        np.ceil(np.log10(low) * points_per_decade - 1e-9), np.floor(np.log10(high) * points_per_decade + 1e-9) + 1
    )
    inner = [float(10.0 ** (i / points_per_decade)) for i in k]
    points = sorted({round(t, 12) for t in [low, *inner, high]})
    return tuple(points)


def _relaxation_scales(
    material: Material, tunneling_max: float = PAPER.tunneling_max, branches: float = PAPER.relaxation_branches
) -> tuple[float, float]:
    """(R(γ_o) [J⁻³ s⁻¹], Δ°_min [J]) of a glass: Eq. (5) and Δ°_min = Δ°_max e^{−γ_max²/γ_o²} (Eqs. 4, 13)."""
    m = material
    g_o = float(gamma_o(m.density, m.velocity, m.formula_volume))
    g_max = float(gamma_max(m.density, m.velocity, m.formula_volume))
    low, _ = tunneling_window(g_max, g_o, tunneling_max)
    return float(relaxation_rate_scale(g_o, m.density, m.velocity, branches)), float(low)


def glass_relaxation_alpha(frequency: float, temperature: float, glass: str = "SiO2") -> float:
    """α of internal friction at f and T for one glass of Table I, with the model's own Δ° window.

    :func:`~tlslib.measurement_alpha.relaxation_alpha` with R(γ_o) of Eq. (5) and
    Δ°_min = Δ°_max e^{−γ_max²/γ_o²} (Eqs. 4, 13).

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature : float
        T [K].
    glass : str, optional
        Name of the Table I row.
    """
    rate, low = _relaxation_scales(table1_row(glass).material)
    return relaxation_alpha(frequency, temperature, rate, PAPER.tunneling_max, low)


@lru_cache(maxsize=1)
def experimental_alpha_range() -> tuple[float, float]:
    """(smallest, largest) α that measurements below 1 K select for SiO₂, Eqs. (8), (10) [dimensionless].

    Internal friction from 1 Hz to 10 GHz (α falls monotonically with f at fixed T, so the two
    ends suffice) at 10 mK, 0.1, 0.5 and 1 K (Δ°_min = 0; α at both ends is monotonic in T, so the
    extremes are at 10 mK or 1 K); resonant absorption from
    1 MHz to 10 GHz (:func:`~tlslib.measurement_alpha.resonant_alpha`, monotonic); velocity slopes
    with √(T₁T₂) from 10 mK to 1 K (monotonic) and thermal conductivity from 10 mK to 1 K
    (monotonic over this range). Δ°_max = 10 K.
    """
    rate, _ = _relaxation_scales(table1_row("SiO2").material)
    values = [
        relaxation_alpha(f, t, rate, tunneling_max=PAPER.tunneling_max)
        for f in _RELAXATION_ENDS
        for t in _RELAXATION_TEMPERATURES
    ]
    values += [float(a) for a in resonant_alpha(np.array(_RESONANT_ENDS), tunneling_max=PAPER.tunneling_max)]
    values += [
        float(a)
        for a in velocity_alpha_closed_form(
            np.array(_LOW_T_RANGE), np.array(_LOW_T_RANGE), tunneling_max=PAPER.tunneling_max
        )
    ]
    values += [float(a) for a in conductivity_alpha(np.array(_LOW_T_RANGE), tunneling_max=PAPER.tunneling_max)]
    return min(values), max(values)


def relaxation_tunneling_over_hf(frequency: float, temperature: float, glass: str = "SiO2") -> float:
    """Δ°/hf of the TLS whose Eq. (10) coupling is the α of internal friction at f and T.

    Δ° = Δ°_max e^{−α²} with α from :func:`glass_relaxation_alpha`; the tunneling-time heuristic
    predicts 1.

    Parameters
    ----------
    frequency : float
        f [Hz].
    temperature : float
        T [K].
    glass : str, optional
        Name of the Table I row.
    """
    alpha = glass_relaxation_alpha(frequency, temperature, glass)
    return float(PAPER.tunneling_max * np.exp(-(alpha**2)) / (constants.h * frequency))


def _friction_alpha(material: Material, frequency: float, temperature: float, edges: BandEdges) -> float:
    return _friction_alpha_cached(
        material, frequency, temperature, edges.tunneling_max, edges.branches, edges.correlated
    )


@lru_cache(maxsize=8192)
def _friction_alpha_cached(
    material: Material, frequency: float, temperature: float, tunneling_max: float, branches: float, correlated: bool
) -> float:
    rate, low = _relaxation_scales(material, tunneling_max, branches)
    return relaxation_alpha(frequency, temperature, rate, tunneling_max, low, correlated)


@lru_cache(maxsize=256)
def _resonant_slope_alpha(temperature: float, tunneling_max: float, correlated: bool) -> float:
    if correlated:
        return velocity_slope_alpha(temperature, tunneling_max, True)
    return float(velocity_alpha_closed_form(temperature, temperature, tunneling_max))


def _relaxation_slope(material: Material, t1: float, t2: float, edges: BandEdges) -> tuple[float, float]:
    e = edges
    return _relaxation_slope_cached(
        material, t1, t2, e.friction_frequencies[0], e.tunneling_max, e.branches, e.correlated, e.regime_tolerance
    )


@lru_cache(maxsize=8192)
def _relaxation_slope_cached(
    material: Material, t1: float, t2: float, f: float, dmax: float, branches: float, corr: bool, tolerance: float
) -> tuple[float, float]:
    """(α of the velocity slope at the lowest friction frequency between t1 and t2, S_std/(−C/2) at that α).

    Screened first: where the standard slope at the internal-friction α of √(t1 t2) is further
    than twice the tolerance from −C/2 the interval is outside the relaxation regime, and (NaN, NaN)
    is returned without solving.
    """
    rate, low = _relaxation_scales(material, dmax, branches)
    guess = _friction_alpha_cached(material, f, float(np.sqrt(t1 * t2)), dmax, branches, corr)
    if abs(relaxation_regime_ratio(f, t1, t2, rate, guess, dmax, low, corr) - 1.0) > 2.0 * tolerance:
        return float("nan"), float("nan")
    alpha = relaxation_slope_alpha(f, t1, t2, rate, dmax, low, corr, initial_alpha=guess)
    if not np.isfinite(alpha):
        return alpha, float("nan")
    return alpha, relaxation_regime_ratio(f, t1, t2, rate, alpha, dmax, low, corr)


def band_alphas(material: Material, edges: BandEdges = STANDARD_BAND) -> dict[str, tuple[float, ...]]:
    """Every α that enters :func:`measurement_band`, by kind of measurement.

    ``friction``: internal friction at both ends of ``friction_frequencies`` and every scan
    temperature of ``friction_temperatures``; ``resonant slope``: the resonant velocity slope
    with √(T₁T₂) at both ends of ``velocity_temperatures``; ``relaxation slope``: the velocity slope
    at the lowest friction frequency between adjacent scan temperatures of
    ``velocity_temperatures``, kept where :func:`~tlslib.measurement_alpha.relaxation_regime_ratio`
    is within ``regime_tolerance`` of 1 (the paper's −C/2 applies).

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    edges : BandEdges, optional
        The band (:data:`STANDARD_BAND`).
    """
    e = edges
    temps = band_temperatures(*e.friction_temperatures, e.points_per_decade)
    friction = tuple(_friction_alpha(material, f, t, e) for f in e.friction_frequencies for t in temps)
    resonant = tuple(_resonant_slope_alpha(t, e.tunneling_max, e.correlated) for t in e.velocity_temperatures)
    vtemps = band_temperatures(*e.velocity_temperatures, e.points_per_decade)
    relaxation = []
    for t1, t2 in zip(vtemps[:-1], vtemps[1:], strict=True):
        alpha, ratio = _relaxation_slope(material, t1, t2, e)
        if np.isfinite(ratio) and abs(ratio - 1.0) <= e.regime_tolerance:
            relaxation.append(alpha)
    return {"friction": friction, "resonant slope": resonant, "relaxation slope": tuple(relaxation)}


@lru_cache(maxsize=1024)
def measurement_band(material: Material, edges: BandEdges = STANDARD_BAND) -> tuple[float, float]:
    """(α_low, α_high) that the measurements behind C_exp select for one glass: the extremes of :func:`band_alphas`.

    R(γ_o) of Eq. (5) and the model's own window Δ°_min = Δ°_max e^{−γ_max²/γ_o²} (Eqs. 4, 13).

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    edges : BandEdges, optional
        The band (:data:`STANDARD_BAND`).
    """
    values = [a for group in band_alphas(material, edges).values() for a in group]
    return float(min(values)), float(max(values))


def _table1_bands(edges: BandEdges = STANDARD_BAND) -> list[tuple[float, float]]:
    return [measurement_band(r.material, edges) for r in table1_rows()]


def measurement_band_range(edges: BandEdges = STANDARD_BAND) -> tuple[float, float]:
    """(smallest α_low, largest α_high) of :func:`measurement_band` over the ten glasses of Table I."""
    bands = _table1_bands(edges)
    return min(b[0] for b in bands), max(b[1] for b in bands)


def measurement_band_centre(edges: BandEdges = STANDARD_BAND) -> float:
    """√(α_low α_high) of :func:`measurement_band_range`: the α of the geometric middle of its C range (C ∝ α²)."""
    lo, hi = measurement_band_range(edges)
    return float(np.sqrt(lo * hi))


def alpha_inside_band_fraction(alpha: float = PAPER.alpha, edges: BandEdges = STANDARD_BAND) -> float:
    """Fraction of the ten glasses of Table I whose :func:`measurement_band` contains α (the paper's 2.5 by default)."""
    return float(np.mean([lo <= alpha <= hi for lo, hi in _table1_bands(edges)]))


def _needed(correlated: bool) -> np.ndarray:
    """α that reproduces each C_exp: Eq. (12) (``table1_audit.alpha_needed``), or its correlated twin."""
    if not correlated:
        return alpha_needed()
    rows = table1_rows()
    m = [r.material for r in rows]
    g_o = np.array([float(gamma_o(x.density, x.velocity, x.formula_volume)) for x in m])
    g_max = np.array([float(gamma_max(x.density, x.velocity, x.formula_volume)) for x in m])
    return correlated_alpha_for_coupling_constant(np.array([r.c_exp for r in rows]), g_o, g_max)


def glasses_inside(edges: BandEdges = STANDARD_BAND) -> tuple[str, ...]:
    """Names of the Table I glasses whose C_exp lies inside the C_th band of :func:`measurement_band`.

    C_exp is inside when the α that reproduces it (Eq. 12 recomputed from the row's ρ, v, v_o;
    with ``edges.correlated`` the correlated C ∝ α of
    :func:`~tlslib.measurement_alpha.correlated_coupling_constant`) lies in the band. C_th is
    monotonic in α in both cases, so comparing α is comparing C.
    """
    needed = _needed(edges.correlated)
    rows = table1_rows()
    return tuple(r.glass for r, a, (lo, hi) in zip(rows, needed, _table1_bands(edges), strict=True) if lo <= a <= hi)


def agreement_count(
    friction_frequency_low: float | None = None,
    velocity_temperature_low: float | None = None,
    tunneling_max: float | None = None,
    *,
    friction_frequency_high: float | None = None,
    friction_temperature_low: float | None = None,
    temperature_high: float | None = None,
    correlated: bool = False,
    edges: BandEdges = STANDARD_BAND,
) -> int:
    """How many of the ten glasses of Table I have C_exp inside the band, for given band edges.

    Every argument left None keeps the edge of ``edges`` (:data:`STANDARD_BAND`, from
    data/parameters.toml); the three positional ones are the edges the chapter varies.

    Parameters
    ----------
    friction_frequency_low : float, optional
        Lowest internal-friction frequency [Hz] (standard 100 Hz; also where the relaxation-regime
        velocity slopes are taken).
    velocity_temperature_low : float, optional
        Lowest temperature of the velocity slopes [K] (standard 10 mK).
    tunneling_max : float, optional
        Δ°_max [J] (standard 10 K).
    friction_frequency_high : float, optional
        Highest internal-friction frequency [Hz] (standard 30 MHz).
    friction_temperature_low : float, optional
        Lowest internal-friction temperature [K] (standard 0.1 K).
    temperature_high : float, optional
        Highest temperature of every measurement [K] (standard 1 K).
    correlated : bool, optional
        The γ–ε correlation variant.
    edges : BandEdges, optional
        The band the changes apply to.
    """
    return len(
        glasses_inside(
            _edges(
                edges,
                friction_frequency_low,
                velocity_temperature_low,
                tunneling_max,
                friction_frequency_high,
                friction_temperature_low,
                temperature_high,
                correlated,
            )
        )
    )


def _edges(
    edges: BandEdges,
    f_low: float | None,
    v_low: float | None,
    dmax: float | None,
    f_high: float | None,
    t_low: float | None,
    t_high: float | None,
    correlated: bool,
) -> BandEdges:
    ff, ft, vt = edges.friction_frequencies, edges.friction_temperatures, edges.velocity_temperatures
    high_t = ft[1] if t_high is None else t_high
    return edges.replace(
        friction_frequencies=(ff[0] if f_low is None else f_low, ff[1] if f_high is None else f_high),
        friction_temperatures=(ft[0] if t_low is None else t_low, high_t),
        velocity_temperatures=(vt[0] if v_low is None else v_low, vt[1] if t_high is None else t_high),
        tunneling_max=edges.tunneling_max if dmax is None else dmax,
        correlated=correlated or edges.correlated,
    )


def measurement_band_agreement(edges: BandEdges = STANDARD_BAND) -> float:
    """Fraction of the ten glasses whose C_exp lies inside the C_th band of the measurements behind it.

    :func:`glasses_inside` over the number of rows; :func:`agreement_count` for other edges.
    """
    return len(glasses_inside(edges)) / len(table1_rows())


def paper_range_agreement(low: float = 1.0, high: float = 5.0) -> float:
    """Fraction of the ten glasses whose :func:`~tlslib.paper.table1_audit.alpha_needed` lies in the paper's 1 to 5."""
    return float(np.mean([low <= a <= high for a in alpha_needed()]))


def alpha_needed_printed() -> np.ndarray:
    """The α with which the *printed* C_th (at α = 2.5) would reach C_exp, in table order.

    Eq. (12) has C ∝ α², so this is :func:`~tlslib.paper.table1_audit.alpha_needed` (recomputed
    C_th) times √(C_th recomputed/C_th printed); the two differ only for the rows whose printed
    C_th does not follow from their inputs.
    """
    rows = table1_rows()
    ratio = np.array([recomputed_coupling_constant(r.glass) / r.c_th for r in rows])
    return alpha_needed() * np.sqrt(ratio)
