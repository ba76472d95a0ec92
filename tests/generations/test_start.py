"""Starting generations over HTTP: the debit, idempotency, validation and ownership."""

from __future__ import annotations

import asyncio
import uuid

import httpx
from sqlalchemy import text

from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, ledger_mismatches, new_key, set_balance


async def test_hundred_concurrent_starts_with_ten_tokens_accept_exactly_ten(
    client: httpx.AsyncClient, db: Database
) -> None:
    tokens = await register_and_login(client, "rush@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    await set_balance(db, "rush@example.com", 10)

    body = generation_body()
    responses = await asyncio.gather(
        *(client.post("/api/v1/generations", json=body, headers=headers) for _ in range(100))
    )
    statuses = [r.status_code for r in responses]
    assert statuses.count(202) == 10
    assert statuses.count(402) == 90
    refused = next(r for r in responses if r.status_code == 402)
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["balance"] == 0
    assert refused.json()["cost"] == 1

    me = await client.get("/api/v1/me", headers=headers)
    assert me.json()["token_balance"] == 0
    assert await ledger_mismatches(db) == []
    async with db.engine.connect() as connection:
        jobs = await connection.scalar(text("SELECT count(*) FROM procrastinate_jobs"))
        generations = await connection.scalar(text("SELECT count(*) FROM generations"))
    assert jobs == generations == 10, "a job exists exactly for each paid generation"


async def test_same_idempotency_key_returns_the_same_generation_and_charges_once(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    headers = {**auth_headers, "Idempotency-Key": new_key()}
    first, *again = await asyncio.gather(
        *(
            client.post("/api/v1/generations", json=generation_body(), headers=headers)
            for _ in range(5)
        )
    )
    assert {r.status_code for r in [first, *again]} == {202}
    assert {r.json()["id"] for r in [first, *again]} == {first.json()["id"]}
    me = await client.get("/api/v1/me", headers=auth_headers)
    assert me.json()["token_balance"] == 2
    assert await ledger_mismatches(db) == []


async def test_not_enough_tokens_is_402_with_balance_and_cost(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    response = await client.post(
        "/api/v1/generations", json=generation_body(kind="both"), headers=auth_headers
    )
    assert response.status_code == 202  # 3 free tokens, "both" costs 2
    response = await client.post(
        "/api/v1/generations", json=generation_body(kind="both"), headers=auth_headers
    )
    assert response.status_code == 402
    problem = response.json()
    assert problem["type"].endswith("/insufficient-tokens")
    assert (problem["balance"], problem["cost"]) == (1, 2)


async def test_bad_requests_are_clear_4xx_and_cost_nothing(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    cases = {
        "no source": ({"job_description": "x", "kind": "resume"}, 422),
        "two sources": (generation_body(document_id=str(uuid.uuid4())), 422),
        "empty job": (generation_body(job_description=""), 422),
        "blank job": (generation_body(job_description="   "), 422),
        "job too long": (generation_body(job_description="x" * 20_001), 422),
        "unknown kind": (generation_body(kind="poem"), 422),
        "unknown template": (generation_body(template="baroque"), 422),
        "provider not configured": (generation_body(provider="gemini"), 422),
        "unknown field": (generation_body(surprise=True), 422),
        "another's document": (
            {"document_id": str(uuid.uuid4()), "job_description": "x", "kind": "resume"},
            404,
        ),
    }
    for label, (body, status) in cases.items():
        response = await client.post("/api/v1/generations", json=body, headers=auth_headers)
        assert response.status_code == status, (label, response.text)
        assert response.headers["content-type"] == "application/problem+json", label
    me = await client.get("/api/v1/me", headers=auth_headers)
    assert me.json()["token_balance"] == 3


# (Its event stream's 404 is checked over a real socket, in test_events_live.)
async def test_only_the_owner_sees_a_generation(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    started = await client.post("/api/v1/generations", json=generation_body(), headers=auth_headers)
    generation_id = started.json()["id"]
    other = await register_and_login(client, "mallory@example.com")
    theirs = {"Authorization": f"Bearer {other['access_token']}"}
    for method, path in (
        ("GET", f"/api/v1/generations/{generation_id}"),
        ("GET", f"/api/v1/generations/{generation_id}/files/resume.pdf"),
        ("DELETE", f"/api/v1/generations/{generation_id}"),
    ):
        response = await client.request(method, path, headers=theirs)
        assert response.status_code == 404, (method, path)
    listed = await client.get("/api/v1/generations", headers=theirs)
    assert listed.json()["items"] == []


async def test_list_is_newest_first_filtered_and_paged(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    ids = []
    for _ in range(3):
        response = await client.post(
            "/api/v1/generations", json=generation_body(), headers=auth_headers
        )
        ids.append(response.json()["id"])
    page = await client.get("/api/v1/generations?limit=2", headers=auth_headers)
    assert [g["id"] for g in page.json()["items"]] == [ids[2], ids[1]]
    cursor = page.json()["next_cursor"]
    rest = await client.get(
        "/api/v1/generations", params={"limit": 2, "before": cursor}, headers=auth_headers
    )
    assert [g["id"] for g in rest.json()["items"]] == [ids[0]]
    queued = await client.get("/api/v1/generations?status=queued", headers=auth_headers)
    assert len(queued.json()["items"]) == 3
    failed = await client.get("/api/v1/generations?status=failed", headers=auth_headers)
    assert failed.json()["items"] == []


async def test_tokens_endpoint_shows_balance_and_ledger(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    await client.post("/api/v1/generations", json=generation_body(), headers=auth_headers)
    tokens = (await client.get("/api/v1/tokens", headers=auth_headers)).json()
    assert tokens["balance"] == 2
    assert [e["amount"] for e in tokens["entries"]] == [-1, 3]
    assert tokens["entries"][1]["reason"] == "signup"


async def test_an_idempotency_key_reused_with_another_body_is_422(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    headers = {**auth_headers, "Idempotency-Key": new_key()}
    first = await client.post("/api/v1/generations", json=generation_body(), headers=headers)
    assert first.status_code == 202
    other = await client.post(
        "/api/v1/generations", json=generation_body(kind="both"), headers=headers
    )
    assert other.status_code == 422
    assert other.json()["type"].endswith("/idempotency-key-reused")
    same = await client.post("/api/v1/generations", json=generation_body(), headers=headers)
    assert same.status_code == 202
    assert same.json()["id"] == first.json()["id"]
    me = await client.get("/api/v1/me", headers=auth_headers)
    assert me.json()["token_balance"] == 2, "charged once"
    assert await ledger_mismatches(db) == []
