"""Headings, sections, entries and contact details built from lines with layout hints."""

from __future__ import annotations

from resumeforge.documents.parsing.layout import TextLine
from resumeforge.documents.parsing.sections import build_resume
from resumeforge.documents.parsing.text import read_text_lines
from resumeforge.rendering.layout import print_resume
from resumeforge.resume.headings import heading_kind, is_vocabulary_heading
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
        "Expérience professionnelle": SectionKind.work,
        "Experiencia laboral": SectionKind.work,
        "Experiência profissional": SectionKind.work,
        "Esperienze lavorative": SectionKind.work,
        "Ausbildung": SectionKind.education,
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
