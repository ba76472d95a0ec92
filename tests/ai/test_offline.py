"""The offline engine: deterministic, relevant first, and never inventing anything."""

from __future__ import annotations

from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.jobs_analysis import analyze_job_offline
from resumeforge.ai.matching import resume_text
from resumeforge.ai.service import tailor_resume
from resumeforge.ai.tailoring import key_skills_for
from resumeforge.config import load_settings
from resumeforge.documents.parsing import parse_document
from tests.ai.resumes import BACKEND_JOB, INJECTION_JOB, sample_resume
from tests.corpus import corpus_jobs, corpus_resumes

SETTINGS = load_settings(llm_provider="offline", gemini_api_key=None)


async def test_offline_tailoring_puts_relevant_bullets_first() -> None:
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS)

    first_job = result.resume.work[0]
    assert first_job.highlights[-1] == "Organised the team's weekly knowledge-sharing sessions."
    assert result.resume.skills[0].name == "Backend"
    assert result.resume.skills[0].keywords[0] == "Python"
    assert result.resume.projects[0].name == "queue-bench"
    assert result.report.provider == "offline"


async def test_offline_tailoring_reverts_nothing_and_keeps_every_section() -> None:
    source = sample_resume()
    result = await tailor_resume(source, BACKEND_JOB, settings=SETTINGS, cover_letter=True)

    assert result.report.reverted == []
    assert result.report.cover_letter_reverted == []
    assert set(result.report.sections_after) == set(result.report.sections_before)
    assert result.resume.basics.model_dump() | {"summary": ""} == source.basics.model_dump() | {
        "summary": ""
    }
    facts = SourceFacts.of(source)
    assert unsupported_facts(resume_text(result.resume), facts) == []


async def test_offline_prominent_coverage_does_not_drop() -> None:
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS)
    report = result.report

    assert report.coverage_after.ratio == report.coverage_before.ratio
    assert report.prominent_coverage_after.ratio > report.prominent_coverage_before.ratio


async def test_offline_tailoring_is_deterministic() -> None:
    first = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS)
    second = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS)

    assert first.resume == second.resume


async def test_prompt_injection_in_job_changes_nothing_that_survives() -> None:
    result = await tailor_resume(
        sample_resume(), INJECTION_JOB, settings=SETTINGS, cover_letter=True
    )

    everything = resume_text(result.resume) + "\n".join(result.cover_letter.paragraphs)
    for invented in ("CEO", "Google", "PhD", "Stanford", "40%"):
        assert invented not in everything


async def test_offline_cover_letter_uses_the_resume_and_the_job() -> None:
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS, cover_letter=True)
    letter = result.cover_letter

    assert letter is not None
    assert letter.sender.email == "mira.okafor@example.org"
    assert "Lumen Freight" in letter.paragraphs[0]
    assert any("Harbour Analytics" in paragraph for paragraph in letter.paragraphs)


async def test_stages_and_usage_are_reported() -> None:
    stages: list[str] = []
    usages = []

    async def on_stage(stage: str) -> None:
        stages.append(stage)

    async def on_usage(usage: object) -> None:
        usages.append(usage)

    await tailor_resume(
        sample_resume(), BACKEND_JOB, settings=SETTINGS, on_stage=on_stage, on_usage=on_usage
    )

    assert stages == ["analyzing", "writing"]
    assert [usage.task for usage in usages] == ["analyze_job", "tailor_resume"]
    assert all(usage.outcome == "ok" for usage in usages)


def test_title_and_company_are_read_from_plain_prose() -> None:
    job = analyze_job_offline("Senior Data Engineer at Acme Inc. Build pipelines in Python.")
    assert (job.title, job.company) == ("Senior Data Engineer", "Acme Inc")
    joined = analyze_job_offline("Join Globex as a platform engineer; we run Kubernetes.")
    assert joined.company == "Globex"
    vague = analyze_job_offline("We are looking for a Senior Engineer to join our team at scale.")
    assert (vague.title, vague.company) == ("Senior Engineer", "")


async def test_on_every_corpus_pair_a_stated_skill_not_read_first_comes_up() -> None:
    """Where a job term the résumé states as a skill or tool is not read first, tailoring puts
    one there; read-first coverage never falls, and nothing is invented."""
    jobs = [path.read_text("utf-8") for path in corpus_jobs()]
    failures = []
    for path in corpus_resumes():
        source = parse_document(path.read_bytes(), filename=path.name).resume
        facts = SourceFacts.of(source)
        for index, job_text in enumerate(jobs):
            result = await tailor_resume(source, job_text, settings=SETTINGS)
            report = result.report
            invented = unsupported_facts(resume_text(result.resume), facts)
            before = set(report.prominent_coverage_before.matched)
            after = set(report.prominent_coverage_after.matched)
            not_read_first = [k for k in report.coverage_before.matched if k not in before]
            stated = key_skills_for(source, not_read_first)
            if (stated and not after - before) or len(after) < len(before) or invented:
                failures.append((path.name, index, stated, sorted(before), sorted(after), invented))
    assert failures == []
