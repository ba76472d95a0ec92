"""Entry fields: which piece of a header line is the place, the employer, the title."""

from __future__ import annotations

from resumeforge.documents.parsing.entries import is_location, split_degree, split_entries
from resumeforge.documents.parsing.layout import TextLine


def test_a_company_with_a_legal_suffix_is_not_a_place() -> None:
    assert is_location("Seoul, S.Korea")
    assert is_location("Denver, CO")
    assert not is_location("Omnious Co., Ltd.")
    assert not is_location("Acme, Inc.")
    assert not is_location("Cyber Command, MND")


def test_employer_before_its_city_stays_the_employer() -> None:
    lines = [
        TextLine(["Software Architect", "Jun 2017 – May 2018"], size=10.5, bold=True),
        TextLine(["Omnious Co., Ltd.", "Seoul, S.Korea"], size=10.5),
        TextLine(["• Designed the image search backend"], size=10.5),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation, entry.location) == (
        "Software Architect",
        "Omnious Co., Ltd.",
        "Seoul, S.Korea",
    )


def test_a_long_employer_line_with_its_city_is_a_header_not_a_description() -> None:
    employer = "Northwind Traders, the wholesale arm of Contoso in the Pacific Northwest"
    lines = [
        TextLine(["Data Engineer", "Jan 2020 – Present"], size=10.5, bold=True),
        TextLine([employer, "Oakland, CA"], size=10.5),
        TextLine(["• Built the nightly ingestion pipeline"], size=10.5),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation, entry.location) == (
        "Data Engineer",
        employer,
        "Oakland, CA",
    )
    assert entry.bullets == ["Built the nightly ingestion pipeline"]


def test_city_and_state_win_the_location_over_a_school_with_its_subject() -> None:
    lines = [
        TextLine(["Princeton University, Computer Science", "Sep 2018 – May 2023"], bold=True),
        TextLine(["PhD", "Princeton, NJ"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert (entry.organisation, entry.title, entry.location) == (
        "Princeton University, Computer Science",
        "PhD",
        "Princeton, NJ",
    )


def test_a_bracketed_part_of_a_name_keeps_its_closing_bracket() -> None:
    lines = [
        TextLine(["Project Lead - Digital Audio Visualizer (IEEE) | Verilog", "June 2022"]),
        TextLine(["• Taught lectures on digital design"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert "Digital Audio Visualizer (IEEE)" in (entry.title, entry.organisation)

    degree = [TextLine(["Xidian University", "2009 – 2013"]), TextLine(["B.S. in Physics (EE)"])]
    [school] = split_entries(degree, body_size=10.5, education=True)
    assert split_degree(school.title) == ("B.S.", "Physics (EE)")
    assert split_degree("B.S. Biology (GPA: 3.6/4.0)") == ("B.S. Biology", "")


def test_school_and_degree_on_one_line_part_at_the_comma() -> None:
    lines = [TextLine(["Example University, PhD in Chemistry – Springfield, IL", "2018 – 2023"])]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert (entry.organisation, entry.title, entry.location) == (
        "Example University",
        "PhD in Chemistry",
        "Springfield, IL",
    )
    plain = [TextLine(["Example University, Springfield, MA", "2018 – 2023"])]
    [school] = split_entries(plain, body_size=10.5, education=True)
    assert school.title == ""


def test_subject_after_a_dash_is_the_area_and_a_second_degree_shares_the_school() -> None:
    lines = [
        TextLine(["Master of Science (M.S.) – Marine Biology", "May 2022 – Present"]),
        TextLine(["Example University, Springfield, MA"]),
        TextLine(["Bachelor of Arts (B.A.) - History", "Aug 2019 - May 2022"]),
    ]
    first, second = split_entries(lines, body_size=10.5, education=True)
    assert (first.title, first.subject) == ("Master of Science (M.S.)", "Marine Biology")
    assert (second.title, second.subject) == ("Bachelor of Arts (B.A.)", "History")
    assert second.organisation == first.organisation
    assert first.organisation.startswith("Example University")


def test_an_expected_graduation_after_the_degree_leaves_the_subject() -> None:
    lines = [
        TextLine(["Example University, Springfield", "2013 – Present"]),
        TextLine(["Master student in Physics (EE), expected March 2016"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert split_degree(entry.title) == ("Master student", "Physics (EE)")
    assert (entry.start, entry.end) == ("2013", "Present")


def test_a_long_employer_line_ending_in_its_city_is_a_header_not_a_bullet() -> None:
    employer = "Centre for Applied Computational Social Science, Example University, Amherst, MA"
    lines = [
        TextLine(["Department Assistant", "May 2022 - Present"]),
        TextLine([employer]),
        TextLine(["· Assists the program director in planning"]),
        TextLine(["Program Journalist", "Jan 2022 – May 2022"]),
        TextLine([employer]),
        TextLine(["· Wrote up program events, visits and talks in Boston, New York, Chicago, IL"]),
    ]
    first, second = split_entries(lines, body_size=10.5)
    assert (first.title, first.organisation) == ("Department Assistant", employer)
    assert (second.title, second.organisation) == ("Program Journalist", employer)
    assert first.bullets == ["Assists the program director in planning"]
    assert len(second.bullets) == 1


def test_a_job_closed_by_its_dates_line_ends_before_the_next_employer() -> None:
    lines = [
        TextLine(["Harbor Yacht Club : 1 Pier Road, Salem, Oregon: Course Management"]),
        TextLine(["From: 2012 – Present"]),
        TextLine(["Corner Bakery and Cafe, Main St, Eugene, Oregon"], bold=True),
        TextLine(["Co-owner responsible for the store. Inventory and supplies. Vendor selection."]),
        TextLine(["From: 2007-2010"]),
    ]
    first, second = split_entries(lines, body_size=10.5)
    assert (first.organisation, first.title) == ("Harbor Yacht Club", "Course Management")
    assert (first.start, first.end) == ("2012", "Present")
    assert second.organisation.startswith("Corner Bakery and Cafe")
    assert (second.start, second.end) == ("2007", "2010")


def test_a_title_under_the_dates_of_its_employer_stays_in_the_entry() -> None:
    lines = [
        TextLine(["Software Engineer, Example Labs Inc."], bold=True),
        TextLine(["Jan 2020 – Present"]),
        TextLine(["Portland, OR"]),
        TextLine(["• Built the billing service"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.location) == ("Software Engineer", "Portland, OR")


def test_two_summers_printed_as_one_date_leave_no_fragment_behind() -> None:
    lines = [
        TextLine(["• Example Analytics", "Atlanta, GA"]),
        TextLine(["Data Scientist", "Summer 2012 and 2013"]),
        TextLine(["◦ Built models for portfolio hedging and forecasting."]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation) == ("Data Scientist", "Example Analytics")
    assert (entry.start, entry.end, entry.rest) == ("2012", "2013", [])


def test_a_role_and_employer_sharing_a_word_like_research_still_part() -> None:
    lines = [
        TextLine(["Research Intern, Example Mind", "London, UK", "May 2021 – Aug 2021"]),
        TextLine(["• Developed multi-agent algorithms"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation) == ("Research Intern", "Example Mind")


def test_a_job_without_a_title_takes_the_role_its_description_opens_with() -> None:
    lines = [
        TextLine(["Corner Bakery and Cafe, Main St, Eugene, Oregon"], bold=True),
        TextLine(
            ["Co- Owner responsible for the store. Inventory and supplies. Vendor selection."]
        ),
        TextLine(["From: 2007-2010"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert entry.title == "Co- Owner"
    plain = [
        TextLine(["Corner Bakery and Cafe", "2007 – 2010"], bold=True),
        TextLine(["The store was responsible for most of the town's bread, baked every night."]),
    ]
    [other] = split_entries(plain, body_size=10.5)
    assert other.title == ""


def test_a_grade_beside_the_degree_is_not_read_as_a_date() -> None:
    lines = [
        TextLine(["• Example Institute of Technology", "Atlanta, GA"]),
        TextLine(["Master of Science in Physics; GPA: 4.00", "Aug 2012 – Dec 2013"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert (entry.start, entry.end) == ("2012-08", "2013-12")
