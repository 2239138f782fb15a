"""Standard atomic weights and the molar mass of a chemical formula (for v_o = M/(N_A ρ), below Eq. 13).

The weights are read from ``data/atomic_weights.csv`` (IUPAC 2021 conventional values; the
source is stated in data/README.md). Molar masses are returned in SI, kg/mol.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from scipy import constants

from tlslib.paper.files import data_path
from tlslib.validation import InputError, positive_finite

__all__ = ["ATOMIC_WEIGHTS_PATH", "load_atomic_weights", "formula_molar_mass"]

#: The data file shipped with the book.
ATOMIC_WEIGHTS_PATH: Path = data_path("atomic_weights.csv")

_COLUMNS = ("symbol", "element", "atomic_weight")
_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)")
#: Molar mass constant M_u [kg/mol] (A_r × M_u is a molar mass).
_MOLAR_MASS_CONSTANT = constants.physical_constants["molar mass constant"][0]


@lru_cache(maxsize=8)
def _load(path: Path) -> tuple[tuple[str, float], ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != _COLUMNS:
        raise InputError(f"{path}, line 1: header must be {','.join(_COLUMNS)}")
    weights: dict[str, float] = {}
    for line, fields in enumerate(reader, start=2):
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(_COLUMNS):
            raise InputError(f"{path}, line {line}: expected {len(_COLUMNS)} fields, got {len(fields)}")
        symbol = fields[0].strip()
        if not re.fullmatch(r"[A-Z][a-z]?", symbol):
            raise InputError(f"{path}, line {line}, column symbol: {symbol!r} is not a chemical symbol")
        if symbol in weights:
            raise InputError(f"{path}, line {line}, column symbol: duplicate symbol {symbol!r}")
        try:
            weights[symbol] = positive_finite("atomic_weight", fields[2].strip())
        except InputError as err:
            raise InputError(f"{path}, line {line}, column {err}") from None
    if not weights:
        raise InputError(f"{path}: no data rows")
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
        One line naming the file, line and column of the first problem.
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
