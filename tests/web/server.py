"""`resumeforge serve` in its own process on a free loopback port, with a throwaway database
and an in-process worker: what the page tests and the screenshot script talk to."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import TEST_JWT_SECRET
from tests.databases import throwaway_database
from tests.loopback import free_port

STARTUP_SECONDS = 90  # a hang guard: the server is usually up in a few seconds


@dataclass(frozen=True)
class Server:
    base_url: str
    database_url: str
    log: Path
    process: subprocess.Popen[bytes]


def server_environment(
    database_url: str, port: int, data_dir: Path, extra: dict[str, str]
) -> dict[str, str]:
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONPATH", "VIRTUAL_ENV"}
    environment = {name: value for name, value in os.environ.items() if name in keep}
    environment.update(
        RESUMEFORGE_ENV="test",
        RESUMEFORGE_DATA_DIR=str(data_dir),
        DATABASE_URL=database_url,
        JWT_SECRET=TEST_JWT_SECRET,
        LLM_PROVIDER="offline",
        FREE_TOKENS="3",
        LOG_LEVEL="WARNING",
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        RATE_LIMIT_AUTH="1000/minute",
        SERVE_WITH_WORKER="true",
        WORKER_POLL_SECONDS="0.2",
    )
    environment.update(extra)
    return environment


@contextmanager
def serving(**settings: str) -> Iterator[Server]:
    """The server, up and ready, with `settings` (environment variables) on top of the test
    ones; stopped (and its database dropped) on the way out."""
    with (
        throwaway_database("resumeforge_web") as database_url,
        tempfile.TemporaryDirectory(prefix="resumeforge-web-") as temporary,
    ):
        port = free_port()
        folder = Path(temporary)
        log = folder / "server.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "resumeforge", "serve", "--port", str(port)],
                env=server_environment(database_url, port, folder, settings),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(base_url, process, log)
            yield Server(base_url=base_url, database_url=database_url, log=log, process=process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_ready(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited: {log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base_url}/health/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server was not ready in {STARTUP_SECONDS} s: {log.read_text()}")
