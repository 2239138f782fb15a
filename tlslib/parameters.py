"""The paper's own parameters: every number it fixes by hand, in one place, in SI units.

The model has no adjustable parameter per glass, but the text fixes a few numbers once:
the bare tunneling element Δ°_max, the factor α of γ_eff = αγ_o, and a rounded set of SiO₂
inputs used for the order-of-magnitude estimates of the conclusions and of Eq. (14). Every
module and chapter imports them from here; none types them again.
"""

from __future__ import annotations

from scipy import constants

__all__ = [
    "TUNNELING_MAX",
    "ALPHA",
    "SIO2_DENSITY",
    "SIO2_VELOCITY",
    "SIO2_FORMULA_VOLUME",
    "SIO2_DEBYE_ENERGY",
]

#: Δ°_max ~ 10 K, the bare tunneling element (text above Eq. 4 and above Eq. 12) [J].
TUNNELING_MAX: float = 10.0 * constants.k

#: α in γ_eff = α γ_o: the paper's "for concreteness" value (text above Eq. 12).
ALPHA: float = 2.5

#: ρ = 2200 kg/m³, the rounded SiO₂ density of the conclusions [kg/m³].
SIO2_DENSITY: float = 2200.0

#: v = 4200 m/s, the rounded SiO₂ sound velocity of the conclusions [m/s].
SIO2_VELOCITY: float = 4200.0

#: v_o = 45 Å³, the rounded SiO₂ formula volume of the conclusions [m³].
SIO2_FORMULA_VOLUME: float = 45.0 * constants.angstrom**3

#: ħω_D ~ 350 K, the rounded SiO₂ Debye energy of the conclusions and below Eq. (14) [J].
SIO2_DEBYE_ENERGY: float = 350.0 * constants.k
