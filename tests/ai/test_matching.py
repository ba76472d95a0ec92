"""Keyword coverage: what counts as the résumé naming a job's term."""

from __future__ import annotations

import pytest

from resumeforge.ai.keywords import (
    canonical_skill,
    narrower_skills,
    skill_vocabulary,
    vocabulary_lines,
)
from resumeforge.ai.matching import (
    coverage,
    coverage_text,
    defined_acronyms,
    job_keywords,
    resume_coverage,
)
from resumeforge.resume.schemas import Education, Job, Location, Resume
from tests.ai.resumes import sample_resume


def test_an_acronym_the_ad_prints_counts_only_where_the_resume_prints_it_in_capitals() -> None:
    text = "Made it faster for the start of term.\nRan the IT help desk."

    assert coverage(["IT", "START", "CBT"], text).matched == ["IT"]
    assert coverage(["IT"], "Made it faster.").matched == []


def test_a_known_skill_written_in_capitals_still_matches_any_case() -> None:
    assert coverage(["SQL", "postgresql"], "Wrote sql against Postgres.").matched == [
        "SQL",
        "postgresql",
    ]


def test_two_capitals_after_a_place_are_its_state_not_the_ads_acronym() -> None:
    # The ad's CA is a Chartered Accountant; the résumé's is California.
    assert coverage(["CA"], "Software Engineer, Initech\nOakland, CA").matched == []
    assert coverage(["CA"], "Qualified as a CA in 2019; member of ICAS.").matched == ["CA"]
    assert coverage(["CA"], "Certifications: ACCA, CA").matched == ["CA"]


def test_a_link_names_a_site_not_a_skill() -> None:
    text = "Portfolio: https://github.com/someone/site and gitlab.com/someone\nUsed GitLab CI."

    assert coverage(["GitHub", "GitLab CI"], text).matched == ["GitLab CI"]


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Managed key stakeholders across three sites.", "stakeholder management"),
        ("Managed 4 projects end to end.", "project management"),
        ("Management of client accounts for the region.", "account management"),
        ("Analysed data from three clinical trials.", "data analysis"),
        ("Supported adults with challenging behavior.", "challenging behaviours"),
        ("Full driving license.", "driving licence"),
        ("Ran the community center's youth club.", "community centre"),
        ("Joined the on call rota.", "on-call"),
        ("Managing change across two hospitals.", "change management"),
        ("Managed risk.", "risk management"),
    ],
)
def test_a_term_said_in_other_words_is_covered(text: str, keyword: str) -> None:
    assert coverage([keyword], text).matched == [keyword]


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Managed to ship every release on time.", "project management"),
        ("Managed AWS accounts for the platform team.", "account management"),
        ("Managed time-series data at scale.", "time management"),
        ("Managed the data team of six.", "data management"),
        ("Analysed the results.", "data analysis"),
        ("Worked a 40-hour week.", "hor"),
    ],
)
def test_a_near_miss_in_other_words_is_not_covered(text: str, keyword: str) -> None:
    assert coverage([keyword], text).matched == []


def test_an_acronym_the_ad_defines_is_covered_in_either_spelling() -> None:
    ad = "Essential: Cognitive Behavioural Therapy (CBT) and Python. Desirable: CBT supervision."
    job = Job(keywords=["CBT", "Cognitive Behavioural Therapy", "Python"])

    keywords = job_keywords(job, ad)

    assert keywords == ["Cognitive Behavioural Therapy (CBT)", "Python"]
    assert coverage(keywords, "Delivered cognitive behavioural therapy.").matched == keywords[:1]
    assert coverage(keywords, "Qualified in CBT, 2019.").matched == keywords[:1]
    # Still an acronym: the everyday word in lower case is not it.
    assert coverage(["Structured Training Approach (START)"], "A fresh start.").matched == []


def test_a_bracket_whose_initials_do_not_spell_it_defines_nothing() -> None:
    assert defined_acronyms("Strong SQL (MySQL) and cloud skills (AWS).") == {}


def test_a_plural_noun_is_not_its_adjective() -> None:
    assert (
        coverage(["Financials", "logistics"], "Built financial and logistic models.").matched == []
    )
    assert coverage(["risk assessments"], "Wrote a risk assessment.").matched == [
        "risk assessments"
    ]


def test_places_and_contact_details_cover_no_term() -> None:
    resume = sample_resume()
    resume.basics.location = Location(city="Sacramento", region="CA")
    resume.work[0].location = "CA"
    resume.basics.email = "kafka.fan@example.com"

    text = coverage_text(resume)

    assert coverage(["CA", "Sacramento"], text).matched == []
    assert "example.com" not in text
    assert resume.work[0].name in text  # the employer is content


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("Taught lectures on serial communication protocols.", []),
        ("Incorporated new business logic.", []),
        ("Curated training data for the model.", []),
        ("Strong communication skills.", ["communication"]),
        ("Skills: Communication, Leadership", ["communication", "leadership"]),
        ("Won new business across the north.", ["new business"]),
        ("Delivered training to new staff.", ["training"]),
    ],
)
def test_a_skill_whose_compounds_mean_something_else_counts_only_alone(
    text: str, covered: list[str]
) -> None:
    keywords = ["communication", "new business", "training", "leadership"]

    assert coverage(keywords, text).matched == covered


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Tuned slow queries in PostgreSQL.", "SQL"),
        ("Reporting in Excel and Word.", "Microsoft Office"),
        ("Built the storefront in Next.js.", "JavaScript"),
        ("Services on EKS behind an ALB.", "AWS"),
        ("Pipelines in GitHub Actions.", "CI/CD"),
        ("Registered General Nurse, ten years on surgical wards.", "nursing"),
    ],
)
def test_a_narrower_skill_answers_the_broad_one_it_implies(text: str, keyword: str) -> None:
    assert coverage([keyword], text).matched == [keyword]


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Wrote SQL reports.", "PostgreSQL"),  # the relation runs one way only
        ("Kept data in PostgreSQL.", "NoSQL"),
        ("Senior Engineer, Oracle.", "SQL"),  # an employer, not a database
        ("Sorted a list with a lambda.", "AWS"),
        ("Microsoft Office user.", "Excel"),
    ],
)
def test_a_broad_or_unrelated_skill_does_not_answer_a_narrower_one(text: str, keyword: str) -> None:
    assert coverage([keyword], text).matched == []


def test_every_implication_names_vocabulary_skills_and_none_implies_itself() -> None:
    canonical = {term.canonical for term in skill_vocabulary()}
    for line in vocabulary_lines("broader_skills.txt"):
        broad, _, narrower = line.partition(":")
        names = [broad.strip(), *(name.strip() for name in narrower.split(","))]
        assert [name for name in names if name not in canonical] == [], line
        assert canonical_skill(broad) not in narrower_skills(broad), line


@pytest.mark.parametrize(
    ("degrees", "asked", "answered"),
    [
        (["B.S."], "Bachelor's Degree", True),
        (["MEng in Computer Science"], "a degree", True),
        (["Bachelor of Science, Physics"], "Masters degree", False),
        (["Master of Science (M.S.)", "BA"], "MSc", True),
        (["Master student", "Abitur"], "University degree", False),  # not held yet
        (["BSc"], "degree in Finance", False),  # a subject asked: matched as words only
    ],
)
def test_a_bare_degree_ask_is_answered_by_the_education_level(
    degrees: list[str], asked: str, answered: bool
) -> None:
    resume = Resume(education=[Education(studyType=degree) for degree in degrees])

    assert resume_coverage([asked], resume).matched == ([asked] if answered else [])


def test_ms_office_in_the_skills_is_no_masters_degree() -> None:
    resume = sample_resume()
    resume.education = []
    resume.skills[0].keywords.append("MS Office")

    assert resume_coverage(["Masters degree", "Microsoft Office"], resume).matched == [
        "Microsoft Office"
    ]
