"""Right-to-left words in a PDF read in the order they are written, however they were stored.

The words here are ordinary Arabic given names, made up for the phenomenon they show.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resumeforge.documents.parsing.layout import ReadingNotes
from resumeforge.documents.parsing.pdf import open_pdf, read_pdf_lines
from tests.documents.files import _save

_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # has Arabic letters


def _page_of(runs: list[tuple[str, float, float]]) -> bytes:
    """One page with each run of text drawn left to right from its point, as it is given."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    with open(_FONT, "rb") as handle:
        data = handle.read()
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = pdfium_c.FPDFText_LoadFont(
        document.raw, buffer, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True
    )
    for text, x, y in runs:
        run = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, font, 12)
        encoded = (text + "\x00").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(run, pdfium_c.cast(encoded, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FPDFPageObj_Transform(run, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, run)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.close()
    return _save(document)


def _texts(data: bytes) -> list[str]:
    lines = read_pdf_lines(open_pdf(data, max_pages=1), notes=ReadingNotes())[0]
    return [line.plain for line in lines]


def test_a_right_to_left_word_stored_in_writing_order_is_left_as_it_is() -> None:
    # Each letter drawn where it belongs, the first one rightmost: read as written, unturned.
    letters = [("ع", 230.0, 700.0), ("م", 222.5, 700.0), ("ر", 216.0, 700.0)]
    data = _page_of([*letters, ("Operations Lead", 60, 670)])
    assert _texts(data)[0] == "عمر"
