"""One reader for the book's CSV data files: header check, then one cell at a time, every error one line.

Every problem is an :class:`~tlslib.validation.InputError` whose message names the file, the line
and the column (``data/table1.csv, line 2, column density_kg_m3: 2.2 is not a density in kg/m³
(below 100; g/cm³?)``), which the command line prints as its one line on stderr (exit status 2).
A value in the wrong unit is refused, not converted: :class:`Plausible` says what range a column's
unit allows and which slip a value outside it suggests.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tlslib.validation import InputError

__all__ = ["Plausible", "CsvRow", "read_csv"]


@dataclass(frozen=True)
class Plausible:
    """The range a value in a column's unit can take, and the unit slip a value outside it suggests.

    ``what`` completes "… is not": e.g. ``"a density in kg/m³"``; ``low``/``high`` are inclusive
    bounds (None: unbounded); ``below``/``above`` are the hints printed for each side (``"g/cm³?"``).
    """

    what: str
    low: float | None = None
    high: float | None = None
    below: str = ""
    above: str = ""

    def check(self, text: str, value: float) -> str | None:
        """None if ``value`` is plausible, else the message (without file, line and column)."""
        for bound, hint, side, outside in (
            (self.low, self.below, "below", self.low is not None and value < self.low),
            (self.high, self.above, "above", self.high is not None and value > self.high),
        ):
            if outside:
                return f"{text} is not {self.what} ({side} {bound:g}{'; ' + hint if hint else ''})"
        return None


@dataclass(frozen=True)
class CsvRow:
    """One data line of a CSV file: its cells by column name, and where it is (for the messages)."""

    path: Path
    line: int
    cells: dict[str, str]

    def error(self, column: str, message: str) -> InputError:
        """The one-line error for ``column`` of this line."""
        return InputError(f"{self.path}, line {self.line}, column {column}: {message}")

    def text(self, column: str) -> str:
        """The cell, stripped of surrounding blanks."""
        return self.cells[column]

    def number(self, column: str, plausible: Plausible | None = None) -> float:
        """The cell as a finite number > 0, within ``plausible`` if given (InputError otherwise)."""
        text = self.cells[column]
        try:
            value = float(text)
        except ValueError:
            raise self.error(column, f"must be a number, got {text!r}") from None
        if not math.isfinite(value):
            raise self.error(column, f"must be finite, got {text!r}")
        if value <= 0.0:
            raise self.error(column, f"must be positive, got {text!r}")
        problem = plausible.check(text, value) if plausible is not None else None
        if problem is not None:
            raise self.error(column, problem)
        return value


def read_csv(path: str | Path, columns: Sequence[str]) -> list[CsvRow]:
    """The data lines of a CSV file whose header is exactly ``columns`` (blank lines skipped).

    Raises InputError (one line: file, line) for an unreadable or empty file, a different header, a
    line with the wrong number of fields, or no data line at all.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        raise InputError(f"{path}: file is empty")
    if tuple(h.strip() for h in header) != tuple(columns):
        raise InputError(f"{path}, line 1: header must be {','.join(columns)}")
    rows: list[CsvRow] = []
    for line, fields in enumerate(reader, start=2):
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(columns):
            raise InputError(f"{path}, line {line}: expected {len(columns)} fields, got {len(fields)}")
        rows.append(CsvRow(path, line, dict(zip(columns, (f.strip() for f in fields), strict=True))))
    if not rows:
        raise InputError(f"{path}: no data rows")
    return rows
