"""Eq. (N) of the paper in one step: the equation, its one function in tlslib, its page in the book.

:func:`equation_index` joins :data:`tlslib.equations.EQUATIONS` (the physics layer's canonical
function of each numbered equation) with the equation as the paper prints it and the label of the
display where the book works it out. Presentation only: the formulas are the paper's (transcribed,
Eqs. (1)–(15) of Carruzzo & Yu, PRL 124, 075902 (2020)), the labels the book's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tlslib.equations import EQUATIONS

__all__ = ["EQUATION_TEX", "BOOK_LABELS", "IndexRow", "EquationIndex", "equation_index"]

#: Each numbered equation of the paper as it prints it (the renormalized Hamiltonian of Eq. (4) by
#: its two new terms), in pieces between which a narrow page may break the line.
EQUATION_TEX: dict[int, tuple[str, ...]] = {
    1: (r"C = \bar P\gamma^2/\rho v^2",),
    2: (
        r"H = H_{\rm ph} + \tfrac12\sum_i(\varepsilon_i\sigma^z_i + \Delta^o_i\sigma^x_i)",
        r"+\,V^{-1/2}\sum_{ik}\gamma_i\epsilon^i_k\sigma^z_i",
    ),
    3: (r"P(\varepsilon,\Delta^o) = \bar P/\Delta^o",),
    4: (
        r"H:\ \Delta^o_i \to \Delta^o_{\max}e^{-\gamma_i^2/\gamma_o^2},",
        r"+\,\tfrac12\sum_{i\ne j}\sigma^z_i J_{ij}\sigma^z_j",
    ),
    5: (r"\gamma_o = \tfrac{\sqrt2}{3}\sqrt{\rho v^2 v_o\hbar\omega_D}",),
    6: (r"\bar P \approx \rho v^2/\gamma^2",),
    7: (r"\tilde n_o \approx \rho v^2/3\gamma_{\max}^2",),
    8: (r"P(\varepsilon,\Delta^o) = \bar P/\Delta^o",),
    9: (r"\bar P = \tfrac13(\rho v^2/\gamma_{\max}^2)(\gamma_o/\gamma_{\max})^2",),
    10: (r"\gamma = \gamma_o\ln^{1/2}(\Delta^o_{\max}/\Delta^o)",),
    11: (
        r"H = H_{\rm phonon} + \tfrac12\varepsilon\sigma^z + \tfrac12\Delta^o\sigma^x",
        r"+\,\sum_{k<k_m}\gamma(\Delta^o)\epsilon_k\sigma^z",
    ),
    12: (r"C = \bar P\gamma_{\rm eff}^2/\rho v^2", r"= \tfrac{\alpha^2}{3}(\gamma_o/\gamma_{\max})^4"),
    13: (r"\gamma_{\max} = \tfrac43(2/9\pi)^{2/3}\rho v^2 v_o",),
    14: (r"\Delta^o_{\max} = \hbar\omega_D e^{-\sqrt{2M}Vd/\hbar}",),
    15: (r"\ell/\lambda = 1/2\pi^2C",),
}

#: The display of the book where each equation is derived or, for Eq. (13), evaluated: (chapter, MyST label).
BOOK_LABELS: dict[int, tuple[str, str]] = {
    1: ("standard-model", "eq-sm-c"),
    2: ("standard-model", "eq-sm-hamiltonian"),
    3: ("standard-model", "eq-sm-distribution"),
    4: ("polaron", "eq-polaron-w-result"),
    5: ("polaron", "eq-polaron-eq5"),
    6: ("yu-leggett", "eq-yl-dos"),
    7: ("mean-field-dos", "eq-mf-n-tilde"),
    8: ("effective-model", "eq-effective-jacobian"),
    9: ("effective-model", "eq-effective-pbar"),
    10: ("effective-model", "eq-effective-gamma-of-delta"),
    11: ("effective-model", "eq-effective-hamiltonian"),
    12: ("universal-c", "eq-uc-eq12"),
    13: ("table1", "eq-table1-chain"),
    14: ("high-temperature", "eq-ht-wkb"),
    15: ("observables", "eq-obs-standard"),
}


@dataclass(frozen=True)
class IndexRow:
    """One equation: its number, the paper's form, the canonical function, the book's chapter and label."""

    number: int
    tex: tuple[str, ...]
    function: str
    chapter: str
    label: str


class EquationIndex:
    """The index as a MyST table (the page) and as plain lines (what nbval compares)."""

    def __init__(self, rows: list[IndexRow]):
        self.rows = rows

    def _repr_markdown_(self) -> str:
        # A list, not a table: a display formula does not wrap, and a table column of function
        # names was squeezed to a letter per line beside it (at 1280 px and on a phone alike).
        lines = []
        for r in self.rows:
            where = f"{{doc}}`{r.chapter}`, {{eq}}`{r.label}`"
            formula = " ".join(f"${piece}$" for piece in r.tex)
            lines.append(f"- **Eq. ({r.number})** {formula}  \n  `{r.function}`; in the book: {where}")
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return "\n".join(f"Eq. ({r.number}): {r.function} [{r.chapter}, {r.label}]" for r in self.rows)


def equation_index() -> EquationIndex:
    """Every numbered equation of the paper, in order, with its canonical function and book label."""
    rows = [
        IndexRow(n, EQUATION_TEX[n], f"{func.__module__}.{func.__qualname__}", *BOOK_LABELS[n])
        for n, func in EQUATIONS.items()
    ]
    return EquationIndex(rows)
