"""Rendering to files, for the `resumeforge render` command: JSON Resume in, documents out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from resumeforge.errors import InvalidRequest
from resumeforge.rendering.service import (
    render_preview_png,
    render_resume_docx,
    render_resume_pdf,
)
from resumeforge.resume.schemas import Resume

FORMATS = ("pdf", "docx", "png")


def read_resume(path: Path) -> Resume:
    """A JSON Resume file (such as `resumeforge parse --json` prints) as a `Resume`."""
    try:
        return Resume.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError, ValidationError) as error:
        raise InvalidRequest(f"{path} is not a JSON Resume document: {error}") from None


def parse_formats(formats: str) -> list[str]:
    chosen = [name.strip().lower() for name in formats.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(FORMATS))
    if unknown or not chosen:
        raise InvalidRequest(
            f"Unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}."
        )
    return chosen


def write_renders(
    resume: Resume,
    *,
    stem: str,
    out_dir: Path,
    template: str,
    formats: Iterable[str],
    paper: str,
    fit_pages: int | None,
) -> tuple[list[Path], list[str]]:
    """Write each asked-for format to `out_dir`; returns the files written and any warnings."""
    out_dir.mkdir(parents=True, exist_ok=True)
    formats = set(formats)
    base = out_dir / f"{stem}-{template}"
    written: list[Path] = []
    warnings: list[str] = []
    tightened = 0
    # A fitted DOCX is as tight as the fitted PDF, so the PDF is laid out for it too.
    if formats & {"pdf", "png"} or ("docx" in formats and fit_pages is not None):
        pdf = render_resume_pdf(resume, template=template, paper=paper, fit_pages=fit_pages)
        warnings += pdf.warnings
        tightened = pdf.tightened
        if "pdf" in formats:
            written.append(write(base.with_suffix(".pdf"), pdf.content))
        if "png" in formats:
            for page in range(pdf.pages):
                png = render_preview_png(pdf.content, page=page)
                written.append(write(base.with_name(f"{base.name}-{page + 1}.png"), png))
    if "docx" in formats:
        docx = render_resume_docx(resume, template=template, paper=paper, tightened=tightened)
        written.append(write(base.with_suffix(".docx"), docx.content))
    return written, warnings


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path
