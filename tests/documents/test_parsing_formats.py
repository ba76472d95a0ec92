"""Text PDFs, DOCX, Markdown and the corpus of real résumés parse into a `Resume`."""

from __future__ import annotations

import asyncio

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document, parse_document_async
from tests.corpus import corpus_resumes
from tests.documents.files import resume_docx, text_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)


def test_text_pdf_parses_with_its_jobs() -> None:
    parsed = parse_document(text_pdf(), filename="cv.pdf", settings=SETTINGS)
    resume = parsed.resume
    assert (parsed.media_type, parsed.pages, parsed.extraction) == ("application/pdf", 1, ["pdf"])
    assert resume.basics.email == "maria.jensen@example.org"
    assert [(w.name, w.position, w.startDate, w.endDate) for w in resume.work] == [
        ("Northwind Traders Inc.", "Senior Data Engineer", "2020-01", "Present"),
        ("Contoso Ltd.", "Data Analyst", "2017-03", "2019-12"),
    ]
    assert [s.kind.value for s in resume.meta.sections] == ["work", "education", "skills"]


def test_docx_parses_with_heading_styles_and_tabs() -> None:
    parsed = parse_document(resume_docx(), filename="cv.docx", settings=SETTINGS)
    resume = parsed.resume
    assert parsed.extraction == ["docx"]
    assert resume.basics.name == "Maria Jensen"
    assert resume.work[1].name == "Contoso Ltd." and resume.work[1].location == "Seattle, WA"
    assert resume.education[0].institution == "University of Washington"


def test_markdown_parses() -> None:
    markdown = (
        b"# Kim Lee\nkim@example.com\n\n## Experience\n**Initech Inc.**\nAnalyst   2015 - 2019\n"
    )
    parsed = parse_document(markdown, filename="cv.md", settings=SETTINGS)
    assert parsed.media_type == "text/markdown"
    assert parsed.resume.work[0].name == "Initech Inc."


async def test_async_callers_get_the_same_result() -> None:
    parsed = await parse_document_async(text_pdf(), settings=SETTINGS)
    again = await asyncio.gather(
        *(parse_document_async(text_pdf(), settings=SETTINGS) for _ in range(3))
    )
    assert all(p.resume == parsed.resume for p in again)


def test_every_corpus_resume_has_a_name_an_email_and_sections() -> None:
    # One test over the folder (not a parametrisation) so that a missing corpus skips with a
    # reason here, and fails under CI, instead of collecting nothing.
    weak = []
    for path in corpus_resumes():
        parsed = parse_document(path.read_bytes(), filename=path.name, settings=SETTINGS)
        resume = parsed.resume
        if not (resume.basics.name and resume.basics.email and len(resume.meta.sections) >= 3):
            weak.append(path.name)
    assert weak == []
