"""Cover letters: the letter check, the offline letter in the ad's language, the repair of a
model letter that fails the check, and every corpus résumé × job offline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from resumeforge.ai.cover_letter import grounded_cover_letter
from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.jobs_analysis import analyze_job_offline
from resumeforge.ai.keywords import sentences
from resumeforge.ai.letter_check import letter_problems, sentence_problems
from resumeforge.ai.offline_letter import draft_cover_letter_offline, letter_facts, letter_phrases
from resumeforge.ai.service import tailor_resume
from resumeforge.config import Settings, load_settings
from resumeforge.documents.parsing import parse_document
from resumeforge.resume.schemas import Basics, CoverLetter, Education, Job, Resume, Skill, Work
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
        # A Spanish past ending ("coordiné") is no verb in a French or German name.
        ("Université de Lyon.", "no verb"),
        ("Meine neue Datei.", "no verb"),
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
    assert "I currently work as a Software Engineer at Harbour Analytics." in body
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
    assert "I currently work as a Software Engineer at Harbour Analytics." in body
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


# One made-up ad per language the letter is written in.
ADS_BY_LANGUAGE = {
    "en": BACKEND_JOB,
    "de": GERMAN_AD,
    "fr": """Poste : Développeur logiciel
La société Rivebleue Informatique recherche un développeur logiciel pour son équipe à Lyon.
Votre profil : expérience avec Java, SQL et JavaScript, connaissance de Git.
Nous offrons un contrat à durée indéterminée et du télétravail partiel.
""",
    "es": """Puesto: Analista de datos
Soluciones Atlántico busca un analista de datos para su oficina de Valencia.
Requisitos: experiencia con SQL, Python y Excel, capacidad de trabajo en equipo.
Ofrecemos contrato indefinido y horario flexible.
""",
    "pt": """Vaga: Assistente administrativo
A Horizonte Serviços está contratando um assistente administrativo para a sua unidade.
Requisitos: ensino médio completo e conhecimento de Excel e Word.
Oferecemos vale-transporte e plano de saúde.
""",
    "it": """Posizione: Ingegnere del software
Colline Tech cerca un ingegnere del software per il proprio team di Torino.
Requisiti: esperienza con Java, Python e SQL, conoscenza di Git e Docker.
Offriamo un contratto a tempo indeterminato.
""",
}


def test_every_corpus_resume_gets_a_letter_in_each_language_that_passes_the_check() -> None:
    resumes = [_parsed(path) for path in corpus_resumes() + corpus_resumes("resumes-more")]
    failures = []
    for language, ad in ADS_BY_LANGUAGE.items():
        job = analyze_job_offline(ad)
        assert job.language == language
        for resume in resumes:
            letter, reverted = grounded_cover_letter(
                draft_cover_letter_offline(resume, job), resume, job
            )
            problems = letter_problems(letter, letter_facts(resume, job))
            if problems or reverted:
                failures.append((language, resume.basics.name, problems, reverted))
    assert failures == []


def _parsed(path: Path) -> Resume:
    return parse_document(path.read_bytes(), filename=path.name).resume


async def test_offline_tailoring_uses_the_letter_it_checked() -> None:
    settings = load_settings(llm_provider="offline")

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=settings, cover_letter=True)

    assert result.cover_letter is not None
    job = result.job
    assert letter_problems(result.cover_letter, letter_facts(sample_resume(), job)) == []


def _body(resume: Resume, job: Job, length: str = "medium") -> list[str]:
    letter, reverted = grounded_cover_letter(
        draft_cover_letter_offline(resume, job, length=length), resume, job
    )
    assert reverted == []
    assert letter_problems(letter, letter_facts(resume, job)) == []
    return letter.paragraphs


def test_a_medium_letter_tells_the_roles_the_skills_and_the_degree() -> None:
    paragraphs = _body(sample_resume(), analyze_job_offline(BACKEND_JOB))

    assert len(paragraphs) == 4
    opening, roles, background, last = paragraphs
    assert opening.endswith(". I enjoy mentoring junior engineers and writing clear documentation.")
    assert roles.startswith(
        "I currently work as a Software Engineer at Harbour Analytics. There, I "
    )
    assert " I also " in roles
    assert (
        "Before that, I worked as a Junior Developer at Bluefin Retail. In that role, I " in roles
    )
    assert "as this role requires" in background
    assert "I earned my BSc in Computer Science at the University of Leeds." in background
    english = letter_phrases()["en"]
    assert last == f"{english['thanks']} {english['ask']}"
    assert unsupported_facts(english["ask"], SourceFacts.of(Resume())) == []


def test_lengths_keep_their_meaning() -> None:
    resume, job = sample_resume(), analyze_job_offline(BACKEND_JOB)

    short, medium, long = (_body(resume, job, length) for length in ("short", "medium", "long"))

    assert len(short) == 3 and len(medium) == 4 and len(long) == 5
    assert "Bluefin" not in " ".join(short) and "Bluefin" in long[2]
    assert len(" ".join(short)) < len(" ".join(medium)) < len(" ".join(long))


def test_with_no_skill_the_ad_asks_for_the_letter_names_the_resumes_own() -> None:
    job = analyze_job_offline("Title: Staff Nurse\nWe need a nurse with NMC registration.")

    background = _body(sample_resume(), job)[2]

    assert "as this role requires" not in background
    assert background.startswith("My skills include HTML, CSS, PHP, Python and FastAPI.")


def test_a_broad_skill_the_ad_asks_for_is_answered_with_the_resumes_narrower_one() -> None:
    job = analyze_job_offline("Title: Data Engineer\nRequirements: strong SQL skills.")

    background = _body(sample_resume(), job)[2]

    assert background.startswith("My experience includes PostgreSQL, as this role requires.")


def test_the_skills_named_as_the_resumes_own_are_skills_not_places_or_levels() -> None:
    resume = Resume(
        basics=Basics(name="Ann Lee"),
        skills=[
            Skill(name="Tools", keywords=["Eclipse IDE", "Region Arden", "Werkzeuge"]),
            Skill(name="Languages", keywords=["Englisch(B2)", "Kenntnisse vorhanden", "English"]),
            Skill(name="Other", keywords=["Python", "OVERVIEW", "Quality Engineer"]),
        ],
    )
    job = analyze_job_offline("Title: Staff Nurse\nWe need a nurse with NMC registration.")

    assert _body(resume, job)[1] == "My skills include Python and Eclipse IDE."


def test_the_current_roles_present_tense_bullets_are_said_in_the_present() -> None:
    resume = Resume(
        basics=Basics(name="Tom Hale"),
        work=[
            Work(
                position="Shift Supervisor",
                name="Corner Grocers",
                startDate="2022-03",
                endDate="Present",
                highlights=["Manages the weekly rota for twelve staff.", "Trains new starters."],
            ),
            Work(
                position="Sales Assistant",
                name="Harbour Books",
                startDate="2019-01",
                endDate="2022-02",
                highlights=["Manage stock ordering for the shop.", "Ran the reading club."],
            ),
        ],
    )
    job = analyze_job_offline("Title: Store Manager\nWe are hiring a store manager.")

    roles = _body(resume, job)[1]

    assert "There, I manage the weekly rota for twelve staff." in roles
    assert "I also train new starters." not in roles  # too short to say anything
    assert "Before that, I worked as a Sales Assistant at Harbour Books." in roles
    assert "stock ordering" not in roles  # present tense, but that role has ended
    assert "Harbour Books. In that role, I ran the reading club." in roles


def test_a_title_that_names_only_the_arrangement_gives_the_employer_alone() -> None:
    resume = Resume(
        basics=Basics(name="Ann Lee"),
        work=[
            Work(
                position="Part-time",
                name="Harbour Books",
                highlights=["Ran the children's reading club every Saturday."],
            )
        ],
    )
    job = analyze_job_offline("Title: Librarian\nThe library needs a librarian.")

    roles = _body(resume, job)[1]

    assert (
        roles
        == "I worked at Harbour Books. There, I ran the children's reading club every Saturday."
    )


def test_a_thin_resume_gives_a_short_whole_letter() -> None:
    resume = Resume(
        basics=Basics(name="Ann Lee"), work=[Work(position="Cashier", name="Corner Grocers")]
    )
    job = analyze_job_offline("Title: Cashier\nWe are hiring a cashier.")

    paragraphs = _body(resume, job)

    assert paragraphs[1] == "I worked as a Cashier at Corner Grocers."
    assert len(paragraphs) == 3


def _german_resume() -> Resume:
    return Resume(
        basics=Basics(name="Lena Brandt"),
        work=[
            Work(
                position="Softwareentwicklerin",
                name="Nordlicht Systeme GmbH",
                startDate="2021-04",
                endDate="",
                highlights=[
                    "Entwicklung einer Webanwendung für die Planung von Lieferungen",
                    "Built the deployment pipeline for the team.",
                ],
            ),
            Work(
                position="Werkstudentin",
                name="Hafenblick Logistik",
                startDate="2019-10",
                endDate="2021-03",
                highlights=["Analysierte die Lagerbestände und verbesserte die Planung."],
            ),
        ],
        education=[
            Education(
                studyType="Bachelor of Science", area="Informatik", institution="Hochschule Kiel"
            )
        ],
        skills=[Skill(name="Sprachen", keywords=["Python", "PostgreSQL", "Docker"])],
    )


def test_a_german_ad_gets_a_german_letter_with_the_german_bullets() -> None:
    job = analyze_job_offline(GERMAN_AD)

    body = " ".join(_body(_german_resume(), job))

    assert "Derzeit arbeite ich als Softwareentwicklerin bei Nordlicht Systeme GmbH." in body
    assert "Zu meinen Aufgaben gehört die Entwicklung einer Webanwendung" in body
    assert "Davor war ich als Werkstudentin bei Hafenblick Logistik tätig." in body
    assert (
        "In dieser Funktion analysierte ich die Lagerbestände und verbesserte die Planung." in body
    )
    assert "Meinen Abschluss Bachelor of Science in Informatik habe ich" in body
    assert "deployment" not in body  # an English bullet is not translated


def test_a_french_letter_elides_before_a_vowel() -> None:
    ad = ADS_BY_LANGUAGE["fr"].replace("Développeur logiciel", "Ingénieur logiciel", 1)
    job = analyze_job_offline(ad)

    opening = _body(sample_resume(), job)[0]

    assert job.language == "fr"
    assert "au poste d'Ingénieur logiciel" in opening


@pytest.mark.parametrize("language", sorted(letter_phrases()))
def test_every_phrase_passes_the_check_with_any_field(language: str) -> None:
    fields = {
        "title": "Data Analyst",
        "company": "Acme",
        "position": "Data Analyst",
        "employer": "Acme",
        "highlight": "analysed sales data",
        "skills": "Python and SQL",
        "degree": "BSc Physics",
        "institution": "Acme",
    }
    resume = Resume(basics=Basics(name="Ann Lee"))
    resume.meta.source_text = " ".join(fields.values())
    facts = letter_facts(resume, Job(language=language))
    unfilled = {"greeting", "closing", "and", "degree_in", "name_of_article"}
    for key, phrase in letter_phrases()[language].items():
        if key not in unfilled and phrase:
            assert sentence_problems(phrase.format(**fields), facts) == [], key


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Data Analyst", "a Data Analyst"),
        ("Undergraduate Research Assistant", "an Undergraduate Research Assistant"),
        ("University Lecturer", "a University Lecturer"),
        ("MBA Intern", "an MBA Intern"),
        ("Head of Sales", "Head of Sales"),
        ("Owner & Chef", "Owner & Chef"),
        ("Store Management", "Store Management"),
        ("Software Engineer I", "a Software Engineer I"),
    ],
)
def test_an_english_role_takes_the_article_its_sound_asks_for(title: str, said: str) -> None:
    resume = Resume(basics=Basics(name="Ann Lee"), work=[Work(position=title, name="Acme")])
    job = analyze_job_offline("Title: Analyst\nWe are hiring an analyst.")

    assert _body(resume, job)[1] == f"I worked as {said} at Acme."


@pytest.mark.parametrize(
    ("employer", "said"),
    [
        ("University of Leeds", "the University of Leeds"),
        ("Arden Institute of Technology", "the Arden Institute of Technology"),
        ("Leeds University", "Leeds University"),
        ("Bank of Arden", "Bank of Arden"),
    ],
)
def test_an_english_institution_named_of_a_place_takes_the(employer: str, said: str) -> None:
    resume = Resume(basics=Basics(name="Ann Lee"), work=[Work(position="Tutor", name=employer)])
    job = analyze_job_offline("Title: Tutor\nWe are hiring a tutor.")

    assert _body(resume, job)[1] == f"I worked as a Tutor at {said}."


def test_a_course_a_sentence_start_an_organisation_or_a_clause_left_in_a_role_is_not_written() -> (
    None
):
    resume = Resume(
        basics=Basics(name="Ann Lee"),
        work=[
            Work(position="As the senior planner I", name="Harbour Books"),
            Work(position="Ausbildung zum Koch", name="Nordlicht Handel"),
            Work(position="Verkäufer", name="Am Wochenende bei Hafenblick gearbeitet"),
            Work(position="Nordby Skole", name="Instructor"),
            Work(position="Bookseller", name="Corner Books"),
        ],
        education=[Education(studyType="Master student", area="Physics", institution="Acme")],
    )
    job = analyze_job_offline("Title: Bookseller\nWe are hiring a bookseller.")

    body = " ".join(_body(resume, job))

    assert "I worked as a Bookseller at Corner Books." in body
    assert "planner" not in body and "Ausbildung" not in body and "Wochenende" not in body
    assert "Skole" not in body
    assert "I earned my Master in Physics at Acme." in body
