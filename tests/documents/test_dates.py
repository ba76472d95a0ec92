"""Dates as résumés print them, normalised to YYYY or YYYY-MM with Present as an open end."""

from __future__ import annotations

import pytest

from resumeforge.resume.dates import find_date_range, normalise_date


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("Jan 2020 – Present", "2020-01", "Present"),
        ("2019-2021", "2019", "2021"),
        ("03/2018 - 05/2020", "2018-03", "2020-05"),
        ("Sep. 2023 \u00ad Mar. 2024".replace("\u00ad", "-"), "2023-09", "2024-03"),
        ("June - August 2017", "2017-06", "2017-08"),
        ("Sept 2018 – May 2023", "2018-09", "2023-05"),
        ("From: 2012 – Present", "2012", "Present"),
        ("2018-03 to 2019-11", "2018-03", "2019-11"),
        ("May 2022 - current", "2022-05", "Present"),
    ],
)
def test_date_ranges_are_normalised(printed: str, start: str, end: str) -> None:
    found = find_date_range(printed)
    assert found is not None
    assert (found.start, found.end) == (start, end)


def test_a_season_is_its_year() -> None:
    found = find_date_range("Summer 2017")
    assert found is not None and (found.start, found.end) == ("2017", "")


def test_a_lone_expected_date_is_a_start_without_end() -> None:
    found = find_date_range("Expected June 2023")
    assert found is not None and (found.start, found.end) == ("2023-06", "")


@pytest.mark.parametrize(
    ("printed", "normal"),
    [("Jan. 2020", "2020-01"), ("3/2018", "2018-03"), ("now", "Present"), ("Winter '19", "2019")],
)
def test_single_dates_are_normalised(printed: str, normal: str) -> None:
    assert normalise_date(printed) == normal


def test_text_without_dates_has_no_range() -> None:
    assert find_date_range("Senior Software Engineer") is None
