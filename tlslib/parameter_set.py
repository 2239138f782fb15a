"""The model choices that enter the physics, as one frozen object passed as one argument.

A :class:`ParameterSet` holds, in SI units, every number that is neither an input of a glass
(those are a :class:`~tlslib.materials.Material`) nor a constant of nature: the bare tunneling
element Δ°_max, the factor α of γ_eff = αγ_o, the Δ° that bound the paper's α range, and the
book's modelling choices (the angular average ⟨A⟩ of the polaron exponent, the number of
relaxation branches, the cut-off radius of the local-field sums, the shape of the elastic
tensor dipole). It holds no values itself: the paper's set, ``tlslib.paper.parameters.PAPER``,
is loaded from ``data/parameters.toml``, where each number has its source and its plausible
alternatives. A variant is ``PAPER.replace(tunneling_max=20 * constants.k)``, in the manner of
an astropy cosmology realization's ``clone``.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from tlslib.validation import InputError

__all__ = ["ParameterSet"]


@dataclass(frozen=True)
class ParameterSet:
    """One set of model choices (SI units).

    Attributes
    ----------
    name : str
        What the set is ("Carruzzo & Yu (2020)", or a variant's description).
    tunneling_max : float
        Δ°_max, the bare tunneling element (text above Eq. 4) [J].
    alpha : float
        α in γ_eff = α γ_o (text above Eq. 12).
    alpha_tunneling_fast, alpha_tunneling_slow : float
        The Δ° at which ln^{1/2}(Δ°_max/Δ°) bounds the paper's α range (1 K and 5×10⁻¹¹ K) [J].
    angular_average : float
        ⟨A⟩ of the polaron exponent (Eq. 4), 3 for the √2/3 of Eq. (5).
    relaxation_branches : float
        n in the one-phonon relaxation rate.
    cutoff_radius : float
        Outer radius R_c of the local-field pair sums [V_o^(1/3)].
    tensor_shape : tuple of float
        Principal values of the traceless elastic tensor dipole.
    """

    name: str
    tunneling_max: float
    alpha: float
    alpha_tunneling_fast: float
    alpha_tunneling_slow: float
    angular_average: float
    relaxation_branches: float
    cutoff_radius: float
    tensor_shape: tuple[float, float, float]

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "name":
                continue
            values = value if isinstance(value, tuple) else (value,)
            if not all(isinstance(v, int | float) and math.isfinite(v) for v in values):
                raise InputError(f"parameter {f.name}: {value!r} is not a finite number")
            if f.name != "tensor_shape" and not value > 0:
                raise InputError(f"parameter {f.name}: {value!r} must be positive")
        if not self.alpha_tunneling_slow < self.alpha_tunneling_fast < self.tunneling_max:
            raise InputError("parameters: need Δ°_slow < Δ°_fast < Δ°_max")
        if abs(sum(self.tensor_shape)) > 1e-12:
            raise InputError(f"parameter tensor_shape: {self.tensor_shape!r} is not traceless")

    def replace(self, name: str | None = None, **changes: Any) -> ParameterSet:
        """A copy with ``changes`` (SI units); its name says what changed unless ``name`` is given."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise InputError(f"unknown parameters: {', '.join(sorted(unknown))}")
        label = name or f"{self.name}, " + ", ".join(f"{k} = {v!r}" for k, v in changes.items())
        return dataclasses.replace(self, name=label, **changes)
