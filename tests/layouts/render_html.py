"""Our own HTML layouts (templates/*.html.j2), printed by Chromium or converted by LibreOffice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from tests.layouts.engines import libreoffice_convert, print_html_to_pdf
from tests.layouts.factory import FictionalResume
from tests.layouts.images import portrait_png

TEMPLATES = Path(__file__).parent / "templates"
_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
)


def html_page(resume: FictionalResume, template: str, *, photo: bool = True) -> str:
    return _ENVIRONMENT.get_template(f"{template}.html.j2").render(
        r=resume, photo=photo and resume.photo
    )


def chromium_pdf(resume: FictionalResume, template: str, out: Path) -> None:
    html = html_page(resume, template)
    print_html_to_pdf(html, out, assets={"photo.png": portrait_png(resume.seed)})


def libreoffice_from_html(resume: FictionalResume, template: str, out: Path) -> None:
    """The page opened by LibreOffice Writer and saved as `out`'s type (PDF, DOCX or ODT→PDF)."""
    with tempfile.TemporaryDirectory(prefix="layout-lo-html-") as folder:
        work = Path(folder)
        (work / "photo.png").write_bytes(portrait_png(resume.seed))
        page = work / f"{out.stem}.html"
        page.write_text(html_page(resume, template), encoding="utf-8")
        # Opened as a Writer document, not Writer/Web, so it converts like a typed one.
        as_writer = "HTML (StarWriter)"
        if out.suffix == ".docx":
            produced = libreoffice_convert(
                page, "docx:MS Word 2007 XML", work, input_filter=as_writer
            )
        else:
            odt = libreoffice_convert(page, "odt:writer8", work, input_filter=as_writer)
            produced = libreoffice_convert(odt, "pdf:writer_pdf_Export", work / "pdf")
        out.write_bytes(produced.read_bytes())
