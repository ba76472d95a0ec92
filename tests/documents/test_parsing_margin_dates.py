"""Dates printed in a rail beside an entry's bullets are the entry's, not the bullet's."""

from __future__ import annotations

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.entries import is_duration
from resumeforge.resume.schemas import Resume
from tests.documents.files import Row, paged_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
# Bullets run up to the rail, as RenderCV prints them: dates at 420, the duration at 530.
RAIL = (420.0, 530.0)
BUILT = "- Ran the booking service behind 3M+ monthly ferry tickets at 99.9% uptime"
RAISED = "- Closed a $4M seed round from two regional funds and a shipping firm"


def _jobs(rows: list[Row | str]) -> Resume:
    page = [
        "Maria Jensen",
        "maria.jensen@example.org | +1 (415) 555-0142",
        "EXPERIENCE",
        "Harbourline Ltd.    Halifax, NS",
        "Co-Founder & Head of Engineering",
        *rows,
        "Contoso Ltd.    Seattle, WA",
        "Data Analyst    03/2017 - 12/2019",
        "- Wrote SQL reports for the finance team",
    ]
    data = paged_pdf([page], stops=RAIL)
    return parse_document(data, filename="cv.pdf", settings=SETTINGS).resume


def test_dates_and_duration_beside_a_bullet_leave_its_text() -> None:
    resume = _jobs([f"{BUILT}    March 2022 – Present    3 years 7 months", RAISED])
    job = resume.work[0]
    assert (job.name, job.startDate, job.endDate) == ("Harbourline Ltd.", "2022-03", "Present")
    assert job.highlights == [BUILT[2:], RAISED[2:]]


def test_a_duration_beside_the_next_bullet_leaves_it_too() -> None:
    resume = _jobs([f"{BUILT}    Jun 2021 – Sep 2021", f"{RAISED}    (1 yr 3 mos)"])
    job = resume.work[0]
    assert (job.startDate, job.endDate) == ("2021-06", "2021-09")
    assert job.highlights == [BUILT[2:], RAISED[2:]]


def test_a_duration_on_a_line_of_its_own_below_the_dates_is_not_a_highlight() -> None:
    resume = _jobs([f"{BUILT}    Apr 2018 – Jul 2018", (370.0, "4 months"), RAISED])
    assert resume.work[0].highlights == [BUILT[2:], RAISED[2:]]


def test_a_date_inside_a_sentence_stays_in_the_bullet() -> None:
    launched = "- Opened in March 2021 on 12 routes along the coast after a pilot"
    resume = _jobs([f"{BUILT}    March 2022 – Present", launched, "- Ran the pilot for 2 years"])
    job = resume.work[0]
    assert (job.startDate, job.endDate) == ("2022-03", "Present")
    assert job.highlights == [BUILT[2:], launched[2:], "Ran the pilot for 2 years"]


def test_durations_are_told_from_other_numbers() -> None:
    assert is_duration("3 years 7 months")
    assert is_duration("(1 yr 3 mos)")
    assert is_duration("4 months")
    assert is_duration("· 1 year")
    assert not is_duration("40 stores")
    assert not is_duration("2 years of Python")
    assert not is_duration("May 2022")
