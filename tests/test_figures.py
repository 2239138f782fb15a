"""tlslib.book.figures: the book's figures come out the same, byte for byte, on every execution."""

from __future__ import annotations

import base64

import pytest


def test_a_figure_shown_in_a_kernel_carries_no_date_so_two_executions_give_the_same_bytes():
    # matplotlib stamps SVG (<dc:date>) and PDF (/CreationDate) with the time of drawing unless told
    # otherwise; two builds of one commit then gave two archives (polaron, 2026-12-03).
    pytest.importorskip("IPython")
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    from IPython.core.interactiveshell import InteractiveShell

    from tlslib.book.figures import setup_figures

    shell = InteractiveShell.instance()
    setup_figures()
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    formats = shell.display_formatter.formatters
    svg = formats["image/svg+xml"](fig)
    pdf = base64.b64decode(formats["application/pdf"](fig))
    plt.close(fig)
    assert svg is not None and "<svg" in svg
    assert "dc:date" not in svg
    assert pdf.startswith(b"%PDF") and b"CreationDate" not in pdf
