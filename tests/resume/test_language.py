"""A résumé's language, read from its own words: six languages, English when it cannot tell."""

from __future__ import annotations

import pytest

from resumeforge.resume.language import resume_language
from resumeforge.resume.schemas import Meta, Resume, Section, Work

# Fictional paragraphs, written for these tests, each long enough to read a language from.
PROSE = {
    "en": "Backend engineer with six years of experience in the design of billing systems for "
    "a bank. I led a team of four and built the services that send invoices to customers.",
    "de": "Entwicklerin mit sechs Jahren Erfahrung in der Entwicklung von Abrechnungssystemen "
    "für eine Bank. Ich war verantwortlich für die Planung und den Betrieb der Dienste, die "
    "Rechnungen an die Kunden senden.",
    "fr": "Développeuse avec six ans d'expérience dans la conception de systèmes de "
    "facturation pour une banque. J'ai dirigé une équipe de quatre personnes et construit les "
    "services qui envoient les factures aux clients.",
    "es": "Desarrolladora con seis años de experiencia en el diseño de sistemas de "
    "facturación para un banco. Dirigí un equipo de cuatro personas y construí los servicios "
    "que envían las facturas a los clientes.",
    "pt": "Desenvolvedora com seis anos de experiência na conceção de sistemas de "
    "faturação para um banco. Dirigi uma equipa de quatro pessoas e construí os serviços que "
    "enviam as faturas aos clientes.",
    "it": "Sviluppatrice con sei anni di esperienza nella progettazione di sistemi di "
    "fatturazione per una banca. Ho guidato un gruppo di quattro persone e costruito i servizi "
    "che inviano le fatture ai clienti.",
}


@pytest.mark.parametrize("language", PROSE)
def test_the_documents_text_tells_the_language(language: str) -> None:
    assert resume_language(Resume(meta=Meta(source_text=PROSE[language]))) == language


@pytest.mark.parametrize("language", PROSE)
def test_a_resume_without_source_text_is_read_from_its_fields(language: str) -> None:
    resume = Resume(
        work=[Work(position="Engineer", summary=PROSE[language])],
        meta=Meta(sections=[Section(heading="Work", kind="work")]),
    )
    assert resume_language(resume) == language


def test_too_little_text_is_english() -> None:
    assert resume_language(Resume(meta=Meta(source_text="Jana Nováková\njana@example.com"))) == "en"


def test_a_declared_language_wins_over_the_text() -> None:
    resume = Resume(meta=Meta(source_text=PROSE["en"], language="fr"))
    assert resume_language(resume) == "fr"
