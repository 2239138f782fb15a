"""The book's figure style: vector output, one font, a colour-blind-safe palette paired with line styles."""

from __future__ import annotations

__all__ = ["setup_figures"]


def setup_figures() -> None:
    """The book's plotting defaults, called from the hidden setup cell of every chapter.

    Figures are vector graphics: in a notebook kernel each figure is shown as SVG (the HTML page
    picks it) and as PDF (the LaTeX build picks it; ``nb_mime_priority_overrides`` in _config.yml),
    with no PNG. The nbval references hold neither (tools/refresh_notebooks.py drops image/* and
    application/pdf), so figures are never compared. One font family and size for every figure;
    legends and tick labels at 9 pt or more, so that a two-panel figure scaled to the page column
    (about 0.85 at 1280 px) keeps them at 10 px or more; a colour cycle safe for colour-blind
    readers, paired with a cycle of line styles so that curves plotted without an explicit style
    stay distinct in greyscale.
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
            "legend.fontsize": 9,
            "xtick.labelsize": 9.5,
            "ytick.labelsize": 9.5,
            # the same SVG for the same figure (element ids from a fixed salt, not random)
            "svg.hashsalt": "tlslib",
            "mathtext.fontset": "dejavusans",
            "axes.prop_cycle": cycler(color=colours) + cycler(linestyle=styles),
            "lines.linewidth": 1.5,
            "lines.markersize": 5,
        }
    )
    _vector_output()


def _vector_output() -> None:
    """SVG and PDF figures in an IPython kernel (nothing to do outside one, e.g. in a script)."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover - the book's environment has both
        return
    shell = get_ipython()
    if shell is None:
        return
    set_matplotlib_formats("svg", "pdf")
    # Without a date in the file: the same figure gives the same bytes on every execution, so two
    # builds give the same archive (matplotlib writes today's date unless SOURCE_DATE_EPOCH is set,
    # and each format names its date differently).
    from functools import partial

    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import InlineBackend

    kwargs = dict(InlineBackend.instance().print_figure_kwargs)
    formatters = shell.display_formatter.formatters
    formatters["image/svg+xml"].for_type(Figure, partial(print_figure, fmt="svg", metadata={"Date": None}, **kwargs))
    formatters["application/pdf"].for_type(
        Figure, partial(print_figure, fmt="pdf", base64=True, metadata={"CreationDate": None}, **kwargs)
    )
