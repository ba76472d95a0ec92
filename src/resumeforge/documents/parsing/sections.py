"""From lines with layout hints to a `Resume`: headings, sections, contact details and entries."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from resumeforge.documents.parsing.entries import (
    Entry,
    is_location,
    split_degree,
    split_entries,
    title_score,
)
from resumeforge.documents.parsing.layout import TextLine, is_bullet, strip_bullet
from resumeforge.documents.parsing.leftovers import (
    LineGroup,
    Printing,
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
from resumeforge.resume.headings import (
    heading_kind,
    is_contact_heading,
    is_vocabulary_heading,
    normalise_heading,
)
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
    resume.basics = _basics(
        top + _contact_section_lines(blocks), content, _without_references(blocks), furniture
    )
    resume.basics.name = _name_below_a_sidebar(top, blocks, body_size) or resume.basics.name
    groups: list[LineGroup] = [(None, [line for line in top if not line.furniture])]
    for block in blocks:
        _drop_running_header(block, resume.basics.name)
        _drop_known_contact_lines(block, resume.basics)
        _add_block(resume, block, body_size)
        groups.append((len(resume.meta.sections) - 1, block.lines))
    _record_sources(resume)
    language = vocabulary_language(source_text)
    printing = Printing(resume)  # both checks read one print of the résumé
    keep_headings_over_nothing(resume, printing)
    unplaced = find_unplaced(resume, groups, printing)
    keep_unplaced(resume, unplaced, language=language)
    return ReadResume(
        resume=resume,
        not_placed=[line for _, group in unplaced for line in group],
        furniture=[line for line in lines if line.furniture],
        language=language,
        headings_found=len(blocks),
    )


def _contact_section_lines(blocks: list[_Block]) -> list[TextLine]:
    """The lines under a heading such as "Personal information" or "Kontakt" (a Europass label
    column, a sidebar, a second column): the person's name and details, read as the top is,
    where a phone number needs no label."""
    return [line for block in blocks if is_contact_heading(block.heading) for line in block.lines]


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
    return _Style(round(line.size, 1), line.bold, _all_capitals(line.plain))


def _all_capitals(text: str) -> bool:
    """Letters, each of them a capital."""
    if text.isascii():
        # The same test in C: for ASCII, the cased characters are exactly the letters.
        return text.isupper()
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and all(map(str.isupper, letters))


def _heading_candidate(text: str) -> bool:
    if not text or len(text) > 50 or len(text.split()) > 6:
        return False
    if text.startswith("(") and text.endswith(")"):
        return False  # a note in brackets, such as a link's "(Portfolio)"
    if text.endswith((".", ",")) or find_email(text) or find_urls(text) or has_date(text):
        return False
    return sum(char.isalpha() for char in text) >= 3


def _is_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _starts_lowercase(text: str) -> bool:
    return next((char.islower() for char in text if char.isalpha()), False)


# A capital set apart from the rest of its word: "E XPERIENCE", "P rofessional E xperience".
_DROP_INITIAL_RE = re.compile(r"(?<![^\W\d_])([^\W\d_a-z]{1,2}) (?=[^\W\d_])")


# A capital set apart at a word's end: "EDUCATIO N", as PDFium reads letter-spaced capitals.
_SPLIT_LAST_LETTER_RE = re.compile(r"(?<=[^\W\d_a-z]{2}) (?=[^\W\d_a-z](?:\s|$))")


def without_drop_initials(text: str) -> str:
    """A heading whose first letters are set in another colour or size reads, once extracted,
    "E XPERIENCE", and one set letter-spaced may read "EDUCATIO N", or, where kerning closes
    some gaps, "LAN G UAG ES": the letters joined again, when that makes a known heading."""
    candidates = [pattern.sub(replacement, text) for pattern, replacement in _LETTERS_APART]
    if text.isupper():
        candidates.append(text.replace(" ", ""))
    for joined in candidates:
        if joined != text and is_vocabulary_heading(joined) and not is_vocabulary_heading(text):
            return joined
    return text


_LETTERS_APART = ((_DROP_INITIAL_RE, r"\1"), (_SPLIT_LAST_LETTER_RE, ""))


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
    if (
        len(line.segments) > 1
        and _is_capitals(first)
        and _heading_candidate(first)
        and is_vocabulary_heading(first)
    ):
        # A label column: "EDUCATION | University of Washington | 2018", the label in capitals
        # even when the content beside it is not ("PERSONAL INFORMATION | Ada Example").
        return first
    if not emphasised:
        return None
    if _heading_candidate(first) and is_vocabulary_heading(first) and line.ruled:
        return first
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
    heading_sizes = [lines[index].size for index in found]
    for index, line in enumerate(lines):
        if (
            index not in found
            and line.styled_heading
            and not line.furniture
            and index > 0
            and _heading_candidate(line.plain)
            and not _styled_subheading(line, body_size, heading_sizes)
        ):
            found[index] = line.plain
    _drop_subheadings(lines, found, body_size)
    _add_styled_headings(lines, found, body_size)
    _keep_skill_group_labels(lines, found)
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
    _skill_groups_as_skills(blocks)
    return top, blocks, furniture


def _styled_subheading(line: TextLine, body_size: float, heading_sizes: list[float]) -> bool:
    """A line in a heading style set no larger than the body text, where the known headings
    are larger ("// Tools:" under "Skills", a Word 'Heading 4'): a group inside the section."""
    if not (line.size and body_size and heading_sizes):
        return False
    return line.size <= body_size + 0.6 and min(heading_sizes) > body_size + 0.6


def _skill_groups_as_skills(blocks: list[_Block]) -> None:
    """A heading no vocabulary knows ("Data", "Dados"), styled like the headings, that follows
    the skills and heads only short list lines, is one more group of skills, not `other`."""
    for previous, block in itertools.pairwise(blocks):
        if (
            previous.kind is SectionKind.skills
            and block.kind is SectionKind.other
            and heading_kind(block.heading) is None
            and block.lines
            and all(_is_list_line(line.plain) for line in block.lines)
        ):
            block.kind = SectionKind.skills


def _is_list_line(text: str) -> bool:
    return len(text.split()) <= 8 and not text.rstrip().endswith(".")


def _drop_subheadings(lines: list[TextLine], found: dict[int, str], body_size: float) -> None:
    """A heading word printed in body size, where the section headings are set larger, labels
    part of an entry ("Highlights" over a job's bullets, "Responsibilities"), not a section."""
    if not body_size or len(found) < 3:
        return
    larger = [index for index in found if lines[index].size > body_size + 0.6]
    # The larger ones must be the document's headings: most of them, and at least three. A
    # label repeated over every job's bullets counts once: a long career repeats it often.
    distinct = {normalise_heading(text) for text in found.values()}
    if len(larger) < 3 or len(larger) <= len(distinct) / 2:
        return
    for index in list(found):
        line = lines[index]
        if abs(line.size - body_size) <= 0.6 and not _style(line).caps:
            del found[index]


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


def _keep_skill_group_labels(lines: list[TextLine], found: dict[int, str]) -> None:
    """ "Skills", then "Programming" and "Tools" in the same type, each over a list: the labels
    of the section's groups, not sections. A label names no other section and a list follows."""
    in_skills = False
    for index in sorted(found):
        kind = heading_kind(found[index])
        if in_skills and kind in (None, SectionKind.skills) and _labels_a_list(lines, index):
            del found[index]
            continue
        in_skills = kind is SectionKind.skills


def _labels_a_list(lines: list[TextLine], index: int) -> bool:
    label = lines[index].plain
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        len(label.split()) <= 3
        and following is not None
        and _is_keyword_list(strip_bullet(following.plain))
    )


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
    basics.phone = basics.phone or _phone_alone_on_a_line(own)
    if furniture:
        _fill_from_furniture(basics, furniture)
    return basics


def _phone_alone_on_a_line(lines: list[TextLine]) -> str:
    """A phone number printed as a line of its own below the top: a sidebar's contact block
    under an "About" or "Contact" heading. Nothing else on the line, so no figure in a
    description is taken for one."""
    for line in lines:
        text = line.plain.strip()
        phone = find_phone(text)
        if phone and len(phone) >= len(text) - 2:
            return phone
    return ""


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


# "Phone:", "Telefon:", "Tél. :", "Celular:": a phone number's label in the languages read.
_PHONE_LABEL_RE = re.compile(
    r"(?i)\b(?:phone|mobile|cell|tel|t[ée]l[ée]phone|t[ée]l|telefon|telefone|tel[ée]fono"
    r"|telefoon|tlf|mobil|handy|celular|m[óo]vil|portable|cellulare|gsm|fone|whatsapp)\b"
    r"\.?\s*:?\s*(.{7,25})"
)


def _phone_with_label(text: str) -> str:
    match = _PHONE_LABEL_RE.search(text)
    return find_phone(match.group(1)) if match else ""


# How much larger than the body a name must be set to be taken from below the first heading.
_NAME_ABOVE_BODY_AT_LEAST = 4.0


def _name_below_a_sidebar(top: list[TextLine], blocks: list[_Block], body_size: float) -> str:
    """A sidebar read before the main column (contacts, skills, languages) leaves the name
    below the sidebar's sections: the name-like line of the first page set far larger than
    the body and than every line above the first heading."""
    if not body_size:
        return ""
    below = [line for block in blocks for line in block.lines]
    first_page = min((line.page for line in top + below), default=0)
    floor = max([body_size + _NAME_ABOVE_BODY_AT_LEAST] + [line.size for line in top])
    candidates = [
        line
        for line in below
        if line.page == first_page
        and len(line.segments) == 1
        and line.size > floor
        and looks_like_name(line.plain)
        and not is_vocabulary_heading(line.plain)
    ]
    return max(candidates, key=lambda line: line.size).plain if candidates else ""


def _find_name(header: list[TextLine]) -> str:
    """The most prominent name-like line at the top; a name printed over two lines is joined."""
    candidates: list[tuple[float, int, str]] = []
    for index, line in enumerate(header[:8]):
        for segment in line.segments[:2]:
            text = _name_before_headline(segment.strip(" |,"))
            if looks_like_name(text) and not is_vocabulary_heading(text):
                candidates.append((line.size, -index, text))
                break
    if not candidates:
        return ""
    size, negative_index, name = max(candidates)
    index = -negative_index
    below = _next_in_size(header[index + 1 : index + 3], size)
    if below is not None and len(name.split()) == 1:
        second = below.segments[0]
        if looks_like_name(second) and len(second.split()) <= 2:
            return f"{name} {second}"
    above = header[index - 1] if index > 0 else None
    if above is not None and len(name.split()) == 1 and _given_names_above(above, size):
        return f"{above.segments[0]} {name}"
    return name


# Given names set above a surname are this share of its size, or more.
_GIVEN_NAMES_SIZE_SHARE = 0.6


def _given_names_above(line: TextLine, surname_size: float) -> bool:
    """ "Ayşe" over "DEMIRTAŞ": the given names printed on the line above the surname, in
    type nearly as large, alone on their line."""
    text = line.segments[0]
    return (
        len(line.segments) == 1
        and len(text.split()) <= 2
        and looks_like_name(text)
        and not is_vocabulary_heading(text)
        and line.size >= _GIVEN_NAMES_SIZE_SHARE * surname_size
    )


def _name_before_headline(text: str) -> str:
    """ "Ada Example, Data Engineer": the name, then after a comma the person's job title."""
    name, comma, headline = text.partition(", ")
    if comma and len(name.split()) >= 2 and looks_like_name(name) and title_score(headline):
        return name
    return text


def _next_in_size(lines: list[TextLine], size: float) -> TextLine | None:
    """The first of these lines printed in `size`: a name broken over two lines in a label
    column has the text beside its first half (a contact line) between the two halves."""
    return next((line for line in lines if abs(line.size - size) < 0.5), None)


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
        if 3 <= len(text) <= 60 and not is_location(text) and not _not_a_headline(text):
            return text
    return ""


# What a document is called ("Curriculum vitae", "Lebenslauf"): its title, not the person's.
_DOCUMENT_TITLE_RE = re.compile(
    r"(?i)^\s*(?:curriculum\s+vitae|curr[íi]culo|lebenslauf|r[ée]sum[ée]|resume|cv)\s*$"
)
# A house number or postal code beside words: "Example Road 21", "rue 25 N° 71".
_HOUSE_NUMBER_RE = re.compile(r"(?<![\w+])\d{1,5}[a-z]?(?![\w+%])")


# LinkedIn's export names each link's kind after it: "someone (LinkedIn)", "site.io (Portfolio)".
_LINK_NOTE_RE = re.compile(r"(?i)\((?:linkedin|portfolio|personal|company|blog|other|rss)\)\s*$")


def _not_a_headline(text: str) -> bool:
    """A line under the name that is the document's title, a labelled contact ("LinkedIn:
    @someone") or an address, not the person's headline."""
    if _DOCUMENT_TITLE_RE.match(text) or re.match(r"^[^\s:]{2,20}\s*:", text):
        return True
    if _LINK_NOTE_RE.search(text):
        return True
    return bool(_HOUSE_NUMBER_RE.search(text)) and not title_score(text)


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


def _drop_running_header(block: _Block, name: str) -> None:
    """A later page's header that repeats the person's name beside the document's title
    ("Curriculum vitae | Ada Example"), printed once a page: furniture, in no section."""
    for line in block.lines:
        if (
            line.page > 0
            and name
            and all(
                segment.strip() == name or _DOCUMENT_TITLE_RE.match(segment)
                for segment in line.segments
            )
        ):
            line.furniture = True
    block.lines = [line for line in block.lines if not line.furniture]


def _drop_known_contact_lines(block: _Block, basics: Basics) -> None:
    """A section of contact details ("Contact", "Personal information") keeps only what the
    header does not already print: the address, a date of birth, a link not read."""
    if block.kind is SectionKind.other:
        block.lines = [line for line in block.lines if not _only_known_contacts(line.plain, basics)]


_CONTACT_LABEL_RE = re.compile(
    r"(?i)\b(?:e-?mail|mail|phone|mobile|cell|tel|telefon|telefone|tel[ée]fono|t[ée]l[ée]phone"
    r"|t[ée]l|handy|celular|linkedin|github|website|web|portfolio|homepage)\b\.?\s*:?"
)


def _only_known_contacts(text: str, basics: Basics) -> bool:
    """A line that holds only contact details already read into `basics` (the e-mail, the
    phone, a profile link) and their labels: printed in the header, not again in a section."""
    rest = text
    known = [basics.name, basics.email, basics.phone, basics.url]
    known += [profile.url for profile in basics.profiles]
    for detail in sorted(filter(None, known), key=len, reverse=True):
        if detail in rest:
            rest = rest.replace(detail, " ")
        elif detail == basics.phone and _same_digits(rest, detail):
            rest = re.sub(r"[\d()+./ -]{7,}", " ", rest)
    if rest == text:
        return False
    return not _CONTACT_LABEL_RE.sub(" ", rest).strip(" \t|·•,;:-")


def _same_digits(text: str, phone: str) -> bool:
    return re.sub(r"\D", "", text) == re.sub(r"\D", "", phone)


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
    # A group's label alone on its line ("Tools:", or "Programming" over a list of skills)
    # takes the unlabelled lines below it.
    group: Skill | None = None
    for index, line in enumerate(lines):
        if ":" not in line.plain and _labels_a_list(lines, index):
            resume.skills.append(Skill(name=line.plain.strip(), keywords=[]))
            group = resume.skills[-1]
            continue
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
            if group is not None and keywords and not name:
                group.keywords.extend(keywords)
            elif keywords or name:
                resume.skills.append(Skill(name=name.strip(), keywords=keywords))
                group = resume.skills[-1] if name and not keywords else None


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
