"""The paper's chain for one glass: (ρ, v, v_o) → γ_o, γ_max, γ_eff → P̄ → C → observables."""

from __future__ import annotations

from dataclasses import dataclass

from tlslib.coupling import DEFAULT_ALPHA, gamma_eff, gamma_max, gamma_o
from tlslib.coupling_constant import universal_coupling_constant
from tlslib.dos import p_bar
from tlslib.elastic import debye_temperature
from tlslib.materials import Material
from tlslib.observables import internal_friction, mean_free_path_ratio
from tlslib.validation import positive_finite

__all__ = ["Prediction", "predict"]


@dataclass(frozen=True)
class Prediction:
    """Everything the model predicts for one glass, in SI units.

    Attributes
    ----------
    material : Material
        The inputs.
    alpha : float
        γ_eff/γ_o.
    debye_temperature : float
        T_D [K].
    gamma_o, gamma_max, gamma_eff : float
        Eqs. (5), (13) and α γ_o [J].
    p_bar : float
        P̄ of Eq. (9) [J⁻¹ m⁻³].
    coupling_constant : float
        C of Eq. (12).
    internal_friction : float
        Q⁻¹ = (π/2) C.
    mean_free_path_ratio : float
        ℓ/λ = 1/(2π² C).
    """

    material: Material
    alpha: float
    debye_temperature: float
    gamma_o: float
    gamma_max: float
    gamma_eff: float
    p_bar: float
    coupling_constant: float
    internal_friction: float
    mean_free_path_ratio: float


def predict(material: Material, alpha: float = DEFAULT_ALPHA) -> Prediction:
    """Run Eqs. (5), (13), (9) and (12) for one glass; no adjustable parameter but α.

    Parameters
    ----------
    material : Material
        ρ, v and v_o of the glass.
    alpha : float, optional
        γ_eff/γ_o; the paper's 2.5 by default.
    """
    alpha = positive_finite("alpha", alpha)
    rho, v, vo = material.density, material.velocity, material.formula_volume
    g_o = float(gamma_o(rho, v, vo))
    g_max = float(gamma_max(rho, v, vo))
    c = float(universal_coupling_constant(g_o, g_max, alpha))
    return Prediction(
        material=material,
        alpha=alpha,
        debye_temperature=float(debye_temperature(v, vo)),
        gamma_o=g_o,
        gamma_max=g_max,
        gamma_eff=float(gamma_eff(g_o, alpha)),
        p_bar=float(p_bar(rho, v, g_max, g_o)),
        coupling_constant=c,
        internal_friction=float(internal_friction(c)),
        mean_free_path_ratio=float(mean_free_path_ratio(c)),
    )
