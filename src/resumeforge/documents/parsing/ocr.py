"""Text from scanned pages: render with PDFium, read with Tesseract (Debian `tesseract-ocr`)."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytesseract

from resumeforge.documents.parsing.layout import TextLine
from resumeforge.documents.parsing.text import read_text_lines

OCR_DPI = 250


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_pages(document: pdfium.PdfDocument, pages: list[int], *, timeout: float) -> list[TextLine]:
    """Lines Tesseract reads on the given pages, in page order; empty when it reads nothing."""
    lines: list[TextLine] = []
    for number in pages:
        page = document[number]
        try:
            image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()
        text = pytesseract.image_to_string(image, config="--psm 4", timeout=timeout)
        for line in read_text_lines(text):
            line.page = number
            lines.append(line)
    return lines
