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
        ("Sept 2017 – May 2022", "2017-09", "2022-05"),
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


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("März 2019 – heute", "2019-03", "Present"),
        ("Okt. 2015 bis Dez. 2018", "2015-10", "2018-12"),
        ("2019 – aktuell", "2019", "Present"),
        ("sept. 2017 – En cours", "2017-09", "Present"),
        ("févr. 2016 – août 2018", "2016-02", "2018-08"),
        ("03/2018 – aujourd'hui", "2018-03", "Present"),
        ("Enero de 2018 - Actualidad", "2018-01", "Present"),
        ("dic. 2012 – mayo 2014", "2012-12", "2014-05"),
        ("outubro de 2019 – atual", "2019-10", "Present"),
        ("Fev 2011 até o momento", "2011-02", "Present"),
        ("gennaio 2020 – attuale", "2020-01", "Present"),
        ("giu 2014 – lug 2016", "2014-06", "2016-07"),
        ("2016 – Present", "2016", "Present"),
    ],
)
def test_month_names_and_open_ends_in_six_languages(printed: str, start: str, end: str) -> None:
    found = find_date_range(printed)
    assert found is not None
    assert (found.start, found.end) == (start, end)


def test_a_fraction_in_brackets_is_not_a_date() -> None:
    assert find_date_range("Final project graded (18/24)") is None


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("maart 2019 – heden", "2019-03", "Present"),
        ("mei 2016 - augustus 2018", "2016-05", "2018-08"),
        ("marts 2021 - maj 2023", "2021-03", "2023-05"),
        ("augusti 2020 – nu", "2020-08", "Present"),
        ("desember 2017 - i dag", "2017-12", "Present"),
    ],
)
def test_month_names_and_open_ends_in_dutch_and_scandinavian_languages(
    printed: str, start: str, end: str
) -> None:
    found = find_date_range(printed)
    assert found is not None
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("03/05/2012–28/02/2014", "2012-05", "2014-02"),
        ("01.02.2016 – 31.07.2016", "2016-02", "2016-07"),
        ("Desde 12/02/2016 hasta 18/09/2019", "2016-02", "2019-09"),
        ("12/25/2019 - 01/05/2020", "2019-12", "2020-05"),
        ("von 03/2019 bis heute", "2019-03", "Present"),
        ("10\\2022 - 12\\2023", "2022-10", "2023-12"),
    ],
)
def test_dates_printed_with_their_day_keep_month_and_year(
    printed: str, start: str, end: str
) -> None:
    found = find_date_range(printed)
    assert found is not None
    assert (found.start, found.end) == (start, end)


def test_the_word_a_range_opens_with_is_part_of_the_range() -> None:
    text = "Desde 01/01/2016 hasta hoy"
    found = find_date_range(text)
    assert found is not None
    assert found.span == (0, len(text))


@pytest.mark.parametrize(
    "printed",
    [
        "Senior Engineer, JANUARY 2019 TO PRESENT",
        "Seit März 2019 bis heute",
        "desde 01/2016 HASTA HOY",
        "Stage, Été 2017",
        "Expected June 2023",
        "Mai 2015 – EN COURS",
        "from 2016 to 2018, then Sept. 2019 - current",
    ],
)
def test_dates_are_read_in_any_letter_case(printed: str) -> None:
    # The date patterns are matched case-sensitively on lower-cased text (for speed): a text in
    # capitals, in title case or with its case swapped reads as the same range at the same place.
    expected = find_date_range(printed.lower())
    assert expected is not None
    for variant in (printed, printed.upper(), printed.title(), printed.swapcase()):
        assert find_date_range(variant) == expected


def test_a_dotless_i_reads_as_an_i_in_a_date() -> None:
    # re.IGNORECASE takes "ı" for an "i"; the lower-cased matching keeps doing so.
    assert find_date_range("Junı 2020 – Julı 2021") == find_date_range("Juni 2020 – Juli 2021")
