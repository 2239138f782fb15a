"""A glass as a small frozen record of the three inputs the theory needs: ρ, v and v_o."""

from __future__ import annotations

from dataclasses import dataclass

from tlslib.elastic import debye_velocity, formula_volume
from tlslib.validation import InputError, positive_finite

__all__ = ["Material"]


@dataclass(frozen=True)
class Material:
    """A glass described by its density, Debye-averaged sound velocity and formula volume.

    Attributes
    ----------
    name : str
        Label of the glass.
    density : float
        ρ [kg/m³].
    velocity : float
        Debye-averaged sound velocity v [m/s].
    formula_volume : float
        v_o, volume of one chemical formula unit [m³].
    """

    name: str
    density: float
    velocity: float
    formula_volume: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "density", positive_finite("density [kg/m^3]", self.density))
        object.__setattr__(self, "velocity", positive_finite("velocity [m/s]", self.velocity))
        object.__setattr__(self, "formula_volume", positive_finite("formula volume [m^3]", self.formula_volume))

    @classmethod
    def from_velocities(cls, name: str, density: float, v_long: float, v_trans: float, molar_mass: float) -> Material:
        """Build a record from ρ, v_l, v_t and the molar mass of the formula unit.

        Parameters
        ----------
        name : str
            Label of the glass.
        density : float
            ρ [kg/m³].
        v_long, v_trans : float
            Longitudinal and transverse sound velocities [m/s].
        molar_mass : float
            M of one formula unit [kg/mol].

        Raises
        ------
        InputError
            If a value is not a positive finite number, if v_t ≥ v_l, or if
            v_l² ≤ (4/3) v_t² (a bulk modulus K = ρ(v_l² − 4v_t²/3) ≤ 0: an isotropic solid
            is stable only for K > 0 and μ = ρv_t² > 0).
        """
        rho = positive_finite("density [kg/m^3]", density)
        vl = positive_finite("longitudinal velocity [m/s]", v_long)
        vt = positive_finite("transverse velocity [m/s]", v_trans)
        mass = positive_finite("molar mass", molar_mass)
        if vt >= vl:
            raise InputError(f"transverse velocity ({vt:g} m/s) must be smaller than longitudinal ({vl:g} m/s)")
        if 3.0 * vl**2 <= 4.0 * vt**2:
            raise InputError(
                f"v_l = {vl:g} m/s and v_t = {vt:g} m/s give a bulk modulus <= 0 (need v_l^2 > 4 v_t^2 / 3)"
            )
        return cls(
            name=name,
            density=rho,
            velocity=float(debye_velocity(vl, vt)),
            formula_volume=float(formula_volume(mass, rho)),
        )
