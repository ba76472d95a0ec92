"""Headers on every kind of answer: API JSON, a download, a page; production's extras; CORS."""

from __future__ import annotations

import httpx
import pytest

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, wait_until_finished, worker_running

PRODUCTION = {
    "resumeforge_env": "production",
    "public_base_url": "https://resumes.example",
}


def _client(settings: Settings, db: Database) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(settings, database=db))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def _production(settings: Settings, **extra: object) -> Settings:
    return Settings.model_validate({**settings.model_dump(), **PRODUCTION, **extra})


def _assert_protected(response: httpx.Response) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def _assert_data_csp(response: httpx.Response) -> None:
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


async def test_authenticated_answers_and_downloads_are_never_stored(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    for path in ("/api/v1/me", "/api/v1/tokens", "/api/v1/documents", "/api/v1/generations"):
        response = await client.get(path, headers=auth_headers)
        assert response.status_code == 200, path
        assert response.headers["cache-control"] == "no-store", path
        _assert_protected(response)
        _assert_data_csp(response)

    async with worker_running(settings, db):
        started = await client.post(
            "/api/v1/generations", json=generation_body(), headers=auth_headers
        )
        done = await wait_until_finished(client, auth_headers, started.json()["id"])
    download = await client.get(done["files"][0]["url"], headers=auth_headers)
    assert download.status_code == 200
    assert download.headers["cache-control"] == "no-store"
    _assert_protected(download)
    _assert_data_csp(download)


async def test_a_page_cannot_be_framed(client: httpx.AsyncClient) -> None:
    page = await client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    _assert_protected(page)
    # A page's Content-Security-Policy is its own (the web pages set it): ours, meant for
    # data, would stop its scripts.
    assert "default-src 'none'" not in page.headers.get("content-security-policy", "")


async def test_production_adds_hsts_hides_docs_and_locks_metrics(
    settings: Settings, db: Database
) -> None:
    async with _client(_production(settings), db) as client:
        live = await client.get("/health/live")
        assert live.headers["strict-transport-security"].startswith("max-age=")
        assert (await client.get("/docs")).status_code == 404
        assert (await client.get("/openapi.json")).status_code == 404
        unlocked = await client.get("/metrics")
        assert unlocked.status_code == 401, "no METRICS_TOKEN: nobody reads metrics"
        assert unlocked.headers["content-type"] == "application/problem+json"

    locked = _production(settings, metrics_token="m" * 32, api_docs=True)
    async with _client(locked, db) as client:
        assert (await client.get("/metrics")).status_code == 401
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = await client.get("/metrics", headers={"Authorization": f"Bearer {'m' * 32}"})
        assert right.status_code == 200
        assert (await client.get("/docs")).status_code == 200, "docs on when asked for"


async def test_development_has_no_hsts(client: httpx.AsyncClient) -> None:
    assert "strict-transport-security" not in (await client.get("/health/live")).headers


@pytest.mark.parametrize("method", ["GET", "OPTIONS"])
async def test_a_disallowed_origin_gets_no_cors_grant(
    settings: Settings, db: Database, method: str
) -> None:
    allowed = settings.model_copy(update={"cors_origins": ["https://app.example"]})
    async with _client(allowed, db) as client:
        tokens = await register_and_login(client, "cors@example.com")
        headers = {
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "GET",
            "Authorization": f"Bearer {tokens['access_token']}",
        }
        evil = await client.request(method, "/api/v1/me", headers=headers)
        assert "access-control-allow-origin" not in evil.headers
        assert "access-control-allow-credentials" not in evil.headers
        good = await client.request(
            method, "/api/v1/me", headers={**headers, "Origin": "https://app.example"}
        )
        assert good.headers["access-control-allow-origin"] == "https://app.example"
