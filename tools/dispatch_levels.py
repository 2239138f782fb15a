"""Print the numpy SIMD dispatch levels this machine offers, one NPY_DISABLE_CPU_FEATURES value a line.

The first line is empty (the default: every dispatched kernel the CPU supports). Each next line
switches off one more family of dispatched kernels, from the widest down, as long as the CPU has
it: on x86-64 with numpy 2.4 the groups are AVX512_SPR, AVX512_ICL and X86_V4 (the AVX-512
families), then X86_V3 (AVX2 and FMA3); what remains is the build's baseline (X86_V2). The names
are numpy's own, read through its public API (``np.show_config(mode="dicts")["SIMD Extensions"]
["found"]``: the dispatch targets of the build that this CPU has, the list ``np.show_runtime()``
prints), which are the ones NPY_DISABLE_CPU_FEATURES accepts; a name the CPU lacks is never
printed, because numpy refuses to disable a feature that is not available. `.ci/run` runs
`make verify` under every line. ``numpy.lib.introspect.opt_func_info()`` says which target each
kernel runs now, but not which narrower targets the CPU also has, so it cannot list the levels
by itself; ``tests/test_dispatch_levels.py`` checks with it that the last line switches off every
dispatched target in use.
"""

from __future__ import annotations

import numpy as np

#: Families switched off together, widest first (x86-64 names of numpy >= 2.4; others are skipped).
GROUPS = [("AVX512_SPR", "AVX512_ICL", "X86_V4"), ("X86_V3",)]


def levels() -> list[str]:
    """NPY_DISABLE_CPU_FEATURES values, from the default (empty) down to the baseline."""
    found = set(np.show_config(mode="dicts")["SIMD Extensions"]["found"])
    out, disabled = [""], []
    for group in GROUPS:
        present = [f for f in group if f in found]
        if not present:
            continue
        disabled.extend(present)
        out.append(" ".join(disabled))
    return out


if __name__ == "__main__":
    assert np.__version__  # the levels are numpy's: fail loudly if numpy is missing
    print("\n".join(levels()))
