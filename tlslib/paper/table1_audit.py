"""Table I audited against Eq. (12): copied cells, formula volumes, the spreads and ranges over its rows.

The glass-free relations (the material combination x, log sensitivities, inverting Eq. 12 for
one input) are in :mod:`tlslib.sensitivity`; this module applies them to the printed table.
SI units throughout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
from scipy import constants

from tlslib.chain import predict
from tlslib.coupling_constant import coupling_constant
from tlslib.dos import p_bar
from tlslib.effective_model import alpha_for_coupling_constant
from tlslib.elastic import formula_volume
from tlslib.observables import internal_friction
from tlslib.paper.atomic_weights import formula_molar_mass
from tlslib.paper.parameters import PAPER
from tlslib.paper.table1 import (
    C_SCALE,
    Table1Row,
    measured_coupling_constants,
    recomputed_coupling_constant,
    table1_row,
    table1_rows,
)
from tlslib.precision import agrees_to_printed_digits
from tlslib.statistics import log_spread

__all__ = [
    "RowMatch",
    "cross_row_matches",
    "monomer_formula_volume",
    "density_for_printed_volume",
    "coupling_constant_ratio",
    "predicted_to_measured_spread",
    "alpha_needed",
    "effective_coupling_range",
    "effective_coupling",
    "median_internal_friction",
    "eq12_identity_ratio",
    "recomputed_to_measured_spread",
    "gamma_max_range",
]


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


def cross_row_matches(rows: Sequence[Table1Row], alpha: float = PAPER.alpha) -> list[RowMatch]:
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
        predicted = predict([r.material for r in rows], alpha=PAPER.alpha).coupling_constant
    return log_spread(predicted) / log_spread(measured_coupling_constants())


def alpha_needed() -> np.ndarray:
    """The α = γ_eff/γ_o with which Eq. (12) gives each glass's measured C_exp, in table order."""
    rows = table1_rows()
    p = predict([r.material for r in rows], alpha=PAPER.alpha)
    return alpha_for_coupling_constant(np.array([r.c_exp for r in rows]), p.gamma_o, p.gamma_max)


def effective_coupling_range() -> tuple[float, float]:
    """(min, max) of γ_eff = αγ_o over Table I [J]."""
    g = predict([r.material for r in table1_rows()], alpha=PAPER.alpha).gamma_eff
    return float(g.min()), float(g.max())


def effective_coupling(glass: str) -> float:
    """γ_eff = αγ_o of one Table I glass [J].

    Parameters
    ----------
    glass : str
        Its name in Table I.
    """
    return predict(table1_row(glass).material, alpha=PAPER.alpha).gamma_eff


def median_internal_friction() -> float:
    """Q⁻¹ = (π/2)C for the median C recomputed over Table I [dimensionless]."""
    return float(
        internal_friction(np.median(predict([r.material for r in table1_rows()], alpha=PAPER.alpha).coupling_constant))
    )


def eq12_identity_ratio() -> float:
    """1 + the largest |1 − C(Eq. 1 with P̄ of Eq. 9 and γ_eff)/C(Eq. 12)| over Table I [dimensionless]."""
    worst = 0.0
    for r in table1_rows():
        m, p = r.material, predict(r.material, alpha=PAPER.alpha)
        from_eq1 = coupling_constant(
            p_bar(m.density, m.velocity, p.gamma_max, p.gamma_o), p.gamma_eff, m.density, m.velocity
        )
        worst = max(worst, abs(1.0 - float(from_eq1) / p.coupling_constant))
    return 1.0 + worst


def recomputed_to_measured_spread() -> float:
    """:func:`predicted_to_measured_spread` with C recomputed from each row's inputs."""
    return predicted_to_measured_spread(printed=False)


def gamma_max_range() -> tuple[float, float]:
    """(min, max) of γ_max of Eq. (13) over Table I [eV]."""
    g = predict([r.material for r in table1_rows()], alpha=PAPER.alpha).gamma_max / constants.eV
    return float(g.min()), float(g.max())
