"""The review form's shape: which fields of each section a person can correct, and their labels.

Presentation only: the form sends back a whole `Resume`, validated by the documents service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["text", "paragraph", "lines"]
Field = tuple[str, str, Kind]

BASICS_FIELDS: list[Field] = [
    ("name", "Name", "text"),
    ("label", "Headline", "text"),
    ("email", "Email", "text"),
    ("phone", "Phone", "text"),
    ("url", "Website", "text"),
    ("location.city", "City", "text"),
    ("location.region", "Region", "text"),
    ("location.countryCode", "Country", "text"),
    ("summary", "Summary", "paragraph"),
]

DATES: list[Field] = [("startDate", "Start", "text"), ("endDate", "End", "text")]


@dataclass(frozen=True)
class SectionShape:
    key: str
    label: str
    singular: str
    fields: list[Field]


SECTIONS: list[SectionShape] = [
    SectionShape(
        "work",
        "Experience",
        "job",
        [
            ("position", "Title", "text"),
            ("name", "Employer", "text"),
            ("location", "Location", "text"),
            *DATES,
            ("summary", "Description", "paragraph"),
            ("highlights", "Bullets", "lines"),
        ],
    ),
    SectionShape(
        "education",
        "Education",
        "school",
        [
            ("institution", "School", "text"),
            ("studyType", "Degree", "text"),
            ("area", "Subject", "text"),
            ("location", "Location", "text"),
            *DATES,
            ("score", "Grade", "text"),
            ("courses", "Courses", "lines"),
        ],
    ),
    SectionShape(
        "skills",
        "Skills",
        "skill group",
        [("name", "Group", "text"), ("level", "Level", "text"), ("keywords", "Skills", "lines")],
    ),
    SectionShape(
        "projects",
        "Projects",
        "project",
        [
            ("name", "Name", "text"),
            ("url", "Link", "text"),
            *DATES,
            ("description", "Description", "paragraph"),
            ("highlights", "Bullets", "lines"),
            ("keywords", "Keywords", "lines"),
        ],
    ),
    SectionShape(
        "certificates",
        "Certificates",
        "certificate",
        [("name", "Name", "text"), ("issuer", "Issuer", "text"), ("date", "Date", "text")],
    ),
    SectionShape(
        "awards",
        "Awards",
        "award",
        [
            ("title", "Title", "text"),
            ("awarder", "Awarded by", "text"),
            ("date", "Date", "text"),
            ("summary", "Description", "paragraph"),
        ],
    ),
    SectionShape(
        "publications",
        "Publications",
        "publication",
        [
            ("name", "Title", "text"),
            ("publisher", "Publisher", "text"),
            ("releaseDate", "Date", "text"),
            ("summary", "Description", "paragraph"),
        ],
    ),
    SectionShape(
        "volunteer",
        "Volunteering",
        "role",
        [
            ("position", "Role", "text"),
            ("organization", "Organisation", "text"),
            *DATES,
            ("summary", "Description", "paragraph"),
            ("highlights", "Bullets", "lines"),
        ],
    ),
    SectionShape(
        "languages",
        "Languages",
        "language",
        [("language", "Language", "text"), ("fluency", "Fluency", "text")],
    ),
    SectionShape(
        "interests",
        "Interests",
        "interest",
        [("name", "Interest", "text"), ("keywords", "Details", "lines")],
    ),
    SectionShape(
        "references",
        "References",
        "reference",
        [("name", "Name", "text"), ("reference", "Reference", "paragraph")],
    ),
]


@dataclass(frozen=True)
class SectionView:
    key: str
    label: str
    singular: str
    fields: list[Field]
    items: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class OtherSection:
    """A section kept as written (`meta.sections`, kind other): its heading and its text."""

    index: int
    heading: str
    text: str


@dataclass(frozen=True)
class ReviewForm:
    basics_fields: list[Field]
    basics_values: dict[str, str]
    sections: list[SectionView]
    others: list[OtherSection]


def build(resume: dict[str, Any]) -> ReviewForm:
    """The form for a stored résumé (JSON Resume, as the documents service keeps it)."""
    basics = resume.get("basics", {})
    return ReviewForm(
        basics_fields=BASICS_FIELDS,
        basics_values={key: str(_dotted(basics, key)) for key, _, _ in BASICS_FIELDS},
        sections=[
            SectionView(
                shape.key, shape.label, shape.singular, shape.fields, resume.get(shape.key) or []
            )
            for shape in SECTIONS
        ],
        others=[
            OtherSection(index, str(section.get("heading", "")), str(section.get("text", "")))
            for index, section in enumerate(resume.get("meta", {}).get("sections", []))
            if section.get("kind") == "other"
        ],
    )


def _dotted(values: dict[str, Any], key: str) -> Any:
    for part in key.split("."):
        values = values.get(part, {}) if isinstance(values, dict) else {}
    return values if values != {} else ""
