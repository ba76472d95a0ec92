"""Parse one uploaded document into a `Resume`: checks, the reader for its type, the fallbacks.

`parse_document` is the entry point; it runs `parse_in_process` in an isolated worker process
(hard time limit, memory bound) and calls PDF.co from this process when that is configured.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from resumeforge.config import Settings, get_settings
from resumeforge.documents.errors import FileTooLarge, NoReadableText
from resumeforge.documents.parsing.docx import read_docx_lines
from resumeforge.documents.parsing.furniture import flag_page_furniture
from resumeforge.documents.parsing.isolation import ParseJob, run_isolated
from resumeforge.documents.parsing.layout import ReadingNotes, TextLine
from resumeforge.documents.parsing.ocr import ocr_pages, tesseract_available
from resumeforge.documents.parsing.pdf import open_pdf, read_pdf_lines
from resumeforge.documents.parsing.pdfco import pdfco_text
from resumeforge.documents.parsing.quality import ParseQuality, ParseWarning, assess
from resumeforge.documents.parsing.sections import read_resume
from resumeforge.documents.parsing.sniff import MediaType, sniff_media_type
from resumeforge.documents.parsing.text import decode_text, read_text_lines
from resumeforge.documents.parsing.wrapping import join_broken_addresses, join_wrapped_bullets
from resumeforge.resume.language import resume_language
from resumeforge.resume.schemas import Resume

# Fewer letters than this across a document means there is no text worth structuring.
MIN_READABLE_LETTERS = 40


@dataclass(slots=True)
class ParsedDocument:
    resume: Resume
    media_type: str
    pages: int
    extraction: list[str] = field(default_factory=list)  # readers and fallbacks, in order used
    warnings: list[str] = field(default_factory=list)  # the quality report's, as sentences
    quality: ParseQuality = field(default_factory=ParseQuality)


def parse_document(
    data: bytes, *, filename: str = "", settings: Settings | None = None
) -> ParsedDocument:
    """Parse `data` or raise one of `documents.errors`; never returns an empty résumé."""
    settings = settings or get_settings()
    if len(data) > settings.max_upload_bytes:
        limit_kb = settings.max_upload_bytes // 1024
        raise FileTooLarge(f"The file is {len(data) // 1024} KB; the limit is {limit_kb} KB.")
    media_type = sniff_media_type(data, filename)
    job = ParseJob(
        data=data,
        media_type=media_type,
        max_pages=settings.max_pdf_pages,
        ocr_enabled=settings.ocr_enabled,
        ocr_timeout=settings.parse_timeout_seconds,
    )
    try:
        parsed = run_isolated(
            job, timeout=settings.parse_timeout_seconds, memory_mb=settings.parse_memory_mb
        )
    except NoReadableText as error:
        if media_type is not MediaType.pdf or not settings.pdfco_api_key:
            raise
        tried = list(error.extra.get("extraction", ["pdf"]))
        parsed = _parse_with_pdfco(data, filename=filename, settings=settings, tried=tried)
    return with_original_traits(parsed)


def with_original_traits(parsed: ParsedDocument) -> ParsedDocument:
    """Carry what the output must keep of the original: its language, a PDF's page count."""
    meta = parsed.resume.meta
    meta.language = meta.language or resume_language(parsed.resume)
    if parsed.media_type == MediaType.pdf.value:
        meta.pages = parsed.pages
    return parsed


async def parse_document_async(
    data: bytes, *, filename: str = "", settings: Settings | None = None
) -> ParsedDocument:
    """`parse_document` for async callers: the blocking wait runs in a thread."""
    return await asyncio.to_thread(parse_document, data, filename=filename, settings=settings)


def _parse_with_pdfco(
    data: bytes, *, filename: str, settings: Settings, tried: list[str]
) -> ParsedDocument:
    extraction = [*tried, "pdfco"]
    text = pdfco_text(data, filename=filename, settings=settings)
    lines = read_text_lines(text)
    _require_text(lines, extraction)
    return _finish(lines, MediaType.pdf, pages=0, extraction=extraction, warnings=[])


def parse_in_process(job: ParseJob) -> ParsedDocument:
    """The parse itself, in the calling process: what the worker runs and the benchmark times."""
    if job.media_type is MediaType.pdf:
        return _parse_pdf(job)
    if job.media_type is MediaType.docx:
        notes = ReadingNotes()
        lines = read_docx_lines(job.data, notes=notes)
        _require_text(lines, ["docx"])
        return _finish(
            lines, job.media_type, pages=0, extraction=["docx"], warnings=[], notes=notes
        )
    lines = read_text_lines(decode_text(job.data))
    _require_text(lines, ["text"])
    return _finish(lines, job.media_type, pages=0, extraction=["text"], warnings=[])


def _parse_pdf(job: ParseJob) -> ParsedDocument:
    document = open_pdf(job.data, max_pages=job.max_pages)
    try:
        pages = len(document)
        notes = ReadingNotes()
        lines, without_text = read_pdf_lines(document, notes=notes)
        flag_page_furniture(lines)
        lines = join_broken_addresses(join_wrapped_bullets(lines))
        extraction, warnings = ["pdf"], list[ParseWarning]()
        if without_text and not _has_enough_text(lines):
            if job.ocr_enabled and tesseract_available():
                extraction.append("ocr")
                lines = ocr_pages(document, list(range(pages)), timeout=job.ocr_timeout)
            else:
                warnings.append(
                    ParseWarning(
                        code="scanned-without-ocr",
                        message=f"{len(without_text)} page(s) are scanned images and OCR is "
                        "not available here; their text could not be read.",
                    )
                )
    finally:
        document.close()
    _require_text(lines, extraction)
    return _finish(
        lines, MediaType.pdf, pages=pages, extraction=extraction, warnings=warnings, notes=notes
    )


def _has_enough_text(lines: list[TextLine]) -> bool:
    letters = 0
    for line in lines:  # a page of text has enough in its first lines: stop counting there
        letters += sum(map(str.isalpha, line.plain))
        if letters >= MIN_READABLE_LETTERS:
            return True
    return letters >= MIN_READABLE_LETTERS


def _require_text(lines: list[TextLine], extraction: list[str]) -> None:
    if not _has_enough_text(lines):
        raise NoReadableText(
            "No readable text was found; upload a PDF with selectable text or a DOCX.",
            extraction=extraction,
        )


def _finish(
    lines: list[TextLine],
    media_type: MediaType,
    *,
    pages: int,
    extraction: list[str],
    warnings: list[ParseWarning],
    notes: ReadingNotes | None = None,
) -> ParsedDocument:
    read = read_resume(lines)
    resume = read.resume
    resume.meta.extraction = list(extraction)
    quality = assess(
        resume,
        lines_read=len(lines),
        headings_found=read.headings_found,
        not_placed=[line.plain for line in read.not_placed],
        furniture=[line.plain for line in read.furniture],
        notes=notes or ReadingNotes(),
        extraction=extraction,
        language=read.language,
    )
    quality.warnings[:0] = warnings
    return ParsedDocument(
        resume=resume,
        media_type=media_type.value,
        pages=pages or max((line.page for line in lines), default=0) + 1,
        extraction=list(extraction),
        warnings=[warning.message for warning in quality.warnings],
        quality=quality,
    )
