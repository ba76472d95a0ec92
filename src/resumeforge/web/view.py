"""How the pages show what the services return: prices, downloads, the report, previews."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from resumeforge.errors import NotFound
from resumeforge.generations.models import GenerationFile, GenerationRevision
from resumeforge.rendering.service import TEMPLATES, render_preview_png, render_resume_pdf
from resumeforge.resume.schemas import Resume

SAMPLE_RESUME = Path(__file__).parent / "sample_resume.json"
THUMBNAIL_DPI = 36
PAGE_DPI = 110
FILE_LABELS = {
    "resume.pdf": "Résumé (PDF)",
    "resume.docx": "Résumé (Word)",
    "cover-letter.pdf": "Cover letter (PDF)",
    "cover-letter.docx": "Cover letter (Word)",
    "report.json": "Report (JSON)",
}
SECTION_LABELS = {
    "work": "Experience",
    "education": "Education",
    "skills": "Skills",
    "projects": "Projects",
    "basics": "About you",
    "volunteer": "Volunteering",
    "sections": "Section order",
}


@lru_cache(maxsize=8)
def template_thumbnail(template: str) -> bytes:
    """The first page of a fictional résumé in `template`, small: rendered once per process."""
    if template not in TEMPLATES:
        raise NotFound(f"No template {template!r}.")
    resume = Resume.model_validate(json.loads(SAMPLE_RESUME.read_text()))
    pdf = render_resume_pdf(resume, template=template).content
    return render_preview_png(pdf, page=0, dpi=THUMBNAIL_DPI)


def pdf_page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def page_image(pdf: bytes, index: int) -> bytes:
    return render_preview_png(pdf, page=index, dpi=PAGE_DPI)


def local_path(candidate: str) -> str:
    """A `next` address only when it stays on this site (no open redirect)."""
    if candidate.startswith("/") and not candidate.startswith(("//", "/\\")):
        return candidate
    return ""


def json_for_script(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no '</script>' can close it."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def downloads(
    generation_id: uuid.UUID, files: list[GenerationFile], *, revision: int = 0
) -> list[dict[str, str]]:
    order = list(FILE_LABELS)
    ordered = sorted(files, key=lambda f: order.index(f.name) if f.name in order else len(order))
    base = f"/api/v1/generations/{generation_id}"
    if revision:
        base += f"/revisions/{revision}"
    return [
        {"label": FILE_LABELS.get(f.name, f.name), "url": f"{base}/files/{f.name}"} for f in ordered
    ]


def revision_to_show(
    asked: str | None, revisions: list[tuple[GenerationRevision, list[GenerationFile]]]
) -> tuple[GenerationRevision, list[GenerationFile]] | None:
    """The revision a result page shows: the one asked for (0: the original), else the newest
    that succeeded, else the original (None)."""
    if asked is not None and asked.isdigit():
        number = int(asked)
        return next(((r, f) for r, f in revisions if r.number == number), None)
    succeeded = [(r, f) for r, f in revisions if r.status == "succeeded"]
    return succeeded[-1] if succeeded else None


def percent(ratio: float) -> str:
    return f"{round(ratio * 100)}%"


@dataclass(frozen=True)
class ReportView:
    raw: dict[str, Any]
    changes: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    reverted: list[dict[str, Any]] = field(default_factory=list)


def report_view(report: dict[str, Any]) -> ReportView:
    """The report with each change labelled for a person and given an id to accept or reject."""
    # What a revision left out is listed too, so that the user can take it back.
    listed = [*report.get("changes", []), *report.get("undone", [])]
    changes = [
        {
            **change,
            "id": str(change.get("id", index)),
            "label": change.get("description") or change_label(change),
        }
        for index, change in enumerate(listed)
        if change.get("source", "engine") == "engine"
    ]
    coverage_after = report.get("coverage_after") or {}
    raw = {
        **report,
        "coverage_before": report.get("coverage_before") or {"ratio": 0},
        "coverage_after": coverage_after or {"ratio": 0},
        "prominent_coverage_before": report.get("prominent_coverage_before") or {"ratio": 0},
    }
    return ReportView(
        raw=raw,
        changes=changes,
        missing=list(report.get("missing_keywords") or coverage_after.get("missing", [])),
        confirmed=list(report.get("confirmed_keywords", [])),
        reverted=list(report.get("reverted", [])),
    )


def change_label(change: dict[str, Any]) -> str:
    """'work[0].highlights' → 'Experience, item 1: highlights (reorder)'."""
    path = str(change.get("path", ""))
    head, _, rest = path.partition("[")
    section = SECTION_LABELS.get(head.split(".")[0], head.split(".")[0].capitalize())
    label = section
    if rest:
        index, _, tail = rest.partition("]")
        if index.isdigit():
            label += f", item {int(index) + 1}"
        tail = tail.strip(".").split("[")[0]
        if tail:
            label += f": {tail}"
    kind = change.get("kind")
    return f"{label} ({kind})" if kind else label


def problem_from_query(text: str | None) -> dict[str, str] | None:
    """A problem a form met, carried to the page it went back to (shown as text, escaped)."""
    if not text:
        return None
    title, _, detail = text[:500].partition(": ")
    return {"title": title, "detail": detail}
