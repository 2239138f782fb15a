"""Table I of the paper: a validated loader for ``data/table1.csv`` and its recomputation."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import constants

from tlslib.chain import Prediction, predict
from tlslib.materials import Material
from tlslib.paper.files import data_path
from tlslib.parameters import ALPHA
from tlslib.precision import agrees_to_printed_digits
from tlslib.validation import InputError, positive_finite

__all__ = [
    "TABLE1_PATH",
    "COLUMNS",
    "C_SCALE",
    "Table1Row",
    "Table1Comparison",
    "load_table1",
    "compare_row",
    "recompute_table1",
    "table1_rows",
    "table1_row",
    "measured_coupling_constants",
    "median_measured_coupling_constant",
    "measured_coupling_constant_range",
    "recomputed_coupling_constant",
    "recomputed_debye_energy",
]

#: The data file shipped with the book.
TABLE1_PATH: Path = data_path("table1.csv")

#: Header of ``table1.csv``, in order (units in the names; see data/README.md).
COLUMNS: tuple[str, ...] = (
    "glass",
    "density_kg_m3",
    "velocity_m_s",
    "formula_volume_A3",
    "debye_temperature_K",
    "C_exp_1e4",
    "C_th_1e4",
)

#: The C columns of Table I are printed as C × 10⁴.
C_SCALE: float = 1e-4


@dataclass(frozen=True)
class Table1Row:
    """One printed row of Table I, converted to SI.

    Attributes
    ----------
    material : Material
        ρ [kg/m³], v [m/s], v_o [m³].
    debye_temperature : float
        Printed T_D [K].
    c_exp, c_th : float
        Printed measured and theoretical C (not scaled by 10⁴).
    c_th_decimals : int
        Number of decimals with which C_th × 10⁴ is printed (its precision).
    """

    material: Material
    debye_temperature: float
    c_exp: float
    c_th: float
    c_th_decimals: int

    @property
    def glass(self) -> str:
        """Name of the glass as printed."""
        return self.material.name


@dataclass(frozen=True)
class Table1Comparison:
    """A printed row next to its recomputation from the row's own ρ, v and v_o.

    Attributes
    ----------
    row : Table1Row
        The printed values.
    prediction : Prediction
        The recomputed chain.
    ratio : float
        C recomputed / C_th printed.
    reproduces : bool
        True if the recomputed C rounds to the printed C_th at the printed precision.
    """

    row: Table1Row
    prediction: Prediction
    ratio: float
    reproduces: bool


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def load_table1(path: str | Path = TABLE1_PATH) -> list[Table1Row]:
    """Read and validate Table I from CSV.

    Parameters
    ----------
    path : str or Path, optional
        The CSV file; the shipped ``data/table1.csv`` by default.

    Raises
    ------
    InputError
        One line naming the file, the line and the column of the first problem:
        missing file, wrong header, wrong number of fields, empty or duplicate glass
        name, or a value that is not a finite positive number.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        raise InputError(f"{path}: file is empty")
    if tuple(h.strip() for h in header) != COLUMNS:
        raise InputError(f"{path}, line 1: header must be {','.join(COLUMNS)}")
    rows: list[Table1Row] = []
    seen: set[str] = set()
    for line, fields in enumerate(reader, start=2):
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(COLUMNS):
            raise InputError(f"{path}, line {line}: expected {len(COLUMNS)} fields, got {len(fields)}")
        cells = dict(zip(COLUMNS, (f.strip() for f in fields), strict=True))
        name = cells["glass"]
        if not name:
            raise InputError(f"{path}, line {line}, column glass: empty name")
        if name in seen:
            raise InputError(f"{path}, line {line}, column glass: duplicate glass {name!r}")
        seen.add(name)
        values: dict[str, float] = {}
        for column in COLUMNS[1:]:
            try:
                values[column] = positive_finite(column, cells[column])
            except InputError as err:
                raise InputError(f"{path}, line {line}, column {err}") from None
        material = Material(
            name=name,
            density=values["density_kg_m3"],
            velocity=values["velocity_m_s"],
            formula_volume=values["formula_volume_A3"] * constants.angstrom**3,
        )
        rows.append(
            Table1Row(
                material=material,
                debye_temperature=values["debye_temperature_K"],
                c_exp=values["C_exp_1e4"] * C_SCALE,
                c_th=values["C_th_1e4"] * C_SCALE,
                c_th_decimals=_decimals(cells["C_th_1e4"]),
            )
        )
    if not rows:
        raise InputError(f"{path}: no data rows")
    return rows


def compare_row(row: Table1Row, alpha: float = ALPHA) -> Table1Comparison:
    """Recompute C (Eq. 12 with Eqs. 5, 13) from a row's inputs and compare with its C_th.

    The verdict is "reproduces" when |C − C_th| × 10⁴ is at most half a unit of the
    last printed digit of C_th × 10⁴, i.e. when C rounds to the printed value.

    Parameters
    ----------
    row : Table1Row
        A printed row.
    alpha : float, optional
        γ_eff/γ_o.
    """
    prediction = predict(row.material, alpha)
    reproduces = bool(
        agrees_to_printed_digits(prediction.coupling_constant / C_SCALE, row.c_th / C_SCALE, row.c_th_decimals)
    )
    return Table1Comparison(
        row=row,
        prediction=prediction,
        ratio=prediction.coupling_constant / row.c_th,
        reproduces=reproduces,
    )


def recompute_table1(path: str | Path = TABLE1_PATH, alpha: float = ALPHA) -> list[Table1Comparison]:
    """Load Table I and compare every row with its recomputation.

    Parameters
    ----------
    path : str or Path, optional
        The CSV file.
    alpha : float, optional
        γ_eff/γ_o.
    """
    return [compare_row(row, alpha) for row in load_table1(path)]


@lru_cache(maxsize=1)
def table1_rows() -> tuple[Table1Row, ...]:
    """The rows of the shipped ``data/table1.csv``, loaded once."""
    return tuple(load_table1())


def table1_row(glass: str) -> Table1Row:
    """The printed row of one glass of the shipped Table I (InputError if there is none).

    Parameters
    ----------
    glass : str
        Its name as printed (e.g. ``"SiO2"``).
    """
    for row in table1_rows():
        if row.glass == glass:
            return row
    raise InputError(f"Table I has no glass {glass!r}")


def measured_coupling_constants() -> np.ndarray:
    """The C_exp column of Table I [dimensionless]."""
    return np.array([r.c_exp for r in table1_rows()])


def median_measured_coupling_constant() -> float:
    """Median of Table I's C_exp, the "typical" measured C of the abstract [dimensionless]."""
    return float(np.median(measured_coupling_constants()))


def measured_coupling_constant_range() -> tuple[float, float]:
    """(min, max) of Table I's C_exp, the measured range quoted below Eq. (1) [dimensionless]."""
    c = measured_coupling_constants()
    return float(c.min()), float(c.max())


def recomputed_coupling_constant(glass: str, alpha: float = ALPHA) -> float:
    """C of Eq. (12) from the printed ρ, v, v_o of one glass [dimensionless].

    Parameters
    ----------
    glass : str
        Its name in Table I.
    alpha : float, optional
        γ_eff/γ_o.
    """
    return predict(table1_row(glass).material, alpha).coupling_constant


def recomputed_debye_energy(glass: str) -> float:
    """k_B T_D = ħv(6π²/v_o)^(1/3) from the printed v and v_o of one glass [J].

    Parameters
    ----------
    glass : str
        Its name in Table I.
    """
    return predict(table1_row(glass).material).debye_temperature * constants.k
