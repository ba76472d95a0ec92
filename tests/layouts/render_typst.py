"""The project's own Typst templates (classic, modern, compact), through its render path."""

from __future__ import annotations

from pathlib import Path

from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.schemas import Resume
from tests.layouts.factory import FictionalResume


def as_resume(resume: FictionalResume) -> Resume:
    """The fictional résumé as the project's `Resume`, its sections headed in its language."""
    data = resume.json_resume()
    data["meta"] = {
        "sections": [
            {"heading": heading, "kind": kind} for kind, heading in resume.headings.items()
        ]
    }
    return Resume.model_validate(data)


def typst_pdf(resume: FictionalResume, template: str, out: Path) -> None:
    paper = "a4" if resume.language != "en" else "letter"
    out.write_bytes(render_resume_pdf(as_resume(resume), template=template, paper=paper).content)
