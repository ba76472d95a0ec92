"""What gets printed, decided once for every format: a `Resume` becomes printable sections.

Both the Typst templates and the DOCX writer consume `PrintedResume`, so a template's PDF and
DOCX carry the same words in the same order, and the section logic (order, empty sections
omitted, each kind laid out as it should be) is written and tested in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from resumeforge.rendering.wording import ENGLISH, Wording, wording_for
from resumeforge.resume.language import OPEN_END_WORDS, resume_language
from resumeforge.resume.schemas import (
    Basics,
    CoverLetter,
    Resume,
    Section,
    SectionKind,
)

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-\d{1,2})?$")
DATE_SEPARATOR = " – "
CONTACT_SEPARATOR = " | "

SectionLayout = Literal["entries", "paragraphs", "rows"]


@dataclass
class Link:
    """A piece of the contact line; `url` is empty when it is plain text."""

    text: str
    url: str = ""


@dataclass
class Header:
    name: str
    label: str
    contacts: list[Link]


@dataclass
class Entry:
    """One job, degree, project...: a bold title and dates, a detail line, then the body."""

    title: str
    dates: str = ""
    subtitle: str = ""
    location: str = ""
    url: str = ""
    text: str = ""
    keywords: str = ""  # a project's technologies, on their own line after the text
    bullets: list[str] = field(default_factory=list)


@dataclass
class Row:
    """A labelled line, e.g. skills grouped as "Languages: Python, Go"."""

    label: str
    text: str


@dataclass
class PrintedSection:
    heading: str
    kind: str
    layout: SectionLayout
    entries: list[Entry] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def is_empty(self) -> bool:
        """Nothing to print; an `other` section's heading alone is printed (the parse keeps
        a heading it found over nothing it could place as one)."""
        if self.kind == SectionKind.other.value and self.heading:
            return False
        return not (self.entries or self.paragraphs or self.rows)


@dataclass
class PrintedResume:
    title: str  # the document's metadata title
    author: str
    header: Header
    sections: list[PrintedSection]
    lang: str = "en"  # ISO 639-1: what Typst and Word hyphenate and spell-check by

    def as_json_ready(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PrintedLetter:
    title: str
    author: str
    header: Header
    date: str
    recipient_lines: list[str]
    greeting: str
    paragraphs: list[str]
    closing: str
    signature: str

    def as_json_ready(self) -> dict[str, Any]:
        return asdict(self)


# --- text ----------------------------------------------------------------------------------

# Control characters (bar tab and newline) and lone surrogates: no PDF or XML can hold them.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """The text as typed, minus what no document can hold (control chars, lone surrogates)."""
    if text.isascii() and text.isprintable():  # most text: no control character, no \r
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return UNPRINTABLE.sub("", text).strip()


def one_line(text: str) -> str:
    """`clean`, with line breaks and tabs folded to spaces: for titles, dates, names."""
    line = clean(text)
    # Printable ASCII has no white space but the space: with none doubled, nothing to fold.
    if line.isascii() and line.isprintable() and "  " not in line:
        return line
    return _SPACES.sub(" ", line)


def format_date(value: str, wording: Wording = ENGLISH) -> str:
    """ "2021-03" → "Mar 2021" ("März 2021"); "present" → "Present" ("heute"); else as written."""
    value = one_line(value)
    if value.casefold().replace("’", "'") in OPEN_END_WORDS:
        return wording.present
    match = ISO_DATE.match(value)
    if not match:
        return value
    year, month = match.group(1), match.group(2)
    if month and 1 <= int(month) <= 12:
        return f"{wording.months[int(month) - 1]} {year}"
    return year


def date_range(start: str, end: str, wording: Wording = ENGLISH) -> str:
    """Start – end; a lone date is printed alone (an empty end is not assumed "Present")."""
    parts = [format_date(start, wording), format_date(end, wording)]
    return DATE_SEPARATOR.join(part for part in parts if part)


def joined(parts: Sequence[str], separator: str = ", ") -> str:
    return separator.join(one_line(part) for part in parts if one_line(part))


# --- header --------------------------------------------------------------------------------


def display_url(url: str) -> str:
    """What a reader sees of a link: no scheme, no "www.", no trailing slash."""
    shown = re.sub(r"^[a-z][a-z0-9+.-]*://", "", one_line(url), flags=re.IGNORECASE)
    return shown.removeprefix("www.").rstrip("/")


def link_target(url: str) -> str:
    """A clickable address: bare domains get https://; other schemes are kept."""
    url = one_line(url)
    if not url or re.match(r"^[a-z][a-z0-9+.-]*:", url, flags=re.IGNORECASE):
        return url
    return "https://" + url


def contact_links(basics: Basics) -> list[Link]:
    links: list[Link] = []
    if email := one_line(basics.email):
        links.append(Link(email, "mailto:" + email))
    if phone := one_line(basics.phone):
        links.append(Link(phone, "tel:" + re.sub(r"[^\d+]", "", phone)))
    location = basics.location
    if place := joined([location.city, location.region or location.countryCode]):
        links.append(Link(place))
    if url := one_line(basics.url):
        links.append(Link(display_url(url), link_target(url)))
    for profile in basics.profiles:
        if profile.url:
            links.append(Link(display_url(profile.url), link_target(profile.url)))
        elif profile.username:
            links.append(Link(joined([profile.network, profile.username], ": ")))
    return links


def build_header(basics: Basics) -> Header:
    return Header(
        name=one_line(basics.name), label=one_line(basics.label), contacts=contact_links(basics)
    )


# --- sections ------------------------------------------------------------------------------


def paragraphs_of(text: str) -> list[str]:
    """Each non-empty line is a paragraph: extracted text keeps its lines, not its wrapping."""
    return [one_line(line) for line in clean(text).split("\n") if one_line(line)]


def bullets_of(items: Sequence[str]) -> list[str]:
    return [one_line(item) for item in items if one_line(item)]


def role_entry(
    *,
    role: str,
    organisation: str,
    start: str,
    end: str,
    wording: Wording,
    location: str = "",
    url: str = "",
) -> Entry:
    """A job or volunteer role: the role and dates on the first line, the organisation below.

    Title first, on the dates line, is what most applicant tracking systems (and our parser)
    take as the job title when a line could be either ("Software Engineer", "Fernhill Software").
    """
    role, organisation = one_line(role), one_line(organisation)
    return Entry(
        title=role or organisation,
        dates=date_range(start, end, wording),
        subtitle=organisation if role else "",
        location=one_line(location),
        url=link_target(url),
    )


def work_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    entries = []
    for job in (resume.work[i] for i in indices):
        entry = role_entry(
            role=job.position,
            organisation=job.name,
            start=job.startDate,
            end=job.endDate,
            wording=wording,
            location=job.location,
            url=job.url,
        )
        entry.text = joined(paragraphs_of(job.summary), " ")
        entry.bullets = bullets_of(job.highlights)
        entries.append(entry)
    return entries


def volunteer_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    entries = []
    for role in (resume.volunteer[i] for i in indices):
        entry = role_entry(
            role=role.position,
            organisation=role.organization,
            start=role.startDate,
            end=role.endDate,
            wording=wording,
            url=role.url,
        )
        entry.text = joined(paragraphs_of(role.summary), " ")
        entry.bullets = bullets_of(role.highlights)
        entries.append(entry)
    return entries


def degree_with_subject(study_type: str, area: str, wording: Wording) -> str:
    """ "BS" and "Physics" → "BS in Physics", in the résumé's language; either one alone."""
    return joined([study_type, area], f" {wording.degree_subject} ")


def education_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    entries = []
    for school in (resume.education[i] for i in indices):
        details = []
        if score := one_line(school.score):
            details.append(score)
        if courses := joined(school.courses):
            details.append(courses)
        entries.append(
            Entry(
                title=one_line(school.institution),
                dates=date_range(school.startDate, school.endDate, wording),
                subtitle=degree_with_subject(school.studyType, school.area, wording),
                location=one_line(school.location),
                url=link_target(school.url),
                text="; ".join(details),
            )
        )
    return entries


def project_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    entries = []
    for project in (resume.projects[i] for i in indices):
        entries.append(
            Entry(
                title=one_line(project.name),
                dates=date_range(project.startDate, project.endDate, wording),
                subtitle=joined([*project.roles, project.entity]),
                url=link_target(project.url),
                text=joined(paragraphs_of(project.description), " "),
                keywords=joined(project.keywords),
                bullets=bullets_of(project.highlights),
            )
        )
    return entries


def award_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    return [
        Entry(
            title=one_line(award.title),
            dates=format_date(award.date, wording),
            subtitle=one_line(award.awarder),
            text=joined(paragraphs_of(award.summary), " "),
        )
        for award in (resume.awards[i] for i in indices)
    ]


def certificate_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    return [
        Entry(
            title=one_line(certificate.name),
            dates=format_date(certificate.date, wording),
            subtitle=one_line(certificate.issuer),
            url=link_target(certificate.url),
        )
        for certificate in (resume.certificates[i] for i in indices)
    ]


def publication_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    return [
        Entry(
            title=one_line(publication.name),
            dates=format_date(publication.releaseDate, wording),
            subtitle=one_line(publication.publisher),
            url=link_target(publication.url),
            text=joined(paragraphs_of(publication.summary), " "),
        )
        for publication in (resume.publications[i] for i in indices)
    ]


def reference_entries(resume: Resume, indices: Sequence[int], wording: Wording) -> list[Entry]:
    return [
        Entry(title=one_line(ref.name), text=joined(paragraphs_of(ref.reference), " "))
        for ref in (resume.references[i] for i in indices)
    ]


def keyword_rows(groups: Sequence[tuple[str, list[str]]]) -> list[Row]:
    """Named groups each get a row; bare names (no keywords) share one unlabelled row."""
    rows: list[Row] = []
    bare_names: list[str] = []
    for name, keywords in groups:
        if keywords := [k for k in keywords if one_line(k)]:
            rows.append(Row(one_line(name), joined(keywords)))
        elif one_line(name):
            bare_names.append(name)
    if bare_names:
        rows.insert(0, Row("", joined(bare_names)))
    return rows


def skill_rows(resume: Resume, indices: Sequence[int]) -> list[Row]:
    groups = []
    for skill in (resume.skills[i] for i in indices):
        name = f"{skill.name} ({skill.level})" if skill.level and skill.name else skill.name
        groups.append((name, skill.keywords))
    return keyword_rows(groups)


def interest_rows(resume: Resume, indices: Sequence[int]) -> list[Row]:
    return keyword_rows([(i.name, i.keywords) for i in (resume.interests[j] for j in indices)])


def language_paragraphs(resume: Resume, indices: Sequence[int]) -> list[str]:
    spoken = []
    for language in (resume.languages[i] for i in indices):
        name, fluency = one_line(language.language), one_line(language.fluency)
        spoken.append(f"{name} ({fluency})" if name and fluency else name or fluency)
    line = joined(spoken)
    return [line] if line else []


EntryBuilder = Callable[[Resume, Sequence[int], Wording], list[Entry]]
ENTRY_BUILDERS: dict[SectionKind, tuple[str, EntryBuilder]] = {
    SectionKind.work: ("work", work_entries),
    SectionKind.volunteer: ("volunteer", volunteer_entries),
    SectionKind.education: ("education", education_entries),
    SectionKind.projects: ("projects", project_entries),
    SectionKind.awards: ("awards", award_entries),
    SectionKind.certificates: ("certificates", certificate_entries),
    SectionKind.publications: ("publications", publication_entries),
    SectionKind.references: ("references", reference_entries),
}
ROW_BUILDERS: dict[SectionKind, tuple[str, Callable[[Resume, Sequence[int]], list[Row]]]] = {
    SectionKind.skills: ("skills", skill_rows),
    SectionKind.interests: ("interests", interest_rows),
}
LIST_OF_KIND: dict[SectionKind, str] = {
    **{kind: name for kind, (name, _) in ENTRY_BUILDERS.items()},
    **{kind: name for kind, (name, _) in ROW_BUILDERS.items()},
    SectionKind.languages: "languages",
}


def valid_indices(resume: Resume, kind: SectionKind, items: list[int] | None) -> list[int]:
    """The section's items that exist, in its order; None means the whole list."""
    size = len(getattr(resume, LIST_OF_KIND[kind]))
    if items is None:
        return list(range(size))
    return [i for i in items if 0 <= i < size]


def print_section(resume: Resume, section: Section, wording: Wording) -> PrintedSection:
    heading, kind = one_line(section.heading), section.kind
    if kind in ENTRY_BUILDERS:
        _, build_entries = ENTRY_BUILDERS[kind]
        entries = build_entries(resume, valid_indices(resume, kind, section.items), wording)
        return PrintedSection(heading, kind.value, "entries", entries=entries)
    if kind in ROW_BUILDERS:
        _, build_rows = ROW_BUILDERS[kind]
        rows = build_rows(resume, valid_indices(resume, kind, section.items))
        return PrintedSection(heading, kind.value, "rows", rows=rows)
    if kind is SectionKind.languages:
        lines = language_paragraphs(resume, valid_indices(resume, kind, section.items))
        return PrintedSection(heading, kind.value, "paragraphs", paragraphs=lines)
    if kind is SectionKind.summary:
        text = resume.basics.summary or section.text
        return PrintedSection(heading, kind.value, "paragraphs", paragraphs=paragraphs_of(text))
    return PrintedSection(heading, kind.value, "paragraphs", paragraphs=paragraphs_of(section.text))


def sections_to_print(resume: Resume, wording: Wording = ENGLISH) -> list[Section]:
    """`meta.sections`, plus a default section for any filled list no section shows."""
    sections = list(resume.meta.sections)
    headings = wording.headings
    if not sections and resume.basics.summary.strip():
        sections.append(Section(heading=headings[SectionKind.summary], kind="summary"))
    shown = {section.kind for section in sections}
    for kind, list_name in LIST_OF_KIND.items():
        if kind not in shown and getattr(resume, list_name):
            sections.append(Section(heading=headings[kind], kind=kind))
    return sections


def document_title(name: str, what: str) -> str:
    return f"{name} – {what}" if name else what


SectionPrinter = Callable[[Resume, Section, Wording], PrintedSection]


def print_resume(
    resume: Resume, *, wording: Wording | None = None, print_one: SectionPrinter = print_section
) -> PrintedResume:
    """The résumé as printed: header, then its non-empty sections in `meta.sections` order,
    with the words the renderer adds in the résumé's own language.

    A caller that prints one résumé more than once (the parse's leftover check) passes the
    wording it chose and a `print_one` that reuses the sections it printed already.
    """
    wording = wording or wording_for(resume_language(resume))
    header = build_header(resume.basics)
    sections = [
        print_one(resume, section, wording) for section in sections_to_print(resume, wording)
    ]
    return PrintedResume(
        title=document_title(header.name, wording.resume_title),
        author=header.name,
        header=header,
        sections=[section for section in sections if not section.is_empty()],
        lang=wording.language,
    )


def print_letter(letter: CoverLetter) -> PrintedLetter:
    header = build_header(letter.sender)
    signature = one_line(letter.name) or header.name
    recipient_lines = [
        one_line(line)
        for line in [letter.recipient, letter.company, *clean(letter.company_address).split("\n")]
        if one_line(line)
    ]
    return PrintedLetter(
        title=document_title(signature, "Cover letter"),
        author=signature,
        header=header,
        date=one_line(letter.date),
        recipient_lines=recipient_lines,
        greeting=one_line(letter.greeting),
        paragraphs=[p for text in letter.paragraphs for p in paragraphs_of(text)],
        closing=one_line(letter.closing),
        signature=signature,
    )
