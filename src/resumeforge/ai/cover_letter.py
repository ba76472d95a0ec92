"""Cover letters written from the résumé and the job, grounded like the résumé itself.

The model (or the offline engine) drafts the greeting, body and closing; every sentence is
checked against the résumé (plus the job's own title and company) and dropped if it states a
fact the résumé does not. Sender details and the date come from code.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.keywords import mentions, sentences
from resumeforge.ai.matching import job_keywords, resume_text
from resumeforge.ai.prompts import as_data, render_prompt
from resumeforge.ai.providers.base import StructuredRequest, Task, TaskInputs
from resumeforge.ai.schemas import CoverLetterDraft, Revert
from resumeforge.resume.schemas import CoverLetter, Job, Resume, Work


class LetterLength(StrEnum):
    short = "short"
    medium = "medium"
    long = "long"


class LetterTone(StrEnum):
    professional = "professional"
    warm = "warm"
    direct = "direct"


PARAGRAPHS = {LetterLength.short: 3, LetterLength.medium: 4, LetterLength.long: 5}
BULLETS_PER_ROLE = {LetterLength.short: 2, LetterLength.medium: 3, LetterLength.long: 3}
OPENINGS = {
    LetterTone.professional: "I am writing to apply for {role}{at_company}.",
    LetterTone.warm: "I was delighted to see the opening for {role}{at_company}, and I would "
    "like to apply.",
    LetterTone.direct: "I am applying for {role}{at_company}.",
}
THANKS = {
    LetterTone.professional: "Thank you for your time and consideration. I would welcome the "
    "opportunity to discuss how my experience fits {team}.",
    LetterTone.warm: "Thank you for reading my application. I would love to talk about how I "
    "could contribute to {team}.",
    LetterTone.direct: "I would welcome an interview to discuss how I can contribute to {team}.",
}
CLOSINGS = {
    LetterTone.professional: "Sincerely,",
    LetterTone.warm: "Kind regards,",
    LetterTone.direct: "Best regards,",
}


def cover_letter_request(
    resume: Resume, job: Job, job_text: str, *, length: str, tone: str
) -> StructuredRequest[CoverLetterDraft]:
    size = LetterLength(length)
    prompt = render_prompt(
        "cover_letter",
        length=size.value,
        paragraphs=str(PARAGRAPHS[size]),
        tone=LetterTone(tone).value,
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


def draft_cover_letter_offline(
    resume: Resume, job: Job, *, length: str = "medium", tone: str = "professional"
) -> CoverLetterDraft:
    """A letter assembled from fixed phrases and the résumé's own sentences."""
    size, voice = LetterLength(length), LetterTone(tone)
    keywords = job_keywords(job, job.description + "\n" + "\n".join(job.skills))
    role = f"the {job.title} role" if job.title else "this role"
    at_company = f" at {job.company}" if job.company else ""
    paragraphs = [OPENINGS[voice].format(role=role, at_company=at_company)]
    if resume.basics.summary:
        summary = sentences(resume.basics.summary)
        paragraphs[0] += " " + max(summary, key=lambda s: sum(mentions(s, k) for k in keywords))
    roles = [work for work in resume.work if work.highlights][
        : 2 if size is LetterLength.long else 1
    ]
    paragraphs += [_role_paragraph(work, keywords, BULLETS_PER_ROLE[size]) for work in roles]
    matched = _skills_as_written(resume, keywords)
    if size is not LetterLength.short and matched:
        paragraphs.append(
            f"The skills this role asks for that I have used include {_listing(matched[:6])}."
        )
    team = job.company or "your team"
    paragraphs.append(THANKS[voice].format(team=team))
    return CoverLetterDraft(
        greeting="Dear Hiring Manager,", paragraphs=paragraphs, closing=CLOSINGS[voice]
    )


def _skills_as_written(resume: Resume, keywords: list[str]) -> list[str]:
    """The job's keywords the résumé has, spelled as the résumé spells them where it can."""
    listed = [keyword for skill in resume.skills for keyword in skill.keywords]
    text = resume_text(resume)
    found = []
    for keyword in keywords:
        if mentions(text, keyword):
            found.append(next((s for s in listed if mentions(s, keyword)), keyword))
    return list(dict.fromkeys(found))


def _role_paragraph(work: Work, keywords: list[str], bullet_count: int) -> str:
    ranked = sorted(work.highlights, key=lambda b: -sum(mentions(b, k) for k in keywords))
    bullets = [_as_clause(bullet) for bullet in ranked[:bullet_count]]
    where = f"As {work.position} at {work.name}" if work.position and work.name else "In my work"
    return f"{where}, my work included: {'; '.join(bullets)}."


def _as_clause(bullet: str) -> str:
    bullet = bullet.strip().rstrip(".")
    # Lowercase an opening verb ("Built" -> "built") but never an acronym or a name ("AWS").
    if len(bullet) > 1 and bullet[0].isupper() and bullet[1].islower():
        return bullet[0].lower() + bullet[1:]
    return bullet


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def grounded_cover_letter(
    draft: CoverLetterDraft, resume: Resume, job: Job, *, today: date | None = None
) -> tuple[CoverLetter, list[Revert]]:
    """The letter with every sentence that states an unsupported fact removed, and the list."""
    facts = SourceFacts.of(resume, extra_text=f"{job.title}\n{job.company}")
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
    letter = CoverLetter(
        sender=resume.basics.model_copy(deep=True),
        date=(today or date.today()).strftime("%-d %B %Y"),
        recipient="Hiring Manager",
        company=job.company,
        greeting=_safe_line(draft.greeting, facts, "Dear Hiring Manager,"),
        paragraphs=paragraphs,
        closing=_safe_line(draft.closing, facts, "Sincerely,"),
        name=resume.basics.name,
    )
    return letter, reverts


def _safe_line(text: str, facts: SourceFacts, default: str) -> str:
    text = text.strip()
    return text if text and not unsupported_facts(text, facts) else default
