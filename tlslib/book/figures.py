"""The book's figure style: one font, a colour-blind-safe palette paired with line styles."""

from __future__ import annotations

__all__ = ["setup_figures"]


def setup_figures() -> None:
    """The book's plotting defaults, called from the hidden setup cell of every chapter.

    One font family and size for every figure (the same PNG goes to the HTML page and to the
    PDF); a colour cycle safe for colour-blind readers, paired with a cycle of line styles so
    that curves plotted without an explicit style stay distinct in greyscale.
    """
    import matplotlib as mpl
    from cycler import cycler

    # Okabe & Ito's palette (Color Universal Design), distinct for the common colour-vision deficiencies
    colours = ("#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
    styles = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (8, 2)), (0, (1, 3)))
    mpl.rcParams.update(
        {
            "figure.dpi": 110,
            "savefig.dpi": 110,
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.titlesize": 10,
            "axes.labelsize": 10,
            "legend.fontsize": 8.5,
            "mathtext.fontset": "dejavusans",
            "axes.prop_cycle": cycler(color=colours) + cycler(linestyle=styles),
            "lines.linewidth": 1.5,
            "lines.markersize": 5,
        }
    )
