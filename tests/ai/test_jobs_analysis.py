"""The offline job analysis: the title (a labelled field, the ad's bare headline, then its prose)
and the company as the ad prints it."""

from __future__ import annotations

import pytest

from resumeforge.ai.cover_letter import grounded_cover_letter
from resumeforge.ai.jobs_analysis import analyze_job_offline, headline_title, role_title
from resumeforge.ai.offline_letter import draft_cover_letter_offline
from tests.ai.resumes import sample_resume

BARE_HEADLINE_AD = """Senior Backend Engineer

We are looking for an engineer to build our APIs in Python and FastAPI. You will run
PostgreSQL and Redis in production and review code with a team of six.
"""


@pytest.mark.parametrize(
    ("ad", "title"),
    [
        (BARE_HEADLINE_AD, "Senior Backend Engineer"),
        (
            "Softwareentwicklerin (m/w/d)\n\nDie Lindenhof Software GmbH sucht Verstärkung für "
            "ihr Team in Kassel. Sie entwickeln Dienste mit Java und Kubernetes.\n",
            "Softwareentwicklerin",
        ),
        (
            "Backend-Entwickler (m/w/d) in Bremen\n\nWir bauen Dienste mit Python und "
            "PostgreSQL. Ihre Aufgaben sind Entwurf, Entwicklung und Betrieb.\n",
            "Backend-Entwickler",
        ),
        (
            "Chef de projet informatique H/F\n\nVous piloterez nos projets de migration avec "
            "les équipes de Rennes. Maîtrise de Jira et de SQL souhaitée.\n",
            "Chef de projet informatique",
        ),
        (
            "Contable senior\n\nNuestro despacho de Valencia busca una persona con experiencia "
            "en cierres mensuales y SAP.\n",
            "Contable senior",
        ),
        (
            "Unit Manager - Leeds - £40k\n\nA care home group needs a manager with current NMC "
            "registration and experience of CQC inspections.\n",
            "Unit Manager",
        ),
        ("Role: Data Analyst\nYou will build dashboards in SQL and Looker.\n", "Data Analyst"),
        (
            "Head of Marketing, Bristol, Permanent\n\nYou will lead a team of five and own the "
            "brand budget.\n",
            "Head of Marketing",
        ),
    ],
)
def test_a_bare_headline_is_the_title(ad: str, title: str) -> None:
    assert analyze_job_offline(ad).title == title


@pytest.mark.parametrize(
    "preamble",
    ["About the job", "Job description:", "Copperleaf Analytics Ltd", "Copperleaf Analytics"],
)
def test_board_headings_and_a_company_line_before_the_headline_are_passed_over(
    preamble: str,
) -> None:
    ad = f"{preamble}\nData Analyst\nManchester, UK\n\nYou will build dashboards in SQL.\n"

    assert analyze_job_offline(ad).title == "Data Analyst"


@pytest.mark.parametrize(
    "ad",
    [
        "We need a friendly Baker to start in May at our bakery in York.\nYou will bake bread.",
        "Join our team as a Senior Engineer\nWe build payments software in Go.",
        "Build the future of payments as a Developer\nWe build payments software in Go.",
        "Are you our next Staff Nurse\nThe ward is busy and the team is kind.",
        "- Three years as a Software Engineer\n- Python and SQL",
    ],
)
def test_a_first_line_that_is_a_sentence_or_a_list_gives_no_headline(ad: str) -> None:
    assert headline_title(ad) == ""


def test_a_labelled_title_comes_before_the_headline() -> None:
    ad = "Support Engineer\nTitle: Platform Engineer\nWe run services on AWS.\n"

    assert analyze_job_offline(ad).title == "Platform Engineer"


def test_an_agency_headline_ad_still_names_no_employer() -> None:
    ad = (
        "Staff Nurse, Exeter, £34,000\n\nOur client, a private hospital run by Larkfield "
        "Healthcare Ltd, needs a nurse with NMC registration.\n"
    )

    job = analyze_job_offline(ad)

    assert (job.title, job.company) == ("Staff Nurse", "")


def test_a_role_noun_keeps_its_complement() -> None:
    assert role_title("Director of Nursing, London", "Director of Nursing, London") == (
        "Director of Nursing"
    )
    ad = "Leiterin des Vertriebs (m/w/d)\nDie Firma sucht eine Leiterin des Vertriebs."
    assert role_title("Leiterin des Vertriebs (m/w/d)", ad) == "Leiterin des Vertriebs"


def test_the_offline_letter_names_the_role_of_a_bare_headline() -> None:
    resume, job = sample_resume(), analyze_job_offline(BARE_HEADLINE_AD)

    letter, _ = grounded_cover_letter(draft_cover_letter_offline(resume, job), resume, job)

    assert letter.paragraphs[0].startswith(
        "I am writing to apply for the Senior Backend Engineer position"
    )


def test_the_company_is_spelled_as_the_ad_prints_it_most_often() -> None:
    ad = (
        "Title: Payroll Analyst\nCompany: Brightwell\n\nBrightWell is growing. At BrightWell "
        "you will run payroll; BrightWell offers hybrid work."
    )

    assert analyze_job_offline(ad).company == "BrightWell"


@pytest.mark.parametrize(
    ("ad", "company"),
    [
        (
            "Data Engineer (m/w/d)\n\nNordlicht Daten GmbH\n\nWir suchen Verstärkung.",
            "Nordlicht Daten GmbH",
        ),
        ("Wir suchen einen Entwickler (m/w/d) für unser Team.", ""),
        ("We are hiring a nurse for our ward.", ""),
    ],
)
def test_a_company_line_names_the_employer_and_a_pronoun_names_none(ad: str, company: str) -> None:
    assert analyze_job_offline(ad).company == company


def test_the_article_after_an_italian_hiring_verb_is_not_part_of_the_role() -> None:
    ad = "Officina Meridiana cerca uno sviluppatore backend. Esperienza con Java."

    assert analyze_job_offline(ad).title == "sviluppatore backend"


def test_a_name_with_a_legal_form_in_the_prose_is_the_company_and_no_keyword() -> None:
    ad = (
        "Platform Engineer (m/w/d)\n\nDie Nordlicht Cloud GmbH betreibt Plattformen für Kunden."
        "\n\nDein Profil:\n- Erfahrung mit Kubernetes und Terraform"
    )

    job = analyze_job_offline(ad)

    assert job.company == "Nordlicht Cloud GmbH"
    assert not [term for term in job.keywords if "Nordlicht" in term]


def test_a_location_field_stops_at_the_next_field_on_its_line() -> None:
    ad = "Warehouse Team Leader - Night Shift\nLocation: Bedford | £32,000 | Permanent\n\nFLT."

    job = analyze_job_offline(ad)

    assert (job.title, job.location) == ("Warehouse Team Leader", "Bedford")


@pytest.mark.parametrize(
    ("ad", "title"),
    [
        ("Join Initech Ltd as a payroll clerk. Experience with Sage.", "payroll clerk"),
        (
            "Come and join our friendly team as Senior Staff Nurse on the ward.",
            "Senior Staff Nurse",
        ),
        ("Join us as soon as you can: we need help.", ""),
    ],
)
def test_the_role_after_join_as_is_the_title(ad: str, title: str) -> None:
    assert analyze_job_offline(ad).title == title


def test_keywords_are_spelled_as_the_ad_prints_them() -> None:
    ad = "Requirements:\n- Experience with AWS, Postgres and CI/CD; Docker a plus"

    keywords = analyze_job_offline(ad).keywords

    assert {"AWS", "Postgres", "CI/CD", "Docker"} <= set(keywords)
    assert not {"aws", "postgresql", "ci/cd", "docker"} & set(keywords)
