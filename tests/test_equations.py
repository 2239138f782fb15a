"""tlslib.equations: each of the paper's Eqs. (1)–(15) has one canonical function, which cites it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tlslib.equations import EQUATIONS, equation_table

PACKAGE = Path(__file__).resolve().parent.parent / "tlslib"


def test_every_numbered_equation_of_the_paper_has_a_canonical_function():
    # the letter numbers its display equations (1) to (15)
    assert sorted(EQUATIONS) == list(range(1, 16))


def test_each_canonical_function_opens_its_docstring_with_its_equation():
    # `grep -rn '"""Eq. (12)' tlslib` finds the one home of Eq. (12)
    for n, name, first in equation_table():
        assert first.startswith(f"Eq. ({n})"), f"{name} should open with 'Eq. ({n})': {first}"


def test_no_other_function_opens_its_docstring_with_an_equation():
    # the others say what they compute and cite the equations they build on further in
    canonical = {(f.__module__, f.__qualname__) for f in EQUATIONS.values()}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                doc = (ast.get_docstring(node) or "").strip()
                if re.match(r"Eqs?\.\s*\(", doc) and (module, node.name) not in canonical:
                    found.append(f"{module}.{node.name}: {doc.splitlines()[0]}")
    assert not found, "only the canonical function opens with its equation:\n" + "\n".join(found)


def test_no_function_is_the_home_of_two_equations():
    assert len({id(f) for f in EQUATIONS.values()}) == len(EQUATIONS)
