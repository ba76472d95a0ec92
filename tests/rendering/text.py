"""Reading rendered documents back as text, the way an applicant tracking system would."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from docx import Document


def pdf_text(pdf: bytes) -> str:
    """All pages' text in reading order (PDFium's text layer).

    PDFium reports a hyphen that ends a line as U+FFFE (it guesses it may be a soft hyphen);
    it is printed as a hyphen, so it is read back as one.
    """
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
        return "\n".join(pages).replace("\ufffe", "-")
    finally:
        document.close()


def pdf_page_size_points(pdf: bytes) -> tuple[float, float]:
    document = pdfium.PdfDocument(pdf)
    try:
        width, height = document[0].get_size()
        return width, height
    finally:
        document.close()


def docx_text(content: bytes) -> str:
    """Every paragraph's text, hyperlinks included (python-docx's `Paragraph.text`)."""
    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs)
