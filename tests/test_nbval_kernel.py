"""The kernel start-up of `make verify` (tests/nbval_kernel.py): no TCP port to race for, and a
kernel that dies while starting is started once more and, failing again, says why."""

from __future__ import annotations

import os
from pathlib import Path

import nbval.kernel
import nbval_kernel
import pytest


@pytest.mark.skipif(os.name != "posix", reason="Unix domain sockets")
def test_verify_kernels_talk_over_unix_sockets_in_a_private_directory_removed_at_shutdown():
    km = nbval_kernel.SocketDirKernelManager(kernel_name=nbval.kernel.CURRENT_ENV_KERNEL_NAME)
    folder = Path(km.ip).parent
    assert km.transport == "ipc"
    assert folder.is_dir() and folder.name.startswith("nbval-")
    # sun_path holds 108 bytes on Linux (104 on macOS); "<ip>-<port>" must fit whatever $HOME is.
    assert len(f"{km.ip}-65535".encode()) < 100
    km.cleanup_resources()
    assert not folder.exists()


def test_nbval_starts_its_kernels_through_this_module():
    assert nbval.kernel.KernelManager is nbval_kernel.SocketDirKernelManager
    assert nbval.kernel.start_new_kernel is nbval_kernel.start_new_kernel


def _dying_kernel(attempts: list[int], survive_at: int | None = None):
    def start(startup_timeout, kernel_name, **kwargs):
        attempts.append(len(attempts) + 1)
        if attempts[-1] == survive_at:
            return "km", "kc"
        kwargs["stderr"].write(b"Traceback (most recent call last):\nzmq.error.ZMQError: Address already in use\n")
        kwargs["stderr"].flush()
        raise RuntimeError("Kernel died before replying to kernel_info")

    return start


def test_a_kernel_that_dies_once_while_starting_is_started_again_with_a_warning(monkeypatch):
    attempts: list[int] = []
    monkeypatch.setattr(nbval_kernel, "_nbval_start_new_kernel", _dying_kernel(attempts, survive_at=2))
    with pytest.warns(nbval_kernel.KernelStartRetried, match="Address already in use"):
        assert nbval_kernel.start_new_kernel(kernel_name="k", stderr=None) == ("km", "kc")
    assert attempts == [1, 2]


def test_a_kernel_that_cannot_start_twice_fails_the_chapter_with_its_stderr(monkeypatch):
    attempts: list[int] = []
    monkeypatch.setattr(nbval_kernel, "_nbval_start_new_kernel", _dying_kernel(attempts))
    with pytest.warns(nbval_kernel.KernelStartRetried), pytest.raises(RuntimeError) as failed:
        nbval_kernel.start_new_kernel(kernel_name="k", stderr=None)
    assert attempts == [1, 2]
    assert "failed to start 2 times" in str(failed.value)
    assert "Kernel died before replying to kernel_info" in str(failed.value)
    assert "zmq.error.ZMQError: Address already in use" in str(failed.value)
