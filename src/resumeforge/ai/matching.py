"""How well a résumé covers a job's keywords, computed by code (never by the model).

`coverage` counts a keyword found anywhere in the résumé, as an ATS would; the report also
counts it over what a recruiter reads first (`report.first_read_text`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pydantic import BaseModel, Field

from resumeforge.ai.keywords import find_skills, mentions, normalise
from resumeforge.ai.screening import screening_terms
from resumeforge.resume.schemas import Job, Resume

MAX_JOB_KEYWORDS = 40


class Coverage(BaseModel):
    matched: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    ratio: float = 0.0


def job_keywords(job: Job, job_text: str) -> list[str]:
    """The job's screening terms, must-haves first, each one said in the job text (the ad's own
    terms when the job carries none)."""
    candidates = job.keywords or screening_terms(job_text).all
    keywords: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        key = normalise(candidate)
        if key and key not in seen and mentions(job_text, candidate):
            seen.add(key)
            keywords.append(candidate)
    return keywords[:MAX_JOB_KEYWORDS]


def coverage(keywords: list[str], text: str) -> Coverage:
    matched = [keyword for keyword in keywords if names(text, keyword)]
    missing = [keyword for keyword in keywords if keyword not in matched]
    ratio = len(matched) / len(keywords) if keywords else 0.0
    return Coverage(matched=matched, missing=missing, ratio=round(ratio, 4))


# An ad's acronym ("IT", "CA", "START") is also an everyday word once lowercased ("it", "ca.",
# "start"): the résumé names it only where it prints it in capitals too.
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&/]{1,6}$")


def names(text: str, keyword: str) -> bool:
    """Whether `text` names `keyword`: as `mentions` does, but an acronym the vocabulary does
    not know only in capitals, as the ad prints it."""
    if _ACRONYM.match(keyword) and not find_skills(keyword):
        pattern = rf"(?<![A-Za-z0-9]){re.escape(keyword)}(?![A-Za-z0-9])"
        printed = re.finditer(pattern, unicodedata.normalize("NFKC", text))
        return any(not _place_code(match) for match in printed)
    return mentions(text, keyword)


# "Oakland, CA" or "Leeds, UK": two capitals after a place name and a comma are its state or
# country, whatever the ad means by the same letters (CA, a Chartered Accountant).
_PLACE_BEFORE = re.compile(r"[A-Z][a-z]+\.?,\s*$")


def _place_code(match: re.Match[str]) -> bool:
    before = match.string[max(0, match.start() - 40) : match.start()]
    return len(match.group(0)) == 2 and _PLACE_BEFORE.search(before) is not None


def resume_text(resume: Resume) -> str:
    """Every word of the résumé's content, one field a line."""
    return "\n".join(_all_strings(resume.model_dump(exclude={"meta"})))


def _all_strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        if value:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)
