"""Rate limits: sign-in attempts per address and generation starts per user answer 429."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import httpx
import pytest
import redis

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body
from tests.live import live_server
from tests.loopback import free_port


def _client(settings: Settings, db: Database) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(settings, database=db))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def _login(client: httpx.AsyncClient, email: str = "nobody@example.com") -> httpx.Response:
    return await client.post("/api/v1/auth/login", json={"email": email, "password": "guess guess"})


async def test_too_many_sign_ins_from_one_address_get_429_with_retry_after(
    settings: Settings, db: Database
) -> None:
    limited = settings.model_copy(update={"rate_limit_auth": "3/minute"})
    async with _client(limited, db) as client:
        answers = [await _login(client) for _ in range(4)]
    assert [a.status_code for a in answers] == [401, 401, 401, 429]
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("/rate-limited")
    assert 1 <= int(refused.headers["retry-after"]) <= 60


async def test_generation_starts_are_limited_per_user(settings: Settings, db: Database) -> None:
    limited = settings.model_copy(update={"rate_limit_generations": "2/minute"})
    async with _client(limited, db) as client:
        tokens = await register_and_login(client, "busy@example.com")
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        answers = [
            await client.post("/api/v1/generations", json=generation_body(), headers=headers)
            for _ in range(3)
        ]
        assert [a.status_code for a in answers] == [202, 202, 429]
        me = await client.get("/api/v1/me", headers=headers)
    assert me.json()["token_balance"] == 1, "a refused start costs nothing"


def _redis_url() -> str:
    """TEST_REDIS_URL (default: database 15 on the local server), probed where it points."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    where = urlsplit(url)
    address = (where.hostname or "127.0.0.1", where.port or 6379)
    try:
        with socket.create_connection(address, timeout=1):
            return url
    except OSError:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have Redis at {url}")
        pytest.skip(f"no Redis at {url}")


async def test_replicas_share_counters_through_redis(settings: Settings, db: Database) -> None:
    url = _redis_url()
    redis.Redis.from_url(url).flushdb()  # the test's own Redis database: counters from zero
    shared = settings.model_copy(update={"rate_limit_auth": "3/minute", "redis_url": url})
    async with _client(shared, db) as first, _client(shared, db) as second:
        answers = [await _login(client) for client in (first, second, first, second)]
    assert [a.status_code for a in answers] == [401, 401, 401, 429]


async def test_limits_stand_aside_when_redis_is_down(settings: Settings, db: Database) -> None:
    closed_port = free_port()
    unreachable = settings.model_copy(
        update={"rate_limit_auth": "1/minute", "redis_url": f"redis://127.0.0.1:{closed_port}/0"}
    )
    async with _client(unreachable, db) as client:
        answers = [await _login(client) for _ in range(3)]
    assert [a.status_code for a in answers] == [401, 401, 401]


async def _live_logins(url: str, source: str, forwarded_for: str | None = None) -> list[int]:
    """Four wrong sign-ins over a real socket from the loopback address `source`."""
    transport = httpx.AsyncHTTPTransport(local_address=source)
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    async with httpx.AsyncClient(transport=transport, base_url=url, headers=headers) as client:
        return [
            (
                await client.post(
                    "/api/v1/auth/login",
                    json={"email": f"n{n}@example.com", "password": "guess guess"},
                )
            ).status_code
            for n in range(4)
        ]


async def test_limits_count_real_client_addresses_and_ignore_forwarded_headers_by_default(
    settings: Settings,
) -> None:
    limited = settings.model_copy(update={"rate_limit_auth": "3/minute", "trusted_proxies": []})
    with live_server(limited) as url:
        assert await _live_logins(url, "127.0.0.2") == [401, 401, 401, 429]
        assert await _live_logins(url, "127.0.0.3") == [401, 401, 401, 429], "its own count"
        # Untrusted, a forwarded address is a lie the client tells: still 127.0.0.2's count.
        assert await _live_logins(url, "127.0.0.2", "198.51.100.7") == [429] * 4


async def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(
    settings: Settings,
) -> None:
    limited = settings.model_copy(
        update={"rate_limit_auth": "3/minute", "trusted_proxies": ["127.0.0.1"]}
    )
    with live_server(limited) as url:
        # Two people behind the one proxy at 127.0.0.1: each has a count of their own.
        assert await _live_logins(url, "127.0.0.1", "198.51.100.1") == [401, 401, 401, 429]
        assert await _live_logins(url, "127.0.0.1", "198.51.100.2") == [401, 401, 401, 429]
        # A client that is not the proxy cannot pick the address it is counted under.
        assert await _live_logins(url, "127.0.0.4", "198.51.100.3") == [401, 401, 401, 429]
        assert await _live_logins(url, "127.0.0.4", "198.51.100.9") == [429] * 4
