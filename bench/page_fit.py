"""Length and language of tailored résumés over the corpus: every one- or two-page PDF résumé
against every job ad, offline, in every template.

Prints one table, one row per résumé: its pages and language as read, then the tailored PDF's
pages at most, rendered as before (no fitting: the reference, in the same process) and fitted
to the original's page count as generations now do, with how many of the résumé's pairs came
back longer than the original each way, and the English words the renderer added to a
résumé that is not in English (must be 0).

    .venv/bin/python bench/page_fit.py
"""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from rich.console import Console
from rich.table import Table

from resumeforge.ai.service import tailor_resume
from resumeforge.config import load_settings
from resumeforge.documents.parsing import parse_document
from resumeforge.errors import ProblemError
from resumeforge.rendering.service import TEMPLATES, pages_to_fit, render_resume_pdf
from resumeforge.resume.schemas import Resume

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SETTINGS = load_settings(llm_provider="offline")
# What the renderer printed in English before it spoke the résumé's language.
ENGLISH_ADDED = re.compile(
    r"\b(?:Present|Summary|Experience|Education|Skills|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec) (?:\d{4}|–)|\bPresent\b"
)


@dataclass
class ResumeRow:
    name: str
    language: str
    original: int
    unfitted_max: int = 0
    fitted_max: int = 0
    longer_unfitted: int = 0
    longer_fitted: int = 0
    pairs: int = 0
    english_added: int = 0
    refused: str = ""


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def corpus_pdfs() -> list[Path]:
    folders = [CORPUS / "resumes", CORPUS / "resumes-more"]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.pdf"))


async def measure(name: str, source: Resume, jobs: list[str]) -> ResumeRow | None:
    if source.meta.pages not in (1, 2):
        return None
    row = ResumeRow(name, source.meta.language, source.meta.pages)
    english_in_source = len(ENGLISH_ADDED.findall(source.meta.source_text))
    for job in jobs:
        try:
            tailored = (await tailor_resume(source, job, settings=SETTINGS)).resume
        except ProblemError as refused:  # a parse with nothing to tailor: refused, not paid
            row.refused = refused.slug
            return row
        for template in TEMPLATES:
            _render_pair(row, tailored, template, english_in_source)
    return row


def _render_pair(row: ResumeRow, tailored: Resume, template: str, english_in_source: int) -> None:
    unfitted = render_resume_pdf(tailored, template=template)
    fitted = render_resume_pdf(
        tailored, template=template, fit_pages=pages_to_fit(tailored.meta.pages)
    )
    row.pairs += 1
    row.unfitted_max = max(row.unfitted_max, unfitted.pages)
    row.fitted_max = max(row.fitted_max, fitted.pages)
    row.longer_unfitted += unfitted.pages > row.original
    row.longer_fitted += fitted.pages > row.original
    if row.language != "en":
        added = len(ENGLISH_ADDED.findall(pdf_text(fitted.content))) - english_in_source
        row.english_added = max(row.english_added, added)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    jobs = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "jobs").glob("*.txt"))]
    rows = []
    for path in corpus_pdfs():
        source = parse_document(path.read_bytes(), filename=path.name).resume
        if row := asyncio.run(measure(path.stem, source, jobs)):
            rows.append(row)
    table = Table(
        title=f"Tailored PDF pages, offline, {len(jobs)} jobs × {len(TEMPLATES)} templates"
    )
    for column in (
        "résumé", "lang", "pages", "max unfitted", "max fitted",
        "longer unfitted", "longer fitted", "English added",
    ):  # fmt: skip
        table.add_column(column, justify="left" if column == "résumé" else "right")
    for row in rows:
        if row.refused:
            table.add_row(row.name, row.language, str(row.original), f"refused: {row.refused}")
            continue
        table.add_row(
            row.name,
            row.language,
            str(row.original),
            str(row.unfitted_max),
            str(row.fitted_max),
            f"{row.longer_unfitted}/{row.pairs}",
            f"{row.longer_fitted}/{row.pairs}",
            str(row.english_added) if row.language != "en" else "",
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
