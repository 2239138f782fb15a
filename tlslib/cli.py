"""Command line: ``python -m tlslib predict|table1|claims|budget``.

The only place where eV, K, Å³ and g/mol appear; everything inside is SI. Bad
input gets one line on stderr and exit status 2, never a traceback; so does an input
in an implausible unit (a density in g/cm³, a velocity in km/s, ...) unless
``--allow-unusual`` is given. ``predict --measurement KIND`` replaces the paper's
fixed α = 2.5 by the α that measurement selects (:mod:`tlslib.measurement_alpha`);
``predict --glass NAME`` starts from a row of Table I, ``predict --from-csv FILE``
predicts one glass per row; ``budget`` prints the sensitivity table of C per glass
(:mod:`tlslib.paper.budget`), and ``predict`` gives its extremes as ``C_low``/``C_high``.
Numbers a person reads go through :func:`tlslib.book.numbers.quantity`, the book's one formatter.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from scipy import constants

from tlslib import __version__
from tlslib.book.numbers import quantity
from tlslib.chain import Prediction, predict
from tlslib.materials import Material
from tlslib.measurement_alpha import MEASUREMENTS, measurement_alpha
from tlslib.paper.budget import GlassBudget, glass_budget
from tlslib.paper.ledger import ledger, verdict_counts
from tlslib.paper.parameters import PAPER
from tlslib.paper.table1 import C_SCALE, TABLE1_PATH, recompute_table1, table1_row, table1_rows
from tlslib.validation import InputError, positive_finite

__all__ = ["main", "prediction_record"]

PROG = "python -m tlslib"
EXIT_USAGE = 2

#: Outside these an input is more likely a unit slip (g/cm³, km/s, kg/mol, m³) than a glass:
#: an error, unless --allow-unusual turns it into a warning.
SUSPICIOUS_DENSITY = 100.0  # kg/m³
SUSPICIOUS_VELOCITY = 100.0  # m/s
SUSPICIOUS_MOLAR_MASS = 1.0  # g/mol
PLAUSIBLE_VOLUME = (1.0, 10_000.0)  # Å³
#: Above Δ°_max = 10 K the tunneling model of the paper does not apply (it is meant for T < 1 K).
SUSPICIOUS_TEMPERATURE = 10.0  # K

PREDICT_DESCRIPTION = """\
Predict the dimensionless coupling constant C of a glass (Carruzzo & Yu 2020, Eq. 12)
from its density and sound velocity, with no fitted parameter.

Give the glass in ONE of these ways (units: rho in kg/m^3, velocities in m/s, v_o in Å^3,
the molar mass in g/mol):
  (a) --density RHO --velocity V --volume VO_A3
      rho [kg/m^3], Debye-averaged sound velocity v [m/s], formula-unit volume v_o [Å^3];
  (b) --density RHO --v-long VL --v-trans VT --molar-mass M
      the longitudinal and transverse velocities [m/s] and the molar mass of the formula
      unit [g/mol]; v and v_o = M/(N_A rho) are computed from them;
  (c) --glass NAME: a row of Table I (SiO2, BK7, ...); other options override it;
  (d) --from-csv FILE: one glass per row, columns named as the options (density, velocity,
      volume or v_long, v_trans, molar_mass; optional name, glass, alpha, measurement,
      frequency, temperature, temperature_2); CSV with the --json keys on stdout.
A density below 100 kg/m^3, a velocity below 100 m/s, a molar mass below 1 g/mol or a
volume outside 1-10,000 Å^3 is taken for a unit slip (g/cm^3? km/s?) and refused, unless
--allow-unusual is given.

The output:
  C        = P_bar gamma^2/(rho v^2), the strength of phonon scattering by tunneling
             two-level systems; measured values lie between 2 and 5 x 10^-4 for glasses.
  Q^-1     = (pi/2) C, the internal friction on its low-temperature plateau.
  l/lambda = 1/(2 pi^2 C), the phonon mean free path in wavelengths below 1 K.

The paper uses alpha = gamma_eff/gamma_o = 2.5 (--alpha changes it). With --measurement
the alpha is instead the one that experiment selects from gamma(Delta) of Eq. (10):
  relaxation    internal friction: needs --frequency HZ and --temperature K
  resonant      resonant absorption: needs --frequency HZ
  velocity      resonant sound-velocity change: needs --temperature T1 --temperature-2 T2
  conductivity  thermal conductivity: needs --temperature K
"""

PREDICT_EPILOG = """\
examples:
  python -m tlslib predict --density 2200 --velocity 4163 --volume 45.3
  python -m tlslib predict --glass SiO2 --alpha 3
  python -m tlslib predict --from-csv glasses.csv > predictions.csv
  python -m tlslib predict --density 2200 --v-long 5800 --v-trans 3800 --molar-mass 60.08
  python -m tlslib predict --density 2200 --velocity 4163 --volume 45.3 \\
      --measurement relaxation --frequency 1000 --temperature 0.5 --json
"""

#: Which of --frequency, --temperature, --temperature-2 each measurement needs.
_MEASUREMENT_INPUTS: dict[str, tuple[str, ...]] = {
    "relaxation": ("frequency", "temperature"),
    "resonant": ("frequency",),
    "velocity": ("temperature", "temperature_2"),
    "conductivity": ("temperature",),
}


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n")


def _build_parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Carruzzo & Yu (2020): the universal TLS coupling constant C.")
    parser.add_argument("--version", action="version", version=f"tlslib {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser(
        "predict",
        help="predict C and the couplings for one glass",
        description=PREDICT_DESCRIPTION,
        epilog=PREDICT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--name", help="label of the glass (default: the --glass name, else 'glass')")
    p.add_argument("--glass", metavar="NAME", help=f"start from Table I's row: {', '.join(_glass_names())}")
    p.add_argument("--from-csv", metavar="FILE", help="one glass per row; prints CSV with the --json keys")
    p.add_argument("--density", metavar="RHO", help="mass density [kg/m^3]")
    p.add_argument("--velocity", metavar="V", help="Debye-averaged sound velocity [m/s]")
    p.add_argument("--volume", metavar="VO_A3", help="formula-unit volume v_o [Å^3]")
    p.add_argument("--v-long", metavar="VL", help="longitudinal sound velocity [m/s]")
    p.add_argument("--v-trans", metavar="VT", help="transverse sound velocity [m/s]")
    p.add_argument("--molar-mass", metavar="M", help="molar mass of the formula unit [g/mol]")
    p.add_argument("--alpha", help=f"gamma_eff/gamma_o (default {PAPER.alpha}; not with --measurement)")
    p.add_argument("--measurement", metavar="KIND", choices=MEASUREMENTS, help=f"one of {', '.join(MEASUREMENTS)}")
    p.add_argument("--frequency", metavar="HZ", help="measurement frequency f [Hz] (relaxation, resonant)")
    p.add_argument("--temperature", metavar="K", help="temperature [K] (relaxation, conductivity; T1 of velocity)")
    p.add_argument("--temperature-2", metavar="K", help="second temperature T2 [K] of a velocity measurement")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--allow-unusual", action="store_true", help="accept inputs that look like a unit slip (warn instead)"
    )

    t = sub.add_parser("table1", help="Table I of the paper, printed next to its recomputation")
    t.add_argument("--data", default=str(TABLE1_PATH), help="CSV file with the table (default: data/table1.csv)")
    t.add_argument("--alpha", default=str(PAPER.alpha), help=f"gamma_eff/gamma_o (default {PAPER.alpha})")
    t.add_argument("--json", action="store_true", help="print a JSON list, one object per glass")

    c = sub.add_parser("claims", help="the ledger of the paper's quantitative claims, recomputed, with verdicts")
    c.add_argument("--json", action="store_true", help="print a JSON list, one object per claim")

    b = sub.add_parser(
        "budget",
        help="the sensitivity table of C per glass of Table I: best estimate, extremes, each factor",
        description=(
            "Per glass of Table I: C of Eq. (12) as the paper evaluates it, the best estimate (every factor "
            "central), the product of extremes, and each factor on C (name, low, central, high, the chapter "
            "that derives it). The extremes are a sensitivity range, not an error bar."
        ),
    )
    b.add_argument("--glass", metavar="NAME", help=f"one row of Table I: {', '.join(_glass_names())}")
    b.add_argument("--json", action="store_true", help="print a JSON list, one object per glass")
    return parser


def _glass_names() -> list[str]:
    try:
        return [row.glass for row in table1_rows()]
    except (InputError, OSError):
        return []


def _from_glass(args: argparse.Namespace) -> None:
    """Fill the inputs not given from Table I's row of ``--glass`` (the options given override it)."""
    if args.glass is None:
        if args.name is None:
            args.name = "glass"
        return
    try:
        row = table1_row(args.glass)
    except InputError:
        raise InputError(f"--glass {args.glass}: not in Table I (one of {', '.join(_glass_names())})") from None
    m = row.material
    if args.name is None:
        args.name = row.glass
    if args.density is None:
        args.density = repr(m.density)
    if all(v is None for v in (args.v_long, args.v_trans, args.molar_mass)):
        if args.velocity is None:
            args.velocity = repr(m.velocity)
        if args.volume is None:
            args.volume = repr(m.formula_volume / constants.angstrom**3)


def _material(args: argparse.Namespace) -> Material:
    _from_glass(args)
    direct = {"--velocity": args.velocity, "--volume": args.volume}
    via = {"--v-long": args.v_long, "--v-trans": args.v_trans, "--molar-mass": args.molar_mass}
    given_direct = [k for k, v in direct.items() if v is not None]
    given_via = [k for k, v in via.items() if v is not None]
    if args.density is None:
        raise InputError("--density is required (or --glass NAME)")
    if given_direct and given_via:
        raise InputError(
            f"give either --velocity/--volume or --v-long/--v-trans/--molar-mass, not {given_direct + given_via}"
        )
    if given_via:
        missing = [k for k, v in via.items() if v is None]
        if missing:
            raise InputError(f"missing {', '.join(missing)}")
        return Material.from_velocities(
            args.name,
            positive_finite("--density", args.density),
            positive_finite("--v-long", args.v_long),
            positive_finite("--v-trans", args.v_trans),
            positive_finite("--molar-mass", args.molar_mass) * constants.gram,
        )
    missing = [k for k, v in direct.items() if v is None]
    if missing:
        raise InputError(f"missing {', '.join(missing)} (or give --v-long/--v-trans/--molar-mass)")
    return Material(
        args.name,
        positive_finite("--density", args.density),
        positive_finite("--velocity", args.velocity),
        positive_finite("--volume", args.volume) * constants.angstrom**3,
    )


def _measurement(args: argparse.Namespace) -> tuple[str | None, dict[str, float]]:
    """The measurement kind and its validated inputs; InputError for any inconsistency."""
    given = {"frequency": args.frequency, "temperature": args.temperature, "temperature_2": args.temperature_2}
    flag = {"frequency": "--frequency", "temperature": "--temperature", "temperature_2": "--temperature-2"}
    kind = args.measurement
    if kind is not None and kind not in MEASUREMENTS:
        raise InputError(f"--measurement {kind}: not one of {', '.join(MEASUREMENTS)}")
    if kind is None:
        stray = [flag[k] for k, v in given.items() if v is not None]
        if stray:
            raise InputError(f"{', '.join(stray)} needs --measurement ({', '.join(MEASUREMENTS)})")
        return None, {}
    if args.alpha is not None:
        raise InputError("give either --alpha or --measurement, not both (the measurement sets alpha)")
    need = _MEASUREMENT_INPUTS[kind]
    stray = [flag[k] for k, v in given.items() if v is not None and k not in need]
    if stray:
        raise InputError(f"--measurement {kind} does not use {', '.join(stray)}")
    missing = [flag[k] for k in need if given[k] is None]
    if missing:
        raise InputError(f"--measurement {kind} needs {', '.join(missing)}")
    values = {k: positive_finite(flag[k] + (" [Hz]" if k == "frequency" else " [K]"), given[k]) for k in need}
    if kind == "velocity" and values["temperature"] == values["temperature_2"]:
        raise InputError("--measurement velocity needs two different temperatures")
    return kind, values


def _typed(x: float) -> str:
    """A number as a person would type it on the command line (2230, 4163, 60.08)."""
    return f"{x:.6g}"


def _human(x: float, sig: int = 6) -> str:
    """A number for reading: :func:`quantity` at ``sig`` digits, trailing zeros dropped (2200, 0.5, 1×10⁹)."""
    text = quantity(x, sig=sig)
    return re.sub(r"\.?0+(?=×|$)", "", text) if "." in text.split("×")[0] else text


def _number_or_none(value: object) -> float | None:
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) and x > 0 else None


def _unit_slips(args: argparse.Namespace) -> list[str]:
    """One message per input that is more likely a unit slip than a glass (none for a plausible glass).

    Non-numeric or non-positive inputs are left to the validation that follows.
    """
    slips = []

    def hint(unit: str, x: float, lo: float, hi: float) -> str:
        return f"; {unit}? use {_typed(x)}" if lo <= x <= hi else ""

    density = _number_or_none(args.density)
    if density is not None and density < SUSPICIOUS_DENSITY:
        slips.append(
            f"--density {args.density}: not a density in kg/m³ (below {SUSPICIOUS_DENSITY:g})"
            + hint("g/cm³", 1000 * density, SUSPICIOUS_DENSITY, 30_000)
        )
    for flag, value in (("--velocity", args.velocity), ("--v-long", args.v_long), ("--v-trans", args.v_trans)):
        x = _number_or_none(value)
        if x is not None and x < SUSPICIOUS_VELOCITY:
            slips.append(
                f"{flag} {value}: not a velocity in m/s (below {SUSPICIOUS_VELOCITY:g})"
                + hint("km/s", 1000 * x, SUSPICIOUS_VELOCITY, 20_000)
            )
    molar = _number_or_none(args.molar_mass)
    if molar is not None and molar < SUSPICIOUS_MOLAR_MASS:
        slips.append(
            f"--molar-mass {args.molar_mass}: not a molar mass in g/mol (below {SUSPICIOUS_MOLAR_MASS:g})"
            + hint("kg/mol", 1000 * molar, SUSPICIOUS_MOLAR_MASS, 1e6)
        )
    low, high = PLAUSIBLE_VOLUME
    volume = _number_or_none(args.volume)
    if volume is not None and not low <= volume <= high:
        hints = [hint(unit, volume * factor, low, high) for unit, factor in (("m³", 1e30), ("nm³", 1e3))]
        slips.append(
            f"--volume {args.volume}: not a formula volume in Å³ (outside {low:g}–{high:,.0f})"
            + next((h for h in hints if h), "")
        )
    return slips


def _check_units(args: argparse.Namespace, where: str = "") -> None:
    """Refuse an input in an implausible unit (InputError), or warn (prefixed by ``where``) under --allow-unusual."""
    slips = _unit_slips(args)
    if slips and not args.allow_unusual:
        raise InputError(f"{slips[0]} (--allow-unusual accepts it)")
    for slip in slips:
        print(f"{PROG}: warning: {where}{slip}", file=sys.stderr)


def _warn_temperatures(inputs: dict[str, float], where: str = "") -> None:
    hot = [f"{_human(v)} K" for k, v in inputs.items() if k.startswith("temperature") and v > SUSPICIOUS_TEMPERATURE]
    if hot:
        print(
            f"{PROG}: warning: {where}temperature {', '.join(hot)} is above {SUSPICIOUS_TEMPERATURE:g} K, far "
            "outside the model's range (below about 1 K): is it in mK?",
            file=sys.stderr,
        )


def prediction_record(
    prediction: Prediction, measurement: str | None = None, inputs: dict[str, float] | None = None
) -> dict[str, object]:
    """The ``predict --json`` object: SI unless the key's suffix names another unit.

    The physics keys come first, then the echo of the inputs: ``density_kg_m3``,
    ``alpha`` (2.5 unless a measurement or ``--alpha`` sets it), ``measurement``
    (None without one) and the measurement's ``frequency_Hz``, ``temperature_K`` and
    ``temperature_2_K`` (None when not used).
    """
    m = prediction.material
    inputs = inputs or {}
    band = coupling_band(prediction)
    return {
        "v_m_s": m.velocity,
        "v_o_A3": m.formula_volume / constants.angstrom**3,
        "T_D_K": prediction.debye_temperature,
        "gamma_o_eV": prediction.gamma_o / constants.eV,
        "gamma_max_eV": prediction.gamma_max / constants.eV,
        "gamma_eff_eV": prediction.gamma_eff / constants.eV,
        "P_bar_J-1_m-3": prediction.p_bar,
        "C": prediction.coupling_constant,
        "C_low": band[0],
        "C_high": band[1],
        "Q_inv": prediction.internal_friction,
        "l_over_lambda": prediction.mean_free_path_ratio,
        "density_kg_m3": m.density,
        "alpha": prediction.alpha,
        "measurement": measurement,
        "frequency_Hz": inputs.get("frequency"),
        "temperature_K": inputs.get("temperature"),
        "temperature_2_K": inputs.get("temperature_2"),
    }


def coupling_band(prediction: Prediction) -> tuple[float, float] | tuple[None, None]:
    """The sensitivity band (C_low, C_high) of C: the budget's product of extremes for this glass and α.

    :func:`tlslib.paper.budget.glass_budget` with the prediction's α as the central α (its
    measurement band widened to contain it), rescaled so that the band is on the C that
    ``predict`` prints (Eq. 12 at this α): the model factors and the inputs at their ends, α
    over the measurement band. ``--json``/``--from-csv`` carry it as ``C_low`` and ``C_high``;
    both are None where the budget is undefined (γ_eff so close to γ_max that no tensor dipole
    reaches it).
    """
    try:
        budget = glass_budget(prediction.material, float(prediction.alpha))
    except ValueError:
        return None, None
    scale = prediction.coupling_constant / (budget.paper * (prediction.alpha / PAPER.alpha) ** 2)
    return budget.low * scale, budget.high * scale


def _print_prediction(prediction: Prediction, measurement: str | None, inputs: dict[str, float]) -> None:
    m = prediction.material
    if measurement is None:
        origin = "the paper's fixed value" if prediction.alpha == PAPER.alpha else "set by --alpha"
    else:
        units = {"frequency": ("f", "Hz"), "temperature": ("T", "K"), "temperature_2": ("T2", "K")}
        described = ", ".join(f"{units[k][0]} = {_human(v)} {units[k][1]}" for k, v in inputs.items())
        origin = f"selected by a {measurement} measurement at {described}"
    print(f"{m.name} (alpha = {_human(prediction.alpha, 4)}, {origin})")
    print("  inputs")
    print(f"    {'rho [kg/m^3]':<18} {_human(m.density)}")
    print(f"    {'v [m/s]':<18} {_human(m.velocity)}")
    print(f"    {'v_o [Å^3]':<18} {_human(m.formula_volume / constants.angstrom**3)}")
    print("  predictions")
    record = prediction_record(prediction)
    rows = {
        "T_D [K]": quantity(record["T_D_K"], sig=4),
        "gamma_o [eV]": quantity(record["gamma_o_eV"], sig=4),
        "gamma_max [eV]": quantity(record["gamma_max_eV"], sig=4),
        "gamma_eff [eV]": quantity(record["gamma_eff_eV"], sig=4),
        "P_bar [J^-1 m^-3]": quantity(record["P_bar_J-1_m-3"], sig=4),
        # Table I prints C×10⁴: give both faces
        "C": f"{quantity(record['C'], sig=3, sci=True)}   (C×10⁴ = {quantity(record['C'] / C_SCALE, sig=3)})",
        "C band": (
            f"C×10⁴ = {quantity(record['C_low'] / C_SCALE, sig=2)} to {quantity(record['C_high'] / C_SCALE, sig=2)}"
            "   (sensitivity extremes of the error budget)"
            if record["C_low"] is not None
            else "none (gamma_eff too close to gamma_max for the error budget)"
        ),
        "Q^-1": quantity(record["Q_inv"], sig=3, sci=True),
        "l/lambda": quantity(record["l_over_lambda"], sig=4),
    }
    for label, text in rows.items():
        print(f"    {label:<18} {text}")


def _table1(args: argparse.Namespace) -> None:
    alpha = positive_finite("--alpha", args.alpha)
    comparisons = recompute_table1(args.data, alpha)
    if args.json:
        out = []
        for c in comparisons:
            r, m = c.row, c.row.material
            out.append(
                {
                    "glass": r.glass,
                    "density_kg_m3": m.density,
                    "velocity_m_s": m.velocity,
                    "formula_volume_A3": m.formula_volume / constants.angstrom**3,
                    "debye_temperature_K": r.debye_temperature,
                    "C_exp_1e4": r.c_exp / C_SCALE,
                    "C_th_1e4": r.c_th / C_SCALE,
                    "T_D_K": c.prediction.debye_temperature,
                    "C": c.prediction.coupling_constant,
                    "reproduces": c.reproduces,
                }
            )
        print(json.dumps(out, indent=2, allow_nan=False))
        return
    head = f"{'glass':<9}{'rho':>6}{'v':>6}{'v_o':>7}{'T_D':>6}{'T_D calc':>9}"
    head += f"{'C_exp':>7}{'C_th':>6}{'C calc':>8}{'ratio':>7}  verdict"
    print(
        f"Table I (C columns ×10⁴, alpha = {quantity(alpha, sig=4)}); 'C calc' from Eq. (12) with the row's rho, v, v_o"
    )
    print(head)
    for c in comparisons:
        r, m, p = c.row, c.row.material, c.prediction
        print(
            f"{r.glass:<9}{m.density:>6.0f}{m.velocity:>6.0f}{m.formula_volume / constants.angstrom**3:>7.1f}"
            f"{r.debye_temperature:>6.0f}{p.debye_temperature:>9.1f}{r.c_exp / C_SCALE:>7.2f}"
            f"{r.c_th / C_SCALE:>6.1f}{p.coupling_constant / C_SCALE:>8.2f}{c.ratio:>7.2f}  "
            + ("reproduces" if c.reproduces else "DOES NOT reproduce")
        )
    n_ok = sum(c.reproduces for c in comparisons)
    print(f"{n_ok} of {len(comparisons)} printed C_th values reproduce to the printed precision.")


_E_NOTATION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)e([+-]?\d+)\b")


def _prose(text: str) -> str:
    """Text with Python's e-notation (1e-4, 1.3e+05) written as a×10ⁿ; a bare "1e-4" unit as ×10⁻⁴."""
    if text is None:
        return "-"

    def repl(match: re.Match) -> str:
        shown = quantity(float(match.group(0)), sig=max(len(match.group(1).replace(".", "")), 1), sci=True)
        return shown.removeprefix("1×") if match.group(1) == "1" else shown

    return _E_NOTATION.sub(repl, text)


def _unit(unit: str) -> str:
    """A ledger unit: "1e-4" (C in Table I's unit) as ×10⁻⁴."""
    shown = _prose(unit or "")
    return "×" + shown if _E_NOTATION.fullmatch(unit or "") else shown or "-"


def _format_value(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return "–".join(_human(v, 4) for v in value)
    return _human(value, 4)


def _format_margin(margin: float | None) -> str:
    """The ledger's margin (1 − |difference|/tolerance): two decimals, "< −100" far outside."""
    if margin is None:
        return "-"
    if margin < -100:
        return "< " + quantity(-100, decimals=0)
    return quantity(margin, decimals=2, sign=True, sci=False)


def _claims(args: argparse.Namespace) -> None:
    assessments = ledger()
    if args.json:
        print(json.dumps([a.record() for a in assessments], indent=2, allow_nan=False))
        return
    counts = verdict_counts(assessments)
    print(f"{len(assessments)} claims: " + ", ".join(f"{n} {verdict}" for verdict, n in counts.items()))
    print(f"{'id':<36} {'published':>11} {'reproduced':>13} {'unit':<10} {'tolerance':<26} {'margin':>7} verdict")
    for a in assessments:
        r = a.record()
        print(
            f"{r['id']:<36} {_format_value(r['published']):>11} {_format_value(r['reproduced']):>13} "
            f"{_unit(r['unit']):<10} {_prose(r['tolerance'] or '-'):<26} {_format_margin(r['margin']):>7} "
            f"{r['verdict']}"
        )
        if r["note"]:
            print(f"    {_prose(r['note'])}")


def _budget_text(b: GlassBudget) -> list[str]:
    lo, hi = b.alpha_band
    lines = [
        f"{b.glass}: C×10⁴ = {quantity(b.best / C_SCALE, sig=3)} best estimate "
        f"(Eq. (12): {quantity(b.paper / C_SCALE, sig=3)}; extremes {quantity(b.low / C_SCALE, sig=2)} to "
        f"{quantity(b.high / C_SCALE, sig=2)}; alpha {quantity(lo, sig=3)} to {quantity(hi, sig=3)})",
        f"    {'factor on C':<44} {'low':>7} {'central':>8} {'high':>7}  derived in",
    ]
    for f in b.factors:
        lines.append(
            f"    {f.name:<44} {quantity(f.low, sig=3):>7} {quantity(f.central, sig=3):>8} "
            f"{quantity(f.high, sig=3):>7}  book/{f.chapter}.md"
        )
    return lines


def _budget(args: argparse.Namespace) -> None:
    rows = table1_rows()
    if args.glass is not None:
        try:
            rows = [table1_row(args.glass)]
        except InputError:
            raise InputError(f"--glass {args.glass}: not in Table I (one of {', '.join(_glass_names())})") from None
    budgets = [glass_budget(r.material, PAPER.alpha, r.glass) for r in rows]
    if args.json:
        print(json.dumps([b.record() for b in budgets], indent=2, allow_nan=False))
        return
    print("C per glass: best estimate (every factor central), Eq. (12) with alpha = 2.5, and the product of")
    print("extremes (a sensitivity range, not an error bar); each factor multiplies C (python -m tlslib budget)")
    for b in budgets:
        print("\n".join(_budget_text(b)))


def _prediction(args: argparse.Namespace, where: str = "") -> tuple[Prediction, str | None, dict[str, float]]:
    """Validate one glass's options and predict; InputError (prefixed by ``where``) for bad input."""
    try:
        _from_glass(args)
        _check_units(args, where)
        material = _material(args)
        measurement, inputs = _measurement(args)
    except InputError as err:
        raise InputError(f"{where}{err}") from None
    _warn_temperatures(inputs, where)
    first = predict(material, PAPER.alpha)
    if first.gamma_max <= first.gamma_o:
        raise InputError(
            f"{where}gamma_max = {quantity(first.gamma_max / constants.eV, sig=3)} eV is not above gamma_o = "
            f"{quantity(first.gamma_o / constants.eV, sig=3)} eV, where the model makes no sense: check the units "
            "(density in kg/m^3, velocities in m/s, volume in Å^3, molar mass in g/mol)"
        )
    if measurement is None:
        alpha = PAPER.alpha if args.alpha is None else positive_finite(f"{where}--alpha", args.alpha)
    else:
        alpha = measurement_alpha(
            measurement,
            material,
            PAPER,
            frequency=inputs.get("frequency"),
            temperature=inputs.get("temperature"),
            temperature_2=inputs.get("temperature_2"),
        )
    if not math.isfinite(alpha) or alpha <= 0.0:
        raise InputError(f"{where}no alpha for --measurement {measurement} with these inputs")
    return predict(material, alpha), measurement, inputs


#: The options a --from-csv column may name (dashes or underscores, with or without "--").
_CSV_OPTIONS = (
    "name",
    "glass",
    "density",
    "velocity",
    "volume",
    "v_long",
    "v_trans",
    "molar_mass",
    "alpha",
    "measurement",
    "frequency",
    "temperature",
    "temperature_2",
)


def _predict_csv(args: argparse.Namespace) -> None:
    """One prediction per row of ``--from-csv``: CSV on stdout with ``name`` and the --json keys."""
    given = [f"--{k.replace('_', '-')}" for k in _CSV_OPTIONS if getattr(args, k) is not None]
    if given:
        raise InputError(f"--from-csv takes every input from the file, not from {', '.join(given)}")
    path = args.from_csv
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except OSError as err:
        raise InputError(f"--from-csv {path}: {err.strerror}") from None
    reader = csv.reader(lines)
    header = next(reader, None)
    if not header:
        raise InputError(f"{path}: empty file (the first line names the columns, e.g. density,velocity,volume)")
    columns = [h.strip().lower().removeprefix("--").replace("-", "_") for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if c not in _CSV_OPTIONS]
    if unknown:
        raise InputError(f"{path} line 1: unknown column {unknown[0]!r} (columns: {', '.join(_CSV_OPTIONS)})")
    records = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{path} line {number}: "
        if len(row) != len(columns):
            raise InputError(f"{where}{len(row)} fields, the header has {len(columns)}")
        one = argparse.Namespace(**{k: None for k in _CSV_OPTIONS}, allow_unusual=args.allow_unusual)
        for column, cell in zip(columns, row, strict=True):
            setattr(one, column, cell.strip() or None)
        prediction, measurement, inputs = _prediction(one, where)
        records.append({"name": prediction.material.name, **prediction_record(prediction, measurement, inputs)})
    if not records:
        raise InputError(f"{path}: no glass (only a header)")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in records)
    sys.stdout.write(out.getvalue())


def _predict(args: argparse.Namespace) -> None:
    if args.from_csv is not None:
        _predict_csv(args)
        return
    prediction, measurement, inputs = _prediction(args)
    if args.json:
        print(json.dumps(prediction_record(prediction, measurement, inputs), indent=2, allow_nan=False))
    else:
        _print_prediction(prediction, measurement, inputs)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 on success, 2 on bad input)."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "predict":
            _predict(args)
        elif args.command == "claims":
            _claims(args)
        elif args.command == "budget":
            _budget(args)
        else:
            _table1(args)
    except InputError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader (e.g. `| head`) closed the pipe: stop quietly, as Unix filters do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0
