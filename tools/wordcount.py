"""Visible words per page of the built book: the text a reader sees without opening anything.

Reads the built HTML (default _build/html; the pages under book/) and counts the words of each
page's article: prose, headings, captions, tables and admonitions, but not what a reader must
open or that is not prose: the body of a closed ``<details>`` (a dropdown, a hidden input cell),
code (``pre``, ``code``, highlighted blocks, cell inputs), math (``.math``, MathJax output),
scripts, styles and the headings' permalink signs. A word is a whitespace-separated token with
at least one letter or digit, in the text as a browser lays it out (block elements end a word,
inline ones do not). tests/browser/visible_words.js counts the same way in Chromium
(tests/test_browser.py asserts the whole book's total). Usage:

    .venv/bin/python tools/wordcount.py [--html DIR] [--json] [PAGE ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
#: What a reader does not read as prose (the same list as tests/browser/visible_words.js).
NOT_PROSE = "pre, code, .highlight, .cell_input, .math, mjx-container, script, style, .headerlink, .remove-input"
WORD = re.compile(r"\w")
#: Elements that end a word where they end (inline elements do not: "10<sup>4</sup>" is one word).
BLOCKS = "p, li, td, th, dt, dd, div, h1, h2, h3, h4, h5, h6, caption, figcaption, tr, br, summary, table"


def visible_words(html: str) -> int:
    """The number of words a reader sees in one page's article, with every dropdown closed."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main") or soup.body
    if article is None:
        return 0
    for details in article.select("details:not([open])"):
        for child in list(details.children):
            if getattr(child, "name", None) != "summary":
                child.extract()
    for element in article.select(NOT_PROSE):
        element.decompose()
    for element in article.select(BLOCKS):
        element.append(" ")
    return sum(1 for token in article.get_text("").split() if WORD.search(token))


def count(html_root: Path, pages: list[str] | None = None) -> dict[str, int]:
    """Page stem -> visible words, for the book's pages (book/*.html) in name order."""
    found = {}
    for path in sorted((html_root / "book").glob("*.html")):
        if pages and path.stem not in pages:
            continue
        found[path.stem] = visible_words(path.read_text(encoding="utf-8"))
    return found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--json", action="store_true", help="one JSON object: page -> words, and the total")
    parser.add_argument("pages", nargs="*", help="chapter stems (default: every page)")
    args = parser.parse_args(argv)
    if not (args.html / "book").is_dir():
        sys.exit(f"wordcount: no built book in {args.html} (run `make book`)")
    words = count(args.html, args.pages)
    if args.json:
        print(json.dumps({"pages": words, "total": sum(words.values())}, indent=2))
        return
    for page, n in words.items():
        print(f"{page:24s} {n:7,d}")
    print(f"{'total':24s} {sum(words.values()):7,d}")


if __name__ == "__main__":
    main(sys.argv[1:])
