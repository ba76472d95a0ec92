"""The public rendering API: formats, metadata, paper sizes, templates, fit_pages, previews."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from docx import Document
from PIL import Image

from resumeforge.rendering.errors import InvalidFitPages, UnknownPaper, UnknownTemplate
from resumeforge.rendering.layout import print_letter, print_resume
from resumeforge.rendering.pdf import document_payload, renderer
from resumeforge.rendering.service import (
    TEMPLATES,
    render_cover_letter_docx,
    render_cover_letter_pdf,
    render_preview_png,
    render_resume_docx,
    render_resume_pdf,
)
from resumeforge.rendering.themes import theme_named
from resumeforge.resume.schemas import CoverLetter, Resume
from tests.rendering.text import docx_text, pdf_page_size_points, pdf_text

LETTER_POINTS = (612.0, 792.0)
A4_POINTS = (595.3, 841.9)


def test_templates_are_classic_modern_compact() -> None:
    assert TEMPLATES == ("classic", "modern", "compact")


@pytest.mark.parametrize("template", TEMPLATES)
def test_resume_pdf_has_title_author_and_the_facts_in_reading_order(
    resume: Resume, template: str
) -> None:
    rendered = render_resume_pdf(resume, template=template)
    assert rendered.media_type == "application/pdf"
    assert rendered.content.startswith(b"%PDF")
    assert rendered.pages == 2
    document = pdfium.PdfDocument(rendered.content)
    metadata = document.get_metadata_dict()
    assert metadata["Title"] == "Marisol Okonkwo-Lindqvist – Résumé"
    assert metadata["Author"] == "Marisol Okonkwo-Lindqvist"
    text = pdf_text(rendered.content)
    in_order = [
        "Marisol Okonkwo-Lindqvist",
        "marisol.okonkwo@example.com",
        "Staff Software Engineer",
        "Apr 2021 – Present",
        "Tidewater Logistics",
        "Senior Software Engineer",
        "Brightledger",
        "Oregon State University",
        "Certified Kubernetes Administrator",
        "Ledgers that add up",
    ]
    positions = [text.find(fact) for fact in in_order]
    assert -1 not in positions, dict(zip(in_order, positions, strict=True))
    assert positions == sorted(positions)


def test_resume_pdf_links_are_clickable(resume: Resume) -> None:
    rendered = render_resume_pdf(resume)
    assert b"mailto:marisol.okonkwo@example.com" in rendered.content
    assert b"https://www.linkedin.com/in/marisol-ol" in rendered.content


def test_dates_are_right_aligned_in_the_pdf(resume: Resume) -> None:
    document = pdfium.PdfDocument(render_resume_pdf(resume).content)
    page = document[0]
    text_page = page.get_textpage()
    right_margin = page.get_width() - 0.75 * 72
    for dates in ("Apr 2021 – Present", "Sep 2017 – Mar 2021"):
        start = text_page.get_text_range().find(dates)
        _, _, right, _ = text_page.get_charbox(start + len(dates) - 1)
        assert right == pytest.approx(right_margin, abs=1.5)


@pytest.mark.parametrize(("paper", "size"), [("letter", LETTER_POINTS), ("a4", A4_POINTS)])
def test_paper_sizes(resume: Resume, paper: str, size: tuple[float, float]) -> None:
    width, height = pdf_page_size_points(render_resume_pdf(resume, paper=paper).content)
    assert (width, height) == pytest.approx(size, abs=0.5)
    section = Document(io.BytesIO(render_resume_docx(resume, paper=paper).content)).sections[0]
    assert (section.page_width.pt, section.page_height.pt) == pytest.approx(size, abs=0.5)


def test_fit_pages_one_tightens_until_it_fits(resume: Resume) -> None:
    natural = render_resume_pdf(resume)
    fitted = render_resume_pdf(resume, fit_pages=1)
    assert natural.pages == 2
    assert fitted.pages == 1
    assert fitted.warnings == []


def test_fit_pages_says_when_it_cannot(resume: Resume) -> None:
    resume.work = resume.work * 4
    rendered = render_resume_pdf(resume, fit_pages=1)
    assert rendered.pages > 1
    assert any("could not fit on 1 page" in warning for warning in rendered.warnings)


def test_fit_pages_two_leaves_a_two_page_resume_alone(resume: Resume) -> None:
    assert render_resume_pdf(resume, fit_pages=2).content == render_resume_pdf(resume).content


def test_bad_options_are_clear_errors(resume: Resume) -> None:
    with pytest.raises(UnknownTemplate):
        render_resume_pdf(resume, template="fancy")
    with pytest.raises(UnknownPaper):
        render_resume_docx(resume, paper="legal")
    with pytest.raises(InvalidFitPages):
        render_resume_pdf(resume, fit_pages=3)


@pytest.mark.parametrize("template", TEMPLATES)
def test_cover_letter_both_formats(cover_letter: CoverLetter, template: str) -> None:
    pdf = render_cover_letter_pdf(cover_letter, template=template)
    word = render_cover_letter_docx(cover_letter, template=template)
    assert pdf.pages == 1
    for text in (pdf_text(pdf.content), docx_text(word.content)):
        for expected in (
            "Marisol Okonkwo-Lindqvist",
            "26 November 2026",
            "Northwind Freight",
            "Seattle, WA 98104",
            "Dear Hiring Manager,",
            "I would welcome the chance to talk",
            "Sincerely,",
        ):
            assert expected in text
    metadata = pdfium.PdfDocument(pdf.content).get_metadata_dict()
    assert metadata["Title"] == "Marisol Okonkwo-Lindqvist – Cover letter"


def test_preview_is_a_png_of_the_page(resume: Resume) -> None:
    pdf = render_resume_pdf(resume).content
    image = Image.open(io.BytesIO(render_preview_png(pdf, page=1, dpi=50)))
    assert image.format == "PNG"
    assert image.size == (425, 550)


def test_an_empty_resume_still_renders() -> None:
    empty = Resume()
    assert render_resume_pdf(empty).pages == 1
    assert Document(io.BytesIO(render_resume_docx(empty).content)).paragraphs == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_templates_compile_without_typst_warnings(
    resume: Resume, cover_letter: CoverLetter, template: str
) -> None:
    theme = theme_named(template)
    for kind, printed in (
        ("resume", print_resume(resume).as_json_ready()),
        ("letter", print_letter(cover_letter).as_json_ready()),
    ):
        payload = document_payload(printed, kind=kind, theme=theme, paper="letter")
        assert renderer().diagnostics(template, payload) == []
