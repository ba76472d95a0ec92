"""A `Job` from pasted job-description text, by a provider or offline.

Whatever the source, the job's skills and keywords are kept only when the text says them: the
match report is computed from them, so a model cannot talk coverage up.
"""

from __future__ import annotations

import re

from resumeforge.ai.keywords import find_skills, mentions, normalise, sentences
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

_FIELD_LINE = re.compile(
    r"^\s*(title|company|location|job title|employer)\s*:\s*(.+)$", re.I | re.M
)
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
    """`job` keeping only the skills and keywords the text mentions, plus those it missed."""
    skills = _unique([s for s in job.skills if mentions(job_text, s)] + find_skills(job_text))
    keywords = _unique([k for k in job.keywords if mentions(job_text, k)])
    return job.model_copy(update={"skills": skills, "keywords": keywords})


def analyze_job_offline(job_text: str) -> Job:
    fields = {name.lower(): value.strip() for name, value in _FIELD_LINE.findall(job_text)}
    parts = sentences(job_text)
    skills = find_skills(job_text)
    company = fields.get("company") or fields.get("employer") or _company_from_prose(job_text)
    terms = screening_terms(job_text, exclude=(company, fields.get("location", "")))
    return Job(
        title=fields.get("title") or fields.get("job title") or _title_from_prose(job_text),
        company=company,
        location=fields.get("location", ""),
        description=" ".join(parts[:2])[:600],
        skills=skills,
        responsibilities=_matching(parts, _RESPONSIBILITY_CUES),
        qualifications=_matching(parts, _REQUIREMENT_CUES),
        keywords=terms.all,
        must_have=terms.must,
        nice_to_have=terms.nice,
        language=ad_language(job_text),
    )


def _title_from_prose(job_text: str) -> str:
    match = _TITLE_PHRASE.search(job_text) or _TITLE_AT_COMPANY.match(job_text.lstrip())
    return match.group(1).strip() if match else ""


# A first line such as "Backend Engineer at Initech": the title is what stands before "at".
_TITLE_AT_COMPANY = re.compile(r"((?:[A-Z][\w/&+-]*\s){1,5}[A-Z][\w/&+-]*)\s+at\s+[A-Z]")


# "… Engineer at Initech.", "Join Initech as …": a capitalised name right after the cue.
_COMPANY_PHRASE = re.compile(
    r"\b(?:at|[Jj]oin)\s+((?:[A-Z][\w&'.-]*)(?:\s+(?:[A-Z][\w&'.-]*|&|of))*)"
)
_NOT_A_COMPANY = {"We", "Our", "The", "This", "A", "An", "Least", "Scale", "Our Team"}


def _company_from_prose(job_text: str) -> str:
    for match in _COMPANY_PHRASE.finditer(job_text[:600]):
        name = re.split(r"[.,;]\s", match.group(1))[0].strip(" .,;'")
        if name and name not in _NOT_A_COMPANY:
            return name
    return ""


def _matching(parts: list[str], cues: tuple[str, ...]) -> list[str]:
    found = [part for part in parts if any(cue in normalise(part) for cue in cues)]
    return found[:MAX_LIST_ITEMS]


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(normalise(value), value)
    return [value for key, value in seen.items() if key]
