"""The light install: the wheel of `pip install .` gives a working CLI and API with numpy and scipy alone.

Run by `make install-check` (about ten seconds; `make unit` deselects the marker). The wheel is built
from a copy of the sources (no build/ left in the checkout), installed without its dependencies
into a fresh venv that sees only numpy and scipy (linked from .venv: no network), and run from
another directory, so neither the source tree nor a book-only package (matplotlib, pandas,
Jupyter) can be what makes it work.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import numpy
import pytest
import scipy

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.install
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
#: What the source distribution needs to build the wheel (pyproject.toml maps data/ to tlslib.data).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "tlslib", "data")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stdout}{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("wheel")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, src / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", out, src, cwd=src)
    (built,) = out.glob("tlslib-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed and numpy, scipy (and nothing else) importable."""
    root = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", root, cwd=root)
    # numpy and scipy of .venv, linked into one folder the new venv reads through a .pth file.
    deps = tmp_path_factory.mktemp("deps")
    for module in (numpy, scipy):
        site = Path(module.__file__).resolve().parent.parent
        for entry in site.iterdir():
            if entry.name.split("-")[0].split(".")[0] == module.__name__:
                (deps / entry.name).symlink_to(entry)
    purelib = Path(sysconfig.get_path("purelib", vars={"base": str(root), "platbase": str(root)}))
    (purelib / "numpy-scipy.pth").write_text(f"{deps}\n", encoding="utf-8")
    # .venv's pip installs into the new venv (`--python`), without dependencies and with no index.
    _run(sys.executable, "-m", "pip", "--python", root / "bin" / "python", "install", "--quiet", "--no-deps",
         "--no-index", wheel, cwd=root)  # fmt: skip
    return root


@pytest.fixture
def elsewhere(tmp_path) -> tuple[Path, dict[str, str]]:
    """A directory outside the checkout and an environment without this checkout's settings."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    return tmp_path, env


def test_wheel_ships_the_package_and_its_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("table1.csv", "claims.toml", "atomic_weights.csv", "README.md", "__init__.py"):
        assert f"tlslib/data/{name}" in names, f"tlslib/data/{name} missing from the wheel"
    for module in ("cli.py", "paper/table1.py", "paper/csvfile.py", "book/__init__.py"):
        assert f"tlslib/{module}" in names, f"tlslib/{module} missing from the wheel"
    assert wheel.name.startswith(f"tlslib-{VERSION}-")


def test_installed_cli_prints_table1_from_another_directory(venv, elsewhere):
    cwd, env = elsewhere
    rows = json.loads(_run(venv / "bin" / "tlslib", "table1", "--json", cwd=cwd, env=env).stdout)
    assert len(rows) == 10 and rows[0]["glass"] == "SiO2"
    # Table I, SiO2: C_th = 2.9e-4 printed, 2.938e-4 recomputed (tests/test_table1.py)
    assert rows[0]["C"] == pytest.approx(2.938e-4, abs=1e-7)


def test_installed_cli_predicts_with_a_measurement(venv, elsewhere):
    cwd, env = elsewhere
    done = _run(venv / "bin" / "tlslib", "predict", "--density", "2200", "--velocity", "4163", "--volume", "45.3",
                "--measurement", "relaxation", "--frequency", "1000", "--temperature", "0.5", "--json",
                cwd=cwd, env=env)  # fmt: skip
    record = json.loads(done.stdout)
    assert record["measurement"] == "relaxation" and 1e-4 < record["C"] < 1e-3


def test_installed_api_is_the_wheel_and_needs_no_book_package(venv, elsewhere):
    cwd, env = elsewhere
    script = (
        "import importlib.util, json, tlslib\n"
        "from tlslib.paper.table1 import recompute_table1\n"
        "from tlslib.paper.ledger import ledger\n"
        "print(json.dumps({'file': tlslib.__file__, 'version': tlslib.__version__,\n"
        "  'rows': len(recompute_table1()), 'claims': len(ledger()),\n"
        "  'book_packages': [m for m in ('matplotlib', 'pandas', 'myst_nb') if importlib.util.find_spec(m)]}))\n"
    )
    found = json.loads(_run(venv / "bin" / "python", "-c", script, cwd=cwd, env=env).stdout)
    assert Path(found["file"]).resolve().is_relative_to(venv.resolve()), found["file"]
    assert found["version"] == VERSION
    assert found["rows"] == 10 and found["claims"] > 0
    assert found["book_packages"] == [], "the light install must not see the book's packages"
