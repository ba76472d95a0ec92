"""Generations run by a real procrastinate worker: success, files, events, failures, refunds."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text, update

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.generations.jobs import WorkerRuntime, build_queue, recover_lost_work
from resumeforge.generations.models import Generation
from tests.ai.fake_llm import FakeLLM, gemini_error
from tests.generations.conftest import (
    generation_body,
    ledger_mismatches,
    refunds_of,
    wait_until_finished,
    worker_running,
)


async def test_offline_generation_succeeds_with_downloadable_files(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    async with worker_running(settings, db):
        started = await client.post(
            "/api/v1/generations", json=generation_body(kind="both"), headers=auth_headers
        )
        assert started.status_code == 202
        assert started.json()["status"] == "queued"
        done = await wait_until_finished(client, auth_headers, started.json()["id"])

    assert done["status"] == "succeeded", done["error"]
    names = {f["name"]: f for f in done["files"]}
    assert set(names) == {
        "resume.pdf",
        "resume.docx",
        "cover-letter.pdf",
        "cover-letter.docx",
        "report.json",
    }
    assert done["report"]["provider"] == "offline"
    assert done["report"]["reverted"] == []

    pdf = await client.get(names["resume.pdf"]["url"], headers=auth_headers)
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert len(pdf.content) == names["resume.pdf"]["size"]
    assert 'filename="Mira-Okafor' in pdf.headers["content-disposition"]
    assert pdf.headers["content-disposition"].endswith(".pdf")
    letter = await client.get(names["cover-letter.docx"]["url"], headers=auth_headers)
    assert letter.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "Cover-Letter.docx" in letter.headers["content-disposition"]
    report = await client.get(names["report.json"]["url"], headers=auth_headers)
    assert json.loads(report.content)["keywords"]

    me = await client.get("/api/v1/me", headers=auth_headers)
    assert me.json()["token_balance"] == 1
    assert await refunds_of(db, done["id"]) == 0

    deleted = await client.delete(f"/api/v1/generations/{done['id']}", headers=auth_headers)
    assert deleted.status_code == 204
    gone = await client.get(names["resume.pdf"]["url"], headers=auth_headers)
    assert gone.status_code == 404


async def _start_with_gemini(client: httpx.AsyncClient) -> tuple[dict[str, str], str]:
    from tests.conftest import register_and_login

    tokens = await register_and_login(client, "gem@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    started = await client.post(
        "/api/v1/generations", json=generation_body(provider="gemini"), headers=headers
    )
    assert started.status_code == 202, started.text
    return headers, started.json()["id"]


async def test_permanent_provider_failure_fails_with_one_refund(
    gemini_client: httpx.AsyncClient, gemini_settings: Settings, db: Database, fake_llm: FakeLLM
) -> None:
    fake_llm.repeat = gemini_error(400, "INVALID_ARGUMENT")
    headers, generation_id = await _start_with_gemini(gemini_client)
    async with worker_running(gemini_settings, db):
        done = await wait_until_finished(gemini_client, headers, generation_id)
    assert done["status"] == "failed"
    assert done["error"], "a reason the user can read"
    assert "Traceback" not in done["error"]
    assert await refunds_of(db, generation_id) == 1
    me = await gemini_client.get("/api/v1/me", headers=headers)
    assert me.json()["token_balance"] == 3
    assert await ledger_mismatches(db) == []
    async with db.engine.connect() as connection:
        outcomes = (await connection.execute(text("SELECT outcome FROM api_usage"))).scalars().all()
    assert outcomes and all(outcome != "ok" for outcome in outcomes), "failed calls are recorded"


async def test_rate_limited_twice_then_success_succeeds_without_refund(
    gemini_client: httpx.AsyncClient, gemini_settings: Settings, db: Database, fake_llm: FakeLLM
) -> None:
    retry_info = [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "0.1s"}]
    fake_llm.script = [gemini_error(429, "RESOURCE_EXHAUSTED", retry_info)] * 2
    headers, generation_id = await _start_with_gemini(gemini_client)
    async with worker_running(gemini_settings, db):
        done = await wait_until_finished(gemini_client, headers, generation_id)
    assert done["status"] == "succeeded", done["error"]
    assert await refunds_of(db, generation_id) == 0
    me = await gemini_client.get("/api/v1/me", headers=headers)
    assert me.json()["token_balance"] == 2
    async with db.engine.connect() as connection:
        usage = (
            await connection.execute(
                text("SELECT provider, model, outcome, prompt_tokens FROM api_usage")
            )
        ).all()
    assert any(row.outcome == "ok" and row.prompt_tokens > 0 for row in usage)
    assert sum(1 for row in usage if row.outcome != "ok") == 2


async def _start_overdue(client: httpx.AsyncClient, headers: dict[str, str], db: Database) -> str:
    """Start a generation, then move its deadline into the past."""
    started = await client.post("/api/v1/generations", json=generation_body(), headers=headers)
    generation_id: str = started.json()["id"]
    async with db.sessions() as session:
        await session.execute(
            update(Generation)
            .where(Generation.id == generation_id)
            .values(deadline_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await session.commit()
    return generation_id


async def test_generation_past_its_deadline_fails_once_with_refund(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    generation_id = await _start_overdue(client, auth_headers, db)

    runtime = WorkerRuntime(settings=settings, database=db)
    queue = build_queue(settings, db.url)
    async with queue.open_async():
        await recover_lost_work(queue, runtime)
        await recover_lost_work(queue, runtime)  # a second sweep changes nothing
    done = (await client.get(f"/api/v1/generations/{generation_id}", headers=auth_headers)).json()
    assert done["status"] == "failed"
    assert "deadline" in done["error"]
    assert await refunds_of(db, generation_id) == 1

    async with worker_running(settings, db):  # the queued job finds it finished: no-op
        await asyncio.sleep(1.0)
    assert await refunds_of(db, generation_id) == 1
    assert await ledger_mismatches(db) == []


async def test_the_api_fails_overdue_generations_even_with_no_worker_running(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    generation_id = await _start_overdue(client, auth_headers, db)

    quick = settings.model_copy(update={"worker_stalled_seconds": 0.2})
    api_only = create_app(quick, database=db, with_worker=False)
    async with api_only.router.lifespan_context(api_only):
        for _ in range(100):
            if await refunds_of(db, generation_id):
                break
            await asyncio.sleep(0.05)
    assert await refunds_of(db, generation_id) == 1
    done = (await client.get(f"/api/v1/generations/{generation_id}", headers=auth_headers)).json()
    assert done["status"] == "failed"
