"""tools/archive.py without building the book: what the offline zip must hold for `make verify` to run
there (tests/test_publication.py builds the zip and runs `make verify` in it, in `make publication`)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def archive_tool():
    """tools/archive.py as a module (tools/ is not a package); tests/test_publication.py uses it too."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import archive
    finally:
        sys.path.pop(0)
    return archive


def _local_imports(path: Path) -> set[str]:
    """The modules of tests/ that ``path`` imports (top-level import statements only)."""
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name for name in names if (TESTS / f"{name}.py").exists()}


def test_the_archive_holds_every_test_module_that_make_verify_imports():
    # make verify runs pytest on tests/notebooks: tests/conftest.py and whatever it imports from tests/,
    # transitively (the last CI run found tests/nbval_kernel.py missing only by running the zip's make verify)
    needed, todo = set(), ["conftest"]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo += sorted(_local_imports(TESTS / f"{name}.py"))
    shipped = set(archive_tool().ROOT_FILES)
    assert {f"tests/{name}.py" for name in needed} <= shipped
    assert "tests/sanitize.cfg" in shipped
