"""Resonant phonon–TLS scattering: mean free path, thermal conductivity κ and its log correction.

Below 1 K a thermal phonon of energy ħω is scattered by the TLS whose splitting
E = √(ε² + Δ°²) equals ħω. In the standard model every TLS has the same γ and the
rate is τ⁻¹ = π C ω tanh(ħω/2k_BT), so κ ∝ T². In the paper's model γ depends on
Δ° (Eq. 10), so the C seen by a phonon depends on its energy, which gives the
logarithmic correction quoted in the paper's closing paragraphs. The velocity-shift
slope of the resonant process (+C per e-fold of T) is here too.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import constants, integrate

from tlslib.coupling_constant import coupling_constant

__all__ = [
    "EXACT_LOG_OFFSET",
    "NAIVE_LOG_OFFSET",
    "resonant_weight",
    "naive_resonant_weight",
    "resonant_log_average",
    "paper_log_correction",
    "resonant_coupling_constant",
    "resonant_scattering_rate",
    "conductivity_weight",
    "dominant_phonon_ratio",
    "standard_thermal_conductivity",
    "model_thermal_conductivity",
    "kappa_log_coefficient",
    "kappa_log_constant",
]

#: c in ⟨ln(Δ°_max/Δ°)⟩ = ln(Δ°_max/E) + c over the resonant TLS, with the Jacobian E/ε: 1 − ln 2.
EXACT_LOG_OFFSET: float = 1.0 - np.log(2.0)

#: The same constant if the Jacobian E/ε is dropped (weight 2Δ°/E²): 1/2, the paper's "1 + 2 ln".
NAIVE_LOG_OFFSET: float = 0.5


def resonant_weight(tunneling: ArrayLike, energy: ArrayLike) -> np.ndarray:
    """Share of the resonant scattering done by TLS with tunneling Δ° at splitting E [J⁻¹].

    P(ε, Δ°) = P̄/Δ° (Eq. 8) at fixed E = √(ε² + Δ°²) has density P̄ E/(Δ° ε); the
    transition matrix element adds (Δ°/E)². The product, Δ°/(E √(E² − Δ°²)), integrates
    to 1 over 0 < Δ° < E, so the resonant density is P̄ whatever E is.

    Parameters
    ----------
    tunneling : array_like
        Δ° [J], 0 ≤ Δ° < E.
    energy : array_like
        TLS splitting E = ħω [J].
    """
    d = np.asarray(tunneling, dtype=float)
    e = np.asarray(energy, dtype=float)
    return d / (e * np.sqrt(e**2 - d**2))


def naive_resonant_weight(tunneling: ArrayLike, energy: ArrayLike) -> np.ndarray:
    """The weight without the Jacobian E/ε: (P̄/Δ°)(Δ°/E)² normalised on [0, E], 2Δ°/E² [J⁻¹].

    Parameters
    ----------
    tunneling : array_like
        Δ° [J], 0 ≤ Δ° ≤ E.
    energy : array_like
        E [J].
    """
    return 2.0 * np.asarray(tunneling, dtype=float) / np.asarray(energy, dtype=float) ** 2


def resonant_log_average(energy: ArrayLike, tunneling_max: ArrayLike) -> np.ndarray:
    """⟨ln(Δ°_max/Δ°)⟩ over the TLS resonant at E, so that P̄⟨γ²⟩ = P̄ γ_o² × this (Eq. 10).

    With x = Δ°/E and b = Δ°_max/E the average is ∫₀^min(b,1) x ln(b/x)/√(1 − x²) dx:
    ln b + 1 − ln 2 for E ≤ Δ°_max, and 1 − ln 2 + ln(1 + √(1 − b²)) − √(1 − b²) above,
    where the Δ° cut-off also thins the resonant TLS (→ b²/4 for E ≫ Δ°_max).

    Parameters
    ----------
    energy : array_like
        E = ħω [J].
    tunneling_max : array_like
        Δ°_max [J].
    """
    b = np.asarray(tunneling_max, dtype=float) / np.asarray(energy, dtype=float)
    s = np.sqrt(np.clip(1.0 - b**2, 0.0, None))
    return EXACT_LOG_OFFSET + np.where(b >= 1.0, np.log(np.maximum(b, 1.0)), np.log1p(s) - s)


def paper_log_correction(temperature: ArrayLike, tunneling_max: ArrayLike) -> np.ndarray:
    """The paper's 1 + 2 ln(Δ°_max/2k_BT), with κ ∝ T²/(this) (paragraph after Eq. 13).

    It equals 2⟨ln(Δ°_max/Δ°)⟩ at E = 2k_BT with the naive weight (offset 1/2), i.e.
    P̄⟨γ²⟩ = P̄ (γ_o²/2) × this.

    Parameters
    ----------
    temperature : array_like
        T [K].
    tunneling_max : array_like
        Δ°_max [J].
    """
    thermal = 2.0 * constants.k * np.asarray(temperature, dtype=float)
    return 1.0 + 2.0 * np.log(np.asarray(tunneling_max, dtype=float) / thermal)


def resonant_coupling_constant(
    energy: ArrayLike,
    tunneling_max: ArrayLike,
    p_bar: ArrayLike,
    gamma_o: ArrayLike,
    density: ArrayLike,
    velocity: ArrayLike,
) -> np.ndarray:
    """C seen by a phonon of energy E, P̄ γ_o² ⟨ln(Δ°_max/Δ°)⟩_E/(ρ v²) (Eqs. 1, 8, 10).

    It equals Eq. (12)'s C at the E where the average equals α².

    Parameters
    ----------
    energy : array_like
        ħω [J].
    tunneling_max : array_like
        Δ°_max [J].
    p_bar : array_like
        P̄ of Eq. (9) [J⁻¹ m⁻³].
    gamma_o : array_like
        γ_o of Eq. (5) [J].
    density, velocity : array_like
        ρ [kg/m³] and v [m/s].
    """
    coupling = np.asarray(gamma_o, dtype=float) * np.sqrt(resonant_log_average(energy, tunneling_max))
    return coupling_constant(p_bar, coupling, density, velocity)


def resonant_scattering_rate(
    angular_frequency: ArrayLike, temperature: ArrayLike, coupling_constant: ArrayLike
) -> np.ndarray:
    """Resonant absorption rate of a phonon, τ⁻¹ = π C ω tanh(ħω/2k_BT) [s⁻¹].

    Golden rule with the matrix element γ (Δ°/E) √(ħω/2ρv²V) and P(ε, Δ°) = P̄/Δ°; the
    tanh is the population difference of the two levels. ℓ = v τ, so ℓ/λ = 1/(2π² C tanh).

    Parameters
    ----------
    angular_frequency : array_like
        ω [rad/s].
    temperature : array_like
        T [K].
    coupling_constant : array_like
        C of Eq. (1) for the phonon's energy.
    """
    w = np.asarray(angular_frequency, dtype=float)
    x = constants.hbar * w / (2.0 * constants.k * np.asarray(temperature, dtype=float))
    return np.pi * np.asarray(coupling_constant, dtype=float) * w * np.tanh(x)


def conductivity_weight(x: ArrayLike) -> np.ndarray:
    """Spectral weight of κ with the resonant τ, x³ eˣ/((eˣ − 1)² tanh(x/2)); ∫₀^∞ = π².

    Heat capacity per mode x² eˣ/(eˣ − 1)², density of states ∝ x², times ℓ ∝ 1/(x tanh(x/2)).

    Parameters
    ----------
    x : array_like
        ħω/k_BT.
    """
    x = np.asarray(x, dtype=float)
    q = np.exp(-x)
    return x**3 * q * (1.0 + q) / (-np.expm1(-x)) ** 3


def dominant_phonon_ratio() -> float:
    """exp⟨ln x⟩ over :func:`conductivity_weight`: the ħω/k_BT whose C sets κ when C ∝ ln ω.

    For κ ∝ ∫ w(x)/(A − ln x) dx with A ≫ 1, κ ≈ π²/(A − ⟨ln x⟩); the paper's "2k_BT"
    is this number (≈ 1.99).
    """
    norm = integrate.quad(conductivity_weight, 0.0, np.inf)[0]
    mean_log = integrate.quad(lambda x: conductivity_weight(x) * np.log(x), 0.0, np.inf)[0]
    return float(np.exp(mean_log / norm))


def standard_thermal_conductivity(
    temperature: ArrayLike, coupling_constant: ArrayLike, velocity: ArrayLike, polarizations: int = 3
) -> np.ndarray:
    """Standard-model κ = n k_B³ T²/(6π ħ² C v) for n branches of one C and v [W m⁻¹ K⁻¹].

    κ = (1/3) Σ ∫ c(ω) v ℓ(ω) dω with ℓ = v/(π C ω tanh(ħω/2k_BT)); the ω integral is
    (k_BT/ħ)² ∫ w(x) dx = π² (k_BT/ħ)², see :func:`conductivity_weight`. Per branch
    this is ρ k_B³ v T²/(6π ħ² P̄ γ²).

    Parameters
    ----------
    temperature : array_like
        T [K].
    coupling_constant : array_like
        C, the same for every branch.
    velocity : array_like
        v [m/s].
    polarizations : int, optional
        Number of acoustic branches n (3: the paper does not separate them).
    """
    t = np.asarray(temperature, dtype=float)
    denom = 6.0 * np.pi * constants.hbar**2 * np.asarray(coupling_constant, dtype=float) * np.asarray(velocity, float)
    return polarizations * constants.k**3 * t**2 / denom


def model_thermal_conductivity(
    temperature: ArrayLike,
    tunneling_max: float,
    p_bar: float,
    gamma_o: float,
    density: float,
    velocity: float,
    polarizations: int = 3,
) -> np.ndarray:
    """κ with the energy-dependent C of :func:`resonant_coupling_constant`, integrated over phonons [W m⁻¹ K⁻¹].

    κ = n k_B³ T²/(6π³ ħ² v) ∫ w(x)/C(x k_BT) dx, w from :func:`conductivity_weight`;
    a constant C and no cut-off give back :func:`standard_thermal_conductivity`. The
    integral stops at ħω = Δ°_max: the effective Hamiltonian (Eq. 11) keeps only the
    phonons with ħvk < Δ°_max (below 1 K those above carry < 1 % of the standard κ).

    Parameters
    ----------
    temperature : array_like
        T [K].
    tunneling_max : float
        Δ°_max [J].
    p_bar : float
        P̄ of Eq. (9) [J⁻¹ m⁻³].
    gamma_o : float
        γ_o of Eq. (5) [J].
    density, velocity : float
        ρ [kg/m³] and v [m/s].
    polarizations : int, optional
        Number of acoustic branches.
    """
    t = np.atleast_1d(np.asarray(temperature, dtype=float))
    kt = constants.k * t
    # x = u x_top with u in [0, 1]: one vector quadrature for every T; w(x) < 1e-50 beyond x = 150
    x_top = np.minimum(tunneling_max / kt, 150.0)

    def integrand(u: float) -> np.ndarray:
        x = u * x_top
        c = resonant_coupling_constant(x * kt, tunneling_max, p_bar, gamma_o, density, velocity)
        return x_top * conductivity_weight(x) / c

    integral = integrate.quad_vec(integrand, 0.0, 1.0, epsrel=1e-10, points=(0.01, 0.05))[0]
    kappa = polarizations * constants.k**3 * t**2 * integral / (6.0 * np.pi**3 * constants.hbar**2 * velocity)
    return kappa.reshape(np.shape(temperature))


def kappa_log_coefficient(tunneling_max: float) -> float:
    """Coefficient of ln(Δ°_max/E) in 2⟨ln(Δ°_max/Δ°)⟩ over the TLS resonant at E (Eq. 10): 2.

    Measured between E = Δ°_max/10 and Δ°_max/1000 from :func:`resonant_log_average`.

    Parameters
    ----------
    tunneling_max : float
        Δ°_max [J].
    """
    e1, e2 = 0.1 * tunneling_max, 0.001 * tunneling_max
    diff = resonant_log_average(e2, tunneling_max) - resonant_log_average(e1, tunneling_max)
    return float(2.0 * diff / np.log(e1 / e2))


def kappa_log_constant(jacobian: bool = True, phonon_ratio: float | None = None) -> float:
    """Constant c in κ ∝ T²/(c + 2 ln(Δ°_max/2k_BT)) (paragraph before Eq. 14).

    c = 2 × (offset of the resonant average) + 2 ln(2/x), with the heat carried at E = x k_BT.
    With the Jacobian E/ε of the resonance condition the offset is 1 − ln 2
    (:data:`EXACT_LOG_OFFSET`); dropping it gives 1/2 (:data:`NAIVE_LOG_OFFSET`), and with
    x = 2 exactly the paper's constant 1.

    Parameters
    ----------
    jacobian : bool, optional
        Keep the Jacobian E/ε (default) or drop it.
    phonon_ratio : float, optional
        x; by default the dominant phonon of the conductivity integrand (:func:`dominant_phonon_ratio`).
    """
    offset = EXACT_LOG_OFFSET if jacobian else NAIVE_LOG_OFFSET
    x = dominant_phonon_ratio() if phonon_ratio is None else float(phonon_ratio)
    return float(2.0 * offset + 2.0 * np.log(2.0 / x))
