"""Progress events over a real socket: each status arrives on its own as it happens, carried
by NOTIFY alone (the stream's periodic re-read is turned off, so a broken NOTIFY fails here)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator

import httpx

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.generations import service
from resumeforge.generations.schemas import GenerationStatus
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, worker_running
from tests.live import live_server

# A hang guard, not a timing: with the re-read off, only a NOTIFY can bring an event at all.
EVENT_ARRIVES_WITHIN = 10.0


async def _statuses(response: httpx.Response) -> AsyncIterator[str]:
    async for line in response.aiter_lines():
        if line.startswith("data: "):
            yield json.loads(line.removeprefix("data: "))["status"]


async def _next(statuses: AsyncIterator[str]) -> str:
    return await asyncio.wait_for(anext(statuses), EVENT_ARRIVES_WITHIN)


async def test_each_status_arrives_alone_as_it_changes_through_notify_only(
    settings: Settings, db: Database
) -> None:
    notify_only = settings.model_copy(update={"events_fallback_poll_seconds": 0})
    with live_server(notify_only) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            tokens = await register_and_login(client, "live@example.com")
            headers = {"Authorization": f"Bearer {tokens['access_token']}"}
            started = await client.post(
                "/api/v1/generations", json=generation_body(), headers=headers
            )
            generation_id = uuid.UUID(started.json()["id"])
            path = f"/api/v1/generations/{generation_id}/events"
            other = await register_and_login(client, "mallory@example.com")
            theirs = await client.get(
                path, headers={"Authorization": f"Bearer {other['access_token']}"}
            )
            assert theirs.status_code == 404, "only the owner may follow it"
            async with client.stream("GET", path, headers=headers) as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                statuses = _statuses(stream)
                assert await _next(statuses) == "queued"
                for stage in ("parsing", "analyzing", "writing", "rendering"):
                    # The next change is made only once the last one has arrived: the
                    # stream cannot be holding them back to deliver at the end.
                    async with db.sessions() as session:
                        await service.mark_stage(
                            session=session,
                            generation_id=generation_id,
                            status=GenerationStatus(stage),
                        )
                    assert await _next(statuses) == stage
                async with db.sessions() as session:
                    await service.fail_and_refund(
                        session=session, generation_id=generation_id, reason="ended by the test"
                    )
                assert await _next(statuses) == "failed"
                remaining = [status async for status in statuses]
    assert remaining == [], "the stream ends after a terminal status"


async def test_a_real_generation_streams_every_status_once_until_it_succeeds(
    settings: Settings, db: Database
) -> None:
    notify_only = settings.model_copy(update={"events_fallback_poll_seconds": 0})
    with live_server(notify_only) as url:
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            tokens = await register_and_login(client, "stream@example.com")
            headers = {"Authorization": f"Bearer {tokens['access_token']}"}
            started = await client.post(
                "/api/v1/generations", json=generation_body(), headers=headers
            )
            path = f"/api/v1/generations/{started.json()['id']}/events"
            seen: list[str] = []
            async with client.stream("GET", path, headers=headers) as stream:
                statuses = _statuses(stream)
                seen.append(await _next(statuses))
                async with worker_running(settings, db):
                    while seen[-1] not in {"succeeded", "failed"}:
                        seen.append(await asyncio.wait_for(anext(statuses), 60))
    assert seen[0] == "queued"
    assert seen[-1] == "succeeded"
    assert len(seen) == len(set(seen)), "each status once"
