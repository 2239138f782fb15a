"""tlslib.equations: each of the paper's Eqs. (1)–(15) has one canonical function, which cites it."""

from __future__ import annotations

import re

from tlslib.equations import EQUATIONS, equation_table


def test_every_numbered_equation_of_the_paper_has_a_canonical_function():
    # the letter numbers its display equations (1) to (15)
    assert sorted(EQUATIONS) == list(range(1, 16))


def test_each_canonical_function_cites_its_equation_in_its_first_docstring_line():
    for n, name, first in equation_table():
        assert re.search(rf"Eqs?\. \(?{n}\b", first), f"{name} does not cite Eq. ({n}): {first}"


def test_no_function_is_the_home_of_two_equations():
    assert len({id(f) for f in EQUATIONS.values()}) == len(EQUATIONS)
