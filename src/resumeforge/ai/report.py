"""The report that goes with a tailored résumé: coverage before and after, changes, reverts,
usage. Everything in it is computed by code from the inputs and outputs."""

from __future__ import annotations

from resumeforge.ai.matching import coverage, prominent_text, resume_text
from resumeforge.ai.providers.base import Usage
from resumeforge.ai.schemas import Change, RejectedEdit, Revert, TailoringReport, UsageRecord
from resumeforge.ai.tailoring import section_names
from resumeforge.resume.schemas import Job, Resume


def usage_record(usage: Usage) -> UsageRecord:
    return UsageRecord(
        provider=usage.provider,
        model=usage.model,
        task=usage.task,
        prompt_tokens=usage.prompt_tokens,
        output_tokens=usage.output_tokens,
        latency_ms=usage.latency_ms,
        cost_usd=float(usage.cost_usd),
        outcome=usage.outcome,
    )


def build_report(
    *,
    source: Resume,
    tailored: Resume,
    job: Job,
    keywords: list[str],
    provider: str,
    model: str,
    changes: list[Change],
    rejected: list[RejectedEdit],
    reverted: list[Revert],
    usage: list[Usage],
) -> TailoringReport:
    return TailoringReport(
        provider=provider,
        model=model,
        job_title=job.title,
        company=job.company,
        keywords=keywords,
        coverage_before=coverage(keywords, resume_text(source)),
        coverage_after=coverage(keywords, resume_text(tailored)),
        prominent_coverage_before=coverage(keywords, prominent_text(source)),
        prominent_coverage_after=coverage(keywords, prominent_text(tailored)),
        changes=changes,
        rejected_edits=rejected,
        reverted=reverted,
        sections_before=section_names(source),
        sections_after=section_names(tailored),
        usage=[usage_record(record) for record in usage],
    )
