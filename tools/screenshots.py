"""Full-page screenshots of the built book at a desktop and a phone width, for looking at every page.

Headless Chromium (Debian's package; CHROMIUM=<path> picks another) over the HTML of `make book`,
read from disk (default _build/html). Writes <out>/<page>-<width>.png (default _build/screenshots). Usage:

    .venv/bin/python tools/screenshots.py [--html DIR] [--out DIR] [--width 1280 --width 390] [PAGE ...]

PAGE is a chapter stem (table1); without one, every page of the book.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
#: True once MathJax has typeset the page.
TYPESET = "() => window.MathJax && MathJax.startup && MathJax.startup.promise && MathJax.startup.promise.then(() => 1)"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "screenshots")
    parser.add_argument("--width", type=int, action="append", help="CSS pixels (repeat; default 1280 and 390)")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args(argv)
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        sys.exit("tools/screenshots.py: Chromium not found (apt-get install -y chromium)")
    book = args.html.resolve() / "book"
    pages = [book / f"{p}.html" for p in args.pages] or sorted(book.glob("*.html"))
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=FLAGS)
        for width in args.width or [1280, 390]:
            page = browser.new_page(viewport={"width": width, "height": 900 if width > 600 else 844})
            for html in pages:
                page.goto(html.as_uri(), wait_until="load")
                page.evaluate(TYPESET)
                page.wait_for_timeout(200)
                target = args.out / f"{html.stem}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
