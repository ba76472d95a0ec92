"""Entry fields: which piece of a header line is the place, the employer, the title.

Every name, employer, school and sentence here is made up for the phenomenon it shows.
"""

from __future__ import annotations

import pytest

from resumeforge.documents.parsing.entries import (
    is_duration,
    is_location,
    split_degree,
    split_entries,
)
from resumeforge.documents.parsing.layout import Placement, TextLine


def test_a_company_with_a_legal_suffix_is_not_a_place() -> None:
    assert is_location("Busan, S.Korea")
    assert is_location("Denver, CO")
    assert not is_location("Quillfeather Co., Ltd.")
    assert not is_location("Acme, Inc.")
    assert not is_location("Harbour Command, MND")


def test_employer_before_its_city_stays_the_employer() -> None:
    lines = [
        TextLine(["Systems Architect", "Mar 2016 – Apr 2019"], size=10.5, bold=True),
        TextLine(["Quillfeather Co., Ltd.", "Busan, S.Korea"], size=10.5),
        TextLine(["• Designed the parcel sorting backend"], size=10.5),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation, entry.location) == (
        "Systems Architect",
        "Quillfeather Co., Ltd.",
        "Busan, S.Korea",
    )


def test_a_long_employer_line_with_its_city_is_a_header_not_a_description() -> None:
    employer = "Northwind Traders, the wholesale arm of Contoso along the Gulf coast"
    lines = [
        TextLine(["Data Engineer", "Jan 2020 – Present"], size=10.5, bold=True),
        TextLine([employer, "Mobile, AL"], size=10.5),
        TextLine(["• Built the nightly ingestion pipeline"], size=10.5),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation, entry.location) == (
        "Data Engineer",
        employer,
        "Mobile, AL",
    )
    assert entry.bullets == ["Built the nightly ingestion pipeline"]


def test_city_and_state_win_the_location_over_a_school_with_its_subject() -> None:
    lines = [
        TextLine(["Lakemont University, Marine Geology", "Sep 2015 – May 2020"], bold=True),
        TextLine(["PhD", "Lakemont, VT"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert (entry.organisation, entry.title, entry.location) == (
        "Lakemont University, Marine Geology",
        "PhD",
        "Lakemont, VT",
    )


def test_a_bracketed_part_of_a_name_keeps_its_closing_bracket() -> None:
    lines = [
        TextLine(["Team Lead - Solar Kite Telemetry (ASME) | Rust", "April 2021"]),
        TextLine(["• Ran weekly design reviews"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert "Solar Kite Telemetry (ASME)" in (entry.title, entry.organisation)

    degree = [
        TextLine(["Harbin Lakeside University", "2008 – 2012"]),
        TextLine(["B.S. in Optics (EE)"]),
    ]
    [school] = split_entries(degree, body_size=10.5, education=True)
    assert split_degree(school.title) == ("B.S.", "Optics (EE)")
    assert split_degree("B.S. Zoology (GPA: 3.7/4.0)") == ("B.S. Zoology", "")


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
        TextLine(["Master of Fine Arts (M.F.A.) – Printmaking", "Sep 2021 – Present"]),
        TextLine(["Example University, Springfield, MA"]),
        TextLine(["Bachelor of Arts (B.A.) - Art History", "Sep 2017 - Jun 2021"]),
    ]
    first, second = split_entries(lines, body_size=10.5, education=True)
    assert (first.title, first.subject) == ("Master of Fine Arts (M.F.A.)", "Printmaking")
    assert (second.title, second.subject) == ("Bachelor of Arts (B.A.)", "Art History")
    assert second.organisation == first.organisation
    assert first.organisation.startswith("Example University")


def test_an_expected_graduation_after_the_degree_leaves_the_subject() -> None:
    lines = [
        TextLine(["Example University, Springfield", "2012 – Present"]),
        TextLine(["Master student in Acoustics (ME), expected July 2015"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert split_degree(entry.title) == ("Master student", "Acoustics (ME)")
    assert (entry.start, entry.end) == ("2012", "Present")


def test_a_long_employer_line_ending_in_its_city_is_a_header_not_a_bullet() -> None:
    employer = "Bureau for Regional Water Studies, Example University, Bozeman, MT"
    lines = [
        TextLine(["Lab Coordinator", "Sep 2021 - Present"]),
        TextLine([employer]),
        TextLine(["· Books field trips for the sampling teams"]),
        TextLine(["Science Writer", "Feb 2021 – Aug 2021"]),
        TextLine([employer]),
        TextLine(["· Wrote up seminars, site visits and talks in Helena, Butte, Missoula, MT"]),
    ]
    first, second = split_entries(lines, body_size=10.5)
    assert (first.title, first.organisation) == ("Lab Coordinator", employer)
    assert (second.title, second.organisation) == ("Science Writer", employer)
    assert first.bullets == ["Books field trips for the sampling teams"]
    assert len(second.bullets) == 1


def test_a_job_closed_by_its_dates_line_ends_before_the_next_employer() -> None:
    lines = [
        TextLine(["Pinecrest Rowing Club : 4 Dock Lane, Bend, Oregon: Boathouse Management"]),
        TextLine(["From: 2011 – Present"]),
        TextLine(["Maple Street Bookshop, Elm Ave, Salem, Oregon"], bold=True),
        TextLine(["Part owner responsible for the shop. Orders and stock. Author events."]),
        TextLine(["From: 2004-2009"]),
    ]
    first, second = split_entries(lines, body_size=10.5)
    assert (first.organisation, first.title) == ("Pinecrest Rowing Club", "Boathouse Management")
    assert (first.start, first.end) == ("2011", "Present")
    assert second.organisation.startswith("Maple Street Bookshop")
    assert (second.start, second.end) == ("2004", "2009")


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
        TextLine(["• Example Analytics", "Tulsa, OK"]),
        TextLine(["Pricing Analyst", "Summer 2015 and 2016"]),
        TextLine(["◦ Built models to forecast grain prices for the co-op."]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation) == ("Pricing Analyst", "Example Analytics")
    assert (entry.start, entry.end, entry.rest) == ("2015", "2016", [])


def test_a_role_and_employer_sharing_a_word_like_research_still_part() -> None:
    lines = [
        TextLine(["Research Intern, Example Mind", "Leeds, UK", "Jun 2020 – Sep 2020"]),
        TextLine(["• Tuned crop-yield forecasts"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert (entry.title, entry.organisation) == ("Research Intern", "Example Mind")


def test_a_job_without_a_title_takes_the_role_its_description_opens_with() -> None:
    lines = [
        TextLine(["Maple Street Bookshop, Elm Ave, Salem, Oregon"], bold=True),
        TextLine(["Part Owner responsible for the shop. Orders and stock. Author events."]),
        TextLine(["From: 2004-2009"]),
    ]
    [entry] = split_entries(lines, body_size=10.5)
    assert entry.title == "Part Owner"
    plain = [
        TextLine(["Maple Street Bookshop", "2004 – 2009"], bold=True),
        TextLine(["The shop was responsible for most of the town's reading, open every day."]),
    ]
    [other] = split_entries(plain, body_size=10.5)
    assert other.title == ""


def test_a_grade_beside_the_degree_is_not_read_as_a_date() -> None:
    lines = [
        TextLine(["• Example Institute of Technology", "Tulsa, OK"]),
        TextLine(["Master of Science in Geophysics; GPA: 4.00", "Sep 2014 – Nov 2015"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert (entry.start, entry.end) == ("2014-09", "2015-11")


def test_a_degree_and_its_subject_after_a_comma_are_not_a_place() -> None:
    lines = [
        TextLine(["Escuela de Artes de Cádiz", "Sep 2010 – Jun 2014"], bold=True),
        TextLine(["Grado, Bellas Artes", "Cádiz"]),
    ]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert entry.organisation == "Escuela de Artes de Cádiz"
    assert split_degree(entry.title) == ("Grado", "Bellas Artes")
    assert split_degree("Laurea in Fisica") == ("Laurea", "Fisica")
    assert split_degree("Master en Géographie") == ("Master", "Géographie")


def test_names_in_scripts_without_capitals_are_names() -> None:
    from resumeforge.resume.contact import looks_like_name

    assert looks_like_name("李雨桐")
    assert looks_like_name("سارة منصور")
    assert looks_like_name("Ярослава Мельник")
    assert not looks_like_name("Lebenslauf")


def test_one_piece_naming_role_and_employer_leaves_the_lone_city_as_the_place() -> None:
    lines = [
        TextLine(["Cartógrafa sénior, Mapas Lusitânia Ltda.", "março 2019 – atual"], bold=True),
        TextLine(["Coimbra"]),
        TextLine(["• Redesenhou os mapas das ciclovias"]),
    ]
    [entry] = split_entries(lines, body_size=0.0)
    assert (entry.title, entry.organisation, entry.location) == (
        "Cartógrafa sénior",
        "Mapas Lusitânia Ltda.",
        "Coimbra",
    )
    assert (entry.start, entry.end) == ("2019-03", "Present")


def test_a_lone_city_right_of_the_employer_and_role_is_the_place() -> None:
    lines = [
        TextLine(["Brennholz Werkstatt GmbH, Produktionsleiterin", "Freiburg"], bold=True),
        TextLine(["• Führte die Schreinerei mit 12 Leuten", "Mai 2017 – heute"]),
    ]
    [entry] = split_entries(lines, body_size=10.0)
    assert (entry.title, entry.organisation, entry.location) == (
        "Produktionsleiterin",
        "Brennholz Werkstatt GmbH",
        "Freiburg",
    )
    assert (entry.start, entry.end) == ("2017-05", "Present")


def test_the_employer_line_under_a_dated_role_in_the_same_type_is_the_same_entry() -> None:
    lines = [
        TextLine(["Tide Gauge Technician", "2019 - 2022"], size=11.0, bold=True),
        TextLine(["Saltmarsh Instruments, Whitby"], size=11.0, bold=True),
        TextLine(["✓ Calibrated 40 gauges along the coast"], size=11.0),
        TextLine(["Field Assistant", "2016 - 2019"], size=11.0, bold=True),
        TextLine(["Coastal Survey Trust, Scarborough"], size=11.0, bold=True),
    ]
    first, second = split_entries(lines, body_size=11.0)
    assert (first.title, first.organisation, first.location) == (
        "Tide Gauge Technician",
        "Saltmarsh Instruments",
        "Whitby",
    )
    assert (second.title, second.organisation, second.location) == (
        "Field Assistant",
        "Coastal Survey Trust",
        "Scarborough",
    )


@pytest.mark.parametrize(
    "printed", ["2 år 7 måneder", "(3 mois)", "1 Jahr 2 Monate", "3 anos e 2 meses", "4 jaar"]
)
def test_how_long_a_job_lasted_in_other_languages_is_a_duration(printed: str) -> None:
    assert is_duration(printed)


@pytest.mark.parametrize(
    ("degree", "school"),
    [
        ("Graduação em Análise de Sistemas", "Faculdade Exemplo"),
        ("Lic. En Análisis de Sistemas", "Universidad Ejemplo"),
        ("Gymnasieeksamen, Science", "Eksempel Gymnasium"),
        ("Bachelor Studium Informatik", "Beispiel Hochschule"),
    ],
)
def test_degrees_of_other_school_systems_are_degrees(degree: str, school: str) -> None:
    lines = [TextLine(segments=[degree]), TextLine(segments=[school]), TextLine(["2015 – 2018"])]
    [entry] = split_entries(lines, body_size=10.0, education=True)
    assert (entry.title, entry.organisation) == (degree, school)


def test_a_labelled_role_is_the_title_and_the_line_above_names_the_employer() -> None:
    lines = [
        TextLine(segments=["Exemplo Mercados - 10/2022 até 12/2023"]),
        TextLine(segments=["Cargo: Repositora de alimentos."], bold=True),
    ]
    [entry] = split_entries(lines, body_size=10.0)
    assert (entry.title, entry.organisation) == ("Repositora de alimentos", "Exemplo Mercados")
    assert (entry.start, entry.end) == ("2022-10", "2023-12")


def test_degree_school_and_city_on_one_line_in_that_order_part_at_the_commas() -> None:
    lines = [
        TextLine(segments=["10/2016 – 09/2018 Master Studium Regeltechnik, FH Beispiel, Linz."]),
        TextLine(segments=["Schwerpunkt: Industrielle Informatik"]),
    ]
    [entry] = split_entries(lines, body_size=10.0, education=True)
    assert (entry.title, entry.organisation) == ("Master Studium Regeltechnik", "FH Beispiel")


def test_a_qualification_framework_level_is_neither_school_nor_degree() -> None:
    lines = [
        TextLine(segments=["2010–2011", "Técnico en administración", "EQF level 3"]),
        TextLine(segments=["Instituto Ejemplo, Sometown (Spain)"]),
    ]
    [entry] = split_entries(lines, body_size=10.0, education=True)
    assert entry.title == "Técnico en administración"
    assert entry.organisation.startswith("Instituto Ejemplo")
    assert "EQF level 3" in entry.rest


def test_roles_grouped_under_one_employer_each_take_that_employer() -> None:
    def line(text: str, size: float) -> TextLine:
        return TextLine(segments=[text], size=size)

    lines = [
        line("Example Labs", 12.0),
        line("3 years 2 months", 10.5),
        line("Lead Designer", 11.5),
        line("March 2023 - Present (1 year 1 month)", 10.5),
        line("Sometown", 10.5),
        line("Designed the product's screens and ran its user research.", 10.5),
        line("Product Designer", 11.5),
        line("January 2021 - March 2023 (2 years 2 months)", 10.5),
        line("Sometown, Some Region", 10.5),
        line("Drew the first version of the design system.", 10.5),
        line("Other Company", 12.0),
        line("Support Engineer", 11.5),
        line("June 2018 - December 2020 (2 years 6 months)", 10.5),
    ]
    entries = split_entries(lines, body_size=10.5)
    jobs = [(e.title, e.organisation, e.start) for e in entries]
    assert jobs == [
        ("Lead Designer", "Example Labs", "2023-03"),
        ("Product Designer", "Example Labs", "2021-01"),
        ("Support Engineer", "Other Company", "2018-06"),
    ]


def test_jobs_that_open_with_their_dates_keep_the_employer_set_in_the_dates_type() -> None:
    def line(text: str, size: float, bold: bool = False) -> TextLine:
        return TextLine(segments=[text], size=size, bold=bold)

    lines = [
        line("06/07/2023 - 06/08/2023", 13.3),
        line("Stagiaire développeuse", 16.0, bold=True),
        line("Exemple Industries, Sometown", 13.3),
        line("01/07/2024 - 31/08/2024", 13.3),
        line("Développeuse web", 16.0, bold=True),
        line("Exemple Services, Sometown", 13.3),
    ]
    entries = split_entries(lines, body_size=12.0)
    jobs = [(e.title, e.organisation, e.start) for e in entries]
    assert jobs == [
        ("Stagiaire développeuse", "Exemple Industries", "2023-07"),
        ("Développeuse web", "Exemple Services", "2024-07"),
    ]


def test_a_school_role_or_company_shaped_like_city_and_region_is_no_place() -> None:
    assert not is_location("Hochschule Nordfeld, Maschinenbau")
    assert not is_location("Verdano S.p.A., Analista dati")
    assert not is_location("Brelmont SA, Consultant SI")
    assert is_location("Rio de Janeiro, Brazil")
    assert not is_location("Harwick Labs, Glasgow")  # an employer with its city
    assert is_location("Lead, SD")  # a region code after the comma: the place still wins


def test_employer_and_role_on_a_line_with_the_city_right_are_read_as_the_job() -> None:
    lines = [
        TextLine(["Verdano S.p.A., Analista dati", "Trento"], size=10, bold=True),
        TextLine(["• Affiancamento di 3 stagisti", "set 2022 – ott 2024"], size=10),
    ]
    [entry] = split_entries(lines, body_size=10)
    assert (entry.title, entry.organisation, entry.location) == (
        "Analista dati",
        "Verdano S.p.A.",
        "Trento",
    )
    assert (entry.start, entry.end) == ("2022-09", "2024-10")


def test_a_school_with_its_field_is_the_school_and_the_city_beside_it_the_place() -> None:
    lines = [
        TextLine(["Licence", "Université de Corvel, Génie industriel", "Corvel"], bold=True),
        TextLine(["sept. 2007 – juin 2011"]),
        TextLine(["DUT Institut national de Corvel, Économie", "Corvel"], bold=True),
        TextLine(["sept. 2005 – juil. 2007"]),
    ]
    first, second = split_entries(lines, body_size=10, education=True)
    assert (first.title, first.organisation, first.location) == (
        "Licence",
        "Université de Corvel, Génie industriel",
        "Corvel",
    )
    assert (second.title, second.organisation, second.location) == (
        "DUT",
        "Institut national de Corvel, Économie",
        "Corvel",
    )
    assert second.rest == []  # the line read as degree and school is not kept twice


def _at(left: float, top: float) -> Placement:
    return Placement(left=left, text_left=left, text_size=10, top=top, bottom=top + 10,
                     page_height=842)  # fmt: skip


def test_a_degree_wrapped_in_a_narrow_label_column_is_joined_back() -> None:
    lines = [
        TextLine(["Bachelor", "Hochschule Nordfeld, Maschinenbau", "Nordfeld"], size=10,
                 bold=True, placement=_at(63, 100)),
        TextLine(["Sept. 2019 – Juni 2023"], size=10, placement=_at(457, 112)),
        TextLine(["of Science"], size=10, bold=True, placement=_at(62.7, 124)),
    ]  # fmt: skip
    [entry] = split_entries(lines, body_size=10, education=True)
    assert (entry.title, entry.organisation, entry.location) == (
        "Bachelor of Science",
        "Hochschule Nordfeld, Maschinenbau",
        "Nordfeld",
    )
    assert entry.bullets == []


def test_a_lower_case_line_elsewhere_than_the_label_stays_a_description() -> None:
    lines = [
        TextLine(["Bachelor", "Hochschule Nordfeld, Maschinenbau", "Nordfeld"], size=10,
                 bold=True, placement=_at(63, 100)),
        TextLine(["thesis on gearbox wear"], size=10, placement=_at(120, 112)),
    ]  # fmt: skip
    [entry] = split_entries(lines, body_size=10, education=True)
    assert entry.title == "Bachelor"
    assert entry.bullets == ["thesis on gearbox wear"]


def test_a_role_under_whose_line_an_employer_with_its_city_is_printed_stays_the_title() -> None:
    lines = [
        TextLine(["Research Assistant", "December 2022 - July 2025"], size=10, bold=True),
        TextLine(["Harwick Labs, Glasgow"], size=10),
        TextLine(["■ Cut the nightly pipeline's cost in half"], size=10),
    ]
    [entry] = split_entries(lines, body_size=10)
    assert (entry.title, entry.organisation, entry.location) == (
        "Research Assistant",
        "Harwick Labs",
        "Glasgow",
    )


def test_jobs_of_one_line_each_without_bullets_are_separate_jobs() -> None:
    lines = [
        TextLine(["Data Engineer | Kestrel Systems", "2019 – 2021"], size=10),
        TextLine(["Data Analyst | Harwick Group", "2016 – 2019"], size=10),
    ]
    jobs = split_entries(lines, body_size=10)
    assert [(job.title, job.organisation, job.start, job.end) for job in jobs] == [
        ("Data Engineer", "Kestrel Systems", "2019", "2021"),
        ("Data Analyst", "Harwick Group", "2016", "2019"),
    ]


def test_a_degree_named_after_a_school_is_the_entrys_degree_not_the_next_school() -> None:
    lines = [
        TextLine(["Arden College", "2010 – 2014"], size=10, bold=True),
        TextLine(["High School Diploma"], size=10),
    ]
    [entry] = split_entries(lines, body_size=10, education=True)
    assert (entry.organisation, entry.title) == ("Arden College", "High School Diploma")


def test_a_school_printed_with_its_degree_under_another_school_is_the_next_entry() -> None:
    lines = [
        TextLine(["Arden College", "2010 – 2014"], size=10, bold=True),
        TextLine(["High School Diploma"], size=10),
        TextLine(["Brill University, B.A. in History"], size=10),
    ]
    first, second = split_entries(lines, body_size=10, education=True)
    assert (first.organisation, first.title) == ("Arden College", "High School Diploma")
    assert (second.organisation, second.title) == ("Brill University", "B.A. in History")


def test_a_degree_then_its_school_after_a_comma_are_the_degree_and_the_school() -> None:
    lines = [
        TextLine(["BSc Computer Science, University of Arden, 2014 – 2018"], size=10),
        TextLine(["Bachelor of Arts, History, Brill College, 2010 – 2014"], size=10),
    ]
    first, second = split_entries(lines, body_size=10, education=True)
    assert (first.title, first.organisation) == ("BSc Computer Science", "University of Arden")
    assert (second.title, second.organisation) == ("Bachelor of Arts, History", "Brill College")


def test_a_city_after_a_separator_beside_the_employer_is_the_place() -> None:
    lines = [
        TextLine(["UX Designer", "02.2024 - Present"], size=11, bold=True),
        TextLine(["Lumora Inc. · Glasgow"], size=11),
        TextLine(["* Ran the design reviews"], size=11),
        TextLine(["Data Engineer · Kestrel", "2019 - 2021"], size=11, bold=True),
        TextLine(["* Built the nightly pipeline"], size=11),
    ]
    first, second = split_entries(lines, body_size=11)
    assert (first.title, first.organisation, first.location) == (
        "UX Designer",
        "Lumora Inc.",
        "Glasgow",
    )
    # No company's word before the separator: the name after it is the employer, no place.
    assert (second.title, second.organisation, second.location) == (
        "Data Engineer",
        "Kestrel",
        "",
    )


def test_a_city_after_the_school_and_degree_is_the_schools_place() -> None:
    lines = [TextLine(["Kingsbridge College, MSc in Applied Physics – Galway", "2019 – 2021"])]
    [entry] = split_entries(lines, body_size=10.5, education=True)
    assert (entry.organisation, entry.title) == ("Kingsbridge College", "MSc in Applied Physics")
    assert (entry.location, entry.rest) == ("Galway", [])


def test_a_subject_printed_before_its_degree_is_the_area() -> None:
    assert split_degree("Marine Biology, M.Sc.") == ("M.Sc.", "Marine Biology")
    assert split_degree("Génie civil, Diplôme d'ingénieur") == (
        "Diplôme d'ingénieur",
        "Génie civil",
    )
    # A school before the comma is no subject, and a date is no degree's subject either.
    assert split_degree("Brill College, BA") == ("Brill College, BA", "")


def test_a_degree_over_its_school_in_the_same_type_is_one_entry() -> None:
    lines = [
        TextLine(["Master of Science, Hydrology"], size=11),
        TextLine(["Brill College"], size=11),
        TextLine(["Bachelor of Arts, Geography"], size=11),
        TextLine(["Kingsbridge University"], size=11),
    ]
    entries = split_entries(lines, body_size=10, education=True)
    assert [(e.organisation, e.title) for e in entries] == [
        ("Brill College", "Master of Science, Hydrology"),
        ("Kingsbridge University", "Bachelor of Arts, Geography"),
    ]


def _placed(segments: list[str], left: float, *, bold: bool = False) -> TextLine:
    place = Placement(left=left, text_left=left, text_size=10, top=0, bottom=0, page_height=800)
    return TextLine(segments, size=10, bold=bold, placement=place)


def test_unmarked_lines_indented_under_a_bold_job_header_are_its_achievements() -> None:
    lines = [
        _placed(["Fenland Mapping Ltd., Senior Surveyor", "2020 - 2024"], 100, bold=True),
        _placed(["Surveyed the river banks for the county flood plan"], 115),
        _placed(["Trained four junior surveyors in drone mapping"], 115),
        _placed(["Broadland Estates Ltd., Survey Technician", "2016 - 2020"], 100, bold=True),
        _placed(["Mapped farms for drainage plans"], 115),
    ]
    first, second = split_entries(lines, body_size=10)
    assert (first.title, first.organisation) == ("Senior Surveyor", "Fenland Mapping Ltd.")
    assert first.bullets == [
        "Surveyed the river banks for the county flood plan",
        "Trained four junior surveyors in drone mapping",
    ]
    assert (second.title, second.bullets) == (
        "Survey Technician",
        ["Mapped farms for drainage plans"],
    )


def test_a_range_whose_end_is_stacked_under_its_start_is_one_range() -> None:
    lines = [
        TextLine(["04.2021 –", "Survey Technician — Broadland Estates Ltd."], size=10),
        TextLine(["Present"], size=9),
        TextLine(["• Mapped farms for drainage plans"], size=10),
        TextLine(["2016 –", "Kingsbridge University"], size=10),
        TextLine(["2019", "BA in Geography"], size=10),
    ]
    [job] = split_entries(lines[:3], body_size=10)
    assert (job.start, job.end, job.title) == ("2021-04", "Present", "Survey Technician")
    [school] = split_entries(lines[3:], body_size=10, education=True)
    assert (school.start, school.end, school.organisation) == (
        "2016",
        "2019",
        "Kingsbridge University",
    )
    assert school.title == "BA in Geography"


def test_a_school_name_wrapped_onto_the_next_line_is_joined() -> None:
    lines = [
        TextLine(["MSc in Hydrology — Kingsbridge Business", "2019"], size=10),
        TextLine(["School, Galway"], size=10),
        TextLine(["BA in Geography — Brill College, Ely", "2017"], size=10),
    ]
    first, second = split_entries(lines, body_size=10, education=True)
    assert (first.organisation, first.title) == (
        "Kingsbridge Business School, Galway",
        "MSc in Hydrology",
    )
    assert (second.organisation, second.title) == ("Brill College, Ely", "BA in Geography")


def test_a_city_under_a_dated_job_and_its_employer_stays_in_that_job() -> None:
    lines = [
        TextLine(["2021 – Present", "Data Engineer"], size=9),
        TextLine(["Kestrel Systems"], size=9),
        TextLine(["Leeds"], size=9),
        TextLine(["• Built the nightly pipeline"], size=10),
    ]
    [job] = split_entries(lines, body_size=10)
    assert (job.title, job.organisation, job.start) == ("Data Engineer", "Kestrel Systems", "2021")
    assert job.bullets == ["Built the nightly pipeline"]


def test_a_subject_alone_on_the_line_beside_a_bare_degree_is_its_area() -> None:
    lines = [
        TextLine(["Kingsbridge Institute of Technology", "2012-09 — 2016-06"], size=10, bold=True),
        TextLine(["Marine Geology"], size=10),
        TextLine(["Master of Science"], size=10),
    ]
    [school] = split_entries(lines, body_size=10, education=True)
    assert (school.organisation, school.title, school.subject) == (
        "Kingsbridge Institute of Technology",
        "Master of Science",
        "Marine Geology",
    )


def test_a_role_whose_words_also_name_labs_is_still_the_title_on_a_tie() -> None:
    lines = [
        TextLine(["QUILLON ANALYTICS", "01/2020 - 11/2020"], size=14, bold=True),
        TextLine(["RESEARCH ASSISTANT"], size=12),
        TextLine(["• Ran the survey archive"], size=11),
    ]
    [job] = split_entries(lines, body_size=11)
    assert (job.title, job.organisation) == ("RESEARCH ASSISTANT", "QUILLON ANALYTICS")


def test_a_role_alone_whose_words_also_name_labs_is_the_title() -> None:
    lines = [
        TextLine(["05.2019 – 05.2022", "Research Assistant — Peltari Works, Portland"], size=10),
        TextLine(["• Ran the survey archive"], size=10),
    ]
    [job] = split_entries(lines, body_size=10)
    assert (job.title, job.organisation, job.location) == (
        "Research Assistant",
        "Peltari Works",
        "Portland",
    )
