"""tlslib.parameter_set: a frozen set of model choices, varied with replace(), validated on construction."""

from __future__ import annotations

import dataclasses

import pytest
from scipy import constants

from tlslib.parameter_set import ParameterSet
from tlslib.validation import InputError


def _set(**changes):
    base = dict(
        name="test",
        tunneling_max=10 * constants.k,
        alpha=2.5,
        alpha_tunneling_fast=1 * constants.k,
        alpha_tunneling_slow=5e-11 * constants.k,
        angular_average=3.0,
        relaxation_branches=3.0,
        cutoff_radius=2.5,
        tensor_shape=(2.0, -1.0, -1.0),
    )
    return ParameterSet(**(base | changes))


def test_a_parameter_set_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        _set().alpha = 3.0


def test_replace_changes_one_choice_and_names_it():
    variant = _set().replace(tunneling_max=20 * constants.k)
    assert variant.tunneling_max == 20 * constants.k and variant.alpha == 2.5
    assert "tunneling_max" in variant.name


def test_replace_refuses_an_unknown_parameter():
    with pytest.raises(InputError, match="unknown parameters: tunnelling_max"):
        _set().replace(tunnelling_max=1.0)


def test_the_alpha_range_must_lie_below_the_bare_tunneling_element():
    # Δ°_fast = 20 K above Δ°_max = 10 K would give a negative ln(Δ°_max/Δ°)
    with pytest.raises(InputError, match="Δ°_slow < Δ°_fast < Δ°_max"):
        _set(alpha_tunneling_fast=20 * constants.k)


def test_a_tensor_dipole_must_be_traceless():
    with pytest.raises(InputError, match="not traceless"):
        _set(tensor_shape=(1.0, 1.0, 1.0))


def test_a_non_positive_choice_is_refused():
    with pytest.raises(InputError, match="alpha"):
        _set(alpha=0.0)
