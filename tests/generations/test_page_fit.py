"""A tailored résumé of a one- or two-page PDF has no more pages than the original, unless the
generation asks for more (`max_pages`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pypdfium2 as pdfium
from sqlalchemy import text
from typer.testing import CliRunner

from resumeforge.cli import app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.schemas import Basics, Education, Resume, Skill, Work
from tests.generations.conftest import wait_until_finished, worker_running
from tests.generations.test_revisions import wait_for_revision

# A long fictional job ad: many terms for the engine to weigh, none of it from a real ad.
LONG_JOB_AD = "\n\n".join(
    [
        "Senior Backend Engineer, Lumen Freight (Gothenburg or remote).",
        "Lumen Freight moves groceries for 400 stores. You will design, build and run the "
        "Python services behind our warehouses: FastAPI and PostgreSQL on Kubernetes, with "
        "Kafka carrying every scan from the loading docks.",
        *(
            f"Responsibility {n}: own a part of the platform end to end, from the API to the "
            "on-call rota; write tests with pytest, review code, mentor engineers, measure "
            "latency with Prometheus and Grafana, and keep Redis caches and Terraform modules "
            "tidy."
            for n in range(1, 25)
        ),
        "Requirements: Python, SQL, PostgreSQL, Kafka, Docker, Kubernetes, CI/CD, AWS, "
        "Terraform, observability, English; Swedish is a plus.",
    ]
)


def fictional_resume(jobs: int) -> Resume:
    work = [
        Work(
            name=f"Company {chr(65 + i)} Logistics",
            position="Backend Engineer",
            startDate=f"{1994 + 2 * i}-0{1 + i % 8}",
            endDate=f"{1995 + 2 * i}-0{2 + i % 7}",
            highlights=[
                f"Built service {i}{b} in Python with FastAPI and PostgreSQL for the warehouse "
                "team, cutting manual work every week"
                for b in range(4)
            ],
        )
        for i in range(jobs)
    ]
    return Resume(
        basics=Basics(
            name="Tomas Lindqvist",
            email="tomas@example.com",
            phone="+46 70 123 45 67",
            summary="Backend engineer who builds reliable Python services for logistics "
            "companies and keeps them running.",
        ),
        work=work,
        education=[
            Education(
                institution="Falkenau Technical University",
                studyType="MSc",
                area="Computer Science",
                startDate="1989",
                endDate="1994",
            )
        ],
        skills=[
            Skill(name="Languages", keywords=["Python", "Go", "SQL"]),
            Skill(name="Tools", keywords=["PostgreSQL", "Redis", "Kafka", "Docker"]),
        ],
    )


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


async def tailored_pages(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    settings: Settings,
    db: Database,
    original: bytes,
    **options: Any,
) -> tuple[int, dict[str, Any]]:
    """Upload `original`, tailor it to the long ad offline, and count the PDF's pages."""
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", original, "application/pdf")},
        headers=headers,
    )
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()
    assert document["resume"]["meta"]["pages"] == page_count(original)
    body = {"document_id": document["id"], "job_description": LONG_JOB_AD, **options}
    async with worker_running(settings, db):
        started = await client.post("/api/v1/generations", json=body, headers=headers)
        assert started.status_code == 202, started.text
        done = await wait_until_finished(client, headers, started.json()["id"])
    assert done["status"] == "succeeded", done["error"]
    pdf = await client.get(f"/api/v1/generations/{done['id']}/files/resume.pdf", headers=headers)
    return page_count(pdf.content), document


async def test_a_one_page_original_comes_back_on_one_page(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    # Dense on one page (compact), then tailored in the roomier classic template.
    original = render_resume_pdf(fictional_resume(7), template="compact").content
    assert page_count(original) == 1
    pages, document = await tailored_pages(
        client, auth_headers, settings, db, original, template="classic"
    )
    assert pages == 1
    parse = Resume.model_validate(document["resume"])
    assert render_resume_pdf(parse, template="classic").pages == 2, "without fitting it spills"


async def test_a_two_page_original_stays_within_two_pages(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    original = render_resume_pdf(fictional_resume(15), template="compact").content
    assert page_count(original) == 2
    pages, document = await tailored_pages(
        client, auth_headers, settings, db, original, template="classic"
    )
    assert pages <= 2
    parse = Resume.model_validate(document["resume"])
    assert render_resume_pdf(parse, template="classic").pages == 3, "without fitting it spills"


async def test_max_pages_asks_for_more_than_the_original(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    original = render_resume_pdf(fictional_resume(7), template="compact").content
    pages, _ = await tailored_pages(
        client, auth_headers, settings, db, original, template="classic", max_pages=2
    )
    assert pages == 2


async def test_max_pages_outside_what_the_renderer_fits_is_a_422(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    body = {
        "resume": fictional_resume(1).model_dump(mode="json"),
        "job_description": LONG_JOB_AD,
        "max_pages": 3,
    }
    response = await client.post("/api/v1/generations", json=body, headers=auth_headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.max_pages"


async def test_a_revision_renders_within_the_generations_max_pages(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    # A one-page original that the classic template spills onto two: the generation asks for
    # two pages, and its revision must not squeeze it back onto the original's one.
    original = render_resume_pdf(fictional_resume(7), template="compact").content
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", original, "application/pdf")},
        headers=auth_headers,
    )
    body = {
        "document_id": uploaded.json()["id"],
        "job_description": LONG_JOB_AD,
        "template": "classic",
        "max_pages": 2,
    }
    async with worker_running(settings, db):
        started = await client.post("/api/v1/generations", json=body, headers=auth_headers)
        done = await wait_until_finished(client, auth_headers, started.json()["id"])
        assert done["status"] == "succeeded", done["error"]
        asked = await client.post(
            f"/api/v1/generations/{done['id']}/revisions", json={"reject": []}, headers=auth_headers
        )
        assert asked.status_code == 202, asked.text
        revision = await wait_for_revision(client, auth_headers, asked.json()["url"])
    assert revision["status"] == "succeeded", revision["error"]
    original_pdf = await client.get(
        f"/api/v1/generations/{done['id']}/files/resume.pdf", headers=auth_headers
    )
    revised_pdf = await client.get(
        next(f["url"] for f in revision["files"] if f["name"] == "resume.pdf"), headers=auth_headers
    )
    assert page_count(original_pdf.content) == 2
    assert page_count(revised_pdf.content) == 2


def test_the_tailor_command_keeps_the_originals_page_count_too(tmp_path: Path) -> None:
    original = tmp_path / "cv.pdf"
    original.write_bytes(render_resume_pdf(fictional_resume(7), template="compact").content)
    job = tmp_path / "job.txt"
    job.write_text(LONG_JOB_AD, encoding="utf-8")
    out = tmp_path / "out"
    outcome = CliRunner().invoke(
        app, ["tailor", str(original), "--job", str(job), "--template", "classic", "-o", str(out)]
    )
    assert outcome.exit_code == 0, outcome.output
    assert page_count((out / "resume.pdf").read_bytes()) == 1


async def test_a_parse_stored_before_meta_pages_fits_the_rows_page_count(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    original = render_resume_pdf(fictional_resume(7), template="compact").content
    uploaded = await client.post(
        "/api/v1/documents",
        files={"file": ("cv.pdf", original, "application/pdf")},
        headers=auth_headers,
    )
    document_id = uploaded.json()["id"]
    async with db.engine.begin() as connection:  # as a row written before meta.pages was
        await connection.execute(
            text("UPDATE documents SET resume = resume #- '{meta,pages}' WHERE id = :id"),
            {"id": document_id},
        )
    body = {"document_id": document_id, "job_description": LONG_JOB_AD, "template": "classic"}
    async with worker_running(settings, db):
        started = await client.post("/api/v1/generations", json=body, headers=auth_headers)
        done = await wait_until_finished(client, auth_headers, started.json()["id"])
    pdf = await client.get(
        f"/api/v1/generations/{done['id']}/files/resume.pdf", headers=auth_headers
    )
    assert page_count(pdf.content) == 1
