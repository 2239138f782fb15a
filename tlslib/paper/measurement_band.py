"""The α of the measurements behind the paper's numbers: the C_exp band of Table I and SiO₂ below 1 K.

The paper grants α = γ_eff/γ_o only as "some constant between 1 and 5" (text above Eq. 12).
:mod:`tlslib.measurement_alpha` computes the α that one measurement selects; this module
applies it to the measurements the paper relies on: internal friction from 1 kHz to 30 MHz
and velocity slopes between 0.1 and 1 K (:func:`measurement_band`, the measurements behind
Table I's C_exp), and every measurement below 1 K for SiO₂ (:func:`experimental_alpha_range`).
Every function returns a pure number and is cached where it solves for α, so the ledger stays
fast (chapter which-alpha).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy import constants

from tlslib.coupling import gamma_max, gamma_o
from tlslib.effective_model import tunneling_window
from tlslib.materials import Material
from tlslib.measurement_alpha import (
    RELAXATION_BRANCHES,
    conductivity_alpha,
    relaxation_alpha,
    relaxation_rate_scale,
    resonant_alpha,
    velocity_alpha_closed_form,
)
from tlslib.paper.table1 import table1_row, table1_rows
from tlslib.paper.table1_audit import alpha_needed
from tlslib.parameters import ALPHA, TUNNELING_MAX

__all__ = [
    "CEXP_BAND_FREQUENCIES",
    "CEXP_BAND_TEMPERATURES",
    "CEXP_BAND_VELOCITY_TEMPERATURES",
    "glass_relaxation_alpha",
    "experimental_alpha_range",
    "relaxation_tunneling_over_hf",
    "measurement_band",
    "measurement_band_range",
    "measurement_band_centre",
    "alpha_inside_band_fraction",
    "measurement_band_agreement",
    "paper_range_agreement",
]

#: Internal friction in the band of measurements behind C_exp: from 1 kHz to 30 MHz [Hz].
CEXP_BAND_FREQUENCIES: tuple[float, float] = (1e3, 3e7)
#: Temperatures of that band: five, logarithmically spaced from 0.1 to 1 K [K].
CEXP_BAND_TEMPERATURES: tuple[float, ...] = tuple(float(t) for t in np.geomspace(0.1, 1.0, 5))
#: √(T₁T₂) of the velocity slopes of that band: any two temperatures in 0.1–1 K [K].
CEXP_BAND_VELOCITY_TEMPERATURES: tuple[float, float] = (0.1, 1.0)

# Measurements below 1 K (experimental_alpha_range): relaxation from 1 Hz to 10 GHz, resonant absorption
# from 1 MHz to 10 GHz, velocity slopes and conductivity from 10 mK to 1 K.
_RELAXATION_ENDS = (1.0, 1e10)
_RESONANT_ENDS = (1e6, 1e10)
_LOW_T_RANGE = (0.01, 1.0)
_RELAXATION_TEMPERATURES = (0.01, 0.1, 0.5, 1.0)


def _relaxation_scales(
    material: Material, tunneling_max: float = TUNNELING_MAX, branches: float = RELAXATION_BRANCHES
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
    return relaxation_alpha(frequency, temperature, rate, TUNNELING_MAX, low)


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
    values = [relaxation_alpha(f, t, rate) for f in _RELAXATION_ENDS for t in _RELAXATION_TEMPERATURES]
    values += [float(a) for a in resonant_alpha(np.array(_RESONANT_ENDS))]
    values += [float(a) for a in velocity_alpha_closed_form(np.array(_LOW_T_RANGE), np.array(_LOW_T_RANGE))]
    values += [float(a) for a in conductivity_alpha(np.array(_LOW_T_RANGE))]
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
    return float(TUNNELING_MAX * np.exp(-(alpha**2)) / (constants.h * frequency))


@lru_cache(maxsize=64)
def measurement_band(
    material: Material, tunneling_max: float = TUNNELING_MAX, branches: float = RELAXATION_BRANCHES
) -> tuple[float, float]:
    """(α_low, α_high) that the measurements behind C_exp select for one glass.

    Internal friction at :data:`CEXP_BAND_FREQUENCIES` and :data:`CEXP_BAND_TEMPERATURES`
    (α is monotonic in f, so the ends of the band suffice), with R(γ_o) of Eq. (5) and the
    model's own Δ°_min = Δ°_max e^{−γ_max²/γ_o²} (Eqs. 4, 13), and velocity slopes with √(T₁T₂)
    at :data:`CEXP_BAND_VELOCITY_TEMPERATURES` (Eq. eq-wa-velocity-closed).

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    tunneling_max : float, optional
        Δ°_max [J].
    branches : float, optional
        n in τ⁻¹ = n γ² Δ°² E coth(E/2k_BT)/(2πρv⁵ħ⁴).
    """
    rate, low = _relaxation_scales(material, tunneling_max, branches)
    rel = [
        relaxation_alpha(f, t, rate, tunneling_max, low) for f in CEXP_BAND_FREQUENCIES for t in CEXP_BAND_TEMPERATURES
    ]
    ends = np.array(CEXP_BAND_VELOCITY_TEMPERATURES)
    vel = velocity_alpha_closed_form(ends, ends, tunneling_max)
    return float(min(min(rel), vel.min())), float(max(max(rel), vel.max()))


def _table1_bands() -> list[tuple[float, float]]:
    return [measurement_band(r.material) for r in table1_rows()]


def measurement_band_range() -> tuple[float, float]:
    """(smallest α_low, largest α_high) of :func:`measurement_band` over the ten glasses of Table I."""
    bands = _table1_bands()
    return min(b[0] for b in bands), max(b[1] for b in bands)


def measurement_band_centre() -> float:
    """√(α_low α_high) of :func:`measurement_band_range`: the α of the geometric middle of its C range (C ∝ α²)."""
    lo, hi = measurement_band_range()
    return float(np.sqrt(lo * hi))


def alpha_inside_band_fraction(alpha: float = ALPHA) -> float:
    """Fraction of the ten glasses of Table I whose :func:`measurement_band` contains α (the paper's 2.5 by default)."""
    return float(np.mean([lo <= alpha <= hi for lo, hi in _table1_bands()]))


def measurement_band_agreement() -> float:
    """Fraction of the ten glasses whose C_exp lies inside the C_th band of the measurements behind it.

    C_exp is inside when the α that reproduces it (:func:`~tlslib.paper.table1_audit.alpha_needed`)
    lies in :func:`measurement_band` (C_th of Eq. 12 recomputed from the row's ρ, v, v_o, with α
    over the band).
    """
    needed = alpha_needed()
    return float(np.mean([lo <= a <= hi for a, (lo, hi) in zip(needed, _table1_bands(), strict=True)]))


def paper_range_agreement(low: float = 1.0, high: float = 5.0) -> float:
    """Fraction of the ten glasses whose :func:`~tlslib.paper.table1_audit.alpha_needed` lies in the paper's 1 to 5."""
    return float(np.mean([low <= a <= high for a in alpha_needed()]))
