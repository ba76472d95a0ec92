"""Generations end to end: real HTTP, real PostgreSQL, one worker, a model that answers at once.

Run from the project root:  .venv/bin/python bench/generations.py [--count 100]

Starts a throwaway database (on TEST_DATABASE_URL's server, else the embedded one), the API
(`resumeforge serve`, no in-process worker), one `resumeforge worker`, and a fake Gemini server
on 127.0.0.1 that answers every call at once; then prints one table:
- latency from POST /api/v1/generations to `succeeded`, one generation at a time;
- throughput: many generations submitted at once, finished per second;
- GET /api/v1/generations/{id} under 32 concurrent clients, beside GET /health/live (the
  framework's floor on this machine) measured the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ai.fake_llm import FakeLLM, serve  # noqa: E402
from tests.ai.resumes import BACKEND_JOB, sample_resume  # noqa: E402
from tests.databases import throwaway_database  # noqa: E402
from tests.loopback import free_port  # noqa: E402

PASSWORD = "benchmark password"


@contextmanager
def process(*args: str, env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    child = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "resumeforge"), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def wait_ready(client: httpx.AsyncClient) -> None:
    for _ in range(300):
        try:
            if (await client.get("/health/ready")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("the API did not become ready")


async def sign_in(client: httpx.AsyncClient) -> dict[str, str]:
    email = f"bench-{uuid.uuid4().hex[:6]}@example.com"
    await client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
    tokens = (
        await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    ).json()
    return {"Authorization": f"Bearer {tokens['access_token']}", "_email": email}


def grant(database_url: str, email: str, amount: int) -> None:
    subprocess.run(
        [str(ROOT / ".venv/bin/resumeforge"), "tokens", "grant", email, str(amount)],
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
        capture_output=True,
    )


async def until_succeeded(
    client: httpx.AsyncClient, headers: dict[str, str], generation_id: str
) -> None:
    """Follow the generation's event stream, as a browser would, until it finishes."""
    path = f"/api/v1/generations/{generation_id}/events"
    async with client.stream("GET", path, headers=headers) as stream:
        async for line in stream.aiter_lines():
            if line.startswith("data: "):
                status = json.loads(line.removeprefix("data: "))["status"]
                if status == "failed":
                    raise RuntimeError(f"generation {generation_id} failed")
                if status == "succeeded":
                    return
    raise RuntimeError(f"the stream of {generation_id} ended early")


async def one_generation(client: httpx.AsyncClient, headers: dict[str, str], body: dict) -> float:
    started = time.perf_counter()
    response = await client.post("/api/v1/generations", json=body, headers=headers)
    response.raise_for_status()
    await until_succeeded(client, headers, response.json()["id"])
    return time.perf_counter() - started


def concurrent_gets(url: str, headers: dict[str, str], clients: int = 32) -> dict[str, float]:
    """Closed-loop GETs from a separate process (bench/http_load.py)."""
    header_args = [
        arg for name, value in headers.items() for arg in ("--header", f"{name}: {value}")
    ]
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "http_load.py"),
            url,
            "--clients",
            str(clients),
            "--requests",
            "100",
            *header_args,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout)
    if figures["failures"]:
        raise RuntimeError(f"{figures['failures']} requests to {url} failed")
    return figures


async def measure(base_url: str, database_url: str, count: int) -> list[tuple[str, str, str]]:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        await wait_ready(client)
        headers = await sign_in(client)
        email = headers.pop("_email")
        grant(database_url, email, count * 3)
        body = {
            "resume": sample_resume().model_dump(mode="json"),
            "job_description": BACKEND_JOB,
            "kind": "resume",
            "provider": "gemini",
        }
        await one_generation(client, headers, body)  # warm: connections, caches

        latencies = [await one_generation(client, headers, body) for _ in range(count)]

        started = time.perf_counter()
        await asyncio.gather(*(one_generation(client, headers, body) for _ in range(count)))
        throughput = count / (time.perf_counter() - started)

        listed = (await client.get("/api/v1/generations?limit=1", headers=headers)).json()
    one = f"{base_url}/api/v1/generations/{listed['items'][0]['id']}"
    await asyncio.to_thread(concurrent_gets, one, headers)  # warm: caches, connections
    gets = await asyncio.to_thread(concurrent_gets, one, headers)
    floor = await asyncio.to_thread(concurrent_gets, f"{base_url}/health/live", {})

    ms = 1000.0
    return [
        ("POST → succeeded, median", f"{statistics.median(latencies) * ms:.0f} ms", "≤ 300 ms"),
        ("POST → succeeded, p95", f"{percentile(latencies, 0.95) * ms:.0f} ms", ""),
        (f"throughput, {count} at once", f"{throughput:.1f} generations/s", "≥ 10/s"),
        ("GET generation, 32 clients, p99", f"{gets['p99_ms']:.1f} ms", "≤ 25 ms"),
        ("GET generation, 32 clients, median", f"{gets['median_ms']:.1f} ms", ""),
        ("GET generation, 32 clients", f"{gets['requests_per_second']:.0f} requests/s", ""),
        ("reference: GET /health/live, p99", f"{floor['p99_ms']:.1f} ms", ""),
        ("reference: GET /health/live", f"{floor['requests_per_second']:.0f} requests/s", ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()

    with (
        throwaway_database("resumeforge_bench") as database_url,
        contextmanager(serve)(FakeLLM()) as fake,
    ):
        port = free_port()
        env = {
            **os.environ,
            "RESUMEFORGE_ENV": "test",
            "DATABASE_URL": database_url,
            "GEMINI_API_KEY": "bench-key",
            "GEMINI_BASE_URL": fake.url,
            "LOG_LEVEL": "WARNING",
            "SERVE_WITH_WORKER": "false",
            "WORKER_CONCURRENCY": "8",
            "RATE_LIMIT_GENERATIONS": "100000/minute",  # one user starts them all
        }
        with (
            process("serve", "--port", str(port), "--workers", "2", env=env),
            process("worker", env=env),
        ):
            rows = asyncio.run(measure(f"http://127.0.0.1:{port}", database_url, args.count))

    print(
        f"{'generations (2 API processes, 1 worker, 2 cores)':40} {'measured':>22} {'target':>10}"
    )
    for label, value, target in rows:
        print(f"{label:40} {value:>22} {target:>10}")


if __name__ == "__main__":
    main()
