"""A bullet's text wrapped onto the next lines is one highlight, not one per printed line."""

from __future__ import annotations

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.layout import Placement, TextLine
from resumeforge.documents.parsing.wrapping import join_wrapped_bullets
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


def _line(text: str, *, left: float, text_left: float, top: float, size: float = 10.0) -> TextLine:
    place = Placement(
        left=left, text_left=text_left, top=top, bottom=top + 8, text_size=size, page_height=792
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
