"""tools/sphinx_offline.py: the version and commit that the HTML footer and the PDF cover state."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import sphinx_offline  # noqa: E402 (a tool, not a package: imported from its folder)

sys.path.pop(0)

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def test_version_is_the_projects():
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert sphinx_offline.book_version(ROOT) == expected


def test_version_without_pyproject_is_unknown(tmp_path):
    assert sphinx_offline.book_version(tmp_path) == "unknown version"


def test_commit_outside_a_git_checkout_is_unknown(tmp_path):
    """The unzipped archive is no git checkout: its rebuilt book says so rather than failing."""
    assert sphinx_offline.book_commit(tmp_path) == ("unknown commit", "")


@needs_git
def test_commit_of_a_folder_inside_another_repository_is_unknown(tmp_path):
    """An archive unzipped inside some other repository must not take that repository's commit."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    book = tmp_path / "unzipped-book"
    book.mkdir()
    assert sphinx_offline.book_commit(book) == ("unknown commit", "")


@needs_git
def test_commit_of_a_checkout_is_its_short_hash_and_date(tmp_path):
    run = {"cwd": tmp_path, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)
    (tmp_path / "a.txt").write_text("one\n", encoding="utf-8")
    subprocess.run(["git", "add", "a.txt"], **run)
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", *identity, "commit", "-q", "-m", "one"], **run)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], text=True, **run).stdout.strip()
    commit, date = sphinx_offline.book_commit(tmp_path)
    assert commit == head
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", date)
    # A tracked file changed after the commit: the build is not that commit's book, and says so.
    (tmp_path / "a.txt").write_text("two\n", encoding="utf-8")
    assert sphinx_offline.book_commit(tmp_path)[0] == f"{head} with local changes"
