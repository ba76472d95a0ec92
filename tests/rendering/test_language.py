"""The words the renderer adds (months, open ends, default headings) are in the résumé's language,
in the PDF and the DOCX; the headings the résumé printed stay as printed."""

from __future__ import annotations

import io

import pytest
from docx import Document

from resumeforge.rendering.service import render_resume_docx, render_resume_pdf
from resumeforge.resume.schemas import Basics, Education, Meta, Resume, Section, Skill, Work
from tests.rendering.text import docx_text, pdf_text

# A fictional résumé in each language: its headings, one job from March 2020 to now.
CASES = {
    "de": {
        "headings": ("Beruflicher Werdegang", "Studium"),
        "summary": "Entwicklerin mit sechs Jahren Erfahrung in der Entwicklung von "
        "Abrechnungssystemen für eine Bank, verantwortlich für den Betrieb.",
        "position": "Softwareentwicklerin",
        "march": "März 2020",
        "open_end": "heute",
        "default_skills": "Kenntnisse",
        "locale": "de-DE",
    },
    "fr": {
        "headings": ("Parcours professionnel", "Études"),
        "summary": "Développeuse avec six ans d'expérience dans la conception de systèmes "
        "de facturation pour une banque et la gestion d'une équipe.",
        "position": "Développeuse",
        "march": "mars 2020",
        "open_end": "aujourd'hui",
        "default_skills": "Compétences",
        "locale": "fr-FR",
    },
    "es": {
        "headings": ("Trayectoria profesional", "Estudios"),
        "summary": "Desarrolladora con seis años de experiencia en el diseño de sistemas de "
        "facturación para un banco y la gestión de un equipo.",
        "position": "Desarrolladora",
        "march": "mar. 2020",
        "open_end": "actualidad",
        "default_skills": "Habilidades",
        "locale": "es-ES",
    },
}


def resume_in(language: str) -> Resume:
    case = CASES[language]
    work_heading, education_heading = case["headings"]
    return Resume(
        basics=Basics(name="Ilse Marquardt", email="ilse@example.com", summary=case["summary"]),
        work=[
            Work(
                name="Nordlicht Abrechnung",
                position=case["position"],
                startDate="2020-03",
                endDate="Present",
                highlights=["Python, PostgreSQL"],
            )
        ],
        education=[Education(institution="Hochschule Falkenau", startDate="2014", endDate="2019")],
        skills=[Skill(name="Python"), Skill(name="PostgreSQL")],
        # No skills section printed: the renderer adds one under its own heading.
        meta=Meta(
            sections=[
                Section(heading=work_heading, kind="work"),
                Section(heading=education_heading, kind="education"),
            ]
        ),
    )


@pytest.mark.parametrize("language", CASES)
def test_pdf_keeps_the_headings_and_dates_in_the_resumes_language(language: str) -> None:
    case = CASES[language]
    text = pdf_text(render_resume_pdf(resume_in(language)).content)
    for heading in case["headings"]:
        assert heading.casefold() in text.casefold()
    assert f"{case['march']} – {case['open_end']}" in text
    assert case["default_skills"].casefold() in text.casefold()
    assert "present" not in text.casefold() and "skills" not in text.casefold()


@pytest.mark.parametrize("language", CASES)
def test_docx_says_the_same_words_and_is_marked_as_that_language(language: str) -> None:
    case = CASES[language]
    content = render_resume_docx(resume_in(language)).content
    text = docx_text(content)
    assert f"{case['march']} – {case['open_end']}" in text
    assert case["default_skills"] in text
    assert "Present" not in text
    document = Document(io.BytesIO(content))
    assert document.core_properties.language == case["locale"]
    assert case["locale"] in document.styles["Normal"].element.xml


def test_an_english_resume_is_unchanged() -> None:
    resume = Resume(
        basics=Basics(name="Ana Lee", summary="Engineer with experience in the design of APIs."),
        work=[Work(name="Fernhill", position="Engineer", startDate="2020-03", endDate="Present")],
    )
    text = pdf_text(render_resume_pdf(resume).content)
    assert "Mar 2020 – Present" in text
    assert "EXPERIENCE" in text.upper() and "SUMMARY" in text.upper()


def test_an_open_end_stored_in_another_language_prints_in_the_resumes_own() -> None:
    resume = resume_in("de")
    resume.work[0].endDate = "En cours"
    assert "März 2020 – heute" in pdf_text(render_resume_pdf(resume).content)


@pytest.mark.parametrize(
    ("language", "degree"),
    [
        ("de", "Master in Informatik"),
        ("fr", "Master en Informatik"),
        ("es", "Master en Informatik"),
    ],
)
def test_a_degree_and_its_subject_are_joined_in_the_resumes_language(
    language: str, degree: str
) -> None:
    # The parser splits "Master en Informatik" at its "en": the renderer prints it back.
    resume = resume_in(language)
    resume.education[0].studyType, resume.education[0].area = "Master", "Informatik"
    assert degree in pdf_text(render_resume_pdf(resume).content)
    assert degree in docx_text(render_resume_docx(resume).content)


def test_a_degree_without_a_subject_is_printed_alone() -> None:
    resume = resume_in("de")
    resume.education[0].studyType = "Diplom-Kauffrau"
    text = pdf_text(render_resume_pdf(resume).content)
    assert "Diplom-Kauffrau" in text and "Diplom-Kauffrau in" not in text
