"""/metrics counts generations by outcome."""

from __future__ import annotations

import httpx

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.ai.fake_llm import FakeLLM, gemini_error
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, wait_until_finished, worker_running
from tests.observability.test_metrics_processes import sample

FINISHED = "resumeforge_generations_finished_total"


async def finished(client: httpx.AsyncClient, status: str) -> float:
    return sample((await client.get("/metrics")).text, FINISHED, status=status)


async def test_generations_are_counted_by_outcome(
    gemini_client: httpx.AsyncClient, gemini_settings: Settings, db: Database, fake_llm: FakeLLM
) -> None:
    tokens = await register_and_login(gemini_client, "counted@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    before = {s: await finished(gemini_client, s) for s in ("succeeded", "failed")}

    ok = await gemini_client.post(
        "/api/v1/generations", json=generation_body(provider="gemini"), headers=headers
    )
    async with worker_running(gemini_settings, db):
        await wait_until_finished(gemini_client, headers, ok.json()["id"])
        fake_llm.repeat = gemini_error(400, "INVALID_ARGUMENT")
        bad = await gemini_client.post(
            "/api/v1/generations", json=generation_body(provider="gemini"), headers=headers
        )
        assert (await wait_until_finished(gemini_client, headers, bad.json()["id"]))[
            "status"
        ] == "failed"

    assert await finished(gemini_client, "succeeded") == before["succeeded"] + 1
    assert await finished(gemini_client, "failed") == before["failed"] + 1
