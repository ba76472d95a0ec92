"""/metrics: Prometheus text with requests by route template, behind the token when set."""

from __future__ import annotations

import httpx

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database


async def test_requests_are_counted_by_route_template(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    await client.get(
        "/api/v1/generations/00000000-0000-0000-0000-000000000000", headers=auth_headers
    )
    text = (await client.get("/metrics")).text
    assert 'route="/api/v1/generations/{generation_id}",status="404"' in text
    assert "00000000-0000" not in text, "ids never become labels"
    assert "resumeforge_http_request_duration_seconds_bucket" in text


async def test_metrics_need_the_token_when_one_is_set(settings: Settings, db: Database) -> None:
    guarded = settings.model_copy(update={"metrics_token": "scrape-secret"})
    transport = httpx.ASGITransport(app=create_app(guarded, database=db))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/metrics")).status_code == 401
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
        assert right.status_code == 200
        assert right.headers["content-type"].startswith("text/plain")
