"""Command line: ``python -m tlslib predict|table1|claims``.

The only place where eV, K, Å³ and g/mol appear; everything inside is SI. Bad
input gets one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from scipy import constants

from tlslib.chain import Prediction, predict
from tlslib.claims import ledger, verdict_counts
from tlslib.coupling import DEFAULT_ALPHA
from tlslib.materials import Material
from tlslib.table1 import C_SCALE, TABLE1_PATH, recompute_table1
from tlslib.validation import InputError, positive_finite

__all__ = ["main", "prediction_record"]

PROG = "python -m tlslib"
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n")


def _build_parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Carruzzo & Yu (2020): the universal TLS coupling constant C.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("predict", help="predict C and the couplings for one glass")
    p.add_argument("--name", default="glass", help="label of the glass")
    p.add_argument("--density", metavar="RHO", help="mass density [kg/m^3]")
    p.add_argument("--velocity", metavar="V", help="Debye-averaged sound velocity [m/s]")
    p.add_argument("--volume", metavar="VO_A3", help="formula-unit volume v_o [Å^3]")
    p.add_argument("--v-long", metavar="VL", help="longitudinal sound velocity [m/s]")
    p.add_argument("--v-trans", metavar="VT", help="transverse sound velocity [m/s]")
    p.add_argument("--molar-mass", metavar="M_G_PER_MOL", help="molar mass of the formula unit [g/mol]")
    p.add_argument("--alpha", default=str(DEFAULT_ALPHA), help=f"gamma_eff/gamma_o (default {DEFAULT_ALPHA})")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    t = sub.add_parser("table1", help="Table I of the paper, printed next to its recomputation")
    t.add_argument("--data", default=str(TABLE1_PATH), help="CSV file with the table (default: data/table1.csv)")
    t.add_argument("--alpha", default=str(DEFAULT_ALPHA), help=f"gamma_eff/gamma_o (default {DEFAULT_ALPHA})")
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


def prediction_record(prediction: Prediction) -> dict[str, float]:
    """The ``predict --json`` object: SI unless the key's suffix names another unit."""
    m = prediction.material
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
    }


def _print_prediction(prediction: Prediction) -> None:
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
    print(f"{prediction.material.name} (alpha = {prediction.alpha:g})")
    for key, value in prediction_record(prediction).items():
        print(f"  {labels[key]:<18} {value:.4g}")


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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 on success, 2 on bad input)."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "predict":
            prediction = predict(_material(args), positive_finite("--alpha", args.alpha))
            if args.json:
                print(json.dumps(prediction_record(prediction), indent=2, allow_nan=False))
            else:
                _print_prediction(prediction)
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
