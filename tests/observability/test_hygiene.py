"""Control characters anywhere in a request are a 400 problem, on every route, never a 500."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.conftest import register_and_login

PROBLEM = "application/problem+json"


def _assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"].endswith("/control-character")
    assert problem["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize(
    "email",
    ["alice@example.com\u0000", "ali\u0007ce@example.com", "al\u001bice@example.com"],
)
async def test_a_control_character_in_a_json_field_is_400(
    client: httpx.AsyncClient, email: str
) -> None:
    for route in ("/api/v1/auth/login", "/api/v1/auth/register"):
        response = await client.post(route, json={"email": email, "password": "long password 1"})
        _assert_refused(response)
        assert "'body.email'" in response.json()["detail"]


async def test_a_lone_surrogate_in_a_nested_field_is_400(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    body = '{"job_description": "Engineer \\ud800", "resume": {"basics": {"name": "A"}}}'
    response = await client.post(
        "/api/v1/generations",
        content=body,
        headers={**auth_headers, "content-type": "application/json"},
    )
    _assert_refused(response)


async def test_tabs_and_line_breaks_in_a_body_are_fine(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login", json={"email": "a@example.com", "password": "tab\there\r\nnew"}
    )
    assert response.status_code == 401


async def test_a_nul_in_a_path_or_query_is_400(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    generation = uuid.uuid4()
    for url in (
        f"/api/v1/generations/{generation}/files/resume%00.pdf",
        f"/api/v1/generations/{generation}/files/resume%0A.pdf",
        "/api/v1/generations?status=queued%00",
        "/api/v1/documents/%00",
    ):
        _assert_refused(await client.get(url, headers=auth_headers))


async def test_a_nul_in_a_form_field_is_400(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login",
        content="email=a%40example.com%00&password=x",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    _assert_refused(response)


async def test_a_nul_in_a_refresh_token_or_a_header_value_is_never_a_500(
    client: httpx.AsyncClient,
) -> None:
    tokens = await register_and_login(client, "nul@example.com")
    response = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"] + "\u0000"}
    )
    _assert_refused(response)
    still_good = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert still_good.status_code == 200
