"""Health checks, and the service riding out a database outage by itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database, create_database
from tests.conftest import register_and_login
from tests.tcp_proxy import PostgresProxy


async def test_live_and_ready(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/live")).json() == {"status": "ok"}
    ready = await client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "migrations": "ok"}


def _through_proxy(database_url: str, port: int) -> str:
    parts = urlsplit(database_url)
    user = parts.username or "postgres"
    return urlunsplit((parts.scheme, f"{user}@127.0.0.1:{port}", parts.path, "", ""))


@pytest.fixture
async def proxy(database_url: str, db: Database) -> AsyncIterator[PostgresProxy]:
    proxy = PostgresProxy(database_url)
    await proxy.start()
    yield proxy
    await proxy.stop()


async def test_database_outage_gives_503_then_recovers_by_itself(
    proxy: PostgresProxy, settings: Settings, database_url: str
) -> None:
    outage_settings = settings.model_copy(
        update={"db_connect_timeout_seconds": 1.0, "db_pool_timeout_seconds": 1.0}
    )
    database = create_database(outage_settings, _through_proxy(database_url, proxy.port))
    app = create_app(outage_settings, database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        tokens = await register_and_login(client, "outage@example.com")
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        assert (await client.get("/health/ready")).status_code == 200

        await proxy.stop()
        ready = await client.get("/health/ready")
        assert ready.status_code == 503
        assert ready.json()["checks"]["database"] == "unreachable"
        me = await client.get("/api/v1/me", headers=headers)
        assert me.status_code == 503
        assert me.headers["content-type"] == "application/problem+json"
        assert me.json()["type"].endswith("/service-unavailable")
        assert "retry-after" in me.headers

        await proxy.start()  # the same port: PostgreSQL is back
        assert (await client.get("/health/ready")).status_code == 200
        assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    await database.dispose()
