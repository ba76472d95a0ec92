"""Every error a client sees is problem details with a stable type and a request id."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from resumeforge.config import Settings

PROBLEM = "application/problem+json"


def _assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, object] = response.json()
    for key in ("type", "title", "status", "detail", "request_id"):
        assert key in body, key
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    return body


async def test_unknown_route_is_404_problem(client: httpx.AsyncClient) -> None:
    _assert_problem(await client.get("/no/such/thing"), 404)


async def test_wrong_method_is_405_problem(client: httpx.AsyncClient) -> None:
    _assert_problem(await client.delete("/api/v1/auth/login"), 405)


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[]", b'{"email": ["x"], "password": 3}', b"", b'"just a string"'],
)
async def test_malformed_bodies_are_422_problems(client: httpx.AsyncClient, content: bytes) -> None:
    response = await client.post(
        "/api/v1/auth/login", content=content, headers={"content-type": "application/json"}
    )
    body = _assert_problem(response, 422)
    assert body["errors"]


async def test_oversized_body_is_413_problem(client: httpx.AsyncClient, settings: Settings) -> None:
    big = b'{"email": "' + b"a" * settings.max_request_bytes + b'"}'
    body = _assert_problem(
        await client.post(
            "/api/v1/auth/login", content=big, headers={"content-type": "application/json"}
        ),
        413,
    )
    assert str(settings.max_request_bytes) in str(body["detail"])


async def test_oversized_streamed_body_without_length_is_413(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(settings.max_request_bytes // 65536 + 2):
            yield b"a" * 65536

    response = await client.post(
        "/api/v1/auth/login", content=chunks(), headers={"content-type": "application/json"}
    )
    _assert_problem(response, 413)


async def test_every_answer_carries_the_security_headers(client: httpx.AsyncClient) -> None:
    for response in (await client.get("/health/live"), await client.get("/nowhere")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"


async def test_request_id_is_echoed_when_safe_and_made_otherwise(client: httpx.AsyncClient) -> None:
    mine = await client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    assert mine.headers["x-request-id"] == "abc-123"
    hostile = await client.get("/health/live", headers={"X-Request-ID": "<script>"})
    assert hostile.headers["x-request-id"] != "<script>"


async def test_unexpected_error_is_500_without_internals(app: FastAPI) -> None:
    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret detail: password=hunter2 SELECT * FROM users")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/boom")
    body = _assert_problem(response, 500)
    assert "hunter2" not in response.text
    assert "SELECT" not in response.text
    assert body["type"] == "https://resumeforge.dev/problems/internal-error"
