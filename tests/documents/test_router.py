"""The documents API: upload, list, read, delete; owner-only; bad files are clear 4xx."""

from __future__ import annotations

import contextlib

import httpx

from resumeforge.accounts.service import find_by_email
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.documents.service import parse_slot
from tests.conftest import register_and_login
from tests.documents.files import docm, encrypted_pdf, png_bytes, resume_docx, text_pdf

PROBLEM = "application/problem+json"


async def test_upload_parses_and_keeps_the_document(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    pdf = text_pdf()
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", pdf, "application/pdf")},
        headers=auth_headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()
    assert document["media_type"] == "application/pdf"
    assert document["size"] == len(pdf)
    assert document["resume"]["basics"]["name"]
    assert document["resume"]["meta"]["sections"]

    quality = document["quality"]
    assert quality["lines_read"] == quality["lines_placed"] > 0
    assert quality["lines_not_placed"] == [] and quality["language"] == "en"

    listed = await client.get("/api/v1/documents", headers=auth_headers)
    assert [d["id"] for d in listed.json()["items"]] == [document["id"]]
    fetched = await client.get(f"/api/v1/documents/{document['id']}", headers=auth_headers)
    assert fetched.json()["resume"] == document["resume"]
    assert fetched.json()["quality"] == quality  # stored with the parse
    assert fetched.json()["warnings"] == document["warnings"]

    deleted = await client.delete(f"/api/v1/documents/{document['id']}", headers=auth_headers)
    assert deleted.status_code == 204
    gone = await client.get(f"/api/v1/documents/{document['id']}", headers=auth_headers)
    assert gone.status_code == 404


async def test_docx_upload_is_read_by_content_not_name(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("misnamed.pdf", resume_docx(), "application/pdf")},
        headers=auth_headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["media_type"].endswith("wordprocessingml.document")


async def test_another_users_document_is_not_found(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", text_pdf(), "application/pdf")},
        headers=auth_headers,
    )
    document_id = uploaded.json()["id"]
    other = await register_and_login(client, "eve@example.com")
    theirs = {"Authorization": f"Bearer {other['access_token']}"}
    assert (await client.get(f"/api/v1/documents/{document_id}", headers=theirs)).status_code == 404
    assert (
        await client.delete(f"/api/v1/documents/{document_id}", headers=theirs)
    ).status_code == 404
    assert (await client.get("/api/v1/documents", headers=theirs)).json()["items"] == []


async def test_bad_files_get_distinct_problems_and_nothing_is_stored(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings
) -> None:
    cases = {
        "image renamed": (("cv.pdf", png_bytes()), 415, "unsupported-file-type"),
        "macro document": (("cv.docx", docm()), 415, "macro-enabled"),
        "encrypted": (("cv.pdf", encrypted_pdf()), 422, "encrypted-pdf"),
        "too many pages": (
            ("cv.pdf", text_pdf(pages=settings.max_pdf_pages + 1)),
            422,
            "too-many-pages",
        ),
        "empty": (("cv.pdf", b""), 415, "unsupported-file-type"),
    }
    for label, ((name, content), status, slug) in cases.items():
        response = await client.post(
            "/api/v1/documents", files={"file": (name, content)}, headers=auth_headers
        )
        assert response.status_code == status, (label, response.text)
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["type"].endswith("/" + slug), label
    assert (await client.get("/api/v1/documents", headers=auth_headers)).json()["items"] == []


async def test_upload_over_the_size_limit_is_413(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings
) -> None:
    big = b"%PDF-1.7\n" + b"0" * settings.max_upload_bytes
    response = await client.post(
        "/api/v1/documents", files={"file": ("big.pdf", big)}, headers=auth_headers
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


async def test_upload_needs_a_file_and_a_token(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    assert (await client.post("/api/v1/documents", headers=auth_headers)).status_code == 422
    anonymous = await client.post("/api/v1/documents", files={"file": ("cv.pdf", text_pdf())})
    assert anonymous.status_code == 401


async def test_a_stored_document_feeds_a_generation(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    uploaded = await client.post(
        "/api/v1/documents", files={"file": ("cv.pdf", text_pdf())}, headers=auth_headers
    )
    started = await client.post(
        "/api/v1/generations",
        json={"document_id": uploaded.json()["id"], "job_description": "Python engineer"},
        headers=auth_headers,
    )
    assert started.status_code == 202, started.text
    assert started.json()["document_id"] == uploaded.json()["id"]


async def test_an_account_with_its_parse_slots_taken_gets_429_and_others_do_not_wait(
    client: httpx.AsyncClient, settings: Settings, db: Database
) -> None:
    busy = await register_and_login(client, "busy@example.com")
    calm = await register_and_login(client, "calm@example.com")
    async with db.sessions() as session:
        busy_user = await find_by_email(session=session, email="busy@example.com")
    assert busy_user is not None
    upload = {"file": ("cv.pdf", text_pdf(), "application/pdf")}
    limit = settings.max_concurrent_parses_per_user
    with contextlib.ExitStack() as held:
        # The account's uploads in flight, as slow ones would hold them.
        for _ in range(limit):
            held.enter_context(parse_slot(busy_user.id, limit=limit))
        refused = await client.post(
            "/api/v1/documents", files=upload, headers=_bearer(busy["access_token"])
        )
        other = await client.post(
            "/api/v1/documents", files=upload, headers=_bearer(calm["access_token"])
        )
    assert refused.status_code == 429
    assert refused.headers["content-type"] == PROBLEM
    assert refused.json()["type"].endswith("/too-many-parses")
    assert int(refused.headers["retry-after"]) >= 1
    assert other.status_code == 201, "another account's upload is parsed meanwhile"
    again = await client.post(
        "/api/v1/documents", files=upload, headers=_bearer(busy["access_token"])
    )
    assert again.status_code == 201, "the slots are free once the uploads end"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
