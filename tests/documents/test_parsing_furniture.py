"""Running headers, footers and page numbers are page furniture: never a job, degree or bullet."""

from __future__ import annotations

import io

import docx

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.resume.schemas import Resume
from tests.documents.files import RESUME_LINES, paged_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
PAGE_ONE = RESUME_LINES[:9]  # name, contacts, and the two jobs
PAGE_TWO = RESUME_LINES[9:]  # education and skills
JOBS = [
    ("Northwind Traders Inc.", "Senior Data Engineer", "2020-01", "Present"),
    ("Contoso Ltd.", "Data Analyst", "2017-03", "2019-12"),
]


def _parse(data: bytes, filename: str = "cv.pdf") -> Resume:
    return parse_document(data, filename=filename, settings=SETTINGS).resume


def _everything_but_basics(resume: Resume) -> str:
    return resume.model_dump_json(exclude={"basics", "meta"})


def test_repeated_footer_and_page_numbers_are_not_content() -> None:
    data = paged_pdf(
        [PAGE_ONE, PAGE_TWO],
        header="Maria Jensen · Résumé    Page {page} of {pages}",
        footer="Updated 02/2025 · {page}/{pages}",
    )
    resume = _parse(data)
    assert [(w.name, w.position, w.startDate, w.endDate) for w in resume.work] == JOBS
    assert [(e.institution, e.endDate) for e in resume.education] == [
        ("University of Washington", "2017")
    ]
    printed = _everything_but_basics(resume)
    assert "Page" not in printed and "Updated" not in printed and "Résumé" not in printed
    assert resume.work[-1].highlights == ["Wrote SQL reports for the finance team"]


def test_a_page_number_on_one_page_only_is_dropped() -> None:
    data = paged_pdf([PAGE_ONE, [*PAGE_TWO, *[""] * 50, "- 2 -"]])  # at the foot of page 2
    resume = _parse(data)
    assert "- 2 -" not in _everything_but_basics(resume)
    assert resume.skills[-1].keywords == ["Python", "SQL", "Scala"]


def test_contact_details_only_in_a_running_footer_are_kept_once() -> None:
    data = paged_pdf(
        [["Maria Jensen", *PAGE_ONE[2:]], PAGE_TWO],
        footer="maria.jensen@example.org | +1 (415) 555-0142",
    )
    resume = _parse(data)
    assert (resume.basics.name, resume.basics.email, resume.basics.phone) == (
        "Maria Jensen",
        "maria.jensen@example.org",
        "+1 (415) 555-0142",
    )
    assert "example.org" not in _everything_but_basics(resume)
    assert [w.name for w in resume.work] == [job[0] for job in JOBS]


def test_repeated_body_lines_outside_the_margins_stay() -> None:
    repeated = "- Wrote SQL reports for the finance team"
    resume = _parse(paged_pdf([PAGE_ONE, ["EXPERIENCE", "Fabrikam Inc.", repeated]]))
    assert resume.work[-1].name == "Fabrikam Inc."
    assert resume.work[-1].highlights == ["Wrote SQL reports for the finance team"]


def test_docx_footer_gives_contact_details_but_no_entry() -> None:
    document = docx.Document()
    document.add_paragraph("Maria Jensen")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Northwind Traders Inc.\tOakland, CA")
    document.add_paragraph("Senior Data Engineer\tJan 2020 - Present")
    document.sections[0].footer.paragraphs[0].text = "maria.jensen@example.org | 415-555-0142"
    buffer = io.BytesIO()
    document.save(buffer)
    resume = _parse(buffer.getvalue(), "cv.docx")
    assert (resume.basics.email, resume.basics.phone) == (
        "maria.jensen@example.org",
        "415-555-0142",
    )
    assert [(w.name, w.position) for w in resume.work] == [JOBS[0][:2]]
    assert resume.work[0].highlights == []


def test_bullets_ending_two_pages_alike_but_for_their_numbers_stay() -> None:
    # Two bullets that differ in a count, each the last line of its page, look like a running
    # footer once their numbers are masked; only a page number may differ in a running line.
    first = "- Led a team of 3 people shipping a pricing dashboard"
    second = "- Led a team of 9 people shipping a pricing dashboard"
    page_one = [*PAGE_ONE[:-1], *[""] * 48, first]
    page_two = ["Fabrikam Inc.    Denver, CO", "Analyst    2015 - 2017", *[""] * 54, second]
    parsed = parse_document(paged_pdf([page_one, page_two]), filename="cv.pdf", settings=SETTINGS)
    highlights = [h for job in parsed.resume.work for h in job.highlights]
    assert first[2:] in highlights and second[2:] in highlights
    assert parsed.quality.furniture == []
