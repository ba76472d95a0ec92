"""`make run` stopped with Ctrl-C leaves no process behind: not the server, not its parser
processes, not the embedded PostgreSQL it started."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from tests.loopback import free_port

ROOT = Path(__file__).resolve().parents[1]
READY_WITHIN_SECONDS = 180.0  # a hang guard: the first run makes a new database cluster
EXITS_WITHIN_SECONDS = 60.0


@pytest.fixture
def data_dir() -> Iterator[Path]:
    # Under the project, not /tmp: the embedded server may run as another user (as root,
    # pgserver's own), who must be able to reach it.
    path = ROOT / ".data" / f"make-run-{uuid.uuid4().hex[:8]}"
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _wait_ready(url: str, make: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_WITHIN_SECONDS
    while time.monotonic() < deadline:
        assert make.poll() is None, "make run ended before it served"
        try:
            if httpx.get(f"{url}/health/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("make run did not become ready")


def _processes_of(data_dir: Path, root_pid: int) -> set[int]:
    """The make process's descendants, and anything else running from the data dir."""
    found: set[int] = set()
    with contextlib.suppress(psutil.NoSuchProcess):
        found |= {child.pid for child in psutil.Process(root_pid).children(recursive=True)}
    for process in psutil.process_iter(["pid", "cmdline"]):
        if str(data_dir) in " ".join(process.info["cmdline"] or []):
            found.add(process.info["pid"])
    return found


def _alive(pids: set[int]) -> list[str]:
    alive = []
    for pid in pids:
        try:
            process = psutil.Process(pid)
            if process.status() != psutil.STATUS_ZOMBIE:
                alive.append(f"{pid} {' '.join(process.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return alive


def test_ctrl_c_stops_make_run_and_everything_it_started(data_dir: Path) -> None:
    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "RESUMEFORGE_ENV"}
    }
    environment.update(
        {"RESUMEFORGE_DATA_DIR": str(data_dir), "PORT": str(port), "LOG_LEVEL": "WARNING"}
    )
    # Its own session, as a terminal's foreground job: Ctrl-C signals the whole group.
    make = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_ready(f"http://127.0.0.1:{port}", make)
        started = _processes_of(data_dir, make.pid)
        assert any("postgres" in line for line in _alive(started)), "an embedded server ran"
        os.killpg(make.pid, signal.SIGINT)
        make.wait(timeout=EXITS_WITHIN_SECONDS)
        deadline = time.monotonic() + EXITS_WITHIN_SECONDS
        while _alive(started | _processes_of(data_dir, make.pid)):
            assert time.monotonic() < deadline, _alive(started)
            time.sleep(0.2)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
