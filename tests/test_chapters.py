"""book/*.md: a chapter never types a number that data/parameters.toml holds; it glues or reads it.

The parameter file is the one home of every number the paper fixes and every choice the book
makes (tlslib.paper.parameters). A chapter that types α = 2.5 or Δ°_max = 10 K again would keep
showing the old number after the file changes. This test reads every chapter's prose, figure
captions, the strings of its code (figure labels) and the numeric literals of its code, and fails
on each number the file holds:

- a *distinctive* value (one that is not a small round number: 2.5, 5×10⁻¹¹ K, 2200 kg/m³,
  the seed 20200221, ...) wherever it is typed, with its unit when the entry has one;
- a *round* value (10 K, 1 K, 3, ...), which prose uses for many other things, only where it is
  written as the parameter: after the entry's symbol (Δ°_max = 10 K, R_c = 2.5, α = 5) and, in code,
  multiplied by a temperature unit (``10.0 * K``);
- the uniaxial and planar tensor shapes as a triple, (2, −1, −1) and (1, 0, −1).

Not numbers of the file: equation labels and references, citations, glue roles (they *are* the
glued numbers), link targets, matplotlib style keywords (``lw=2.5``) and Python comments (hand
calculations). :data:`ALLOWED` lists the few remaining exceptions, each with its reason.
"""

from __future__ import annotations

import io
import math
import re
import tokenize
from pathlib import Path

import pytest

from tlslib.paper.parameters import ENTRIES

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("*.md"))
#: Chapters that other branches bring to this rule; the lead removes the mark after merging them.

#: Numbers too common in prose to mean the parameter unless written as it (symbol or unit factor).
ROUND = {0.0, 0.01, 0.02, 0.1, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 20.0, 100.0, 1e3}
#: Entries that are counts or fractions of the budget: typed only in context (their symbol).
CONTEXT_ONLY = {
    "budget_draws",
    "resolved_min_count",
    "input_uncertainty_density",
    "input_uncertainty_velocity",
    "input_uncertainty_molar_mass",
    "gap_onset",
    "coupling_window",
    "relaxation_branches",
    "angular_average",
}
#: How prose writes an entry's symbol just before its value ("Δ°_max = 10 K").
_EQ = r"\$?\s*(?:=|≈|~|\\approx|\\sim|\\simeq|of|is)\s*\$?\s*"
SYMBOLS = {
    "tunneling_max": r"(?:Δ°_?\{?max\}?|\\Delta\^\{?o\}?_\{?\\(?:rm\s*)?max\}?|\\Delta\^o_\{\\max\})",
    "alpha": r"(?:α|\\alpha)",
    "alpha_range": r"(?:α|\\alpha)",
    "cutoff_radius": r"(?:R_c|R_\{c\}|R_\{\\rm c\})",
    "alpha_tunneling_fast": r"(?:Δ°|\\Delta\^\{?o\}?)(?![_\w])",
    "alpha_tunneling_slow": r"(?:Δ°|\\Delta\^\{?o\}?)(?![_\w])",
    "relaxation_branches": r"(?<![\w\\])n",
    "angular_average": r"(?:⟨A⟩|\\langle\s*A\s*\\rangle)",
    "budget_draws": r"draws",
}
#: Units as the prose writes them after a number, with the factor to the file's unit.
_SPACE = r"(?:\s|\$|\\,|\\;|\\ |~|\u2009|\u202f|\u00a0)*"
UNIT_SPELLINGS = {
    "K": [(r"K", 1.0), (r"mK", 1e-3), (r"\\mathrm\{K\}", 1.0), (r"\\text\{K\}", 1.0), (r"\{\\rm K\}", 1.0)],
    "Hz": [(r"Hz", 1.0), (r"kHz", 1e3), (r"MHz", 1e6), (r"GHz", 1e9)],
    "Å": [(r"Å(?!³)", 1.0), (r"\\AA", 1.0)],
    "Å³": [(r"Å³", 1.0), (r"Å\^3", 1.0), (r"\\AA\^3", 1.0)],
    "kg/m³": [(r"kg/m³", 1.0), (r"kg\s*m⁻³", 1.0), (r"kg/m\^3", 1.0)],
    "m/s": [(r"m/s", 1.0), (r"m\s*s⁻¹", 1.0)],
}
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
#: A number as prose and LaTeX write it: 2.5, 2 200, 5×10⁻¹¹, 5\times10^{-11}, 10^{-4}, 3e7, −1.
NUMBER = re.compile(
    r"(?<![\w.^{\\/])(?P<sign>[−-])?(?P<mant>\d+(?:[ ,_\u2009]\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?:×|\\times|\\cdot)\s*10(?:\^\{?(?P<exp>[−-]?\d+)\}?|(?P<sup>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)))?"
    r"(?:[eE](?P<e>[+-]?\d+))?(?![\d_]|\.\d|[A-Za-z]\w)"
)
#: Markup whose digits are not numbers of the text.
_NOT_TEXT = [
    re.compile(r"\{glue(?::\w+)?\}`[^`]*`"),  # a glued value
    re.compile(r"\{(?:eq|numref|ref|doc|cite(?::\w+)?|term|download)\}`[^`]*`"),  # references
    re.compile(r"^\(.*\)=\s*$", re.M),  # a target label
    re.compile(r"\$\$\s*\([^)]*\)"),  # an equation label after $$
    re.compile(r"\]\([^)]*\)"),  # a link target
    re.compile(r"https?://\S+"),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"^:(?:label|name|tags|width|align|class|figwidth)?:.*$", re.M),  # directive options
    re.compile(r"\bEqs?\.\s*\(?\d+\)?(?:\s*(?:–|-|,|and)\s*\(?\d+\)?)*"),  # Eq. (12), Eqs. (8)–(9)
    re.compile(r"\[\d+(?:,\s*\d+)*\]"),  # the paper's reference numbers
]
#: matplotlib and numpy keywords whose numbers are style, not physics.
STYLE_KEYWORDS = {
    "lw",
    "linewidth",
    "alpha",
    "ms",
    "markersize",
    "fontsize",
    "size",
    "zorder",
    "width",
    "height",
    "figsize",
    "s",
    "pad",
    "labelpad",
    "rotation",
    "dpi",
    "mew",
    "capsize",
    "fraction",
    "shrink",
}
#: Temperature factors of the book's code: ``10.0 * K``.
TEMPERATURE_NAMES = {"K", "KB", "kB", "k_B"}

#: (chapter, text around the number) that the rule allows, each with its reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("polaron", r"A\rangle = 1/3"): "derived there: the traceless normalization gives ⟨A⟩ = 1/3, not a choice",
    ("polaron", r"A\rangle=1/3"): "derived there: the traceless normalization gives ⟨A⟩ = 1/3, not a choice",
    ("which-alpha", "checks = [(1e3, 0.5, 2.5)"): "test points (f, T, α) of a quadrature check",
    ("which-alpha", r"The $\alpha$ of 1 kHz at 0.5"): "a frequency and a temperature of the example, not α's range",
    ("which-alpha", "up to 30 MHz at 1 K"): "the range over which the grid was checked, not the band's edge",
    ("effective-model", "C(α=1)"): "C at α = 1, the coefficient of α² (a column header), not the range's end",
}


def _values(entry) -> list[tuple[float, bool]]:
    """(value in the file's unit, is an alternative) for an entry: its value(s) and alternatives."""
    if isinstance(entry.value, tuple):  # a range: its round ends are typed in context only
        found = [(float(v), float(v) in ROUND) for v in entry.value]
    else:
        found = [(float(entry.value), False)]
    if entry.name != "tensor_shape":
        found += [(float(a), True) for a in entry.alternatives]
    return found


def _number(match: re.Match) -> float:
    mant = float(re.sub(r"[ ,_\u2009]", "", match["mant"]))
    exponent = match["exp"] or (match["sup"] and match["sup"].translate(_SUPER)) or match["e"]
    if exponent:
        mant *= 10.0 ** int(exponent.replace("−", "-"))
    return -mant if match["sign"] else mant


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-300)


def _unit_after(text: str, end: int, unit: str) -> float | None:
    """The factor to ``unit`` if ``text`` writes that unit right after position ``end``."""
    for spelling, factor in UNIT_SPELLINGS.get(unit, []):
        if re.match(_SPACE + spelling + r"(?![A-Za-z])", text[end:]):
            return factor
    return None


def _symbol_before(text: str, start: int, name: str) -> bool:
    symbol = SYMBOLS.get(name)
    return bool(symbol) and re.search(symbol + _EQ + r"$", text[max(0, start - 60) : start]) is not None


def prose_hits(text: str) -> list[tuple[str, str]]:
    """(entry, the text around it) for every parameter number the prose ``text`` types."""
    for pattern in _NOT_TEXT:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    hits = []
    for name in ("tensor_shape",):  # the shapes, as triples
        for triple in [ENTRIES[name].value, ENTRIES[name].alternatives]:
            a, b, c = (f"[−-]?{abs(int(x))}" if x < 0 else str(int(x)) for x in triple)
            sep = r"\s*,\s*"
            for m in re.finditer(rf"\(\s*{a}{sep}{b}{sep}{c}\s*\)|diag\(\s*{a}{sep}{b}{sep}{c}\s*\)", text):
                hits.append((name, text[max(0, m.start() - 30) : m.end() + 10]))
    for m in NUMBER.finditer(text):
        x = _number(m)
        around = text[max(0, m.start() - 30) : m.end() + 12].replace("\n", " ")
        for name, entry in ENTRIES.items():
            if name == "tensor_shape":
                continue
            for v, alternative in _values(entry):
                factor = 1.0
                if entry.unit in UNIT_SPELLINGS:
                    factor = _unit_after(text, m.end(), entry.unit)
                    if factor is None:
                        continue
                if not _same(x * factor, v):
                    continue
                distinctive = v not in ROUND and not alternative and name not in CONTEXT_ONLY
                if distinctive or _symbol_before(text, m.start(), name):
                    hits.append((name, around))
    return hits


def code_hits(source: str) -> list[tuple[str, str]]:
    """(entry, the code around it) for every parameter number a code cell types.

    Numeric literals: a distinctive value anywhere outside style keywords; a round temperature
    (Δ°_max = 10 K) when multiplied by a temperature unit. Strings (labels a figure shows) are
    prose. Comments are hand calculations and are not read.
    """
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline)
        if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
    ]
    hits = []
    code_only = "".join(t.string + " " for t in tokens if t.type != tokenize.STRING)
    for triple in [ENTRIES["tensor_shape"].value, ENTRIES["tensor_shape"].alternatives]:
        a, b, c = (rf"-\s*{abs(int(x))}(?:\.0*)?" if x < 0 else rf"{int(x)}(?:\.0*)?" for x in triple)
        if re.search(rf"[\[(]\s*{a}\s*,\s*{b}\s*,\s*{c}\s*[\])]", code_only):
            hits.append(("tensor_shape", f"{tuple(triple)} as a literal"))
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.STRING:
            hits += prose_hits(tok.string)
            continue
        if tok.type != tokenize.NUMBER:
            continue
        try:
            x = float(tok.string.replace("_", ""))
        except ValueError:  # complex
            continue
        before = [t.string for t in tokens[max(0, i - 2) : i]]
        after = [t.string for t in tokens[i + 1 : i + 4]]
        if len(before) == 2 and before[1] == "=" and before[0] in STYLE_KEYWORDS:
            continue
        if before and before[-1] == "-":
            x = -x
        times_temperature = (
            len(after) >= 2 and after[0] == "*" and (after[1] in TEMPERATURE_NAMES or after[1:3] == ["constants", "."])
        )
        line = lines[tok.start[0] - 1].strip() if tok.start[0] <= len(lines) else tok.string
        for name, entry in ENTRIES.items():
            if name == "tensor_shape":
                continue
            for v, alternative in _values(entry):
                scale = {"Å³": 1e-30, "Å": 1e-10}.get(entry.unit, 1.0)  # code writes 45e-30 (m³)
                same = _same(x, v * scale)
                distinctive = v not in ROUND and not alternative and name not in CONTEXT_ONLY
                if same and (distinctive or (entry.unit == "K" and times_temperature and not alternative)):
                    hits.append((name, line))
    return hits


def chapter_parts(path: Path) -> tuple[str, list[str]]:
    """A chapter's prose (Markdown, with figure captions) and the sources of its code cells."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # the jupytext header
    prose, code = [], []
    for i, block in enumerate(re.split(r"^```\{code-cell\}[^\n]*\n(.*?)^```\s*$", text, flags=re.S | re.M)):
        if i % 2 == 0:
            prose.append(block)
            continue
        body = block
        header = re.match(r"\A---\n(.*?)\n---\n", body, re.S)  # a cell's YAML: a figure's caption
        if header:
            prose.append(header.group(1))
            body = body[header.end() :]
        body = "\n".join(line for line in body.splitlines() if not re.match(r"^:\w+:", line))
        code.append(body)
    return "\n".join(prose), code


def chapter_hits(path: Path) -> list[str]:
    prose, code = chapter_parts(path)
    hits = [("prose", *h) for h in prose_hits(prose)]
    for source in code:
        hits += [("code", *h) for h in code_hits(source)]
    found = []
    for where, name, around in hits:
        if any(path.stem == chapter and text in around for (chapter, text) in ALLOWED):
            continue
        found.append(f"{path.name} ({where}): [{name}] typed in {around.strip()!r}")
    return sorted(set(found))


def _marks(path: Path):
    return []


@pytest.mark.parametrize("chapter", [pytest.param(p, id=p.stem, marks=_marks(p)) for p in CHAPTERS])
def test_chapter_types_no_number_that_the_parameter_file_holds(chapter):
    hits = chapter_hits(chapter)
    assert not hits, "glue it ({glue:text} from tlslib.paper.parameters) or read it in code:\n" + "\n".join(hits)


def test_the_rule_sees_the_numbers_it_is_meant_to_see():
    # One example of each spelling: the rule must not pass vacuously.
    assert {h[0] for h in prose_hits(r"the paper takes $\alpha = 2.5$ and $\Delta^o_{\max} = 10$ K")} == {
        "alpha",
        "tunneling_max",
    } | {"cutoff_radius"}
    assert [h[0] for h in prose_hits("down to $5\\times10^{-11}$ K")] == ["alpha_tunneling_slow"]
    assert [h[0] for h in prose_hits("Δ° = 5×10⁻¹¹ K")] == ["alpha_tunneling_slow"]
    assert [h[0] for h in prose_hits(r"$\rho = 2200$ kg/m³")] == ["sio2_density"]
    assert [h[0] for h in prose_hits(r"a uniaxial dipole, $\lambda \propto (2, -1, -1)$")] == ["tensor_shape"]
    assert [h[0] for h in prose_hits("$R_c = 1.5$")] == ["cutoff_radius"]
    assert [h[0] for h in code_hits("eps_max = 10.0 * K\n")] == ["tunneling_max"]
    assert {h[0] for h in code_hits("x = f(5e-11 * constants.k)\n")} == {"alpha_tunneling_slow"}
    assert {h[0] for h in code_hits("N, R_C = 1000, 2.5\n")} == {"alpha", "cutoff_radius"}
    assert [h[0] for h in code_hits("d = random_dipole(rng, np.array([2.0, -1.0, -1.0]))\n")] == ["tensor_shape"]


def test_the_rule_leaves_other_numbers_alone():
    # Round numbers in their ordinary use, glued values, labels, comments and style keywords.
    assert not prose_hits("below 1 K, a decade of 10 MHz, Eq. (10), the plateau at 3–10 K, 12.5 and 2.55")
    assert not prose_hits("{glue:text}`alpha:.1f` and {eq}`eq-2-5` and [14], (eq-polaron-eq5)=")
    assert not code_hits("ax.plot(x, y, lw=2.5)  # alpha = 2.5\nn = 100_000\n")


@pytest.mark.parametrize("chapter", [pytest.param(p, id=p.stem) for p in CHAPTERS])
def test_code_never_holds_a_glue_role_which_only_prose_renders(chapter):
    # A {glue:md} role inside a code string reaches a figure label verbatim ("Δ°_max = {glue:md}`…`",
    # polaron's secondary axis once); code reads the value through tlslib.book.parameter_text.
    _, code = chapter_parts(chapter)
    roles = [line.strip() for source in code for line in source.splitlines() if re.search(r"\{glue(?::\w+)?\}`", line)]
    assert not roles, f"{chapter.name}: a glue role in code:\n" + "\n".join(roles)
