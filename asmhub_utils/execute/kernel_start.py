"""How the pool's kernels start: jupyter_client's kernel manager over Unix sockets, and a kernel process started
before jupyter_client is even imported, which a manager then adopts.

`asmhub profile GHA` waits for one kernel, and everything before that kernel's process exists is on its critical
path: importing jupyter_client (0.1 s), taking the data lock, checking the codes, the manager's own start (0.08 s).
`early` starts the process first, with the standard library alone, and the command does the rest while the kernel
boots; `manager(sockets, started)` then hands it to jupyter_client, which runs it from there (ready, messages,
interrupts, shutdown, clean-up) as if it had launched it: the provisioner's launch step (`_Adopting.launch_kernel`)
is the one step replaced. Home-made, and kept for its margin: `asmhub profile GHA` median 1.69 -> 1.57 s (7
interleaved rounds, 2 cores; the kernel's process now exists 0.1 s after the command starts instead of 0.3 s).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jupyter_client.manager import AsyncKernelManager

KERNEL = "python3"
LAUNCHER = "asmhub_utils.execute.kernel_launcher"
# A pool kernel keeps no IPython history: the book's code does not belong in the reader's ~/.ipython history
# database, and opening it (a SQLite file and a writer thread) was 10 ms of every kernel's start.
OPTIONS = ("--HistoryManager.enabled=False",)
CONNECTION_FILE = "kernel.json"


@dataclass
class Started:
    """A kernel process started by `early`, its socket folder and the connection file it read."""

    process: subprocess.Popen
    sockets: Path

    @property
    def connection_file(self) -> Path:
        return self.sockets / CONNECTION_FILE

    def discard(self) -> None:
        """Stop the process if no manager did (the command failed before it needed the kernel); remove its folder."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # it may have ended since
                os.killpg(self.process.pid, signal.SIGKILL)  # its session: the kernel and anything it started
            self.process.wait()
        shutil.rmtree(self.sockets, ignore_errors=True)


def socket_folder() -> Path:
    """A new private folder (mode 0700) for one kernel's Unix sockets."""
    return Path(tempfile.mkdtemp(prefix="asmhub-kernel-"))


def early() -> Started:
    """Start a pool kernel process now, as jupyter_client's launcher would (its own session, JPY_PARENT_PID so it
    exits if this process dies), in its socket folder: nothing there for an import to pick up, and the pool moves
    each notebook to its own folder before it runs (kernel_pool.RESET)."""
    sockets = socket_folder()
    connection_file = sockets / CONNECTION_FILE
    info = {
        "transport": "ipc",
        "ip": str(sockets / "kernel"),
        **{f"{channel}_port": n for n, channel in enumerate(("shell", "iopub", "stdin", "control", "hb"), start=1)},
        "key": uuid.uuid4().hex,
        "signature_scheme": "hmac-sha256",
        "kernel_name": KERNEL,
    }
    try:
        connection_file.write_text(json.dumps(info), encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", LAUNCHER, "-f", str(connection_file), *OPTIONS],
            cwd=sockets,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "JPY_PARENT_PID": str(os.getpid())},
            start_new_session=True,
        )
    except BaseException:
        shutil.rmtree(sockets, ignore_errors=True)
        raise
    return Started(process, sockets)


def manager(sockets: Path, started: Started | None = None) -> AsyncKernelManager:
    """jupyter_client's AsyncKernelManager for a pool kernel, talking over Unix sockets in the folder `sockets`;
    with `started`, its `start_kernel` adopts that process instead of launching one.

    Unix sockets rather than TCP: no port on the machine is open to other users, and ipykernel prints no warning
    about unencrypted TCP to the reader's terminal. The kernel is started by kernel_launcher (no debugger). Whether a
    killed kernel has gone is checked every 10 ms instead of every 100 ms: shutting a kernel down took 0.11-0.14 s,
    0.02-0.08 s so (4 kernels each, one outlier of 0.2 s). `_async_wait` is jupyter_client's own hook for that wait
    (private; the version is pinned in requirements.txt, and every kernel test goes through it)."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning import LocalProvisioner

    class KernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            command = super().format_kernel_cmd(extra_arguments)
            return [LAUNCHER if part == "ipykernel_launcher" else part for part in command] + list(OPTIONS)

        async def _async_wait(self, pollinterval: float = 0.1) -> None:
            await super()._async_wait(pollinterval=min(pollinterval, 0.01))

    class _Adopting(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs) -> dict:
            self.process, self.pid, self.cwd = started.process, started.process.pid, started.sockets
            try:
                self.pgid = os.getpgid(self.pid)
            except OSError:  # it has already ended: jupyter_client reports a kernel that died before it was ready
                self.pgid = None
            return self.connection_info

    km = KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(sockets / "kernel"))
    if started is not None:
        km.load_connection_file(str(started.connection_file))
        km.kernel_id = str(uuid.uuid4())
        km.provisioner = _Adopting(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
    return km
