"""A section's lines cut into entries (a job, a degree): title, organisation, dates, bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from resumeforge.documents.parsing.layout import TextLine, is_bullet, strip_bullet
from resumeforge.documents.parsing.wrapping import join_wrapped_paragraphs
from resumeforge.resume.dates import DateRange, find_date_range, fold_accents

_US_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
]
_LOCATION_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\.?(?:\s+[A-Z][\w.'’-]*)*),"
    r"\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*)*)$"
    r"|^(?:remote|hybrid|on-?site)$",
    re.IGNORECASE,
)
# Words that make "Omnious Co., Ltd." or "Cyber Command, MND" an organisation, not a place.
_NOT_A_PLACE_RE = re.compile(
    r"\b(?:Inc|Ltd|LLC|Corp|GmbH|PLC|Command|Ministry|Department|Technologies|Solutions)\b"
    r"|\bCo\.,"
)
# "expected March 2016": a graduation date printed after the degree, besides the entry's dates.
_GRADUATION_RE = re.compile(
    r"(?i)\b(?:expected|anticipated|graduat(?:ed|ing|ion)|grad\b\.?)\s*:?\s*"
)
_SECOND_YEAR_RE = re.compile(r"\s*(?:and|&)\s*((?:19|20)\d\d)\b")
_ROLE_LEAD_RE = re.compile(
    r"^([A-Z][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s+(?:responsible for|in charge of)\b"
)
_SCORE_RE = re.compile(r"(?i)\b(?:GPA|CGPA|grade|score)\b\s*:?\s*[\d.]+(?:\s*/\s*[\d.]+)?")
# "Location: Palo Alto, CA": a labelled place, in any of the six languages.
_PLACE_LABEL_RE = re.compile(
    r"(?i)^(?:location|place|city|ort|standort|arbeitsort|lieu|ville|ubicaci[oó]n|lugar|"
    r"ciudad|localiza[cç][aã]o|local|cidade|luogo|sede|citt[aà])\s*:\s*(?P<place>\S.*)$"
)
# "Cargo: Repositora", "Position: Analyst": a labelled role, in the languages read.
_ROLE_LABEL_RE = re.compile(
    r"(?i)^(?:role|position|job title|title|cargo|fun[cç][aã]o|puesto|funci[oó]n|poste|"
    r"fonction|funktion|stelle|ruolo|mansione|functie|stilling|befattning|titel)\s*:\s*"
    r"(?P<role>\S.*?)\.?$"
)
# "Phone: …", "E-mail: …": a contact label, never a title or an employer.
_CONTACT_LABEL_RE = re.compile(
    r"(?i)^(?:phone|tel|telephone|mobile|cell|e-?mail|mail|website|web|telefon|handy|"
    r"t[ée]l[ée]phone|portable|tel[ée]fono|m[oó]vil|celular|telemovel|cellulare|"
    r"correo|courriel)\.?\s*:"
)
_STATE_RE = re.compile(rf",\s*(?:{'|'.join(_US_STATES)})\.?$")
_PIECE_SPLIT_RE = re.compile(r"\s+[|·•]\s+|\s*\|\s*|\s+[–—]\s+|\s+-\s+")
# How long a job lasted, printed beside its dates: "2 years 10 months", "(1 yr 3 mos)", and as
# LinkedIn exports print it in other languages: "2 Jahre 7 Monate", "2 år 7 måneder", "3 mois".
_YEARS = r"years?|yrs?|jahre?n?|ans?|a[nñ]os?|anni|anno|jaar|jaren|år"
_MONTHS = r"months?|mos?|monate?n?|mois|meses|mes|mesi|maanden|maand|måneder|måned|månader|månad"
_DURATION_RE = re.compile(
    rf"\(?\s*\d+\+?\s*(?:{_YEARS}|{_MONTHS})\.?"
    rf"(?:,?\s*(?:e|y|et|und|og|och|en)?\s*\d+\s*(?:{_MONTHS})\.?)?\s*\)?",
    re.IGNORECASE,
)
TITLE_WORDS = (
    "engineer", "intern", "developer", "manager", "assistant", "analyst", "director", "founder",
    "co-founder", "researcher", "scientist", "lead", "consultant", "designer", "officer",
    "specialist", "coordinator", "cto", "ceo", "cfo", "coo", "vp", "president", "associate",
    "member", "journalist", "teacher", "tutor", "professor", "lecturer", "architect",
    "administrator", "technician", "programmer", "head", "fellow", "trainee", "apprentice",
    "representative", "editor", "writer", "accountant", "nurse", "owner", "volunteer", "worker",
    "supervisor", "advisor", "instructor", "chair", "organizer", "contributor", "student",
    "management", "sre", "devops", "part-time", "full-time", "co-op", "internship", "clerk",
    "cashier", "agent", "executive", "strategist", "partner", "staff", "principal", "senior",
    "junior", "leader", "mentor", "attorney", "counsel", "technologist", "operator",
    # German, French, Spanish, Portuguese, Italian (written without accents)
    "ingenieur", "entwickler", "softwareentwickler", "berater", "leiter", "praktikant",
    "werkstudent", "mitarbeiter", "geschaftsfuhrer", "projektleiter", "teamleiter",
    "referent", "sachbearbeiter", "stagiaire", "developpeur", "chef", "responsable",
    "charge", "directeur", "ingeniero", "desarrollador", "jefe", "analista", "becario",
    "gerente", "tecnico", "desenvolvedor", "estagiario", "engenheiro", "coordenador",
    "programador", "sviluppatore", "ingegnere", "tirocinante", "responsabile",
    "programmatore", "stagista", "docente", "profesor", "professeur", "lehrer",
    "ingenieure", "developpeuse", "analyste", "chargee", "cheffe", "consultante",
    "directrice", "assistante", "commercial", "commerciale", "technicienne", "technicien",
    "vendeur", "vendeuse", "comptable", "coordinatrice", "coordinateur", "redacteur",
    "redactrice", "ingeniera", "desarrolladora", "jefa", "coordinadora", "coordinador",
    "asesor", "asesora", "tecnica", "engenheira", "desenvolvedora", "coordenadora",
    "analista", "gerente", "assistente", "consultora", "consultor", "vendedor", "vendedora",
    "addetto", "addetta", "impiegato", "impiegata", "sviluppatrice", "coordinatore",
    "coordinatrice", "consulente", "tecnico", "commesso", "commessa", "capo",
)  # fmt: skip
# German job titles are compounds: "Vertriebsleiter", "Produktmanagerin", "Softwareentwickler".
_GERMAN_TITLE_RE = re.compile(
    r"(?:leiter|manager|entwickler|berater|ingenieur|referent|assistent|analyst|techniker|"
    r"spezialist|koordinator|designer|architekt|kaufmann|kauffrau|sachbearbeiter|"
    r"mitarbeiter|praktikant|werkstudent|trainee)(?:in)?$"
)
ORG_WORDS = (
    "inc", "llc", "ltd", "corp", "corporation", "company", "co", "gmbh", "plc", "university",
    "college", "institute", "lab", "labs", "laboratory", "group", "bank", "school",
    "technologies", "solutions", "systems", "services", "agency", "foundation", "association",
    "department", "ministry", "hospital", "club", "center", "centre", "research", "ai",
    "studio", "studios", "partners", "consulting", "capital", "ventures",
    "academy", "command", "government", "council", "society",
    "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "ltda", "bv", "nv", "ab", "oy",
    "universitat", "universite", "universidad", "universidade", "universita", "hochschule",
)  # fmt: skip
SCHOOL_WORDS = (
    "university", "college", "institute", "school", "academy", "polytechnic", "universität",
    "université", "universidad", "tech", "conservatory", "seminary", "lycée", "gymnasium",
    "universitat", "universite", "universidade", "universita", "hochschule",
    "fachhochschule", "institut", "instituto", "istituto", "escuela", "escola", "colegio", "liceo",
    "ecole", "lycee", "politecnico", "polytechnique", "faculdade", "facultad", "faculte",
    "realschule", "berufsschule", "gesamtschule", "htl", "hogeschool", "universiteit",
)  # fmt: skip
DEGREE_RE = re.compile(
    r"\b(?:bachelor|master|doctor|ph\.?\s?d|mba|m\.?\s?eng|b\.?\s?eng|b\.?\s?sc|m\.?\s?sc|"
    r"b\.\s?s|m\.\s?s|b\.\s?a|m\.\s?a|bs|ms|ba|ma|bfa|mfa|llb|llm|jd|md|associate|diploma|"
    r"certificate|certification|degree|major|minor|high school|ged|a-levels?|hnd|mphil|"
    r"full stack|bootcamp|course|licence|licenciatura|licenciado|grado|m[aá]ster|"
    r"maestr[ií]a|mestrado|laurea|diplom|magister|doutorado|doctorado|dottorato|abitur|"
    r"baccalaur[ée]at|bac|bts|dut|bachelier|ingeniero|ing[ée]nieur|fachabitur|matura|"
    r"bacharelado|tecn[oó]logo|"
    # Degrees and school-leaving certificates of other school systems: Portuguese, Spanish,
    # German, Dutch, Danish, Norwegian and Swedish.
    r"gradua[çc][ãa]o|p[óo]s-gradua[çc][ãa]o|ensino m[ée]dio|ensino t[ée]cnico|"
    r"t[ée]cnico superior|t[ée]cnico en|lic\.|bachillerato|educaci[óo]n secundaria|"
    r"studium|lehre|berufsausbildung|gymnasieeksamen|studentereksamen|kandidatgrad|"
    r"bachelorgrad|mastergrad|kandidatexamen|masterexamen|gymnasieexamen|propedeuse)(?!\w)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Entry:
    """One item of a section: its header lines, its bullets, and the fields found in them."""

    header: list[TextLine] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    bullet_lines: list[TextLine] = field(default_factory=list)
    title: str = ""
    organisation: str = ""
    location: str = ""
    start: str = ""
    end: str = ""
    subject: str = ""
    rest: list[str] = field(default_factory=list)


def is_location(text: str) -> bool:
    text = text.strip()
    if len(text) > 40 or any(char.isdigit() for char in text) or _NOT_A_PLACE_RE.search(text):
        return False
    if _names_a_school_role_or_company(text):
        return False
    return bool(_LOCATION_RE.match(text)) and len(text.split()) <= 5


def _names_a_school_role_or_company(text: str) -> bool:
    """ "Hochschule Basel, Maschinenbau", "Tessaro S.p.A., Data Analyst", "Kestrel Labs, Leeds":
    shaped like "City, Region" (the place pattern ignores case, for "Rio de Janeiro, Brazil"),
    but a school, a role, or a company's word before the comma says the piece is the entry's
    subject (with its city), no place. A region code after the comma ("Lead, SD", "Zug, AG")
    still makes it a place."""
    if _REGION_CODE_END_RE.search(text):
        return False
    head = text.rpartition(",")[0]
    return is_school(text) or title_score(text) > 0 or org_score(head) > 0


_REGION_CODE_END_RE = re.compile(r",\s*[A-Z]{2,3}\.?$")


def is_duration(text: str) -> bool:
    """How long a job lasted: "2 years 10 months", "(1 yr 3 mos)"."""
    return bool(_DURATION_RE.fullmatch(text.strip(" ,;·|–-")))


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(fold_accents(text.casefold())))


_WORD_RE = re.compile(r"[a-z][a-z-]*")
_TITLE_WORDS = frozenset(TITLE_WORDS)
_ORG_WORDS = frozenset(ORG_WORDS)
_SCHOOL_WORDS = frozenset(SCHOOL_WORDS)


def title_score(text: str) -> int:
    words = _words(text)
    compounds = sum(1 for word in words - _TITLE_WORDS if _GERMAN_TITLE_RE.search(word))
    return len(words & _TITLE_WORDS) + compounds


# A company's legal form: "Inc.", "GmbH", "S.p.A.", "S.r.l.", "S.A.", "S.L.", "Ltda.".
_LEGAL_FORM_RE = re.compile(
    r"\b(?:Inc|Ltd|LLC|Corp|Co|GmbH|AG|KG|SARL|SAS|SRL|SpA|Ltda|BV|NV)\.?(?:\W|$)"
    r"|\bS\.(?:p\.)?A\.(?:S\.)?|\bS\.r\.l\.|\bS\.L\.|\bS\.A\.S\.?"
)


def org_score(text: str) -> int:
    score = len(_words(text) & _ORG_WORDS)
    if _LEGAL_FORM_RE.search(text):
        score += 1
    return score


def is_school(text: str) -> bool:
    return bool(_words(text) & _SCHOOL_WORDS)


def _is_description(
    line: TextLine, previous_was_text: bool, body_size: float, *, first: bool, education: bool
) -> bool:
    """A sentence of description rather than an entry's header line."""
    text = line.plain
    if education and is_school(text) and len(text) < 120:
        return False  # "● John Hopkins University: Full Stack web development"
    if is_bullet(line):
        rest = strip_bullet(text)
        # "• Google    Mountain View, CA": a bulleted header line, as some LaTeX templates print.
        header_like = len(line.segments) > 1 and (
            is_location(line.segments[-1]) or find_date_range(line.segments[-1]) is not None
        )
        return not (header_like and len(rest) < 90)
    if find_date_range(text) is not None and len(text) < 120:
        return False
    if len(line.segments) > 1 and is_location(line.segments[-1]) and len(line.segments[0]) < 90:
        return False  # "Northwind, the wholesale arm of Contoso    Oakland, CA": a header line
    if _is_name_and_place(text):
        return False  # "Data Analytics Program, University of Somewhere, Amherst, MA"
    if text[:1].islower():
        return True
    if first:
        return False
    if _distinct(line, body_size):
        return False
    if previous_was_text and len(line.segments) == 1 and not is_location(text):
        return True
    return len(text) > 80 or (text.endswith(".") and len(text) > 40)


def _is_name_and_place(text: str) -> bool:
    """A title-case name followed by its city, however long: an employer's line, no sentence."""
    parts = text.split(", ")
    if len(parts) < 3 or text.endswith(".") or len(text) >= 160:
        return False
    long_words = [word for word in text.split() if len(word) > 3]
    return is_location(", ".join(parts[-2:])) and all(word[0].isupper() for word in long_words)


def split_entries(
    lines: list[TextLine], *, body_size: float, education: bool = False
) -> list[Entry]:
    """Group lines into entries: header lines, then the description lines that follow them."""
    lines = _join_stacked_dates(lines)
    entries: list[Entry] = []
    head_style: tuple[float, bool] | None = None
    # Entries that open with their dates (a timeline): in the dates' type, only a line with
    # dates opens the next entry; the employer below the title may share that type.
    opened_by_dates = False
    previous_was_text = False
    for line in lines:
        if education and entries and _wraps_label_column(entries[-1], line):
            _join_to_label(entries[-1], line)
            continue
        if education and entries and _wraps_school_name(entries[-1], line):
            _join_to_last_header(entries[-1], line)
            continue
        if (
            not education and entries and _indented_under_header(entries[-1], line, body_size)
        ) or _is_description(
            line, previous_was_text, body_size, first=not entries, education=education
        ):
            if not entries:
                entries.append(Entry())
            entries[-1].bullets.append(strip_bullet(line.plain))
            entries[-1].bullet_lines.append(line)
            previous_was_text = True
            continue
        if entries and _only_dates(line) and not _has_dates(entries[-1]):
            entries[-1].header.append(line)  # "From: 2012 – Present" under a job's description
            previous_was_text = False
            continue
        style = (line.size, line.bold)
        distinct = _distinct(line, body_size)
        current = entries[-1] if entries else None
        starts_new = (
            current is None
            or bool(current.bullets)
            or (
                head_style is not None
                and distinct
                and style == head_style
                and not _employer_under_dated_role(current, line)
                and not (not education and _city_under_dated_job(current, line))
                and not (opened_by_dates and _find_dates(line.plain) is None)
                and not (education and _completes_degree_and_school(current, line))
            )
            or (education and _names_another_school(line, current))
            or (
                _has_dates(current)
                and _find_dates(line.plain) is not None
                and not _GRADUATION_RE.search(line.plain)
                and (len(current.header) >= 2 or education or _one_line_job(current))
            )
            or (
                not education
                and (distinct or org_score(line.plain) > 0)
                and not is_location(line.plain)
                and _closed_by_dates(current)
            )
        )
        if starts_new:
            entries.append(Entry())
            if head_style is None:
                head_style = style
                # Not for schools: a degree's extra lines have no field to go to yet.
                opened_by_dates = not education and _only_dates(line)
        entries[-1].header.append(line)
        previous_was_text = False
    for entry in entries:
        _join_wrapped_description(entry)
        _fill_fields(entry, education=education)
    if education:
        _share_schools(entries)
    else:
        _share_grouped_employers(entries, body_size)
    return [entry for entry in entries if entry.header or entry.bullets]


@dataclass(slots=True)
class _EmployerGroup:
    """An employer printed once above its roles, in a type larger than theirs."""

    name: str
    size: float
    role_size: float


def _share_grouped_employers(entries: list[Entry], body_size: float) -> None:
    """Several roles under one employer (LinkedIn's export, many Word templates): the employer
    line in the largest type, each role in a smaller one above its dates. A role that opens an
    entry in the role's type, with no employer line of its own, was held at that employer."""
    group: _EmployerGroup | None = None
    for entry in entries:
        if not entry.header:
            continue
        if group is not None and _opens_a_role_of(group, entry):
            _take_group_employer(entry, group)
        else:
            group = _employer_group_of(entry, body_size)


def _employer_group_of(entry: Entry, body_size: float) -> _EmployerGroup | None:
    opening = entry.header[0]
    if not entry.organisation or opening.plain.strip() != entry.organisation.strip():
        return None
    title_line = next((h for h in entry.header[1:] if entry.title and entry.title in h.plain), None)
    if title_line is None or not (opening.size > title_line.size > body_size > 0):
        return None
    return _EmployerGroup(entry.organisation, opening.size, title_line.size)


def _opens_a_role_of(group: _EmployerGroup, entry: Entry) -> bool:
    opening = entry.header[0]
    return (
        abs(opening.size - group.role_size) < 0.1
        and _find_dates(opening.plain) is None
        and all(line.size < group.size for line in entry.header)
    )


def _take_group_employer(entry: Entry, group: _EmployerGroup) -> None:
    role = entry.header[0].plain.strip()
    displaced = [text for text in (entry.title, entry.organisation) if text and text != role]
    entry.title, entry.organisation = role, group.name
    for text in displaced:
        if not entry.location and _could_be_place(text):
            entry.location = text
        else:
            entry.rest.append(text)


# How far (points) a line may start from the label it continues and still be under it.
_SAME_LEFT_WITHIN = 2.0


def _wraps_label_column(entry: Entry, line: TextLine) -> bool:
    """A narrow label column (a degree left of the school) wraps its words onto lines below:
    "Bachelor" beside the school, then "of Science" under it, after the dates' line. Such a
    line starts in lower case where the label starts, in its type, before any bullet."""
    if entry.bullets or not entry.header or len(line.segments) != 1:
        return False
    label_line = entry.header[0]
    text = line.segments[0]
    if len(label_line.segments) < 2 or not text[:1].islower() or len(text.split()) > 3:
        return False
    here, label = line.placement, label_line.placement
    return (
        here is not None
        and label is not None
        and abs(here.left - label.left) <= _SAME_LEFT_WITHIN
        and (line.size, line.bold) == (label_line.size, label_line.bold)
    )


def _join_to_label(entry: Entry, line: TextLine) -> None:
    label_line = entry.header[0]
    label, *others = label_line.segments
    entry.header[0] = replace(label_line, segments=[f"{label} {line.segments[0]}", *others])


def _city_under_dated_job(entry: Entry, line: TextLine) -> bool:
    """ "Data Engineer  2019 – 2021", "Kestrel Systems", then "Leeds" in the same type (a rail
    stacking employer and city under the dates): a lone city closes this header."""
    return (
        len(entry.header) >= 2
        and _has_dates(entry)
        and len(line.segments) == 1
        and _find_dates(line.plain) is None
        and _could_be_place(line.plain)
        and not org_score(line.plain)
        and not title_score(line.plain)
    )


def _wraps_school_name(entry: Entry, line: TextLine) -> bool:
    """ "B.Sc. — Austin Business" then "School, Austin": a school's name wrapped onto the next
    line, which alone names no school and with that line's first words, school words only
    ("School", "Institute of Technology"), does."""
    if entry.bullets or not entry.header or len(line.segments) != 1:
        return False
    last = _split_pieces(entry.header[-1].segments[0])[-1] if entry.header[-1].segments else ""
    first_words = re.split(r"[,(]", line.segments[0], maxsplit=1)[0].strip()
    if not last or not first_words[:1].isupper() or len(first_words.split()) > 3:
        return False
    only_school_words = _words(first_words) <= _SCHOOL_WORDS_AND_JOINERS
    return only_school_words and not is_school(last) and is_school(f"{last} {first_words}")


_SCHOOL_WORDS_AND_JOINERS = frozenset(SCHOOL_WORDS) | {"of", "de", "di", "du", "and"}


def _join_to_last_header(entry: Entry, line: TextLine) -> None:
    last = entry.header[-1]
    first, *others = last.segments
    entry.header[-1] = replace(last, segments=[f"{first} {line.segments[0]}", *others])


def _employer_under_dated_role(entry: Entry, line: TextLine) -> bool:
    """ "Data Engineer    2019 – 2021" then "Kestrel Systems, Leeds" in the same type: the
    second line of one header, not the next entry's first."""
    return len(entry.header) == 1 and _has_dates(entry) and _find_dates(line.plain) is None


def _names_another_school(line: TextLine, entry: Entry) -> bool:
    """A school's line under an entry that already names one starts the next entry; a degree
    named after a school ("High School Diploma") is this entry's degree: its school word
    is part of the degree's name."""
    if not _names_school(line.plain):
        return False
    return any(is_school(header.plain) for header in entry.header)


# A start date left open by its dash: "04.2024 –", "2018 -".
_OPEN_DASH_RE = re.compile(r"[-–—]\s*$")
# The end printed under it is short: "2021", "Present", "o momento".
_STACKED_END_WORDS_AT_MOST = 3


def _join_stacked_dates(lines: list[TextLine]) -> list[TextLine]:
    """A rail of dates too narrow for a range prints its end under its start ("04.2024 –",
    then "Present"), often on the row of the entry's next line: the range joined again on the
    first line, the rest of the second left where it was."""
    joined: list[TextLine] = []
    for line in lines:
        above = joined[-1] if joined else None
        if above is None or not _ends_in_stacked_range(above, line):
            joined.append(line)
            continue
        start, end = above.segments[0], line.segments[0]
        joined[-1] = replace(above, segments=[f"{start} {end}", *above.segments[1:]])
        if len(line.segments) > 1:
            joined.append(replace(line, segments=line.segments[1:]))
    return joined


def _ends_in_stacked_range(above: TextLine, line: TextLine) -> bool:
    start, end = above.segments[0], line.segments[0]
    if not _OPEN_DASH_RE.search(start) or len(end.split()) > _STACKED_END_WORDS_AT_MOST:
        return False
    opened = find_date_range(start)
    if opened is None or opened.end or _remove_span(start, opened.span).strip(" -–—"):
        return False
    closed = find_date_range(f"{start} {end}")
    return closed is not None and bool(closed.end) and closed.span[1] >= len(start) + len(end)


# A line this many font sizes right of its entry's first line is indented under it.
_INDENT_IN_SIZES = 1.0


def _indented_under_header(entry: Entry, line: TextLine, body_size: float) -> bool:
    """A job's header set apart (bold, larger), then undated lines in body type indented under
    it: its achievements printed as a list without bullet marks."""
    if entry.bullets or not entry.header or not _distinct(entry.header[0], body_size):
        return False
    head, here = entry.header[0].placement, line.placement
    if head is None or here is None or _distinct(line, body_size):
        return False
    indented = here.left - head.left >= _INDENT_IN_SIZES * max(line.size, 1.0)
    return indented and _find_dates(line.plain) is None and not is_location(line.plain)


def _completes_degree_and_school(entry: Entry, line: TextLine) -> bool:
    """ "Master of Science, Statistics" then "Austin Business School" in the same type: a degree
    and its school on two lines are one entry; a second degree or school opens the next."""
    if len(entry.header) != 1 or entry.bullets:
        return False
    first, here = entry.header[0].plain, line.plain
    if _find_dates(first) is not None and _find_dates(here) is not None:
        return False
    names_degree = [bool(DEGREE_RE.search(t)) and not _names_school(t) for t in (first, here)]
    names_school = [_names_school(t) and not DEGREE_RE.search(t) for t in (first, here)]
    return (names_degree[0] and names_school[1]) or (names_school[0] and names_degree[1])


def _names_school(text: str) -> bool:
    """A school's name, not a degree whose name holds a school word ("High School Diploma")."""
    return is_school(DEGREE_RE.sub(" ", text))


def _one_line_job(entry: Entry) -> bool:
    """ "Data Engineer | Kestrel Systems    2019 – 2021": role, employer and dates on one line,
    so a dated line below it is the next job, even without bullets between them."""
    if len(entry.header) != 1:
        return False
    named = Entry(header=list(entry.header))
    _fill_fields(named, education=False)
    return bool(named.title and named.organisation and (named.start or named.end))


def _closed_by_dates(entry: Entry) -> bool:
    """ "Club : address : Manager" then "From: 2012 – Present": role, employer, dates all said."""
    if len(entry.header) < 2 or not _only_dates(entry.header[-1]):
        return False
    for line in entry.header[:-1]:
        named = Entry(header=[line])
        _fill_fields(named, education=False)
        if named.title and named.organisation:
            return True
    return False


def _share_schools(entries: list[Entry]) -> None:
    """A second degree printed without its school was taken at the school named just before."""
    for previous, entry in pairwise(entries):
        if entry.title and not entry.organisation:
            entry.organisation = previous.organisation


def _join_wrapped_description(entry: Entry) -> None:
    lines = join_wrapped_paragraphs(entry.bullet_lines)
    if len(lines) < len(entry.bullet_lines):
        entry.bullet_lines = lines
        entry.bullets = [strip_bullet(line.plain) for line in lines]


def _distinct(line: TextLine, body_size: float) -> bool:
    """Set apart from body text by weight or size (size 0 means the source did not say)."""
    return line.bold or (body_size > 0 and line.size > 0 and abs(line.size - body_size) > 0.6)


def _only_dates(line: TextLine) -> bool:
    found = _find_dates(line.plain)
    return found is not None and not _remove_span(line.plain, found.span).strip()


def _find_dates(text: str) -> DateRange | None:
    """The dates in a line, where a grade such as "GPA: 4.00" is no date (April 2000)."""
    return find_date_range(_SCORE_RE.sub(lambda score: " " * len(score.group()), text))


def _has_dates(entry: Entry) -> bool:
    return any(_find_dates(line.plain) is not None for line in entry.header)


@dataclass(slots=True)
class _Piece:
    text: str
    line: int
    on_date_line: bool


def _fill_fields(entry: Entry, *, education: bool) -> None:
    pieces: list[_Piece] = []
    dates: DateRange | None = None
    for index, line in enumerate(entry.header):
        line_has_date = False
        for segment in line.segments:
            text = strip_bullet(segment)
            found = _find_dates(text)
            if found is not None:
                found = _with_second_year(text, found)
            if found is not None and dates is None:
                dates, line_has_date = found, True
                text = _remove_span(text, found.span)
            elif found is not None and _is_graduation_note(text, found):
                text = _remove_span(text, found.span)  # "…, expected March 2016" under the dates
            for part in _split_pieces(text):
                pieces.append(_Piece(part, index, False))
        for piece in pieces:
            if piece.line == index:
                piece.on_date_line = line_has_date
    if dates is None:
        dates = _dates_in_bullet_margin(entry)
    if dates is not None:
        entry.start, entry.end = dates.start, dates.end
    if not any(is_location(piece.text) for piece in pieces):
        _mark_lone_place(entry, pieces)
    labelled = next((m for p in pieces if (m := _PLACE_LABEL_RE.match(p.text))), None)
    if labelled is not None:
        entry.location = labelled.group("place")
        pieces = [p for p in pieces if not _PLACE_LABEL_RE.match(p.text)]
    pieces = _take_labelled_role(entry, pieces)
    contacts = [p for p in pieces if _CONTACT_LABEL_RE.match(p.text)]
    pieces = [p for p in pieces if p not in contacts]
    places = [
        piece
        for piece in pieces
        if is_location(piece.text)
        and (piece is not pieces[0] or len(pieces) > 2)
        # "Grado, Administración de Empresas" is a degree and its subject, not a city.
        and not DEGREE_RE.match(piece.text)
    ]
    place = max(places, key=_place_likeness, default=None)  # the first of equals
    if labelled is not None:
        place = None
    elif place is not None:
        entry.location = place.text
    kept = [piece for piece in pieces if piece is not place]
    if education:
        _assign_education(entry, kept)
    else:
        _assign_job(entry, kept)
        _employer_taken_for_a_place(entry)
        if not entry.title and entry.bullets:
            entry.title = _role_leading_description(entry.bullets[0])
    entry.rest.extend(piece.text for piece in contacts)


def _take_labelled_role(entry: Entry, pieces: list[_Piece]) -> list[_Piece]:
    """A role printed with its label ("Cargo: Repositora de alimentos.") is the title, whatever
    the other pieces look like; the pieces left are ranked for the employer."""
    for piece in pieces:
        if match := _ROLE_LABEL_RE.match(piece.text):
            entry.title = match.group("role")
            return [other for other in pieces if other is not piece]
    return pieces


_LONE_PLACE_RE = re.compile(r"^[^\W\d_][^\W\d_'’.-]+(?:[ -][^\W\d_][^\W\d_'’.-]+){0,2}$")


def _mark_lone_place(entry: Entry, pieces: list[_Piece]) -> None:
    """A city printed alone, right of an employer's or school's line ("Acme Ltd.    Bologna"):
    the last piece of a line, a piece of its own after the first, one to three capitalised
    words that name no role, no organisation and no school. Set off by a separator instead of
    a gap ("Lumora Inc. · Glasgow"), the piece before it must name the company or school, so
    "Data Engineer · Kestrel" keeps its employer."""
    for line_index, line in enumerate(entry.header):
        on_line = [piece for piece in pieces if piece.line == line_index]
        if len(on_line) < 2:
            continue
        last = on_line[-1]
        text = last.text
        own_segment = text in (strip_bullet(segment).strip(" ,;|") for segment in line.segments[1:])
        after_a_name = org_score(on_line[-2].text) > 0 or is_school(on_line[-2].text)
        if (
            _LONE_PLACE_RE.match(text)
            and text[0].isupper()
            and not (title_score(text) or org_score(text) or is_school(text))
            and not DEGREE_RE.search(text)
            and (own_segment or after_a_name)
        ):
            entry.location = text
            pieces.remove(last)
            return


def _with_second_year(text: str, found: DateRange) -> DateRange:
    """ "Summer 2012 and 2013": two spells printed as one date, read as 2012 to 2013."""
    second = _SECOND_YEAR_RE.match(text, found.span[1])
    if second is None or found.end:
        return found
    return DateRange(found.start, second.group(1), (found.span[0], second.end()))


def _is_graduation_note(text: str, found: DateRange) -> bool:
    before, dated = text[: found.span[0]], text[found.span[0] : found.span[1]]
    return bool(_GRADUATION_RE.match(dated) or _GRADUATION_RE.search(before[-16:]))


def _place_likeness(piece: _Piece) -> tuple[bool, bool]:
    """ "Princeton, NJ" over "Princeton University, Computer Science": both read as places."""
    return bool(_STATE_RE.search(piece.text)), not is_school(piece.text)


def _dates_in_bullet_margin(entry: Entry) -> DateRange | None:
    """Dates printed in a right-hand rail land beside the first bullets (RenderCV and kin).

    Taken as the entry's dates, they leave the bullet's text, and so does the duration printed
    beside them ("2 years 10 months"), on the same line or the one below.
    """
    for row, line in enumerate(entry.bullet_lines[:3]):
        for index, segment in enumerate(line.segments[1:], start=1):
            if found := find_date_range(segment):
                rail = [s for s in line.segments[index + 1 :] if not is_duration(s)]
                line.segments = [*line.segments[:index], *rail]
                entry.bullets[row] = strip_bullet(line.plain)
                _drop_duration_below(entry, row + 1)
                return found
    return None


def _drop_duration_below(entry: Entry, row: int) -> None:
    if row >= len(entry.bullet_lines):
        return
    line = entry.bullet_lines[row]
    if len(line.segments) == 1 and not is_bullet(line) and is_duration(line.segments[0]):
        del entry.bullet_lines[row], entry.bullets[row]  # the rail's piece on a line of its own
        return
    rail = [segment for segment in line.segments[1:] if not is_duration(segment)]
    if len(rail) < len(line.segments) - 1:
        line.segments = [line.segments[0], *rail]
        entry.bullets[row] = strip_bullet(line.plain)


def _remove_span(text: str, span: tuple[int, int]) -> str:
    left, right = text[: span[0]], text[span[1] :]
    left = re.sub(r"(?i)(?:from|since|expected|graduated|grad\.?|dates?)\s*:?\s*$", "", left)
    joined = f"{left.rstrip(' ,;:|–-(')} {right.lstrip(' ,;:|–-)')}"
    return _strip_piece(joined.strip(" –-"))


def _strip_piece(text: str) -> str:
    """Trim separators and the brackets left over from a split, keeping "(IEEE)" or "(M.S.)"."""
    text = text.strip(" ,;:|")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(" ,;:|")
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].lstrip(" ,;:|")
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:-1]:
        text = text[1:-1].strip(" ,;:|")
    return text


def _split_pieces(text: str) -> list[str]:
    pieces = []
    for part in _PIECE_SPLIT_RE.split(text):
        part = _strip_piece(part)
        if part and not is_duration(part):
            pieces.append(part)
    return pieces


def _role_leading_description(text: str) -> str:
    """ "Co-owner responsible for the store…": the role a title-less job opens with."""
    match = _ROLE_LEAD_RE.match(text)
    return match.group(1) if match and title_score(match.group(1)) else ""


def _assign_job(entry: Entry, pieces: list[_Piece]) -> None:
    if not pieces:
        return
    if entry.title:  # labelled: only the employer is left to find
        _assign_employer(entry, pieces)
        return
    if len(pieces) == 1:
        _split_single(entry, pieces[0].text)
        return
    if _one_piece_names_both(entry, pieces):
        return
    # On a tie, the piece naming a role ("Research Assistant", whose "research" also names
    # labs) is the title before the one on the dates' line.
    ranked = sorted(
        pieces,
        key=lambda p: (*_title_likeness(p.text), p.on_date_line, -p.line),
        reverse=True,
    )
    title = ranked[0]
    others = [piece for piece in pieces if piece is not title]
    organisation = max(
        others, key=lambda p: (org_score(p.text) - title_score(p.text), -p.line, -others.index(p))
    )
    entry.title, entry.organisation = title.text, organisation.text
    entry.rest = [p.text for p in others if p is not organisation]
    if not entry.location:
        _place_after_employer(entry)


def _assign_employer(entry: Entry, pieces: list[_Piece]) -> None:
    organisation = max(pieces, key=lambda p: (org_score(p.text) - title_score(p.text), -p.line))
    entry.organisation = organisation.text
    entry.rest = [p.text for p in pieces if p is not organisation]
    if not entry.location:
        _place_after_employer(entry)


def _one_piece_names_both(entry: Entry, pieces: list[_Piece]) -> bool:
    """ "Sales Lead, Orbisa Ltda." over a line "Curitiba": one piece holds the role and the
    employer, so a lone name beside it is the place, and anything else is the rest."""
    for piece in pieces:
        both = Entry()
        _split_single(both, piece.text)
        # The role must say it is one: in "Broadland Estates Ltd., Norwich" the rest is a city.
        if not (both.title and both.organisation and title_score(both.title)):
            continue
        others = [other for other in pieces if other is not piece]
        if any(title_score(o.text) or org_score(o.text) for o in others):
            return False  # another piece also names a role or employer: rank them all
        entry.title, entry.organisation = both.title, both.organisation
        place = next((o for o in others if _could_be_place(o.text)), None)
        if place is not None and not entry.location:
            entry.location = place.text
        entry.rest = [o.text for o in others if o is not place]
        return True
    return False


def _employer_taken_for_a_place(entry: Entry) -> None:
    """A job with a title and no employer, whose "place" reads "Kestrel Systems, Leeds": the
    employer and its city, unless the part after the comma is a region code ("Austin, TX")."""
    head, comma, tail = entry.location.rpartition(", ")
    if entry.organisation or not entry.title or not comma:
        return
    if re.fullmatch(r"[A-Z]{2,3}\.?", tail) or len(head.split()) < 2:
        return
    entry.organisation, entry.location = head, tail


def _place_after_employer(entry: Entry) -> None:
    """ "Kestrel Systems, Leeds": the employer, then its city after the last comma."""
    head, comma, tail = entry.organisation.rpartition(", ")
    if (
        comma
        and head
        and "," not in head  # "Soldering, MicroPython, LoRa" is a list, not a place
        and _LONE_PLACE_RE.match(tail)
        and tail[0].isupper()
        and not re.fullmatch(r"[A-Z]{2,3}\.?", tail)  # "…, Bozeman, MT": a region code
        and not (org_score(tail) or title_score(tail) or is_school(tail))
    ):
        entry.organisation, entry.location = head, tail


def _could_be_place(text: str) -> bool:
    return bool(
        is_location(text)
        or (_LONE_PLACE_RE.match(text) and text[0].isupper() and not is_school(text))
    )


def _split_single(entry: Entry, text: str) -> None:
    """One piece holding both: 'Nexus AI, Co-Founder & CTO' or 'Golf Club : address : Manager'."""
    for separator in (":", ",", " at ", " @ "):
        parts = [part.strip() for part in text.split(separator) if part.strip()]
        if len(parts) < 2:
            continue
        # "Research Intern, Google DeepMind": on a tie, the part with a role word is the title.
        scored = sorted(parts, key=_title_likeness, reverse=True)
        best, worst = scored[0], scored[-1]
        if title_score(best) and _title_likeness(best) > _title_likeness(worst):
            entry.title = best
            entry.organisation = next(part for part in parts if part is not best)
            return
    # "Ostrava Data S.p.A., Sales Assistant": a part naming a company, the other its role.
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if len(parts) == 2:
        first, second = (org_score(part) > 0 for part in parts)
        if first != second:
            entry.organisation, entry.title = parts if first else parts[::-1]
            return
    if title_score(text) > org_score(text) or _role_on_a_tie(text):
        entry.title = text
    else:
        entry.organisation = text


def _role_on_a_tie(text: str) -> bool:
    """ "Research Assistant": as many role words as employer words ("research" names labs
    too), the last a role's: a role ends in what the person is, an employer in what it is."""
    words = sorted(_words(text), key=text.casefold().find)
    return bool(words) and title_score(text) == org_score(text) and words[-1] in _TITLE_WORDS


def _title_likeness(text: str) -> tuple[int, int]:
    return title_score(text) - org_score(text), title_score(text)


# "EQF level 4" (Europass), "NQF Level 6", "DQR-Niveau 6": where a qualification sits in a
# framework of levels, which names neither the school nor the degree.
_FRAMEWORK_LEVEL_RE = re.compile(
    r"(?i)^(?:EQF|NQF|DQR|ISCED|CITE|CINE|QEQ|CEC|MEC)[\s-]*(?:level|niveau|nivel|livello)?\s*\d$"
)


def _assign_education(entry: Entry, pieces: list[_Piece]) -> None:
    entry.subject = _subject_beside_degree(pieces)
    texts: list[str] = []
    for piece in pieces:
        if piece.text == entry.subject:
            continue
        if _FRAMEWORK_LEVEL_RE.match(piece.text):
            entry.rest.append(piece.text)
            continue
        # "John Hopkins University: Full Stack web development"
        for part in piece.text.split(":"):
            texts.extend(_split_school_from_degree(part.strip()))
    school = next((t for t in texts if is_school(t) and not DEGREE_RE.match(t)), "")
    if not school:
        fallback = "" if entry.subject else (texts[0] if texts else "")
        school = next((t for t in texts if not DEGREE_RE.search(t)), fallback)
    degree = next((t for t in texts if t != school and DEGREE_RE.search(t)), "")
    others = [t for t in texts if t not in (school, degree)]
    if not degree and school:
        degree, school = _degree_before_school(school)
    if degree and not entry.subject and not split_degree(degree)[1]:
        entry.subject = _subject_line_beside_degree(pieces, degree, others, school)
        others = [t for t in others if t != entry.subject]
    entry.rest += others
    if not entry.location:
        _place_in_rest(entry)
    if not degree:
        degree = _qualification_in_rest(entry)
    entry.organisation = school
    entry.title = degree


# A subject printed on a line of its own is a short phrase: "Industrial Design".
_SUBJECT_LINE_WORDS_AT_MOST = 5


def _subject_line_beside_degree(
    pieces: list[_Piece], degree: str, others: list[str], school: str
) -> str:
    """ "Toronto Institute of Technology", then "Industrial Design", then "Master of
    Engineering": a bare degree with, alone on the line next to it, the one other phrase of
    the entry, which names no school, place, employer or role: what was studied. A city the
    school is named after ("Università di Padova", then "Padova") is its place."""
    if len(others) != 1:
        return ""
    subject = others[0]
    if subject.casefold() in school.casefold():
        return ""
    own = [piece for piece in pieces if piece.text == subject]
    beside = [piece for piece in pieces if degree in piece.text]
    if len(own) != 1 or not beside:
        return ""
    line = own[0].line
    alone = sum(piece.line == line for piece in pieces) == 1
    if not alone or all(abs(piece.line - line) != 1 for piece in beside):
        return ""
    if (
        len(subject.split()) > _SUBJECT_LINE_WORDS_AT_MOST
        or any(char.isdigit() for char in subject)
        or is_school(subject)
        or DEGREE_RE.search(subject)
        or is_location(subject)
        or org_score(subject)
        or title_score(subject)
    ):
        return ""
    return subject


def _names_a_qualification(text: str) -> bool:
    """Beside a school, a short phrase with no degree word ("Web application development", as
    Europass prints a qualification's title) is what was studied: education keeps no other
    free text, so read any other way its words would be lost."""
    return len(text.split()) <= 8 and not re.search(r"[\d:]", text)


def _degree_before_school(text: str) -> tuple[str, str]:
    """ "PhD Princeton University, Computer Science": a degree before the school's name."""
    words = text.split()
    for count in (1, 2):
        if len(words) > count and DEGREE_RE.fullmatch(" ".join(words[:count])):
            return " ".join(words[:count]), " ".join(words[count:])
    return "", text


def _place_in_rest(entry: Entry) -> None:
    """ "St. Aldric College, PhD in Design – Dublin": a lone city left over beside the school
    and the degree is where it is; an education entry has no other field to print it in."""
    place = next((text for text in entry.rest if _could_be_place(text)), None)
    if place is not None:
        entry.location = place
        entry.rest.remove(place)


def _qualification_in_rest(entry: Entry) -> str:
    text = next((text for text in entry.rest if _names_a_qualification(text)), "")
    if text:
        entry.rest.remove(text)
    return text


def _subject_beside_degree(pieces: list[_Piece]) -> str:
    """ "Master of Science (M.S.) – Data Analytics": a subject set off from its degree by a dash."""
    for degree, after in pairwise(pieces):
        if (
            degree.line == after.line
            and DEGREE_RE.search(degree.text)
            and not re.search(r"\sin\s", degree.text)
            and not is_school(degree.text)
            and not DEGREE_RE.search(after.text)
            and not is_school(after.text)
            and not any(char.isdigit() for char in after.text)
        ):
            return after.text
    return ""


def _split_school_from_degree(text: str) -> list[str]:
    """ "Princeton University, PhD in Computer Science" → the school, then the degree;
    "Master Studium Informatik, FH Hagenberg, Linz." → the degree, the school, its city;
    "BSc Computer Science, University of Arden" → the degree, then the school."""
    parts = text.split(", ")
    for index in range(1, len(parts)):
        school = ", ".join(parts[:index])
        if DEGREE_RE.match(parts[index]) and len(parts[index].split()) > 1 and is_school(school):
            return [school, ", ".join(parts[index:])]
    if len(parts) == 3 and DEGREE_RE.match(parts[0]) and _could_be_place(parts[2].rstrip(".")):
        return [parts[0], parts[1], parts[2].rstrip(".")]
    for index in range(1, len(parts)):
        degree, school = ", ".join(parts[:index]), ", ".join(parts[index:])
        if DEGREE_RE.match(degree) and not is_school(degree) and is_school(parts[index]):
            return [degree, school]
    return [text] if text else []


def split_degree(degree: str) -> tuple[str, str]:
    """'BS in Computer Engineering' → ('BS', 'Computer Engineering'); no ' in ' → (degree, '')."""
    cleaned = re.sub(r"\(\s*\)", "", degree).strip(" ,;")
    cleaned = _strip_piece(
        re.split(r";?\s*\bGPA\b", cleaned, maxsplit=1, flags=re.IGNORECASE)[0].rstrip(" ,;(")
    )
    # "in" and its kin: "Master en Informatique", "Bacharelado em Direito", "Laurea in Fisica".
    match = re.match(r"^(.*?)\s+(?:in|en|em|im|di)\s+(.+)$", cleaned)
    if match and len(match.group(1)) <= 40:
        return match.group(1), match.group(2)
    # "Grado, Administración de Empresas": the degree, then its subject after a comma.
    degree_part, comma, subject = cleaned.partition(", ")
    if comma and DEGREE_RE.fullmatch(degree_part.strip()) and subject:
        return degree_part.strip(), subject.strip()
    return _subject_before_degree(cleaned)


# A subject named before its degree is a short phrase: "Economics", "Génie industriel".
_SUBJECT_WORDS_AT_MOST = 5


def _subject_before_degree(text: str) -> tuple[str, str]:
    """ "Economics, M.Sc.", "Génie industriel, Diplôme d'ingénieur": the subject, then after
    the last comma the degree, as a theme prints area before study type."""
    subject, comma, degree = text.rpartition(", ")
    if (
        comma
        and DEGREE_RE.search(degree)
        and not DEGREE_RE.search(subject)
        and len(subject.split()) <= _SUBJECT_WORDS_AT_MOST
        and not is_school(subject)
        and not any(char.isdigit() for char in text)
    ):
        return degree.strip(), subject.strip()
    return text, ""
