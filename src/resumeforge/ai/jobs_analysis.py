"""A `Job` from pasted job-description text, by a provider or offline.

Whatever the source, the job's skills and keywords are kept only when the text says them: the
match report is computed from them, so a model cannot talk coverage up.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from resumeforge.ai.keywords import (
    find_skills,
    keyword_pattern,
    mentions,
    normalise,
    sentences,
    vocabulary_lines,
)
from resumeforge.ai.language import ad_language
from resumeforge.ai.prompts import as_data, render_prompt
from resumeforge.ai.providers.base import (
    Provider,
    StructuredRequest,
    Task,
    TaskInputs,
    UsageCallback,
)
from resumeforge.ai.screening import screening_terms
from resumeforge.resume.schemas import Job

# "Title: …" lines of job boards, in the six languages, each label mapped to its field.
_FIELD_LABELS = {
    "title": "title|job title|position|titre|intitulé du poste|poste|titel|stelle|stellentitel|"
    "puesto|título|cargo|vaga|titolo|posizione",
    "company": "company|employer|entreprise|société|unternehmen|firma|arbeitgeber|empresa|"
    "azienda|società",
    "location": "location|lieu|ort|standort|arbeitsort|ubicación|localización|localização|"
    "local|sede|luogo",
}
_FIELD_LINE = re.compile(rf"^\s*({'|'.join(_FIELD_LABELS.values())})\s*:\s*(.+)$", re.I | re.M)
_TITLE_PHRASE = re.compile(
    r"(?:looking for|seeking|hiring|recruiting)\s+(?:an?\s+|the\s+)?"
    r"((?:[A-Z][\w/&+-]*\s?){1,6})",
)
_REQUIREMENT_CUES = (
    "experience",
    "knowledge",
    "degree",
    "must have",
    "familiarity",
    "qualification",
    "years",
    "ability to",
    "proficien",
    "required",
)
_RESPONSIBILITY_CUES = (
    "you will",
    "responsible for",
    "design",
    "build",
    "own",
    "manage",
    "lead",
    "develop",
    "support",
    "deliver",
)
MAX_LIST_ITEMS = 12


def job_request(job_text: str) -> StructuredRequest[Job]:
    return StructuredRequest(
        task=Task.analyze_job,
        system=render_prompt("system"),
        prompt=render_prompt("analyze_job", job_description=as_data("job_description", job_text)),
        output_type=Job,
        inputs=TaskInputs(job_text=job_text),
        max_output_tokens=4096,
    )


async def analyze_job(
    job_text: str, provider: Provider, *, on_usage: UsageCallback | None = None
) -> Job:
    """The job described by `job_text`, its skills and keywords checked against the text."""
    answer = await provider.generate(job_request(job_text), on_usage=on_usage)
    return checked_against_text(answer.output, job_text)


def checked_against_text(job: Job, job_text: str) -> Job:
    """`job` keeping only what the text prints: title, company and location as printed (else
    empty), the skills and keywords it mentions, plus the screening terms it missed."""
    company = employer(job.company, job_text)
    location = job.location if job.location and mentions(job_text, job.location) else ""
    title = role_title(job.title, job_text)
    terms = screening_terms(
        without_headline(job_text), exclude=(job.company, company, location), title=title
    )
    skills = _unique([s for s in job.skills if mentions(job_text, s)] + find_skills(job_text))
    must = _unique([k for k in job.must_have if mentions(job_text, k)] + terms.must)
    nice = _unique([k for k in job.nice_to_have if mentions(job_text, k)] + terms.nice)
    skills, must, nice = (
        [as_the_ad_prints(term, job_text) for term in terms] for terms in (skills, must, nice)
    )
    nice = [k for k in nice if normalise(k) not in {normalise(m) for m in must}]
    keywords = _unique([k for k in job.keywords if mentions(job_text, k)] + must + nice)
    return job.model_copy(
        update={
            "title": title,
            "company": company,
            "location": location,
            "skills": skills,
            "keywords": keywords,
            "must_have": must,
            "nice_to_have": nice,
            "language": ad_language(job_text),
        }
    )


def as_the_ad_prints(term: str, job_text: str) -> str:
    """A vocabulary skill's name as the ad spells it ("AWS", "CI/CD", "PostgreSQL" for "aws",
    "ci/cd", "postgresql"): what the report and the letter show the user. A term in capitals
    or mixed case is the ad's own already. A spelling inside a sentence is preferred to one
    that starts it, whose capital may be the sentence's ("Communication skills are …")."""
    if term != term.lower():
        return term
    printed = [
        match
        for match in re.finditer(keyword_pattern(term).pattern, job_text, re.IGNORECASE)
        if match.group(0).lower() == term
    ]
    inside = [m for m in printed if not _SENTENCE_START.search(job_text, 0, m.start())]
    return next((m.group(0) for m in inside or printed), term)


# Where a sentence, a line or a list item starts: the text before a match ends so.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•·\n-])\s*$")


def analyze_job_offline(job_text: str) -> Job:
    fields = _printed_fields(job_text)
    parts = sentences(job_text)
    printed = fields.get("company") or company_line(job_text) or _company_from_prose(job_text)
    # A labelled "Title:" field is the board's own record of the role; the headline is the role
    # as the ad names it, where the prose is more often loose ("looking for an engineer to…")
    # and its patterns catch words of other kinds ("assume", "cerca"), so it comes last.
    title = fields.get("title") or headline_title(job_text) or _title_from_prose(job_text)
    job = Job(
        title=title,
        company=printed,
        location=_FIELD_SEPARATOR.split(fields.get("location", ""))[0].strip(),
        description=" ".join(parts[:2])[:600],
        responsibilities=_matching(parts, _RESPONSIBILITY_CUES),
        qualifications=_matching(parts, _REQUIREMENT_CUES),
    )
    return checked_against_text(job, job_text)


# A recruitment agency advertising for someone else: the employer is not named.
_CLIENT_PHRASE = re.compile(
    r"\b(?:our|my|the) client\b|\bon behalf of\b|\bunser(?:em|en)? kunden?\b|"
    r"\bnotre client\b|\bnuestro cliente\b|\bnosso cliente\b|\bil nostro cliente\b",
    re.I,
)
_AGENCY_NAME = re.compile(
    r"\b(?:recruit\w*|staffing|contracts|staffsearch|selection|resourcing|personnel|appointments|"
    r"search|talent|headhunt\w*|personalberatung|personaldienst\w*|intérim|recrutement|"
    r"reclutamento|selección|seleção)\b",
    re.I,
)


def employer(company: str, job_text: str) -> str:
    """`company` when the ad prints it and it is the employer, else empty: an agency posting
    for "our client" names no employer, and a name the ad never prints is not one."""
    company = company.strip()
    if not company or not mentions(job_text, company):
        return ""
    if _AGENCY_NAME.search(company) or _CLIENT_PHRASE.search(job_text):
        return ""
    return _most_printed(company, job_text)


def _most_printed(name: str, job_text: str) -> str:
    """`name` in the letter case the ad prints it in most often: "PepsiCo", where one line
    slips to "Pepsico"."""
    printed = re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", job_text, re.IGNORECASE)
    spellings = Counter(match.group(0) for match in printed)
    return spellings.most_common(1)[0][0] if spellings else name


# What follows the role in a headline: places, pay, contract codes ("Unit Manager, Kidderminster,
# Flexi, 40K"); cut at the first separator, then at the last word that names a role.
_HEADLINE_SEPARATOR = re.compile(r"\s{2,}|\s[-–—|]\s|,|:\s|\(|\s/\s(?=[^A-Z])")
_HEADLINE_CODE = re.compile(
    r"^(?:perm|permanent|temp|temporary|contract|flexi|full[- ]time|part[- ]time|ft|pt|"
    r"m/w/d|w/m/d|h/f|f/h|m/f)\b\s*|\s+\S*(?:\d|\*|£|\$|€)\S*$|"
    r"\s+\(?(?:m/w/d|w/m/d|h/f|f/h|m/f|f/m|m/w|w/m)\)?$",
    re.I,
)


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(vocabulary_lines("role_words.txt"))


# German writes a role as one word with its field ("Softwareentwickler", "Bauleiterin"): the
# word names a role when it ends in one, past a stem this long.
MIN_COMPOUND_STEM = 3
_FEMININE_ENDING = re.compile(r"(?<=\w{3})in(?:nen)?$")


def names_a_role(word: str, language: str) -> bool:
    """Whether `word` of a headline is a role noun ("Engineer", "Backend-Entwickler",
    "Entwickler/in"), by `vocabulary/role_words.txt`."""
    roles = _role_words()
    for part in re.split(r"[-/]", word.lower().strip(".,;:()*")):
        if part in roles:
            return True
        if language == "de":
            base = _FEMININE_ENDING.sub("", part)
            if base in roles or any(
                base.endswith(role) and len(base) - len(role) >= MIN_COMPOUND_STEM for role in roles
            ):
                return True
    return False


def role_title(title: str, job_text: str) -> str:
    """The role the ad names ("Unit Manager"), without the headline's place, pay and contract
    codes; empty when the ad does not print it."""
    role = _HEADLINE_SEPARATOR.split(title.strip())[0].strip() if title else ""
    for _ in range(3):
        role = _HEADLINE_CODE.sub("", role).strip()
    words = role.split()
    language = ad_language(job_text)
    if language not in ROLE_WORD_LAST_LANGUAGES:
        printed = role and len(words) <= MAX_TITLE_WORDS and mentions(job_text, role)
        return role if printed else ""
    last_role_word = max(
        (i for i, word in enumerate(words) if names_a_role(word, language)), default=-1
    )
    follows = words[last_role_word + 1].lower() if 0 <= last_role_word < len(words) - 1 else ""
    if last_role_word >= 0 and follows not in _ROLE_COMPLEMENT:
        words = words[: last_role_word + 1]
    role = " ".join(words)
    printed = role and len(words) <= MAX_TITLE_WORDS and mentions(job_text, role)
    return role if printed else ""


MAX_TITLE_WORDS = 8
# Where the role noun ends the title ("Senior Nurse", "Backend-Entwickler"), words after it are
# the headline's place or department; in the Romance languages they are its adjectives.
ROLE_WORD_LAST_LANGUAGES = frozenset({"en", "de"})
# Unless the role noun takes a complement: "Head of Marketing", "Leiterin des Vertriebs" are
# the role whole, where "Head" or "Leiterin" alone says nothing.
_ROLE_COMPLEMENT = frozenset({"of", "der", "des"})


# A board's field line may go on with other fields: "Location: Leeds | £32,000 | Permanent".
_FIELD_SEPARATOR = re.compile(r"\s[|·•–—-]\s|;")


def _printed_fields(job_text: str) -> dict[str, str]:
    """The first value of each labelled line ("Titre : …", "Company: …"), by field."""
    fields: dict[str, str] = {}
    for label, value in _FIELD_LINE.findall(job_text):
        field = next(
            name for name, labels in _FIELD_LABELS.items() if re.fullmatch(labels, label, re.I)
        )
        fields.setdefault(field, value.strip())
    return fields


# A headline is the role with its place, pay and contract codes ("Unit Manager - Leeds -
# £40k, Permanent"): longer than that, a line is prose.
MAX_HEADLINE_WORDS = 2 * MAX_TITLE_WORDS
# The lines a headline may stand on: after the board's furniture, a company name and a place.
HEADLINE_LINES = 4
# A stop after a whole word ends a sentence; after two letters it ends "Sr." or "Mgr.".
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})[.!?…]['\")]*(?:$|\s+[A-Z])|[!?]")
_LINE_LABEL = re.compile(r"^[^\W\d_][^:]{0,24}:\s+")
_BULLET = re.compile(r"^\s*(?:[-•·▪●◦‣*>]|\d+[.)])\s")
# The second word of a sentence led by its verb ("Build the future", "Become a nurse"):
# no headline has an article there ("Head of the …" has "of"). German's are left out, as its
# titles take a genitive ("Leiter der Finanzabteilung").
_ARTICLE = frozenset(
    {"a", "an", "the", "our", "your", "un", "une", "le", "la", "les", "ein", "eine", "einen"}
    | {"el", "los", "las", "una", "il", "gli", "uno", "um", "uma"}
)
# The legal forms that end a company's name ("Initech Ltd", "Nordwind GmbH", "Rossi S.p.A.").
_LEGAL_FORMS = r"gmbh|inc|ltd|llc|plc|ag|sarl|sas|s\.?r\.?l|s\.?p\.?a|ltda|s\.?a|s\.?l|limited"
_LEGAL_FORM = re.compile(rf"\b(?:{_LEGAL_FORMS})\b\.?$", re.I)


@lru_cache(maxsize=1)
def _prose_words() -> frozenset[str]:
    return frozenset(w for line in vocabulary_lines("prose_words.txt") for w in line.split())


@lru_cache(maxsize=1)
def _ad_headings() -> frozenset[str]:
    return frozenset(vocabulary_lines("ad_headings.txt"))


def headline_title(job_text: str) -> str:
    """The role the ad's headline names ("Senior Backend Engineer⏎⏎We are looking…"), past the
    board's headings, a company name and a place on lines of their own; empty when the ad
    opens with prose or a list, or its first lines name no role."""
    language = ad_language(job_text)
    lines = [line.strip() for line in job_text.splitlines() if line.strip()]
    for line in lines[:HEADLINE_LINES]:
        if line.endswith(":") or normalise(line).rstrip(" :") in _ad_headings():
            continue
        if _LEGAL_FORM.search(line) and len(line.split()) <= MAX_TITLE_WORDS:
            continue
        if _BULLET.match(line) or _is_prose(line):
            return ""
        # A label the field lines do not know ("Role: Data Analyst", "Vacancy: …") is left off
        # when what follows it names the role, and kept when it is the role ("Engineer: Payments").
        for headline in (_LINE_LABEL.sub("", line), line):
            if any(names_a_role(word, language) for word in headline.split()):
                return role_title(headline, job_text)
    return ""


def without_headline(job_text: str) -> str:
    """The ad without its headline lines: the first short lines that name the role, the
    place, the pay and the contract ("Nurse – Leeds (£30k)", "Remote (US) · Full-time"), which
    ask for nothing; a line of prose, a list or a heading starts the ad itself."""
    lines = job_text.split("\n")
    printed = [i for i, line in enumerate(lines) if line.strip()]
    start = 0
    for index in printed[:HEADLINE_LINES]:
        line = lines[index].strip()
        heading = line.endswith(":") or normalise(line).rstrip(" :") in _ad_headings()
        if heading or _BULLET.match(line) or _is_prose(line):
            break
        start = index + 1
    return "\n".join(lines[start:])


def _is_prose(line: str) -> bool:
    """A sentence rather than a headline: it ends like one, runs longer than a headline, holds a
    word no title holds ("we", "your", "sind"), or is led by its verb ("Join the team")."""
    words = line.split()
    if _SENTENCE_END.search(line) or len(words) > MAX_HEADLINE_WORDS:
        return True
    # A word in capitals on a line that is not is an acronym ("IS Manager", "US Sales Lead"),
    # not a pronoun or a verb.
    shouted = line.isupper()
    lowered = [normalise(w).strip(",;:\"'()") for w in words if shouted or not w.isupper()]
    if any(word in _prose_words() for word in lowered):
        return True
    led_by_verb = len(words) > 2 and words[0][-1].isalnum() and normalise(words[1]) in _ARTICLE
    return led_by_verb


def _title_from_prose(job_text: str) -> str:
    for pattern in (_TITLE_PHRASE, _HIRING_PHRASE):
        if match := pattern.search(job_text):
            return match.group(1).strip()
    joining = _JOIN_AS.search(job_text)
    if joining and any(names_a_role(word, "en") for word in joining.group(1).split()):
        return joining.group(1).strip()
    match = _TITLE_AT_COMPANY.match(job_text.lstrip())
    return match.group(1).strip() if match else ""


# "Join Initech as a payroll clerk", "join our team as Senior Nurse": the role after "as",
# up to the end of its clause, ending on a role word (read by `role_title`).
_JOIN_AS = re.compile(
    r"\bjoin\s+[^.;:!?\n]{1,60}?\s+as\s+(?:an?\s+|the\s+|our\s+)?"
    r"([\w/&+-]+(?:[ \t]+[\w/&+-]+){0,5})",
    re.I,
)


# "Le Cabinet Martel recrute un comptable", "Wir suchen einen Entwickler": the role is the
# words after the hiring verb and its article, up to a preposition or punctuation.
_HIRING_VERBS = (
    r"recrute|recrutons|recherche|recherchons|sucht|suchen|buscamos|busca|precisa|procura|"
    r"procuramos|contrata|cerca|cerchiamo|assume|assumiamo|seleziona"
)
_HIRING_PHRASE = re.compile(
    rf"\b(?:{_HIRING_VERBS})\s+(?:(?:une|des|einen|eine|ein|um|uma|una|uno|un|a|o)\s+|un')?"
    r"((?:[\w/'-]+)(?:\s+(?:de|di|da|do)\s+[A-Z][\w'-]+|\s+(?!(?:pour|für|zur|zum|para|per|pela|pelo|para|en|em|in|à|a|de|da|"
    r"du|del|della|dei|des|der|die|das|im|no|na|nel|nella|et|und|y|e|ou|oder|o)\b)[\w/'-]+){0,4})",
    re.I,
)


# A first line such as "Backend Engineer at Initech": the title is what stands before "at".
_TITLE_AT_COMPANY = re.compile(r"((?:[A-Z][\w/&+-]*\s){1,5}[A-Z][\w/&+-]*)\s+at\s+[A-Z]")


# "… Engineer at Initech.", "Join Initech as …": a capitalised name right after the cue.
# The name stays on its line: the capitalised word after a line break starts the next sentence
# ("… at Harbour Analytics⏎You will …").
_COMPANY_PHRASE = re.compile(
    r"\b(?:at|[Jj]oin)[ \t]+((?:[A-Z][\w&'.-]*)(?:[ \t]+(?:[A-Z][\w&'.-]*|&|of))*)"
)
_NOT_A_COMPANY = {"We", "Our", "The", "This", "A", "An", "Least", "Scale", "Our Team"}
# "the Health and Safety at Work Act": a law or a standard, not an employer.
_A_LAW = re.compile(r"\b(?:Act|Regulations?|Standards?|Order)$")


_LEADING_WORDS = frozenset(
    {"the", "die", "der", "das", "le", "la", "les", "el", "il", "lo", "a", "o", "join", "at", "bei"}
)


# "Officina Meridiana cerca …", "Le Cabinet Martel recrute …": the name before the hiring verb.
_COMPANY_BEFORE_VERB = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:(?:Le|La|Les|L'|Die|Der|Das|El|La|A|O|Il|Lo|The)\s+)?"
    r"(?:(?:société|entreprise|firma|empresa|azienda|società|company)\s+)?"
    rf"((?:[A-Z][\w&'.-]*[ \t]+){{1,4}})(?:{_HIRING_VERBS}|is hiring|is looking|seeks)\b",
)


def company_line(job_text: str) -> str:
    """A line of its own among the ad's first that names a company by its legal form ("Acme
    Analytics GmbH", "Initech Ltd"): the employer's name over its ad."""
    lines = [line.strip() for line in job_text.splitlines() if line.strip()]
    for line in lines[:HEADLINE_LINES]:
        short = len(line.split()) <= MAX_TITLE_WORDS
        if short and _LEGAL_FORM.search(line) and not _is_prose(line):
            return line
    return ""


# "Die Nordwind Cloud GmbH betreibt …": a name that ends in a legal form is a company's.
_NAME_WITH_LEGAL_FORM = re.compile(
    rf"(?<![\w&'.-])((?:[A-Z][\w&'.-]*[ \t]+){{1,4}}(?i:{_LEGAL_FORMS})\b\.?)"
)


def _company_from_prose(job_text: str) -> str:
    # "Wir suchen …", "We are hiring …": a pronoun before the verb names no company.
    for before in _COMPANY_BEFORE_VERB.finditer(job_text[:600]):
        name = before.group(1).strip()
        if not all(normalise(word) in _prose_words() for word in name.split()):
            return name
    for match in _COMPANY_PHRASE.finditer(job_text[:600]):
        name = re.split(r"[.,;]\s", match.group(1))[0].strip(" .,;'")
        if name and name not in _NOT_A_COMPANY and not _A_LAW.search(name):
            return name
    if legal := _NAME_WITH_LEGAL_FORM.search(job_text[:600]):
        words = legal.group(1).strip(" .").split()
        # The sentence's first word is no part of the name: "Die", "The", "Join".
        while len(words) > 2 and normalise(words[0]) in _LEADING_WORDS:
            words = words[1:]
        return " ".join(words)
    return ""


def _matching(parts: list[str], cues: tuple[str, ...]) -> list[str]:
    found = [part for part in parts if any(cue in normalise(part) for cue in cues)]
    return found[:MAX_LIST_ITEMS]


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(normalise(value), value)
    return [value for key, value in seen.items() if key]
