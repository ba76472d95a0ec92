"""Generations take the user's corrected résumé, and refuse one with nothing to tailor before
any token is spent."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.documents.files import text_pdf
from tests.generations.conftest import (
    JOB_DESCRIPTION,
    generation_body,
    ledger_mismatches,
    wait_until_finished,
    worker_running,
)
from tests.rendering.text import pdf_text

# Fictional documents the parser reads: one with no heading it knows, one with skills only.
NO_SECTIONS = [
    "Maria Jensen",
    "maria.jensen@example.org | Oakland, CA",
    "I have built data pipelines for eight years and like it.",
    "Most of that time was spent on nightly loads in Python.",
]
SKILLS_ONLY = [
    "Maria Jensen",
    "maria.jensen@example.org | Oakland, CA",
    "SKILLS",
    "Languages: Python, SQL, Scala",
    "INTERESTS",
    "Sailing, chess",
]


async def upload(client: httpx.AsyncClient, headers: dict[str, str], lines: list[str]) -> Any:
    response = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", text_pdf(lines), "application/pdf")},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


async def generation_rows(db: Database) -> int:
    async with db.engine.connect() as connection:
        return int(await connection.scalar(text("SELECT count(*) FROM generations")) or 0)


async def assert_refused_for_free(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    db: Database,
    body: dict[str, Any],
    slug: str,
) -> None:
    before = (await client.get("/api/v1/me", headers=headers)).json()["token_balance"]
    response = await client.post("/api/v1/generations", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith(f"/{slug}")
    assert "PUT /api/v1/documents/{id}/resume" in problem["detail"]
    assert "no tokens were spent" in problem["detail"]
    after = (await client.get("/api/v1/me", headers=headers)).json()["token_balance"]
    assert after == before
    assert await generation_rows(db) == 0
    assert await ledger_mismatches(db) == []


async def test_a_parse_with_no_sections_is_refused_before_paying(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    document = await upload(client, auth_headers, NO_SECTIONS)
    body = {"document_id": document["id"], "job_description": JOB_DESCRIPTION, "kind": "both"}
    await assert_refused_for_free(client, auth_headers, db, body, "resume-has-no-sections")


async def test_an_inline_resume_with_only_a_header_is_refused_before_paying(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    header_only = {"basics": {"name": "Maria Jensen", "email": "maria@example.org"}}
    body = generation_body(resume=header_only)
    await assert_refused_for_free(client, auth_headers, db, body, "resume-has-no-sections")


async def test_no_experience_and_no_education_is_refused_before_paying(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    document = await upload(client, auth_headers, SKILLS_ONLY)
    body = {"document_id": document["id"], "job_description": JOB_DESCRIPTION}
    await assert_refused_for_free(
        client, auth_headers, db, body, "resume-has-no-experience-or-education"
    )
    blank_job = generation_body(resume={**document["resume"], "work": [{"name": " "}]})
    await assert_refused_for_free(
        client, auth_headers, db, blank_job, "resume-has-no-experience-or-education"
    )


async def test_after_the_correction_the_generation_uses_the_corrected_resume(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    document = await upload(client, auth_headers, SKILLS_ONLY)
    fixed = document["resume"]
    fixed["work"] = [
        {
            "name": "Harbour Analytics",
            "position": "Data Engineer",
            "startDate": "2019-04",
            "endDate": "Present",
            "highlights": ["Moved 40 nightly Python jobs onto Kafka streams"],
        }
    ]
    fixed["meta"]["sections"].insert(0, {"heading": "EXPERIENCE", "kind": "work"})
    put = await client.put(
        f"/api/v1/documents/{document['id']}/resume", json=fixed, headers=auth_headers
    )
    assert put.status_code == 200, put.text

    async with worker_running(settings, db):
        started = await client.post(
            "/api/v1/generations",
            json={"document_id": document["id"], "job_description": JOB_DESCRIPTION},
            headers=auth_headers,
        )
        assert started.status_code == 202, started.text
        done = await wait_until_finished(client, auth_headers, started.json()["id"])
    assert done["status"] == "succeeded", done["error"]

    pdf = await client.get(
        f"/api/v1/generations/{done['id']}/files/resume.pdf", headers=auth_headers
    )
    printed = pdf_text(pdf.content)
    assert "Harbour Analytics" in printed
    assert "Moved 40 nightly Python jobs onto Kafka streams" in printed
    report = (
        await client.get(
            f"/api/v1/generations/{done['id']}/files/report.json", headers=auth_headers
        )
    ).json()
    assert report["reverted"] == [], "what the user wrote is source, not an invention"
    from_user = {(fact["value"], fact["provenance"]) for fact in report["from_user"]}
    assert ("40", "user") in from_user
    assert {fact["path"] for fact in report["from_user"]} <= set(
        put.json()["resume"]["meta"]["provenance"]
    )


async def test_text_kept_as_written_in_an_other_section_is_not_a_section_to_tailor(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    leftovers = {
        "basics": {"name": "Maria Jensen"},
        "meta": {
            "sections": [
                {"heading": "Additional information", "kind": "other", "text": NO_SECTIONS[2]}
            ]
        },
    }
    body = generation_body(resume=leftovers)
    await assert_refused_for_free(client, auth_headers, db, body, "resume-has-no-sections")
