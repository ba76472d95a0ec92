"""Entry points of the AI engine: tailor a résumé to a job, with an optional cover letter."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Sequence

import structlog
from pydantic import BaseModel

from resumeforge.ai.cover_letter import write_cover_letter
from resumeforge.ai.errors import NothingToTailor, ProviderError
from resumeforge.ai.grounding import ground_resume, user_sourced_facts
from resumeforge.ai.jobs_analysis import analyze_job
from resumeforge.ai.matching import job_keywords, resume_text
from resumeforge.ai.providers import build_provider
from resumeforge.ai.providers.base import Provider, Usage
from resumeforge.ai.report import ReportInputs, build_report
from resumeforge.ai.schemas import Revert, TailoringEdits, TailoringReport
from resumeforge.ai.tailoring import (
    add_key_skills,
    apply_edits,
    surviving_changes,
    tailoring_request,
    with_confirmed_keywords,
    without_keyword_claims,
)
from resumeforge.config import LLMProviderName, Settings, get_settings
from resumeforge.resume.checks import require_tailorable
from resumeforge.resume.schemas import CoverLetter, Job, Resume

log = structlog.get_logger(__name__)

StageCallback = Callable[[str], Awaitable[None]]
UsageCallback = Callable[[Usage], Awaitable[None]]
MIN_RESUME_CHARACTERS = 40


class TailoringPlan(BaseModel):
    """What a run decided, kept so a revision can replay it without calling a provider."""

    provider: str
    model: str
    job: Job
    keywords: list[str]
    edits: TailoringEdits
    cover_letter: CoverLetter | None = None
    cover_letter_reverted: list[Revert] = []
    notes: list[str] = []
    fell_back_to_offline: bool = False


class TailoringResult(BaseModel):
    resume: Resume
    cover_letter: CoverLetter | None = None
    job: Job
    report: TailoringReport
    plan: TailoringPlan


def realise_plan(
    source: Resume,
    plan: TailoringPlan,
    *,
    reject: Collection[str] = (),
    usage: Sequence[Usage] = (),
    revision: int = 0,
) -> tuple[Resume, TailoringReport]:
    """The plan's edits applied to `source` (less the `reject`ed changes), grounded, reported.

    Pure and cheap: a first run and every revision of it go through here alike.
    """
    edits, keyword_claims = without_keyword_claims(source, plan.edits, plan.keywords)
    applied = apply_edits(source, edits, reject=reject)
    grounded = ground_resume(source, applied.resume, originals=applied.originals)
    key_skills = add_key_skills(grounded.resume, plan.keywords, reject=reject)
    report = build_report(
        ReportInputs(
            source=source,
            tailored=key_skills.resume,
            job=plan.job,
            keywords=plan.keywords,
            provider=plan.provider,
            model=plan.model,
            changes=surviving_changes(applied.changes, grounded.resume) + key_skills.changes,
            rejected=applied.rejected,
            reverted=keyword_claims + grounded.reverts,
            usage=list(usage),
            undone=applied.undone + key_skills.undone,
            revision=revision,
        )
    )
    report.cover_letter_reverted = plan.cover_letter_reverted
    report.from_user = user_sourced_facts(source, key_skills.resume)
    report.notes += plan.notes
    report.fell_back_to_offline = plan.fell_back_to_offline
    return key_skills.resume, report


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
    confirmed_keywords: Sequence[str] = (),
) -> TailoringResult:
    """`resume` tailored to the job in `job_text`, grounded in the résumé, with its report.

    `confirmed_keywords` are terms the user states are true of them: they join the source as
    the user's statements. Raises a `ProviderError` subclass when the provider fails for good,
    unless `fallback_to_offline` is set, in which case the offline engine finishes the work.
    """
    settings = settings or get_settings()
    _require_content(resume, job_text)
    resume = with_confirmed_keywords(resume, confirmed_keywords)
    name = LLMProviderName(provider) if provider else settings.default_provider
    run = _Run(resume, job_text, on_stage, on_usage, cover_letter, letter_length, letter_tone)
    try:
        return await run.with_provider(build_provider(name, settings))
    except ProviderError as error:
        if not fallback_to_offline or name is LLMProviderName.offline:
            raise
        log.warning("provider failed, falling back to offline", provider=name, error=error.slug)
        result = await run.with_provider(
            build_provider(LLMProviderName.offline, settings),
            fell_back=f"{name} failed ({error.detail}); used the offline engine",
        )
        return result


def _require_content(resume: Resume, job_text: str) -> None:
    require_tailorable(resume)
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

    async def with_provider(self, provider: Provider, *, fell_back: str = "") -> TailoringResult:
        self.usage = []
        await self.stage("analyzing")
        job = await analyze_job(self.job_text, provider, on_usage=self.record_usage)
        keywords = job_keywords(job, self.job_text)
        await self.stage("writing")
        request = tailoring_request(self.resume, job, self.job_text, keywords)
        answer = await provider.generate(request, on_usage=self.record_usage)
        letter, letter_reverts, letter_notes = await self.letter(provider, job)
        plan = TailoringPlan(
            provider=provider.name,
            model=answer.model,
            job=job,
            keywords=keywords,
            edits=answer.output,
            cover_letter=letter,
            cover_letter_reverted=letter_reverts,
            notes=answer.output.notes[:10] + letter_notes + ([fell_back] if fell_back else []),
            fell_back_to_offline=bool(fell_back),
        )
        resume, report = realise_plan(self.resume, plan, usage=self.usage)
        return TailoringResult(
            resume=resume, cover_letter=letter, job=job, report=report, plan=plan
        )

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
