"""One generation's work, start to end: tailor with the AI engine, render, package the files.

It knows nothing of the database or the queue: the job passes in what to do and callbacks
for progress and usage, and gets back the artifacts.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from resumeforge.ai.providers import build_provider
from resumeforge.ai.providers.base import UsageCallback
from resumeforge.ai.service import (
    StageCallback,
    TailoringPlan,
    TailoringResult,
    realise_plan,
    tailor_resume,
)
from resumeforge.ai.tailoring import replace_confirmed_keywords
from resumeforge.config import Settings
from resumeforge.generations.service import Artifact, GenerationRun, Rendering, RevisionRun
from resumeforge.rendering import service as rendering
from resumeforge.resume.schemas import Basics, Meta, Resume

# The Typst compiler is shared and reused: renders take turns on one thread, off the loop.
_render_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="render")

REPORT_MEDIA_TYPE = "application/json"


@dataclass(frozen=True)
class PipelineOutput:
    artifacts: list[Artifact]
    report: dict[str, Any]
    job_title: str
    company: str
    plan: dict[str, Any]


async def run_pipeline(
    run: GenerationRun,
    *,
    settings: Settings,
    on_stage: StageCallback,
    on_usage: UsageCallback,
) -> PipelineOutput:
    await on_stage("parsing")
    wants_letter = run.rendering.kind in {"cover_letter", "both"}
    result = await tailor_resume(
        run.source_resume,
        run.job_description,
        provider=run.provider,
        cover_letter=wants_letter,
        settings=settings,
        on_stage=on_stage,
        on_usage=on_usage,
    )
    await on_stage("rendering")
    artifacts, report = await _render(run.source_resume, result, run.rendering)
    return PipelineOutput(
        artifacts=artifacts,
        report=report,
        job_title=result.job.title,
        company=result.job.company,
        plan=result.plan.model_dump(mode="json"),
    )


async def run_revision_pipeline(run: RevisionRun) -> tuple[list[Artifact], dict[str, Any]]:
    """The generation's plan replayed without the rejected changes, and rendered: no provider
    call (so no charge), and the letter as the paid run wrote it."""
    plan = TailoringPlan.model_validate(run.plan)
    source = replace_confirmed_keywords(run.source_resume, run.confirmed_keywords)
    resume, report = realise_plan(source, plan, reject=run.reject, revision=run.number)
    result = TailoringResult(
        resume=resume, cover_letter=plan.cover_letter, job=plan.job, report=report, plan=plan
    )
    return await _render(source, result, run.rendering)


async def _render(
    source: Resume, result: TailoringResult, choice: Rendering
) -> tuple[list[Artifact], dict[str, Any]]:
    loop = asyncio.get_running_loop()
    artifacts = await loop.run_in_executor(_render_thread, render_artifacts, source, result, choice)
    report = result.report.model_dump(mode="json")
    artifacts.append(
        Artifact("report.json", REPORT_MEDIA_TYPE, json.dumps(report, indent=2).encode())
    )
    return artifacts, report


def warm_up(settings: Settings) -> None:
    """Pay the one-off costs before taking jobs: SDK imports, fonts, templates.

    Done in the worker's loop they would stall it for seconds, long enough for its heartbeat
    to lapse and another worker to think it dead and run its jobs again.
    """
    for provider in settings.configured_providers:
        build_provider(provider, settings)
    sample = Resume(basics=Basics(name="Warm Up"), meta=Meta(source_text="Warm Up"))
    for template in rendering.TEMPLATES:
        rendering.render_resume_pdf(sample, template=template)
        rendering.render_resume_docx(sample, template=template)


def render_tailored_pdf(
    source: Resume, tailored: Resume, *, template: str, paper: str, fit_pages: int | None
) -> rendering.RenderedDocument:
    """The tailored résumé as a PDF on `fit_pages` pages (the limit asked for, or the original
    PDF's count), else on no more pages than the source takes in that template.

    Tailoring adds a key skills line; when that pushes a line onto a new page, the layout is
    tightened a notch at a time (down to a readable floor) rather than a page added.
    """
    fit = fit_pages
    if fit is None:
        pages = rendering.render_resume_pdf(source, template=template, paper=paper).pages
        fit = pages if pages in rendering.FIT_PAGES_ALLOWED else None
    return rendering.render_resume_pdf(tailored, template=template, paper=paper, fit_pages=fit)


def render_artifacts(source: Resume, result: TailoringResult, choice: Rendering) -> list[Artifact]:
    artifacts: list[Artifact] = []
    template, paper = choice.template, choice.paper
    if choice.kind in {"resume", "both"}:
        pdf = render_tailored_pdf(
            source, result.resume, template=template, paper=paper, fit_pages=choice.fit_pages
        )
        result.report.notes += pdf.warnings  # e.g. it could not fit the original's page count
        docx = rendering.render_resume_docx(
            result.resume, template=template, paper=paper, tightened=pdf.tightened
        )
        artifacts += [
            Artifact("resume.pdf", pdf.media_type, pdf.content),
            Artifact("resume.docx", docx.media_type, docx.content),
        ]
    if result.cover_letter is not None:
        pdf = rendering.render_cover_letter_pdf(result.cover_letter, template=template, paper=paper)
        docx = rendering.render_cover_letter_docx(
            result.cover_letter, template=template, paper=paper
        )
        artifacts += [
            Artifact("cover-letter.pdf", pdf.media_type, pdf.content),
            Artifact("cover-letter.docx", docx.media_type, docx.content),
        ]
    return artifacts
