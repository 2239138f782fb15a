"""Write environment.yml (conda / Binder) from requirements.lock, so the two name the same pins.

tlslib itself is not in it: Binder (repo2docker) installs the environment before it copies the
repository, so a "-e ." line would fail there. Binder installs it in `postBuild`; with conda,
run `pip install --no-deps -e .` after `conda env create -f environment.yml`.
Usage: python tools/make_environment.py  (run by `make lock`).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    pins = [
        line.strip()
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    lines = [
        "# Generated from requirements.lock by tools/make_environment.py (`make lock`); do not edit.",
        "name: tlslib-book",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
        "  - pip:",
        *[f"      - {pin}" for pin in pins],
        "",
    ]
    (ROOT / "environment.yml").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
