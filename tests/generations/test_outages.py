"""Database outages and partitions: the API answers 503 within seconds throughout, and the
workers already running ride it out — after it, they finish new generations and the one that
was running when it began; nothing is lost, nothing waits for its deadline.

Each outage runs through a TCP proxy of the test's own: a refusal (connections cut and
refused) and a silent drop (connections open, nothing passing).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from sqlalchemy import text

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database, create_database
from tests.ai.fake_llm import FakeLLM
from tests.conftest import register_and_login
from tests.generations.conftest import (
    generation_body,
    ledger_mismatches,
    refunds_of,
    set_balance,
    wait_until_finished,
    worker_process,
)
from tests.tcp_proxy import PostgresProxy

# Generous hang guards: the service's own bounds are a third of these.
API_ANSWERS_WITHIN = 5.0
READY_ANSWERS_WITHIN = 2.0


def through_proxy(database_url: str, port: int) -> str:
    parts = urlsplit(database_url)
    user = parts.username or "postgres"
    return urlunsplit((parts.scheme, f"{user}@127.0.0.1:{port}", parts.path, "", ""))


def worker_environment(database_url: str, fake: FakeLLM, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "RESUMEFORGE_ENV": "test",
        "DATABASE_URL": database_url,
        "GEMINI_API_KEY": "test-key",
        "GEMINI_BASE_URL": fake.url,
        "GEMINI_FALLBACK_MODELS": "",
        "LLM_MAX_RETRIES": "0",
        "WORKER_CONCURRENCY": "4",
        "WORKER_HEARTBEAT_SECONDS": "0.5",
        "WORKER_STALLED_SECONDS": "3",
        "DB_POOL_TIMEOUT_SECONDS": "1",
        "DB_CONNECT_TIMEOUT_SECONDS": "1",
        "LOG_LEVEL": "INFO",
        **extra,
    }


@pytest.fixture
async def proxy(database_url: str, db: Database) -> AsyncIterator[PostgresProxy]:
    proxy = PostgresProxy(database_url)
    await proxy.start()
    yield proxy
    await proxy.stop()


@pytest.fixture
def outage_settings(gemini_settings: Settings) -> Settings:
    return gemini_settings.model_copy(
        update={"db_connect_timeout_seconds": 1.0, "db_pool_timeout_seconds": 1.0}
    )


@pytest.fixture
async def proxied_client(
    outage_settings: Settings, proxy: PostgresProxy, database_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    """The API with its database reached through the proxy."""
    database = create_database(outage_settings, through_proxy(database_url, proxy.port))
    app = create_app(outage_settings, database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
    await database.dispose()


async def _start(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    response = await client.post(
        "/api/v1/generations", json=generation_body(provider="gemini"), headers=headers
    )
    assert response.status_code == 202, response.text
    generation_id: str = response.json()["id"]
    return generation_id


async def _running(db: Database) -> int:
    async with db.engine.connect() as connection:
        running = await connection.scalar(
            text(
                "SELECT count(*) FROM generations "
                "WHERE status NOT IN ('queued', 'succeeded', 'failed')"
            )
        )
    return int(running or 0)


async def _outage_answers(
    client: httpx.AsyncClient, headers: dict[str, str], seconds: float
) -> dict[str, int]:
    """Ask the API throughout the outage; every answer is a quick 503 problem."""
    answered = {"me": 0, "start": 0, "ready": 0}
    loop = asyncio.get_running_loop()
    ends = loop.time() + seconds
    while loop.time() < ends:
        me = await asyncio.wait_for(client.get("/api/v1/me", headers=headers), API_ANSWERS_WITHIN)
        assert me.status_code == 503, me.text
        assert me.headers["content-type"] == "application/problem+json"
        assert me.json()["type"].endswith("/service-unavailable")
        assert "retry-after" in me.headers
        answered["me"] += 1
        start = await asyncio.wait_for(
            client.post(
                "/api/v1/generations", json=generation_body(provider="gemini"), headers=headers
            ),
            API_ANSWERS_WITHIN,
        )
        assert start.status_code == 503, start.text
        answered["start"] += 1
        ready = await asyncio.wait_for(client.get("/health/ready"), READY_ANSWERS_WITHIN)
        assert ready.status_code == 503
        assert ready.json()["checks"]["database"] == "unreachable"
        answered["ready"] += 1
        await asyncio.sleep(0.5)
    return answered


async def ride_out(
    kind: str,
    seconds: float,
    *,
    client: httpx.AsyncClient,
    proxy: PostgresProxy,
    db: Database,
    database_url: str,
    fake_llm: FakeLLM,
    tmp_path: Path,
) -> None:
    tokens = await register_and_login(client, f"{kind}@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    await set_balance(db, f"{kind}@example.com", 20)
    environment = worker_environment(through_proxy(database_url, proxy.port), fake_llm)
    log = tmp_path / "worker.log"
    with worker_process(environment, log) as worker:
        before = await _start(client, headers)
        assert (await wait_until_finished(client, headers, before))["status"] == "succeeded"

        fake_llm.delay = 1.0  # the next generation is mid-call when the outage begins
        in_flight = await _start(client, headers)
        for _ in range(400):
            if await _running(db):
                break
            await asyncio.sleep(0.05)
        if kind == "refusal":
            await proxy.stop()
        else:
            proxy.blackhole()
        fake_llm.delay = 0.0
        answered = await _outage_answers(client, headers, seconds)
        assert worker.poll() is None, "the worker is still running through the outage"
        if kind == "refusal":
            await proxy.start()  # the same port: PostgreSQL is back
        else:
            await proxy.restore()

        results = [await wait_until_finished(client, headers, in_flight, within=90)]
        after = [await _start(client, headers) for _ in range(3)]
        results += [await wait_until_finished(client, headers, i, within=90) for i in after]
        assert worker.poll() is None, "the same worker, never restarted, did the work"
    assert [r["status"] for r in results] == ["succeeded"] * 4, [r["error"] for r in results]
    assert [await refunds_of(db, r["id"]) for r in results] == [0] * 4
    assert await ledger_mismatches(db) == []
    assert min(answered.values()) >= 1
    output = log.read_text()
    assert "worker lost the database, waiting for it" in output
    assert output.count("worker connected, fetching jobs") >= 2, "it came back by itself"


OUTAGES = [
    pytest.param("refusal", 5.0, id="refusal-5s"),
    pytest.param("silence", 5.0, id="silence-5s"),
    pytest.param("refusal", 60.0, id="refusal-60s", marks=pytest.mark.slow),
    pytest.param("silence", 60.0, id="silence-60s", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("kind", "seconds"), OUTAGES)
async def test_workers_ride_out_a_database_outage_and_the_api_answers_503_meanwhile(
    kind: str,
    seconds: float,
    proxied_client: httpx.AsyncClient,
    proxy: PostgresProxy,
    db: Database,
    database_url: str,
    fake_llm: FakeLLM,
    tmp_path: Path,
) -> None:
    await ride_out(
        kind,
        seconds,
        client=proxied_client,
        proxy=proxy,
        db=db,
        database_url=database_url,
        fake_llm=fake_llm,
        tmp_path=tmp_path,
    )
