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
import re
import subprocess
import sys
import time
from ast import literal_eval
from collections.abc import Sequence
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
_findings: list[dict] = []


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


def _relative(x: float, y: float) -> float:
    return abs(y - x) / abs(x) if x != 0 else (0.0 if y == 0 else math.inf)


def _table(text: str) -> dict | None:
    """A recorded table (``tlslib.book.recording.table_record``): {"columns": [...], "rows": [[...]]}."""
    try:
        value = literal_eval(text)
        table = json.loads(value) if isinstance(value, str) else None
    except (ValueError, SyntaxError, TypeError):
        return None
    return table if isinstance(table, dict) and "rows" in table else None


def _table_cells(name: str, a: dict, b: dict) -> list[dict]:
    """The cells of a recorded table that moved, each as one numeric finding."""
    found = []
    for i, (row_a, row_b) in enumerate(zip(a.get("rows", []), b.get("rows", []), strict=False)):
        for j, (x, y) in enumerate(zip(row_a, row_b, strict=False)):
            if x == y:
                continue
            column = a.get("columns", [])[j] if j < len(a.get("columns", [])) else j
            label = f"{name}[{row_a[0] if row_a else i}, {column}]"
            numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y))
            found.append(
                {
                    "kind": "moved",
                    "name": label,
                    "published": repr(x),
                    "now": repr(y),
                    "relative": _relative(float(x), float(y)) if numeric else None,
                }
            )
    if len(a.get("rows", [])) != len(b.get("rows", [])) or a.get("columns") != b.get("columns"):
        found.append({"kind": "text", "name": name})
    return found


def _streams(outputs: list, stream: str) -> str:
    return "".join(
        "".join(o.get("text", "")) for o in outputs if o.get("output_type") == "stream" and o.get("name") == stream
    )


def differences(chapter: str, reference: list, test: list) -> list[dict]:
    """What differs between the reference and the fresh outputs of one cell, one finding per item.

    Kinds: ``error`` (the fresh run raised), ``stderr`` (a warning the reference does not have:
    nbval compares stderr like any output, so the cell fails although no number moved),
    ``moved`` (a recorded number or a cell of a recorded table, with ``relative`` when both are
    numbers), ``absent`` (recorded on one side only), ``text`` (a recorded string or a table's
    shape), ``display`` (only a displayed output differs).
    """
    found: list[dict] = []
    for out in test:
        if out.get("output_type") == "error":
            found.append({"kind": "error", "text": f"{out.get('ename')}: {out.get('evalue')}"})
    warned, recorded_warning = _streams(test, "stderr"), _streams(reference, "stderr")
    if warned and warned != recorded_warning:
        first = next((line.strip() for line in warned.splitlines() if line.strip()), "")
        # "/tmp/ipykernel_1/2.py:2: UserWarning: findfont: ..." -> "UserWarning: findfont: ..."
        found.append({"kind": "stderr", "text": re.sub(r"^\S+:\d+: (?=\w+: )", "", first)})
    published, now = _records(reference), _records(test)
    for name in sorted(published.keys() | now.keys()):
        a, b = published.get(name), now.get(name)
        if a == b:
            continue
        if a is None or b is None:
            found.append({"kind": "absent", "name": name, "published": a, "now": b})
            continue
        x, y = _number(a), _number(b)
        if x is not None and y is not None:
            found.append({"kind": "moved", "name": name, "published": a, "now": b, "relative": _relative(x, y)})
            continue
        ta, tb = _table(a), _table(b)
        if ta is not None and tb is not None:
            found.extend(_table_cells(name, ta, tb))
        else:
            found.append({"kind": "text", "name": name})
    if not found:
        found.append({"kind": "display"})
    for item in found:
        item["chapter"] = chapter
    return found


def describe(item: dict) -> str:
    """One line for a finding of :func:`differences`."""
    chapter, kind = item["chapter"], item["kind"]
    if kind == "error":
        return f"{chapter}: a cell raised {item['text']}"
    if kind == "stderr":
        return f"{chapter}: a cell wrote a warning to stderr: {item['text']}"
    if kind == "absent":
        return (
            f"{chapter}: {item['name']}: published {item['published'] or '(absent)'}, now {item['now'] or '(absent)'}"
        )
    if kind == "moved":
        rel = item.get("relative")
        tail = "" if rel is None else f" (relative difference {rel:.1e})"
        return f"{chapter}: {item['name']}: published {item['published']}, now {item['now']}{tail}"
    if kind == "text":
        return f"{chapter}: {item['name']}: published and fresh text differ (a table or a string)"
    return f"{chapter}: a displayed output differs (no recorded number moved): see nbval's diff in the log"


def describe_differences(chapter: str, reference: list, test: list) -> list[str]:
    """One line per recorded value that differs between the published and the fresh outputs."""
    return [describe(item) for item in differences(chapter, reference, test)]


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
            why = str(call.excinfo.value).strip().splitlines()[:1] if call.excinfo else []
            _findings.append({"chapter": Path(path).stem, "kind": "error", "text": f"{call.when} failed {why}"})
        return
    _outputs.setdefault(path, {})[item.cell_num] = item.test_outputs or []
    _elapsed[path] = time.perf_counter() - _started.get(path, time.perf_counter())
    if report.failed:
        _failed.add(path)
        found = differences(Path(path).stem, item.cell.get("outputs", []), item.test_outputs or [])
        _findings.extend(found)
        lines = [describe(f) for f in found]
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
        # What the referee's report (``python tests/nbval_verified.py``) reads back after the run.
        (folder / f"findings-{worker}.json").write_text(
            json.dumps({"chapters": sorted(Path(p).stem for p in _elapsed), "findings": _findings}, indent=1)
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


# The referee's report, printed by ``make verify`` after the run (``python tests/nbval_verified.py``):
# at most MAX_LINES lines; pytest's own output goes to the log file whose path it prints.

MAX_LINES = 40
WIDTH = 118
REFERENCES = ROOT / "tests" / "notebooks"
#: The inputs whose uncommitted changes the report lists when a number moved.
INPUTS = ("tlslib", "data", "tests/notebooks")


def recorded_values(notebook: Path) -> int:
    """How many values nbval compares in a reference notebook: each glued scalar, each cell of a glued table."""
    nb = nbformat.read(notebook, as_version=4)
    count = 0
    for cell in nb.cells:
        for text in _records(cell.get("outputs", [])).values() if cell.cell_type == "code" else ():
            table = _table(text)
            count += 1 if table is None else sum(len(row) for row in table["rows"])
    return count


def read_findings(folder: Path) -> tuple[list[str], list[dict]]:
    """The chapters executed and the findings of every pytest-xdist worker of the last run."""
    chapters, findings = set(), []
    for path in sorted(folder.glob("findings-*.json")):
        data = json.loads(path.read_text())
        chapters.update(data["chapters"])
        findings.extend(data["findings"])
    return sorted(chapters), findings


def git_changes(root: Path = ROOT, paths: Sequence[str] = INPUTS) -> list[str] | None:
    """``git status --porcelain`` lines for ``paths``; None without git or outside a checkout."""
    try:
        done = subprocess.run(
            ["git", "status", "--porcelain", "--", *paths], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def chapter_claims(claims_notebook: Path) -> list[dict]:
    """The ledger as an executed claims chapter shows it: one {id, verdict, claim, note} per row of its
    ``ledger_<verdict>`` tables, verdict by verdict (empty if the notebook or its tables are missing)."""
    claims: list[dict] = []
    if not claims_notebook.exists():
        return claims
    nb = nbformat.read(claims_notebook, as_version=4)
    for cell in nb.cells:
        for name, text in _records(cell.get("outputs", [])).items() if cell.cell_type == "code" else ():
            table = _table(text) if name.startswith("ledger_") else None
            if table is None or "id" not in table.get("columns", []):
                continue
            columns = table["columns"]
            verdict = name.removeprefix("ledger_").replace("_", " ")
            for row in table["rows"]:
                fields = dict(zip(columns, row, strict=False))
                claims.append({"id": fields["id"], "verdict": verdict, **{k: fields.get(k) for k in ("claim", "note")}})
    return claims


def reference_verdicts(claims_notebook: Path) -> dict[str, str]:
    """Claim id -> verdict as recorded in the claims chapter's reference (its ``ledger_<verdict>`` tables)."""
    return {c["id"]: c["verdict"] for c in chapter_claims(claims_notebook)}


def current_claims(python: str = sys.executable) -> list[dict] | None:
    """``python -m tlslib claims --json`` now; None if it fails."""
    done = subprocess.run(
        [python, "-m", "tlslib", "claims", "--json"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return None
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        return None


def verdict_changes(reference: dict[str, str], claims: list[dict]) -> list[str]:
    """One line per claim whose verdict differs from the reference (new and dropped claims included)."""
    now = {c["id"]: c["verdict"] for c in claims}
    lines = []
    for cid in sorted(reference.keys() | now.keys()):
        was, is_ = reference.get(cid, "(not in the reference)"), now.get(cid, "(no longer in the ledger)")
        if was != is_:
            lines.append(f"{cid}: {was} -> {is_}")
    return lines


#: The ledger's verdicts in the order it lists them (tlslib.paper.ledger.VERDICTS).
VERDICT_ORDER = ("reproduced", "discrepant", "typo", "consistency check", "depends on a choice", "not checkable")


def _verdict_rank(claim: dict) -> int:
    v = claim["verdict"]
    return VERDICT_ORDER.index(v) if v in VERDICT_ORDER else len(VERDICT_ORDER)


def verdict_summary(claims: list[dict]) -> str:
    counts: dict[str, int] = {}
    for c in sorted(claims, key=_verdict_rank):
        counts[c["verdict"]] = counts.get(c["verdict"], 0) + 1
    return f"{len(claims)} claims: " + ", ".join(f"{n} {v}" for v, n in counts.items())


def _pytest_tally(log: Path) -> str | None:
    if not log.exists():
        return None
    tallies = [
        m.group(1) for m in re.finditer(r"^=*\s*(\d+ (?:passed|failed|error).* in [\d.]+s)", log.read_text(), re.M)
    ]
    return tallies[-1].strip("= ") if tallies else None


def _wrapped(title: str, items: list[str]) -> list[str]:
    """``title`` and the comma-separated items, wrapped at WIDTH between items only."""
    lines, line = [], "  " + title
    for n, item in enumerate(items):
        piece = item + ("," if n < len(items) - 1 else "")
        if len(line) + 1 + len(piece) > WIDTH and line.strip():
            lines.append(line)
            line = "    " + piece
        else:
            line += ("" if line.endswith(": ") else " ") + piece
    return [*lines, line]


def _listed(title: str, lines: list[str], limit: int) -> list[str]:
    if not lines:
        return []
    shown = lines[:limit]
    more = f" (first {limit} of {len(lines)}; all in the log)" if len(lines) > limit else ""
    return [f"  {title}{more}:"] + [f"    {line}" for line in shown]


def build_report(
    status: int,
    log: str,
    chapters: dict[str, int],
    findings: list[dict],
    changes: list[str] | None,
    reference: dict[str, str],
    claims: list[dict] | None,
    tally: str | None = None,
) -> list[str]:
    """The lines ``make verify`` prints at the end (at most :data:`MAX_LINES`).

    chapters: chapter -> values compared; findings: :func:`differences` items of the run;
    changes: :func:`git_changes`; reference: :func:`reference_verdicts`; claims: the ledger now.
    """
    moved = [f for f in findings if f["kind"] in ("moved", "absent", "text")]
    warnings = [f for f in findings if f["kind"] == "stderr"]
    errors = [f for f in findings if f["kind"] == "error"]
    displays = [f for f in findings if f["kind"] == "display"]
    total = sum(chapters.values())
    where = "the book's recorded outputs (tests/notebooks/)"
    lines: list[str] = []
    if status == 0:
        lines.append(f"make verify: every output of every chapter matches {where}")
    elif moved:
        bad = len({f["chapter"] for f in moved})
        lines.append(
            f"make verify: {len(moved)} recorded values in {bad} of {len(chapters)} chapters differ from {where}"
        )
    elif warnings and not errors:
        lines.append("make verify: no recorded value moved, but a cell wrote a warning to stderr (listed below)")
    else:
        lines.append(f"make verify: FAILED, some outputs differ from {where}")
    counted = f"{len(chapters)} chapter" + ("" if len(chapters) == 1 else "s")
    lines.append(f"  {total} values compared in {counted}" + (f" (pytest: {tally})" if tally else ""))
    per_chapter = []
    for name, n in chapters.items():
        k = sum(f["chapter"] == name for f in moved)
        per_chapter.append(f"{name} {n}" + (f" ({k} moved)" if k else ""))
    lines += _wrapped("per chapter: ", per_chapter)
    if status != 0:
        if changes is None:
            lines.append("  inputs changed: unknown (no git checkout)")
        else:
            lines.append(f"  inputs that differ from git: {'; '.join(changes) if changes else 'none'}")
        numeric = [f for f in moved if f.get("relative") is not None]
        if numeric:
            largest = max(numeric, key=lambda f: f["relative"])
            where_moved = f"{largest['chapter']}: {largest['name']}: {largest['published']} -> {largest['now']}"
            lines.append(f"  largest relative change: {largest['relative']:.1e} ({where_moved})")
        ranked = sorted(moved, key=lambda f: (f.get("relative") is None, -(f.get("relative") or 0.0)))
        lines += _listed("moved values, largest change first", [describe(f) for f in ranked], 8)
        lines += _listed(
            "warnings on stderr (nbval compares stderr as an output: the cell fails, no number moved)",
            [describe(f) for f in warnings],
            4,
        )
        lines += _listed("errors", [describe(f) for f in errors], 4)
        if displays and not moved:
            lines += _listed("other outputs", [describe(f) for f in displays], 3)
        if not findings:
            lines.append(f"  pytest exited with status {status} before comparing a cell: see the log")
    if claims is None:
        lines.append("claims ledger: `python -m tlslib claims --json` failed (see the log)")
    else:
        lines.append(f"claims ledger: {verdict_summary(claims)}")
        changed = verdict_changes(reference, claims) if reference else []
        if status != 0 or changed:
            if not reference:
                lines.append("  (no reference verdicts: tests/notebooks/claims.ipynb missing)")
            elif changed:
                lines += _listed("verdicts that changed from the reference", changed, 8)
            else:
                lines.append("  no verdict changed from the reference (tests/notebooks/claims.ipynb)")
        if status == 0:
            others = sorted((c for c in claims if c["verdict"] != "reproduced"), key=_verdict_rank)
            lines.append(f'  {len(others)} claims are not "reproduced" (python -m tlslib claims for the table):')
            for c in others:
                why = (
                    (c.get("note") or c.get("claim") or "").splitlines()[0] if (c.get("note") or c.get("claim")) else ""
                )
                line = f"    {c['id']:<38} {c['verdict']:<17} {why}"
                lines.append(line if len(line) <= WIDTH else line[: WIDTH - 1] + "…")
    lines.append(f"full log: {log}")
    if len(lines) > MAX_LINES:
        lines = lines[: MAX_LINES - 2] + ["  … (more in the log)", lines[-1]]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``python tests/nbval_verified.py --status N --log FILE``: print the report; exit 1 unless N is 0."""
    import argparse

    parser = argparse.ArgumentParser(description="the report of make verify")
    parser.add_argument("--status", type=int, required=True, help="pytest's exit status")
    parser.add_argument("--log", default="_build/verify.log", help="pytest's full log")
    parser.add_argument("--verified", default=str(_verified_dir()), help="the plugin's output folder")
    args = parser.parse_args(argv)
    ran, findings = read_findings(Path(args.verified))
    chapters = {p.stem: recorded_values(p) for p in sorted(REFERENCES.glob("*.ipynb")) if not ran or p.stem in ran}
    changes = git_changes() if args.status != 0 else []
    report = build_report(
        args.status,
        args.log,
        chapters,
        findings,
        changes,
        reference_verdicts(REFERENCES / "claims.ipynb"),
        # the ledger of this run, as its claims chapter computed it; the CLI's if that chapter did not run
        chapter_claims(Path(args.verified) / "claims.ipynb") or current_claims(),
        _pytest_tally(Path(args.log)),
    )
    print("\n".join(report))
    return 0 if args.status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
