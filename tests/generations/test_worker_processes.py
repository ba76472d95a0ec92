"""Worker processes sharing one queue: every generation runs once, and a killed worker's work
is picked up by another, so nothing paid for stays unfinished."""

from __future__ import annotations

import asyncio
import os
import signal

import httpx
from sqlalchemy import text

from resumeforge.config import Settings
from resumeforge.db.engine import Database
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


def _worker_environment(
    database_url: str, fake: FakeLLM, stalled_seconds: float = 30
) -> dict[str, str]:
    return {
        **os.environ,
        "RESUMEFORGE_ENV": "test",
        "DATABASE_URL": database_url,
        "GEMINI_API_KEY": "test-key",
        "GEMINI_BASE_URL": fake.url,
        "LLM_MAX_RETRIES": "0",
        "WORKER_CONCURRENCY": "4",
        "WORKER_HEARTBEAT_SECONDS": "0.5",
        "WORKER_STALLED_SECONDS": str(stalled_seconds),
        "LOG_LEVEL": "WARNING",
    }


async def _start_many(
    client: httpx.AsyncClient, db: Database, count: int
) -> tuple[dict[str, str], list[str]]:
    tokens = await register_and_login(client, "fleet@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    await set_balance(db, "fleet@example.com", count)
    body = generation_body(provider="gemini")
    ids = []
    for _ in range(count):
        response = await client.post("/api/v1/generations", json=body, headers=headers)
        assert response.status_code == 202, response.text
        ids.append(response.json()["id"])
    return headers, ids


async def test_two_workers_run_fifty_generations_exactly_once(
    gemini_client: httpx.AsyncClient,
    gemini_settings: Settings,
    db: Database,
    database_url: str,
    fake_llm: FakeLLM,
) -> None:
    headers, ids = await _start_many(gemini_client, db, 50)
    environment = _worker_environment(database_url, fake_llm)
    with worker_process(environment), worker_process(environment):
        results = [await wait_until_finished(gemini_client, headers, i, within=120) for i in ids]
    assert [r["status"] for r in results] == ["succeeded"] * 50
    async with db.engine.connect() as connection:
        runs = (await connection.execute(text("SELECT attempts FROM generations"))).scalars().all()
    if runs != [1] * 50:
        async with db.engine.connect() as connection:
            events = await connection.execute(
                text("SELECT job_id, type, at FROM procrastinate_events ORDER BY job_id, id")
            )
            raise AssertionError(f"a generation ran twice; job events: {events.all()}")
    assert await ledger_mismatches(db) == []


async def test_a_worker_killed_mid_job_leaves_nothing_unfinished(
    gemini_client: httpx.AsyncClient,
    gemini_settings: Settings,
    db: Database,
    database_url: str,
    fake_llm: FakeLLM,
) -> None:
    fake_llm.delay = 0.5  # each model call takes a while: the kill lands mid-job
    headers, ids = await _start_many(gemini_client, db, 6)
    environment = _worker_environment(database_url, fake_llm, stalled_seconds=2)
    with worker_process(environment) as doomed:
        running = await _wait_for_running(db)
        assert running, "the first worker started jobs"
        with worker_process(environment):
            doomed.send_signal(signal.SIGKILL)
            doomed.wait(timeout=10)
            results = [await wait_until_finished(gemini_client, headers, i, within=90) for i in ids]
    for result in results:
        assert result["status"] in {"succeeded", "failed"}
        expected_refunds = 1 if result["status"] == "failed" else 0
        assert await refunds_of(db, result["id"]) == expected_refunds
    assert await ledger_mismatches(db) == []
    async with db.engine.connect() as connection:
        rerun = await connection.scalar(text("SELECT count(*) FROM generations WHERE attempts > 1"))
    assert rerun, "the killed worker's jobs were run again by the other"


async def _wait_for_running(db: Database) -> int:
    for _ in range(600):
        async with db.engine.connect() as connection:
            running = await connection.scalar(
                text(
                    "SELECT count(*) FROM generations "
                    "WHERE status NOT IN ('queued', 'succeeded', 'failed')"
                )
            )
        if running:
            return int(running)
        await asyncio.sleep(0.05)
    return 0


async def _sigterm_mid_generation(
    client: httpx.AsyncClient, db: Database, database_url: str, fake: FakeLLM, grace: float
) -> tuple[dict[str, object], int, int]:
    """SIGTERM a worker while its generation waits on the model; another worker stands by.
    Returns the generation as it ended, its runs, and the signalled worker's exit code."""
    fake.delay = 3.0
    headers, ids = await _start_many(client, db, 1)
    environment = {
        **_worker_environment(database_url, fake, stalled_seconds=30),
        "SHUTDOWN_GRACE_SECONDS": str(grace),
    }
    with worker_process(environment) as first:
        assert await _wait_for_running(db), "the first worker started the generation"
        with worker_process(environment):
            first.send_signal(signal.SIGTERM)
            code = await asyncio.to_thread(first.wait, 60)
            result = await wait_until_finished(client, headers, ids[0], within=90)
    async with db.engine.connect() as connection:
        runs = await connection.scalar(text("SELECT attempts FROM generations"))
    return result, int(runs or 0), code


async def test_sigterm_mid_generation_releases_it_to_another_worker_after_the_grace(
    gemini_client: httpx.AsyncClient, db: Database, database_url: str, fake_llm: FakeLLM
) -> None:
    result, runs, code = await _sigterm_mid_generation(
        gemini_client, db, database_url, fake_llm, grace=0.5
    )
    assert code == 0, "a clean exit"
    assert result["status"] == "succeeded", result["error"]
    assert runs == 2, "released by the first worker, run again by the second"
    assert await refunds_of(db, str(result["id"])) == 0
    assert await ledger_mismatches(db) == []


async def test_sigterm_mid_generation_within_the_grace_lets_it_finish(
    gemini_client: httpx.AsyncClient, db: Database, database_url: str, fake_llm: FakeLLM
) -> None:
    result, runs, code = await _sigterm_mid_generation(
        gemini_client, db, database_url, fake_llm, grace=60
    )
    assert code == 0
    assert result["status"] == "succeeded", result["error"]
    assert runs == 1, "the signalled worker finished it before it exited"
    assert await refunds_of(db, str(result["id"])) == 0
