"""The paper's chain: (ρ, v, v_o) → γ_o, γ_max, γ_eff → P̄ → C → observables, for one glass or many."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from tlslib.coupling import GAMMA_MAX_PREFACTOR, gamma_eff, gamma_max, gamma_o
from tlslib.coupling_constant import universal_coupling_constant
from tlslib.dos import p_bar
from tlslib.elastic import debye_temperature
from tlslib.materials import Material
from tlslib.observables import internal_friction, mean_free_path_ratio
from tlslib.validation import InputError, positive_finite

__all__ = ["ChainValues", "chain_values", "Prediction", "predict"]


class ChainValues(NamedTuple):
    """Every quantity of the chain, as arrays broadcast from the inputs (SI units).

    Attributes
    ----------
    debye_temperature : ndarray
        T_D [K].
    gamma_o, gamma_max, gamma_eff : ndarray
        Eqs. (5), (13) and α γ_o [J].
    p_bar : ndarray
        P̄ of Eq. (9) [J⁻¹ m⁻³].
    coupling_constant : ndarray
        C of Eq. (12).
    internal_friction, mean_free_path_ratio : ndarray
        Q⁻¹ = (π/2) C and ℓ/λ = 1/(2π² C).
    """

    debye_temperature: np.ndarray
    gamma_o: np.ndarray
    gamma_max: np.ndarray
    gamma_eff: np.ndarray
    p_bar: np.ndarray
    coupling_constant: np.ndarray
    internal_friction: np.ndarray
    mean_free_path_ratio: np.ndarray


def chain_values(
    density: ArrayLike,
    velocity: ArrayLike,
    formula_volume: ArrayLike,
    alpha: ArrayLike,
    prefactor: ArrayLike = GAMMA_MAX_PREFACTOR,
) -> ChainValues:
    """Run Eqs. (5), (13), (9) and (12) on arrays of inputs (Monte Carlo samples, scans, whole tables).

    Parameters
    ----------
    density, velocity, formula_volume : array_like
        ρ [kg/m³], v [m/s], v_o [m³].
    alpha : array_like
        γ_eff/γ_o (the paper's 2.5 is ``PAPER.alpha``).
    prefactor : array_like, optional
        a in γ_max = a ρ v² v_o (Eq. 13 by default).
    """
    g_o = gamma_o(density, velocity, formula_volume)
    g_max = gamma_max(density, velocity, formula_volume, prefactor=prefactor)
    c = universal_coupling_constant(g_o, g_max, alpha)
    return ChainValues(
        debye_temperature=np.asarray(debye_temperature(velocity, formula_volume), dtype=float),
        gamma_o=np.asarray(g_o, dtype=float),
        gamma_max=np.asarray(g_max, dtype=float),
        gamma_eff=np.asarray(gamma_eff(g_o, alpha), dtype=float),
        p_bar=np.asarray(p_bar(density, velocity, g_max, g_o), dtype=float),
        coupling_constant=np.asarray(c, dtype=float),
        internal_friction=np.asarray(internal_friction(c), dtype=float),
        mean_free_path_ratio=np.asarray(mean_free_path_ratio(c), dtype=float),
    )


@dataclass(frozen=True)
class Prediction:
    """Everything the model predicts for one glass (floats) or for a sequence of glasses (arrays), in SI units.

    Attributes
    ----------
    material : Material or tuple of Material
        The inputs.
    alpha : float
        γ_eff/γ_o.
    debye_temperature : float or ndarray
        T_D [K].
    gamma_o, gamma_max, gamma_eff : float or ndarray
        Eqs. (5), (13) and α γ_o [J].
    p_bar : float or ndarray
        P̄ of Eq. (9) [J⁻¹ m⁻³].
    coupling_constant : float or ndarray
        C of Eq. (12).
    internal_friction : float or ndarray
        Q⁻¹ = (π/2) C.
    mean_free_path_ratio : float or ndarray
        ℓ/λ = 1/(2π² C).
    """

    material: Material | tuple[Material, ...]
    alpha: float
    debye_temperature: float | np.ndarray
    gamma_o: float | np.ndarray
    gamma_max: float | np.ndarray
    gamma_eff: float | np.ndarray
    p_bar: float | np.ndarray
    coupling_constant: float | np.ndarray
    internal_friction: float | np.ndarray
    mean_free_path_ratio: float | np.ndarray


def predict(material: Material | Sequence[Material], alpha: float) -> Prediction:
    """Run Eqs. (5), (13), (9) and (12) for one glass (floats) or several (arrays, in order).

    No adjustable parameter but α; the numbers come from :func:`chain_values`.

    Parameters
    ----------
    material : Material or sequence of Material
        ρ, v and v_o of the glass or glasses.
    alpha : float
        γ_eff/γ_o (the paper's 2.5 is ``PAPER.alpha``).
    """
    alpha = positive_finite("alpha", alpha)
    single = isinstance(material, Material)
    materials = (material,) if single else tuple(material)
    if not materials or not all(isinstance(m, Material) for m in materials):
        raise InputError("predict needs a Material or a non-empty sequence of Material records")
    values = chain_values(
        np.array([m.density for m in materials]),
        np.array([m.velocity for m in materials]),
        np.array([m.formula_volume for m in materials]),
        alpha,
    )
    fields = {name: (float(v[0]) if single else v) for name, v in values._asdict().items()}
    return Prediction(material=material if single else materials, alpha=alpha, **fields)
