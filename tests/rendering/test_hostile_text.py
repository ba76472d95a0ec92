"""Any character a person can type prints literally, in every field, in both formats."""

from __future__ import annotations

import re

import pytest

from resumeforge.rendering.service import (
    TEMPLATES,
    render_cover_letter_docx,
    render_cover_letter_pdf,
    render_resume_docx,
    render_resume_pdf,
)
from resumeforge.resume.schemas import CoverLetter, Resume
from tests.rendering.text import docx_text, pdf_text

HOSTILE = [
    "#set page(width: 1cm) #panic()",
    "$x^2$ and $$ money",
    "*not bold* _not italic_ `not code`",
    "@label <tag> </tag> <script>alert(1)</script>",
    "back\\slash \\\\ double // not a comment /* nor this */",
    "#let x = 1; [brackets] {braces} ~ tilde = - + 1.",
    "Supercalifragilisticexpialidocious" * 4,
    "https://example.com/" + "a-very-long-path-segment/" * 8 + "?q=1&r=2#frag",
    "مهندس برمجيات أول في شركة التقنية",
    "מהנדסת תוכנה בכירה",
    "高级软件工程师 シニアエンジニア 선임 엔지니어",
    "Rocket 🚀 thumbs 👍🏽 family 👩‍👩‍👧",
    "Ünïcödé café naïve Ærøskøbing Straße",
    "Quotes “smart” ‘single’ \"dumb\" 'dumb' «guillemets»",
    "Zürich – Genève — São Paulo · 50% & 100$ < 5 > 3",
]


def hostile_resume() -> Resume:
    """A résumé with a hostile string in every printed field, and some fields empty."""
    strings = iter(HOSTILE * 6)

    def s() -> str:
        return next(strings)

    return Resume.model_validate(
        {
            "basics": {
                "name": s(),
                "label": s(),
                "email": s(),
                "phone": s(),
                "url": "",
                "summary": s(),
                "location": {"city": s(), "region": ""},
                "profiles": [{"network": s(), "username": s(), "url": ""}],
            },
            "work": [
                {
                    "name": s(),
                    "position": s(),
                    "location": s(),
                    "startDate": s(),
                    "endDate": "",
                    "summary": s(),
                    "highlights": [s(), s(), ""],
                },
                {"name": "", "position": "", "highlights": []},
            ],
            "education": [
                {
                    "institution": s(),
                    "area": s(),
                    "studyType": s(),
                    "startDate": s(),
                    "endDate": s(),
                    "score": s(),
                    "courses": [s()],
                }
            ],
            "skills": [{"name": s(), "keywords": [s(), s()]}, {"name": s(), "keywords": []}],
            "projects": [{"name": s(), "description": s(), "highlights": [s()]}],
            "awards": [{"title": s(), "awarder": s(), "date": s(), "summary": s()}],
            "certificates": [{"name": s(), "issuer": s(), "date": s()}],
            "publications": [{"name": s(), "publisher": s(), "summary": s()}],
            "languages": [{"language": s(), "fluency": s()}],
            "interests": [{"name": s(), "keywords": [s()]}],
            "references": [{"name": s(), "reference": s()}],
            "volunteer": [{"organization": s(), "position": s(), "highlights": [s()]}],
            "meta": {
                "sections": [
                    {"heading": s(), "kind": "summary"},
                    {"heading": s(), "kind": "work"},
                    {"heading": s(), "kind": "education"},
                    {"heading": s(), "kind": "skills"},
                    {"heading": s(), "kind": "projects"},
                    {"heading": s(), "kind": "awards"},
                    {"heading": s(), "kind": "certificates"},
                    {"heading": s(), "kind": "publications"},
                    {"heading": s(), "kind": "languages"},
                    {"heading": s(), "kind": "interests"},
                    {"heading": s(), "kind": "references"},
                    {"heading": s(), "kind": "volunteer"},
                    {"heading": s(), "kind": "other", "text": s() + "\n" + s()},
                    {"heading": "", "kind": "other", "text": ""},
                ]
            },
        }
    )


def hostile_letter() -> CoverLetter:
    return CoverLetter(
        sender=hostile_resume().basics,
        date=HOSTILE[0],
        recipient=HOSTILE[3],
        company=HOSTILE[8],
        company_address=HOSTILE[10] + "\n" + HOSTILE[9],
        greeting=HOSTILE[4],
        paragraphs=HOSTILE,
        closing=HOSTILE[11],
        name=HOSTILE[12],
    )


def comparable(text: str) -> str:
    """Text with whitespace removed and case folded.

    Line wrapping inserts breaks into long strings, and capitalised headings change case on
    the page; neither loses a character, which is what these tests check.
    """
    return re.sub(r"\s+", "", text).casefold()


def missing_from(text: str) -> list[str]:
    found = comparable(text)
    return [string for string in HOSTILE if comparable(string) not in found]


@pytest.mark.parametrize("template", TEMPLATES)
def test_hostile_strings_print_literally_in_the_pdf(template: str) -> None:
    rendered = render_resume_pdf(hostile_resume(), template=template)
    assert missing_from(pdf_text(rendered.content)) == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_hostile_strings_print_literally_in_the_docx(template: str) -> None:
    rendered = render_resume_docx(hostile_resume(), template=template)
    assert missing_from(docx_text(rendered.content)) == []


def test_hostile_strings_print_literally_in_cover_letters() -> None:
    assert missing_from(pdf_text(render_cover_letter_pdf(hostile_letter()).content)) == []
    assert missing_from(docx_text(render_cover_letter_docx(hostile_letter()).content)) == []


def test_control_characters_are_dropped_not_fatal() -> None:
    resume = Resume.model_validate(
        {"basics": {"name": "Ada\x00 Love\x07lace\x1b", "summary": "bell\x07 and \ud800 gone"}}
    )
    assert "Ada Lovelace" in pdf_text(render_resume_pdf(resume).content)
    assert "Ada Lovelace" in docx_text(render_resume_docx(resume).content)
