"""Acoustic and thermal observables of the standard TLS model expressed through C (text below Eq. 1).

All are dimensionless; temperatures [K] appear only as ratios.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "internal_friction",
    "sound_velocity_log_slope",
    "sound_velocity_shift",
    "logarithmic_shift",
    "mean_free_path_ratio",
]


def internal_friction(coupling_constant: ArrayLike) -> np.ndarray:
    """Internal friction on the relaxation plateau, Q⁻¹ = (π/2) C (text below Eq. 1).

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return np.pi / 2.0 * np.asarray(coupling_constant, dtype=float)


def sound_velocity_log_slope(coupling_constant: ArrayLike) -> np.ndarray:
    """Slope d(Δv/v)/d ln T = −C/2 in the relaxation regime (text below Eq. 1).

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return -np.asarray(coupling_constant, dtype=float) / 2.0


def logarithmic_shift(slope: ArrayLike, temperature: ArrayLike, reference_temperature: ArrayLike) -> np.ndarray:
    """A quantity that grows by ``slope`` per e-fold of T: slope · ln(T/T_o) [unit of slope].

    Parameters
    ----------
    slope : array_like
        d(quantity)/d ln T.
    temperature, reference_temperature : array_like
        T and the reference T_o, in the same unit.
    """
    ratio = np.asarray(temperature, dtype=float) / np.asarray(reference_temperature, dtype=float)
    return np.asarray(slope, dtype=float) * np.log(ratio)


def sound_velocity_shift(
    coupling_constant: ArrayLike, temperature: ArrayLike, reference_temperature: ArrayLike
) -> np.ndarray:
    """Relaxation-regime velocity shift Δv/v = −(C/2) ln(T/T_o) (text below Eq. 1).

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    temperature, reference_temperature : array_like
        T and the arbitrary reference T_o, in the same unit.
    """
    return logarithmic_shift(sound_velocity_log_slope(coupling_constant), temperature, reference_temperature)


def mean_free_path_ratio(coupling_constant: ArrayLike) -> np.ndarray:
    """Phonon mean free path over wavelength, ℓ/λ = 1/(2π² C) (text below Eq. 1; Eq. 15).

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return 1.0 / (2.0 * np.pi**2 * np.asarray(coupling_constant, dtype=float))
