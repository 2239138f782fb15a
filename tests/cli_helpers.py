"""Run the command line in-process and capture what it prints (shared by the CLI tests)."""

from __future__ import annotations

from tlslib.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``python -m tlslib ARGS`` run through :func:`main`."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err
