"""Where the shipped data files are: the top-level ``data/`` folder, installed as the package ``tlslib.data``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["data_path"]


def data_path(name: str) -> Path:
    """The path of the shipped data file ``name`` (``table1.csv``, ``claims.toml``, ...).

    The folder is ``data/`` of the source tree in an editable install and ``tlslib/data`` of
    site-packages in a regular one (pyproject.toml maps it); the file need not exist.
    """
    return Path(str(files("tlslib.data").joinpath(name)))
