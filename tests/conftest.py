"""Shared fixtures (the paper's SiO₂ inputs, the repository root) and the nbval plugin of `make verify`."""

from __future__ import annotations

import numbers
import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest
from nbval_kernel import install as _install_nbval_kernel_start

# Hooks that act on nbval's cells only: readable differences, verified chapters, timings.
from nbval_verified import (  # noqa: F401
    pytest_collection_modifyitems,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_terminal_summary,
)
from scipy import constants

ROOT = Path(__file__).resolve().parent.parent

# nbval's kernels over Unix sockets, their start-up failures explained (tests/nbval_kernel.py).
_install_nbval_kernel_start()

# pytest.approx adds abs=1e-12 to its relative tolerance: an expected value below ~1e-6 (an SI energy
# of 1e-22 J, a volume of 4.5e-29 m³) then passes for almost any value, a factor 2 included. Every
# approx of the suite goes through this wrapper: an expected magnitude outside [1e-6, 1e6] must
# state abs= (or be compared in natural units, J → K, m³ → Å³). Zero is exempt (abs=1e-12 is meant).
APPROX_MAGNITUDES = (1e-6, 1e6)
_pytest_approx = pytest.approx


def _magnitudes(expected) -> list[float]:
    """The nonzero finite |values| of an approx expectation (scalar, array, sequence or mapping)."""
    if isinstance(expected, Mapping):
        return [m for value in expected.values() for m in _magnitudes(value)]
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        values = np.array([abs(complex(expected))])
    else:
        try:
            values = np.abs(np.asarray(expected, dtype=complex)).ravel()
        except (TypeError, ValueError):
            return []
    return [float(v) for v in values if v != 0 and np.isfinite(v)]


def checked_approx(expected, rel=None, abs=None, nan_ok=False):  # noqa: A002 (pytest's own keywords)
    """pytest.approx that refuses an expected magnitude far from 1 without an explicit abs."""
    if abs is None:
        low, high = APPROX_MAGNITUDES
        outside = [m for m in _magnitudes(expected) if not low <= m <= high]
        if outside:
            raise AssertionError(
                f"pytest.approx({expected!r}) without abs=: magnitude {outside[0]:.3g} is outside "
                f"[{low:g}, {high:g}], where the default abs=1e-12 (or rel) makes the comparison "
                "meaningless or unclear; state abs= or compare in natural units (J -> K, m³ -> Å³)"
            )
    return _pytest_approx(expected, rel=rel, abs=abs, nan_ok=nan_ok)


pytest.approx = checked_approx


@pytest.fixture
def sio2() -> dict[str, float]:
    """SiO₂ row of Table I in SI: ρ [kg/m³], v [m/s], v_o [m³]."""
    return {"density": 2200.0, "velocity": 4163.0, "formula_volume": 45.3 * constants.angstrom**3}


@pytest.fixture(autouse=True, scope="session")
def _fresh_tlslib_caches() -> None:
    """Empty tlslib's lru caches when a session starts.

    mutmut forks each mutant's test run from a process that has already run the tests, so a cached
    grid or resonant change holds the unmutated result and a mutant of the code behind it is never
    executed (every mutant of _sech2_half survived that way). A fresh session starts from empty caches.
    """
    for name, module in list(sys.modules.items()):
        if name == "tlslib" or name.startswith("tlslib."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                    value.cache_clear()
