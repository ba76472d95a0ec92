"""The generation cache answers repeated reads and never outlives a change it was told of."""

from __future__ import annotations

import asyncio
import uuid

import httpx
from fastapi import FastAPI

from resumeforge.db.engine import Database
from resumeforge.generations import service
from resumeforge.generations.cache import GenerationCache
from resumeforge.generations.schemas import GenerationStatus
from tests.generations.conftest import generation_body


def test_a_read_that_raced_a_change_is_not_kept() -> None:
    cache = GenerationCache()
    cache.turn_on()
    owner = uuid.uuid4()
    version = cache.version()  # a reader starts reading the database...
    cache.invalidate("g1")  # ...a change is announced meanwhile...
    cache.put("g1", owner, b"old", version=version)  # ...so what it read may be old
    assert cache.get("g1", owner) is None
    cache.put("g1", owner, b"new", version=cache.version())
    assert cache.get("g1", owner) == b"new"
    assert cache.get("g1", uuid.uuid4()) is None, "another user never gets it"


def test_the_cache_is_off_until_listening_and_bounded() -> None:
    cache = GenerationCache(max_entries=2)
    owner = uuid.uuid4()
    cache.put("a", owner, b"a", version=cache.version())
    assert cache.get("a", owner) is None
    cache.turn_on()
    for key in ("a", "b", "c"):
        cache.put(key, owner, key.encode(), version=cache.version())
    assert cache.get("a", owner) is None
    assert cache.get("c", owner) == b"c"


async def test_reads_follow_every_change_while_cached(
    app: FastAPI, client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    events = app.state.generation_events
    events.start()
    for _ in range(200):
        if events.cache.enabled:
            break
        await asyncio.sleep(0.01)
    assert events.cache.enabled
    try:
        started = await client.post(
            "/api/v1/generations", json=generation_body(), headers=auth_headers
        )
        path = f"/api/v1/generations/{started.json()['id']}"
        first = await client.get(path, headers=auth_headers)
        assert first.json()["status"] == "queued"
        owner = uuid.UUID(await _user_id(client, auth_headers))
        assert events.cache.get(started.json()["id"], owner) is not None, "the read was kept"

        async with db.sessions() as session:
            await service.mark_stage(
                session=session,
                generation_id=uuid.UUID(started.json()["id"]),
                status=GenerationStatus.analyzing,
            )
        for _ in range(200):
            if (await client.get(path, headers=auth_headers)).json()["status"] == "analyzing":
                break
            await asyncio.sleep(0.01)
        assert (await client.get(path, headers=auth_headers)).json()["status"] == "analyzing"
    finally:
        await events.close()


async def _user_id(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    return str((await client.get("/api/v1/me", headers=headers)).json()["id"])
