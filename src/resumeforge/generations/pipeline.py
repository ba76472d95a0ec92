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
from resumeforge.ai.service import StageCallback, TailoringResult, tailor_resume
from resumeforge.config import Settings
from resumeforge.generations.service import Artifact, GenerationRun
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


async def run_pipeline(
    run: GenerationRun,
    *,
    settings: Settings,
    on_stage: StageCallback,
    on_usage: UsageCallback,
) -> PipelineOutput:
    await on_stage("parsing")
    wants_letter = run.kind in {"cover_letter", "both"}
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
    loop = asyncio.get_running_loop()
    artifacts = await loop.run_in_executor(_render_thread, render_artifacts, run, result)
    report = result.report.model_dump(mode="json")
    artifacts.append(
        Artifact("report.json", REPORT_MEDIA_TYPE, json.dumps(report, indent=2).encode())
    )
    return PipelineOutput(
        artifacts=artifacts,
        report=report,
        job_title=result.job.title,
        company=result.job.company,
    )


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


def render_artifacts(run: GenerationRun, result: TailoringResult) -> list[Artifact]:
    artifacts: list[Artifact] = []
    if run.kind in {"resume", "both"}:
        pdf = rendering.render_resume_pdf(
            result.resume, template=run.template, paper=run.paper, fit_pages=run.fit_pages
        )
        result.report.notes += pdf.warnings  # e.g. it could not fit the original's page count
        docx = rendering.render_resume_docx(
            result.resume, template=run.template, paper=run.paper, tightened=pdf.tightened
        )
        artifacts += [
            Artifact("resume.pdf", pdf.media_type, pdf.content),
            Artifact("resume.docx", docx.media_type, docx.content),
        ]
    if result.cover_letter is not None:
        pdf = rendering.render_cover_letter_pdf(
            result.cover_letter, template=run.template, paper=run.paper
        )
        docx = rendering.render_cover_letter_docx(
            result.cover_letter, template=run.template, paper=run.paper
        )
        artifacts += [
            Artifact("cover-letter.pdf", pdf.media_type, pdf.content),
            Artifact("cover-letter.docx", docx.media_type, docx.content),
        ]
    return artifacts
