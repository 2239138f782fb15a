"""Table I of the paper: a validated loader for ``data/table1.csv`` and its recomputation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import constants

from tlslib.chain import Prediction, predict
from tlslib.materials import Material
from tlslib.paper.csvfile import Plausible, read_csv
from tlslib.paper.files import data_path
from tlslib.paper.parameters import PAPER
from tlslib.precision import agrees_to_printed_digits
from tlslib.validation import InputError

__all__ = [
    "TABLE1_PATH",
    "COLUMNS",
    "PLAUSIBLE",
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
#: The columns of a row that :meth:`Table1Row.printed` gives, in the table's units.
PRINTED_COLUMNS: tuple[str, ...] = ("c_th", "c_exp", "debye_temperature", "formula_volume")


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

    def printed(self, column: str) -> float:
        """A cell in the table's units (C × 10⁴, K, Å³); ``column`` one of :data:`PRINTED_COLUMNS`."""
        cells = {
            "c_th": self.c_th / C_SCALE,
            "c_exp": self.c_exp / C_SCALE,
            "debye_temperature": self.debye_temperature,
            "formula_volume": self.material.formula_volume / constants.angstrom**3,
        }
        return float(cells[column])


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


#: The range each column's unit allows: a value outside is a unit slip, refused with its likely cause.
PLAUSIBLE: dict[str, Plausible] = {
    "density_kg_m3": Plausible("a density in kg/m³", low=100.0, below="g/cm³?"),
    "velocity_m_s": Plausible("a sound velocity in m/s", low=100.0, below="km/s?"),
    "formula_volume_A3": Plausible(
        "a formula-unit volume in Å³", low=1.0, high=10_000.0, below="m³ or nm³?", above="not one formula unit?"
    ),
    "C_exp_1e4": Plausible("a C × 10⁴", low=0.01, below="C itself rather than C × 10⁴?"),
    "C_th_1e4": Plausible("a C × 10⁴", low=0.01, below="C itself rather than C × 10⁴?"),
}


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
        name, a value that is not a finite positive number, or one outside the range of
        its column's unit (:data:`PLAUSIBLE`: ρ below 100 kg/m³, v below 100 m/s, v_o
        outside 1–10,000 Å³, C × 10⁴ below 0.01).
    """
    rows: list[Table1Row] = []
    seen: set[str] = set()
    for cells in read_csv(path, COLUMNS):
        name = cells.text("glass")
        if not name:
            raise cells.error("glass", "empty name")
        if name in seen:
            raise cells.error("glass", f"duplicate glass {name!r}")
        seen.add(name)
        values = {column: cells.number(column, PLAUSIBLE.get(column)) for column in COLUMNS[1:]}
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
                c_th_decimals=_decimals(cells.text("C_th_1e4")),
            )
        )
    return rows


def compare_row(row: Table1Row, alpha: float = PAPER.alpha) -> Table1Comparison:
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


def recompute_table1(path: str | Path = TABLE1_PATH, alpha: float = PAPER.alpha) -> list[Table1Comparison]:
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


def recomputed_coupling_constant(glass: str, alpha: float = PAPER.alpha) -> float:
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
    return predict(table1_row(glass).material, alpha=PAPER.alpha).debye_temperature * constants.k
