"""The reproduction at a glance: the ledger's verdicts as one list a reader takes in at once.

:func:`at_a_glance` turns the ledger's assessments into a :class:`Glance`: a Markdown face (a
MyST table with a link to the chapter of each claim, rendered by the book) and a plain face
(nbval compares it). It is generated from the ledger, never typed. Presentation only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tlslib.book import markup
from tlslib.book.numbers import quantity, readable
from tlslib.book.tables import _RAGGED

__all__ = ["Glance", "at_a_glance", "value_text"]

#: The PDF widths of claim, published, recomputed, verdict and why (fractions of the line).
_PDF_WIDTHS = (0.27, 0.13, 0.13, 0.12, 0.35)

#: How the ledger's display units are written after a number.
_UNIT_TEXT = {"1e-4": "×10⁻⁴", "": ""}


def value_text(value: Any, unit: str) -> str:
    """A ledger value (a number or a range) as a reader sees it, with its unit ("2.9×10⁻⁴", "0.65–1 eV")."""
    if value is None:
        return "—"
    suffix = _UNIT_TEXT.get(unit, "\u00a0" + unit)
    if isinstance(value, tuple | list):
        lo, hi = (quantity(v, sig=3) for v in value)
        return f"{lo}–{hi}{suffix}"
    return quantity(value, sig=3) + suffix


def _cell(text: str) -> str:
    for char in "\\|*_`<>[]":
        text = text.replace(char, "\\" + char)
    return text


class Glance:
    """Every claim that is not "reproduced", grouped by verdict, with the verdict counts."""

    def __init__(self, rows: list[dict[str, str]], counts: dict[str, int]):
        self.rows = rows
        self.counts = counts

    def _repr_markdown_(self) -> str:
        # A {table} of classes longtable (it breaks across PDF pages; a tabulary would run off the
        # page) and tlslib-glance (on a phone tools/static/book-chrome.css draws each row as a card),
        # with ragged paragraph columns of fixed widths in the PDF, so that no number is clipped.
        spec = "".join(f"{_RAGGED}\\Y{{{w:.2f}}}" for w in _PDF_WIDTHS)
        lines = ["```{raw} latex", "\\begingroup\\small\\setlength{\\tabcolsep}{4pt}", "```", ""]
        lines += ["```{tabularcolumns} " + spec, "```", "", "````{table}", ":class: longtable tlslib-glance", ""]
        lines += ["| claim | published | recomputed | verdict | why |", "|:---|---:|---:|:---|:---|"]
        for r in self.rows:
            claim, published, recomputed, why = (
                markup.myst(r[key], _cell) for key in ("claim", "published", "recomputed", "why")
            )
            # a unit may go under its number in the narrow PDF columns ("0.333" / "ρv²/γ_max²")
            published, recomputed = (v.replace("\u00a0", " ") for v in (published, recomputed))
            link = f"[{claim}]({r['chapter']}.md)" if r["chapter"] else claim
            lines.append(f"| {link} | {published} | {recomputed} | **{r['verdict']}** | {why} |")
        return "\n".join([*lines, "````", "", "```{raw} latex", "\\endgroup", "```"]) + "\n"

    def __repr__(self) -> str:
        out = [", ".join(f"{n} {v}" for v, n in self.counts.items())]
        for r in self.rows:
            out.append(f"{r['id']}: {r['verdict']}: published {r['published']}, recomputed {r['recomputed']}")
        return "\n".join(out)


def at_a_glance(assessments: Sequence[Any], order: Sequence[str]) -> Glance:
    """The claims whose verdict is not "reproduced", in the verdict order ``order`` (the ledger's VERDICTS).

    Parameters
    ----------
    assessments : sequence of tlslib.paper.ledger.Assessment
        The ledger.
    order : sequence of str
        The verdicts in the order to list them; "reproduced" is counted but not listed.
    """
    counts = {v: sum(a.verdict == v for a in assessments) for v in order}
    rows = []
    for verdict in order:
        if verdict == "reproduced":
            continue
        for a in assessments:
            if a.verdict != verdict:
                continue
            c = a.claim
            rows.append(
                {
                    "id": c.id,
                    "claim": c.claim,
                    "published": value_text(c.published, c.unit),
                    "recomputed": value_text(a.reproduced, c.unit),
                    "verdict": verdict,
                    "why": readable(a.note),
                    "chapter": c.chapter,
                }
            )
    return Glance(rows, counts)
