"""The parse's quality report: how many lines were read and placed, what was not, and
warnings a person understands, so nothing the parser could not read is lost silently."""

from __future__ import annotations

from pydantic import BaseModel, Field

from resumeforge.documents.parsing.layout import ReadingNotes
from resumeforge.resume.schemas import Resume, SectionKind

# Listed in full up to this many lines each; the counts are always exact.
MAX_LISTED_LINES = 200


class ParseWarning(BaseModel):
    code: str  # stable: no-sections, no-experience-or-education, name-not-found, ...
    message: str


class ParseQuality(BaseModel):
    lines_read: int = 0
    lines_placed: int = 0
    # Kept as written in an `other` section (after the section they were read in).
    lines_not_placed: list[str] = Field(default_factory=list)
    # Running headers and footers and page numbers: printed for the page, not the résumé.
    furniture: list[str] = Field(default_factory=list)
    # Text printed so no one sees it (white on white, zero size, off the page): dropped.
    hidden_text: list[str] = Field(default_factory=list)
    # Words with characters in a font that does not say which letters they are (a ligature
    # without a character map reads "o ce" for "office"): kept as read, for the user to check.
    unreadable_text: list[str] = Field(default_factory=list)
    language: str = ""  # en, de, fr, es, pt, it; empty when none of them
    warnings: list[ParseWarning] = Field(default_factory=list)


def _warn(quality: ParseQuality, code: str, message: str) -> None:
    quality.warnings.append(ParseWarning(code=code, message=message))


def assess(
    resume: Resume,
    *,
    lines_read: int,
    headings_found: int,
    not_placed: list[str],
    furniture: list[str],
    notes: ReadingNotes,
    extraction: list[str],
    language: str,
) -> ParseQuality:
    """The report for one parse, with a warning for each thing a person should check."""
    quality = ParseQuality(
        lines_read=lines_read,
        lines_placed=lines_read - len(not_placed) - len(furniture),
        lines_not_placed=not_placed[:MAX_LISTED_LINES],
        furniture=furniture[:MAX_LISTED_LINES],
        hidden_text=notes.hidden_text[:MAX_LISTED_LINES],
        unreadable_text=notes.unreadable_text[:MAX_LISTED_LINES],
        language=language,
    )
    printed_sections = [s for s in resume.meta.sections if s.kind is not SectionKind.other]
    if not headings_found:
        _warn(
            quality,
            "no-sections",
            "No section headings were found; the text is kept as written in one section. "
            "Check the parse and correct it before you tailor.",
        )
    if not resume.work and not resume.education:
        _warn(
            quality,
            "no-experience-or-education",
            "No jobs and no education were found; tailoring needs at least one of them.",
        )
    if not resume.basics.name:
        _warn(quality, "name-not-found", "No name was found at the top of the résumé.")
    if not language and lines_read >= 10:
        _warn(
            quality,
            "unknown-language",
            "The résumé seems to be in a language whose section headings the parser does not "
            "know (it knows English, German, French, Spanish, Portuguese and Italian); "
            "sections may have been missed.",
        )
    if not printed_sections and headings_found:
        _warn(
            quality,
            "no-known-sections",
            "No heading was recognised as experience, education, skills or another known "
            "section; the text is kept as written.",
        )
    if notes.hidden_text:
        _warn(
            quality,
            "hidden-text-dropped",
            f"{len(notes.hidden_text)} piece(s) of text printed so that no one can see them "
            "(white on white, zero size or off the page) were left out.",
        )
    if notes.unreadable_text:
        _warn(
            quality,
            "unreadable-characters",
            f"{len(notes.unreadable_text)} word(s) hold characters printed in a font that does "
            "not say which letters they are (often a ligature such as fi or ffi), for example "
            f"{', '.join(notes.unreadable_text[:3])}; check and correct them.",
        )
    if "ocr" in extraction:
        _warn(
            quality,
            "ocr-used",
            "The text was read from scanned pages by OCR; check names, numbers and dates.",
        )
    if "pdfco" in extraction:
        _warn(quality, "pdfco-used", "The text was read from scanned pages by PDF.co.")
    for columns in notes.columns:
        _warn(quality, "read-as-columns", columns)
    if not_placed:
        _warn(
            quality,
            "lines-not-placed",
            f"{len(not_placed)} line(s) could not be placed in a field; they are kept as "
            "written, under the heading they were printed under.",
        )
    return quality
