"""`make mutation`, after `mutmut run`: the mutation score, the survivors by module, and a threshold.

The score is killed (a unit test failed, or the mutant timed out) over the mutants that were tested;
a mutant no unit test reaches counts as a survivor, and so does every equivalent one (the threshold
is on this score); the last line also gives killed over the mutants not shown equivalent.
Reads mutants/*.meta (mutmut's own records).

Survivors are sorted into four kinds (the score counts all of them):
  dtype    only `dtype=float` of an `np.asarray`/`astype` changed or dropped: equivalent, the inputs are
           floats already or become floats at the first arithmetic with a float;
  message  only the text of an error message (a string, or the name `positive_finite` prints, made
           None) changed: equivalent for every result, the error is still raised;
  argued   a real change of the code shown, in tools/mutation_equivalent/*.toml, not to change any
           result (the entry names the file, the function, the removed and added lines and says why);
  open     anything else: a real change of the code; its diff is printed.

An entry of tools/mutation_equivalent/ that matches no survivor is listed as stale (the mutant is
killed now, or the line changed): delete it or restate it.

Usage: python tools/mutation_report.py [--all-diffs] [--threshold PERCENT]
Exit 1 when the score is below PERCENT. The last line printed is the score.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
# mutmut's exit codes: 1 a test failed, 3 pytest interrupted (-x), 36 and -24 time limits (SIGXCPU).
KILLED = {1, 3, -24, 24, 36, 152}
NOT_REACHED = 33
SKIPPED = {34, 37}
KINDS = ("open", "argued", "dtype", "message")
ARGUED = ROOT / "tools" / "mutation_equivalent"

_STRING = re.compile(r"""[rbfu]*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
_DTYPE = re.compile(r",\s*(?:dtype=)?(?:float|None)\s*(?=[,)])|\.astype\((?:float|None)\)")


def records() -> dict[str, int | None]:
    """Mutant name -> mutmut's exit code for that mutant (None: not run)."""
    out: dict[str, int | None] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        out.update(json.loads(meta.read_text())["exit_code_by_key"])
    return out


def source_path(name: str) -> str:
    """tlslib.chain.x_predict__mutmut_3 -> tlslib/chain.py (so mutmut need not search every record)."""
    parts = name.split(".")
    first = next(i for i, part in enumerate(parts) if part.startswith(("x_", "xǁ")))
    return "/".join(parts[:first]) + ".py"


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    """The removed and the added lines of a unified diff, without the file headers."""
    body = [line for line in diff.splitlines() if not line.startswith(("---", "+++"))]
    return [x[1:] for x in body if x.startswith("-")], [x[1:] for x in body if x.startswith("+")]


def function_name(name: str) -> str:
    """tlslib.chain.x_predict__mutmut_3 -> predict; tlslib.m.xǁClassǁmethod__mutmut_1 -> Class.method."""
    last = next(part for part in name.split(".") if part.startswith(("x_", "xǁ")))
    last = last.rsplit("__mutmut_", 1)[0]
    return last[2:] if last.startswith("x_") else ".".join(x for x in last[1:].split("ǁ") if x)


def _squashed(lines: list[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", x).strip() for x in lines)


def argued_entries() -> list[dict[str, object]]:
    """The entries of tools/mutation_equivalent/*.toml, each with its file of origin."""
    entries = []
    for path in sorted(ARGUED.glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", []):
            missing = {"file", "function", "removed", "added", "why"} - set(entry)
            if missing:
                raise SystemExit(f"{path.relative_to(ROOT)}: an entry lacks {', '.join(sorted(missing))}")
            entries.append({**entry, "source": path.relative_to(ROOT).as_posix()})
    return entries


def argued_key(file: str, function: str, removed: list[str], added: list[str]) -> tuple[object, ...]:
    return (file, function, _squashed(removed), _squashed(added))


def kind(diff: str) -> str:
    """dtype, message or open (see the module docstring)."""
    minus, plus = changed_lines(diff)

    def squash(lines: list[str], pattern: re.Pattern[str], by: str) -> list[str]:
        return [re.sub(r"\s+", "", pattern.sub(by, x)).replace(",)", ")") for x in lines]

    if squash(minus, _DTYPE, "") == squash(plus, _DTYPE, ""):
        return "dtype"
    strings_only = [x.replace("None", "S") for x in squash(minus, _STRING, "S")]
    if strings_only == [x.replace("None", "S") for x in squash(plus, _STRING, "S")] and any(
        "raise" in x or "Error" in x or "positive_finite" in x for x in minus
    ):
        return "message"
    return "open"


def main() -> int:
    args = sys.argv[1:]
    threshold = float(args[args.index("--threshold") + 1]) if "--threshold" in args else None
    if not MUTANTS.is_dir():
        print("no mutants/ folder: run `make mutation`")
        return 1
    codes = records()
    tested = {k: v for k, v in codes.items() if v not in SKIPPED}
    killed = sorted(k for k, v in tested.items() if v in KILLED)
    survivors = sorted(k for k in tested if k not in set(killed))
    score = 100 * len(killed) / max(len(tested), 1)

    # mutmut 3.8 loads [tool.mutmut] on first use; the diffs need the current directory at the root.
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    diffs = {name: get_diff_for_mutant(name, path=source_path(name)).rstrip() for name in survivors}
    kinds = {name: kind(diffs[name]) for name in survivors}
    reasons = {argued_key(e["file"], e["function"], e["removed"], e["added"]): e for e in argued_entries()}
    used: set[tuple[object, ...]] = set()
    for name in survivors:
        key = argued_key(source_path(name), function_name(name), *changed_lines(diffs[name]))
        if kinds[name] == "open" and key in reasons:
            kinds[name] = "argued"
            used.add(key)
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name in survivors:
        by_module[name.split(".")[1]][kinds[name]] += 1

    print(f"survivors by module ({len(survivors)}; kinds in tools/mutation_report.py's docstring):")
    print(f"  {'module':<24}" + "".join(f"{k:>9}" for k in KINDS))
    for module in sorted(by_module, key=lambda m: -sum(by_module[m].values())):
        print(f"  {module:<24}" + "".join(f"{by_module[module][k]:>9}" for k in KINDS))
    for name in survivors:
        if kinds[name] == "open" or "--all-diffs" in args:
            note = " (no unit test reaches it)" if codes[name] == NOT_REACHED else ""
            print(f"\n# {name} [{kinds[name]}]{note}\n{diffs[name]}")
            if kinds[name] == "argued":
                key = argued_key(source_path(name), function_name(name), *changed_lines(diffs[name]))
                print(f"why: {reasons[key]['why']}")
    stale = [e for key, e in reasons.items() if key not in used]
    for e in stale:
        print(f"\nstale entry of {e['source']}: {e['file']} {e['function']}: {e['removed']} -> {e['added']}")
    total = Counter(kinds.values())
    print(
        f"\n{len(survivors)} survivors: {total['open']} open, {total['argued']} argued equivalent "
        f"(tools/mutation_equivalent/), {total['dtype']} dtype and {total['message']} message-only; "
        f"{len(stale)} stale entries"
    )
    verdict = ""
    if threshold is not None:
        verdict = f"; threshold {threshold:g} %: " + ("FAIL" if score < threshold else "pass")
    equivalent = total["argued"] + total["dtype"] + total["message"]
    rest = max(len(tested) - equivalent, 1)
    print(
        f"mutation score: {len(killed)}/{len(tested)} killed ({score:.1f} %); {len(killed)}/{rest} of the mutants "
        f"not shown equivalent ({100 * len(killed) / rest:.1f} %){verdict}"
    )
    return 1 if threshold is not None and score < threshold else 0


if __name__ == "__main__":
    sys.exit(main())
