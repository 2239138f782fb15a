"""Input validation shared by the material record, the data loader and the CLI.

Bad input must never become a silently wrong number: every check raises
:class:`InputError` with a one-line message that names the offending quantity.
"""

from __future__ import annotations

import math

__all__ = ["InputError", "positive_finite"]


class InputError(ValueError):
    """A physical input is missing, malformed or unphysical (one-line message)."""


def positive_finite(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a finite number > 0, else raise InputError.

    Parameters
    ----------
    name : str
        What the value is, for the message (e.g. ``"density [kg/m^3]"``).
    value : object
        A number or a string holding one.
    """
    if isinstance(value, bool):
        raise InputError(f"{name} must be a number, got {value!r}")
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(x):
        raise InputError(f"{name} must be finite, got {value!r}")
    if x <= 0.0:
        raise InputError(f"{name} must be positive, got {value!r}")
    return x
