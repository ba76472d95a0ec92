"""Cover letters written from the résumé and the job, grounded like the résumé itself.

The model (or the offline engine) drafts the greeting, body and closing; every sentence is
checked against the résumé (plus the job's title and company as the ad prints them) and
dropped if it states a fact the résumé does not. Then the letter check runs: a model letter
that fails it is repaired once, and if it still fails the offline letter is sent instead.
Sender details, the date and the signature come from code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.keywords import sentences
from resumeforge.ai.letter_check import LetterProblem, letter_problems
from resumeforge.ai.matching import resume_text
from resumeforge.ai.offline_letter import (
    PARAGRAPHS,
    LetterLength,
    LetterTone,
    as_signature,
    draft_cover_letter_offline,
    letter_facts,
    letter_language,
    letter_phrases,
)
from resumeforge.ai.prompts import as_data, render_prompt
from resumeforge.ai.providers.base import (
    Provider,
    StructuredRequest,
    Task,
    TaskInputs,
    UsageCallback,
)
from resumeforge.ai.schemas import CoverLetterDraft, Revert
from resumeforge.resume.schemas import CoverLetter, Job, Resume

__all__ = ["draft_cover_letter_offline", "grounded_cover_letter", "letter_facts"]


def cover_letter_request(
    resume: Resume, job: Job, job_text: str, *, length: str, tone: str
) -> StructuredRequest[CoverLetterDraft]:
    size = LetterLength(length)
    prompt = render_prompt(
        "cover_letter",
        length=size.value,
        paragraphs=str(PARAGRAPHS[size]),
        tone=LetterTone(tone).value,
        language=letter_language(job),
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
    phrases = letter_phrases()[letter_language(job)]
    letter = CoverLetter(
        sender=resume.basics.model_copy(deep=True),
        date=(today or date.today()).strftime("%-d %B %Y"),
        recipient="Hiring Manager" if letter_language(job) == "en" else "",
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
