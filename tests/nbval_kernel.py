"""How `make verify` starts nbval's kernels: Unix sockets instead of TCP ports, and a kernel that dies
while starting says why.

jupyter_client chooses a kernel's five TCP ports by binding port 0 and letting go; the kernel binds
them a moment later, one attempt each. With several xdist workers starting kernels at once, a port
let go can be taken in between (by another kernel, or as the source port of a client's connection)
and the kernel exits: "Kernel died before replying to kernel_info". A CI run of the archive's
`make verify` lost the summary chapter that way, with the kernel's stderr sent to /dev/null by nbval.

Here, on POSIX, each kernel talks over Unix domain sockets in a private temporary directory (no
port to race for, and a short path whatever $HOME is); its stderr goes to a temporary file whose
last lines are added to the error if it dies; and a kernel that fails to start is started once more
(a pytest warning in the log says so). Only the start-up is retried: a cell's output is compared
exactly as before, and a chapter whose kernel cannot start twice still fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings

import nbval.kernel
from jupyter_client.manager import KernelManager
from jupyter_core.utils import run_sync

ATTEMPTS = 2
STDERR_LINES = 8


class KernelStartRetried(UserWarning):
    """A kernel died or timed out while starting and was started again."""


class SocketDirKernelManager(KernelManager):
    """nbval's kernel manager, with the ipc transport in a directory of its own (POSIX only)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._socket_dir = None
        if os.name == "posix":
            self._socket_dir = tempfile.mkdtemp(prefix="nbval-")
            self.transport = "ipc"
            self.ip = os.path.join(self._socket_dir, "k")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        # What shutdown_kernel awaits; jupyter_client's cleanup_resources wraps the base class's.
        await super()._async_cleanup_resources(restart=restart)
        if self._socket_dir and not restart:
            shutil.rmtree(self._socket_dir, ignore_errors=True)

    cleanup_resources = run_sync(_async_cleanup_resources)


def _tail(stream) -> str:
    stream.seek(0)
    lines = stream.read().decode("utf-8", "replace").strip().splitlines()[-STDERR_LINES:]
    return " | ".join(line.strip() for line in lines) or "(nothing on stderr)"


_nbval_start_new_kernel = nbval.kernel.start_new_kernel


def start_new_kernel(startup_timeout: float = 60, kernel_name: str = "python", **kwargs):
    """nbval's ``start_new_kernel`` with the kernel's stderr kept and one more attempt on failure."""
    for attempt in range(1, ATTEMPTS + 1):
        # The kernel keeps its own descriptor of the (unlinked) file; ours is closed either way.
        with tempfile.TemporaryFile() as stderr:
            kwargs["stderr"] = stderr
            try:
                return _nbval_start_new_kernel(startup_timeout=startup_timeout, kernel_name=kernel_name, **kwargs)
            except RuntimeError as exc:
                why = f"{exc}; the kernel's stderr: {_tail(stderr)}"
                if attempt == ATTEMPTS:
                    raise RuntimeError(f"kernel failed to start {ATTEMPTS} times: {why}") from exc
                warnings.warn(f"kernel start-up retried ({why})", KernelStartRetried, stacklevel=2)
    raise AssertionError("unreachable")


def install() -> None:
    """Make nbval (imported already, as a pytest plugin) start its kernels through this module."""
    nbval.kernel.KernelManager = SocketDirKernelManager
    nbval.kernel.start_new_kernel = start_new_kernel
