"""PNG previews of PDF pages (PDFium), for the web pages to show before download."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from resumeforge.errors import InvalidRequest

POINTS_PER_INCH = 72
MAX_DPI = 300


def render_page_png(pdf: bytes, *, page: int = 0, dpi: int = 100) -> bytes:
    """Page `page` (0-based) of `pdf` as a PNG at `dpi`."""
    if not 1 <= dpi <= MAX_DPI:
        raise InvalidRequest(f"dpi must be between 1 and {MAX_DPI}, not {dpi}.")
    document = pdfium.PdfDocument(pdf)
    try:
        if not 0 <= page < len(document):
            raise InvalidRequest(f"No page {page}: the document has {len(document)} page(s).")
        bitmap = document[page].render(scale=dpi / POINTS_PER_INCH)
        image = bitmap.to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    # Fast compression: previews are shown once and thrown away; size matters less than time.
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
