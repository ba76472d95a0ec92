"""Documents the tests make themselves: text PDFs, scanned PDFs, DOCX, hostile packages."""

from __future__ import annotations

import io
import zipfile

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw, ImageFont

RESUME_LINES = [
    "Maria Jensen",
    "maria.jensen@example.org | +1 (415) 555-0142 | Oakland, CA",
    "EXPERIENCE",
    "Northwind Traders Inc.    Oakland, CA",
    "Senior Data Engineer    Jan 2020 - Present",
    "- Built the nightly ingestion pipeline in Python and Airflow",
    "Contoso Ltd.    Seattle, WA",
    "Data Analyst    03/2017 - 12/2019",
    "- Wrote SQL reports for the finance team",
    "EDUCATION",
    "University of Washington",
    "Bachelor of Science in Statistics    2013 - 2017",
    "SKILLS",
    "Languages: Python, SQL, Scala",
]

_FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def text_pdf(lines: list[str] | None = None, *, pages: int = 1) -> bytes:
    """A PDF with a real text layer (Helvetica), one line of `lines` per row, on each page."""
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = document.new_page(612, 792)
        y = 740.0
        for line in lines or RESUME_LINES:
            size = 16.0 if line.isupper() else 10.0
            # "left    right" prints the right part flush right, as résumé templates do.
            for x, part in zip((50, 400), line.split("    "), strict=False):
                _add_text(document, page, part, x=x, y=y, size=size)
            y -= size * 1.8
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    return _save(document)


Row = tuple[float, str]  # how far in from the left margin, and the text


def paged_pdf(
    pages: list[list[Row | str]],
    *,
    header: str = "",
    footer: str = "",
    leading: float = 12.0,
    stops: tuple[float, ...] = (400.0,),
) -> bytes:
    """A PDF of `pages` of rows (10 pt, capitals 14 pt), `leading` points apart; a running
    `header` and `footer` on every page, where `{page}` and `{pages}` print the page count.
    A row's parts after the first ("left    right") start at the tab `stops`."""
    document = pdfium.PdfDocument.new()
    for number, rows in enumerate(pages, start=1):
        page = document.new_page(612, 792)
        y = 730.0
        for row in rows:
            indent, text = row if isinstance(row, tuple) else (0.0, row)
            size = 14.0 if text.isupper() else 10.0
            for x, part in zip((50 + indent, *stops), text.split("    "), strict=False):
                _add_text(document, page, part, x=x, y=y, size=size)
            y -= leading * size / 10
        for text, y in ((header, 765.0), (footer, 30.0)):
            if text:
                printed = text.format(page=number, pages=len(pages))
                _add_text(document, page, printed, x=230, y=y, size=8.0)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    return _save(document)


def _add_text(
    document: pdfium.PdfDocument,
    page: pdfium.PdfPage,
    text: str,
    *,
    x: float,
    y: float,
    size: float,
) -> None:
    text_object = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", size)
    encoded = (text + "\x00").encode("utf-16-le")
    pdfium_c.FPDFText_SetText(text_object, pdfium_c.cast(encoded, pdfium_c.FPDF_WIDESTRING))
    pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, x, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, text_object)


def _save(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def scanned_pdf(lines: list[str] | None = None) -> bytes:
    """A PDF whose only content is an image of the text: no text layer, as a scanner makes."""
    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    y = 120
    for line in lines or RESUME_LINES:
        size = 44 if line.isupper() else 34
        draw.text((120, y), line.replace("    ", "      "), fill=0, font=_font(size))
        y += int(size * 1.9)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=200.0)
    return buffer.getvalue()


def resume_docx(lines: list[str] | None = None) -> bytes:
    document = docx.Document()
    for line in lines or RESUME_LINES:
        if line.isupper():
            document.add_heading(line.title(), level=1)
        else:
            document.add_paragraph(line.replace("    ", "\t"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes, *, extra: dict[str, bytes] | None = None, replace: dict[str, bytes] | None = None
) -> bytes:
    """The same package with parts added or replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = (replace or {}).get(item.filename, source.read(item))
            target.writestr(item.filename, content)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def zip_bomb_docx() -> bytes:
    """A valid DOCX carrying a part that inflates to 200 MB from about 200 KB."""
    return rezip(resume_docx(), extra={"word/media/padding.bin": b"\0" * (200 * 1024 * 1024)})


def docm() -> bytes:
    base = resume_docx()
    content_types = zipfile.ZipFile(io.BytesIO(base)).read("[Content_Types].xml")
    macro_types = content_types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return rezip(
        base,
        replace={"[Content_Types].xml": macro_types},
        extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"},
    )


def encrypted_pdf() -> bytes:
    """A PDF whose Encrypt dictionary needs a user password (standard handler, RC4 40-bit)."""
    # PDFium cannot encrypt; a minimal hand-written file with a non-empty user password is enough
    # for the reader to refuse it with FPDF_ERR_PASSWORD.
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
        b"/O <" + b"a" * 64 + b"> /U <" + b"b" * 64 + b"> >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
        b" <0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


Drawn = tuple[str, float, float, float, tuple[int, int, int]]  # text, x, y, size, colour


def drawn_pdf(texts: list[Drawn], *, fills: list[tuple[float, float, float, float]]) -> bytes:
    """One page of text in given colours and sizes over dark filled rectangles
    (left, bottom, width, height): to show text that can and cannot be seen."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    for left, bottom, width, height in fills:
        rectangle = pdfium_c.FPDFPageObj_CreateNewRect(left, bottom, width, height)
        pdfium_c.FPDFPageObj_SetFillColor(rectangle, 20, 40, 90, 255)
        pdfium_c.FPDFPath_SetDrawMode(rectangle, pdfium_c.FPDF_FILLMODE_ALTERNATE, False)
        pdfium_c.FPDFPage_InsertObject(page.raw, rectangle)
    for text, x, y, size, (red, green, blue) in texts:
        text_object = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", size)
        encoded = (text + "\x00").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(text_object, pdfium_c.cast(encoded, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FPDFPageObj_SetFillColor(text_object, red, green, blue, 255)
        pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, text_object)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.close()
    return _save(document)
