"""Revisions: a finished generation rendered again without the changes its owner rejected,
with other confirmed keywords or another template, free, by the real worker."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pypdfium2
from sqlalchemy import text

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.generations.conftest import (
    generation_body,
    ledger_mismatches,
    wait_until_finished,
    worker_running,
)

KEY_SKILLS = "KEY SKILLS FOR THIS ROLE"


async def ledger_rows(database: Database) -> int:
    async with database.engine.connect() as connection:
        return int(await connection.scalar(text("SELECT count(*) FROM token_ledger")) or 0)


async def wait_for_revision(
    client: httpx.AsyncClient, headers: dict[str, str], url: str, within: float = 60
) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + within
    while True:
        body: dict[str, Any] = (await client.get(url, headers=headers)).json()
        if body["status"] in {"succeeded", "failed"}:
            return body
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"revision still {body['status']} after {within} s")
        await asyncio.sleep(0.05)


def pdf_text(content: bytes) -> str:
    """The PDF's words, one space apart, in upper case (templates print headings so)."""
    document = pypdfium2.PdfDocument(content)
    words = " ".join(page.get_textpage().get_text_range() for page in document).split()
    return " ".join(words).upper()


async def finished_generation(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    started = await client.post(
        "/api/v1/generations", json=generation_body(**overrides), headers=headers
    )
    assert started.status_code == 202, started.text
    done = await wait_until_finished(client, headers, started.json()["id"])
    assert done["status"] == "succeeded", done["error"]
    return done


async def test_a_revision_leaves_out_rejected_changes_free_and_keeps_earlier_files(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    async with worker_running(settings, db):
        done = await finished_generation(client, auth_headers, kind="both")
        report = done["report"]
        ids = {change["id"] for change in report["changes"]}
        assert {"key-skills", "bullets:work[0]"} <= ids
        original_pdf = await client.get(
            next(f["url"] for f in done["files"] if f["name"] == "resume.pdf"),
            headers=auth_headers,
        )
        assert KEY_SKILLS in pdf_text(original_pdf.content)
        balance = (await client.get("/api/v1/me", headers=auth_headers)).json()["token_balance"]
        rows = await ledger_rows(db)

        asked = await client.post(
            f"/api/v1/generations/{done['id']}/revisions",
            json={"reject": ["key-skills", "bullets:work[0]"], "template": "modern"},
            headers=auth_headers,
        )
        assert asked.status_code == 202, asked.text
        assert asked.json()["number"] == 1
        assert asked.headers["location"] == asked.json()["url"]
        first = await wait_for_revision(client, auth_headers, asked.json()["url"])

        second_ask = await client.post(
            f"/api/v1/generations/{done['id']}/revisions",
            json={"reject": [], "confirmed_keywords": [" kubernetes ", "Kubernetes", "Terraform"]},
            headers=auth_headers,
        )
        assert second_ask.status_code == 202, second_ask.text
        second = await wait_for_revision(client, auth_headers, second_ask.json()["url"])

    assert first["status"] == "succeeded", first["error"]
    assert first["template"] == "modern"
    assert {c["id"] for c in first["report"]["undone"]} == {"key-skills", "bullets:work[0]"}
    assert not {"key-skills", "bullets:work[0]"} & {c["id"] for c in first["report"]["changes"]}
    assert first["report"]["revision"] == 1
    assert "2 changes were left out" in first["report"]["summary"]
    files = {f["name"]: f for f in first["files"]}
    assert set(files) == {
        "resume.pdf",
        "resume.docx",
        "cover-letter.pdf",
        "cover-letter.docx",
        "report.json",
    }
    revised_pdf = await client.get(files["resume.pdf"]["url"], headers=auth_headers)
    assert revised_pdf.status_code == 200
    assert "Revision-1.pdf" in revised_pdf.headers["content-disposition"]
    revised_text = pdf_text(revised_pdf.content)
    assert KEY_SKILLS not in revised_text
    bullets = ["ORGANISED THE TEAM", "CUT P95 API LATENCY BY 35%"]
    assert revised_text.index(bullets[0]) < revised_text.index(bullets[1]), "source order"

    assert second["status"] == "succeeded", second["error"]
    assert second["number"] == 2
    assert second["confirmed_keywords"] == ["kubernetes", "Terraform"]
    assert second["report"]["confirmed_keywords"] == ["kubernetes", "Terraform"]
    user_changes = [c for c in second["report"]["changes"] if c["source"] == "user"]
    assert {c["after"] for c in user_changes} == {"kubernetes", "Terraform"}
    assert "Kubernetes" not in second["report"]["missing_keywords"]
    assert second["report"]["coverage_after"]["ratio"] > done["report"]["coverage_after"]["ratio"]

    # Free: no ledger row, the same balance, and the invariant holds.
    me = (await client.get("/api/v1/me", headers=auth_headers)).json()
    assert me["token_balance"] == balance
    assert await ledger_rows(db) == rows
    assert await ledger_mismatches(db) == []

    # Every revision stays downloadable, the original too, and the generation lists them.
    listed = (await client.get(f"/api/v1/generations/{done['id']}", headers=auth_headers)).json()
    assert [r["number"] for r in listed["revisions"]] == [1, 2]
    assert listed["report"]["revision"] == 0
    for revision in listed["revisions"]:
        assert revision["status"] == "succeeded"
        for file in revision["files"]:
            assert (await client.get(file["url"], headers=auth_headers)).status_code == 200
    again = await client.get(
        next(f["url"] for f in listed["files"] if f["name"] == "resume.pdf"), headers=auth_headers
    )
    assert again.content == original_pdf.content


async def test_bad_revision_requests_are_clear_problems(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    queued = await client.post("/api/v1/generations", json=generation_body(), headers=auth_headers)
    not_yet = await client.post(
        f"/api/v1/generations/{queued.json()['id']}/revisions", json={}, headers=auth_headers
    )
    assert not_yet.status_code == 409
    assert not_yet.json()["type"].endswith("generation-not-revisable")

    async with worker_running(settings, db):
        done = await wait_until_finished(client, auth_headers, queued.json()["id"])
    url = f"/api/v1/generations/{done['id']}/revisions"
    async with db.engine.connect() as connection:
        plan = await connection.scalar(
            text("SELECT plan::text FROM generations WHERE id = :id"), {"id": done["id"]}
        )

    unknown = await client.post(url, json={"reject": ["drop:work[9]"]}, headers=auth_headers)
    assert unknown.status_code == 422
    assert unknown.json()["type"].endswith("unknown-change")
    assert "drop:work[9]" in unknown.json()["detail"]

    for bad in (
        {"confirmed_keywords": ["x" * 61]},
        {"confirmed_keywords": ["I led a team of forty engineers at Google for years"]},
        {"confirmed_keywords": [f"skill {i}" for i in range(21)]},
        {"confirmed_keywords": ["<script>alert(1)</script>"]},
        {"template": "no-such-template"},
        {"reject": "key-skills"},
        {"surprise": True},
    ):
        response = await client.post(url, json=bad, headers=auth_headers)
        assert response.status_code == 422, (bad, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")

    # A generation finished before revisions existed has no plan to replay.
    async with db.engine.begin() as connection:
        await connection.execute(
            text("UPDATE generations SET plan = NULL WHERE id = :id"), {"id": done["id"]}
        )
    no_plan = await client.post(url, json={}, headers=auth_headers)
    assert no_plan.status_code == 409
    async with db.engine.begin() as connection:
        await connection.execute(
            text("UPDATE generations SET plan = CAST(:plan AS jsonb) WHERE id = :id"),
            {"id": done["id"], "plan": plan},
        )

    huge = await client.get(f"{url}/99999999999", headers=auth_headers)
    assert huge.status_code == 422

    # Requests at the same moment are numbered one after the other, never twice the same.
    both = await asyncio.gather(
        client.post(url, json={}, headers=auth_headers),
        client.post(url, json={"template": "compact"}, headers=auth_headers),
    )
    assert sorted(r.json()["number"] for r in both) == [1, 2]

    other = await register_and_login(client, email="eve@example.com")
    eve = {"Authorization": f"Bearer {other['access_token']}"}
    stolen = await client.post(url, json={}, headers=eve)
    assert stolen.status_code == 404
    peek = await client.get(f"{url}/1", headers=eve)
    assert peek.status_code == 404
    missing = await client.get(f"{url}/3", headers=auth_headers)
    assert missing.status_code == 404
    assert missing.json()["type"].endswith("revision-not-found")
    assert await ledger_mismatches(db) == []


async def test_confirmed_keywords_on_a_generation_are_the_users(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    bad = await client.post(
        "/api/v1/generations",
        json=generation_body(confirmed_keywords=["a" * 80]),
        headers=auth_headers,
    )
    assert bad.status_code == 422
    async with worker_running(settings, db):
        done = await finished_generation(
            client, auth_headers, confirmed_keywords=["Kubernetes", "kubernetes", "  "]
        )

    report = done["report"]
    assert report["confirmed_keywords"] == ["Kubernetes"]
    assert "Kubernetes" in report["coverage_after"]["matched"]
    assert "Kubernetes" in report["coverage_before"]["missing"]
    assert report["reverted"] == []
    assert "You told us you have Kubernetes" in report["summary"]
    pdf = await client.get(
        next(f["url"] for f in done["files"] if f["name"] == "resume.pdf"), headers=auth_headers
    )
    assert "KUBERNETES" in pdf_text(pdf.content)
