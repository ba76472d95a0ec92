"""Cover letters written from the résumé and the job, grounded like the résumé itself.

The model (or the offline engine) drafts the greeting, body and closing; every sentence is
checked against the résumé (plus the job's title and company as the ad prints them) and
dropped if it states a fact the résumé does not. Then the letter check runs: a model letter
that fails it is repaired once, and if it still fails the offline letter is sent instead.
Sender details, the date and the signature come from code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.keywords import (
    keyword_pattern,
    mentions,
    normalise,
    sentences,
    skill_vocabulary,
    vocabulary_lines,
)
from resumeforge.ai.language import DEFAULT_LANGUAGE, detect_language
from resumeforge.ai.letter_check import LetterProblem, letter_problems, sentence_problems
from resumeforge.ai.matching import resume_text
from resumeforge.ai.prompts import as_data, render_prompt
from resumeforge.ai.providers.base import (
    Provider,
    StructuredRequest,
    Task,
    TaskInputs,
    UsageCallback,
)
from resumeforge.ai.schemas import CoverLetterDraft, Revert
from resumeforge.ai.screening import broad_terms
from resumeforge.resume.schemas import CoverLetter, Education, Job, Resume, Work


class LetterLength(StrEnum):
    short = "short"
    medium = "medium"
    long = "long"


class LetterTone(StrEnum):
    professional = "professional"
    warm = "warm"
    direct = "direct"


PARAGRAPHS = {LetterLength.short: 3, LetterLength.medium: 4, LetterLength.long: 5}
ROLES_IN_LETTER = {LetterLength.short: 1, LetterLength.medium: 1, LetterLength.long: 2}
HIGHLIGHTS_PER_ROLE = {LetterLength.short: 1, LetterLength.medium: 2, LetterLength.long: 2}
SKILLS_IN_LETTER = 5
# An acronym this short ("CA", "IT") says too little on its own to be claimed in a letter.
MIN_ACRONYM_IN_LETTER = 2
ENGLISH_CLOSINGS = {
    LetterTone.professional: "Sincerely,",
    LetterTone.warm: "Kind regards,",
    LetterTone.direct: "Best regards,",
}
# A field goes into a sentence only when it reads as a name: short, one line, no sentence of
# its own inside, no bullet or date left over from parsing.
MAX_FIELD_WORDS = 8
MAX_FIELD_CHARACTERS = 80
MIN_HIGHLIGHT_WORDS = 4
MAX_HIGHLIGHT_WORDS = 35


@lru_cache(maxsize=1)
def _irregular_past() -> frozenset[str]:
    """Past tenses without "-ed" that open résumé bullets ("Led", "Built", "Ran")."""
    return frozenset(vocabulary_lines("past_tense.txt"))


@lru_cache(maxsize=1)
def letter_phrases() -> dict[str, dict[str, str]]:
    """The offline letter's sentences per language, from `vocabulary/letter_phrases.json`."""
    text = resources.files("resumeforge.ai").joinpath("vocabulary/letter_phrases.json")
    phrases: dict[str, dict[str, str]] = json.loads(text.read_text("utf-8"))
    return phrases


def cover_letter_request(
    resume: Resume, job: Job, job_text: str, *, length: str, tone: str
) -> StructuredRequest[CoverLetterDraft]:
    size = LetterLength(length)
    prompt = render_prompt(
        "cover_letter",
        length=size.value,
        paragraphs=str(PARAGRAPHS[size]),
        tone=LetterTone(tone).value,
        language=_letter_language(job),
        job_title=job.title or "(not stated)",
        company=job.company or "(not stated)",
        resume=as_data("resume", resume_text(resume)),
        job_description=as_data("job_description", job_text),
    )
    return StructuredRequest(
        task=Task.write_cover_letter,
        system=render_prompt("system"),
        prompt=prompt,
        output_type=CoverLetterDraft,
        inputs=TaskInputs(resume=resume, job=job, job_text=job_text, length=length, tone=tone),
        temperature=0.5,
    )


def repair_request(
    request: StructuredRequest[CoverLetterDraft],
    draft: CoverLetterDraft,
    problems: list[LetterProblem],
) -> StructuredRequest[CoverLetterDraft]:
    """The letter request once more, with the draft and what is wrong with it."""
    prompt = render_prompt(
        "cover_letter_repair",
        problems="\n".join(f"- {problem}" for problem in problems[:20]),
        draft=as_data("draft", draft.model_dump_json(indent=1)),
        request=request.prompt,
    )
    return StructuredRequest(
        task=request.task,
        system=request.system,
        prompt=prompt,
        output_type=CoverLetterDraft,
        inputs=request.inputs,
        temperature=0.2,
    )


@dataclass
class LetterOutcome:
    letter: CoverLetter
    reverted: list[Revert] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


async def write_cover_letter(
    provider: Provider,
    resume: Resume,
    job: Job,
    job_text: str,
    *,
    length: str = "medium",
    tone: str = "professional",
    on_usage: UsageCallback | None = None,
    today: date | None = None,
) -> LetterOutcome:
    """A letter that passes the letter check: the provider's, repaired once if need be, else
    the offline letter."""
    request = cover_letter_request(resume, job, job_text, length=length, tone=tone)
    answer = await provider.generate(request, on_usage=on_usage)
    letter, reverted = grounded_cover_letter(answer.output, resume, job, today=today)
    problems = letter_problems(letter, letter_facts(resume, job))
    if not problems:
        return LetterOutcome(letter, reverted)
    notes = [f"the letter failed its check ({len(problems)} problems): {problems[0]}"]
    if provider.name != "offline":
        repaired = await provider.generate(
            repair_request(request, answer.output, problems), on_usage=on_usage
        )
        letter, more = grounded_cover_letter(repaired.output, resume, job, today=today)
        reverted += more
        problems = letter_problems(letter, letter_facts(resume, job))
        if not problems:
            return LetterOutcome(letter, reverted, [*notes, "the repaired letter passed"])
        notes.append(f"the repaired letter failed too ({len(problems)} problems)")
    draft = draft_cover_letter_offline(resume, job, length=length, tone=tone)
    letter, _ = grounded_cover_letter(draft, resume, job, today=today)
    notes.append("the letter is the offline engine's, built from the résumé's own fields")
    return LetterOutcome(letter, reverted, notes)


def draft_cover_letter_offline(
    resume: Resume, job: Job, *, length: str = "medium", tone: str = "professional"
) -> CoverLetterDraft:
    """A letter in the ad's language made of whole sentences around the résumé's clean fields;
    every sentence that would not pass the letter check is left out, so thin facts make a
    shorter letter, never a broken one."""
    size = LetterLength(length)
    language = _letter_language(job)
    phrases = letter_phrases()[language]
    facts = letter_facts(resume, job)
    same_language = detect_language(resume_text(resume)) == language
    opening = [_opening(phrases, job)]
    middle: list[str] = []
    for index, work in enumerate(_roles(resume)[: ROLES_IN_LETTER[size]]):
        role = [_role_sentence(phrases, work, current=index == 0 and _is_current(work))]
        if same_language and phrases["highlight"]:
            role += _highlight_sentences(phrases, work, job, HIGHLIGHTS_PER_ROLE[size])
        middle.append(" ".join(_passing(role, facts)))
    skills = _skills_as_written(resume, job)[:SKILLS_IN_LETTER]
    if skills and size is not LetterLength.short:
        middle.append(phrases["skills"].format(skills=_listing(skills, phrases["and"])))
    education = _education_sentence(phrases, resume.education)
    if education and (size is LetterLength.long or not _roles(resume)):
        middle.append(education)
    thanks = phrases["thanks_company"] if job.company else phrases["thanks"]
    paragraphs = [*opening, *middle, thanks.format(company=job.company)]
    kept = [" ".join(_passing(sentences(p), facts)) for p in paragraphs]
    closing = ENGLISH_CLOSINGS[LetterTone(tone)] if language == "en" else phrases["closing"]
    return CoverLetterDraft(
        greeting=phrases["greeting"], paragraphs=[p for p in kept if p], closing=closing
    )


def _letter_language(job: Job) -> str:
    return job.language if job.language in letter_phrases() else DEFAULT_LANGUAGE


def _opening(phrases: dict[str, str], job: Job) -> str:
    title = job.title if _clean_field(job.title) else ""
    if title and job.company:
        return phrases["open_title_company"].format(title=title, company=job.company)
    return phrases["open_title"].format(title=title) if title else phrases["open"]


def _roles(resume: Resume) -> list[Work]:
    return [w for w in resume.work if _is_title(w.position) and _is_employer(w.name)]


def _is_title(text: str) -> bool:
    """A job title, not a whole line a parse left in the title: a full stop after a whole word
    ends a sentence ("…, Wels."), where a title's stop ends an abbreviation ("Sr."), and a
    title is not a list of three parts ("Internship, Acme Group, Linz")."""
    text = text.strip()
    return _clean_field(text) and not re.search(r"\w{4,}\.$", text) and text.count(", ") < 2


def _is_employer(text: str) -> bool:
    """An employer's name, perhaps with its place ("University of Arden, Leeds, UK"), not a
    whole "Role, Employer, City." line a parse left there: that ends as a sentence does."""
    text = text.strip()
    return _clean_field(text) and not (text.count(", ") >= 2 and text.endswith("."))


def _is_current(work: Work) -> bool:
    return work.endDate.strip().lower() in {"present", "current", "now"} or (
        bool(work.startDate) and not work.endDate
    )


def _role_sentence(phrases: dict[str, str], work: Work, *, current: bool) -> str:
    template = phrases["current_role"] if current else phrases["past_role"]
    sentence = template.format(position=_as_name(work.position), employer=_as_name(work.name))
    return _single_stops(sentence)


def _single_stops(sentence: str) -> str:
    # "Dunamu Inc." closing a sentence takes no second full stop.
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", sentence)


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
    return " ".join(w if len(w) <= 3 and w.isalpha() else w.capitalize() for w in text.split())


def _highlight_sentences(phrases: dict[str, str], work: Work, job: Job, count: int) -> list[str]:
    keywords = job.keywords
    ranked = sorted(work.highlights, key=lambda b: -sum(mentions(b, k) for k in keywords))
    clauses = [clause for bullet in ranked if (clause := _first_person_clause(bullet))]
    templates = [phrases["highlight"]] + [phrases["highlight_more"]] * (count - 1)
    return [t.format(highlight=c) for t, c in zip(templates, clauses, strict=False)]


def _first_person_clause(bullet: str) -> str:
    """ "Recruited and trained a sales team." as "recruited and trained a sales team", when the
    bullet opens with a past-tense verb and reads as one clause; else empty."""
    text = re.sub(r"\s+", " ", bullet).strip(" •-–*\t").rstrip(".;,")
    words = text.split()
    if not MIN_HIGHLIGHT_WORDS <= len(words) <= MAX_HIGHLIGHT_WORDS or text.endswith(":"):
        return ""
    verb = words[0].lower()
    if not (verb.endswith("ed") or verb in _irregular_past()) or not words[0][:1].isupper():
        return ""
    if re.search(r"[:•|]|\.\s", text):
        return ""
    return verb + text[len(words[0]) :]


def _skills_as_written(resume: Resume, job: Job) -> list[str]:
    """The job's specific screening terms the résumé states in its skills or its work, spelled
    as the résumé spells them, must-haves first. Broad words ("sales", "communication") and
    short lowercase words ("project") are left to the rest of the letter."""
    text = _skills_and_work_text(resume)
    found = []
    for keyword in job.must_have + job.nice_to_have or job.keywords:
        if _specific(keyword) and (spelled := _as_spelled_in(text, keyword)):
            found.append(spelled)
    return list(dict.fromkeys(found))


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


def _as_spelled_in(text: str, keyword: str) -> str:
    """`keyword` as `text` writes it ("PostgreSQL" for "postgresql"), or empty if it does not."""
    pattern = re.compile(keyword_pattern(keyword).pattern, re.I)
    match = pattern.search(text)
    return match.group(0) if match else ""


def _education_sentence(phrases: dict[str, str], education: list[Education]) -> str:
    for entry in education:
        degree = " ".join(part for part in (entry.studyType, entry.area) if part)
        if entry.studyType and entry.area and phrases is letter_phrases()["en"]:
            degree = f"{entry.studyType} in {entry.area}"
        if _clean_field(degree) and _clean_field(entry.institution):
            sentence = phrases["education"].format(
                degree=_as_name(degree), institution=_as_name(entry.institution)
            )
            return (
                _with_article(sentence, degree) if phrases is letter_phrases()["en"] else sentence
            )
    return ""


def _with_article(sentence: str, degree: str) -> str:
    # "a MSc" reads wrong: an acronym sounding of a vowel, or a vowel, takes "an".
    first = degree[:1]
    vowel_sound = first in "AEIOUaeiou" or (degree[:2].isupper() and first in "FHLMNRSX")
    return sentence.replace(f" a {degree}", f" an {degree}") if vowel_sound else sentence


def _clean_field(text: str) -> bool:
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= MAX_FIELD_WORDS
        and len(text) <= MAX_FIELD_CHARACTERS
        and text[:1].isalnum()
        and not re.search(r"[.;:!?•|@]\s|[;:!?•|@]$|https?:|\n|\d{4}", text)
    )


def _passing(parts: list[str], facts: SourceFacts) -> list[str]:
    return [part for part in parts if part and not sentence_problems(part, facts)]


def _listing(items: list[str], conjunction: str) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def letter_facts(resume: Resume, job: Job) -> SourceFacts:
    """What a letter may state: the résumé, the job's title and company as the ad prints them
    (never what a model said about the job), and the letter's own fixed words."""
    phrases = letter_phrases()[_letter_language(job)]
    fixed = re.sub(r"\{\w+\}", " ", "\n".join(phrases.values()))
    return SourceFacts.of(resume, extra_text=f"{job.title}\n{job.company}\n{fixed}")


def grounded_cover_letter(
    draft: CoverLetterDraft, resume: Resume, job: Job, *, today: date | None = None
) -> tuple[CoverLetter, list[Revert]]:
    """The letter with every sentence that states an unsupported fact removed, and the list."""
    facts = letter_facts(resume, job)
    reverts: list[Revert] = []
    paragraphs = []
    for index, paragraph in enumerate(draft.paragraphs):
        kept = []
        for sentence in sentences(paragraph):
            problems = unsupported_facts(sentence, facts)
            reverts += [
                Revert(
                    path=f"cover_letter.paragraphs[{index}]",
                    kind=p.kind,
                    value=p.value,
                    text=sentence,
                    action="removed",
                )
                for p in problems
            ]
            if not problems:
                kept.append(sentence)
        if kept:
            paragraphs.append(" ".join(kept))
    phrases = letter_phrases()[_letter_language(job)]
    letter = CoverLetter(
        sender=resume.basics.model_copy(deep=True),
        date=(today or date.today()).strftime("%-d %B %Y"),
        recipient="Hiring Manager" if _letter_language(job) == "en" else "",
        company=job.company,
        greeting=_safe_line(draft.greeting, facts, phrases["greeting"]),
        paragraphs=paragraphs,
        closing=_safe_line(draft.closing, facts, phrases["closing"]),
        name=as_signature(resume.basics.name),
    )
    return letter, reverts


def _safe_line(text: str, facts: SourceFacts, default: str) -> str:
    text = text.strip()
    return text if text and not unsupported_facts(text, facts) else default
