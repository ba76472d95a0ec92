"""The retention measure counts what the parse truly drops, not what is only printed otherwise."""

from __future__ import annotations

from pathlib import Path

from tests.documents.files import RESUME_LINES, paged_pdf
from tests.layouts.retention import measure_retention, words_of


def test_a_month_range_with_one_year_is_a_date() -> None:
    words = words_of("Data Analyst June - August 2017\nOrganizer January 2019 - Present")
    assert words == {"data": 1, "analyst": 1, "organizer": 1}


def test_letter_spaced_capitals_with_kerned_trios_are_one_word() -> None:
    assert words_of("K OWA L C Z Y K\nIT AND HR") == {"kowalczyk": 1, "it": 1, "and": 1, "hr": 1}
    assert words_of("Ada L O V E L AC E") == {"ada": 1, "lovelace": 1}


def test_a_range_joined_by_to_is_a_date() -> None:
    words = words_of("2019-09 to Present\n2017 to 2019\nHow to ship")
    assert words == {"how": 1, "to": 1, "ship": 1}


def test_a_contact_label_before_its_value_is_no_word() -> None:
    words = words_of("Email  ada@example.org\nPhone: +44 7700 900\nPhone support lead")
    assert "email" not in words and words["phone"] == 1


def test_a_right_to_left_word_counts_in_either_letter_order() -> None:
    assert words_of("عمر") == words_of("رمع")


def test_a_month_before_a_dash_but_no_date_stays_a_word() -> None:
    assert words_of("Sales - Marketing\nMay - Present")["may"] == 1


def test_an_address_broken_over_two_lines_is_one_word() -> None:
    assert words_of("jane.doe@mail.exa\nmple.com\nPython")["example"] == 1
    assert words_of("jane.doe@mail.com\nEDUCATION")["education"] == 1


def test_a_repeated_line_counts_once_only_where_asked() -> None:
    text = "Software Engineer\nSoftware Engineer"
    assert words_of(text)["engineer"] == 1
    assert words_of(text, repeats_once=False)["engineer"] == 2


def test_a_listed_running_footer_is_reported_not_lost(tmp_path: Path) -> None:
    document = tmp_path / "cv.pdf"
    pages = [RESUME_LINES[:9], RESUME_LINES[9:]]
    document.write_bytes(paged_pdf(pages, footer="Curriculum vitae · Page {page} of {pages}"))
    retention = measure_retention(document)
    assert "curriculum" not in retention.lost and "page" not in retention.lost
    assert retention.total == sum(words_of("\n".join(RESUME_LINES)).values())
