"""Cover letters: the letter check, the offline letter in the ad's language, the repair of a
model letter that fails the check, and every corpus résumé × job offline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from resumeforge.ai.cover_letter import (
    draft_cover_letter_offline,
    grounded_cover_letter,
    letter_facts,
)
from resumeforge.ai.grounding import SourceFacts
from resumeforge.ai.jobs_analysis import analyze_job_offline
from resumeforge.ai.keywords import sentences
from resumeforge.ai.letter_check import letter_problems, sentence_problems
from resumeforge.ai.service import tailor_resume
from resumeforge.config import Settings, load_settings
from resumeforge.documents.parsing import parse_document
from resumeforge.resume.schemas import Basics, CoverLetter, Resume, Work
from tests.ai.fake_llm import GOOD_EDITS, FakeLLM, Reply
from tests.ai.resumes import BACKEND_JOB, sample_resume
from tests.ai.test_gemini import gemini_settings
from tests.corpus import corpus_jobs, corpus_resumes

GERMAN_AD = """Titel: Backend-Entwickler (m/w/d)
Die Nordwind Software GmbH sucht einen Backend-Entwickler für ihr Team in Hamburg.
Ihr Profil:
- Erfahrung mit Python und FastAPI
- Sehr gute Kenntnisse in PostgreSQL und Redis
Wir bieten: 30 Tage Urlaub.
"""


def _patient_gemini(fake: FakeLLM) -> Settings:
    # A generous timeout: a call that timed out under load would be retried and use up the
    # scripted replies out of turn.
    return gemini_settings(fake, llm_timeout_seconds=10.0)


@pytest.fixture
def facts() -> SourceFacts:
    return SourceFacts.of(sample_resume())


@pytest.mark.parametrize(
    ("sentence", "problem"),
    [
        ("As Representative at I recruited and trained a sales team.", "dangling"),
        ("In my work, my work included: 2015 - 2018.", "date fragment"),
        ("2015 - 2018.", "fragment"),
        ("I am writing to apply for the the role.", "repeats the word"),
        ("Python, FastAPI and Redis.", "no verb"),
        ("built Kafka pipelines for the team.", "capital"),
        ("I built Kafka pipelines for the team", "punctuation"),
        ("I would like to contribute at .", "dangling"),
        ("As CEO of Google I grew revenue by 40%.", "the résumé does not"),
    ],
)
def test_the_check_names_what_is_wrong(sentence: str, problem: str, facts: SourceFacts) -> None:
    found = [p.problem for p in sentence_problems(sentence, facts)]
    assert any(problem in p for p in found), found


def test_the_check_passes_a_sentence_a_person_would_write(facts: SourceFacts) -> None:
    assert sentence_problems("At Harbour Analytics I built Kafka pipelines.", facts) == []


def test_the_check_wants_a_body_a_signature_and_no_repeats(facts: SourceFacts) -> None:
    said = "I built Kafka pipelines at Harbour Analytics."
    letter = CoverLetter(paragraphs=[said, said], closing="Sincerely,", name="")

    problems = [p.problem for p in letter_problems(letter, facts)]

    assert "the letter is not signed with a name" in problems
    assert "the sentence is repeated" in problems
    assert "the letter has no body" in [p.problem for p in letter_problems(CoverLetter(), facts)]


def test_a_whole_line_left_in_a_job_title_is_not_written_into_the_letter() -> None:
    # A parse that put "Internship, Acme Group, Linz." in the title and a project in the
    # employer: the letter names the next role it can say cleanly instead.
    resume = Resume(
        basics=Basics(name="Mira Okafor"),
        work=[
            Work(position="Internship, Acme Group, Linz.", name="Building a sorting robot"),
            Work(position="Building a test rig", name="Internship, Acme Group, Linz."),
            Work(position="Data Analyst", name="Harbour Analytics", startDate="2019-01"),
        ],
    )
    job = analyze_job_offline(BACKEND_JOB)
    letter, _ = grounded_cover_letter(draft_cover_letter_offline(resume, job), resume, job)
    body = " ".join(letter.paragraphs)
    assert "Linz" not in body and "sorting robot" not in body and "test rig" not in body
    assert "Data Analyst at Harbour Analytics" in body
    assert letter_problems(letter, letter_facts(resume, job)) == []


def test_offline_letter_is_whole_sentences_in_the_candidates_voice() -> None:
    resume = sample_resume()
    job = analyze_job_offline(BACKEND_JOB)

    letter, reverted = grounded_cover_letter(
        draft_cover_letter_offline(resume, job), resume, job, today=date(2026, 12, 1)
    )

    assert reverted == []
    assert letter_problems(letter, letter_facts(resume, job)) == []
    body = " ".join(letter.paragraphs)
    assert body.startswith("I am writing to apply for the Senior Backend Engineer position at")
    assert "I currently work as Software Engineer at Harbour Analytics." in body
    assert "There, I " in body and "Python" in body
    assert letter.name == "Mira Okafor" and letter.closing == "Sincerely,"


def test_offline_letter_is_written_in_the_ads_language() -> None:
    resume = sample_resume()
    job = analyze_job_offline(GERMAN_AD)

    letter, _ = grounded_cover_letter(draft_cover_letter_offline(resume, job), resume, job)

    assert job.language == "de"
    assert letter.greeting == "Sehr geehrte Damen und Herren,"
    body = " ".join(letter.paragraphs)
    assert "Hiermit bewerbe ich mich um die Stelle als Backend-Entwickler" in body
    assert "Nordwind Software GmbH" in body
    assert "I am writing" not in body and "There, I" not in body
    assert letter.closing == "Mit freundlichen Grüßen" and letter.name == "Mira Okafor"
    assert letter_problems(letter, letter_facts(resume, job)) == []


def test_thin_facts_make_a_shorter_letter_never_a_broken_one() -> None:
    # A parse that left a date as the position and a bullet fragment as the only highlight.
    resume = Resume(
        basics=Basics(name="SAM RIVERS"),
        work=[Work(name="Acme", position="2015 - 2018:", highlights=["• door to door, at"])],
    )
    job = analyze_job_offline("We are hiring a Sales Representative.")

    letter, _ = grounded_cover_letter(draft_cover_letter_offline(resume, job), resume, job)

    assert letter_problems(letter, letter_facts(resume, job)) == []
    assert 2 <= len(letter.paragraphs) <= 3
    assert "2015" not in " ".join(letter.paragraphs)
    assert letter.name == "Sam Rivers"


async def test_a_failing_model_letter_is_repaired_once(fake_llm: FakeLLM) -> None:
    broken = {"greeting": "Dear Hiring Manager,", "paragraphs": ["2015 - 2018."], "closing": ""}
    fixed = {
        "greeting": "Dear Hiring Manager,",
        "paragraphs": ["At Harbour Analytics I built Kafka pipelines for shipment events."],
        "closing": "Kind regards,",
    }
    fake_llm.script = [Reply(text=json.dumps({"title": "Senior Backend Engineer"}))]
    fake_llm.script += [Reply(text=json.dumps(GOOD_EDITS))]
    fake_llm.script += [Reply(text=json.dumps(broken)), Reply(text=json.dumps(fixed))]

    result = await tailor_resume(
        sample_resume(), BACKEND_JOB, settings=_patient_gemini(fake_llm), cover_letter=True
    )

    assert result.cover_letter is not None
    assert result.cover_letter.paragraphs == fixed["paragraphs"]
    repair_prompts = [seen.text for seen in fake_llm.seen if "cannot be sent" in seen.text]
    assert len(repair_prompts) == 1 and "a fragment, not a sentence" in repair_prompts[0]


async def test_a_letter_still_failing_after_repair_is_the_offline_letter(
    fake_llm: FakeLLM,
) -> None:
    invented = {
        "greeting": "Dear Hiring Manager,",
        "paragraphs": ["As CEO of Google I grew revenue by 40%.", "I won the Turing Award."],
        "closing": "Sincerely,",
    }
    fake_llm.script = [Reply(text=json.dumps({"title": "Senior Backend Engineer"}))]
    fake_llm.script += [Reply(text=json.dumps(GOOD_EDITS))]
    fake_llm.script += [Reply(text=json.dumps(invented))] * 2

    result = await tailor_resume(
        sample_resume(), BACKEND_JOB, settings=_patient_gemini(fake_llm), cover_letter=True
    )

    assert result.cover_letter is not None
    body = " ".join(result.cover_letter.paragraphs)
    assert "Google" not in body and "Turing" not in body
    assert "I currently work as Software Engineer at Harbour Analytics." in body
    assert any("offline engine" in note for note in result.report.notes)
    assert len([s for s in fake_llm.seen if "cover letter" in s.text.lower()]) == 2


def test_every_corpus_resume_and_job_gets_a_letter_that_passes_the_check() -> None:
    resumes = {path.name: _parsed(path) for path in corpus_resumes()}
    jobs = {path.name: analyze_job_offline(path.read_text("utf-8")) for path in corpus_jobs()}
    failures = []
    for resume_name, resume in resumes.items():
        for job_name, job in jobs.items():
            for length in ("short", "medium", "long"):
                draft = draft_cover_letter_offline(resume, job, length=length)
                letter, reverted = grounded_cover_letter(draft, resume, job)
                problems = letter_problems(letter, letter_facts(resume, job))
                if problems or reverted or len(sentences(" ".join(letter.paragraphs))) < 2:
                    failures.append((resume_name, job_name, length, problems, reverted))
    assert len(resumes) * len(jobs) >= 150
    assert failures == []


def _parsed(path: Path) -> Resume:
    return parse_document(path.read_bytes(), filename=path.name).resume


async def test_offline_tailoring_uses_the_letter_it_checked() -> None:
    settings = load_settings(llm_provider="offline")

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=settings, cover_letter=True)

    assert result.cover_letter is not None
    job = result.job
    assert letter_problems(result.cover_letter, letter_facts(sample_resume(), job)) == []
