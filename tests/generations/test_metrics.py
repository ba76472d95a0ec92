"""/metrics parsed by prometheus_client's own parser, moving as requests, generations and
provider calls happen."""

from __future__ import annotations

import httpx

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.ai.fake_llm import FakeLLM
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, wait_until_finished, worker_running


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of an exposition, parsed by prometheus_client's own parser."""
    from prometheus_client.parser import text_string_to_metric_families

    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_metrics_parse_and_move_with_requests_generations_and_provider_calls(
    gemini_client: httpx.AsyncClient, gemini_settings: Settings, db: Database, fake_llm: FakeLLM
) -> None:
    tokens = await register_and_login(gemini_client, "metered@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    before = _samples((await gemini_client.get("/metrics")).text)
    me_key = (
        "resumeforge_http_requests_total",
        (("method", "GET"), ("route", "/api/v1/me"), ("status", "200")),
    )
    async with worker_running(gemini_settings, db):
        await gemini_client.get("/api/v1/me", headers=headers)
        started = await gemini_client.post(
            "/api/v1/generations", json=generation_body(provider="gemini"), headers=headers
        )
        done = await wait_until_finished(gemini_client, headers, started.json()["id"])
        assert done["status"] == "succeeded"
        after = _samples((await gemini_client.get("/metrics")).text)

    assert after[me_key] == before.get(me_key, 0) + 1
    succeeded = ("resumeforge_generations", (("state", "succeeded"),))
    assert after[succeeded] == before.get(succeeded, 0) + 1
    finished = ("resumeforge_generation_duration_seconds_count", (("status", "succeeded"),))
    assert after[finished] == before.get(finished, 0) + 1
    calls = {k: v for k, v in after.items() if k[0] == "resumeforge_provider_calls_total"}
    assert calls and all(dict(k[1])["provider"] == "gemini" for k in calls)
    prompt = [v for k, v in after.items() if k[0] == "resumeforge_provider_tokens_total"]
    assert sum(prompt) > 0
    assert after[("resumeforge_database_up", ())] == 1
    assert after[("resumeforge_workers_live", ())] >= 1
    assert ("resumeforge_queue_oldest_seconds", ()) in after
    assert ("resumeforge_db_pool_connections", (("state", "checkedout"),)) in after
