"""Another user's ids are worth nothing: every route that takes an id in its path or body,
tried by user B with user A's real document, generation and file, answers 404, charges
nothing and changes nothing.

`ROUTES_TRIED` names every id-taking route of the app; a new route with an id fails
`test_every_id_taking_route_is_tried` until it has a case here.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.documents.files import text_pdf
from tests.generations.conftest import (
    JOB_DESCRIPTION,
    ledger_mismatches,
    new_key,
    wait_until_finished,
    worker_running,
)

Case = tuple[str, str, dict[str, Any] | None]


def attacks(document_id: str, generation_id: str) -> dict[tuple[str, str], Case]:
    """(method, route template) → (method, concrete path, JSON body) aimed at A's resources."""
    from_document = {
        "document_id": document_id,
        "job_description": JOB_DESCRIPTION,
        "kind": "resume",
    }
    return {
        ("GET", "/api/v1/documents/{document_id}"): (
            "GET",
            f"/api/v1/documents/{document_id}",
            None,
        ),
        ("DELETE", "/api/v1/documents/{document_id}"): (
            "DELETE",
            f"/api/v1/documents/{document_id}",
            None,
        ),
        ("POST", "/api/v1/generations"): ("POST", "/api/v1/generations", from_document),
        ("GET", "/api/v1/generations/{generation_id}"): (
            "GET",
            f"/api/v1/generations/{generation_id}",
            None,
        ),
        ("GET", "/api/v1/generations/{generation_id}/events"): (
            "GET",
            f"/api/v1/generations/{generation_id}/events",
            None,
        ),
        ("GET", "/api/v1/generations/{generation_id}/files/{name}"): (
            "GET",
            f"/api/v1/generations/{generation_id}/files/resume.pdf",
            None,
        ),
        ("DELETE", "/api/v1/generations/{generation_id}"): (
            "DELETE",
            f"/api/v1/generations/{generation_id}",
            None,
        ),
    }


ROUTES_TRIED = set(attacks("d", "g"))


def id_taking_routes(app: FastAPI) -> set[tuple[str, str]]:
    """From the OpenAPI description: routes with a path parameter, or a body field `…_id`."""
    spec = app.openapi()
    schemas = spec.get("components", {}).get("schemas", {})
    found = set()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody", {}).get("content", {})
            fields = set()
            for media in body.values():
                reference = media.get("schema", {}).get("$ref", "")
                fields |= set(schemas.get(reference.rsplit("/", 1)[-1], {}).get("properties", {}))
            if "{" in path or any(name.endswith("_id") for name in fields):
                found.add((method.upper(), path))
    return found


def test_every_id_taking_route_is_tried(app: FastAPI) -> None:
    untried = id_taking_routes(app) - ROUTES_TRIED
    assert not untried, f"add a cross-user case for {sorted(untried)}"


@pytest.fixture
async def victim(
    client: httpx.AsyncClient, settings: Settings, db: Database
) -> tuple[dict[str, str], str, str]:
    """User A with a real document and a finished generation made from it."""
    tokens = await register_and_login(client, "alice@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", text_pdf(), "application/pdf")},
        headers=headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    document_id = uploaded.json()["id"]
    started = await client.post(
        "/api/v1/generations",
        json={"document_id": document_id, "job_description": JOB_DESCRIPTION, "kind": "resume"},
        headers=headers | {"Idempotency-Key": new_key()},
    )
    assert started.status_code == 202, started.text
    generation_id = started.json()["id"]
    async with worker_running(settings, db):
        finished = await wait_until_finished(client, headers, generation_id)
    assert finished["status"] == "succeeded", finished
    return headers, document_id, generation_id


async def test_another_users_ids_get_404_and_change_nothing(
    client: httpx.AsyncClient, db: Database, victim: tuple[dict[str, str], str, str]
) -> None:
    alice, document_id, generation_id = victim
    before = await snapshot(client, alice, document_id, generation_id)
    mallory_tokens = await register_and_login(client, "mallory@example.com")
    mallory = {"Authorization": f"Bearer {mallory_tokens['access_token']}"}

    nobodys = attacks(str(uuid.uuid4()), str(uuid.uuid4()))
    for route, (method, path, body) in attacks(document_id, generation_id).items():
        response = await client.request(
            method, path, json=body, headers=mallory | {"Idempotency-Key": new_key()}
        )
        assert response.status_code == 404, (route, response.status_code, response.text)
        assert response.headers["content-type"] == "application/problem+json", route
        # Indistinguishable from an id that does not exist: nothing says A's resource is real.
        method, path, body = nobodys[route]
        missing = await client.request(
            method, path, json=body, headers=mallory | {"Idempotency-Key": new_key()}
        )
        assert response.json()["type"] == missing.json()["type"], route
        assert response.json()["title"] == missing.json()["title"], route

    assert await snapshot(client, alice, document_id, generation_id) == before
    me = (await client.get("/api/v1/me", headers=mallory)).json()
    assert me["token_balance"] == 3, "nothing was charged to the attacker"
    assert (await client.get("/api/v1/generations", headers=mallory)).json()["items"] == []
    assert (await client.get("/api/v1/documents", headers=mallory)).json()["items"] == []
    assert await ledger_mismatches(db) == []


async def snapshot(
    client: httpx.AsyncClient, headers: dict[str, str], document_id: str, generation_id: str
) -> tuple[Any, ...]:
    """What A can see of their own resources: must be the same after B's attempts."""
    document = await client.get(f"/api/v1/documents/{document_id}", headers=headers)
    generation = await client.get(f"/api/v1/generations/{generation_id}", headers=headers)
    pdf = await client.get(f"/api/v1/generations/{generation_id}/files/resume.pdf", headers=headers)
    me = await client.get("/api/v1/me", headers=headers)
    assert document.status_code == generation.status_code == pdf.status_code == 200
    return document.json(), generation.json(), pdf.content, me.json()["token_balance"]
