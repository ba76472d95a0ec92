"""Entry points of the AI engine: tailor a résumé to a job, with an optional cover letter."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import structlog
from pydantic import BaseModel

from resumeforge.ai.cover_letter import write_cover_letter
from resumeforge.ai.errors import NothingToTailor, ProviderError
from resumeforge.ai.grounding import ground_resume
from resumeforge.ai.jobs_analysis import analyze_job
from resumeforge.ai.matching import job_keywords, resume_text
from resumeforge.ai.providers import build_provider
from resumeforge.ai.providers.base import Provider, Usage
from resumeforge.ai.report import build_report
from resumeforge.ai.schemas import Revert, TailoringReport
from resumeforge.ai.tailoring import apply_edits, tailoring_request
from resumeforge.config import LLMProviderName, Settings, get_settings
from resumeforge.resume.schemas import CoverLetter, Job, Resume

log = structlog.get_logger(__name__)

StageCallback = Callable[[str], Awaitable[None]]
UsageCallback = Callable[[Usage], Awaitable[None]]
MIN_RESUME_CHARACTERS = 40


class TailoringResult(BaseModel):
    resume: Resume
    cover_letter: CoverLetter | None = None
    job: Job
    report: TailoringReport


async def tailor_resume(
    resume: Resume,
    job_text: str,
    *,
    provider: str | None = None,
    cover_letter: bool = False,
    settings: Settings | None = None,
    on_stage: StageCallback | None = None,
    on_usage: UsageCallback | None = None,
    fallback_to_offline: bool = False,
    letter_length: str = "medium",
    letter_tone: str = "professional",
) -> TailoringResult:
    """`resume` tailored to the job in `job_text`, grounded in the résumé, with its report.

    Raises a `ProviderError` subclass when the provider fails for good, unless
    `fallback_to_offline` is set, in which case the offline engine finishes the work.
    """
    settings = settings or get_settings()
    _require_content(resume, job_text)
    name = LLMProviderName(provider) if provider else settings.default_provider
    run = _Run(resume, job_text, on_stage, on_usage, cover_letter, letter_length, letter_tone)
    try:
        return await run.with_provider(build_provider(name, settings))
    except ProviderError as error:
        if not fallback_to_offline or name is LLMProviderName.offline:
            raise
        log.warning("provider failed, falling back to offline", provider=name, error=error.slug)
        result = await run.with_provider(build_provider(LLMProviderName.offline, settings))
        result.report.fell_back_to_offline = True
        result.report.notes.append(f"{name} failed ({error.detail}); used the offline engine")
        return result


def _require_content(resume: Resume, job_text: str) -> None:
    text = resume.meta.source_text.strip() or resume_text(resume)
    if len(text) < MIN_RESUME_CHARACTERS:
        raise NothingToTailor("The résumé has no readable text to tailor.")
    if not job_text.strip():
        raise NothingToTailor("The job description is empty.")


class _Run:
    """One tailoring run's inputs and the usage it gathers across provider calls."""

    def __init__(
        self,
        resume: Resume,
        job_text: str,
        on_stage: StageCallback | None,
        on_usage: UsageCallback | None,
        cover_letter: bool,
        letter_length: str,
        letter_tone: str,
    ) -> None:
        self.resume, self.job_text = resume, job_text
        self.on_stage, self.on_usage = on_stage, on_usage
        self.cover_letter, self.letter_length, self.letter_tone = (
            cover_letter,
            letter_length,
            letter_tone,
        )
        self.usage: list[Usage] = []

    async def record_usage(self, usage: Usage) -> None:
        self.usage.append(usage)
        if self.on_usage is not None:
            await self.on_usage(usage)

    async def stage(self, name: str) -> None:
        if self.on_stage is not None:
            await self.on_stage(name)

    async def with_provider(self, provider: Provider) -> TailoringResult:
        self.usage = []
        await self.stage("analyzing")
        job = await analyze_job(self.job_text, provider, on_usage=self.record_usage)
        keywords = job_keywords(job, self.job_text)
        await self.stage("writing")
        request = tailoring_request(self.resume, job, self.job_text, keywords)
        answer = await provider.generate(request, on_usage=self.record_usage)
        applied = apply_edits(self.resume, answer.output)
        grounded = ground_resume(self.resume, applied.resume, originals=applied.originals)
        letter, letter_reverts, letter_notes = await self.letter(provider, job)
        report = build_report(
            source=self.resume,
            tailored=grounded.resume,
            job=job,
            keywords=keywords,
            provider=provider.name,
            model=answer.model,
            changes=applied.changes,
            rejected=applied.rejected,
            reverted=grounded.reverts,
            usage=self.usage,
        )
        report.cover_letter_reverted = letter_reverts
        report.notes += answer.output.notes[:10]
        report.notes += letter_notes
        return TailoringResult(resume=grounded.resume, cover_letter=letter, job=job, report=report)

    async def letter(
        self, provider: Provider, job: Job
    ) -> tuple[CoverLetter | None, list[Revert], list[str]]:
        if not self.cover_letter:
            return None, [], []
        outcome = await write_cover_letter(
            provider,
            self.resume,
            job,
            self.job_text,
            length=self.letter_length,
            tone=self.letter_tone,
            on_usage=self.record_usage,
        )
        return outcome.letter, outcome.reverted, outcome.notes
