"""Correcting a parse before paying: PUT /documents/{id}/resume round-trips, keeps the parse,
is checked as strictly as a parse, is the owner's alone, and can be undone."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.documents.files import RESUME_LINES, text_pdf

PROBLEM = "application/problem+json"


async def upload(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", text_pdf(), "application/pdf")},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def corrected(resume: dict[str, Any]) -> dict[str, Any]:
    """The parse with the user's fixes: a better title, a bullet the parse missed, a new job."""
    fixed = {**resume, "work": [dict(job) for job in resume["work"]]}
    fixed["work"][0]["position"] = "Lead Data Engineer"
    fixed["work"][0]["highlights"] = [
        *fixed["work"][0]["highlights"],
        "Cut the nightly load from 4 hours to 35 minutes",
    ]
    fixed["work"].append(
        {
            "name": "Harbour Analytics",
            "position": "Intern",
            "startDate": "2016-06",
            "endDate": "2016-09",
        }
    )
    return fixed


async def test_a_correction_round_trips_and_keeps_the_parse_beside_it(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    document = await upload(client, auth_headers)
    assert document["edited"] is False
    assert document["parsed_resume"] == document["resume"]
    parsed = document["resume"]

    put = await client.put(
        f"/api/v1/documents/{document['id']}/resume", json=corrected(parsed), headers=auth_headers
    )
    assert put.status_code == 200, put.text
    fetched = (await client.get(f"/api/v1/documents/{document['id']}", headers=auth_headers)).json()
    assert fetched == put.json()
    assert fetched["edited"] is True and fetched["edited_at"]
    assert fetched["parsed_resume"] == parsed, "the original parse is kept as read"
    resume = fetched["resume"]
    assert resume["work"][0]["position"] == "Lead Data Engineer"
    assert resume["work"][-1]["name"] == "Harbour Analytics"
    # The document's own text stays the document's; what the user wrote is marked as theirs.
    assert resume["meta"]["source_text"] == parsed["meta"]["source_text"]
    provenance = resume["meta"]["provenance"]
    assert provenance["work[0].position"] == "user"
    assert provenance["work[0].highlights[1]"] == "user"
    assert provenance["work[2].name"] == "user"
    assert "work[0].name" not in provenance and "basics.name" not in provenance

    listed = await client.get("/api/v1/documents", headers=auth_headers)
    assert listed.json()["items"][0]["edited"] is True


async def test_delete_or_the_original_sent_back_restores_the_parse(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    document = await upload(client, auth_headers)
    path = f"/api/v1/documents/{document['id']}/resume"
    parsed = document["resume"]
    await client.put(path, json=corrected(parsed), headers=auth_headers)

    restored = await client.delete(path, headers=auth_headers)
    assert restored.status_code == 200
    assert restored.json()["edited"] is False
    assert restored.json()["resume"] == parsed

    await client.put(path, json=corrected(parsed), headers=auth_headers)
    again = await client.put(path, json=parsed, headers=auth_headers)
    assert again.json()["edited"] is False
    assert again.json()["resume"] == parsed


async def test_open_ends_in_any_language_are_stored_as_the_parse_stores_them(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    document = await upload(client, auth_headers)
    fixed = corrected(document["resume"])
    fixed["work"][1]["endDate"] = "bis heute"
    put = await client.put(
        f"/api/v1/documents/{document['id']}/resume", json=fixed, headers=auth_headers
    )
    assert put.status_code == 200, put.text
    assert put.json()["resume"]["work"][1]["endDate"] == "Present"


async def test_bad_corrections_are_422_problems_naming_each_field(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    document = await upload(client, auth_headers)
    path = f"/api/v1/documents/{document['id']}/resume"
    parsed = document["resume"]
    bad = corrected(parsed)
    bad["work"][0]["startDate"] = "last spring"
    bad["work"][0]["postion"] = "typo in the key"
    bad["basics"] = {**bad["basics"], "email": "not an address"}
    bad["meta"] = {
        **bad["meta"],
        "sections": [{"heading": "Experience", "kind": "work", "items": [0, 9]}],
        "sources": {"work[0]": {"start": 0, "end": 10**7}},
    }
    response = await client.put(path, json=bad, headers=auth_headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"].endswith("/invalid-resume")
    fields = {error["field"] for error in problem["errors"]}
    assert fields == {
        "body.work.0.startDate",
        "body.work.0.postion",
        "body.basics.email",
        "body.meta.sections.0.items",
        "body.meta.sources.work[0]",
    }

    wrong_type = await client.put(
        path, json={**parsed, "work": [{"highlights": "not a list"}]}, headers=auth_headers
    )
    assert wrong_type.status_code == 422
    assert wrong_type.json()["type"].endswith("/validation-error")
    assert wrong_type.json()["errors"][0]["field"] == "body.work.0.highlights"

    not_json = await client.put(
        path, content=b"{not json", headers={**auth_headers, "content-type": "application/json"}
    )
    assert not_json.status_code == 422

    unchanged = await client.get(f"/api/v1/documents/{document['id']}", headers=auth_headers)
    assert unchanged.json()["edited"] is False


async def test_a_correction_larger_than_a_parse_could_be_is_refused(
    settings: Settings, db: Database
) -> None:
    small = settings.model_copy(update={"max_resume_characters": 2000, "max_resume_items": 10})
    app: FastAPI = create_app(small, database=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        tokens = await register_and_login(client)
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        document = await upload(client, headers)
        path = f"/api/v1/documents/{document['id']}/resume"
        long_text = {**document["resume"], "basics": {"summary": "word " * 1000}}
        response = await client.put(path, json=long_text, headers=headers)
        assert response.status_code == 422
        assert response.json()["type"].endswith("/resume-too-large")

        many = {**document["resume"], "skills": [{"name": f"Skill {n}"} for n in range(11)]}
        response = await client.put(path, json=many, headers=headers)
        assert response.status_code == 422
        assert "body.skills" in response.json()["detail"]


async def test_another_users_document_cannot_be_corrected_or_restored(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    document = await upload(client, auth_headers)
    path = f"/api/v1/documents/{document['id']}/resume"
    other = await register_and_login(client, "mallory@example.com")
    other_headers = {"Authorization": f"Bearer {other['access_token']}"}

    put = await client.put(path, json=corrected(document["resume"]), headers=other_headers)
    assert put.status_code == 404
    assert put.json()["type"].endswith("/document-not-found")
    assert (await client.delete(path, headers=other_headers)).status_code == 404
    mine = await client.get(f"/api/v1/documents/{document['id']}", headers=auth_headers)
    assert mine.json()["edited"] is False
    anonymous = await client.put(path, json=document["resume"])
    assert anonymous.status_code == 401


async def test_a_parse_larger_than_the_limits_can_still_be_sent_back_corrected(
    settings: Settings, db: Database
) -> None:
    small = settings.model_copy(update={"max_resume_characters": 1000, "max_resume_items": 10})
    app: FastAPI = create_app(small, database=db)
    bullets = [
        f"- Wrote report number {n} on freight costs for the finance team" for n in range(14)
    ]
    lines = [*RESUME_LINES[:6], *bullets, *RESUME_LINES[6:]]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        tokens = await register_and_login(client)
        headers = {"Authorization": f"Bearer {tokens['access_token']}"}
        response = await client.post(
            "/api/v1/documents",
            files={"file": ("cv.pdf", text_pdf(lines), "application/pdf")},
            headers=headers,
        )
        parsed = response.json()["resume"]
        assert len(parsed["work"][0]["highlights"]) > 10
        fixed = {**parsed, "work": [dict(job) for job in parsed["work"]]}
        fixed["work"][0]["position"] = "Lead Data Engineer"
        put = await client.put(
            f"/api/v1/documents/{response.json()['id']}/resume", json=fixed, headers=headers
        )
        assert put.status_code == 200, put.text
        assert put.json()["edited"] is True
