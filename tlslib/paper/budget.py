"""The error budget of book/error-budget.md: per glass, a sensitivity table of C, its best estimate and extremes.

The factors on C and how they combine are in :mod:`tlslib.error_budget`; this module fixes the
seed, the number of draws and the assumed input errors, takes α from the measurement band of
book/which-alpha.md (:func:`tlslib.paper.measurement_band.measurement_band`), and runs the
budget for one glass (:func:`glass_budget`, also for the CLI) or the ten of Table I
(:func:`budget_bands`; chapter error-budget, ledger entry c-order-3e-4-under-error-budget).
The ledger judges best estimates and extremes; the Monte Carlo percentiles are a sensitivity
display only (their width depends on how the factors are split).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tlslib.chain import predict
from tlslib.error_budget import (
    Factor,
    alpha_band_factor,
    correlation_factor,
    eq7_prefactor_factor,
    field_convention_factor,
    input_factor,
    input_log_sigma,
    joint_alpha_factor,
    monte_carlo_factors,
    planar_density_table,
    product_of_extremes,
    tensor_density_factor,
    tensor_interaction_factor,
)
from tlslib.materials import Material
from tlslib.paper.measurement_band import measurement_band
from tlslib.paper.parameters import PAPER
from tlslib.paper.table1 import table1_rows

__all__ = [
    "BUDGET_SEED",
    "BUDGET_DRAWS",
    "INPUT_UNCERTAINTY",
    "GlassBudget",
    "glass_budget",
    "BudgetBands",
    "budget_bands",
    "best_estimate_range",
    "monte_carlo_band",
    "monte_carlo_median_range",
    "extremes_band",
    "glasses_inside_monte_carlo_band",
]

#: Seed of the budget's random draws (book/error-budget.md): tensor J, planar P(γ²), Monte Carlo.
BUDGET_SEED: int = 20200221


#: Monte Carlo draws per glass (the sensitivity display).
BUDGET_DRAWS: int = 100_000


#: Assumed standard errors of the inputs, σ_x/x: Archimedes ρ, ultrasonic v, the formula unit's M.
INPUT_UNCERTAINTY: Mapping[str, float] = {"density": 0.01, "velocity": 0.02, "molar_mass": 0.10}


@lru_cache(maxsize=1)
def _shared() -> tuple[tuple[Factor, ...], tuple[np.ndarray, np.ndarray], Factor]:
    """(glass-independent model factors, planar P(γ²) table, inputs factor), drawn once from :data:`BUDGET_SEED`.

    The generator draws the tensor interaction factor, then the planar table, in that order
    (:func:`budget_bands` continues it for the Monte Carlo).
    """
    rng = np.random.default_rng(BUDGET_SEED)
    independent = (eq7_prefactor_factor(), field_convention_factor(), tensor_interaction_factor(rng))
    planar = planar_density_table(rng)
    for array in planar:
        array.flags.writeable = False
    return independent, planar, input_factor(input_log_sigma(INPUT_UNCERTAINTY))


@dataclass(frozen=True)
class GlassBudget:
    """The budget of one glass: C [dimensionless] and the factors on it.

    Attributes
    ----------
    glass : str
        Name.
    paper : float
        Eq. (12) with α = 2.5 (the paper's evaluation).
    best : float
        Eq. (12) times every central factor (α central).
    low, high : float
        Product of extremes: every low (high) end together, α over its band jointly with the
        γ–ε correlation and the P(γ²) shape.
    alpha_band : tuple of float
        (α_low, α_high) of the measurement band.
    alpha : float
        The central α.
    ratio : float
        γ_o/γ_max.
    factors : tuple of Factor
        The rows of the sensitivity table, in the order of the chapter.
    """

    glass: str
    paper: float
    best: float
    low: float
    high: float
    alpha_band: tuple[float, float]
    alpha: float
    ratio: float
    factors: tuple[Factor, ...]

    def tornado(self) -> list[tuple[str, float, float]]:
        """(name, C at the factor's low end, C at its high end) with every other factor central."""
        return [(f.name, self.best * f.low / f.central, self.best * f.high / f.central) for f in self.factors]

    def record(self) -> dict[str, object]:
        """The ``budget --json`` object of this glass (SI, C dimensionless)."""
        return {
            "glass": self.glass,
            "C_paper": self.paper,
            "C_best": self.best,
            "C_low": self.low,
            "C_high": self.high,
            "alpha": self.alpha,
            "alpha_band": list(self.alpha_band),
            "factors": [
                {"name": f.name, "low": f.low, "central": f.central, "high": f.high, "where": f.chapter}
                for f in self.factors
            ],
        }


@lru_cache(maxsize=256)
def glass_budget(
    material: Material,
    alpha: float = PAPER.alpha,
    name: str | None = None,
    alpha_band: tuple[float, float] | None = None,
) -> GlassBudget:
    """The sensitivity table of C for one glass, α from its measurement band (widened to contain ``alpha``).

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    alpha : float, optional
        The central α (the paper's 2.5 by default; the CLI passes a measurement's α).
    name : str, optional
        Label; the material's name by default.
    alpha_band : tuple of float, optional
        (α_low, α_high) instead of the measurement band (e.g. the paper's
        :func:`tlslib.error_budget.alpha_range`, to show what the band changes).
    """
    independent, planar, inputs = _shared()
    prediction = predict(material, PAPER.alpha)
    paper = float(prediction.coupling_constant)
    ratio = float(prediction.gamma_o / prediction.gamma_max)
    if not alpha * ratio < 1.0:
        raise ValueError(f"γ_eff = {alpha} γ_o is not below γ_max = {1.0 / ratio:.3g} γ_o: no budget")
    lo, hi = measurement_band(material) if alpha_band is None else alpha_band
    band = (min(lo, alpha), max(hi, alpha))
    # the paper's C at the central α: (α/2.5)² on Eq. (12)
    centre = paper * float(joint_alpha_factor(alpha, ratio, 0.0, alpha_central=PAPER.alpha))
    g_eff = alpha * ratio
    kappa = float(correlation_factor(g_eff))
    correlation = Factor("γ–ε correlation κ = P(0|γ_eff)/P(0)", 1.0, kappa, kappa, "mean-field-dos")
    density = tensor_density_factor(g_eff**2, planar)
    alpha_row = alpha_band_factor(band, ratio, alpha)
    prefactor, convention, tensor_j = independent
    factors = (prefactor, correlation, convention, tensor_j, density, alpha_row, inputs)
    best = centre * float(np.prod([f.central for f in factors]))
    low, _, high = product_of_extremes([*independent, inputs])
    alphas = np.geomspace(band[0], band[1], 201)
    joint = np.concatenate(
        [joint_alpha_factor(alphas, ratio, w, alpha_central=PAPER.alpha) for w in (0.0, 1.0)]
    )  # relative to α = 2.5
    planar_ends = np.tile(np.exp(np.interp(np.log((alphas * ratio) ** 2), np.log(planar[0]), np.log(planar[1]))), 2)
    ext_lo = paper * low * min(joint.min(), (joint * np.minimum(planar_ends, 1.0)).min())
    ext_hi = paper * high * (joint * np.maximum(planar_ends, 1.0)).max()
    return GlassBudget(
        name or material.name, paper, best, float(ext_lo), float(ext_hi), band, float(alpha), ratio, factors
    )


@dataclass(frozen=True)
class BudgetBands:
    """C per glass of Table I (dimensionless, in Table I order): Eq. (12) and the budget's estimates.

    Attributes
    ----------
    glasses : tuple of str
        Names of the rows.
    paper : numpy.ndarray
        Eq. (12) with α = 2.5, recomputed from each row's ρ, v, v_o.
    best : numpy.ndarray
        Product of the central factors (α = 2.5).
    extremes_low, extremes_high : numpy.ndarray
        Product of all low and all high ends, α over the measurement band jointly with the correlation.
    mc_low, mc_median, mc_high : numpy.ndarray
        5 %, 50 % and 95 % points of :func:`monte_carlo_factors` times Eq. (12): a sensitivity
        display, not an error bar.
    budgets : tuple of GlassBudget
        The per-glass sensitivity tables.
    """

    glasses: tuple[str, ...]
    paper: np.ndarray
    best: np.ndarray
    extremes_low: np.ndarray
    extremes_high: np.ndarray
    mc_low: np.ndarray
    mc_median: np.ndarray
    mc_high: np.ndarray
    budgets: tuple[GlassBudget, ...]


@lru_cache(maxsize=1)
def budget_bands() -> BudgetBands:
    """The budget of book/error-budget.md for the ten glasses: one seeded run, cached.

    :func:`glass_budget` per row of Table I; then a generator seeded with :data:`BUDGET_SEED`,
    advanced past the shared draws of :func:`_shared`, draws :data:`BUDGET_DRAWS` Monte
    Carlo draws per glass: independent factors log-uniform between their ends, α log-uniform
    over the glass's measurement band jointly with the correlation and the P(γ²) shape,
    inputs log-normal. The readings of γ_max (×16, ×81) are not in the band.
    """
    independent, planar, inputs = _shared()
    rng = np.random.default_rng(BUDGET_SEED)
    tensor_interaction_factor(rng)  # replay the shared draws so that the Monte Carlo continues the stream
    planar_density_table(rng)
    sigma = input_log_sigma(INPUT_UNCERTAINTY)
    rows = table1_rows()
    budgets = tuple(glass_budget(r.material, PAPER.alpha, r.glass) for r in rows)
    quantiles = []
    for b in budgets:
        factors = monte_carlo_factors(
            rng, BUDGET_DRAWS, b.ratio, list(independent), planar, sigma, b.alpha_band, PAPER.alpha
        )
        draws = b.paper * factors
        quantiles.append(np.percentile(draws, [5, 50, 95]))
    q = np.array(quantiles)
    arrays = [np.array([getattr(b, k) for b in budgets]) for k in ("paper", "best", "low", "high")]
    arrays += [np.ascontiguousarray(q[:, k]) for k in range(3)]
    for array in arrays:
        array.flags.writeable = False
    return BudgetBands(tuple(r.glass for r in rows), *arrays, budgets)


def best_estimate_range() -> tuple[float, float]:
    """(smallest, largest) best estimate of C over the ten glasses [dimensionless]."""
    b = budget_bands()
    return float(b.best.min()), float(b.best.max())


def monte_carlo_band() -> tuple[float, float]:
    """(lowest 5 % point, highest 95 % point) of the budget's Monte Carlo C over the ten glasses [dimensionless]."""
    b = budget_bands()
    return float(b.mc_low.min()), float(b.mc_high.max())


def monte_carlo_median_range() -> tuple[float, float]:
    """(smallest, largest) Monte Carlo median of C over the ten glasses [dimensionless]."""
    b = budget_bands()
    return float(b.mc_median.min()), float(b.mc_median.max())


def extremes_band() -> tuple[float, float]:
    """(lowest, highest) product of extremes of C over the ten glasses [dimensionless]."""
    b = budget_bands()
    return float(b.extremes_low.min()), float(b.extremes_high.max())


def glasses_inside_monte_carlo_band() -> float:
    """Fraction of the ten glasses whose C_exp lies inside their Monte Carlo 5–95 % band."""
    b = budget_bands()
    c_exp = np.array([r.c_exp for r in table1_rows()])
    return float(np.mean((b.mc_low <= c_exp) & (c_exp <= b.mc_high)))
