"""The offline engine's cover letter: whole sentences in the ad's language around the résumé's
clean fields, and the fixed phrases every letter's check knows.

Paragraphs: the application (with the summary's first sentence in the candidate's own
words, when there is one), the roles (the current one with its highlights, then earlier
ones), the skills and the degree, and the thanks with a request for an interview. Every
sentence that would not pass the letter check is left out, so thin facts make a shorter
letter, never a broken one. The phrases live in `vocabulary/letter_phrases.json`.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from resumeforge.ai.degrees import STUDENT_WORDS, degree_words
from resumeforge.ai.grounding import SourceFacts
from resumeforge.ai.keywords import (
    covers,
    keyword_pattern,
    mentions,
    narrower_skills,
    normalise,
    skill_vocabulary,
    skill_words,
    vocabulary_lines,
)
from resumeforge.ai.language import DEFAULT_LANGUAGE
from resumeforge.ai.letter_check import sentence_problems
from resumeforge.ai.letter_highlights import HighlightKind, highlight, own_words, whole_bullets
from resumeforge.ai.schemas import CoverLetterDraft
from resumeforge.ai.screening import broad_terms
from resumeforge.resume.schemas import Education, Job, Resume, Work


class LetterLength(StrEnum):
    short = "short"
    medium = "medium"
    long = "long"


class LetterTone(StrEnum):
    professional = "professional"
    warm = "warm"
    direct = "direct"


PARAGRAPHS = {LetterLength.short: 3, LetterLength.medium: 4, LetterLength.long: 5}
ROLES_IN_LETTER = {LetterLength.short: 1, LetterLength.medium: 2, LetterLength.long: 3}
# Highlights said of the first role in the letter, and of each earlier one.
HIGHLIGHTS_FIRST_ROLE = {LetterLength.short: 1, LetterLength.medium: 2, LetterLength.long: 3}
HIGHLIGHTS_EARLIER_ROLE = {LetterLength.short: 0, LetterLength.medium: 1, LetterLength.long: 2}
COMFORTABLE_HIGHLIGHT_WORDS = 25
SKILLS_IN_LETTER = 5
# Fewer matching skills than this leave room for the résumé's own strongest ones.
FEW_MATCHING_SKILLS = 3
# An acronym this short ("CA", "IT") says too little on its own to be claimed in a letter.
MIN_ACRONYM_IN_LETTER = 2
MAX_SKILL_WORDS = 4
MAX_ACRONYM_LENGTH = 5
ENGLISH_CLOSINGS = {
    LetterTone.professional: "Sincerely,",
    LetterTone.warm: "Kind regards,",
    LetterTone.direct: "Best regards,",
}
# A field goes into a sentence only when it reads as a name: short, one line, no sentence of
# its own inside, no bullet or date left over from parsing.
MAX_FIELD_WORDS = 8
MAX_FIELD_CHARACTERS = 80
# "University of Leeds" and "Arden Institute of Technology" take "the" in an English
# sentence; "Leeds University" does not.
_NAME_OF = re.compile(
    r"^(?:[A-Z][\w-]+ )?(?:University|College|Institute|School|Academy|Faculty|Department) of\b"
)
# Small words an all-capitals heading style shouts too: "MENG IN CIVIL ENGINEERING".
_SMALL_WORDS = frozenset(
    {"in", "of", "and", "for", "the", "at", "on", "to", "de", "del", "der", "des", "und"}
    | {"für", "en", "et", "e", "di", "da", "do"}
)
# Words a title never opens with: "As", "At", "The" open a sentence a parse cut short.
_SENTENCE_OPENERS = frozenset(
    {"as", "at", "the", "a", "an", "in", "for", "with", "by", "from", "of", "als", "bei"}
    | {"comme", "dans", "como", "en", "em", "come", "presso"}
)
# Words that open the name of a course or a placement rather than of a job.
_COURSES = frozenset(
    {"ausbildung", "studium", "umschulung", "weiterbildung", "fachoberschule", "praktikum"}
    | {"apprenticeship", "internship", "stage", "tirocinio", "estágio", "prácticas"}
)
# Legal forms and schools: words of an organisation's name that no job title has.
_ORGANISATION_WORDS = frozenset(
    {"gmbh", "inc", "ltd", "llc", "plc", "ag", "a/s", "aps", "sarl", "srl", "ltda", "s.a", "s.l"}
    | {"skole", "schule", "école", "escuela", "escola", "scuola"}
)
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2})?")
_CURRENT = frozenset({"present", "current", "now"})


@lru_cache(maxsize=1)
def letter_phrases() -> dict[str, dict[str, str]]:
    """The offline letter's sentences per language, from `vocabulary/letter_phrases.json`."""
    text = resources.files("resumeforge.ai").joinpath("vocabulary/letter_phrases.json")
    phrases: dict[str, dict[str, str]] = json.loads(text.read_text("utf-8"))
    return phrases


def letter_language(job: Job) -> str:
    return job.language if job.language in letter_phrases() else DEFAULT_LANGUAGE


def letter_facts(resume: Resume, job: Job) -> SourceFacts:
    """What a letter may state: the résumé, the job's title and company as the ad prints them
    (never what a model said about the job), and the letter's own fixed words."""
    phrases = letter_phrases()[letter_language(job)]
    fixed = re.sub(r"\{\w+\}", " ", "\n".join(phrases.values()))
    return SourceFacts.of(resume, extra_text=f"{job.title}\n{job.company}\n{fixed}")


def draft_cover_letter_offline(
    resume: Resume, job: Job, *, length: str = "medium", tone: str = "professional"
) -> CoverLetterDraft:
    """A letter in the ad's language made of whole sentences around the résumé's clean fields;
    every sentence that would not pass the letter check is left out."""
    size = LetterLength(length)
    language = letter_language(job)
    phrases = letter_phrases()[language]
    writer = _Writer(phrases, language, letter_facts(resume, job))
    roles = _role_paragraphs(writer, resume, job, size)
    background: list[str] = []
    if size is not LetterLength.short or not roles:
        background = _skills_sentences(writer, resume, job) + _education_sentences(writer, resume)
    paragraphs = [
        [_opening(writer, job), own_words(resume.basics.summary, language)],
        *_experience(roles, size),
        background,
        [phrases["thanks"], phrases["ask"]],
    ]
    paragraphs = [writer.kept(p) for p in paragraphs]
    closing = ENGLISH_CLOSINGS[LetterTone(tone)] if language == "en" else phrases["closing"]
    return CoverLetterDraft(
        greeting=phrases["greeting"],
        paragraphs=[" ".join(p) for p in paragraphs if p],
        closing=closing,
    )


class _Writer:
    """Fills a language's phrases and keeps only the sentences that pass the letter check."""

    def __init__(self, phrases: dict[str, str], language: str, facts: SourceFacts) -> None:
        self.phrases = phrases
        self.language = language
        self.facts = facts

    def say(self, key: str, **fields: str) -> str:
        """The phrase `key` with `fields` in it, or empty when it would fail the check."""
        if not self.phrases[key]:
            return ""
        sentence = _elided(_single_stops(self.phrases[key].format(**fields)), self.language)
        return "" if sentence_problems(sentence, self.facts) else sentence

    def kept(self, sentences: list[str]) -> list[str]:
        return [s for s in sentences if s and not sentence_problems(s, self.facts)]


def _opening(writer: _Writer, job: Job) -> str:
    """The application for the job as the ad names it, as far as the ad names it cleanly."""
    title = job.title if _clean_field(job.title) else ""
    if (
        title
        and job.company
        and (said := writer.say("open_title_company", title=title, company=job.company))
    ):
        return said
    if title and (said := writer.say("open_title", title=title)):
        return said
    return writer.say("open")


def _experience(roles: list[list[str]], size: LetterLength) -> list[list[str]]:
    """The roles in one paragraph; a long letter gives the first role one of its own."""
    if size is LetterLength.long and roles:
        return [roles[0], [sentence for role in roles[1:] for sentence in role]]
    return [[sentence for role in roles for sentence in role]]


def _role_paragraphs(
    writer: _Writer, resume: Resume, job: Job, size: LetterLength
) -> list[list[str]]:
    """A few sentences per role, most recent first: the role, then what the résumé says was
    done there. A role whose own sentence fails is left out with its highlights."""
    paragraphs: list[list[str]] = []
    previous: Work | None = None
    said: set[tuple[str, str]] = set()
    for work in resume.work:
        if len(paragraphs) == ROLES_IN_LETTER[size]:
            break
        key = (normalise(work.position), normalise(work.name))
        sentence = _role_sentence(writer, work, previous) if key not in said else ""
        if not sentence:
            continue
        count = (HIGHLIGHTS_EARLIER_ROLE if paragraphs else HIGHLIGHTS_FIRST_ROLE)[size]
        said_of_role = _highlight_sentences(writer, work, job, count, earlier=bool(paragraphs))
        paragraphs.append([sentence, *said_of_role])
        previous = work
        said.add(key)
    return paragraphs


def _role_sentence(writer: _Writer, work: Work, previous: Work | None) -> str:
    if not _is_employer(work.name):
        return ""
    employer = _employer(writer.phrases, work.name)
    current = _is_current(work)
    if not _is_title(work.position):
        # "Part-time" says how the job was held, not the role: the employer is said alone.
        if previous or not _is_arrangement(work.position):
            return ""
        return writer.say("current_employer" if current else "past_employer", employer=employer)
    position = _as_name(work.position)
    if writer.language == "en":
        position = _with_indefinite_article(position)
    if previous is None:
        key = "current_role" if current else "past_role"
    elif current:
        key = "also_current_role"
    else:
        key = "before_role" if _ended_before(work, previous) else "also_past_role"
    return writer.say(key, position=position, employer=employer)


def _with_indefinite_article(title: str) -> str:
    """ "a Data Analyst", "an MBA Intern", "a University Lecturer"; a unique or compound role
    ("Head of Sales", "Owner & Chef") or one named by the work ("Store Management")
    takes none."""
    if re.search(r"\sof\s|[&+/,]", title) or _names_the_work(title):
        return title
    first = title.split()[0]
    if first.isupper() and len(first) > 1:
        vowel_sound = first[0] in "AEFHILMNORSX"
    else:
        lower = first.lower()
        sounds_like_you = lower.startswith(("uni", "use", "usu", "eu", "one", "ur"))
        vowel_sound = (lower[0] in "aeiou" and not sounds_like_you) or lower.startswith(
            ("hour", "honest", "heir")
        )
    return f"{'an' if vowel_sound else 'a'} {title}"


def _names_the_work(title: str) -> bool:
    # "Store Management", "Kundenbetreuung": the work, not the worker, takes no "a".
    return title.split()[-1].lower().endswith(("ment", "ung", "tion", "ing", "ance", "ence"))


def _highlight_sentences(
    writer: _Writer, work: Work, job: Job, count: int, *, earlier: bool
) -> list[str]:
    """Up to `count` of the role's bullets as first-person sentences, those naming the job's
    keywords first; the second of a kind says "also", and an earlier role's first says "In
    that role" where the first role's said "There"."""
    current = _is_current(work)
    bullets = whole_bullets(work.highlights)
    ranked = sorted(bullets, key=lambda b: (-_mentions(b, job), _long(b)))
    said: list[str] = []
    kinds: set[HighlightKind] = set()
    for bullet in ranked:
        if len(said) == count:
            break
        found = highlight(bullet, writer.language, current=current)
        if found is None:
            continue
        key = _highlight_key(found.kind, current, again=found.kind in kinds, earlier=earlier)
        sentence = writer.say(key, highlight=found.clause)
        if sentence:
            said.append(sentence)
            kinds.add(found.kind)
    return said


def _mentions(bullet: str, job: Job) -> int:
    return sum(covers(bullet, keyword) for keyword in job.keywords)


def _long(bullet: str) -> bool:
    # A long bullet makes a run-on sentence in a letter: a shorter one of as much use goes first.
    return len(bullet.split()) > COMFORTABLE_HIGHLIGHT_WORDS


def _highlight_key(kind: HighlightKind, current: bool, *, again: bool, earlier: bool) -> str:
    if kind is HighlightKind.act:
        return "act_more" if again else "act_earlier" if earlier else "act"
    tense = "now" if current else "then"
    return f"task_more_{tense}" if again else f"task_{tense}"


def _is_title(text: str) -> bool:
    """A job title, not a whole line a parse left in the title: a full stop after a whole word
    ends a sentence ("…, Wels."), where a title's stop ends an abbreviation ("Sr."), and a
    title is not a list of three parts ("Internship, Acme Group, Linz")."""
    text = text.strip()
    return (
        _clean_field(text)
        and not re.search(r"\w{4,}\.$", text)
        and text.count(", ") < 2
        and not _is_arrangement(text)
        and not _opens_a_sentence(text)
        and not _names_a_course(text)
        and not _names_an_organisation(text)
    )


def _opens_a_sentence(text: str) -> bool:
    """A parse that left the start of a sentence in the title: "As the senior planner I"."""
    return text.split()[0].lower() in _SENTENCE_OPENERS


def _names_a_course(text: str) -> bool:
    """A course named for the role it trains for ("Ausbildung zum Koch"): the
    person did not work as that. "Stage Manager" is a role: a role word follows."""
    words = text.lower().split()
    return words[0] in _COURSES and not (len(words) > 1 and words[1] in _role_words())


def _names_an_organisation(text: str) -> bool:
    """A title that is an organisation's name ("Nordby Skole", "Acme GmbH"): the parse
    swapped it with the employer."""
    return any(word.strip(".,()").lower() in _ORGANISATION_WORDS for word in text.split())


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(vocabulary_lines("role_words.txt"))


@lru_cache(maxsize=1)
def _arrangement_words() -> frozenset[str]:
    return frozenset(vocabulary_lines("employment_arrangements.txt"))


def _is_arrangement(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower())
    return bool(words) and all(word in _arrangement_words() for word in words)


def _is_employer(text: str) -> bool:
    """An employer's name, perhaps with its place ("University of Arden, Leeds, UK"), not a
    whole "Role, Employer, City." line a parse left there (that ends as a sentence does) nor a
    clause with its own "at" ("… bei Hafenblick gearbeitet")."""
    text = text.strip()
    return (
        _clean_field(text)
        and not (text.count(", ") >= 2 and text.endswith("."))
        and not re.search(r"\s(?:at|bei|chez)\s", text)
    )


def _employer(phrases: dict[str, str], name: str) -> str:
    name = _as_name(name)
    article = phrases["name_of_article"]
    return f"{article} {name}" if article and _NAME_OF.match(name) else name


def _is_current(work: Work | Education) -> bool:
    return work.endDate.strip().lower() in _CURRENT or (bool(work.startDate) and not work.endDate)


def _ended_before(work: Work, later: Work) -> bool:
    """Whether `work` ended by the time `later` began, as far as their dates say."""
    end, start = work.endDate.strip(), later.startDate.strip()
    if not (_ISO_DATE.match(end) and _ISO_DATE.match(start)):
        return False
    shared = min(len(end), len(start), 7)
    return end[:shared] <= start[:shared]


def _single_stops(sentence: str) -> str:
    # "Arden Inc." closing a sentence takes no second full stop.
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", sentence)


def _elided(sentence: str, language: str) -> str:
    """French and Italian articles before a vowel: "de Ingénieur" is "d'Ingénieur"."""
    vowel = r"(?=[aeiouyàâéèêëîïôûhAEIOUYÀÂÉÈÊËÎÏÔÛH])"
    if language == "fr":
        sentence = re.sub(rf"\b([dD])e {vowel}", r"\1'", sentence)
        return re.sub(rf"\b([lL])[ae] {vowel}", r"\1'", sentence)
    if language == "it":
        sentence = re.sub(r"\bil (?=s[^aeiou]|z|gn|ps)", "lo ", sentence)
        return re.sub(r"\b(?:la|il|lo) (?=[aeiouàèéìòùAEIOU])", "l'", sentence)
    return sentence


def as_signature(name: str) -> str:
    """The name as a person signs it: "CHRIS OH" becomes "Chris Oh"."""
    name = re.sub(r"\s+", " ", name).strip()
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


def _as_name(text: str) -> str:
    """`text` stripped, and in title case when it was typed all in capitals (a heading style),
    short acronyms ("IBM") left as they are."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text.isupper():
        return text
    return " ".join(_as_name_word(word) for word in text.split())


def _as_name_word(word: str) -> str:
    # Acronyms stay in capitals: short ones ("IBM"), ones without a vowel ("KPMG"), degrees
    # ("MENG").
    if word.lower() in _SMALL_WORDS:
        return word.lower()
    acronym = len(word) <= 3 or not re.search(r"[AEIOUY]", word) or word.lower() in degree_words()
    return word if acronym and word.isalpha() else word.capitalize()


def _skills_sentences(writer: _Writer, resume: Resume, job: Job) -> list[str]:
    """The job's terms the résumé states, as this role requires them; with few or none, the
    skills the résumé itself lists, said as its own."""
    and_ = writer.phrases["and"]
    matching = _skills_as_written(resume, job)[:SKILLS_IN_LETTER]
    said = [writer.say("skills", skills=_listing(matching, and_))] if matching else []
    if len(matching) >= FEW_MATCHING_SKILLS:
        return said
    named = {normalise(skill) for skill in matching}
    own = [s for s in _listed_skills(resume) if normalise(s) not in named]
    own = own[: SKILLS_IN_LETTER - len(matching)]
    if own:
        said.append(
            writer.say("skills_more" if matching else "skills_own", skills=_listing(own, and_))
        )
    return said


def _skills_as_written(resume: Resume, job: Job) -> list[str]:
    """The job's specific screening terms the résumé states in its skills or its work, spelled
    as the résumé spells them, must-haves first. Broad words ("sales", "communication") and
    short lowercase words ("project") are left to the rest of the letter."""
    text = _skills_and_work_text(resume)
    found = []
    for keyword in job.must_have + job.nice_to_have or job.keywords:
        if _specific(keyword) and (spelled := _answer_spelled_in(text, keyword)):
            found.append(spelled)
    named = [term for term in dict.fromkeys(found) if _names_a_skill(term)]
    # "A/B" says nothing "A/B testing" beside it has not said.
    return [t for t in named if not any(t != o and mentions(o, t) for o in named)]


def _names_a_skill(term: str) -> bool:
    """A term as the résumé spells it that reads as a skill: several words, a vocabulary
    skill, or an acronym or product name; a lone common word ("Technical") is not one."""
    return len(term.split()) > 1 or _is_known_skill(term) or _is_shaped_like_a_skill(term)


def _skills_and_work_text(resume: Resume) -> str:
    # Not the contact block or places: "CA" in "Menlo Park, CA" is no accountancy licence.
    parts = [resume.basics.summary]
    parts += [word for skill in resume.skills for word in [skill.name, *skill.keywords]]
    for work in resume.work:
        parts += [work.position, work.summary, *work.highlights]
    for project in resume.projects:
        parts += [project.name, project.description, *project.highlights, *project.keywords]
    parts += [certificate.name for certificate in resume.certificates]
    return "\n".join(re.sub(r"\s+", " ", part) for part in parts if part)


def _specific(keyword: str) -> bool:
    key = normalise(keyword)
    if key in broad_terms():
        return False
    known = any(skill.canonical == key for skill in skill_vocabulary())
    shaped = keyword != keyword.lower() and len(key) > MIN_ACRONYM_IN_LETTER
    return known or shaped or len(key.split()) > 1


def _answer_spelled_in(text: str, keyword: str) -> str:
    """`keyword` as `text` writes it or, failing that, the first narrower skill that answers
    it ("PostgreSQL" for an ad's "SQL"): the letter names what the résumé names."""
    for term in (keyword, *narrower_skills(keyword)):
        if spelled := _as_spelled_in(text, term):
            return spelled
    return ""


def _as_spelled_in(text: str, keyword: str) -> str:
    """`keyword` as `text` writes it ("PostgreSQL" for "postgresql"), or empty if it does not."""
    pattern = re.compile(keyword_pattern(keyword).pattern, re.I)
    # "Js" inside "Node.Js" is part of another name.
    whole = (m for m in pattern.finditer(text) if text[m.start() - 1 : m.start()] != ".")
    match = next(whole, None)
    return match.group(0) if match else ""


def _listed_skills(resume: Resume) -> list[str]:
    """The skills the résumé's skills section lists, as it writes them: vocabulary skills first
    ("Python", "Jira"), then other names shaped as a skill is ("ROS Framework", "C#")."""
    items = [
        re.sub(r"\s+", " ", item).strip() for s in resume.skills for item in s.keywords or [s.name]
    ]
    names = [item for item in items if _is_skill_name(item)]
    known = [item for item in names if _is_known_skill(item)]
    shaped = [item for item in names if item not in known and _is_shaped_like_a_skill(item)]
    unique = {normalise(item): item for item in reversed(known + shaped)}
    return [item for item in known + shaped if unique.get(normalise(item)) is item]


def _is_skill_name(item: str) -> bool:
    # "Englisch(B2)" is a language and its level, "Kenntnisse vorhanden" a level alone, and
    # "Quality Engineer" a role.
    return (
        _clean_field(item)
        and len(item.split()) <= MAX_SKILL_WORDS
        and normalise(item) not in broad_terms()
        and not re.search(r"\w\(|[,;]", item)
        and not any(word.lower() in _role_words() for word in item.split())
    )


def _is_known_skill(item: str) -> bool:
    # A broad vocabulary term ("English", "Communication skills") is no strength to name.
    key = normalise(item)
    term = next((t for t in skill_vocabulary() if t.pattern.fullmatch(key)), None)
    return term is not None and term.canonical not in broad_terms()


def _is_shaped_like_a_skill(item: str) -> bool:
    """An acronym or product name ("SVN", "C#", "Html5"), or a tool's name in capitalised
    words ("Eclipse IDE"); a capitalised common word alone ("Werkzeuge") is not, nor a long
    word in capitals ("OVERVIEW"), which is a heading's style."""
    words = item.split()
    if len(words) == 1:
        word = words[0]
        shouted = word.isupper() and len(word) > MAX_ACRONYM_LENGTH
        return (
            len(word) > MIN_ACRONYM_IN_LETTER
            and not shouted
            and (any(ch.isupper() for ch in word[1:]) or bool(re.search(r"[\d#+.]", word)))
        )
    capitalised = all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    # "Eclipse IDE", "Git & GitHub": a tool's name holds an acronym or a known skill word,
    # where a place ("Region Arden") does not.
    technical = any(
        sum(ch.isupper() for ch in word) > 1 or word.lower() in skill_words() for word in words
    )
    return capitalised and technical


def _education_sentences(writer: _Writer, resume: Resume) -> list[str]:
    """The first degree the résumé names cleanly, with where it was earned (or is studied)."""
    for entry in resume.education:
        degree = _degree(writer.phrases, entry)
        if not (
            _names_a_degree(degree) and _clean_field(degree) and _is_employer(entry.institution)
        ):
            continue
        key = "education_current" if _is_current(entry) else "education"
        sentence = writer.say(
            key, degree=_as_name(degree), institution=_employer(writer.phrases, entry.institution)
        )
        if sentence:
            return [sentence]
    return []


def _degree(phrases: dict[str, str], entry: Education) -> str:
    # "Master student in Physics" studies for a Master: the person is not the degree.
    kind = " ".join(w for w in entry.studyType.split() if w.lower() not in STUDENT_WORDS)
    area = entry.area.strip()
    if not area and kind.count(", ") == 1:
        # "Bachelor of Science, Computer Science": the degree, then its subject.
        kind, area = kind.split(", ")
    degree = phrases["degree_in"].format(type=kind, area=area) if kind and area else kind
    # A comma still inside ("Bachelor's degree, Arts in Design") leaves the reader guessing.
    return "" if ", " in degree else degree


def _names_a_degree(degree: str) -> bool:
    words = re.findall(r"[^\W\d_]+(?:['.][^\W\d_]+)*\.?", degree.lower())
    return any(word.rstrip(".") in degree_words() for word in words)


def _clean_field(text: str) -> bool:
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= MAX_FIELD_WORDS
        and len(text) <= MAX_FIELD_CHARACTERS
        and text[:1].isalnum()
        and not re.search(r"[.;:!?•|@]\s|[;:!?•|@]$|https?:|\n|\d{4}", text)
    )


def _listing(items: list[str], conjunction: str) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
