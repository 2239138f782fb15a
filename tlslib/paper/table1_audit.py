"""How Eq. (12) depends on its inputs, and tools to audit Table I against it.

Combining Eqs. (5), (12) and (13) with ħω_D = ħ v (6π²/v_o)^(1/3),

    C = (α²/3) (γ_o/γ_max)⁴ = (4 α² / (243 a⁴)) x²,   x = ħω_D / (ρ v² v_o),

so a glass enters C only through the dimensionless ratio x of its Debye energy to the
elastic energy of one formula volume, and C ∝ ρ⁻² v⁻² v_o^(−8/3) (:data:`LOG_EXPONENTS`).
The functions below evaluate these relations, invert the chain for one input, and
propagate input uncertainties. SI units throughout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants, optimize

from tlslib.atomic_weights import formula_molar_mass
from tlslib.chain import chain_values, predict
from tlslib.coupling import DEFAULT_ALPHA, GAMMA_MAX_PREFACTOR
from tlslib.coupling_constant import coupling_constant, high_temperature_coupling_constant
from tlslib.dos import interacting_dos, p_bar, yu_leggett_dos
from tlslib.effective_model import alpha_for_coupling_constant
from tlslib.elastic import debye_energy, debye_velocity, elastic_energy_scale, formula_volume
from tlslib.materials import Material
from tlslib.observables import internal_friction, mean_free_path_ratio
from tlslib.paper.table1 import (
    C_SCALE,
    Table1Row,
    measured_coupling_constants,
    median_measured_coupling_constant,
    recomputed_coupling_constant,
    table1_row,
    table1_rows,
)
from tlslib.parameters import TUNNELING_MAX
from tlslib.precision import agrees_to_printed_digits
from tlslib.statistics import log_spread
from tlslib.validation import InputError, positive_finite

__all__ = [
    "INPUTS",
    "LOG_EXPONENTS",
    "debye_to_elastic_ratio",
    "coupling_constant_from_ratio",
    "coupling_constant_of",
    "with_input",
    "log_sensitivity",
    "solve_input",
    "prefactor_for",
    "log_sigma",
    "lognormal_interval",
    "monte_carlo_coupling_constant",
    "RowMatch",
    "cross_row_matches",
    "longitudinal_to_debye_ratio",
    "monomer_formula_volume",
    "density_for_printed_volume",
    "coupling_constant_ratio",
    "predicted_to_measured_spread",
    "alpha_needed",
    "effective_coupling_range",
    "effective_coupling",
    "median_internal_friction",
    "eq12_identity_ratio",
    "sio2_high_temperature_coupling_constant",
    "sio2_high_temperature_mean_free_path_ratio",
    "sio2_yu_leggett_coupling_constant",
    "yu_leggett_excess_decades",
    "sio2_pbar_over_interacting_dos",
    "sio2_log_debye_over_tunneling",
    "recomputed_to_measured_spread",
    "gamma_max_range",
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
    ratio: ArrayLike, alpha: ArrayLike = DEFAULT_ALPHA, prefactor: ArrayLike = GAMMA_MAX_PREFACTOR
) -> np.ndarray:
    """Eq. (12) written through x = ħω_D/(ρv²v_o): C = 4 α² x² / (243 a⁴) [dimensionless].

    From (γ_o/γ_max)² = (2/9) x / a² (Eqs. 5 and 13 with γ_max = a ρ v² v_o).

    Parameters
    ----------
    ratio : array_like
        x of :func:`debye_to_elastic_ratio`.
    alpha : array_like, optional
        γ_eff/γ_o.
    prefactor : array_like, optional
        a in γ_max = a ρ v² v_o.
    """
    x = np.asarray(ratio, dtype=float)
    a = np.asarray(prefactor, dtype=float)
    return 4.0 * np.asarray(alpha, dtype=float) ** 2 * x**2 / (243.0 * a**4)


def coupling_constant_of(
    density: ArrayLike,
    velocity: ArrayLike,
    formula_volume: ArrayLike,
    alpha: ArrayLike = DEFAULT_ALPHA,
    prefactor: ArrayLike = GAMMA_MAX_PREFACTOR,
) -> np.ndarray:
    """C of Eq. (12) for arrays of inputs (any γ_max prefactor a), via Eqs. (5) and (13).

    The C of :func:`tlslib.chain.chain_values` (Monte Carlo samples and scans).

    Parameters
    ----------
    density : array_like
        ρ [kg/m³].
    velocity : array_like
        v [m/s].
    formula_volume : array_like
        v_o [m³].
    alpha : array_like, optional
        γ_eff/γ_o.
    prefactor : array_like, optional
        a in γ_max = a ρ v² v_o (Eq. 13 by default).
    """
    return chain_values(density, velocity, formula_volume, alpha, prefactor).coupling_constant


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


def log_sensitivity(material: Material, name: str, alpha: float = DEFAULT_ALPHA, rel_step: float = 1e-4) -> float:
    """Numerical ∂ln C/∂ln x of the chain for input ``name``, by a central difference.

    Parameters
    ----------
    material : Material
        The glass.
    name : str
        One of :data:`INPUTS`.
    alpha : float, optional
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
    alpha: float = DEFAULT_ALPHA,
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
    alpha : float, optional
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


def prefactor_for(material: Material, target: float, alpha: float = DEFAULT_ALPHA) -> float:
    """The a in γ_max = a ρ v² v_o that makes Eq. (12) give C = ``target`` [dimensionless].

    Since C ∝ a⁻⁴ (Eq. 12 with Eq. 13): a = a₀ (C(a₀)/target)^(1/4), a₀ = Eq. (13)'s value.

    Parameters
    ----------
    material : Material
        The glass.
    target : float
        The C to reach.
    alpha : float, optional
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
    alpha: float = DEFAULT_ALPHA,
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
    alpha : float, optional
        γ_eff/γ_o.
    """
    log_sigma(relative_uncertainty)  # validates the keys
    draws = {}
    for name in INPUTS:
        scale = relative_uncertainty.get(name, 0.0)
        draws[name] = getattr(material, name) * (1.0 + scale * rng.standard_normal(n))
    if any(np.any(d <= 0.0) for d in draws.values()):
        raise InputError("a draw gave a non-positive input: the relative uncertainties are too large")
    return coupling_constant_of(draws["density"], draws["velocity"], draws["formula_volume"], alpha)


@dataclasses.dataclass(frozen=True)
class RowMatch:
    """A printed C_th that equals, at its printed precision, the recomputation of *another* row.

    Attributes
    ----------
    printed_row : str
        Glass whose printed C_th is matched.
    source_row : str
        Glass whose inputs, run through Eq. (12), give that printed value.
    recomputed : float
        C recomputed from ``source_row``'s inputs.
    """

    printed_row: str
    source_row: str
    recomputed: float


def cross_row_matches(rows: Sequence[Table1Row], alpha: float = DEFAULT_ALPHA) -> list[RowMatch]:
    """Every pair (i ≠ j) where row j's inputs reproduce row i's printed C_th to its printed precision.

    A match hints at a shifted or copied cell in the table.

    Parameters
    ----------
    rows : sequence of Table1Row
        The printed table (:func:`tlslib.paper.table1.load_table1`).
    alpha : float, optional
        γ_eff/γ_o.
    """
    recomputed = {r.glass: predict(r.material, alpha).coupling_constant for r in rows}
    matches = []
    for row in rows:
        for other in rows:
            c = recomputed[other.glass]
            if other is not row and agrees_to_printed_digits(c / C_SCALE, row.c_th / C_SCALE, row.c_th_decimals):
                matches.append(RowMatch(row.glass, other.glass, c))
    return matches


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


def monomer_formula_volume(formula: str, glass: str) -> float:
    """v_o = M/(N_A ρ) from a chemical formula and the printed ρ of a Table I glass [m³].

    Parameters
    ----------
    formula : str
        Chemical formula of the formula unit (e.g. ``"C5H8O2"``).
    glass : str
        The Table I row whose printed density is used.
    """
    return float(formula_volume(formula_molar_mass(formula), table1_row(glass).material.density))


def density_for_printed_volume(formula: str, glass: str) -> float:
    """The density at which a formula's molar mass gives the printed v_o of a glass [kg/m³].

    Parameters
    ----------
    formula : str
        Chemical formula of the formula unit.
    glass : str
        The Table I row whose printed v_o is matched.
    """
    return float(formula_molar_mass(formula) / (constants.N_A * table1_row(glass).material.formula_volume))


def coupling_constant_ratio(numerator: str, denominator: str) -> float:
    """Ratio of the recomputed C (Eq. 12) of two Table I glasses [dimensionless].

    Parameters
    ----------
    numerator, denominator : str
        Names of the glasses.
    """
    return recomputed_coupling_constant(numerator) / recomputed_coupling_constant(denominator)


def predicted_to_measured_spread(printed: bool = True) -> float:
    """How much more the predicted C varies over Table I than C_exp: std ln C_th / std ln C_exp.

    Both spreads are population standard deviations of ln C (:func:`tlslib.statistics.log_spread`)
    over the same ten glasses. The paper's own column C_th (``printed=True``) and the C recomputed
    from each row's inputs (``printed=False``) differ because four printed cells do not follow
    from their inputs (Table I chapters).

    Parameters
    ----------
    printed : bool, optional
        Use the printed C_th column (default) or C recomputed with Eq. (12).
    """
    rows = table1_rows()
    if printed:
        predicted = np.array([r.c_th for r in rows])
    else:
        predicted = predict([r.material for r in rows]).coupling_constant
    return log_spread(predicted) / log_spread(measured_coupling_constants())


def alpha_needed() -> np.ndarray:
    """The α = γ_eff/γ_o with which Eq. (12) gives each glass's measured C_exp, in table order."""
    rows = table1_rows()
    p = predict([r.material for r in rows])
    return alpha_for_coupling_constant(np.array([r.c_exp for r in rows]), p.gamma_o, p.gamma_max)


def effective_coupling_range() -> tuple[float, float]:
    """(min, max) of γ_eff = αγ_o over Table I [J]."""
    g = predict([r.material for r in table1_rows()]).gamma_eff
    return float(g.min()), float(g.max())


def effective_coupling(glass: str) -> float:
    """γ_eff = αγ_o of one Table I glass [J].

    Parameters
    ----------
    glass : str
        Its name in Table I.
    """
    return predict(table1_row(glass).material).gamma_eff


def median_internal_friction() -> float:
    """Q⁻¹ = (π/2)C for the median C recomputed over Table I [dimensionless]."""
    return float(internal_friction(np.median(predict([r.material for r in table1_rows()]).coupling_constant)))


def eq12_identity_ratio() -> float:
    """1 + the largest |1 − C(Eq. 1 with P̄ of Eq. 9 and γ_eff)/C(Eq. 12)| over Table I [dimensionless]."""
    worst = 0.0
    for r in table1_rows():
        m, p = r.material, predict(r.material)
        from_eq1 = coupling_constant(
            p_bar(m.density, m.velocity, p.gamma_max, p.gamma_o), p.gamma_eff, m.density, m.velocity
        )
        worst = max(worst, abs(1.0 - float(from_eq1) / p.coupling_constant))
    return 1.0 + worst


def sio2_high_temperature_coupling_constant() -> float:
    """C above the barrier scale (text above Eq. 15) for the SiO₂ row of Table I [dimensionless]."""
    m = table1_row("SiO2").material
    return float(high_temperature_coupling_constant(m.density, m.velocity, predict(m).gamma_max))


def sio2_high_temperature_mean_free_path_ratio() -> float:
    """ℓ/λ = 1/(2π²C) of Eq. (15) with the high-temperature C of SiO₂ [dimensionless]."""
    return float(mean_free_path_ratio(sio2_high_temperature_coupling_constant()))


def sio2_yu_leggett_coupling_constant() -> float:
    """C of Eq. (1) with the Yu–Leggett P̄ ≈ ρv²/γ² of Eq. (6), for SiO₂ (γ cancels) [dimensionless]."""
    m = table1_row("SiO2").material
    gamma = predict(m).gamma_eff
    return float(coupling_constant(yu_leggett_dos(m.density, m.velocity, gamma), gamma, m.density, m.velocity))


def yu_leggett_excess_decades() -> float:
    """log₁₀ of the Yu–Leggett C over the median C_exp of Table I (text below Eq. 6) [decades]."""
    return float(np.log10(sio2_yu_leggett_coupling_constant() / median_measured_coupling_constant()))


def sio2_pbar_over_interacting_dos() -> float:
    """P̄/ñ_o of Eq. (9) for SiO₂: the Jacobian (γ_o/γ_max)² of γ² → ln Δ° [dimensionless]."""
    m = table1_row("SiO2").material
    p = predict(m)
    return float(
        p_bar(m.density, m.velocity, p.gamma_max, p.gamma_o) / interacting_dos(m.density, m.velocity, p.gamma_max)
    )


def sio2_log_debye_over_tunneling() -> float:
    """ħω_D/Δ°_max with SiO₂'s Table I T_D (the argument of ln(35) below Eq. 14) [dimensionless]."""
    m = table1_row("SiO2").material
    return float(debye_energy(m.velocity, m.formula_volume) / TUNNELING_MAX)


def recomputed_to_measured_spread() -> float:
    """:func:`predicted_to_measured_spread` with C recomputed from each row's inputs."""
    return predicted_to_measured_spread(printed=False)


def gamma_max_range() -> tuple[float, float]:
    """(min, max) of γ_max of Eq. (13) over Table I [eV]."""
    g = predict([r.material for r in table1_rows()]).gamma_max / constants.eV
    return float(g.min()), float(g.max())
