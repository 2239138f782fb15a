"""Shared fixtures (the paper's SiO₂ inputs, the repository root) and the nbval plugin of `make verify`."""

from __future__ import annotations

from pathlib import Path

import pytest

# Hooks that act on nbval's cells only: readable differences, verified chapters, timings.
from nbval_verified import (  # noqa: F401
    pytest_collection_modifyitems,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_terminal_summary,
)
from scipy import constants

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sio2() -> dict[str, float]:
    """SiO₂ row of Table I in SI: ρ [kg/m³], v [m/s], v_o [m³]."""
    return {"density": 2200.0, "velocity": 4163.0, "formula_volume": 45.3 * constants.angstrom**3}
