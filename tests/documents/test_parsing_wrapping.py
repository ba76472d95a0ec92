"""A bullet's or a paragraph's text wrapped onto the next lines is one highlight, not one per
printed line."""

from __future__ import annotations

import pytest

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.hyphens import keeps_hyphen
from resumeforge.documents.parsing.layout import Placement, TextLine
from resumeforge.documents.parsing.wrapping import (
    join_broken_addresses,
    join_wrapped_bullets,
    join_wrapped_paragraphs,
)
from resumeforge.resume.schemas import Resume
from tests.documents.files import Row, paged_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
UNDER_THE_WORDS = 6.3  # "- " in 10 pt Helvetica: a wrapped line starts where the words do


def _jobs(rows: list[Row | str], *, leading: float = 12.0) -> Resume:
    page = [
        "Maria Jensen",
        "maria.jensen@example.org | +1 (415) 555-0142",
        "EXPERIENCE",
        "Northwind Traders Inc.    Oakland, CA",
        "Senior Data Engineer    Jan 2020 - Present",
        *rows,
        "Contoso Ltd.    Seattle, WA",
        "Data Analyst    03/2017 - 12/2019",
        "- Wrote SQL reports for the finance team",
    ]
    data = paged_pdf([page], leading=leading)
    return parse_document(data, filename="cv.pdf", settings=SETTINGS).resume


def test_wrapped_bullet_lines_join_into_one_highlight() -> None:
    resume = _jobs(
        [
            "- Built the nightly ingestion pipeline in Python and",
            (UNDER_THE_WORDS, "Airflow, serving the data"),
            (UNDER_THE_WORDS, "infrastructure for 3 teams"),
            "- Cut cloud costs by 30%.",
            (UNDER_THE_WORDS, "and moved batch jobs to spot instances"),
        ]
    )
    assert [job.name for job in resume.work] == ["Northwind Traders Inc.", "Contoso Ltd."]
    assert resume.work[0].highlights == [
        "Built the nightly ingestion pipeline in Python and Airflow, serving the data "
        "infrastructure for 3 teams",
        "Cut cloud costs by 30%. and moved batch jobs to spot instances",
    ]
    assert resume.work[1].highlights == ["Wrote SQL reports for the finance team"]


def test_a_new_sentence_under_a_finished_bullet_is_not_joined() -> None:
    resume = _jobs(
        ["- Cut cloud costs by 30%.", (UNDER_THE_WORDS, "Mentored two junior engineers")]
    )
    assert resume.work[0].highlights == ["Cut cloud costs by 30%.", "Mentored two junior engineers"]


def test_lines_far_apart_are_not_one_bullet() -> None:
    resume = _jobs(
        ["- Built the nightly ingestion pipeline in Python and", (UNDER_THE_WORDS, "airflow")],
        leading=26.0,
    )
    assert resume.work[0].highlights == [
        "Built the nightly ingestion pipeline in Python and",
        "airflow",
    ]


def _line(
    text: str,
    *,
    left: float,
    text_left: float,
    top: float,
    size: float = 10.0,
    right: float = 0.0,
    page_text_right: float = 0.0,
) -> TextLine:
    place = Placement(
        left=left,
        text_left=text_left,
        top=top,
        bottom=top + 8,
        text_size=size,
        page_height=792,
        right=right,
        page_text_right=page_text_right,
    )
    return TextLine(segments=text.split("\t"), size=size, placement=place)


def test_a_hyphen_at_the_break_joins_one_word_and_a_side_rail_keeps_its_piece() -> None:
    lines = [
        _line("• Designed multi-\tJun 2021 – Present", left=50, text_left=58, top=100),
        _line("agent planners for robots\t2 years", left=58, text_left=58, top=112),
        _line("Stanford University", left=50, text_left=50, top=126),
    ]
    joined = join_wrapped_bullets(lines)
    assert [line.segments for line in joined] == [
        ["• Designed multi-agent planners for robots", "Jun 2021 – Present", "2 years"],
        ["Stanford University"],
    ]


def test_a_line_in_a_smaller_or_larger_font_is_not_a_continuation() -> None:
    lines = [
        _line("• Led the platform team of", left=50, text_left=58, top=100),
        _line("five engineers", left=58, text_left=58, top=112, size=8.0),
    ]
    assert len(join_wrapped_bullets(lines)) == 2


def test_lines_without_page_geometry_pass_through() -> None:
    lines = [TextLine(["• Built the pipeline and"]), TextLine(["stack"])]
    assert join_wrapped_bullets(lines) == lines


def _projects(rows: list[Row | str], *, leading: float = 12.0) -> Resume:
    page = [
        "Maria Jensen",
        "maria.jensen@example.org | +1 (415) 555-0142",
        "PROJECTS",
        "Covid Tracker    Jan 2021",
        *rows,
        "Weather App    Mar 2020",
        "- Shows the five-day forecast for any city",
    ]
    data = paged_pdf([page], leading=leading)
    return parse_document(data, filename="cv.pdf", settings=SETTINGS).resume


# Each line runs to the page's text edge but for less than the next line's first word.
DESCRIPTION = [
    "A live dashboard of case counts by city, called from public APIs and refreshed every hour,"
    " with",
    "charts of the trend in each region, kept inside the free tier of its hosting and of its data",
    "resources.",
]


def test_a_wrapped_description_paragraph_is_one_highlight() -> None:
    resume = _projects(DESCRIPTION)
    assert [project.name for project in resume.projects] == ["Covid Tracker", "Weather App"]
    assert resume.projects[0].highlights == [" ".join(DESCRIPTION)]
    assert resume.projects[1].highlights == ["Shows the five-day forecast for any city"]


def test_paragraph_lines_a_blank_line_apart_are_not_joined() -> None:
    resume = _projects(DESCRIPTION, leading=24.0)
    assert resume.projects[0].highlights == DESCRIPTION


def _text(text: str, *, top: float, right: float, left: float = 50, size: float = 10.0) -> TextLine:
    """A line of a page whose text runs from 50 to 560 points."""
    return _line(
        text,
        left=left,
        text_left=left,
        top=top,
        size=size,
        right=right,
        page_text_right=560,
    )


def test_short_unbulleted_lines_are_items_not_a_wrapped_paragraph() -> None:
    lines = [
        _text("Managed a team of five engineers", top=100, right=210),
        _text("reduced cloud costs by a third", top=112, right=200),
    ]
    assert len(join_wrapped_paragraphs(lines)) == 2


def test_a_full_line_ends_its_sentence_unless_the_next_runs_on_in_lower_case() -> None:
    full = "Rebuilt the billing service in Go and moved its data to PostgreSQL in 2021."
    new_sentence = [
        _text(full, top=100, right=552),
        _text("Mentored two interns", top=112, right=160),
    ]
    assert len(join_wrapped_paragraphs(new_sentence)) == 2
    runs_on = [_text(full, top=100, right=552), _text("and cut its costs", top=112, right=140)]
    [joined] = join_wrapped_paragraphs(runs_on)
    assert joined.segments == [f"{full} and cut its costs"]


def test_a_paragraph_does_not_run_on_across_an_indent_a_size_a_bullet_or_a_gap() -> None:
    above = _text(
        "Rebuilt the billing service in Go and moved its data to a managed", top=100, right=555
    )
    assert len(join_wrapped_paragraphs([above, _text("cluster", top=112, right=90)])) == 1
    for below in (
        _text("cluster", top=112, right=102, left=62),
        _text("cluster", top=112, right=82, size=8.0),
        _text("• cluster", top=112, right=98),
        _text("cluster", top=130, right=90),
    ):
        assert len(join_wrapped_paragraphs([above, below])) == 2


def test_an_address_in_capitals_broken_after_a_dot_is_joined_but_not_a_heading_after_it() -> None:
    lines = [TextLine(["ADA.EXAMPLE@EXAMPLE."]), TextLine(["NET"]), TextLine(["SKILLS"])]
    assert [line.plain for line in join_broken_addresses(lines)] == [
        "ADA.EXAMPLE@EXAMPLE.NET",
        "SKILLS",
    ]
    broken_in_its_ending = [TextLine(["ADA@EXAMPLE.OR"]), TextLine(["G"])]
    assert [line.plain for line in join_broken_addresses(broken_in_its_ending)] == [
        "ADA@EXAMPLE.ORG"
    ]
    finished = [TextLine(["ADA@EXAMPLE.NET"]), TextLine(["SKILLS"])]
    assert [line.plain for line in join_broken_addresses(finished)] == ["ADA@EXAMPLE.NET", "SKILLS"]


@pytest.mark.parametrize(
    ("left", "right", "language", "kept"),
    [
        ("docu", "mentation", "en", False),  # one word broken where it had room
        ("frame", "work", "en", False),
        ("Kuber", "netes", "en", False),  # no word on either side: a break in a name
        ("multi", "account", "en", True),  # two words that make no word together
        ("high", "fidelity", "en", True),
        ("Moreau", "Laval", "fr", True),  # a capital after the hyphen starts a name
        ("FinTech", "Unternehmen", "de", True),
        ("Rettungs", "robotern", "de", False),  # a German noun goes on in lower case
        ("DEVELOP", "MENT", "en", False),  # capitals throughout are a word in capitals
        ("Solid", "Works", "en", False),  # a name English writes as one word
        ("Power", "Point", "en", False),
        ("Software", "Produkten", "de", True),
        ("Auto", "CAD", "en", False),
        ("Hewlett", "Packard", "en", True),  # a name hyphenated more often than not
    ],
)
def test_a_line_end_hyphen_stays_only_in_a_compound(
    left: str, right: str, language: str, kept: bool
) -> None:
    assert keeps_hyphen(left, right, language=language) is kept


def test_a_broken_word_rejoins_and_a_compound_keeps_its_hyphen_in_a_wrapped_bullet() -> None:
    resume = _jobs(
        [
            "- Wrote the docu-",
            (UNDER_THE_WORDS, "mentation for our multi-"),
            (UNDER_THE_WORDS, "region failover plan"),
        ]
    )
    assert resume.work[0].highlights[0] == (
        "Wrote the documentation for our multi-region failover plan"
    )
