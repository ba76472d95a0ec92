"""A résumé's language, read from its own words: six languages, English when it cannot tell."""

from __future__ import annotations

import pytest

from resumeforge.resume.language import detect_language, resume_language
from resumeforge.resume.schemas import Meta, Resume, Section, Work

# Fictional lines, written for these tests.
PROSE = {
    "en": "Backend engineer with six years of experience building billing systems for a bank.",
    "de": "Entwicklerin mit sechs Jahren Erfahrung in der Entwicklung von Abrechnungssystemen "
    "für eine Bank, verantwortlich für die Planung und den Betrieb.",
    "fr": "Développeuse avec six ans d'expérience dans la conception de systèmes de "
    "facturation pour une banque et la gestion d'une équipe.",
    "es": "Desarrolladora con seis años de experiencia en el diseño de sistemas de "
    "facturación para un banco y la gestión de un equipo.",
    "pt": "Desenvolvedora com seis anos de experiência na conceção de sistemas de "
    "faturação para um banco e na gestão de uma equipa.",
    "it": "Sviluppatrice con sei anni di esperienza nella progettazione di sistemi di "
    "fatturazione per una banca e nella gestione di un gruppo.",
}
HEADINGS = {
    "en": "Work Experience\nEducation\nSkills",
    "de": "Berufserfahrung\nAusbildung\nKenntnisse",
    "fr": "Expérience professionnelle\nFormation\nCompétences",
    "es": "Experiencia profesional\nFormación\nIdiomas",
    "pt": "Experiência profissional\nFormação\nIdiomas",
    "it": "Esperienza professionale\nIstruzione\nLingue",
}


@pytest.mark.parametrize("language", PROSE)
def test_prose_is_read_as_its_language(language: str) -> None:
    assert detect_language(PROSE[language]) == language


@pytest.mark.parametrize("language", HEADINGS)
def test_headings_alone_tell_the_language(language: str) -> None:
    assert detect_language(HEADINGS[language]) == language


def test_too_little_text_is_english_by_default() -> None:
    assert detect_language("Jana Nováková\njana@example.com") == "en"
    assert detect_language("", default="de") == "de"


def test_a_resume_without_source_text_is_read_from_its_fields() -> None:
    resume = Resume(
        work=[Work(position="Entwicklerin", summary=PROSE["de"])],
        meta=Meta(sections=[Section(heading="Berufserfahrung", kind="work")]),
    )
    assert resume_language(resume) == "de"


def test_a_declared_language_wins_over_the_text() -> None:
    resume = Resume(meta=Meta(source_text=PROSE["en"], language="fr"))
    assert resume_language(resume) == "fr"
