"""Sign-in under abuse: failures limited per account whatever the address, hashing off the
event loop, and two tabs refreshing one token at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import update

from resumeforge.accounts import passwords
from resumeforge.accounts.models import RefreshToken
from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login

PASSWORD = "correct horse 1"


def _from_address(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_the_eleventh_failed_login_for_one_account_is_429_whatever_the_address(
    settings: Settings, db: Database
) -> None:
    app = create_app(settings, database=db)
    async with _from_address(app, "192.0.2.1") as owner:
        await register_and_login(owner, "target@example.com", PASSWORD)
    answers = []
    for attempt in range(11):
        async with _from_address(app, f"198.51.100.{attempt + 1}") as attacker:
            answers.append(
                await attacker.post(
                    "/api/v1/auth/login",
                    json={"email": "TARGET@example.com", "password": f"guess {attempt}"},
                )
            )
    assert [a.status_code for a in answers] == [401] * 10 + [429]
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 5 * 60

    async with _from_address(app, "203.0.113.9") as other:
        # Another account is not affected by the first one's lock.
        await register_and_login(other, "bystander@example.com", PASSWORD)


async def test_the_account_limit_counts_failures_only(settings: Settings, db: Database) -> None:
    few = settings.model_copy(update={"rate_limit_login_failures": "2/minute"})
    app = create_app(few, database=db)
    async with _from_address(app, "192.0.2.7") as client:
        await register_and_login(client, "fine@example.com", PASSWORD)
        for _ in range(3):
            good = await client.post(
                "/api/v1/auth/login", json={"email": "fine@example.com", "password": PASSWORD}
            )
            assert good.status_code == 200
        bad = [
            await client.post(
                "/api/v1/auth/login", json={"email": "fine@example.com", "password": "wrong one"}
            )
            for _ in range(3)
        ]
    assert [b.status_code for b in bad] == [401, 401, 429]


async def test_hashing_leaves_the_event_loop_free() -> None:
    """While a hash runs, the loop keeps turning: another coroutine gets many turns."""
    stored = passwords.hash_password(PASSWORD)
    verifying = asyncio.create_task(passwords.verify_password_off_loop(stored, PASSWORD, threads=1))
    turns = 0
    while not verifying.done():
        turns += 1
        await asyncio.sleep(0)
    assert await verifying
    # Run on the loop, the hash would finish within the task's first step: one turn at most.
    assert turns > 10


async def test_concurrent_refreshes_of_one_token_get_the_same_new_pair(
    client: httpx.AsyncClient,
) -> None:
    tokens = await register_and_login(client, "tabs@example.com")
    answers = await asyncio.gather(
        *(
            client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            for _ in range(5)
        )
    )
    assert [a.status_code for a in answers] == [200] * 5
    pairs = {(a.json()["access_token"], a.json()["refresh_token"]) for a in answers}
    assert len(pairs) == 1, "every tab holds the same new pair"
    access, refresh = pairs.pop()
    assert refresh != tokens["refresh_token"]
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {access}"})
    assert me.status_code == 200
    onward = await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh})
    assert onward.status_code == 200, "the shared new token is a live one"


async def test_reuse_after_the_grace_window_still_revokes_the_family(
    client: httpx.AsyncClient, db: Database
) -> None:
    tokens = await register_and_login(client, "late@example.com")
    first = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert first.status_code == 200
    async with db.sessions() as session:  # the first use is now older than the window
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.used_at.is_not(None))
            .values(used_at=datetime.now(UTC) - timedelta(seconds=60))
        )
        await session.commit()
    replay = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert replay.status_code == 401
    legit = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": first.json()["refresh_token"]}
    )
    assert legit.status_code == 401, "the whole family is closed"
