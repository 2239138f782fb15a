"""Standard atomic weights and the molar mass of a chemical formula (for v_o = M/(N_A ρ), below Eq. 13).

The weights are read from ``data/atomic_weights.csv`` (IUPAC 2021 conventional values; the
source is stated in data/README.md). Molar masses are returned in SI, kg/mol.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from scipy import constants

from tlslib.paper.csvfile import Plausible, read_csv
from tlslib.paper.files import data_path
from tlslib.validation import InputError

__all__ = ["ATOMIC_WEIGHTS_PATH", "load_atomic_weights", "formula_molar_mass"]

#: The data file shipped with the book.
ATOMIC_WEIGHTS_PATH: Path = data_path("atomic_weights.csv")

_COLUMNS = ("symbol", "element", "atomic_weight")
_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)")
#: Molar mass constant M_u [kg/mol] (A_r × M_u is a molar mass).
_MOLAR_MASS_CONSTANT = constants.physical_constants["molar mass constant"][0]


#: A standard atomic weight lies between hydrogen's 1.008 and about 300 (no element is heavier).
PLAUSIBLE_WEIGHT = Plausible(
    "a standard atomic weight A_r", low=1.0, high=300.0, below="a molar mass in kg/mol?", above="no element is heavier"
)


@lru_cache(maxsize=8)
def _load(path: Path) -> tuple[tuple[str, float], ...]:
    weights: dict[str, float] = {}
    for cells in read_csv(path, _COLUMNS):
        symbol = cells.text("symbol")
        if not re.fullmatch(r"[A-Z][a-z]?", symbol):
            raise cells.error("symbol", f"{symbol!r} is not a chemical symbol")
        if symbol in weights:
            raise cells.error("symbol", f"duplicate symbol {symbol!r}")
        weights[symbol] = cells.number("atomic_weight", PLAUSIBLE_WEIGHT)
    return tuple(weights.items())


def load_atomic_weights(path: str | Path = ATOMIC_WEIGHTS_PATH) -> dict[str, float]:
    """Standard atomic weights A_r (dimensionless) by chemical symbol.

    Parameters
    ----------
    path : str or Path, optional
        The CSV file; the shipped ``data/atomic_weights.csv`` by default.

    Raises
    ------
    InputError
        One line naming the file, line and column of the first problem (a weight outside
        1–300 is refused: :data:`PLAUSIBLE_WEIGHT`).
    """
    return dict(_load(Path(path).resolve()))


def formula_molar_mass(formula: str, path: str | Path = ATOMIC_WEIGHTS_PATH) -> float:
    """Molar mass M = M_u Σ n_i A_r,i of a formula unit such as ``"SiO2"`` or ``"C5H8O2"`` [kg/mol].

    Parameters
    ----------
    formula : str
        Element symbols each followed by an optional integer count; no brackets.
    path : str or Path, optional
        The atomic-weight table.

    Raises
    ------
    InputError
        If the formula is malformed or names an element missing from the table.
    """
    weights = load_atomic_weights(path)
    if not formula or "".join(m.group(0) for m in _TOKEN.finditer(formula)) != formula:
        raise InputError(f"formula {formula!r} must be element symbols with optional counts, e.g. C5H8O2")
    total = 0.0
    for symbol, count in _TOKEN.findall(formula):
        if symbol not in weights:
            raise InputError(f"formula {formula!r}: no atomic weight for {symbol!r} in {Path(path).name}")
        n = int(count) if count else 1
        if n == 0:
            raise InputError(f"formula {formula!r}: zero count for {symbol!r}")
        total += n * weights[symbol]
    return total * _MOLAR_MASS_CONSTANT
