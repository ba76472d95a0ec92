"""/metrics adds up every server process when PROMETHEUS_MULTIPROC_DIR is shared."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.databases import throwaway_database
from tests.loopback import free_port

REQUESTS = "resumeforge_http_requests_total"


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text (0 when it has not appeared yet)."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and all(found.labels.get(k) == v for k, v in labels.items()):
                return float(found.value)
    return 0.0


def test_two_server_processes_report_one_sum(tmp_path: Path) -> None:
    port = free_port()
    multiproc = tmp_path / "prometheus"
    multiproc.mkdir()
    with throwaway_database("resumeforge_metrics") as url:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "PROMETHEUS_MULTIPROC_DIR": str(multiproc),
            "SERVE_WITH_WORKER": "false",
            "LOG_LEVEL": "WARNING",
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "resumeforge", "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base, server)
            # New connections each time, so the kernel spreads them over both processes.
            for _ in range(40):
                with httpx.Client(base_url=base) as client:
                    assert client.get("/health/live").status_code == 200
            served_by = {path.name.split("_")[-1] for path in multiproc.glob("counter_*.db")}
            text = httpx.get(f"{base}/metrics").text
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    counted = sample(text, REQUESTS, route="/health/live", status="200")
    assert counted == 40 + readiness_probes(), text
    assert len(served_by) >= 2, "each process wrote its own counters"


def readiness_probes() -> int:
    return 1  # wait_for's one successful /health/live


def wait_for(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(server.stderr.read().decode() if server.stderr else "exited")
        try:
            if httpx.get(f"{base}/health/live", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the server did not start within 60 s")
