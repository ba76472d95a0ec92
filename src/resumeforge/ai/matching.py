"""How well a résumé covers a job's keywords, computed by code (never by the model).

`coverage` counts a keyword found anywhere in the résumé, as an ATS would; the report also
counts it over what a recruiter reads first (`report.first_read_text`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from resumeforge.ai.keywords import find_skills, key_phrases, mentions, normalise
from resumeforge.resume.schemas import Job, Resume

MAX_JOB_KEYWORDS = 30


class Coverage(BaseModel):
    matched: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    ratio: float = 0.0


def job_keywords(job: Job, job_text: str) -> list[str]:
    """The job's keywords, each one actually said in the job text: skills first, then phrases."""
    candidates = [*job.skills, *find_skills(job_text), *job.keywords, *key_phrases(job_text)]
    keywords: list[str] = []
    for candidate in candidates:
        found = find_skills(candidate)
        keyword = found[0] if len(found) == 1 else normalise(candidate)
        if keyword and keyword not in keywords and mentions(job_text, keyword):
            keywords.append(keyword)
    return keywords[:MAX_JOB_KEYWORDS]


def coverage(keywords: list[str], text: str) -> Coverage:
    matched = [keyword for keyword in keywords if mentions(text, keyword)]
    missing = [keyword for keyword in keywords if keyword not in matched]
    ratio = len(matched) / len(keywords) if keywords else 0.0
    return Coverage(matched=matched, missing=missing, ratio=round(ratio, 4))


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
