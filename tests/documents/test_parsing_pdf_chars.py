"""The per-character PDFium lookups the PDF reader binds itself answer as pypdfium2's do."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resumeforge.documents.parsing.pdf_chars import PageChars
from tests.documents.files import drawn_pdf


def _through_pypdfium2(handle: object, index: int) -> dict[str, object]:
    box = [ctypes.c_double() for _ in range(4)]
    pdfium_c.FPDFText_GetCharBox(handle, index, *box)
    rgba = [ctypes.c_uint() for _ in range(4)]
    filled = pdfium_c.FPDFText_GetFillColor(handle, index, *rgba)
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(handle, index, name, 128, flags)
    text_object = pdfium_c.FPDFText_GetTextObject(handle, index)
    return {
        "box": tuple(value.value for value in box),
        "fill": tuple(value.value for value in rgba) if filled else None,
        "size": float(pdfium_c.FPDFText_GetFontSize(handle, index)),
        "font": (
            name.value.decode("latin-1") if length else "",
            pdfium_c.FPDFText_GetFontWeight(handle, index),
            flags.value,
        ),
        "object": ctypes.cast(text_object, ctypes.c_void_p).value or 0,
        "mode": pdfium_c.FPDFTextObj_GetTextRenderMode(text_object),
        "unmapped": bool(pdfium_c.FPDFText_HasUnicodeMapError(handle, index)),
    }


def _through_page_chars(chars: PageChars, index: int) -> dict[str, object]:
    text_object = chars.text_object(index)
    return {
        "box": chars.box(index),
        "fill": chars.fill(index),
        "size": chars.font_size(index),
        "font": chars.font(index),
        "object": text_object,
        "mode": chars.render_mode(text_object),
        "unmapped": chars.unmapped(index),
    }


def test_every_character_looked_up_as_pypdfium2_reads_it() -> None:
    pdf = drawn_pdf(
        [
            ("Dana Levi, Engineer", 72, 700, 18, (0, 0, 0)),
            ("keywords nobody sees", 72, 650, 10, (255, 255, 255)),
            ("Grey note", 300, 600, 7, (120, 130, 140)),
        ],
        fills=[],
    )
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    textpage = page.get_textpage()
    try:
        chars = PageChars(textpage)
        count = textpage.count_chars()
        assert count > 40
        for index in range(count):
            assert _through_page_chars(chars, index) == _through_pypdfium2(textpage.raw, index)
    finally:
        textpage.close()
        page.close()
        document.close()
