"""Another user's ids are worth nothing: every route that takes an id in its path or body,
tried by user B with user A's real document, generation and file, answers 404, charges
nothing and changes nothing.

`ROUTES_TRIED` names every id-taking route of the app; a new route with an id fails
`test_every_id_taking_route_is_tried` until it has a case here.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumeforge.accounts.service import find_by_email
from resumeforge.app import create_app
from resumeforge.config import Settings, TokenPack
from resumeforge.db.engine import Database
from resumeforge.notifications.service import NotificationKind, notify
from tests.billing import fake_stripe
from tests.billing.fake_stripe import FakeStripe
from tests.conftest import register_and_login
from tests.documents.files import text_pdf
from tests.generations.conftest import (
    JOB_DESCRIPTION,
    ledger_mismatches,
    new_key,
    wait_until_finished,
    worker_running,
)
from tests.generations.test_revisions import wait_for_revision
from tests.live import live_server

Case = tuple[str, str, dict[str, Any] | None]


@dataclass(frozen=True)
class Victim:
    """User A's headers and the ids of what A owns."""

    headers: dict[str, str]
    document_id: str
    generation_id: str
    purchase_id: str
    notification_id: str
    resume: dict[str, Any]


def attacks(victim: Victim) -> dict[tuple[str, str], Case]:
    """(method, route template) → (method, concrete path, JSON body) aimed at A's resources."""
    document_id, generation_id = victim.document_id, victim.generation_id
    revision = f"/api/v1/generations/{generation_id}/revisions"
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
        ("PUT", "/api/v1/documents/{document_id}/resume"): (
            "PUT",
            f"/api/v1/documents/{document_id}/resume",
            victim.resume,
        ),
        ("DELETE", "/api/v1/documents/{document_id}/resume"): (
            "DELETE",
            f"/api/v1/documents/{document_id}/resume",
            None,
        ),
        ("POST", "/api/v1/generations/{generation_id}/revisions"): ("POST", revision, {}),
        ("GET", "/api/v1/generations/{generation_id}/revisions/{number}"): (
            "GET",
            f"{revision}/1",
            None,
        ),
        ("GET", "/api/v1/generations/{generation_id}/revisions/{number}/files/{name}"): (
            "GET",
            f"{revision}/1/files/resume.pdf",
            None,
        ),
        ("GET", "/api/v1/billing/purchases/{purchase_id}"): (
            "GET",
            f"/api/v1/billing/purchases/{victim.purchase_id}",
            None,
        ),
        ("POST", "/api/v1/notifications/{notification_id}/read"): (
            "POST",
            f"/api/v1/notifications/{victim.notification_id}/read",
            None,
        ),
    }


def nobodys(victim: Victim) -> Victim:
    """The same requests with ids that exist for no one."""
    return replace(
        victim,
        document_id=str(uuid.uuid4()),
        generation_id=str(uuid.uuid4()),
        purchase_id=str(uuid.uuid4()),
        notification_id=str(uuid.uuid4()),
    )


ROUTES_TRIED = set(attacks(Victim({}, "d", "g", "p", "n", {})))


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
def billed_settings(settings: Settings, fake_stripe_server: FakeStripe) -> Settings:
    """Billing configured (against the fake Stripe), so purchases exist."""
    fake_stripe_server.reset()
    return settings.model_copy(
        update={
            "stripe_secret_key": fake_stripe.SECRET_KEY,
            "stripe_webhook_secret": fake_stripe.WEBHOOK_SECRET,
            "stripe_api_base": fake_stripe_server.url,
            "token_packs": [
                TokenPack(name="starter", tokens=10, price_id="price_starter", amount=900)
            ],
            "public_base_url": "http://127.0.0.1:8000",
        }
    )


@pytest.fixture
async def billed_client(
    billed_settings: Settings, db: Database
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(billed_settings, database=db))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture
async def victim(billed_client: httpx.AsyncClient, settings: Settings, db: Database) -> Victim:
    """User A with a real document, a finished generation made from it and a revision of it,
    a purchase and a notification."""
    client = billed_client
    tokens = await register_and_login(client, "alice@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", text_pdf(), "application/pdf")},
        headers=headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()
    started = await client.post(
        "/api/v1/generations",
        json={"document_id": document["id"], "job_description": JOB_DESCRIPTION, "kind": "resume"},
        headers=headers | {"Idempotency-Key": new_key()},
    )
    assert started.status_code == 202, started.text
    generation_id = started.json()["id"]
    async with worker_running(settings, db):
        finished = await wait_until_finished(client, headers, generation_id)
        assert finished["status"] == "succeeded", finished
        revised = await client.post(
            f"/api/v1/generations/{generation_id}/revisions", json={}, headers=headers
        )
        assert revised.status_code == 202, revised.text
        assert (await wait_for_revision(client, headers, revised.json()["url"]))[
            "status"
        ] == "succeeded"
    bought = await client.post(
        "/api/v1/billing/checkout", json={"pack": "starter"}, headers=headers
    )
    assert bought.status_code == 201, bought.text
    async with db.sessions() as session:
        user = await find_by_email(session=session, email="alice@example.com")
        assert user is not None
        note = await notify(
            session=session,
            user_id=user.id,
            kind=NotificationKind.generation_failed,
            context={
                "generation_id": generation_id,
                "kind": "résumé",
                "reason": "a test",
                "refunded": 1,
            },
            email=False,
        )
        await session.commit()
    return Victim(
        headers=headers,
        document_id=document["id"],
        generation_id=generation_id,
        purchase_id=bought.json()["purchase_id"],
        notification_id=str(note.id),
        resume=document["resume"],
    )


async def test_another_users_ids_get_404_and_change_nothing(
    billed_client: httpx.AsyncClient, billed_settings: Settings, db: Database, victim: Victim
) -> None:
    client = billed_client
    with live_server(billed_settings) as url:
        async with httpx.AsyncClient(base_url=url) as live:
            await try_every_route(client, live, db, victim)


async def try_every_route(
    client: httpx.AsyncClient, live: httpx.AsyncClient, db: Database, victim: Victim
) -> None:
    """B tries each route on A's ids; event streams go over a real socket (`live`), since an
    in-process transport buffers a stream until it ends."""
    before = await snapshot(client, victim)
    mallory_tokens = await register_and_login(client, "mallory@example.com")
    mallory = {"Authorization": f"Bearer {mallory_tokens['access_token']}"}

    missing_ones = attacks(nobodys(victim))
    for route, (method, path, body) in attacks(victim).items():
        via = live if path.endswith("/events") else client
        response = await via.request(
            method, path, json=body, headers=mallory | {"Idempotency-Key": new_key()}
        )
        assert response.status_code == 404, (route, response.status_code, response.text)
        assert response.headers["content-type"] == "application/problem+json", route
        # Indistinguishable from an id that does not exist: nothing says A's resource is real.
        method, path, body = missing_ones[route]
        missing = await via.request(
            method, path, json=body, headers=mallory | {"Idempotency-Key": new_key()}
        )
        assert missing.status_code == 404, (route, missing.text)
        assert response.json()["type"] == missing.json()["type"], route
        assert response.json()["title"] == missing.json()["title"], route

    assert await snapshot(client, victim) == before
    me = (await client.get("/api/v1/me", headers=mallory)).json()
    assert me["token_balance"] == 3, "nothing was charged to the attacker"
    assert (await client.get("/api/v1/generations", headers=mallory)).json()["items"] == []
    assert (await client.get("/api/v1/documents", headers=mallory)).json()["items"] == []
    assert await ledger_mismatches(db) == []


async def snapshot(client: httpx.AsyncClient, victim: Victim) -> tuple[Any, ...]:
    """What A can see of their own resources: must be the same after B's attempts."""
    headers, generation = victim.headers, f"/api/v1/generations/{victim.generation_id}"
    seen = []
    for path in (
        f"/api/v1/documents/{victim.document_id}",
        generation,
        f"{generation}/revisions/1",
        f"/api/v1/billing/purchases/{victim.purchase_id}",
        "/api/v1/notifications",
        "/api/v1/me",
    ):
        answer = await client.get(path, headers=headers)
        assert answer.status_code == 200, (path, answer.text)
        seen.append(answer.json())
    for path in (f"{generation}/files/resume.pdf", f"{generation}/revisions/1/files/resume.pdf"):
        answer = await client.get(path, headers=headers)
        assert answer.status_code == 200, (path, answer.text)
        seen.append(answer.content)
    return tuple(seen)
