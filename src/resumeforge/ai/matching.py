"""How well a résumé covers a job's keywords, computed by code (never by the model).

`coverage` counts a keyword found anywhere in a text, as a recruiter reads it: by any of its
spellings, or a narrower skill that implies it ("PostgreSQL" for "SQL"). `resume_coverage`
counts it over the résumé's content (`coverage_text`: not its name, places, links or contact
details), an ad's bare degree ask answered by the education's level; the report also counts it
over what a recruiter reads first (`report.first_read_text`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pydantic import BaseModel, Field

from resumeforge.ai.degrees import degree_asked, degree_level, held_degree
from resumeforge.ai.keywords import (
    canonical_skill,
    compound_senses,
    covers,
    find_skills,
    keyword_pattern,
    mentions,
    narrower_skills,
    normalise,
)
from resumeforge.ai.language import detect_language
from resumeforge.ai.screening import screening_terms, stands_alone
from resumeforge.resume.schemas import Job, Resume

MAX_JOB_KEYWORDS = 40


class Coverage(BaseModel):
    matched: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    ratio: float = 0.0
    # A matched term the résumé answers in other words -> those words, as it prints them:
    # "SQL" -> "PostgreSQL", "Bachelor's Degree" -> "B.S.".
    answered_by: dict[str, str] = Field(default_factory=dict)


def job_keywords(job: Job, job_text: str) -> list[str]:
    """The job's screening terms, must-haves first, each one said in the job text (the ad's own
    terms when the job carries none)."""
    candidates = job.keywords or screening_terms(job_text).all
    definitions = defined_acronyms(job_text)
    keywords: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        if not mentions(job_text, candidate):
            continue
        # The ad's "Hyperion Financial Management (HFM)" makes "HFM" and the long name one
        # term, which a résumé covers in either spelling.
        term = definitions.get(normalise(candidate), candidate)
        key = normalise(term)
        if key and key not in seen:
            seen.add(key)
            keywords.append(term)
    return keywords[:MAX_JOB_KEYWORDS]


_DEFINITION = re.compile(
    r"(?P<long>[A-Za-z][\w'-]*(?:\s+(?:(?:and|of|for|&|the)\s+)?[A-Za-z][\w'-]*){1,6})\s*"
    r"\((?P<short>[A-Z][A-Z0-9&]{1,7})\)"
)
_JOINING_WORDS = frozenset(("and", "of", "for", "&", "the"))


def defined_acronyms(job_text: str) -> dict[str, str]:
    """The acronyms the ad defines ("Cognitive Behavioural Therapy (CBT)"), each spelling
    (normalised) mapped to the term written both ways: the long name is the words before the
    bracket whose initials spell the acronym."""
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(job_text):
        short = match.group("short")
        letters = short.replace("&", "")
        words = match.group("long").split()
        initials = [i for i, w in enumerate(words) if w.lower() not in _JOINING_WORDS]
        if len(initials) < len(letters):
            continue
        start = initials[-len(letters)]
        long = " ".join(words[start:])
        if "".join(words[i][0] for i in initials[-len(letters) :]).upper() != letters:
            continue
        term = f"{long} ({short})"
        found.setdefault(normalise(long), term)
        found.setdefault(normalise(short), term)
    return found


# A link or an address names a site, not a skill: "github.com/someone" is no GitHub skill.
_LINK = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\b[\w-]+\.(?:com|io|org|net|dev|me|ai)/\S*")


def coverage(keywords: list[str], text: str) -> Coverage:
    text = _LINK.sub(" ", text)
    english = detect_language(text) == "en"
    matched = [k for k in keywords if names(text, k, english=english)]
    answered = {k: term for k in matched if (term := _narrower_named(text, k, english=english))}
    return _covered(keywords, matched, answered)


def _narrower_named(text: str, keyword: str, *, english: bool) -> str:
    """The narrower skill, as `text` prints it, that answers `keyword` where `text` does not
    name `keyword` itself ("PostgreSQL" for "SQL"); empty where it does."""
    if not narrower_skills(keyword) or names(text, keyword, english=english, narrower=False):
        return ""
    skill = next((skill for skill in narrower_skills(keyword) if mentions(text, skill)), "")
    if not skill:
        return ""
    printed = re.search(keyword_pattern(skill).pattern, unicodedata.normalize("NFKC", text), re.I)
    return printed.group(0) if printed else skill


def resume_coverage(keywords: list[str], resume: Resume) -> Coverage:
    """Coverage over the résumé's content (`coverage_text`), where an ad's bare ask for a level
    of degree ("Bachelor's degree") is also answered by an education entry at that level or
    above, however it is abbreviated ("B.S.", "MEng")."""
    found = coverage(keywords, coverage_text(resume))
    held = held_degree(resume)
    level = degree_level(held)
    answered = [k for k in found.missing if 0 <= degree_asked(k) <= level]
    if not answered:
        return found
    matched = [k for k in keywords if k in found.matched or k in answered]
    return _covered(keywords, matched, found.answered_by | dict.fromkeys(answered, held))


def _covered(
    keywords: list[str], matched: list[str], answered_by: dict[str, str] | None = None
) -> Coverage:
    missing = [keyword for keyword in keywords if keyword not in matched]
    ratio = len(matched) / len(keywords) if keywords else 0.0
    return Coverage(
        matched=matched, missing=missing, ratio=round(ratio, 4), answered_by=answered_by or {}
    )


# An ad's acronym ("IT", "CA", "START") is also an everyday word once lowercased ("it", "ca.",
# "start"): the résumé names it only where it prints it in capitals too.
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&/]{1,6}$")
_DEFINED = re.compile(r"(?P<long>[^()]+?)\s*\((?P<short>[A-Z][A-Z0-9&/]{1,6})\)")


def names(text: str, keyword: str, *, english: bool = False, narrower: bool = True) -> bool:
    """Whether `text` names `keyword`: as `covers` does (the skill or, unless `narrower` is
    false, a narrower one that implies it), but an acronym the vocabulary does not know only in
    capitals, as the ad prints it; "Long Name (LN)" in either spelling; in English, a skill
    whose compounds mean something else not as a compound's first word."""
    if defined := _DEFINED.fullmatch(keyword.strip()):
        long, short = defined.group("long"), defined.group("short")
        return any(names(text, part, english=english, narrower=narrower) for part in (long, short))
    if english and canonical_skill(keyword) in compound_senses():
        lowered = normalise(text)
        if any(stands_alone(lowered, m) for m in keyword_pattern(keyword).finditer(lowered)):
            return True
        return narrower and any(mentions(text, skill) for skill in narrower_skills(keyword))
    if _ACRONYM.match(keyword) and not find_skills(keyword):
        pattern = rf"(?<![A-Za-z0-9]){re.escape(keyword)}(?![A-Za-z0-9])"
        printed = re.finditer(pattern, unicodedata.normalize("NFKC", text))
        return any(not _place_code(match) for match in printed)
    return covers(text, keyword) if narrower else mentions(text, keyword)


# "Oakland, CA" or "Leeds, UK": two capitals after a place name and a comma are its state or
# country, whatever the ad means by the same letters (CA, a Chartered Accountant).
_PLACE_BEFORE = re.compile(r"[A-Z][a-z]+\.?,\s*$")


def _place_code(match: re.Match[str]) -> bool:
    before = match.string[max(0, match.start() - 40) : match.start()]
    return len(match.group(0)) == 2 and _PLACE_BEFORE.search(before) is not None


def resume_text(resume: Resume) -> str:
    """Every word of the résumé's content, one field a line."""
    return "\n".join(_all_strings(resume.model_dump(exclude={"meta"})))


# Names, places, links and contact details are never a skill: "CA" of a job's location "San
# Diego, CA", "python" in an address.
_NOT_CONTENT = frozenset({"email", "phone", "url", "location", "profiles"})


def coverage_text(resume: Resume) -> str:
    """What coverage reads in a résumé: its content without the person's name, places, links
    and contact details."""
    content = resume.model_dump(exclude={"meta": True, "basics": {"name"}})
    return "\n".join(_all_strings(content, skip=_NOT_CONTENT))


def _all_strings(value: object, skip: frozenset[str] = frozenset()) -> Iterable[str]:
    if isinstance(value, str):
        if value:
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _all_strings(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item, skip)
