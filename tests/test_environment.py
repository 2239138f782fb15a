"""environment.yml (conda/Binder) and requirements.lock must pin the same packages."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)$")


def pins(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        m = PIN.match(line.strip().lstrip("- ").strip())
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_lock_pins_every_line_exactly():
    body = [ln for ln in (ROOT / "requirements.lock").read_text().splitlines() if ln and not ln.startswith("#")]
    assert body and all(PIN.match(ln) for ln in body), "every lock line must be name==version"


def test_environment_and_lock_name_the_same_packages():
    lock = pins((ROOT / "requirements.lock").read_text().splitlines())
    env = pins((ROOT / "environment.yml").read_text().splitlines())
    assert env == lock


def test_environment_is_python_3_11():
    assert "python=3.11" in (ROOT / "environment.yml").read_text()


def test_lock_holds_the_toolchain():
    lock = pins((ROOT / "requirements.lock").read_text().splitlines())
    assert lock["jupyter-book"] == "1.0.4.post1"
    for name in ("numpy", "scipy", "nbval", "jupytext", "ipykernel", "nbconvert", "matplotlib", "pandas"):
        assert name in lock
