"""Compare the recorded (glued) values of two sets of reference notebooks, name by name.

Used to prove that a restructuring changes no number: ``python tools/compare_records.py OLD NEW``
where OLD and NEW are folders of executed notebooks (e.g. ``git worktree`` of the previous commit's
``tests/notebooks`` and the refreshed one). Exit 0 when every glued value of every chapter is the
same text in both; otherwise one line per difference and exit 1. Text outputs (tables, prints) are
compared too, as the multiset of their texts per chapter, since cells may be split or merged.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

RECORD_MIME = "application/papermill.record/text/plain"


def records(path: Path) -> tuple[dict[str, str], Counter]:
    """Glued values (name -> text) and the multiset of other text outputs of one notebook."""
    glued: dict[str, str] = {}
    texts: Counter = Counter()
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name is not None and RECORD_MIME in data:
                text = data[RECORD_MIME]
                glued[name] = "".join(text) if isinstance(text, list) else text
            elif out.get("output_type") == "stream":
                texts["".join(out["text"])] += 1
            elif "text/plain" in data:
                texts["".join(data["text/plain"])] += 1
    return glued, texts


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tools/compare_records.py OLD_DIR NEW_DIR", file=sys.stderr)
        return 2
    old_dir, new_dir = (Path(a) for a in argv)
    bad = 0
    for old in sorted(old_dir.glob("*.ipynb")):
        new = new_dir / old.name
        if not new.exists():
            print(f"{old.stem}: missing in {new_dir}")
            bad += 1
            continue
        (g_old, t_old), (g_new, t_new) = records(old), records(new)
        for name in sorted(g_old.keys() | g_new.keys()):
            if g_old.get(name) != g_new.get(name):
                print(f"{old.stem}: {name}: {g_old.get(name)!r} -> {g_new.get(name)!r}")
                bad += 1
        if t_old != t_new:
            for text in (t_old - t_new).keys() | (t_new - t_old).keys():
                print(f"{old.stem}: text output differs: {text[:100]!r}")
                bad += 1
        print(f"{old.stem}: {len(g_old)} glued values compared", file=sys.stderr)
    print(f"{bad} differences", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
