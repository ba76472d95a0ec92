"""Entry points of rendering: a résumé or cover letter to PDF, DOCX, or a PNG preview."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from resumeforge.rendering import docx
from resumeforge.rendering.errors import InvalidFitPages
from resumeforge.rendering.layout import print_letter, print_resume
from resumeforge.rendering.pdf import CompiledPdf, document_payload, renderer
from resumeforge.rendering.preview import render_page_png
from resumeforge.rendering.themes import (
    MAX_FIT_STEPS,
    TEMPLATES,
    check_paper,
    theme_named,
)
from resumeforge.resume.schemas import CoverLetter, Resume

__all__ = [
    "FIT_PAGES_ALLOWED",
    "TEMPLATES",
    "RenderedDocument",
    "pages_to_fit",
    "render_cover_letter_docx",
    "render_cover_letter_pdf",
    "render_preview_png",
    "render_resume_docx",
    "render_resume_pdf",
]

PDF_MEDIA_TYPE = "application/pdf"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG_MEDIA_TYPE = "image/png"
FIT_PAGES_ALLOWED = (1, 2)


@dataclass
class RenderedDocument:
    content: bytes
    media_type: str
    pages: int  # 0 when unknown without laying the document out (DOCX)
    warnings: list[str] = field(default_factory=list)
    # How many notches the theme was tightened to fit; the DOCX is written just as tight.
    tightened: int = 0


def render_resume_pdf(
    resume: Resume,
    *,
    template: str = "classic",
    paper: str = "letter",
    fit_pages: int | None = None,
) -> RenderedDocument:
    """The résumé as a PDF; with `fit_pages`, tightened step by step until it fits."""
    theme, paper = theme_named(template), check_paper(paper)
    printed = print_resume(resume).as_json_ready()
    if fit_pages is not None and fit_pages not in FIT_PAGES_ALLOWED:
        raise InvalidFitPages(f"fit_pages must be 1 or 2, not {fit_pages}.")

    def compile_at(step: int) -> CompiledPdf:
        payload = document_payload(printed, kind="resume", theme=theme.tightened(step), paper=paper)
        return renderer().compile(template, payload)

    compiled, step = compile_at(0), 0
    warnings: list[str] = []
    if fit_pages is not None:
        compiled, step, fit_warning = fit_to_pages(compile_at, compiled, fit_pages)
        warnings += [fit_warning] if fit_warning else []
    return RenderedDocument(compiled.content, PDF_MEDIA_TYPE, compiled.pages, warnings, step)


def pages_to_fit(original_pages: int, asked: int | None = None) -> int | None:
    """The page count to fit a tailored résumé in: the one asked for, else the original's when
    it is one the renderer fits (a one- or two-page PDF); None leaves the length alone."""
    if asked is not None:
        return asked
    return original_pages if original_pages in FIT_PAGES_ALLOWED else None


def fit_to_pages(
    compile_at: Callable[[int], CompiledPdf], first: CompiledPdf, pages: int
) -> tuple[CompiledPdf, int, str]:
    """Tighten one notch at a time until the document fits; say so when it cannot.

    Returns the document, the notch it took and a warning (empty when it fits).
    """
    compiled = first
    for step in range(1, MAX_FIT_STEPS + 1):
        if compiled.pages <= pages:
            return compiled, step - 1, ""
        compiled = compile_at(step)
    if compiled.pages <= pages:
        return compiled, MAX_FIT_STEPS, ""
    noun = "page" if pages == 1 else "pages"
    return (
        compiled,
        MAX_FIT_STEPS,
        f"could not fit on {pages} {noun} at a readable size; it takes {compiled.pages}",
    )


def render_resume_docx(
    resume: Resume, *, template: str = "classic", paper: str = "letter", tightened: int = 0
) -> RenderedDocument:
    """The résumé as a DOCX; `tightened` as the PDF's fit took it (`RenderedDocument.tightened`),
    so both formats take the same room: their fonts are metric-compatible."""
    theme, paper = theme_named(template).tightened(tightened), check_paper(paper)
    content = docx.resume_docx(print_resume(resume), theme, paper)
    return RenderedDocument(content, DOCX_MEDIA_TYPE, pages=0, tightened=tightened)


def render_cover_letter_pdf(
    letter: CoverLetter, *, template: str = "classic", paper: str = "letter"
) -> RenderedDocument:
    theme, paper = theme_named(template), check_paper(paper)
    payload = document_payload(
        print_letter(letter).as_json_ready(), kind="letter", theme=theme, paper=paper
    )
    compiled = renderer().compile(template, payload)
    return RenderedDocument(compiled.content, PDF_MEDIA_TYPE, compiled.pages)


def render_cover_letter_docx(
    letter: CoverLetter, *, template: str = "classic", paper: str = "letter"
) -> RenderedDocument:
    theme, paper = theme_named(template), check_paper(paper)
    content = docx.letter_docx(print_letter(letter), theme, paper)
    return RenderedDocument(content, DOCX_MEDIA_TYPE, pages=0)


def render_preview_png(pdf: bytes, *, page: int = 0, dpi: int = 100) -> bytes:
    """Page `page` (0-based) of a rendered PDF as PNG, for previews."""
    return render_page_png(pdf, page=page, dpi=dpi)
