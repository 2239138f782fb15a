"""A pytest plugin over nbval: what a referee reads when a number moves, and one execution for two uses.

Loaded by ``make verify`` (``-p tests.nbval_verified``) beside ``--nbval``. nbval stays the verifier:
it executes every chapter once and compares each output with the published reference in
tests/notebooks. This plugin adds three things and changes no comparison (beyond skipping a
figure's SVG and PDF faces as nbval skips its PNG):

1. **A readable verdict.** When a cell differs, each recorded number that moved is listed as
   ``chapter: quantity: published X, now Y (relative difference Z)``, in the cell's report and
   again at the end of the run, so a reader does not have to read nbval's string diffs.
2. **The executed chapters.** A chapter whose every cell passed is written, with the outputs of
   this run (figures included), to ``$NBVAL_VERIFIED_DIR`` (default ``_build/verified``). The HTML
   build is then seeded from these files (tools/seed_cache.py) instead of executing the chapters
   again: every page shows outputs produced and verified in the same run.
3. **Timings.** The wall time of each chapter goes to ``timings.json`` in the same folder, for
   ``make bench``.
"""

from __future__ import annotations

import json
import math
import os
import time
from ast import literal_eval
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORD_MIME = "application/papermill.record/text/plain"

_outputs: dict[str, dict[int, list]] = {}
_failed: set[str] = set()
_started: dict[str, float] = {}
_elapsed: dict[str, float] = {}
_differences: list[str] = []


def _verified_dir() -> Path:
    return Path(os.environ.get("NBVAL_VERIFIED_DIR", ROOT / "_build" / "verified"))


def _is_nbval_cell(item: pytest.Item) -> bool:
    return type(item).__name__ == "IPyNbCell"


def _records(outputs: list) -> dict[str, str]:
    """Recorded (glued) values of one cell: name -> plain text."""
    found = {}
    for out in outputs:
        name = out.get("metadata", {}).get("scrapbook", {}).get("name")
        text = out.get("data", {}).get(RECORD_MIME)
        if name is not None and text is not None:
            found[name] = "".join(text) if isinstance(text, list) else text
    return found


def _number(text: str) -> float | None:
    try:
        value = literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def describe_differences(chapter: str, reference: list, test: list) -> list[str]:
    """One line per recorded value that differs between the published and the fresh outputs."""
    lines = []
    for out in test:
        if out.get("output_type") == "error":
            lines.append(f"{chapter}: a cell raised {out.get('ename')}: {out.get('evalue')}")
    published, now = _records(reference), _records(test)
    for name in sorted(published.keys() | now.keys()):
        a, b = published.get(name), now.get(name)
        if a == b:
            continue
        if a is None or b is None:
            lines.append(f"{chapter}: {name}: published {a or '(absent)'}, now {b or '(absent)'}")
            continue
        x, y = _number(a), _number(b)
        if x is not None and y is not None:
            rel = abs(y - x) / abs(x) if x != 0 else math.inf
            lines.append(f"{chapter}: {name}: published {a}, now {b} (relative difference {rel:.1e})")
        else:
            lines.append(f"{chapter}: {name}: published and fresh text differ (a table or a string)")
    if not lines:
        lines.append(f"{chapter}: a displayed output differs (no recorded number moved): see nbval's diff above")
    return lines


#: A figure's vector faces (tlslib.book.setup_figures): nbval skips PNG and JPEG only, and the
#: references hold no figure (tools/refresh_notebooks.py), so these are not compared either.
FIGURE_MIMES = ("image/svg+xml", "application/pdf")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Figures are never compared: nbval's list of skipped outputs gets the vector formats too."""
    for item in items:
        if _is_nbval_cell(item) and not set(FIGURE_MIMES) <= set(item.parent.skip_compare):
            item.parent.skip_compare = tuple(item.parent.skip_compare) + FIGURE_MIMES


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    if not _is_nbval_cell(item):
        return
    report = outcome.get_result()
    path = str(item.parent.fspath)
    if call.when == "setup":
        _started.setdefault(path, time.perf_counter())
    if call.when != "call":
        if report.failed:
            _failed.add(path)
        return
    _outputs.setdefault(path, {})[item.cell_num] = item.test_outputs or []
    _elapsed[path] = time.perf_counter() - _started.get(path, time.perf_counter())
    if report.failed:
        _failed.add(path)
        lines = describe_differences(Path(path).stem, item.cell.get("outputs", []), item.test_outputs or [])
        _differences.extend(lines)
        report.sections.append(("recorded numbers that moved", "\n".join(lines)))


def _write_verified(path: str) -> None:
    """The reference notebook with this run's outputs, when every one of its cells passed."""
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    runs = _outputs.get(path, {})
    if path in _failed or len(runs) != len(code):
        return
    for number, cell in enumerate(code):
        cell.outputs = [_as_output(out) for out in runs[number]]
        cell.execution_count = number + 1
    out = _verified_dir() / Path(path).name
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)


def _as_output(out: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """nbval keeps kernel messages; the notebook format wants outputs (no execution_count on display_data)."""
    kind = out.get("output_type")
    if kind == "execute_result":
        return nbformat.v4.new_output(kind, data=out["data"], metadata=out.get("metadata", {}), execution_count=None)
    if kind == "display_data":
        return nbformat.v4.new_output(kind, data=out["data"], metadata=out.get("metadata", {}))
    if kind == "stream":
        return nbformat.v4.new_output(kind, name=out["name"], text=out["text"])
    return nbformat.v4.new_output(kind, **{k: v for k, v in out.items() if k != "output_type"})


def pytest_sessionfinish(session: pytest.Session) -> None:
    for path in _outputs:
        _write_verified(path)
    if _elapsed:
        folder = _verified_dir()
        folder.mkdir(parents=True, exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        (folder / f"timings-{worker}.json").write_text(
            json.dumps({Path(p).stem: round(s, 2) for p, s in sorted(_elapsed.items())}, indent=1)
        )


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    lines = list(_differences)
    for report in terminalreporter.stats.get("failed", []):
        for title, text in report.sections:
            if title == "recorded numbers that moved":
                lines.extend(text.splitlines())
    lines = list(dict.fromkeys(lines))
    if lines:
        terminalreporter.section("numbers that do not reproduce the published book")
        for line in lines:
            terminalreporter.write_line(line)
