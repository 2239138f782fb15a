"""The three layers: physics (tlslib/*.py) ← the paper (tlslib/paper/) ← the book (tlslib/book/).

The physics takes its glass and its model choices as arguments: no module directly under tlslib/
imports the paper or the book layer, opens data/, or keeps the paper's α or Δ°_max as a default
(they live in data/parameters.toml, read by tlslib.paper.parameters as PAPER).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from scipy import constants

PACKAGE = Path(__file__).resolve().parent.parent / "tlslib"
#: The edges: the command line and the package's entry points may use every layer.
EDGES = {"cli", "__main__"}
PHYSICS = sorted(p for p in PACKAGE.glob("*.py") if p.stem not in EDGES)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


@pytest.mark.parametrize("path", PHYSICS, ids=lambda p: p.stem)
def test_a_physics_module_imports_neither_the_paper_nor_the_book(path):
    upward = {n for n in _imports(path) if n.startswith(("tlslib.paper", "tlslib.book"))}
    assert not upward, f"{path.name} imports {sorted(upward)}"


@pytest.mark.parametrize("path", PHYSICS, ids=lambda p: p.stem)
def test_a_physics_module_never_opens_the_data_folder(path):
    text = path.read_text(encoding="utf-8")
    assert "data/" not in text.replace("data/parameters.toml", "") or path.stem == "__init__", path.name
    assert "importlib.resources" not in text and "open(" not in text, path.name


def test_the_old_home_of_the_papers_numbers_is_gone():
    assert not (PACKAGE / "parameters.py").exists()
    users = [p.name for p in PACKAGE.rglob("*.py") if "tlslib.parameters" in _imports(p)]
    assert not users


@pytest.mark.parametrize("path", PHYSICS, ids=lambda p: p.stem)
def test_no_physics_function_defaults_to_the_papers_alpha_or_tunneling_element(path):
    # α = 2.5 and Δ°_max = 10 K are the paper's choices: a physics function is given them
    module = importlib.import_module(f"tlslib.{path.stem}" if path.stem != "__init__" else "tlslib")
    paper = {2.5, 10.0 * constants.k}
    found = []
    for name, func in inspect.getmembers(module, inspect.isfunction):
        if func.__module__ != module.__name__:
            continue
        for p in inspect.signature(func).parameters.values():
            if isinstance(p.default, float) and p.default in paper:
                found.append(f"{name}({p.name}={p.default!r})")
    assert not found, f"{path.name}: " + ", ".join(found)
