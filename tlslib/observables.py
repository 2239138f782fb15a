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
    "resonant_sound_velocity_log_slope",
    "resonant_sound_velocity_shift",
    "relaxation_sound_velocity_log_slope",
    "combined_sound_velocity_log_slope",
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
    """Eq. (15): the phonon mean free path over the wavelength, ℓ/λ = 1/(2π² C) (also in the text below Eq. 1).

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return 1.0 / (2.0 * np.pi**2 * np.asarray(coupling_constant, dtype=float))


def resonant_sound_velocity_log_slope(coupling_constant: ArrayLike) -> np.ndarray:
    """Resonant-regime slope d(Δv/v)/d ln T = +C (below the relaxation crossover).

    Resonant TLS (E ≈ kT and above) soften the lattice by ∝ tanh(E/2k_BT)/E; warming
    saturates the tanh of the low-E ones, so v rises as C ln T.

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return np.asarray(coupling_constant, dtype=float)


def resonant_sound_velocity_shift(
    coupling_constant: ArrayLike, temperature: ArrayLike, reference_temperature: ArrayLike
) -> np.ndarray:
    """Resonant-regime velocity shift Δv/v = C ln(T/T_o).

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    temperature, reference_temperature : array_like
        T and the arbitrary T_o, in the same unit.
    """
    return logarithmic_shift(resonant_sound_velocity_log_slope(coupling_constant), temperature, reference_temperature)


def relaxation_sound_velocity_log_slope(coupling_constant: ArrayLike) -> np.ndarray:
    """Slope −(3/2) C of the one-phonon relaxation term alone, for ωτ_min ≪ 1.

    TLS that relax faster than the sound period are those with (Δ°/E)² > ω/(a E³); over
    the 1/Δ° distribution they span ½ ln(a E³/ω) e-folds, and E ≈ k_BT gives −(3/2) C ln T.
    Added to the resonant +C it gives the −C/2 of
    :func:`tlslib.observables.sound_velocity_log_slope`.

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return -1.5 * np.asarray(coupling_constant, dtype=float)


def combined_sound_velocity_log_slope(coupling_constant: ArrayLike) -> np.ndarray:
    """d(Δv/v)/d ln T when the resonant (+C) and relaxation (−3C/2) terms add: −C/2 (text below Eq. 1).

    Built from the two mechanisms separately, so that it checks :func:`sound_velocity_log_slope`.

    Parameters
    ----------
    coupling_constant : array_like
        C of Eq. (1).
    """
    return resonant_sound_velocity_log_slope(coupling_constant) + relaxation_sound_velocity_log_slope(coupling_constant)
