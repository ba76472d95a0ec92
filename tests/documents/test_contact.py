"""Contact details found in the header lines of a résumé."""

from __future__ import annotations

import pytest

from resumeforge.resume.contact import find_email, find_phone, find_urls, looks_like_name


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("tel:(+82) 10-5550-0142 | mailto:someone@example.com", "(+82) 10-5550-0142"),
        ("US Citizen | (951) 555-0142 | someone@example.com", "(951) 555-0142"),
        ("Mobile: +1-555-010-7788", "+1-555-010-7788"),
        ("513.555.0188 (cell)", "513.555.0188"),
        ("+15085550199", "+15085550199"),
    ],
)
def test_phone_numbers_in_contact_lines(text: str, phone: str) -> None:
    assert find_phone(text) == phone


def test_year_ranges_are_not_phone_numbers() -> None:
    assert find_phone("University of Somewhere 2013 - 2017") == ""


def test_a_date_of_birth_is_not_a_phone_number() -> None:
    assert find_phone("Geburtsdatum: 07.06.1997 | +49 160 5550142") == "+49 160 5550142"
    assert find_phone("Born 7/6/1997") == ""


def test_email_is_found_after_a_mailto_prefix() -> None:
    assert find_email("mailto:first.last@example.co.uk | GitHub") == "first.last@example.co.uk"


def test_profile_links_are_found_without_a_scheme() -> None:
    assert find_urls("github.com/someone | linkedin.com/in/someone") == [
        "github.com/someone",
        "linkedin.com/in/someone",
    ]


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("Ana María López", True),
        ("CHRIS OH", True),
        ("Curriculum Vitae", False),
        ("Software Engineer at Example 2020", False),
    ],
)
def test_names_look_like_names(text: str, is_name: bool) -> None:
    assert looks_like_name(text) is is_name


@pytest.mark.parametrize(
    "text",
    [
        "Geburtsdatum: 07.06.1997",
        "Date of birth: 1997-06-07",
        "né le 12/03/1990",
        "07.06.1997",
        "CPF: 123.456.789-00",
    ],
)
def test_a_date_of_birth_or_identity_number_is_not_a_phone(text: str) -> None:
    assert find_phone(text) == ""


def test_the_phone_after_a_date_of_birth_is_found() -> None:
    assert find_phone("Geburtsdatum: 07.06.1997\nWeg 21\n+49 160 7550000") == "+49 160 7550000"
