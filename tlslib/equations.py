"""Eq. (N) of the paper in one step: the one canonical function of each numbered equation.

``EQUATIONS[12]`` is :func:`tlslib.coupling_constant.universal_coupling_constant`, and so on for
Eqs. (1)–(15) of Carruzzo & Yu, PRL 124, 075902 (2020). Every other function that evaluates an
equation says "uses Eq. (N)" in its docstring; only the canonical one states it. The table of
the book's reference pages is generated from this mapping, and a test checks that each equation
has exactly one home.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from tlslib.coupling import coupling_of_tunneling, gamma_max, gamma_o, renormalized_tunneling
from tlslib.coupling_constant import coupling_constant, universal_coupling_constant
from tlslib.dos import interacting_dos, p_bar, standard_model_distribution, yu_leggett_dos
from tlslib.effective_model import effective_distribution, effective_tls
from tlslib.observables import mean_free_path_ratio
from tlslib.standard_model import tls_hamiltonian
from tlslib.wkb import wkb_tunneling

__all__ = ["EQUATIONS", "equation_table"]

#: Eq. number → its canonical function.
EQUATIONS: Mapping[int, Callable] = MappingProxyType(
    {
        1: coupling_constant,  # C = P̄γ²/ρv²
        2: tls_hamiltonian,  # the TLS term (ε σ^z + Δ° σ^x)/2 of the Hamiltonian
        3: standard_model_distribution,  # P(ε, Δ°) = P̄/Δ° of the standard model
        4: renormalized_tunneling,  # Δ° = Δ°_max exp(−γ²/γ_o²)
        5: gamma_o,  # γ_o = (√2/3) √(ρv²v_oħω_D)
        6: yu_leggett_dos,  # P̄ ≈ ρv²/γ²
        7: interacting_dos,  # ñ_o ≈ ρv²/3γ_max²
        8: effective_distribution,  # P(ε, Δ°) = P̄/Δ° of the effective model
        9: p_bar,  # P̄ = (1/3)(ρv²/γ_max²)(γ_o/γ_max)²
        10: coupling_of_tunneling,  # γ = γ_o ln^{1/2}(Δ°_max/Δ°)
        11: effective_tls,  # the effective non-interacting TLS
        12: universal_coupling_constant,  # C = (α²/3)(γ_o/γ_max)⁴
        13: gamma_max,  # γ_max = (4/3)(2/9π)^{2/3} ρv²v_o
        14: wkb_tunneling,  # Δ°_max = ħω_D exp(−√(2M)Vd/ħ)
        15: mean_free_path_ratio,  # ℓ/λ = 1/(2π²C)
    }
)


def equation_table() -> list[tuple[int, str, str]]:
    """(N, ``module.function``, first docstring line) for Eqs. (1)–(15), in order."""
    rows = []
    for n, func in EQUATIONS.items():
        first = (func.__doc__ or "").strip().splitlines()[0]
        rows.append((n, f"{func.__module__}.{func.__qualname__}", first))
    return rows
