"""The report that goes with a tailored résumé: coverage before and after, changes, reverts,
usage, and a summary of it all in plain words. Everything in it is computed by code from the
inputs and outputs."""

from __future__ import annotations

from dataclasses import dataclass, field

from resumeforge.ai.keywords import mentions, normalise
from resumeforge.ai.matching import Coverage, coverage, resume_coverage
from resumeforge.ai.providers.base import Usage
from resumeforge.ai.schemas import Change, RejectedEdit, Revert, TailoringReport, UsageRecord
from resumeforge.ai.tailoring import confirmed_keywords, section_names
from resumeforge.resume.schemas import Job, Resume, SectionKind

# What a recruiter reads in the first seconds: the summary, the first skills line (about as
# many skills as a printed line holds) and the first job's title and first bullets.
FIRST_LINE_SKILLS = 12
FIRST_JOB_BULLETS = 3
MISSING_IN_SUMMARY = 6


def usage_record(usage: Usage) -> UsageRecord:
    return UsageRecord(
        provider=usage.provider,
        model=usage.model,
        task=usage.task,
        prompt_tokens=usage.prompt_tokens,
        output_tokens=usage.output_tokens,
        latency_ms=usage.latency_ms,
        cost_usd=float(usage.cost_usd),
        outcome=usage.outcome,
    )


def first_read_text(resume: Resume) -> str:
    """The summary, the first skills line and the first job: what gets read first."""
    parts = [resume.basics.label, resume.basics.summary, *first_skills_line(resume)]
    if resume.work:
        job = resume.work[0]
        parts += [job.position, job.summary, *job.highlights[:FIRST_JOB_BULLETS]]
    return "\n".join(part for part in parts if part)


def first_skills_line(resume: Resume) -> list[str]:
    """The skills printed first: the first group of the first skills section."""
    printed = [s for s in resume.meta.sections if s.kind is SectionKind.skills]
    indices = printed[0].items if printed and printed[0].items is not None else None
    first = indices[0] if indices else 0
    if not 0 <= first < len(resume.skills):
        return []
    group = resume.skills[first]
    return [group.name, *group.keywords[:FIRST_LINE_SKILLS]]


@dataclass
class ReportInputs:
    """Everything a report is made from."""

    source: Resume
    tailored: Resume
    job: Job
    keywords: list[str]
    provider: str
    model: str
    changes: list[Change]
    rejected: list[RejectedEdit] = field(default_factory=list)
    reverted: list[Revert] = field(default_factory=list)
    usage: list[Usage] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)
    revision: int = 0


def build_report(inputs: ReportInputs) -> TailoringReport:
    keywords, source, tailored = inputs.keywords, inputs.source, inputs.tailored
    after = resume_coverage(keywords, tailored)
    report = TailoringReport(
        provider=inputs.provider,
        model=inputs.model,
        job_title=inputs.job.title,
        company=inputs.job.company,
        keywords=keywords,
        coverage_before=resume_coverage(keywords, source),
        coverage_after=after,
        prominent_coverage_before=coverage(keywords, first_read_text(source)),
        prominent_coverage_after=coverage(keywords, first_read_text(tailored)),
        changes=inputs.changes,
        rejected_edits=inputs.rejected,
        reverted=inputs.reverted,
        sections_before=section_names(source),
        sections_after=section_names(tailored),
        usage=[usage_record(record) for record in inputs.usage],
        missing_keywords=must_haves_first(after.missing, inputs.job),
        confirmed_keywords=confirmed_keywords(source),
        undone=inputs.undone,
        revision=inputs.revision,
    )
    report.summary = plain_summary(report)
    return report


def must_haves_first(missing: list[str], job: Job) -> list[str]:
    """`missing`, the terms the ad requires before the ones it only mentions."""

    def required(keyword: str) -> bool:
        return any(normalise(term) == keyword or mentions(term, keyword) for term in job.must_have)

    return sorted(missing, key=lambda keyword: not required(keyword))


def plain_summary(report: TailoringReport) -> str:
    """A few sentences a job seeker reads instead of the fields below them."""
    parts = [
        _what_changed(report),
        _match(report),
        _missing(report),
        _confirmed(report),
        _undone(report),
        _reverted(report),
    ]
    return joined_sentences(parts)


def joined_sentences(parts: list[str]) -> str:
    """`parts` as one paragraph: each ends with a full stop (unless it ends with its own
    punctuation), one space between them, no line break or run of spaces left inside."""
    sentences = [_one_line(part) for part in parts]
    ended = [s if s[-1] in ".!?" else f"{s}." for s in sentences if s]
    return " ".join(ended)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _role(report: TailoringReport) -> str:
    # The job's title and company come from the ad, where a name may run onto the next line.
    title, company = _one_line(report.job_title), _one_line(report.company).rstrip(".,;:")
    role = f"the {title} role" if title else "this job"
    return f"{role} at {company}" if company else role


def _what_changed(report: TailoringReport) -> str:
    engine = [c for c in report.changes if c.source == "engine"]
    if not engine:
        return f"We changed nothing for {_role(report)}: your résumé's order already suits it."
    kinds = [c.kind for c in engine]
    actions = []
    if "summary" in kinds:
        actions.append("reworked your summary")
    if "summary_order" in kinds:
        actions.append("put the sentences of your summary about it first")
    if kinds.count("rewrite"):
        actions.append(f"reworded {_count(kinds.count('rewrite'), 'line')}")
    if "key_skills" in kinds:
        actions.append("added a key skills line of skills your résumé already names")
    if kinds.count("bullets"):
        actions.append(
            f"put the most relevant bullets first in {_count(kinds.count('bullets'), 'entry')}"
        )
    if {"order", "section_order", "skills"} & set(kinds):
        actions.append("moved the sections, entries and skills that match it higher")
    if kinds.count("drop"):
        actions.append(f"left out {_count(kinds.count('drop'), 'unrelated item')}")
    said = actions[0] if len(actions) == 1 else "; ".join(actions[:-1]) + "; and " + actions[-1]
    honest = "" if {"rewrite", "summary"} & set(kinds) else " Nothing was reworded."
    return f"For {_role(report)}, we {said}, so that what the job asks for is read first.{honest}"


def _match(report: TailoringReport) -> str:
    total = len(report.keywords)
    if not total:
        return "We found no specific skills or terms in the job ad to match against."
    before = len(report.coverage_before.matched)
    after = len(report.coverage_after.matched)
    first_before = len(report.prominent_coverage_before.matched)
    first_after = len(report.prominent_coverage_after.matched)
    if not after:
        return (
            f"Your résumé mentions none of the job's {total} key terms, so reordering it "
            "cannot make it a match: this job asks for experience it does not show."
        )
    whole = (
        f"Your résumé mentions {after} of the job's {total} key terms"
        f" ({_percent(report.coverage_after)})"
    )
    whole += f", up from {before}." if after > before else ", as before."
    whole += _answered(report.coverage_after)
    if first_after > first_before:
        first = (
            f" In what a recruiter reads first (summary, first skills line, first job) it now "
            f"mentions {first_after}, up from {first_before}."
        )
    else:
        first = (
            f" In what a recruiter reads first (summary, first skills line, first job) it "
            f"mentions {first_after}, as before."
        )
    return whole + first


ANSWERED_IN_SUMMARY = 3


def _answered(found: Coverage) -> str:
    """The terms the résumé answers in its own words, said so: a reader looking for "SQL"
    in it would not find the word."""
    pairs = [f"your {theirs} for {term}" for term, theirs in found.answered_by.items()]
    if not pairs:
        return ""
    shown = pairs[:ANSWERED_IN_SUMMARY]
    listed = ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]
    more = len(pairs) - len(shown)
    return f" It counts {listed}" + (f", and {more} more." if more > 0 else ".")


def _missing(report: TailoringReport) -> str:
    missing = report.missing_keywords
    if not missing:
        return "It mentions every key term we found in the ad." if report.keywords else ""
    shown = ", ".join(missing[:MISSING_IN_SUMMARY])
    more = len(missing) - MISSING_IN_SUMMARY
    listed = shown + (f" and {more} more" if more > 0 else "")
    return (
        f"Still missing: {listed}. If any of these is true of you, choose “I have this” "
        "and a free revision adds it to your key skills; if not, do not claim it: show "
        "related experience in your own words instead."
    )


def _confirmed(report: TailoringReport) -> str:
    if not report.confirmed_keywords:
        return ""
    terms = report.confirmed_keywords
    pronoun = "it appears" if len(terms) == 1 else "they appear"
    return (
        f"You told us you have {', '.join(terms)}: {pronoun} in your key skills on your word, "
        "not your document's, and marked as yours in this report."
    )


def _undone(report: TailoringReport) -> str:
    if not report.undone:
        return ""
    count = len(report.undone)
    verb = "was" if count == 1 else "were"
    return f"As you asked, {_count(count, 'change')} {verb} left out of this revision."


def _reverted(report: TailoringReport) -> str:
    reverted = report.reverted
    if not reverted:
        return ""
    values = ", ".join(dict.fromkeys(f"{r.value} ({r.kind})" for r in reverted[:5]))
    edits = len({r.path for r in reverted})
    return (
        f"We undid {_count(edits, 'edit')} the AI proposed because "
        f"{'it' if edits == 1 else 'they'} stated what your résumé does not: {values}."
    )


def _percent(value: Coverage) -> str:
    return f"{round(100 * value.ratio)}%"


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {plural}"
