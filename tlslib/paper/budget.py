"""The error budget of book/error-budget.md run over Table I: one seeded run, its bands per glass.

The factors on C and how they combine are in :mod:`tlslib.error_budget`; this module fixes the
seed, the number of draws and the assumed input errors, and runs the budget for the ten glasses
of Table I (chapter error-budget, ledger entry c-order-3e-4-under-error-budget).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tlslib.chain import predict
from tlslib.error_budget import (
    alpha_range,
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
from tlslib.paper.table1 import table1_rows
from tlslib.parameters import ALPHA

__all__ = [
    "BUDGET_SEED",
    "BUDGET_DRAWS",
    "INPUT_UNCERTAINTY",
    "BudgetBands",
    "budget_bands",
    "monte_carlo_band",
    "monte_carlo_median_range",
    "extremes_band",
    "glasses_inside_monte_carlo_band",
]

#: Seed of the budget's random draws (book/error-budget.md): tensor J, planar P(γ²), Monte Carlo.
BUDGET_SEED: int = 20200221


#: Monte Carlo draws per glass.
BUDGET_DRAWS: int = 100_000


#: Assumed standard errors of the inputs, σ_x/x: Archimedes ρ, ultrasonic v, the formula unit's M.
INPUT_UNCERTAINTY: Mapping[str, float] = {"density": 0.01, "velocity": 0.02, "molar_mass": 0.10}


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
        Product of the central factors (the α-dependent ones at α = 2.5).
    extremes_low, extremes_high : numpy.ndarray
        Product of all low and all high ends, α jointly with the correlation.
    mc_low, mc_median, mc_high : numpy.ndarray
        5 %, 50 % and 95 % points of :func:`monte_carlo_factors` times Eq. (12).
    """

    glasses: tuple[str, ...]
    paper: np.ndarray
    best: np.ndarray
    extremes_low: np.ndarray
    extremes_high: np.ndarray
    mc_low: np.ndarray
    mc_median: np.ndarray
    mc_high: np.ndarray


@lru_cache(maxsize=1)
def budget_bands() -> BudgetBands:
    """The error budget of book/error-budget.md for the ten glasses: one seeded run, cached.

    One generator (:data:`BUDGET_SEED`) draws, in this order, the tensor interaction factor,
    the planar P(γ²) table and :data:`BUDGET_DRAWS` Monte Carlo draws per glass. Independent
    factors: Eq. (7) prefactor, ε convention, tensor J; inputs e^(∓2σ) with
    :data:`INPUT_UNCERTAINTY`; α over :func:`alpha_range`, jointly with the γ–ε correlation and
    the tensor density of γ². The readings of γ_max (×16, ×81) are not in the band.
    """
    rng = np.random.default_rng(BUDGET_SEED)
    alpha_lo, alpha_hi = alpha_range()
    independent = [eq7_prefactor_factor(), field_convention_factor(), tensor_interaction_factor(rng)]
    planar = planar_density_table(rng)
    sigma = input_log_sigma(INPUT_UNCERTAINTY)
    low, mid, high = product_of_extremes([*independent, input_factor(sigma)])
    rows = table1_rows()
    prediction = predict([r.material for r in rows])
    paper = np.asarray(prediction.coupling_constant, dtype=float)
    ratios = np.asarray(prediction.gamma_o, dtype=float) / np.asarray(prediction.gamma_max, dtype=float)
    alphas = np.geomspace(alpha_lo, alpha_hi, 201)
    out: dict[str, list[float]] = {k: [] for k in ("best", "ext_lo", "ext_hi", "mc_lo", "mc_med", "mc_hi")}
    for r, cp in zip(ratios, paper, strict=True):
        density = tensor_density_factor((ALPHA * r) ** 2, planar)
        out["best"].append(cp * mid * float(correlation_factor(ALPHA * r)) * density.central)
        joint = np.concatenate([joint_alpha_factor(alphas, r, w) for w in (0.0, 1.0)])
        planar_ends = np.exp(np.interp(np.log((alphas * r) ** 2), np.log(planar[0]), np.log(planar[1])))
        out["ext_lo"].append(cp * low * min(joint.min(), (joint * np.tile(np.minimum(planar_ends, 1.0), 2)).min()))
        out["ext_hi"].append(cp * high * (joint * np.tile(np.maximum(planar_ends, 1.0), 2)).max())
        draws = cp * monte_carlo_factors(rng, BUDGET_DRAWS, r, independent, planar, sigma, (alpha_lo, alpha_hi))
        q = np.percentile(draws, [5, 50, 95])
        for key, value in zip(("mc_lo", "mc_med", "mc_hi"), q, strict=True):
            out[key].append(float(value))
    arrays = {k: np.array(v) for k, v in out.items()}
    for array in (paper, *arrays.values()):
        array.flags.writeable = False
    return BudgetBands(
        tuple(r.glass for r in rows),
        paper,
        arrays["best"],
        arrays["ext_lo"],
        arrays["ext_hi"],
        arrays["mc_lo"],
        arrays["mc_med"],
        arrays["mc_hi"],
    )


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
