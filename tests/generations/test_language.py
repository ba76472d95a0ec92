"""A tailored résumé comes back in the source's language: its headings as printed, and the
renderer's own words (months, the open end, default headings) in that language too."""

from __future__ import annotations

import httpx
import pytest

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.resume.schemas import Basics, Education, Meta, Resume, Section, Skill, Work
from tests.generations.conftest import wait_until_finished, worker_running
from tests.rendering.text import docx_text, pdf_text

# Fictional résumés; the job ad stays English, as many ads for such roles are.
RESUMES = {
    "de": (
        ("Berufserfahrung", "Ausbildung", "Kenntnisse"),
        "Entwicklerin mit sechs Jahren Erfahrung in der Entwicklung von Diensten für "
        "die Logistik, verantwortlich für den Betrieb.",
        "Softwareentwicklerin",
        "März 2020 – heute",
    ),
    "fr": (
        ("Expérience professionnelle", "Formation", "Compétences"),
        "Développeuse avec six ans d'expérience dans la conception de services pour la "
        "logistique et la gestion d'une équipe.",
        "Développeuse",
        "mars 2020 – aujourd'hui",
    ),
    "es": (
        ("Experiencia profesional", "Formación", "Habilidades"),
        "Desarrolladora con seis años de experiencia en el diseño de servicios para la "
        "logística y la gestión de un equipo.",
        "Desarrolladora",
        "mar. 2020 – actualidad",
    ),
}
JOB = (
    "Backend Engineer at Lumen Freight: Python, FastAPI, PostgreSQL and Kafka services for "
    "our warehouses, run on Kubernetes."
)


def resume_in(language: str) -> Resume:
    (work, education, skills), summary, position, _ = RESUMES[language]
    return Resume(
        basics=Basics(name="Ilse Marquardt", email="ilse@example.com", summary=summary),
        work=[
            Work(
                name="Nordlicht Logistik",
                position=position,
                startDate="2020-03",
                endDate="Present",
                highlights=["Python, FastAPI, PostgreSQL, Kafka"],
            ),
            Work(name="Brückner Daten", position=position, startDate="2016-09", endDate="2020-02"),
        ],
        education=[Education(institution="Hochschule Falkenau", startDate="2011", endDate="2016")],
        skills=[Skill(name="Python"), Skill(name="PostgreSQL"), Skill(name="Kafka")],
        meta=Meta(
            sections=[
                Section(heading=work, kind="work"),
                Section(heading=education, kind="education"),
                Section(heading=skills, kind="skills"),
            ]
        ),
    )


@pytest.mark.parametrize("language", RESUMES)
async def test_the_tailored_resume_stays_in_the_sources_language(
    language: str,
    client: httpx.AsyncClient,
    auth_headers: dict[str, str],
    settings: Settings,
    db: Database,
) -> None:
    headings, _, _, dates = RESUMES[language]
    body = {"resume": resume_in(language).model_dump(mode="json"), "job_description": JOB}
    async with worker_running(settings, db):
        started = await client.post("/api/v1/generations", json=body, headers=auth_headers)
        assert started.status_code == 202, started.text
        done = await wait_until_finished(client, auth_headers, started.json()["id"])
    assert done["status"] == "succeeded", done["error"]

    for name, read in (("resume.pdf", pdf_text), ("resume.docx", docx_text)):
        file = await client.get(
            f"/api/v1/generations/{done['id']}/files/{name}", headers=auth_headers
        )
        text = read(file.content)
        for heading in headings:
            assert heading.casefold() in text.casefold(), (name, heading)
        assert dates in text, name
        assert "present" not in text.casefold(), name
