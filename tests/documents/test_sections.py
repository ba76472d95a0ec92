"""Headings, sections, entries and contact details built from lines with layout hints."""

from __future__ import annotations

from resumeforge.documents.parsing.layout import TextLine
from resumeforge.documents.parsing.sections import build_resume, read_resume
from resumeforge.documents.parsing.text import read_text_lines
from resumeforge.rendering.layout import print_resume
from resumeforge.resume.headings import heading_kind, is_contact_heading, is_vocabulary_heading
from resumeforge.resume.schemas import SectionKind


def _line(*segments: str, size: float = 10.0, bold: bool = False) -> TextLine:
    return TextLine(segments=list(segments), size=size, bold=bold)


def test_heading_variants_map_to_kinds() -> None:
    assert heading_kind("Professional Experience") is SectionKind.work
    assert heading_kind("Work History") is SectionKind.work
    assert heading_kind("Technical Skills") is SectionKind.skills
    assert heading_kind("Volunteer Experience") is SectionKind.volunteer
    assert heading_kind("Honors, Awards & Certifications") is SectionKind.awards
    assert heading_kind("\uf19dEducation:") is SectionKind.education
    assert heading_kind("Career Objective") is SectionKind.summary
    assert heading_kind("Senior Engineer") is None


def test_jobs_split_into_title_employer_and_dates() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("sam@example.com | 555-201-3344"),
        _line("Experience", size=13, bold=True),
        _line("Acme Corp.", "Denver, CO", bold=True),
        _line("Backend Engineer", "Jan 2020 – Present"),
        _line("• Cut p99 latency by 40%"),
        _line("Globex LLC", "Austin, TX", bold=True),
        _line("Software Engineering Intern", "Summer 2018"),
        _line("• Wrote the billing exporter"),
        _line("Education", size=13, bold=True),
        _line("State University", "Boulder, CO", bold=True),
        _line("BS in Computer Science", "2014 – 2018"),
    ]
    resume = build_resume(lines)
    assert resume.basics.name == "Sam Rivera"
    assert resume.basics.phone == "555-201-3344"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Backend Engineer", "Acme Corp.", "2020-01", "Present"),
        ("Software Engineering Intern", "Globex LLC", "2018", ""),
    ]
    assert resume.work[0].location == "Denver, CO"
    assert resume.work[0].highlights == ["Cut p99 latency by 40%"]
    school = resume.education[0]
    assert (school.institution, school.studyType, school.area) == (
        "State University",
        "BS",
        "Computer Science",
    )


def test_sections_are_kept_in_order_and_unknown_ones_are_other() -> None:
    text = "\n".join(
        [
            "Lee Park",
            "lee@example.com",
            "## Summary",
            "Engineer who ships.",
            "## Skills",
            "Languages: Go, Rust, SQL",
            "## Side Quests",
            "Built a boat.",
        ]
    )
    resume = build_resume(read_text_lines(text))
    assert [(s.heading, s.kind) for s in resume.meta.sections] == [
        ("Summary", SectionKind.summary),
        ("Skills", SectionKind.skills),
        ("Side Quests", SectionKind.other),
    ]
    assert resume.meta.sections[2].text == "Built a boat."
    assert resume.skills[0].name == "Languages"
    assert resume.skills[0].keywords == ["Go", "Rust", "SQL"]
    assert resume.basics.summary == "Engineer who ships."


def test_every_item_points_into_the_source_text() -> None:
    resume = build_resume(
        read_text_lines("Lee Park\nlee@example.com\nEXPERIENCE\nAcme Corp.\nEngineer   2019 - 2021")
    )
    span = resume.meta.sources["basics.email"]
    assert resume.meta.source_text[span.start : span.end] == "lee@example.com"
    assert "work[0]" in resume.meta.sources


def test_languages_line_splits_into_languages_with_fluency() -> None:
    text = "\n".join(
        [
            "Lee Park",
            "lee@example.com",
            "## Languages",
            "English (Native), Spanish (Fluent, written)",
            "French: B2; German – basic",
            "Korean",
        ]
    )
    resume = build_resume(read_text_lines(text))
    assert [(item.language, item.fluency) for item in resume.languages] == [
        ("English", "Native"),
        ("Spanish", "Fluent, written"),
        ("French", "B2"),
        ("German", "basic"),
        ("Korean", ""),
    ]


def test_last_word_of_a_wrapped_bullet_is_not_a_heading() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("sam@example.com"),
        _line("Experience", size=13, bold=True),
        _line("Backend Engineer", "Jan 2020 – Present", bold=True),
        _line("Acme Corp.", "Denver, CO"),
        _line("• Moved the queue workers to a new scheduler for a 3x speedup on the shared"),
        _line("stack"),
        _line("• Swapped the hand-written deploy scripts for standard"),
        _line("tools"),
        _line("Data Analyst", "2017 – 2019", bold=True),
        _line("Globex LLC", "Austin, TX"),
    ]
    resume = build_resume(lines)
    assert [section.heading for section in resume.meta.sections] == ["Experience"]
    assert [(w.position, w.name) for w in resume.work] == [
        ("Backend Engineer", "Acme Corp."),
        ("Data Analyst", "Globex LLC"),
    ]


def test_a_lower_case_heading_in_heading_type_is_still_a_heading() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("sam@example.com"),
        _line("experience", size=14, bold=True),
        _line("Backend Engineer", "Jan 2020 – Present", bold=True),
        _line("Acme Corp.", "Denver, CO"),
        _line("education", size=14, bold=True),
        _line("State University", "2014 – 2018", bold=True),
    ]
    resume = build_resume(lines)
    assert [section.heading for section in resume.meta.sections] == ["experience", "education"]
    assert resume.education[0].institution == "State University"


def test_a_project_built_with_a_list_of_tools_is_named_by_its_title() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("sam@example.com | 555-201-3344"),
        _line("Projects", size=13, bold=True),
        _line("Rain Gauge (Makers Guild) | Soldering, MicroPython, LoRa", "July 2019", bold=True),
        _line("• Built a gauge that reports rainfall to a phone"),
        _line("Bird Feeder Cam | Raspberry Pi, Woodwork, OpenCV", "Apr. 2019", bold=True),
        _line("• Designed and built a camera that counts visiting birds"),
    ]
    first, second = build_resume(lines).projects
    assert first.name == "Rain Gauge (Makers Guild)"
    assert first.keywords == ["Soldering", "MicroPython", "LoRa"]
    assert (second.name, second.roles) == ("Bird Feeder Cam", [])
    assert second.highlights == ["Designed and built a camera that counts visiting birds"]


def test_projects_named_by_a_link_line_take_the_paragraph_on_their_side() -> None:
    head = [_line("Sam Rivera", size=20), _line("sam@example.com | 555-201-3344")]
    paragraphs_first = [
        _line("Projects", size=13, bold=True),
        _line("A live tracker of bus arrivals. The user picks a stop to see the next buses"),
        _line("arriving, refreshed from the city's open API."),
        _line("● Bus tracker : https://example.github.io/bus/ ."),
        _line("A quiz game written in JavaScript. Players answer against a timer."),
        _line("● Code -quiz: https://example.github.io/quiz/"),
    ]
    bus, quiz = build_resume(head + paragraphs_first).projects
    assert (bus.name, bus.url) == ("Bus tracker", "https://example.github.io/bus/")
    assert bus.description.startswith("A live tracker of bus arrivals.")
    assert bus.description.endswith("open API.")
    assert quiz.name == "Code -quiz"
    assert quiz.description.startswith("A quiz game")

    names_first = [
        _line("Projects", size=13, bold=True),
        _line("● Bus tracker : https://example.github.io/bus/"),
        _line("A live tracker of bus arrivals."),
        _line("● Code quiz: example.github.io/quiz/"),
        _line("A quiz game written in JavaScript."),
    ]
    bus, quiz = build_resume(head + names_first).projects
    assert (bus.description, quiz.description) == (
        "A live tracker of bus arrivals.",
        "A quiz game written in JavaScript.",
    )


def test_a_section_of_name_colon_bullets_is_a_project_per_bullet() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("sam@example.com | 555-201-3344"),
        _line("Projects", size=13, bold=True),
        _line("• Tide Tables: A small command-line tool that prints the tides for a harbour and"),
        _line("warns before spring tides."),
        _line("• Knot Atlas: A picture guide to the twenty knots every sailor should tie."),
    ]
    tides, knots = build_resume(lines).projects
    assert (tides.name, knots.name) == ("Tide Tables", "Knot Atlas")
    assert tides.description.endswith("warns before spring tides.")
    assert knots.description == "A picture guide to the twenty knots every sailor should tie."


def test_headings_in_six_languages_map_to_kinds() -> None:
    expected = {
        "Berufserfahrung": SectionKind.work,
        "Berufliche Stationen": SectionKind.work,
        "Expérience professionnelle": SectionKind.work,
        "Experiencia laboral": SectionKind.work,
        "Experiência profissional": SectionKind.work,
        "Esperienze lavorative": SectionKind.work,
        "Ausbildung": SectionKind.education,
        "Education and Training": SectionKind.education,
        "Formation continue": SectionKind.other,
        "Formation": SectionKind.education,
        "Formación académica": SectionKind.education,
        "Formação acadêmica": SectionKind.education,
        "Istruzione e formazione": SectionKind.education,
        "Kenntnisse und Fähigkeiten": SectionKind.skills,
        "Compétences techniques": SectionKind.skills,
        "Habilidades": SectionKind.skills,
        "Competenze": SectionKind.skills,
        "Sprachkenntnisse": SectionKind.languages,
        "Compétences linguistiques": SectionKind.languages,
        "Idiomas": SectionKind.languages,
        "Lingue": SectionKind.languages,
        "Über mich": SectionKind.summary,
        "Perfil profesional": SectionKind.summary,
        "Centres d'intérêt": SectionKind.interests,
        "Referenzen": SectionKind.references,
    }
    for heading, kind in expected.items():
        assert heading_kind(heading) is kind, heading
        assert is_vocabulary_heading(heading), heading
    # Headings written without their accents are the same headings.
    assert heading_kind("Experiencia Profesional") is SectionKind.work
    assert heading_kind("ETUDES") is SectionKind.education
    assert not is_vocabulary_heading("Ingeniero de software")


def test_headings_in_dutch_and_scandinavian_languages_map_to_kinds() -> None:
    expected = {
        "Education and Training": SectionKind.education,
        "Personal skills": SectionKind.skills,
        "Historial de Trabajo": SectionKind.work,
        "Erste Kenntnisse in": SectionKind.skills,
        "Werkervaring": SectionKind.work,
        "Erfaring": SectionKind.work,
        "Arbeidserfaring": SectionKind.work,
        "Arbetslivserfarenhet": SectionKind.work,
        "Opleiding": SectionKind.education,
        "Uddannelse": SectionKind.education,
        "Utdanning": SectionKind.education,
        "Utbildning": SectionKind.education,
        "Vaardigheden": SectionKind.skills,
        "Færdigheder": SectionKind.skills,
        "Ferdigheter": SectionKind.skills,
        "Kompetenser": SectionKind.skills,
        "Talen": SectionKind.languages,
        "Sprog": SectionKind.languages,
        "Språk": SectionKind.languages,
        "Over mij": SectionKind.summary,
        "Om mig": SectionKind.summary,
        "Sammanfattning": SectionKind.summary,
        "Interesser": SectionKind.interests,
        "Referenties": SectionKind.references,
    }
    for heading, kind in expected.items():
        assert heading_kind(heading) is kind, heading
        assert is_vocabulary_heading(heading), heading


def test_a_phone_without_a_label_under_a_contact_heading_is_the_persons() -> None:
    lines = [
        _line("Ada Example", size=20.0),
        _line("Experiência", size=14.0, bold=True),
        _line("Analista – Exemplo Ltda", bold=True),
        _line("01/06/2017 – 22/10/2021"),
        _line("Contato", size=14.0, bold=True),
        _line("(11) 9 8765-4321"),
        _line("ada@example.com"),
    ]
    assert is_contact_heading("Contato")
    assert build_resume(lines).basics.phone == "(11) 9 8765-4321"


def test_a_phone_after_a_telefon_label_is_found_below_the_top() -> None:
    lines = [
        _line("Ada Example", size=20.0),
        _line("Stammdaten", size=16.0),
        _line("E-Mail:", "ada@example.com"),
        _line("Telefon:", "0676 1234567"),
        _line("Geburtsdatum:", "01.12.2000"),
    ]
    assert build_resume(lines).basics.phone == "0676 1234567"


def test_a_capitals_label_column_beside_its_content_is_a_heading() -> None:
    lines = [
        _line("Curriculum vitae"),
        _line("PERSONAL INFORMATION", "Ada Example"),
        _line("12 Example Road, Sometown"),
        _line("+44 20 7946 0000"),
        _line("ada@example.com"),
        _line("JOB APPLIED FOR", "Web developer"),
        _line("WORK EXPERIENCE"),
        _line("03/05/2012–28/02/2014", "Kitchen porter"),
        _line("Example Foods Ltd, Sometown"),
        _line("EDUCATION AND TRAINING"),
        _line("2018–2020", "Web application development"),
        _line("Example College, Sometown"),
    ]
    resume = build_resume(lines)
    kinds = {section.heading: section.kind for section in resume.meta.sections}
    assert kinds["PERSONAL INFORMATION"] is SectionKind.other
    assert kinds["JOB APPLIED FOR"] is SectionKind.summary
    assert kinds["WORK EXPERIENCE"] is SectionKind.work
    assert kinds["EDUCATION AND TRAINING"] is SectionKind.education
    assert resume.basics.name == "Ada Example"
    assert resume.basics.phone == "+44 20 7946 0000"
    assert resume.work[0].startDate == "2012-05"
    assert resume.work[0].endDate == "2014-02"


def test_contact_lines_already_in_the_header_are_not_repeated_in_their_section() -> None:
    lines = [
        _line("Ada Example", size=20.0),
        _line("Experience", size=14.0, bold=True),
        _line("Analyst – Example Ltd", bold=True),
        _line("2017 – 2021"),
        _line("Contact", size=14.0, bold=True),
        _line("Phone: (11) 9 8765-4321"),
        _line("12 Example Road, Sometown"),
        _line("ada@example.com"),
    ]
    resume = build_resume(lines)
    assert resume.basics.email == "ada@example.com"
    assert resume.basics.phone == "(11) 9 8765-4321"
    kept = "\n".join(s.text for s in resume.meta.sections if s.kind is SectionKind.other)
    assert "12 Example Road, Sometown" in kept
    assert "ada@example.com" not in kept
    assert "8765-4321" not in kept


def test_a_heading_style_set_as_small_as_the_body_is_a_group_inside_its_section() -> None:
    def styled(text: str, size: float) -> TextLine:
        return TextLine(segments=[text], size=size, bold=True, styled_heading=True)

    lines = [
        _line("Ada Example", size=21.0, bold=True),
        styled("Experience", 16.0),
        _line("Analyst – Example Ltd", size=12.0, bold=True),
        _line("2017 – 2021 – Sometown", size=8.0),
        _line("Checked every release against the test plan before it shipped.", size=8.0),
        styled("Skills", 16.0),
        styled("// Team work:", 8.0),
        _line("Project management", size=8.0),
        _line("Coaching", size=8.0),
        styled("// Data work:", 8.0),
        _line("SQL;", size=8.0),
        _line("Databases;", size=8.0),
    ]
    resume = build_resume(lines)
    assert [s.heading for s in resume.meta.sections] == ["Experience", "Skills"]
    groups = {skill.name: skill.keywords for skill in resume.skills}
    assert groups == {
        "// Team work": ["Project management", "Coaching"],
        "// Data work": ["SQL", "Databases"],
    }


def test_the_name_set_large_below_a_sidebar_read_first_is_the_name() -> None:
    lines = [
        _line("0600 000000", size=12.0),
        _line("ada@example.com", size=12.0),
        _line("Sometown", size=12.0),
        _line("Compétences", size=21.0, bold=True),
        _line("Python, SQL", size=12.0),
        _line("Ada Example", size=26.0, bold=True),
        _line("Profil", size=21.0, bold=True),
        _line("Développeuse passionnée, je conçois des applications web et mobiles.", size=12.0),
    ]
    assert build_resume(lines).basics.name == "Ada Example"


def test_a_document_title_an_address_or_a_labelled_link_is_no_headline() -> None:
    for under_the_name in ("Curriculum vitae", "Example Road 21", "LinkedIn: @someone"):
        lines = [
            _line("Ada Example", size=20.0),
            _line(under_the_name),
            _line("ada@example.com"),
            _line("Experience", size=14.0, bold=True),
            _line("Analyst – Example Ltd", bold=True),
            _line("2017 – 2021"),
        ]
        assert build_resume(lines).basics.label == "", under_the_name
    lines[1] = _line("Data Analyst")
    assert build_resume(lines).basics.label == "Data Analyst"


def test_a_note_in_brackets_is_not_a_heading() -> None:
    lines = [
        _line("Ada Example", size=20.0),
        _line("Contact", size=13.0),
        _line("example.org/ada"),
        _line("(Portfolio)", size=11.0),
        _line("Experience", size=13.0),
        _line("Analyst – Example Ltd", bold=True),
        _line("2017 – 2021"),
    ]
    headings = [section.heading for section in build_resume(lines).meta.sections]
    assert "(Portfolio)" not in headings


def test_a_later_pages_header_of_the_name_and_document_title_is_furniture() -> None:
    def on_page(page: int, *segments: str) -> TextLine:
        return TextLine(segments=list(segments), size=10.0, page=page)

    lines = [
        TextLine(segments=["Ada Example"], size=20.0),
        TextLine(segments=["Education"], size=14.0, bold=True),
        on_page(0, "2015 – 2018", "Bachelor of Science"),
        on_page(0, "Example University"),
        on_page(1, "Curriculum vitae", "Ada Example"),
        on_page(1, "2018 – 2020", "Master of Science"),
        on_page(1, "Example University"),
    ]
    read = read_resume(lines)
    assert [school.studyType for school in read.resume.education] == [
        "Bachelor of Science",
        "Master of Science",
    ]
    assert [line.text for line in read.furniture] == ["Curriculum vitae\tAda Example"]


def test_items_labelled_with_an_asterisk_operator_are_bullets_of_their_job() -> None:
    # LaTeX's \ast item label prints U+2217, not an ASCII asterisk.
    resume = build_resume(
        [
            TextLine(["Experience"], size=12, bold=True),
            TextLine(["Data Engineer", "2019 – 2023"], size=10, bold=True),
            TextLine(["Kestrel Systems, Leeds"], size=10),
            TextLine(["\u2217 Built the nightly ingestion pipeline"], size=10),
            TextLine(["\u2217 Cut report latency by half"], size=10),
        ]
    )
    [job] = resume.work
    assert (job.position, job.name, job.location) == ("Data Engineer", "Kestrel Systems", "Leeds")
    assert job.highlights == ["Built the nightly ingestion pipeline", "Cut report latency by half"]


def test_a_background_heading_is_a_heading_of_its_kind() -> None:
    assert is_vocabulary_heading("Academic Background")
    assert heading_kind("Academic Background") is SectionKind.education
    assert not is_vocabulary_heading("Background")


def test_group_labels_in_the_heading_type_under_skills_are_groups_not_sections() -> None:
    heading = {"size": 10.0, "bold": True}
    resume = build_resume(
        [
            TextLine(["Ilse Marwood"], size=20, bold=True),
            TextLine(["Skills"], **heading),
            TextLine(["Programming"], **heading),
            TextLine(["Kotlin, Rust, Elixir, SQL"], size=10),
            TextLine(["Tools"], **heading),
            TextLine(["Figma, Airflow, Jira"], size=10),
            TextLine(["Data"], **heading),
            TextLine(["Tableau, dbt, Snowflake"], size=10),
            TextLine(["Languages"], **heading),
            TextLine(["English, Dutch, German"], size=10),
            TextLine(["Experience"], **heading),
            TextLine(["Data Engineer", "2019 – 2023"], **heading),
            TextLine(["Kestrel Systems, Leeds"], size=10),
        ]
    )
    assert [s.heading for s in resume.meta.sections] == ["Skills", "Languages", "Experience"]
    assert [(s.name, s.keywords) for s in resume.skills] == [
        ("Programming", ["Kotlin", "Rust", "Elixir", "SQL"]),
        ("Tools", ["Figma", "Airflow", "Jira"]),
        ("Data", ["Tableau", "dbt", "Snowflake"]),
    ]
    assert [language.language for language in resume.languages] == ["English", "Dutch", "German"]


def test_skill_groups_printed_as_headings_of_their_own_are_skills() -> None:
    lines = [
        TextLine(segments=["Wren Abernathy"], size=24, bold=True),
        TextLine(segments=["Programming"], size=14),
        TextLine(segments=["Fortran, Julia"], size=10),
        TextLine(segments=["Werkzeuge"], size=14),
        TextLine(segments=["Radar, Sextant"], size=10),
        TextLine(segments=["Experience"], size=14),
        TextLine(segments=["Harbour Pilot, Estuary Marine Services, 2019 - 2024"], size=10),
    ]
    resume = build_resume(lines)
    assert [(section.heading, section.kind) for section in resume.meta.sections][:2] == [
        ("Programming", SectionKind.skills),
        ("Werkzeuge", SectionKind.skills),
    ]
    assert [skill.keywords for skill in resume.skills] == [
        ["Fortran", "Julia"],
        ["Radar", "Sextant"],
    ]


def test_berufliche_stationen_is_the_work_section() -> None:
    lines = [
        TextLine(segments=["Wren Abernathy"], size=24, bold=True),
        TextLine(segments=["BERUFLICHE STATIONEN"], size=12, bold=True),
        TextLine(segments=["Lotsin", "Mai 2019 – heute"], size=10, bold=True),
        TextLine(segments=["Elbe Marine GmbH", "Hamburg"], size=10),
    ]
    resume = build_resume(lines)
    assert [(s.heading, s.kind) for s in resume.meta.sections] == [
        ("BERUFLICHE STATIONEN", SectionKind.work)
    ]
    assert resume.work[0].name == "Elbe Marine GmbH"


def test_a_heading_naming_two_sections_is_the_first_that_is_not_other() -> None:
    assert heading_kind("EDUCATION AND TRAINING") is SectionKind.education
    assert heading_kind("Ausbildung und Weiterbildung") is SectionKind.education
    assert heading_kind("Projects & Research") is SectionKind.projects
    # Items that are all miscellany stay so, and a qualified single heading keeps its rule.
    assert heading_kind("Research and Teaching") is SectionKind.other
    assert heading_kind("Research Experience") is SectionKind.other
    assert heading_kind("Compétences linguistiques") is SectionKind.languages


def test_an_unknown_group_heading_after_the_skills_heads_more_skills() -> None:
    lines = [
        _line("Wren Abernathy", size=24, bold=True),
        _line("SKILLS", bold=True),
        _line("Tide tables, radar plotting"),
        _line("SEAMANSHIP", bold=True),
        _line("Knots, splicing, boat handling"),
        _line("EXPERIENCE", bold=True),
        _line("Harbour Pilot, Estuary Marine Services, 2019 - 2024"),
        _line("CARTOGRAPHY", bold=True),
        _line("Surveyed the estuary's channels for the new charts."),
    ]
    sections = build_resume(lines).meta.sections
    # "SEAMANSHIP" over a list, inside the skills, is read as one of their groups.
    assert [(s.heading, s.kind) for s in sections] == [
        ("SKILLS", SectionKind.skills),
        ("EXPERIENCE", SectionKind.work),
        # Not after the skills, and a sentence: kept as written.
        ("CARTOGRAPHY", SectionKind.other),
    ]
    skills = build_resume(lines).skills
    assert [k for skill in skills for k in skill.keywords] == [
        "Tide tables",
        "radar plotting",
        "Knots",
        "splicing",
        "boat handling",
    ]
    assert skills[-1].name == "SEAMANSHIP"


def test_a_grade_keeps_its_label_and_the_degree_prints_as_written() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("Education", size=13, bold=True),
        _line("State University", "Boulder, CO", bold=True),
        _line("BS in Computer Science (GPA 3.6/4.0)", "2014 – 2018"),
    ]
    resume = build_resume(lines)
    [school] = resume.education
    assert (school.studyType, school.area) == ("BS", "Computer Science")
    assert school.score == "GPA 3.6/4.0"
    [education] = [s for s in print_resume(resume).sections if s.kind == "education"]
    assert education.entries[0].subtitle == "BS in Computer Science"
    assert education.entries[0].text == "GPA 3.6/4.0"


def test_and_separates_short_skills_but_stays_inside_a_phrase() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("Skills", size=13, bold=True),
        _line("Languages: Python and Go, SQL"),
        _line("Mentored 12 junior colleagues and ran the onboarding programme"),
    ]
    resume = build_resume(lines)
    assert [skill.keywords for skill in resume.skills] == [
        ["Python", "Go", "SQL"],
        ["Mentored 12 junior colleagues and ran the onboarding programme"],
    ]


def test_a_heading_over_nothing_it_could_place_still_prints() -> None:
    lines = [
        _line("Sam Rivera", size=20),
        _line("Skills", size=13, bold=True),
        _line("Experience", size=13, bold=True),
        _line("Acme Corp.", "Denver, CO", bold=True),
        _line("Backend Engineer", "Jan 2020 – Present"),
    ]
    resume = build_resume(lines)
    assert [(s.heading, s.kind) for s in resume.meta.sections] == [
        ("Skills", SectionKind.other),
        ("Experience", SectionKind.work),
    ]
    assert [s.heading for s in print_resume(resume).sections] == ["Skills", "Experience"]


def test_a_name_followed_by_a_comma_and_a_job_title_is_the_name() -> None:
    lines = [
        _line("Ada Example, Survey Technician", size=18.0),
        _line("ada@example.org | +44 20 7946 0321", size=10.0),
        _line("EXPERIENCE", size=12.0, bold=True),
        _line("Survey Technician, Broadland Estates Ltd.", "2016 - 2020", bold=True),
    ]
    assert build_resume(lines).basics.name == "Ada Example"
    # A surname printed first, before a comma, is still part of the name.
    lines[0] = _line("Example, Ada", size=18.0)
    assert build_resume(lines).basics.name == "Example, Ada"


def test_given_names_printed_above_the_surname_are_part_of_the_name() -> None:
    lines = [
        _line("Ada", size=20.0),
        _line("LOVELACE-EXAMPLE", size=24.0, bold=True),
        _line("Survey Technician", size=12.0),
        _line("ada@example.org", size=10.0),
        _line("EXPERIENCE", size=12.0, bold=True),
        _line("Survey Technician, Broadland Estates Ltd.", "2016 - 2020", bold=True),
    ]
    assert build_resume(lines).basics.name == "Ada LOVELACE-EXAMPLE"


def test_a_label_over_every_jobs_bullets_stays_in_its_jobs_however_many_jobs() -> None:
    lines = [_line("Ada Example", size=24.0), _line("ada@example.org")]
    lines += [_line("About", size=14.0, bold=True), _line("Surveyor of rivers and farms.")]
    lines.append(_line("Work", size=14.0, bold=True))
    for year in range(2010, 2024, 2):
        lines.append(_line("Kestrel Systems", f"{year} - {year + 2}", bold=True))
        lines.append(_line("Survey Technician", bold=True))
        lines.append(_line("Highlights", bold=True))
        lines.append(_line("• Mapped the river banks"))
    lines += [_line("Education", size=14.0, bold=True), _line("Brill College", "2006 - 2010")]
    resume = build_resume(lines)
    assert len(resume.work) == 7
    assert [s.heading for s in resume.meta.sections if s.heading == "Highlights"] == []
