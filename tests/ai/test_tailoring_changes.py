"""Offline tailoring that helps within the truth: readable changes with ids, undoable; a key
skills line of the résumé's own skills; confirmed keywords as the user's; a plain summary."""

from __future__ import annotations

from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.matching import coverage, resume_text
from resumeforge.ai.providers.offline import bullet_pieces
from resumeforge.ai.report import first_read_text
from resumeforge.ai.schemas import TailoringEdits, TextRewrite
from resumeforge.ai.service import realise_plan, tailor_resume
from resumeforge.ai.tailoring import (
    KEY_SKILLS_HEADING,
    KEY_SKILLS_ID,
    apply_edits,
    key_skills_for,
)
from resumeforge.config import load_settings
from resumeforge.resume.schemas import Resume, Skill, Work
from tests.ai.resumes import BACKEND_JOB, sample_resume

SETTINGS = load_settings(llm_provider="offline", gemini_api_key=None)


async def test_every_change_has_an_id_and_readable_before_and_after() -> None:
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS)
    changes = result.report.changes

    assert changes, "the offline engine should change something for a matching job"
    assert len({change.id for change in changes}) == len(changes)
    for change in changes:
        assert change.description.endswith(".")
        assert "[" not in change.before + change.after, change  # no index lists
    bullets = next(c for c in changes if c.id == "bullets:work[0]")
    assert bullets.before.startswith("• Organised the team's weekly")
    assert bullets.after.endswith("• Organised the team's weekly knowledge-sharing sessions.")
    assert "Software Engineer at Harbour Analytics" in bullets.description


async def test_key_skills_line_is_made_of_the_resumes_own_skills_under_the_summary() -> None:
    source = sample_resume()
    result = await tailor_resume(source, BACKEND_JOB, settings=SETTINGS)
    tailored = result.resume

    assert tailored.meta.sections[1].heading == KEY_SKILLS_HEADING
    line = tailored.skills[tailored.meta.sections[1].items[0]].keywords  # type: ignore[index]
    assert {"Python", "FastAPI", "PostgreSQL", "Redis"} <= set(line)
    assert "Kafka" in line  # named in a bullet ("Built Kafka pipelines…"), as written there
    assert "Kubernetes" not in line  # the job asks for it; the résumé never says it
    assert unsupported_facts(resume_text(tailored), SourceFacts.of(source)) == []
    skills_sections = [s for s in tailored.meta.sections if s.kind.value == "skills"]
    assert skills_sections[1].items == [0, 1]  # the old section shows only the old groups
    report = result.report
    assert report.prominent_coverage_after.ratio > report.prominent_coverage_before.ratio
    assert report.coverage_after.ratio == report.coverage_before.ratio


async def test_a_rejected_change_is_left_out_and_listed_as_undone() -> None:
    source = sample_resume()
    first = await tailor_resume(source, BACKEND_JOB, settings=SETTINGS)
    resume, report = realise_plan(source, first.plan, reject={KEY_SKILLS_ID, "bullets:work[0]"})

    assert {c.id for c in report.undone} == {KEY_SKILLS_ID, "bullets:work[0]"}
    assert not {KEY_SKILLS_ID, "bullets:work[0]"} & {c.id for c in report.changes}
    assert resume.work[0].highlights == source.work[0].highlights
    assert all(s.heading != KEY_SKILLS_HEADING for s in resume.meta.sections)
    assert "2 changes were left out" in report.summary


async def test_confirmed_keywords_join_the_skills_as_the_users_and_raise_coverage() -> None:
    source = sample_resume()
    plain = await tailor_resume(source, BACKEND_JOB, settings=SETTINGS)
    assert "Kubernetes" in plain.report.missing_keywords

    confirmed = await tailor_resume(
        source, BACKEND_JOB, settings=SETTINGS, confirmed_keywords=["Kubernetes"]
    )
    report = confirmed.report

    assert "Kubernetes" not in report.missing_keywords
    assert report.coverage_after.ratio > plain.report.coverage_after.ratio
    assert report.confirmed_keywords == ["Kubernetes"]
    change = next(c for c in report.changes if c.kind == "confirmed_keyword")
    assert (change.source, change.after) == ("user", "Kubernetes")
    assert "You told us you have Kubernetes" in report.summary
    assert "Kubernetes" in first_read_text(confirmed.resume)
    assert unsupported_facts(resume_text(confirmed.resume), SourceFacts.of(source)) != []
    facts = SourceFacts.of(confirmed.resume)  # the user's statements are a source
    assert unsupported_facts(resume_text(confirmed.resume), facts) == []


def test_a_rewrite_that_claims_a_missing_job_term_is_reverted() -> None:
    source = sample_resume()
    plan_edits = TailoringEdits(
        rewrites=[
            TextRewrite(
                path="work[1].highlights[1]",
                original=source.work[1].highlights[1],
                text="Wrote PostgreSQL reporting queries with solid data modeling.",
            )
        ]
    )
    from resumeforge.ai.tailoring import without_keyword_claims

    kept, reverts = without_keyword_claims(source, plan_edits, ["data modeling", "postgresql"])

    assert kept.rewrites == []
    assert [(r.kind, r.value) for r in reverts] == [("keyword", "data modeling")]


def test_a_wrapped_paragraph_moves_as_one_piece() -> None:
    bullets = [
        "Led the migration of billing to a new ledger service",
        "and retired the old batch jobs within a quarter.",
        "Ran Python workshops for new hires.",
    ]
    assert bullet_pieces(bullets) == [[0, 1], [2]]
    source = sample_resume()
    source.work[0] = Work(
        name="Harbour Analytics", position="Software Engineer", highlights=bullets
    )
    from resumeforge.ai.jobs_analysis import analyze_job_offline
    from resumeforge.ai.providers.offline import propose_edits

    edits = propose_edits(source, analyze_job_offline(BACKEND_JOB), BACKEND_JOB)
    keep = next(s.keep for s in edits.bullet_selections if s.item == "work[0]")
    assert keep == [2, 0, 1]


async def test_summary_says_in_words_what_changed_the_match_and_what_is_missing() -> None:
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=SETTINGS)
    summary = result.report.summary

    assert summary.startswith("For the Senior Backend Engineer role at Lumen Freight, we ")
    assert "Nothing was reworded." in summary
    assert "key terms" in summary and "as before" in summary
    assert "Still missing: " in summary and "Kubernetes" in summary
    assert "I have this" in summary
    assert "[" not in summary


async def test_summary_says_which_terms_the_resume_answers_in_its_own_words() -> None:
    job = "Title: Data Engineer\nRequirements: strong SQL; a Bachelor's degree; Kafka."

    result = await tailor_resume(sample_resume(), job, settings=SETTINGS)

    assert result.report.coverage_after.answered_by == {
        "SQL": "PostgreSQL",
        "Bachelor's degree": "BSc",
    }
    assert "It counts your PostgreSQL for SQL and your BSc for Bachelor's degree." in (
        result.report.summary
    )


def test_unknown_reject_ids_change_nothing() -> None:
    source = sample_resume()
    applied = apply_edits(source, TailoringEdits(), reject={"no-such-change"})
    assert applied.resume == source and applied.changes == [] and applied.undone == []


def test_missing_must_haves_are_listed_first() -> None:
    from resumeforge.ai.report import must_haves_first
    from resumeforge.resume.schemas import Job

    job = Job(must_have=["Registered General Nurse (RGN)", "NMC registration"])
    missing = ["team player", "nmc registration", "rgn"]

    assert must_haves_first(missing, job) == ["nmc registration", "rgn", "team player"]


def test_a_rewrite_may_use_a_term_the_user_confirmed() -> None:
    from resumeforge.ai.tailoring import with_confirmed_keywords, without_keyword_claims

    source = with_confirmed_keywords(sample_resume(), ["data modeling"])
    edits = TailoringEdits(
        rewrites=[
            TextRewrite(
                path="work[1].highlights[1]",
                original=source.work[1].highlights[1],
                text="Wrote PostgreSQL reporting queries with solid data modeling.",
            )
        ]
    )

    kept, reverts = without_keyword_claims(source, edits, ["data modeling"])

    assert len(kept.rewrites) == 1 and reverts == []


def _resume_with_skills(keywords: list[str], bullets: list[str]) -> Resume:
    source = sample_resume()
    source.skills = [Skill(name="Skills", keywords=keywords)]
    source.work[0].highlights = bullets
    return source


def test_a_key_skill_inside_another_is_listed_once() -> None:
    source = _resume_with_skills(["Research", "User research", "Figma"], ["Ran research weekly."])

    line = key_skills_for(source, ["research", "user research", "figma"])

    assert line == ["User research", "Figma"]


def test_a_listed_narrower_skill_answers_the_broad_term_as_the_resume_prints_it() -> None:
    source = _resume_with_skills(["PostgreSQL", "Figma"], ["Ran the design reviews."])

    # The ad asks for SQL; the résumé's PostgreSQL answers it, and is what the line prints.
    assert key_skills_for(source, ["sql", "figma", "mongodb"]) == ["PostgreSQL", "Figma"]


def test_a_skill_inside_a_listed_phrase_is_taken_alone() -> None:
    source = _resume_with_skills(["Proficient in Python", "C == Go > Rust"], ["Wrote code."])

    assert key_skills_for(source, ["python", "go"]) == ["Python", "Go"]


def test_a_tool_named_only_in_a_bullet_joins_the_key_skills_as_printed() -> None:
    source = _resume_with_skills(["Figma"], ["Built Kibana dashboards for the support team."])

    line = key_skills_for(source, ["Kibana", "dashboards", "project"])

    assert line == ["Kibana"]  # a plain word the ad uses is no tool of the résumé's
    assert unsupported_facts(", ".join(line), SourceFacts.of(source)) == []


def test_a_place_code_is_no_key_skill_and_a_dotted_name_stays_whole() -> None:
    source = _resume_with_skills(["Figma"], ["Moved from Palo Alto, CA, and wrote Node.js."])

    assert key_skills_for(source, ["CA", "js"]) == ["Node.js"]


def test_a_skill_said_only_as_a_deed_counts_but_is_no_key_skill() -> None:
    source = _resume_with_skills(["Figma", "Stakeholder management"], ["Managed 4 projects."])

    line = key_skills_for(source, ["project management", "managing stakeholders"])

    assert coverage(["project management"], resume_text(source)).matched
    assert line == ["Stakeholder management"]


def test_a_list_end_the_parse_left_joined_gives_the_skill_alone() -> None:
    source = _resume_with_skills(["Bootstrap", "terminal, and Github"], ["Wrote code."])

    assert key_skills_for(source, ["GitHub"]) == ["Github"]


def test_a_soft_skill_that_starts_a_compound_is_neither_covered_nor_a_key_skill() -> None:
    source = _resume_with_skills(["Python"], ["Taught serial communication protocols."])

    assert coverage(["communication"], resume_text(source)).matched == []
    assert key_skills_for(source, ["communication", "python"]) == ["Python"]


def test_summary_sentences_are_joined_with_punctuation_and_one_space() -> None:
    from resumeforge.ai.report import joined_sentences

    parts = ["For this job at Harbour Analytics\n\nwe moved things", "", "It  mentions 3 terms."]

    assert joined_sentences(parts) == (
        "For this job at Harbour Analytics we moved things. It mentions 3 terms."
    )


async def test_a_company_name_does_not_run_into_the_next_line_of_the_ad() -> None:
    job = "Backend Engineer at Harbour Analytics\n\nYou will build Python services on AWS."

    result = await tailor_resume(sample_resume(), job, settings=SETTINGS)

    assert result.job.company == "Harbour Analytics"
    assert "Harbour Analytics, we " in result.report.summary
    assert "  " not in result.report.summary
