"""Screening terms in a job ad: what a recruiter or an ATS screens a CV for.

Hard skills, tools, methods, certifications, qualifications, named domains and languages, in
the ad's spelling, multi-word where the ad says so; never praise, places, benefits, the
employer or the agency. Terms come from four kinds of evidence, all read in the ad itself:
the skills vocabulary, technical word shapes (CamelCase, acronyms, versions), what follows a
requirement cue ("experience with …", "Kenntnisse in …"), and noun phrases with a screening
head ("… skills", "… testing", "gestion de …"). Each is a must-have unless the ad asks for it
as desirable. Works in English, German, French, Spanish, Portuguese and Italian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from resumeforge.ai.keywords import (
    canonical_skill,
    find_skills,
    keyword_pattern,
    mentions,
    normalise,
    skill_vocabulary,
    vocabulary_lines,
)
from resumeforge.ai.language import ad_language, function_words

MAX_MUST = 40
MAX_NICE = 20
MAX_TERM_WORDS = 5
# A requirements line this short is itself the term ("Customer focussed", "Full UK licence").
MAX_SHORT_LINE_WORDS = 4
MAX_LISTED_NAMES = 8
MAX_VERB_OBJECT_WORDS = 3
MIN_BENEFIT_WORDS = 2
MAX_ACRONYM_LETTERS = 7
MIN_GLUED_PARTS = 3
# Search tags are plain words (places, job titles); a list of tools is mostly acronyms.
TAG_CLOUD_PLAIN_SHARE = 0.6

_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\(url removed\)", re.I)
_MASK = re.compile(r"[ \t]*(?:\*{2,}|&amp;|\bamp;|&nbsp;|\bpound;)[ \t]*")
_HEADER = re.compile(r"^\s*(?:title|webindex|company|location|salary|contract)\s*:.*$", re.I | re.M)
_DESCRIPTION_LABEL = re.compile(r"^\s*description\s*:\s*", re.I | re.M)
# A bullet lost its glyph but kept its gap: two spaces mark a boundary in pasted ads.
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s[•·▪●◦‣∙*\-–]\s+|\s{2,}|(?<=[a-z)])\.(?=[A-Z])")

_REQUIRE_HEADINGS = (
    r"requirements?|essential(?: criteria)?|qualifications?(?:/experience/knowledge)?|"
    r"person specification|what you(?:'ll| will)? need|what we(?:'re| are) looking for|"
    r"(?:you|candidates?) (?:must|should|will) have|must have|skills? required|key skills|"
    r"experience required|competencies required|experience / competencies required|about you|"
    r"(?:your|the ideal) (?:profile|candidate)|skills(?: and experience)?|"
    r"the (?:successful )?candidate|the person|key requirements|candidate requirements|"
    r"anforderungen|ihr profil|dein profil|was sie mitbringen|was du mitbringst|voraussetzungen|"
    r"qualifikationen|profil recherché|votre profil|compétences requises|exigences|"
    r"requisitos|perfil(?: buscado)?|qualificações|requisiti|profilo|competenze richieste"
)
_NICE_HEADINGS = (
    r"desirable|nice to have|preferred(?: qualifications)?|(?:you |candidates? )?may have|"
    r"bonus points|wünschenswert|von vorteil|souhaité|souhaitable|un plus|deseable|valorable|"
    r"se valorará|desejável|diferencial|gradito|gradita|preferibile"
)
_DUTY_HEADINGS = (
    r"(?:main |key )?responsibilities|(?:main )?duties|job purpose|what you(?:'ll| will) do|"
    r"about the role|purpose of (?:the )?role|key objectives|(?:\w+ )?accountabilities|"
    r"ihre aufgaben|deine aufgaben|aufgaben|vos missions|missions|"
    r"funciones|responsabilidades|atividades|mansioni|responsabilità"
)
# The employer's pitch: benefits, the company, how to apply. Nothing in it is screened for.
_PITCH_HEADINGS = (
    r"benefits|we offer|what we offer|salary|about us|company (?:overview|profile)|"
    r"about the company|the package|package|remuneration|"
    r"how to apply|wir bieten|über uns|nous offrons|avantages|ofrecemos|"
    r"oferecemos|benefícios|offriamo"
)
_HEADING = re.compile(
    rf"(?:^|(?<=[\s.;:]))(?P<require>{_REQUIRE_HEADINGS})|(?P<nice>{_NICE_HEADINGS})|"
    rf"(?P<duties>{_DUTY_HEADINGS})(?=\s*:|\s+[A-Z]|\s*$)|"
    rf"(?P<pitch>{_PITCH_HEADINGS})(?=\s*:|\s+[A-Z]|\s*$)",
    re.I,
)
_NICE_CUE = re.compile(
    rf"\b(?:{_NICE_HEADINGS}|ideally|a plus|an advantage|advantageous|appreciated|beneficial|"
    r"not required|would be useful|is a bonus|would be a bonus|idealerweise|idéalement|"
    r"apprécié|idealmente|"
    r"preferencialmente|preferibilmente|costituisce titolo)\b",
    re.I,
)
_REQUIRE_CUE = re.compile(
    r"\b(?:experience|experienced|knowledge|proficien\w*|familiar\w*|understanding|grasp|"
    r"grounding|background|expertise|degree|qualified|qualification\w*|certified|"
    r"certification\w*|licen[cs]e\w*|registered|registration|fluent|fluency|must|required|"
    r"essential|competen\w+|skills?|erfahrung\w*|kenntniss\w*|expérience|connaissance\w*|"
    r"maîtrise|compétences?|experiencia|conocimientos?|dominio|manejo|experiência|"
    r"conhecimentos?|domínio|esperienza|conoscenz\w+|padronanza|competenze)\b",
    re.I,
)
# What follows such a cue is the thing asked for: "experience with Kafka and Redis".
_CUE_OBJECT = re.compile(
    r"\b(?:experience|experienced|knowledge|proficiency|proficient|familiarity|familiar|"
    r"understanding|grasp|grounding|background|expertise|exposure|skilled|qualified|trained|"
    r"certified|fluency|fluent|degree|diploma|competence)"
    r"(?:\s+\w+ing)?(?:\s+(?:with|in|of|on|using|within|as))+\s+(?P<object>[^.;:!?()]+)"
    r"|\b(?:erfahrung(?:en)?|kenntnisse|kenntnis|umgang|studium|ausbildung)\s+"
    r"(?:mit|in|im|von|der|des|als|zum|zur)\s+"
    r"(?P<de>[^.;:!?()]+)"
    r"|\b(?:expérience|connaissances?|maîtrise|compétences?|diplôme|formation)\s+"
    r"(?:en|de|du|des|d'|dans|avec)\s*"
    r"(?P<fr>[^.;:!?()]+)"
    r"|\b(?:experiencia|conocimientos?|dominio|manejo|grado|licenciatura|título)\s+"
    r"(?:en|de|del|con)\s+(?P<es>[^.;:!?()]+)"
    r"|\b(?:experiência|conhecimentos?|domínio|licenciatura|formação|graduação)\s+"
    r"(?:em|com|de|do|da|no|na)\s+"
    r"(?P<pt>[^.;:!?()]+)"
    r"|\b(?:esperienza|conoscenz[ae]|competenze|padronanza|laurea|diploma)\s+"
    r"(?:in|con|di|del|della|nel|nella|"
    r"dei|delle)\s+(?P<it>[^.;:!?()]+)",
    re.I,
)
# "<modifiers> skills", "<modifiers> testing": the head makes a modifier a screening term.
# Heads that make a screening term wherever they stand, even among duties.
_STRONG_HEADS = frozenset(
    [
        "testing",
        "tests",
        "accounting",
        "criteria",
        "surveys",
        "interviews",
        "registries",
        "stores",
        "frameworks",
        "tracking",
        "planning",
        "components",
        "router",
        "rotations",
        "modeling",
        "modelling",
        "messaging",
        "optimisation",
        "optimization",
        "navigation",
        "automation",
        "robotics",
        "models",
        "environments",
        "backlog",
    ]
)
_ENGLISH_HEADS = (
    "skills|management|testing|tests|analysis|accounting|reporting|engineering|care|control|"
    "controls|assessments?|planning|degree|qualifications?|registration|certification|"
    "apprenticeship|development|intervention|optimi[sz]ation|model(?:l)?ing|messaging|"
    "tracking|automation|robotics|manufacturing|navigation|budgets|surveys|interviews|"
    "criteria|frameworks|strategies|registries|stores|monitoring|consultancy|deployment|"
    "training|compliance|governance|architecture|design|models|environments|components|"
    "pipelines|reviews|documentation|gathering|engagement|improvement|plan|router|"
    "metrics|sheet|close|systems|applications|rotations|background|backlog|licen[cs]es?|"
    "certificates?"
)
_BARE_HEAD = re.compile(_ENGLISH_HEADS, re.I)
_HEAD_PHRASE = re.compile(
    rf"(?P<mods>(?:[\w/+#&.'-]+\s+){{1,3}}?)(?P<head>{_ENGLISH_HEADS})\b", re.I
)
# Romance languages put the head first: "gestion de projet", "análisis de datos".
_ROMANCE_HEAD = re.compile(
    r"\b(?P<head>gestion|analyse|contrôle|développement|comptabilité|ingénierie|gestión|"
    r"análisis|desarrollo|contabilidad|ingeniería|gestão|análise|desenvolvimento|contabilidade|"
    r"engenharia|gestione|analisi|sviluppo|contabilità|ingegneria|controllo|controle|control)"
    r"\s+(?P<link>de la|de los|de las|des|du|de|d'|del|da|do|das|dos|di|della|dei|delle|degli)\s*"
    r"(?P<mods>[\wÀ-ÿ'-]+(?:\s+[\wÀ-ÿ'-]+)?)",
    re.I,
)
# German compounds carry the head inside the word: "Python-Kenntnisse", "Projektmanagement".
_GERMAN_COMPOUND = re.compile(
    r"\b(?P<word>[A-ZÄÖÜ][\wäöüß]*?(?:management|entwicklung|buchhaltung|analyse|controlling|"
    r"technik|planung|prüfung|steuerung|recht)|[\w.+#/]+-(?:kenntnisse|erfahrung|zertifizierung))"
    r"\b"
)
# Word shapes that are names of tools, standards or qualifications whatever the language:
# inner capitals (FastAPI, SaaS), digits beside letters (HCR20, B2B), acronyms (RGN, OKRs).
_TECH_TOKEN = re.compile(
    r"(?<![\w.+#/-])(?:[A-Za-z][a-z]*[A-Z][\w+#.-]*[\w+#]|[A-Z][A-Za-z]*\d[\w+#.-]*|"
    r"\.[A-Z]{2,}[a-z]*|[A-Z]{2,}[A-Z0-9/&+-]*s?)(?![\w])"
)
# A name whose last word says what kind of named thing it is: "Mental Health Act".
# Small words may join its capitalised ones: "Health and Safety at Work Act".
_NAMED_THING = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+(?:(?:and|at|of|for|&)\s+)?){1,4}"
    r"(?:Act|Framework|Server|Office|Software|Suite|Cloud|Studio|"
    r"Platform|Standard|Certificate|Diploma|Licence|License|Regulations?)\b"
)
# Where something is asked, a name of capitalised words ending in a qualification's kind:
# "Intermediate Level Qualifications", "Professional Body", "Level 3 Award".
_NAMED_QUALIFICATION = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+|\d\s+){1,3}(?:Qualifications?|Body|Membership|Award|Degree)\b"
)
# "SAP-Kenntnisse", "Python-Erfahrung": the thing asked for is before the dash.
_GERMAN_ASKED_SUFFIX = re.compile(r"(?<=\w)-(?:kenntnisse|erfahrung|erfahrungen)\b", re.I)
_GERUND_START = re.compile(r"^(?:[a-z]+ing)\s+")
# How to apply: the agency's name, address and small print follow. A duty that mentions
# contact or a call ("regular patient contact", "call customers") is no such instruction.
_APPLY_INSTRUCTION = re.compile(
    r"\b(?:please\s+(?:contact|call|ring|e-?mail|send|apply|visit|forward|submit|quote)|"
    r"(?:contact|call|ring|e-?mail)\s+(?:us|me|our|him|her)\b|"
    r"(?:send|e-?mail|forward|submit)\s+(?:your|an?\s+up-?to-?date|a)\s+(?:cv|c\.v|resume|"
    r"application)|apply\s+(?:now|online|today|via|through|by|here)|how to apply|"
    r"to apply(?:,|:|\s+(?:for this|please|send|e-?mail|call|click|visit))|"
    r"for (?:more|further) (?:information|details|vacancies)|interested\?|follow us|"
    r"(?:tel(?:ephone)?|phone|e-?mail|postcode|website)\s*:|visit\s+(?:our|us|www)|"
    r"bewerben sie sich|senden sie|envoyez|postulez|envía|envie(?:\s+o\s+seu)?\s+cv|"
    r"candidati|invia(?:te)?\s+il)",
    re.I,
)
# "This role will take responsibility for …", "You will provide …": what the hire will do.
_ROLE_SENTENCE = re.compile(
    r"(?:in this role,?\s+)?(?:you will|you'll|the (?:role|post|position|successful candidate|"
    r"post ?holder|job ?holder) (?:will|involves|includes)|this (?:role|post|position) "
    r"(?:will|involves|includes))\b(?!\s+(?:receive|enjoy|get|earn|be (?:paid|rewarded|offered)|"
    r"benefit|have access))",
    re.I,
)
# "A background in the product is not important": named, but not asked for.
_NOT_ASKED = re.compile(
    r"\b(?:is|are|isn't|aren't)\s+not\s+(?:important|necessary|needed|essential|a requirement)\b|"
    r"\b(?:isn't|aren't)\s+(?:important|necessary|needed|essential)\b",
    re.I,
)
# "Visual C / Visual Basic" is two names, "CI/CD" and "Bid/No Bid" one.
_SPLIT_ITEMS = re.compile(
    r"\s*(?:,|;|\band/or\b|\bet/ou\b|\by/o\b|\be/o\b)\s*|\s+/\s*|\s*/\s+|\s+&\s+"
)
_SPLIT_CONJUNCTION = re.compile(r"\s+(?:and|or|und|oder|et|ou|y|o|e|ed)\s+", re.I)


@dataclass
class ScreeningTerms:
    must: list[str] = field(default_factory=list)
    nice: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[str]:
        return self.must + self.nice


@dataclass
class _Clause:
    text: str
    zone: str  # "require", "nice", "duties", "pitch", "contact" or "" (before any heading)

    @property
    def in_requirements(self) -> bool:
        return self.zone in {"require", "nice"}

    @property
    def asks(self) -> bool:
        # Among the duties, "skills" or "must" is how a duty is phrased; only a cue with its
        # object ("experience with …") asks for something there.
        if self.zone == "duties":
            return bool(_CUE_OBJECT.search(self.text))
        return self.in_requirements or bool(_REQUIRE_CUE.search(self.text))

    @property
    def desirable(self) -> bool:
        return self.zone == "nice" or bool(_NICE_CUE.search(self.text))


@lru_cache(maxsize=1)
def ad_words() -> frozenset[str]:
    """Job-ad prose that is never a term by itself, from `vocabulary/ad_words.txt`."""
    return frozenset(w for line in vocabulary_lines("ad_words.txt") for w in line.split())


@lru_cache(maxsize=1)
def _vocabulary_names() -> frozenset[str]:
    return frozenset(skill.canonical for skill in skill_vocabulary())


@lru_cache(maxsize=1)
def broad_terms() -> frozenset[str]:
    """Vocabulary skills that are everyday ad words too, from `vocabulary/broad_terms.txt`."""
    return frozenset(vocabulary_lines("broad_terms.txt"))


def screening_terms(
    job_text: str, *, exclude: tuple[str, ...] = (), title: str = ""
) -> ScreeningTerms:
    """The ad's screening terms, must-haves then nice-to-haves, each in first-mention order.

    `exclude` holds names that are never terms: the employer, the agency, places. The job's
    `title` is not a term either ("Machine Learning Engineer" asks for no "engineering").
    """
    language = ad_language(job_text)
    body = _body(job_text)
    if title.strip():
        body = _without_title(body, title.strip())
    clauses = _clauses(body)
    ad = normalise(body)
    found: dict[str, tuple[str, bool]] = {}
    blocked = [normalise(name) for name in exclude if name.strip()]
    for clause in clauses:
        for term in _clause_terms(clause, language, ad):
            key = canonical_skill(term)
            if not _acceptable(term, blocked, language) or key in found:
                continue
            found[key] = (term, _desirable(term, clause))
    terms = _without_redundant(found, language)
    must = [term for key, (term, nice) in terms.items() if not nice]
    nice = [term for key, (term, nice) in terms.items() if nice]
    return ScreeningTerms(must=must[:MAX_MUST], nice=nice[:MAX_NICE])


# "qualified accountant", "Ausbildung als Pflegefachkraft": the title is what is asked for.
_STATUS_BEFORE_TITLE = re.compile(
    r"(?:qualified|chartered|registered|certified|licensed|qualified as an?|ausbildung als|"
    r"ausbildung zum|ausbildung zur)\s$",
    re.I,
)


def _without_title(body: str, title: str) -> str:
    """`body` without the job's title, except where the title is part of a longer name: a
    status before it ("Qualified Teacher Status", "qualified accountant") or a capitalised
    word after it."""
    pattern = re.compile(rf"(?<!\w)(?P<title>{re.escape(title)})(?!\w)", re.I)

    def cut(match: re.Match[str]) -> str:
        before = body[max(0, match.start() - 16) : match.start()]
        after = body[match.end() : match.end() + 2]
        status = _STATUS_BEFORE_TITLE.search(before)
        named = re.match(r" [A-Z]", after) is not None
        return match.group(0) if status or named else " "

    return pattern.sub(cut, body)


def _desirable(term: str, clause: _Clause) -> bool:
    """Whether the ad asks for `term` as a nice-to-have: in a desirable part, or in the stretch
    of its clause between requirement cues that says "preferred", "a plus" and the like."""
    if clause.zone == "nice":
        return True
    position = normalise(clause.text).find(normalise(term))
    if position < 0:
        return clause.desirable
    start = 0
    for segment in _cue_segments(clause.text):
        if start <= position < start + len(segment):
            return bool(_NICE_CUE.search(segment))
        start += len(segment)
    return clause.desirable


def _body(job_text: str) -> str:
    """The ad without job-board header lines, links and masked figures."""
    text = _HEADER.sub(" ", job_text)
    text = _DESCRIPTION_LABEL.sub("", text)
    text = _URL.sub(" ", text)
    # A pasted ad's doubled small word ("City and and Guilds") splits the name it is in.
    text = re.sub(r"\b(and|or|of|the|to|in|for|with|a|an)\s+\1\b", r"\1", text)
    return _MASK.sub(" ", text)


def _unwrapped(body: str) -> str:
    """`body` with lines wrapped mid-sentence joined again: a line break ends a clause only
    after punctuation, before a bullet, after a blank line, or after a short line (a heading or
    a list item)."""
    lines = body.split("\n")
    joined = [lines[0]] if lines else []
    for line in lines[1:]:
        previous = joined[-1].rstrip()
        ends = (
            not previous
            or not line.strip()
            or previous[-1] in ".!?:;"
            or re.match(r"\s*[-•·▪●◦‣*–]", line) is not None
            or len(previous.split()) <= MAX_SHORT_LINE_WORDS + 2
        )
        if ends:
            joined.append(line)
        else:
            joined[-1] = previous + " " + line.strip()
    return "\n".join(joined)


def _clauses(body: str) -> list[_Clause]:
    clauses: list[_Clause] = []
    zone = ""
    for part in _CLAUSE_END.split(_unwrapped(body)):
        part = re.sub(r"\s+", " ", part).strip(" -•:")
        if not part:
            continue
        for heading, text in _split_at_headings(part):
            zone = heading or zone
            # A company profile runs on into the role when the ad lost its next heading.
            if zone == "pitch" and not heading and _ROLE_SENTENCE.match(text):
                zone = "duties"
            # From "please contact …" on come the agency's name, address and small print.
            if _APPLY_INSTRUCTION.search(text):
                zone = "contact"
            if text:
                clauses.append(_Clause(text=text, zone=zone))
    return clauses


def _split_at_headings(part: str) -> list[tuple[str, str]]:
    """`part` cut where a heading starts a new zone: [(zone or "", text), ...]."""
    pieces: list[tuple[str, str]] = []
    start, zone = 0, ""
    for match in _HEADING.finditer(part):
        if not _looks_like_heading(part, match):
            continue
        pieces.append((zone, part[start : match.start()].strip(" :-")))
        start, zone = match.end(), str(match.lastgroup)
    pieces.append((zone, part[start:].strip(" :-")))
    return pieces


def _looks_like_heading(part: str, match: re.Match[str]) -> bool:
    # A heading stands at the start of a clause, is followed by a colon, or is capitalised
    # ("Essential", "MUST have") where prose would say "essential" in lower case.
    after = part[match.end() : match.end() + 2]
    word = match.group(0)
    if match.start() == 0 or after.startswith(":"):
        return True
    # The pitch's words ("Salary", "Benefits") are capitalised inside prose too. Inside a
    # clause the heading's content starts with a capital ("Applied Skills Possesses …"), where
    # prose goes on in lower case or ends ("Intermediate Level Qualifications as a minimum").
    following = part[match.end() :].lstrip()
    return (
        word[:1].isupper()
        and match.lastgroup != "pitch"
        and (not following or following[:1].isupper() or following[:1] in "-•*–(")
    )


def _clause_terms(clause: _Clause, language: str, ad: str) -> list[str]:
    text = _OFFERED_THING.sub(" ", clause.text)
    terms: list[str] = []
    if clause.zone in {"pitch", "contact"} or _offers_benefits(text) or _tag_cloud(text):
        return []
    if _NOT_ASKED.search(text):
        return []
    objects = _cue_objects(text, language) if clause.asks else []
    asked = clause.in_requirements or bool(objects)
    terms += _tech_tokens(text, asked, language)
    named = [m.group(0) for m in _NAMED_THING.finditer(text)]
    terms += _listed_names(text, asked, language)
    if clause.asks:
        terms += [m.group(0) for m in _QUALIFIED_AS.finditer(text)]
        named += [m.group(0) for m in _NAMED_QUALIFICATION.finditer(text)]
    terms += objects
    terms += _head_phrases(text, language, strong_only=not clause.asks)
    if clause.in_requirements and len(text.split()) <= MAX_SHORT_LINE_WORDS:
        terms.append(text)
    vocabulary = _vocabulary_terms(text, clause.in_requirements, " ".join(objects), ad, language)
    # A name ending in "Act" or "Office" is whole as it stands; only leading prose goes.
    names = [_without_leading_prose(name, language) for name in named]
    trimmed = [cleaned for term in terms if (cleaned := _trimmed(term, language))]
    found = vocabulary + names + trimmed
    return [term for term in found if not _names_a_team(text, term)]


def _names_a_team(text: str, term: str) -> bool:
    """Whether `term` is printed as a team's name ("the European Financial Control team")."""
    if len(term.split()) < 2 or not all(word[:1].isupper() for word in term.split()):
        return False
    team = rf"\b{re.escape(term)}\s+(?:team|department|division|unit)\b"
    return re.search(team, text) is not None


def _tag_cloud(text: str) -> bool:
    """A run of names between slashes ("Consultant / Developer / Essex / Kent / …") is the
    job board's search tags, not what the ad asks for."""
    items = re.split(r"\s/\s", text)
    plain = [item for item in items if not _TECH_TOKEN.search(item)]
    return len(items) > MAX_LISTED_NAMES and len(plain) > TAG_CLOUD_PLAIN_SHARE * len(items)


def _offers_benefits(text: str) -> bool:
    """A sentence about pay and perks ("benefits package including private healthcare and
    first-class training") or what the employer gives ("The school offers excellent CPD")
    offers things; it does not ask for them."""
    words = set(normalise(text).replace(",", " ").split())
    offered = len(words & _BENEFIT_WORDS) >= MIN_BENEFIT_WORDS or "benefits" in words
    return offered or _EMPLOYER_OFFERS.search(text) is not None


# "We offer …", "The practice provides …": the employer's side. "Full training is given" is
# cut out of the clause instead, which may ask for something else.
_EMPLOYER_OFFERS = re.compile(
    r"\b(?:we|our client|they|the (?:school|company|practice|trust|hospital|firm|business|"
    r"client|home|team|employer))\s+(?:offers?|provides?|will provide|gives?|will give)\b",
    re.I,
)
_OFFERED_THING = re.compile(
    r"\b(?:full|paid|free|ongoing|on-the-job)?\s*[\w-]+\s+(?:is|are|will be)\s+"
    r"(?:given|provided|offered|included)\b",
    re.I,
)


def _without_leading_prose(name: str, language: str) -> str:
    words = name.split()
    while len(words) > 2 and not _content_word(words[0], language):
        words.pop(0)
    return " ".join(words)


def _vocabulary_terms(
    text: str, in_requirements: bool, asked_for: str, ad: str, language: str
) -> list[str]:
    """Vocabulary skills as the ad spells them; a broad one only where it is asked for, and
    not as a word inside a longer phrase ("accessibility compliance", in English "sales
    ledger": elsewhere the word after a noun is its adjective, "Excel avanzado")."""
    found = []
    english = language in {"en", ""}
    lowered = normalise(text)
    for skill in find_skills(text):
        spellings = list(keyword_pattern(skill).finditer(lowered))
        if not in_requirements and all(_names_colleagues(lowered, m) for m in spellings):
            continue
        # Before a noun a broad word is part of another name ("sales ledger").
        inside = english and all(_modifies_next(lowered, m, language) for m in spellings)
        if skill in broad_terms() and inside:
            continue
        if skill in broad_terms() and not mentions(asked_for, skill):
            if not in_requirements:
                continue
            # Inside a longer phrase the broad word is that phrase's ("written communication").
            phrases = [p for m in spellings if (p := _with_modifier(lowered, m, language))]
            if phrases:
                found.append(phrases[0])
                continue
        # One term per concept: the vocabulary's own name when the ad uses it anywhere
        # ("asyncio" beside "async programming"), else the ad's first spelling here.
        if keyword_pattern(skill).pattern and re.search(
            rf"(?<![\w+#]){re.escape(skill)}(?![\w+#])", ad
        ):
            found.append(skill)
        else:
            found.append(spellings[0].group(0) if spellings else skill)
    return found


# "alongside engineering, data science, and go-to-market teams": a list of functions the hire
# works beside. One function before "team" is as often the hire's own ("the sales team").
_COLLEAGUES_AFTER = re.compile(
    r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)[\w-]+(?:\s[\w-]+)?)+"
    r"\s+(?:teams|departments|colleagues|functions)\b"
)


def _names_colleagues(lowered: str, match: re.Match[str]) -> bool:
    return _COLLEAGUES_AFTER.match(lowered, match.end()) is not None


def _modifies_next(lowered: str, match: re.Match[str], language: str) -> bool:
    after = re.match(r" ([\w'-]+)", lowered[match.end() :])
    return after is not None and _content_word(after[1], language) and not find_skills(after[1])


def stands_alone(lowered: str, match: re.Match[str]) -> bool:
    """Whether an English mention is the thing itself, not the first word of a compound
    ("communication skills" is; "communication protocols" and "sales ledger" are not)."""
    return not _modifies_next(lowered, match, "en")


def _with_modifier(lowered: str, match: re.Match[str], language: str) -> str:
    """The broad word with the content word right before it, when it has one; else empty."""
    before = re.search(r"([\w'-]+) $", lowered[: match.start()])
    if before and _content_word(before.group(1), language):
        return f"{before.group(1)} {match.group(0)}"
    return ""


def _tech_tokens(text: str, asked: bool, language: str) -> list[str]:
    tokens = []
    for match in _TECH_TOKEN.finditer(text):
        token = match.group(0).strip(".-/&+")
        bare = token.rstrip("s") if token[:-1].isupper() else token
        lowered = bare.lower()
        if len(bare) < 2 or lowered in function_words(language) or lowered in ad_words():
            continue
        acronym = bare.replace("/", "").replace("&", "").isupper()
        if acronym and not asked and not _defined(text, match):
            continue
        if (
            _shouted_word(bare)
            or _glued_words(bare)
            or _slashed_prose(bare, language)
            or _heading_glued_to_sentence(bare)
        ):
            continue
        tokens.append(_with_name_neighbours(text, match, token, language))
    return tokens


_NAME = r"[A-Z][\w+#.-]*(?:\s[A-Z][\w+#.-]*){0,3}"
_NAME_LIST = re.compile(
    rf"(?P<list>{_NAME}(?:\s*(?:,|/)\s*(?:or\s+|and\s+)?{_NAME}|\s+(?:or|and)\s+{_NAME})+)"
)
_BRACKETED = re.compile(r"\(([^()]{2,80})\)")


_NAME_SEPARATOR = re.compile(
    r"\s*,\s*(?:(?:or|and|oder|und|ou|et|o|y|e)\s+)?|\s+/\s+|"
    r"\s+(?:or|and|oder|und|ou|et|o|y|e)\s+"
)


def _name_items(span: str) -> list[str]:
    # "CI/CD" is one name; "Jest / Vitest" and "Jest or Vitest" are two; "City and Guilds",
    # a known name, is one.
    lowered = normalise(span)
    known = [m.span() for skill in find_skills(span) for m in _spellings(skill, lowered)]
    items, start = [], 0
    for separator in _NAME_SEPARATOR.finditer(span):
        if not any(a < separator.start() < b for a, b in known):
            items.append(span[start : separator.start()])
            start = separator.end()
    items = [i.strip() for i in [*items, span[start:]] if i.strip()]
    # "Electrical / Mechanical Engineering": the adjectives share the last item's head.
    head = items[-1].split()[-1].rstrip(".,;:") if items and len(items[-1].split()) > 1 else ""
    if head and _BARE_HEAD.fullmatch(head):
        lone = [i for i in items[:-1] if " " not in i and _ADJECTIVE.search(i)]
        items = [f"{i} {head}" if i in lone else i for i in items]
    return items


def _inside_known_name(item: str, span: str) -> bool:
    """Whether `item` is a piece of a longer known skill the span names ("Health" of "Health
    and Social Care"): the vocabulary finds the whole."""
    key, lowered = normalise(item), normalise(span)
    wholes = (m.group(0) for skill in find_skills(span) for m in _spellings(skill, lowered))
    return any(
        key != whole and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", whole) for whole in wholes
    )


def _names_a_known_skill(span: str) -> bool:
    """Whether a list of one-word names holds a known skill: a broad skill ("Nursing",
    "Sales") is as often a department, and a list with a bare head ("Financial Reporting and
    Analysis") is a department's or a job's name."""
    keys = [canonical_skill(item) for item in _name_items(span)]
    known = [key in _vocabulary_names() and key not in broad_terms() for key in keys]
    # Products are listed one word each ("Spark or Ray"); "Health and Safety, and
    # Sustainability" lists domains.
    one_word = all(" " not in normalise(item) for item in _name_items(span))
    return any(known) and one_word and not any(_BARE_HEAD.fullmatch(key) for key in keys)


def _listed_names(text: str, asked: bool, language: str) -> list[str]:
    """Capitalised names listed together ("Spark, Ray, or Dask"), or in brackets after a
    thing ("analytics tools (Amplitude, Mixpanel)"): products and standards, not prose."""
    names: list[str] = []
    # A bracket holding one name of several words is an aside ("(Director FRA)"); one word
    # or a list names things ("(HFM)", "(ECS, RDS)").
    spans = [
        m.group(1)
        for m in _BRACKETED.finditer(text)
        if len(m.group(1).split()) == 1 or re.search(r",|\bor\b|\band\b", m.group(1))
    ]
    # Where nothing is asked, a list names products only when one of its items is a known
    # one: "using Spark or Ray" lists two engines, "Leeds and York" two places.
    lists = [m.group("list") for m in _NAME_LIST.finditer(text) if m.start() > 0]
    spans += lists if asked else [span for span in lists if _names_a_known_skill(span)]
    for span in spans:
        items = [item for item in _name_items(span) if not _inside_known_name(item, span)]
        # A long run of names is a tag cloud for search engines (places, job titles), not
        # what the ad asks for.
        if len(items) > MAX_LISTED_NAMES:
            continue
        if all(_is_name(i) and i.split()[0].lower() not in ad_words() for i in items):
            names += [item for item in items if not _slashed_prose(item, language)]
    return names


# "qualified accountant", "Registered General Nurse", "chartered engineer": a status and the
# profession it qualifies for.
_QUALIFIED_AS = re.compile(
    r"\b(?:qualified|chartered|certified|registered|licensed|accredited)\s+"
    r"(?!(?:with|in|by|to|as|for|and|or|on|at)\b)[A-Za-z-]{4,}(?:\s+(?:health\s+)?nurse)?\b",
    re.I,
)


def _shouted_word(token: str) -> bool:
    # "CRITERIA", "ESSENTIAL": a word in capitals is emphasis; acronyms are short.
    return token.isalpha() and token.isupper() and len(token) > MAX_ACRONYM_LETTERS


def _glued_words(token: str) -> bool:
    # "SubjectMatterExpert" is three words that lost their spaces, not a product name.
    parts = re.findall(r"[A-Z][a-z]+", token)
    return len(parts) >= MIN_GLUED_PARTS and all(len(p) >= 4 for p in parts)


# The short words a sentence starts with; glued to the word before, they make no name.
_SENTENCE_OPENERS = frozenset(
    ("in", "on", "the", "we", "you", "our", "this", "as", "at", "for", "a", "an", "it", "if", "to")
)


def _heading_glued_to_sentence(token: str) -> bool:
    # "Role PurposeIn conjunction with…": a heading lost its line break before the sentence
    # under it. Names made this way are in the vocabulary ("LinkedIn"), which reads them.
    parts = re.findall(r"[A-Z][a-z]*", token)
    return (
        len(parts) == 2
        and "".join(parts) == token
        and len(parts[0]) > 2
        and parts[1].lower() in _SENTENCE_OPENERS
    )


def _slashed_prose(token: str, language: str) -> bool:
    # "He/She", "and/or" are prose with a slash; "A/B" is a name of letters.
    parts = token.lower().split("/")
    return len(parts) > 1 and all(len(p) > 1 and p in function_words(language) for p in parts)


def _defined(text: str, match: re.Match[str]) -> bool:
    # "Hyperion Financial Management (HFM)" or "AWS (ECS, RDS)": a bracketed acronym names
    # the thing beside it.
    before = text[max(0, match.start() - 2) : match.start()]
    return "(" in before


def _with_name_neighbours(text: str, match: re.Match[str], token: str, language: str) -> str:
    """`token` with the capitalised words it is a name with ("GitHub Actions", "US GAAP")."""
    # Only technical neighbours join it ("US GAAP", "MS SQL", "Kuka KRL"); a plain
    # capitalised word beside an acronym is as often a heading or a team as part of a name.
    name = token
    after = re.match(r"\s([\w+#.-]+)", text[match.end() :])
    if after and _technical(after.group(1), language):
        name += " " + after.group(1)
    before = re.search(r"([\w+#.-]+)\s$", text[: match.start()])
    if before and before.start() > 0 and _technical(before.group(1), language):
        name = before.group(1) + " " + name
    return name


def _technical(word: str, language: str) -> bool:
    prose = ad_words() | function_words(language)
    return bool(_TECH_TOKEN.fullmatch(word)) and word.lower() not in prose


# "The role requires good alphanumeric skills, IT competency and …": what such a verb asks for
# is screened only where the item names a skill (a head noun, an acronym, a known skill).
_ASKING_VERB = re.compile(
    r"\b(?:requires?|requiring|needs?|must have|should have|will have|erfordert|exige|requiere|"
    r"exige|richiede)\s+(?P<object>[^.;:!?()]+)",
    re.I,
)


def _asked_by_verb(text: str, language: str) -> list[str]:
    items = []
    for match in _ASKING_VERB.finditer(text):
        for item in _list_items(match.group("object")):
            trimmed = _trimmed(item, language)
            named = _TECH_TOKEN.search(trimmed) or find_skills(trimmed)
            headed = _HEAD_PHRASE.search(trimmed) and len(trimmed.split()) <= 3
            if trimmed and len(trimmed.split()) <= MAX_VERB_OBJECT_WORDS and (named or headed):
                items.append(trimmed)
    return items


def _cue_segments(text: str) -> list[str]:
    """`text` cut before each requirement cue that has an object, so "Experience of X …
    Knowledge of Y" gives each cue its own object."""
    starts: list[int] = []
    position = 0
    while match := _CUE_OBJECT.search(text, position):
        starts.append(match.start())
        position = match.start() + 1
    bounds = [0, *[start for start in starts if start > 0], len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _cue_objects(text: str, language: str) -> list[str]:
    items: list[str] = _asked_by_verb(text, language)
    matches = [m for segment in _cue_segments(text) if (m := _CUE_OBJECT.search(segment))]
    for match in matches:
        obj = next(group for group in match.groups() if group)
        items += _list_items(_up_to_purpose(_up_to_prose(obj), language))
    return items


# What a thing asked for is for ("… für einen sofortigen Start", "… para incorporación
# inmediata") is no part of it. (English terms are cut there by their trimming.)
_PURPOSE_WORDS = {
    "de": frozenset({"für", "zur", "zum", "um"}),
    "fr": frozenset({"pour", "afin"}),
    "es": frozenset({"para"}),
    "pt": frozenset({"para", "pra"}),
    "it": frozenset({"per"}),
}


def _up_to_purpose(text: str, language: str) -> str:
    words = text.split()
    purpose = _PURPOSE_WORDS.get(language, frozenset())
    cut = next((i for i, word in enumerate(words) if i and word.lower() in purpose), len(words))
    return " ".join(words[:cut])


def _up_to_prose(text: str) -> str:
    """`text` up to the first word of praise or filler after its first content word: a lost
    bullet boundary ("… behaviours Excellent communication") shows there."""
    words = text.split()
    for index, word in enumerate(words):
        bare = word.strip(",").lower()
        if index and bare in ad_words():
            # "the food industry …": the domain's head ends the term, with it ("a SaaS
            # environment" is SaaS, a known name).
            domain = bare in _DOMAIN_HEADS and not _names_a_thing(" ".join(words[:index]))
            return " ".join(words[: index + domain])
    return text


def _list_items(text: str) -> list[str]:
    items = []
    for part in _SPLIT_ITEMS.split(text):
        words_before = part.split()
        # "moving and handling", "Health and Social Care": a known name holds the conjunction.
        pieces = [part] if _known_name_with_conjunction(part) else _SPLIT_CONJUNCTION.split(part)
        # "Mechanical and Electrical Engineering" is one term; "Kafka and Redis" is two.
        if (
            len(pieces) > 1
            and all(len(p.split()) >= 1 for p in pieces)
            and len(pieces[0].split()) > 1
        ) or (len(pieces) > 1 and len(words_before) <= 3 and all(_is_name(p) for p in pieces)):
            items += pieces
        else:
            items.append(part)
    return items


def _known_name_with_conjunction(text: str) -> bool:
    lowered = normalise(text)
    spellings = (m.group(0) for skill in find_skills(text) for m in _spellings(skill, lowered))
    return any(_SPLIT_CONJUNCTION.search(spelling) for spelling in spellings)


def _spellings(skill: str, lowered: str) -> list[re.Match[str]]:
    return list(keyword_pattern(skill).finditer(lowered))


def _is_name(text: str) -> bool:
    return bool(text) and (text[:1].isupper() or any(ch.isdigit() for ch in text))


# "communication, interpersonal and leadership skills": each modifier is a skill of its own.
_SHARED_HEAD = re.compile(
    r"\b((?:[\w-]+,\s+)+[\w-]+,?\s+(?:and|or)\s+[\w-]+)\s+(skills|abilities|experience)\b", re.I
)


def _head_phrases(text: str, language: str, *, strong_only: bool) -> list[str]:
    phrases = []
    if language in {"en", ""} and not strong_only:
        for match in _SHARED_HEAD.finditer(text):
            modifiers = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", match.group(1))
            phrases += [m for m in modifiers if _content_word(m, language)]
    if language in {"en", ""}:
        for match in _HEAD_PHRASE.finditer(text):
            mods = _content_suffix(match.group("mods").split(), language)
            if strong_only and match.group("head").lower() not in _STRONG_HEADS:
                continue
            phrase = " ".join([*mods, match.group("head")])
            if mods and not _verb_and_object(match.group("mods").split(), mods):
                phrases += [] if _inside_known_name(phrase, text) else [phrase]
    if language in {"fr", "es", "pt", "it"}:
        for match in _ROMANCE_HEAD.finditer(text):
            mods = _content_prefix(match.group("mods").split(), language)
            if mods:
                phrases.append(f"{match.group('head')} {match.group('link')} {' '.join(mods)}")
    if language == "de":
        phrases += [_german_compound(m.group("word")) for m in _GERMAN_COMPOUND.finditer(text)]
    return phrases


def _verb_and_object(words: list[str], mods: list[str]) -> bool:
    """Whether the modifiers are one gerund after a preposition ("with deploying models"): a
    verb and its object, which leaves a bare head that names nothing ("indexing strategies"
    after a comma is a name)."""
    before = words[-len(mods) - 1].lower() if len(words) > len(mods) else ""
    gerund = mods[0].lower()
    return (
        len(mods) == 1
        and gerund.endswith("ing")
        and before in _PREPOSITIONS
        and not find_skills(gerund)
    )


_PREPOSITIONS = frozenset(("with", "in", "of", "for", "by", "on", "at", "about", "into"))


def _german_compound(word: str) -> str:
    # "SAP-Kenntnisse" asks for SAP; "Projektmanagement" is the term itself.
    stem, dash, tail = word.rpartition("-")
    return stem if dash and tail.lower() in {"kenntnisse", "erfahrung"} else word


def _content_suffix(words: list[str], language: str) -> list[str]:
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        # "relationship building skills": a gerund inside a modifier is part of it.
        inner_gerund = (
            word.lower().endswith("ing") and index > 0 and _content_word(words[index - 1], language)
        )
        if not (_content_word(word, language) or inner_gerund):
            break
        kept.insert(0, word)
    return kept


def _content_prefix(words: list[str], language: str) -> list[str]:
    kept: list[str] = []
    for word in words:
        if not _content_word(word, language):
            break
        kept.append(word)
    return kept


def _content_word(word: str, language: str) -> bool:
    stripped = word.strip(".,'\"")
    bare = stripped.lower()
    # An acronym is content even when it spells a function word ("IT skills").
    shouted = len(stripped) > 1 and stripped.isupper()
    return (
        len(bare) > 1
        and not bare.isdigit()
        and (shouted or bare not in function_words(language))
        and bare not in ad_words()
        and any(ch.isalpha() for ch in bare)
    )


def _trimmed(term: str, language: str) -> str:
    """`term` without the prose around it: leading filler, gerunds, trailing filler."""
    term = re.sub(r"\s+", " ", term).strip(" .,;:!?'\"()[]-")
    term = _GERMAN_ASKED_SUFFIX.sub("", term)
    term = re.sub(r"\b\d+\+?\s*(?:years?|yrs?|jahre|ans|años|anos|anni)\b.*", "", term, flags=re.I)
    words = term.split()
    while words and not _content_word(words[0], language) and not _compound_adjective(words):
        words.pop(0)
    # "… skills" names a skill ("IT skills"); any other trailing filler goes.
    dropped: list[str] = []
    while (
        words
        and not _content_word(words[-1], language)
        and not (words[-1].lower() == "skills" and len(words) > 1)
    ):
        dropped.insert(0, words.pop())
    # "Technical background": an adjective alone names nothing, so its noun stays.
    noun = dropped[0] if dropped else ""
    adjectives_only = bool(words) and all(_ADJECTIVE.search(word) for word in words)
    if adjectives_only and noun.isalpha() and noun.lower() not in function_words(language):
        words.append(noun)
    elif words and noun.lower() in _DOMAIN_HEADS and not _names_a_thing(" ".join(words)):
        # "the food industry", "a retail environment": the domain is the term, with its head.
        words.append(noun)
    term = " ".join(words)
    gerund = _GERUND_START.match(term)
    known = canonical_skill(term) in _vocabulary_names()
    if gerund and len(words) > 1 and not known and not find_skills(gerund.group(0)):
        # "managing a caseload": the article after the gerund goes with it; "indexing
        # strategies" is a name, which a plain plural alone is not ("using Excel" is Excel).
        rest = _trimmed(term[gerund.end() :], language)
        plural = re.fullmatch(r"[a-z]+[^s]s", rest) is not None and not find_skills(rest)
        return term if plural or _BARE_HEAD.fullmatch(rest) else rest
    if not term or len(term.split()) > MAX_TERM_WORDS:
        return ""
    return term


_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ful|ary)$", re.I)
_DOMAIN_HEADS = frozenset(
    ("industry", "sector", "environment", "environments", "setting", "settings")
)


def _names_a_thing(text: str) -> bool:
    """Whether `text` holds a known skill or a tool's word shape ("SaaS", "AWS")."""
    return bool(find_skills(text)) or _NAME_SHAPE.search(text) is not None


# Inner capitals, an acronym or a digit: "SaaS", "AWS", "S7".
_NAME_SHAPE = re.compile(r"\b(?:[A-Za-z]+[A-Z]\w*|[A-Z]{2,}\w*|[A-Za-z]+\d\w*)\b")


def _compound_adjective(words: list[str]) -> bool:
    # "customer focussed", "results driven": the noun belongs to the adjective after it.
    return len(words) > 1 and bool(_COMPOUND_TAIL.fullmatch(words[1]))


_COMPOUND_TAIL = re.compile(
    r"(?:focus+ed|oriented|orientated|driven|facing|centred|centered)", re.I
)


def _acceptable(term: str, blocked: list[str], language: str) -> bool:
    key = normalise(term)
    if not key or len(key) < 2 or key.isdigit():
        return False
    words = key.split()
    known = canonical_skill(key) != key or key in _vocabulary_names()
    if not known and not any(_content_word(word, language) for word in term.split()):
        return False
    if any(w in _BENEFIT_WORDS for w in words):
        return False
    # A head alone ("licence", "skills", "testing") or a plural as general ("procedures")
    # names no particular thing.
    content = [word for word in words if _content_word(word, language)]
    general = bool(content) and all(word in _GENERIC_PLURALS for word in content)
    if not known and (_BARE_HEAD.fullmatch(key) or general):
        return False
    # "controls and control": one word said twice is noise, not a term.
    stems = {word.rstrip("s") for word in content}
    if len(content) > 1 and len(stems) == 1 and not known:
        return False
    return not any(_names_the_same(key, name) for name in blocked)


def _names_the_same(key: str, name: str) -> bool:
    """Whether a term is the employer's or agency's name, or a part of it that is not a skill
    ("Carillion" of "Carillion plc", but not "sales" of "Aaron Wallis Sales Recruitment")."""
    if not name:
        return False
    within = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    if key == name or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key):
        return True
    return bool(within.search(name)) and not find_skills(key) and key not in ad_words()


_GENERIC_PLURALS = frozenset(
    [
        *("procedures", "practices", "policies", "processes", "standards", "methods"),
        *("techniques", "principles", "guidelines", "tools", "systems", "solutions"),
        *("activities", "services", "products", "projects", "tasks", "issues"),
    ]
)
_BENEFIT_WORDS = frozenset(
    [
        "salary",
        "bonus",
        "bonuses",
        "pension",
        "pensions",
        "holiday",
        "holidays",
        "parking",
        "car",
        "insurance",
        "discount",
        "gym",
        "vacation",
        "leave",
        "uniform",
        "expenses",
        "allowance",
        "urlaub",
        "gehalt",
        "salaire",
        "congés",
        "vacaciones",
        "sueldo",
        "salário",
        "férias",
        "stipendio",
        "ferie",
    ]
)


def _without_redundant(
    found: dict[str, tuple[str, bool]], language: str
) -> dict[str, tuple[str, bool]]:
    """Drops a phrase made only of other terms found ("SQL and Power BI" beside "sql" and
    "power bi")."""
    vocabulary = _vocabulary_names()
    kept: dict[str, tuple[str, bool]] = {}
    for key, value in found.items():
        others = sorted((other for other in found if other != key), key=len, reverse=True)
        rest = key.replace("/", " ")
        for other in others:
            rest = re.sub(rf"(?<!\w){re.escape(other)}(?!\w)", " ", rest)
        composite = rest != key.replace("/", " ") and not any(
            _content_word(word, language) for word in rest.split()
        )
        # A name ("Health and Safety at Work Act") is whole, whatever terms it holds.
        if composite and key not in vocabulary and not _NAMED_THING.fullmatch(value[0]):
            continue
        kept[key] = value
    return kept
