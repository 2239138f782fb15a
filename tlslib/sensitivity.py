"""How Eq. (12) depends on its inputs: its one material combination, log sensitivities, inversion.

Combining Eqs. (5), (12) and (13) with ħω_D = ħ v (6π²/v_o)^(1/3),

    C = (α²/3) (γ_o/γ_max)⁴ = (4 α² / (243 a⁴)) x²,   x = ħω_D / (ρ v² v_o),

so a glass enters C only through the dimensionless ratio x of its Debye energy to the
elastic energy of one formula volume, and C ∝ ρ⁻² v⁻² v_o^(−8/3) (:data:`LOG_EXPONENTS`).
The functions below evaluate these relations, invert the chain for one input, and
propagate input uncertainties. Glass-free: they take a :class:`~tlslib.materials.Material`
and numbers. SI units throughout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike
from scipy import optimize

from tlslib.chain import chain_values, predict
from tlslib.coupling import GAMMA_MAX_PREFACTOR
from tlslib.elastic import debye_energy, debye_velocity, elastic_energy_scale
from tlslib.materials import Material
from tlslib.validation import InputError, positive_finite

__all__ = [
    "INPUTS",
    "LOG_EXPONENTS",
    "debye_to_elastic_ratio",
    "coupling_constant_from_ratio",
    "with_input",
    "log_sensitivity",
    "solve_input",
    "prefactor_for",
    "log_sigma",
    "lognormal_interval",
    "monte_carlo_coupling_constant",
    "longitudinal_to_debye_ratio",
]

#: The three material inputs of the chain, as named in :class:`~tlslib.materials.Material`.
INPUTS: tuple[str, ...] = ("density", "velocity", "formula_volume")

#: ∂ln C/∂ln x for each input x (Eq. 12 with Eqs. 5, 13 and ħω_D ∝ v v_o^(−1/3)):
#: C ∝ x² with x = ħω_D/(ρ v² v_o) ∝ ρ⁻¹ v⁻¹ v_o^(−4/3).
LOG_EXPONENTS: Mapping[str, float] = {"density": -2.0, "velocity": -2.0, "formula_volume": -8.0 / 3.0}


def debye_to_elastic_ratio(density: ArrayLike, velocity: ArrayLike, formula_volume: ArrayLike) -> np.ndarray:
    """The only material combination in Eq. (12), x = ħω_D/(ρ v² v_o) [dimensionless].

    Parameters
    ----------
    density : array_like
        ρ [kg/m³].
    velocity : array_like
        Debye-averaged sound velocity v [m/s].
    formula_volume : array_like
        v_o [m³].
    """
    return debye_energy(velocity, formula_volume) / elastic_energy_scale(density, velocity, formula_volume)


def coupling_constant_from_ratio(
    ratio: ArrayLike, alpha: ArrayLike, prefactor: ArrayLike = GAMMA_MAX_PREFACTOR
) -> np.ndarray:
    """C written through x = ħω_D/(ρv²v_o), C = 4 α² x² / (243 a⁴): Eq. (12) in one variable [dimensionless].

    From (γ_o/γ_max)² = (2/9) x / a² (Eqs. 5 and 13 with γ_max = a ρ v² v_o).

    Parameters
    ----------
    ratio : array_like
        x of :func:`debye_to_elastic_ratio`.
    alpha : array_like
        γ_eff/γ_o.
    prefactor : array_like, optional
        a in γ_max = a ρ v² v_o.
    """
    x = np.asarray(ratio, dtype=float)
    a = np.asarray(prefactor, dtype=float)
    return 4.0 * np.asarray(alpha, dtype=float) ** 2 * x**2 / (243.0 * a**4)


def with_input(material: Material, name: str, value: float) -> Material:
    """A copy of ``material`` with one input (``"density"``, ``"velocity"`` or ``"formula_volume"``) replaced.

    Parameters
    ----------
    material : Material
        The glass.
    name : str
        One of :data:`INPUTS`.
    value : float
        The new value, SI.
    """
    if name not in INPUTS:
        raise InputError(f"input must be one of {', '.join(INPUTS)}, got {name!r}")
    return dataclasses.replace(material, **{name: value})


def log_sensitivity(material: Material, name: str, alpha: float, rel_step: float = 1e-4) -> float:
    """Numerical ∂ln C/∂ln x of the chain for input ``name``, by a central difference.

    Parameters
    ----------
    material : Material
        The glass.
    name : str
        One of :data:`INPUTS`.
    alpha : float
        γ_eff/γ_o.
    rel_step : float, optional
        Relative step in x.
    """
    x = getattr(material, name)
    up = predict(with_input(material, name, x * (1.0 + rel_step)), alpha).coupling_constant
    down = predict(with_input(material, name, x * (1.0 - rel_step)), alpha).coupling_constant
    return float(np.log(up / down) / np.log((1.0 + rel_step) / (1.0 - rel_step)))


def solve_input(
    material: Material,
    name: str,
    target: float,
    alpha: float,
    bracket: tuple[float, float] = (0.05, 20.0),
) -> float:
    """The value of one input that makes the chain (Eq. 12) give C = ``target``, others fixed (SI).

    Solved with Brent's method on ln C(f·x) − ln target over the factor f in ``bracket``.

    Parameters
    ----------
    material : Material
        The glass.
    name : str
        One of :data:`INPUTS`.
    target : float
        The C to reach (not scaled by 10⁴).
    alpha : float
        γ_eff/γ_o.
    bracket : tuple of float, optional
        Range of factors f searched.

    Raises
    ------
    InputError
        If no factor in ``bracket`` reaches the target.
    """
    target = positive_finite("target C", target)
    x0 = getattr(material, name)

    def residual(f: float) -> float:
        return float(np.log(predict(with_input(material, name, f * x0), alpha).coupling_constant / target))

    lo, hi = bracket
    if residual(lo) * residual(hi) > 0.0:
        raise InputError(f"no {name} within factors {lo:g}-{hi:g} of {x0:g} gives C = {target:g}")
    return float(optimize.brentq(residual, lo, hi, xtol=1e-14, rtol=1e-12)) * x0


def prefactor_for(material: Material, target: float, alpha: float) -> float:
    """The a in γ_max = a ρ v² v_o that makes Eq. (12) give C = ``target`` [dimensionless].

    Since C ∝ a⁻⁴ (Eq. 12 with Eq. 13): a = a₀ (C(a₀)/target)^(1/4), a₀ = Eq. (13)'s value.

    Parameters
    ----------
    material : Material
        The glass.
    target : float
        The C to reach.
    alpha : float
        γ_eff/γ_o.
    """
    target = positive_finite("target C", target)
    c0 = predict(material, alpha).coupling_constant
    return GAMMA_MAX_PREFACTOR * (c0 / target) ** 0.25


def log_sigma(relative_uncertainty: Mapping[str, float]) -> float:
    """Standard deviation of ln C from independent relative input errors, √Σ (e_x σ_x)² (first order).

    Parameters
    ----------
    relative_uncertainty : mapping
        σ_x/x for some of :data:`INPUTS`; e_x are the :data:`LOG_EXPONENTS`.
    """
    unknown = set(relative_uncertainty) - set(INPUTS)
    if unknown:
        raise InputError(f"unknown inputs {sorted(unknown)}; use {', '.join(INPUTS)}")
    return float(np.sqrt(sum((LOG_EXPONENTS[k] * s) ** 2 for k, s in relative_uncertainty.items())))


def lognormal_interval(value: ArrayLike, sigma: float, k: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """The interval [value e^(−kσ), value e^(kσ)] of a log-normally distributed quantity.

    Parameters
    ----------
    value : array_like
        Central (median) value.
    sigma : float
        Standard deviation of its logarithm.
    k : float, optional
        Number of standard deviations.
    """
    value = np.asarray(value, dtype=float)
    return value * np.exp(-k * sigma), value * np.exp(k * sigma)


def monte_carlo_coupling_constant(
    material: Material,
    relative_uncertainty: Mapping[str, float],
    n: int,
    rng: np.random.Generator,
    alpha: float,
) -> np.ndarray:
    """C of Eq. (12) for ``n`` draws of the inputs, each x(1 + σ_x z) with independent normal z.

    Parameters
    ----------
    material : Material
        Central inputs.
    relative_uncertainty : mapping
        σ_x/x for some of :data:`INPUTS` (the others are held fixed).
    n : int
        Number of draws.
    rng : numpy.random.Generator
        Source of randomness (``numpy.random.default_rng(seed)``).
    alpha : float
        γ_eff/γ_o.
    """
    log_sigma(relative_uncertainty)  # validates the keys
    draws = {}
    for name in INPUTS:
        scale = relative_uncertainty.get(name, 0.0)
        draws[name] = getattr(material, name) * (1.0 + scale * rng.standard_normal(n))
    if any(np.any(d <= 0.0) for d in draws.values()):
        raise InputError("a draw gave a non-positive input: the relative uncertainties are too large")
    return chain_values(draws["density"], draws["velocity"], draws["formula_volume"], alpha).coupling_constant


def longitudinal_to_debye_ratio(poisson_ratio: ArrayLike) -> np.ndarray:
    """v_l/v for an isotropic solid of Poisson ratio ν, v being the Debye average (text below Eq. 1).

    Uses v_t/v_l = √((1 − 2ν)/(2(1 − ν))) of isotropic elasticity.

    Parameters
    ----------
    poisson_ratio : array_like
        ν, with −1 < ν < 1/2.
    """
    nu = np.asarray(poisson_ratio, dtype=float)
    transverse = np.sqrt((1.0 - 2.0 * nu) / (2.0 * (1.0 - nu)))
    return 1.0 / debye_velocity(1.0, transverse)


# ----------------------------------------------------------- the paper's statements about the whole table
