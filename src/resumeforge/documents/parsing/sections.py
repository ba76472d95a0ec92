"""From lines with layout hints to a `Resume`: headings, sections, contact details and entries."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from resumeforge.documents.parsing.entries import (
    Entry,
    is_location,
    split_degree,
    split_entries,
)
from resumeforge.documents.parsing.layout import TextLine, is_bullet, strip_bullet
from resumeforge.documents.parsing.leftovers import (
    LineGroup,
    find_unplaced,
    keep_headings_over_nothing,
    keep_unplaced,
)
from resumeforge.resume.contact import (
    find_email,
    find_phone,
    find_urls,
    looks_like_name,
    network_of,
)
from resumeforge.resume.dates import has_date
from resumeforge.resume.headings import heading_kind, is_vocabulary_heading, normalise_heading
from resumeforge.resume.language import vocabulary_language
from resumeforge.resume.schemas import (
    Award,
    Basics,
    Certificate,
    Education,
    Interest,
    Language,
    Location,
    Meta,
    Profile,
    Project,
    Publication,
    Reference,
    Resume,
    Section,
    SectionKind,
    Skill,
    SourceSpan,
    Volunteer,
    Work,
)

# Between two skills: a comma, a bullet, a bar, a spaced slash or dash. A slash inside a word
# ("CI/CD") or a bracket ("(18/24)") joins, it does not separate.
_SKILL_SPLIT_RE = re.compile(r"\s*(?:[,;•·|]|\s/\s|\s-\s)\s*")
_AND_RE = re.compile(r"\s+\band\b\s+")
# "and" separates skills only between short names ("Python and Go"); in a longer phrase
# ("mentored 12 colleagues and ran the onboarding") it is a word of the phrase.
_AND_JOINS_WORDS_AT_MOST = 3
# Between a language and its fluency: "English (Native)", "English: Native", "English – Native".
_FLUENCY_SPLIT_RE = re.compile(r"\s*(?:[:(]|\s[–—-]\s)\s*")


@dataclass(slots=True)
class _Block:
    """A section while it is built: its heading line and its content lines."""

    heading: str
    kind: SectionKind
    lines: list[TextLine] = field(default_factory=list)


@dataclass(slots=True)
class _Style:
    size: float
    bold: bool
    caps: bool


@dataclass(slots=True)
class ReadResume:
    """A résumé with what could not be placed in it (kept in `other` sections) and the page
    furniture left out of it."""

    resume: Resume
    not_placed: list[TextLine]
    furniture: list[TextLine]
    language: str
    headings_found: int


def build_resume(lines: list[TextLine]) -> Resume:
    """The résumé these lines print; the text they make is kept as `meta.source_text`."""
    return read_resume(lines).resume


def read_resume(lines: list[TextLine]) -> ReadResume:
    """`build_resume`, telling which lines are kept as written and which are furniture."""
    body_size = _body_size([line for line in lines if not line.furniture])
    top, blocks, furniture = _split_sections(lines, body_size)
    source_text = "\n".join(line.text for line in lines)
    resume = Resume(meta=Meta(source_text=source_text))
    content = [line for line in lines if not line.furniture]
    resume.basics = _basics(top, content, _without_references(blocks), furniture)
    groups: list[LineGroup] = [(None, [line for line in top if not line.furniture])]
    for block in blocks:
        _add_block(resume, block, body_size)
        groups.append((len(resume.meta.sections) - 1, block.lines))
    _record_sources(resume)
    language = vocabulary_language(source_text)
    keep_headings_over_nothing(resume)
    unplaced = find_unplaced(resume, groups)
    keep_unplaced(resume, unplaced, language=language)
    return ReadResume(
        resume=resume,
        not_placed=[line for _, group in unplaced for line in group],
        furniture=[line for line in lines if line.furniture],
        language=language,
        headings_found=len(blocks),
    )


def _without_references(blocks: list[_Block]) -> list[TextLine]:
    """The body's lines outside a references section: a referee's e-mail or phone is theirs."""
    return [
        line for block in blocks if block.kind is not SectionKind.references for line in block.lines
    ]


def _body_size(lines: list[TextLine]) -> float:
    sizes: Counter[float] = Counter()
    unknown = 0
    for line in lines:
        if line.size > 0:
            sizes[round(line.size, 1)] += len(line.plain)
        else:
            unknown += len(line.plain)
    # When most text has no stated size (DOCX "Normal" runs), sizes cannot tell body from heading.
    if not sizes or unknown > sum(sizes.values()):
        return 0.0
    return sizes.most_common(1)[0][0]


def _style(line: TextLine) -> _Style:
    letters = [char for char in line.plain if char.isalpha()]
    caps = bool(letters) and all(char.isupper() for char in letters)
    return _Style(round(line.size, 1), line.bold, caps)


def _heading_candidate(text: str) -> bool:
    if not text or len(text) > 50 or len(text.split()) > 6:
        return False
    if text.endswith((".", ",")) or find_email(text) or find_urls(text) or has_date(text):
        return False
    return sum(char.isalpha() for char in text) >= 3


def _starts_lowercase(text: str) -> bool:
    return next((char.islower() for char in text if char.isalpha()), False)


# A capital set apart from the rest of its word: "E XPERIENCE", "P rofessional E xperience".
_DROP_INITIAL_RE = re.compile(r"(?<![^\W\d_])([^\W\d_a-z]{1,2}) (?=[^\W\d_])")


def without_drop_initials(text: str) -> str:
    """A heading whose first letters are set in another colour or size reads, once extracted,
    "E XPERIENCE": the letters joined again, when that makes a known heading."""
    joined = _DROP_INITIAL_RE.sub(r"\1", text)
    if joined != text and is_vocabulary_heading(joined) and not is_vocabulary_heading(text):
        return joined
    return text


def _vocabulary_heading(line: TextLine, body_size: float) -> str | None:
    """The heading's text when a line is a known heading, alone or leading its line."""
    first = without_drop_initials(line.segments[0])
    style = _style(line)
    emphasised = (
        style.caps
        or line.bold
        or line.ruled
        or line.styled_heading
        or (body_size and line.size > body_size + 0.6)
    )
    if (
        len(line.segments) == 1
        and _heading_candidate(first)
        and is_vocabulary_heading(first)
        # A plain lower-case "stack" is the last word of a wrapped bullet, not a heading.
        and (emphasised or not _starts_lowercase(first))
    ):
        return first
    if not emphasised:
        return None
    if (
        _heading_candidate(first)
        and is_vocabulary_heading(first)
        and (first.upper() == first or line.ruled)
    ):
        return first  # a label column: "EDUCATION | University of Washington | 2018"
    # The label and the first content line merged into one piece: "EDUCATION University of ...".
    match = re.match(r"^([A-Z&][A-Z&/ ]{2,40}?)\s+(?=[A-Z][a-z]|\d)", first)
    if (
        match
        and is_vocabulary_heading(match.group(1))
        and body_size
        and line.size > body_size + 0.6
    ):
        return match.group(1)
    return None


def _split_sections(
    lines: list[TextLine], body_size: float
) -> tuple[list[TextLine], list[_Block], list[TextLine]]:
    """The lines above the first heading, the sections, and the page furniture below it.

    Furniture above the first heading (a running header's first copy, a DOCX page header) is
    part of the top, where the name and contact details are read; below it, it is in no section.
    """
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if line.furniture:
            continue
        heading = _vocabulary_heading(line, body_size)
        if heading is not None:
            found[index] = heading
        elif line.styled_heading and index > 0 and _heading_candidate(line.plain):
            found[index] = line.plain
    _add_styled_headings(lines, found, body_size)
    top: list[TextLine] = []
    blocks: list[_Block] = []
    furniture: list[TextLine] = []
    for index, line in enumerate(lines):
        if line.furniture and blocks:
            furniture.append(line)
        elif index in found:
            heading = found[index]
            blocks.append(_Block(heading, heading_kind(heading) or SectionKind.other))
            rest = _after_heading(line, heading)
            if rest is not None:
                blocks[-1].lines.append(rest)
        elif blocks:
            blocks[-1].lines.append(line)
        else:
            top.append(line)
    return top, blocks, furniture


def _add_styled_headings(lines: list[TextLine], found: dict[int, str], body_size: float) -> None:
    """Lines styled like the known headings are headings too ("Welcome to RenderCV", "PATENTS")."""
    styles = [_style(lines[index]) for index, text in found.items() if lines[index].plain == text]
    if len(styles) < 2:
        return
    common = Counter((s.size, s.bold, s.caps) for s in styles).most_common(1)[0]
    size, bold, caps = common[0]
    if common[1] < len(styles) * 0.6 or not (
        bold or caps or (body_size and size > body_size + 0.6)
    ):
        return
    for index, line in enumerate(lines):
        if index in found or index == 0 or len(line.segments) != 1 or line.furniture:
            continue
        style = _style(line)
        same = abs(style.size - size) <= 0.6 and style.bold == bold and style.caps == caps
        if same and _heading_candidate(line.plain) and not is_bullet(line):
            found[index] = line.plain


def _after_heading(line: TextLine, heading: str) -> TextLine | None:
    if line.plain == heading or without_drop_initials(line.plain) == heading:
        return None
    first = line.segments[0]
    remainder = first[len(heading) :].strip() if first.startswith(heading) else ""
    segments = ([remainder] if remainder else []) + line.segments[1:]
    if not segments:
        return None
    return TextLine(
        segments=segments, size=line.size, bold=line.bold, page=line.page, links=line.links
    )


def _basics(
    top: list[TextLine], body: list[TextLine], own: list[TextLine], furniture: list[TextLine]
) -> Basics:
    """Contact details from the top; an e-mail or phone printed lower only outside the
    references (`own`), and the furniture's when the page prints them nowhere else."""
    basics = _basics_in(top, top + own if top else body)
    if furniture:
        _fill_from_furniture(basics, furniture)
    return basics


def _fill_from_furniture(basics: Basics, furniture: list[TextLine]) -> None:
    """Contact details printed only in a running header or footer; the first copy counts."""
    found = _basics_in(furniture, furniture)
    basics.name = basics.name or found.name
    basics.email = basics.email or found.email
    basics.phone = basics.phone or found.phone
    basics.url = basics.url or found.url
    if not basics.profiles:
        basics.profiles = found.profiles
    if not basics.location.city:
        basics.location = found.location


def _basics_in(top: list[TextLine], lines: list[TextLine]) -> Basics:
    header = top if top else lines[:8]
    header_text = "\n".join(line.text for line in header)
    all_text = "\n".join(line.text for line in lines)
    basics = Basics(
        name=_find_name(header or lines[:8]),
        email=find_email(header_text) or find_email(all_text),
        phone=find_phone(header_text) or _phone_with_label(all_text),
    )
    links = [link for line in header for link in line.links] + find_urls(header_text)
    for url in dict.fromkeys(link.removeprefix("mailto:") for link in links):
        if "@" in url:
            continue
        network = network_of(url)
        if network:
            basics.profiles.append(
                Profile(network=network, url=url, username=url.rstrip("/").rsplit("/", 1)[-1])
            )
        elif not basics.url:
            basics.url = url
    basics.location = _find_location(header)
    basics.label = _find_label(header, basics)
    return basics


def _phone_with_label(text: str) -> str:
    match = re.search(r"(?i)\b(?:phone|mobile|cell|tel)\b\.?:?\s*(.{7,25})", text)
    return find_phone(match.group(1)) if match else ""


def _find_name(header: list[TextLine]) -> str:
    """The most prominent name-like line at the top; a name printed over two lines is joined."""
    candidates: list[tuple[float, int, str]] = []
    for index, line in enumerate(header[:8]):
        for segment in line.segments[:2]:
            text = segment.strip(" |,")
            if looks_like_name(text) and not is_vocabulary_heading(text):
                candidates.append((line.size, -index, text))
                break
    if not candidates:
        return ""
    size, negative_index, name = max(candidates)
    index = -negative_index
    below = header[index + 1] if index + 1 < len(header) else None
    if below is not None and len(name.split()) == 1 and abs(below.size - size) < 0.5:
        second = below.segments[0]
        if looks_like_name(second) and len(second.split()) <= 2:
            return f"{name} {second}"
    return name


def _find_location(header: list[TextLine]) -> Location:
    for line in header:
        for segment in line.segments:
            for piece in re.split(r"\s*[|·•]\s*", segment):
                piece = piece.strip()
                if is_location(piece) and not find_email(piece):
                    city, _, region = piece.partition(",")
                    return Location(city=city.strip(), region=region.strip())
    return Location()


def _find_label(header: list[TextLine], basics: Basics) -> str:
    for line in header[:4]:
        text = line.plain
        if basics.name and basics.name.split()[0] in text:
            continue
        if find_email(text) or find_phone(text) or find_urls(text) or has_date(text):
            continue
        if 3 <= len(text) <= 60 and not is_location(text):
            return text
    return ""


def _add_block(resume: Resume, block: _Block, body_size: float) -> None:
    text = "\n".join(line.text for line in block.lines)
    section = Section(heading=block.heading, kind=block.kind, text=text)
    builders = {
        SectionKind.work: _add_work,
        SectionKind.education: _add_education,
        SectionKind.skills: _add_skills,
        SectionKind.projects: _add_projects,
        SectionKind.volunteer: _add_volunteer,
    }
    if block.kind in builders:
        before = len(_items_of(resume, block.kind))
        builders[block.kind](resume, block.lines, body_size)
        section.items = list(range(before, len(_items_of(resume, block.kind))))
    elif block.kind is SectionKind.summary:
        summary = " ".join(strip_bullet(line.plain) for line in block.lines)
        resume.basics.summary = f"{resume.basics.summary}\n{summary}".strip()
    elif block.kind is not SectionKind.other:
        before = len(_items_of(resume, block.kind))
        _add_simple_items(resume, block.kind, block.lines)
        section.items = list(range(before, len(_items_of(resume, block.kind))))
    resume.meta.sections.append(section)


def _items_of(resume: Resume, kind: SectionKind) -> list[object]:
    return list(getattr(resume, kind.value, []))


def _add_work(resume: Resume, lines: list[TextLine], body_size: float) -> None:
    for entry in split_entries(lines, body_size=body_size):
        if not (entry.title or entry.organisation):
            continue
        resume.work.append(
            Work(
                name=entry.organisation,
                position=entry.title,
                location=entry.location,
                startDate=entry.start,
                endDate=entry.end,
                summary=" ".join(entry.rest),
                highlights=entry.bullets,
            )
        )


def _add_volunteer(resume: Resume, lines: list[TextLine], body_size: float) -> None:
    for entry in split_entries(lines, body_size=body_size):
        if entry.title or entry.organisation:
            resume.volunteer.append(
                Volunteer(
                    organization=entry.organisation,
                    position=entry.title,
                    startDate=entry.start,
                    endDate=entry.end,
                    highlights=entry.bullets,
                )
            )


_NAMED_LINK_RE = re.compile(
    r"^(?P<name>[^:]{2,60}?)\s*:\s*(?P<url>(?:https?://)?[\w-]+(?:\.[\w-]+)+/\S*?)[\s.]*$"
)


_NAMED_ITEM_RE = re.compile(r"^(?P<name>[^:\s][^:]{1,50}?)\s*:\s+(?P<about>\S.*)$")


def _add_projects(resume: Resume, lines: list[TextLine], body_size: float) -> None:
    plain_list = _projects_named_by_link(lines) or _projects_one_per_bullet(lines)
    if plain_list:
        resume.projects.extend(plain_list)
        return
    for entry in split_entries(lines, body_size=body_size):
        # "Micromouse (IEEE) | PCB Design, Embedded C, PID": the list is what it was built with.
        listed = [text for text in (entry.organisation, entry.title) if _is_keyword_list(text)]
        organisation = "" if entry.organisation in listed else entry.organisation
        title = "" if entry.title in listed else entry.title
        name = organisation or title or (entry.bullets[0] if entry.bullets else "")
        if not name:
            continue
        # A project named by its first bullet does not repeat it as a highlight.
        named_by_bullet = not (organisation or title)
        roles = [title] if title and organisation else []
        resume.projects.append(
            Project(
                name=name,
                description=" ".join(entry.rest),
                highlights=entry.bullets[1:] if named_by_bullet else entry.bullets,
                keywords=[word.strip() for text in listed for word in text.split(",")],
                startDate=entry.start,
                endDate=entry.end,
                roles=roles,
            )
        )


def _projects_named_by_link(lines: list[TextLine]) -> list[Project]:
    """ "● Weather app : https://…" lines, each with a paragraph about it, before or after.

    Which side a paragraph belongs to follows the section's first line: a name first means
    each paragraph follows its name; a paragraph first means each precedes its name.
    """
    texts = [strip_bullet(line.plain) for line in lines]
    names = {i: m for i, text in enumerate(texts) if (m := _NAMED_LINK_RE.match(text))}
    if len(names) < 2 or any(has_date(text) for text in texts):
        return []
    rows = list(names)
    name_first = rows[0] == 0
    if not name_first and rows[-1] != len(texts) - 1:
        return []  # a paragraph after the last name would belong to no project
    bounds = (
        zip(rows, [*rows[1:], len(texts)], strict=True)
        if name_first
        else (zip(rows, [-1, *rows[:-1]], strict=True))
    )
    projects = []
    for row, other in bounds:
        about = texts[row + 1 : other] if name_first else texts[other + 1 : row]
        name = names[row]
        projects.append(
            Project(name=name.group("name"), url=name.group("url"), description=" ".join(about))
        )
    return projects


def _projects_one_per_bullet(lines: list[TextLine]) -> list[Project]:
    """A section of "• Name: what it is" bullets and nothing else: a project per bullet."""
    if not lines or not is_bullet(lines[0]):
        return []
    items: list[str] = []
    for line in lines:
        if is_bullet(line):
            items.append(strip_bullet(line.plain))
        else:
            items[-1] = f"{items[-1]} {line.plain}"  # a bullet wrapped onto the next line
    named = [_NAMED_ITEM_RE.match(item) for item in items]
    if len(items) < 2 or not all(named) or any(has_date(item) for item in items):
        return []
    return [
        Project(name=match.group("name"), description=match.group("about"))
        for match in named
        if match is not None
    ]


def _is_keyword_list(text: str) -> bool:
    """Three or more short comma-separated items: "Arduino C, Laser Cutting, PCB Design"."""
    items = [item.strip() for item in text.split(",")]
    return len(items) >= 3 and all(1 <= len(item.split()) <= 3 for item in items)


def _add_education(resume: Resume, lines: list[TextLine], body_size: float) -> None:
    for entry in split_entries(lines, body_size=body_size, education=True):
        if not entry.organisation and not entry.title:
            continue
        study_type, area = split_degree(entry.title)
        area = area or entry.subject
        resume.education.append(
            Education(
                institution=entry.organisation,
                studyType=study_type,
                area=area,
                location=entry.location,
                startDate=entry.start if entry.end else "",
                endDate=entry.end or entry.start,
                score=_gpa(entry),
                courses=[],
            )
        )


def _gpa(entry: Entry) -> str:
    """The grade as printed, its label with it ("GPA 3.6/4.0"): a bare "3.6/4.0" says less,
    and the degree it is cut from no longer prints the label."""
    text = " ".join([line.plain for line in entry.header] + entry.bullets)
    match = re.search(r"(?i)\bGPA\b\s*:?\s*[\d.]+\s*(?:/\s*[\d.]+)?", text)
    return match.group(0).strip() if match else ""


def _add_skills(resume: Resume, lines: list[TextLine], body_size: float) -> None:
    for line in lines:
        for segment in line.segments:
            text = strip_bullet(segment)
            name, separator, rest = text.partition(":")
            if not separator or len(name) > 40:
                name, rest = "", text
            keywords = [
                k.strip(" .")
                for piece in _split_outside_brackets(rest)
                for part in _SKILL_SPLIT_RE.split(piece)
                for k in _split_at_and(part)
                if k.strip(" .")
            ]
            if keywords or name:
                resume.skills.append(Skill(name=name.strip(), keywords=keywords))


def _split_at_and(text: str) -> list[str]:
    """ "Python and Go" → two skills; a phrase with "and" in it stays one."""
    parts = _AND_RE.split(text)
    if all(len(part.split()) <= _AND_JOINS_WORDS_AT_MOST for part in parts):
        return parts
    return [text]


def _add_simple_items(resume: Resume, kind: SectionKind, lines: list[TextLine]) -> None:
    for line in lines:
        text = strip_bullet(line.plain)
        if not text:
            continue
        if kind is SectionKind.awards:
            resume.awards.append(Award(title=text))
        elif kind is SectionKind.certificates:
            resume.certificates.append(Certificate(name=text))
        elif kind is SectionKind.publications:
            resume.publications.append(Publication(name=text))
        elif kind is SectionKind.languages:
            resume.languages.extend(languages_of(text))
        elif kind is SectionKind.interests:
            resume.interests.append(Interest(name=text))
        elif kind is SectionKind.references:
            resume.references.append(Reference(reference=text))


def languages_of(text: str) -> list[Language]:
    """ "English (Native), Spanish: Fluent" → English/Native and Spanish/Fluent."""
    languages = []
    for piece in _split_outside_brackets(text):
        name, *fluency = _FLUENCY_SPLIT_RE.split(piece, maxsplit=1)
        name = name.strip()
        if name:
            languages.append(Language(language=name, fluency=" ".join(fluency).strip(" ()")))
    return languages


def _split_outside_brackets(text: str) -> list[str]:
    """Pieces of a list line split at , ; | • · but never inside brackets: "A (B, C), D"."""
    pieces: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char in "([") - (char in ")]")
        if depth <= 0 and char in ",;|•·":
            pieces.append("".join(current))
            current, depth = [], 0
        else:
            current.append(char)
    pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]


def _record_sources(resume: Resume) -> None:
    """Where each item's first words sit in the source text, for the grounding check."""
    text = resume.meta.source_text
    folded = text.casefold()

    def locate(path: str, value: str) -> None:
        needle = value.strip().casefold()[:60]
        if len(needle) < 2:
            return
        start = folded.find(needle)
        if start >= 0:
            resume.meta.sources[path] = SourceSpan(start=start, end=start + len(needle))

    for field_name in ("name", "email", "phone", "url", "label"):
        locate(f"basics.{field_name}", getattr(resume.basics, field_name))
    for index, work in enumerate(resume.work):
        locate(f"work[{index}]", work.name or work.position)
    for index, school in enumerate(resume.education):
        locate(f"education[{index}]", school.institution or school.studyType)
    for index, project in enumerate(resume.projects):
        locate(f"projects[{index}]", project.name)
    for index, skill in enumerate(resume.skills):
        locate(f"skills[{index}]", skill.name or (skill.keywords[0] if skill.keywords else ""))
    _record_section_spans(resume, normalise_heading)


def _record_section_spans(resume: Resume, normalise: object) -> None:
    text = resume.meta.source_text
    position = 0
    for section in resume.meta.sections:
        start = text.find(section.heading, position)
        if start < 0:
            continue
        body_end = start + len(section.heading) + len(section.text) + 1
        section.span = SourceSpan(start=start, end=min(body_end, len(text)))
        position = start + len(section.heading)
