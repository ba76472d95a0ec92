"""`resumeforge tailor` as a function: files in (a résumé and a job description), files out
(the tailored résumé as PDF, DOCX and JSON, the cover letter, `report.json`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

from resumeforge.ai.service import TailoringResult, tailor_resume
from resumeforge.config import Settings
from resumeforge.errors import InvalidRequest
from resumeforge.resume.schemas import Resume

StageNotice = Callable[[str], None]


def read_resume_file(path: Path, settings: Settings) -> Resume:
    """A résumé from a PDF, a DOCX (parsed) or a JSON Resume file (read as is)."""
    if path.suffix.lower() == ".json":
        from resumeforge.rendering.files import read_resume

        return read_resume(path)
    from resumeforge.documents.parsing import parse_document

    return parse_document(path.read_bytes(), filename=path.name, settings=settings).resume


def read_job_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidRequest(f"cannot read the job description {path}: {error}") from None


def tailor_to_files(
    resume_path: Path,
    job_path: Path,
    *,
    out_dir: Path,
    settings: Settings,
    provider: str | None = None,
    template: str = "classic",
    paper: str = "letter",
    cover_letter: bool = False,
    on_stage: StageNotice = lambda stage: None,
    confirmed_keywords: list[str] | None = None,
) -> list[Path]:
    """Parse, analyse, tailor and render; return the paths written, report last.

    `confirmed_keywords` are skills the user says they have: checked as an API request's are.
    """
    on_stage("parsing")
    confirmed = _checked_keywords(confirmed_keywords or [])
    resume = read_resume_file(resume_path, settings)
    job_text = read_job_file(job_path)

    async def notice(stage: str) -> None:
        on_stage(stage)

    result = asyncio.run(
        tailor_resume(
            resume,
            job_text,
            provider=provider,
            cover_letter=cover_letter,
            settings=settings,
            on_stage=notice,
            confirmed_keywords=confirmed,
        )
    )
    on_stage("rendering")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = _write_documents(result, out_dir, template=template, paper=paper)
    report = out_dir / "report.json"
    report.write_text(result.report.model_dump_json(indent=2), encoding="utf-8")
    return [*written, report]


def _checked_keywords(terms: list[str]) -> list[str]:
    from resumeforge.generations.schemas import MAX_CONFIRMED_KEYWORDS, clean_confirmed_keywords

    if len(terms) > MAX_CONFIRMED_KEYWORDS:
        raise InvalidRequest(f"at most {MAX_CONFIRMED_KEYWORDS} confirmed keywords")
    try:
        return clean_confirmed_keywords(terms)
    except ValueError as error:
        raise InvalidRequest(str(error)) from None


def _write_documents(
    result: TailoringResult, out_dir: Path, *, template: str, paper: str
) -> list[Path]:
    from resumeforge.rendering.service import (
        pages_to_fit,
        render_cover_letter_docx,
        render_cover_letter_pdf,
        render_resume_docx,
        render_resume_pdf,
    )

    # No more pages than the original PDF, as a generation does.
    fit_pages = pages_to_fit(result.resume.meta.pages)
    pdf = render_resume_pdf(result.resume, template=template, paper=paper, fit_pages=fit_pages)
    documents = {
        "resume.pdf": pdf.content,
        "resume.docx": render_resume_docx(
            result.resume, template=template, paper=paper, tightened=pdf.tightened
        ).content,
        "resume.json": json.dumps(
            result.resume.model_dump(mode="json"), ensure_ascii=False, indent=2
        ).encode(),
    }
    if result.cover_letter is not None:
        letter = result.cover_letter
        documents["cover_letter.pdf"] = render_cover_letter_pdf(
            letter, template=template, paper=paper
        ).content
        documents["cover_letter.docx"] = render_cover_letter_docx(
            letter, template=template, paper=paper
        ).content
    paths = []
    for name, content in documents.items():
        path = out_dir / name
        path.write_bytes(content)
        paths.append(path)
    return paths
