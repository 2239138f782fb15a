"""Command line: ``python -m tlslib predict|table1|claims``.

The only place where eV, K, Å³ and g/mol appear; everything inside is SI. Bad
input gets one line on stderr and exit status 2, never a traceback. ``predict
--measurement KIND`` replaces the paper's fixed α = 2.5 by the α that measurement
selects (:mod:`tlslib.measurement_alpha`).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from scipy import constants

from tlslib import __version__
from tlslib.chain import Prediction, predict
from tlslib.materials import Material
from tlslib.measurement_alpha import MEASUREMENTS, measurement_alpha
from tlslib.paper.ledger import ledger, verdict_counts
from tlslib.paper.table1 import C_SCALE, TABLE1_PATH, recompute_table1
from tlslib.parameters import ALPHA
from tlslib.validation import InputError, positive_finite

__all__ = ["main", "prediction_record"]

PROG = "python -m tlslib"
EXIT_USAGE = 2

#: Below these an input is more likely a unit slip (g/cm³, km/s) than a glass: warn on stderr.
SUSPICIOUS_DENSITY = 100.0  # kg/m³
SUSPICIOUS_VELOCITY = 100.0  # m/s
#: Above Δ°_max = 10 K the tunneling model of the paper does not apply (it is meant for T < 1 K).
SUSPICIOUS_TEMPERATURE = 10.0  # K

PREDICT_DESCRIPTION = """\
Predict the dimensionless coupling constant C of a glass (Carruzzo & Yu 2020, Eq. 12)
from its density and sound velocity, with no fitted parameter.

Give the glass in ONE of two ways:
  (a) --density RHO --velocity V --volume VO_A3
      rho [kg/m^3], Debye-averaged sound velocity v [m/s], formula-unit volume v_o [Å^3];
  (b) --density RHO --v-long VL --v-trans VT --molar-mass M
      the longitudinal and transverse velocities [m/s] and the molar mass of the formula
      unit [g/mol]; v and v_o = M/(N_A rho) are computed from them.

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
    p.add_argument("--name", default="glass", help="label of the glass")
    p.add_argument("--density", metavar="RHO", help="mass density [kg/m^3]")
    p.add_argument("--velocity", metavar="V", help="Debye-averaged sound velocity [m/s]")
    p.add_argument("--volume", metavar="VO_A3", help="formula-unit volume v_o [Å^3]")
    p.add_argument("--v-long", metavar="VL", help="longitudinal sound velocity [m/s]")
    p.add_argument("--v-trans", metavar="VT", help="transverse sound velocity [m/s]")
    p.add_argument("--molar-mass", metavar="M_G_PER_MOL", help="molar mass of the formula unit [g/mol]")
    p.add_argument("--alpha", help=f"gamma_eff/gamma_o (default {ALPHA}; not with --measurement)")
    p.add_argument("--measurement", metavar="KIND", choices=MEASUREMENTS, help=f"one of {', '.join(MEASUREMENTS)}")
    p.add_argument("--frequency", metavar="HZ", help="measurement frequency f [Hz] (relaxation, resonant)")
    p.add_argument("--temperature", metavar="K", help="temperature [K] (relaxation, conductivity; T1 of velocity)")
    p.add_argument("--temperature-2", metavar="K", help="second temperature T2 [K] of a velocity measurement")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    t = sub.add_parser("table1", help="Table I of the paper, printed next to its recomputation")
    t.add_argument("--data", default=str(TABLE1_PATH), help="CSV file with the table (default: data/table1.csv)")
    t.add_argument("--alpha", default=str(ALPHA), help=f"gamma_eff/gamma_o (default {ALPHA})")
    t.add_argument("--json", action="store_true", help="print a JSON list, one object per glass")

    c = sub.add_parser("claims", help="the ledger of the paper's quantitative claims, recomputed, with verdicts")
    c.add_argument("--json", action="store_true", help="print a JSON list, one object per claim")
    return parser


def _material(args: argparse.Namespace) -> Material:
    direct = {"--velocity": args.velocity, "--volume": args.volume}
    via = {"--v-long": args.v_long, "--v-trans": args.v_trans, "--molar-mass": args.molar_mass}
    given_direct = [k for k, v in direct.items() if v is not None]
    given_via = [k for k, v in via.items() if v is not None]
    if args.density is None:
        raise InputError("--density is required")
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


def _warn_unit_slips(material: Material, args: argparse.Namespace, inputs: dict[str, float]) -> None:
    """One warning line on stderr for a density or velocity that looks like a unit slip."""
    velocities = [("--velocity", material.velocity)]
    for name, value in (("--v-long", args.v_long), ("--v-trans", args.v_trans)):
        if value is not None:
            velocities.append((name, float(value)))
    if material.density < SUSPICIOUS_DENSITY:
        print(
            f"{PROG}: warning: --density {material.density:g} kg/m^3 is below {SUSPICIOUS_DENSITY:g}: "
            "is it in g/cm^3? (multiply by 1000)",
            file=sys.stderr,
        )
    slow = [f"{name} {value:g}" for name, value in velocities if value < SUSPICIOUS_VELOCITY]
    if slow:
        print(
            f"{PROG}: warning: {', '.join(slow)} m/s below {SUSPICIOUS_VELOCITY:g} m/s: is it in km/s?",
            file=sys.stderr,
        )
    hot = [f"{v:g} K" for k, v in inputs.items() if k.startswith("temperature") and v > SUSPICIOUS_TEMPERATURE]
    if hot:
        print(
            f"{PROG}: warning: temperature {', '.join(hot)} is above {SUSPICIOUS_TEMPERATURE:g} K, far outside "
            "the model's range (below about 1 K): is it in mK?",
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
    return {
        "v_m_s": m.velocity,
        "v_o_A3": m.formula_volume / constants.angstrom**3,
        "T_D_K": prediction.debye_temperature,
        "gamma_o_eV": prediction.gamma_o / constants.eV,
        "gamma_max_eV": prediction.gamma_max / constants.eV,
        "gamma_eff_eV": prediction.gamma_eff / constants.eV,
        "P_bar_J-1_m-3": prediction.p_bar,
        "C": prediction.coupling_constant,
        "Q_inv": prediction.internal_friction,
        "l_over_lambda": prediction.mean_free_path_ratio,
        "density_kg_m3": m.density,
        "alpha": prediction.alpha,
        "measurement": measurement,
        "frequency_Hz": inputs.get("frequency"),
        "temperature_K": inputs.get("temperature"),
        "temperature_2_K": inputs.get("temperature_2"),
    }


def _print_prediction(prediction: Prediction, measurement: str | None, inputs: dict[str, float]) -> None:
    labels = {
        "v_m_s": "v [m/s]",
        "v_o_A3": "v_o [Å^3]",
        "T_D_K": "T_D [K]",
        "gamma_o_eV": "gamma_o [eV]",
        "gamma_max_eV": "gamma_max [eV]",
        "gamma_eff_eV": "gamma_eff [eV]",
        "P_bar_J-1_m-3": "P_bar [J^-1 m^-3]",
        "C": "C",
        "Q_inv": "Q^-1",
        "l_over_lambda": "l/lambda",
    }
    m = prediction.material
    if measurement is None:
        origin = "the paper's fixed value" if prediction.alpha == ALPHA else "set by --alpha"
    else:
        units = {"frequency": ("f", "Hz"), "temperature": ("T", "K"), "temperature_2": ("T2", "K")}
        described = ", ".join(f"{units[k][0]} = {v:g} {units[k][1]}" for k, v in inputs.items())
        origin = f"selected by a {measurement} measurement at {described}"
    print(f"{m.name} (alpha = {prediction.alpha:g}, {origin})")
    print("  inputs")
    print(f"    {'rho [kg/m^3]':<18} {m.density:.6g}")
    print(f"    {'v [m/s]':<18} {m.velocity:.6g}")
    print(f"    {'v_o [Å^3]':<18} {m.formula_volume / constants.angstrom**3:.6g}")
    print("  predictions")
    record = prediction_record(prediction)
    for key, label in labels.items():
        if key in ("v_m_s", "v_o_A3"):
            continue
        print(f"    {label:<18} {record[key]:.4g}")


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
    print(f"Table I (C columns x 1e4, alpha = {alpha:g}); 'C calc' from Eq. (12) with the row's rho, v, v_o")
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


def _format_value(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return "-".join(f"{v:.4g}" for v in value)
    return f"{value:.4g}"


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
        margin = "-" if r["margin"] is None else f"{r['margin']:+.2f}"
        print(
            f"{r['id']:<36} {_format_value(r['published']):>11} {_format_value(r['reproduced']):>13} "
            f"{r['unit']:<10} {r['tolerance'] or '-':<26} {margin:>7} {r['verdict']}"
        )
        if r["note"]:
            print(f"    {r['note']}")


def _predict(args: argparse.Namespace) -> None:
    material = _material(args)
    measurement, inputs = _measurement(args)
    first = predict(material)
    if first.gamma_max <= first.gamma_o:
        raise InputError(
            f"gamma_max = {first.gamma_max / constants.eV:.3g} eV is not above gamma_o = "
            f"{first.gamma_o / constants.eV:.3g} eV, where the model makes no sense: check the units "
            "(density in kg/m^3, e.g. 2200 not 2.2 g/cm^3; velocities in m/s; volume in Å^3)"
        )
    _warn_unit_slips(material, args, inputs)
    if measurement is None:
        alpha = ALPHA if args.alpha is None else positive_finite("--alpha", args.alpha)
    else:
        alpha = measurement_alpha(
            measurement,
            material,
            frequency=inputs.get("frequency"),
            temperature=inputs.get("temperature"),
            temperature_2=inputs.get("temperature_2"),
        )
    if not math.isfinite(alpha) or alpha <= 0.0:
        raise InputError(f"no alpha for --measurement {measurement} with these inputs")
    prediction = predict(material, alpha)
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
