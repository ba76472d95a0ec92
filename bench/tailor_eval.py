"""Offline tailoring over the whole corpus: every résumé against every job description.

Prints one table, averaged over all pairs: keyword coverage before and after (anywhere in
the résumé's content, not its name, places or contact details, and in what a recruiter reads
first: summary, first skills line, first job), the share of pairs whose first-read coverage
rose, sections preserved, contact details unchanged, invented facts (an independent
re-check of the output against the source: must be 0), schema validity (must be 100%) and
printed pages (no pair may gain one). The "before" columns are the reference: the same
résumé, untailored, scored and rendered in the same process.

    .venv/bin/python bench/tailor_eval.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from resumeforge.ai.degrees import degree_asked
from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.matching import resume_text
from resumeforge.ai.service import tailor_resume
from resumeforge.config import load_settings
from resumeforge.documents.parsing import parse_document
from resumeforge.generations.pipeline import render_tailored_pdf
from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.schemas import Resume

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SETTINGS = load_settings(llm_provider="offline")


@dataclass
class PairResult:
    coverage_before: float
    coverage_after: float
    prominent_before: float
    prominent_after: float
    sections_preserved: bool
    contact_unchanged: bool
    invented_facts: int
    reverted: int
    schema_valid: bool
    seconds: float
    pages_before: int
    pages_after: int
    # Some term the résumé mentions is not in what is read first: reordering can raise it (a
    # degree the education answers cannot: it is no skill, and education is not read first).
    has_room: bool
    # The résumé mentions none of the job's terms: nothing honest can raise its coverage.
    shares_nothing: bool


def corpus_resumes() -> list[Path]:
    folder = CORPUS / "resumes"
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".docx"})


def corpus_jobs() -> list[Path]:
    return sorted((CORPUS / "jobs").glob("*.txt"))


async def evaluate_pair(source: Resume, job_text: str, pages_before: int) -> PairResult:
    started = time.perf_counter()
    result = await tailor_resume(source, job_text, settings=SETTINGS, cover_letter=True)
    seconds = time.perf_counter() - started
    tailored, report = result.resume, result.report
    facts = SourceFacts.of(source)
    invented = unsupported_facts(resume_text(tailored), facts)
    letter = result.cover_letter
    letter_facts = SourceFacts.of(source, extra_text=f"{result.job.title}\n{result.job.company}")
    invented += unsupported_facts("\n".join(letter.paragraphs), letter_facts) if letter else []
    return PairResult(
        coverage_before=report.coverage_before.ratio,
        coverage_after=report.coverage_after.ratio,
        prominent_before=report.prominent_coverage_before.ratio,
        prominent_after=report.prominent_coverage_after.ratio,
        sections_preserved=set(report.sections_before) <= set(report.sections_after),
        contact_unchanged=tailored.basics.model_dump(exclude={"summary"})
        == source.basics.model_dump(exclude={"summary"}),
        invented_facts=len(invented),
        reverted=len(report.reverted) + len(report.cover_letter_reverted),
        schema_valid=_schema_valid(tailored),
        seconds=seconds,
        pages_before=pages_before,
        has_room=any(
            degree_asked(term) < 0
            for term in set(report.coverage_before.matched)
            - set(report.prominent_coverage_before.matched)
        ),
        shares_nothing=not report.coverage_before.matched,
        pages_after=render_tailored_pdf(
            source, tailored, template="classic", paper="letter", fit_pages=None
        ).pages,
    )


def _schema_valid(resume: Resume) -> bool:
    try:
        return Resume.model_validate_json(resume.model_dump_json()) == resume
    except ValueError:
        return False


async def main() -> int:
    resumes, jobs = corpus_resumes(), corpus_jobs()
    results: list[PairResult] = []
    failures: list[str] = []
    for path in resumes:
        try:
            source = parse_document(path.read_bytes(), filename=path.name).resume
        except Exception as error:
            failures.append(f"{path.name}: parse failed ({type(error).__name__})")
            continue
        pages = render_resume_pdf(source).pages
        for job in jobs:
            results.append(await evaluate_pair(source, job.read_text(encoding="utf-8"), pages))
    print_table(results, len(resumes), len(jobs))
    for failure in failures:
        print(failure, file=sys.stderr)
    invented = sum(r.invented_facts for r in results)
    valid = all(r.schema_valid for r in results)
    no_page_added = all(r.pages_after <= r.pages_before for r in results)
    return 0 if results and invented == 0 and valid and no_page_added else 1


def print_table(results: list[PairResult], resume_count: int, job_count: int) -> None:
    def mean(values: list[float]) -> float:
        return statistics.fmean(values) if values else 0.0

    def share(flags: list[bool]) -> str:
        return f"{100 * mean([float(flag) for flag in flags]):.1f}%"

    table = Table(title=f"offline tailoring: {resume_count} résumés x {job_count} jobs")
    table.add_column("measure")
    table.add_column("before (reference)", justify="right")
    table.add_column("after", justify="right")
    table.add_row(
        "JD keyword coverage, whole résumé",
        f"{mean([r.coverage_before for r in results]):.3f}",
        f"{mean([r.coverage_after for r in results]):.3f}",
    )
    table.add_row(
        "JD keyword coverage, read first (summary, skills line, first job)",
        f"{mean([r.prominent_before for r in results]):.3f}",
        f"{mean([r.prominent_after for r in results]):.3f}",
    )
    table.add_row(
        "pairs whose read-first coverage rose",
        "",
        share([r.prominent_after > r.prominent_before for r in results]),
    )
    table.add_row(
        "  pairs sharing no term with the job (nothing can rise)",
        "",
        share([r.shares_nothing for r in results]),
    )
    table.add_row(
        "  pairs whose shared terms are all read first already",
        "",
        share([not r.shares_nothing and not r.has_room for r in results]),
    )
    roomy = [r for r in results if r.has_room]
    table.add_row(
        f"  of the {len(roomy)} pairs with a matched term not read first",
        "",
        share([r.prominent_after > r.prominent_before for r in roomy]),
    )
    table.add_row(
        "pairs whose read-first coverage fell (must be 0%)",
        "",
        share([r.prominent_after < r.prominent_before for r in results]),
    )
    table.add_row(
        "printed pages (mean)",
        f"{mean([r.pages_before for r in results]):.2f}",
        f"{mean([r.pages_after for r in results]):.2f}",
    )
    table.add_row(
        "pairs with a page added (must be 0)",
        "",
        str(sum(r.pages_after > r.pages_before for r in results)),
    )
    table.add_row("sections preserved", "", share([r.sections_preserved for r in results]))
    table.add_row("contact details unchanged", "", share([r.contact_unchanged for r in results]))
    table.add_row(
        "invented facts (total, must be 0)", "", str(sum(r.invented_facts for r in results))
    )
    table.add_row("grounding reverts (total)", "", str(sum(r.reverted for r in results)))
    table.add_row("schema valid (must be 100%)", "", share([r.schema_valid for r in results]))
    table.add_row("pairs", "", str(len(results)))
    table.add_row("ms per pair (mean)", "", f"{1000 * mean([r.seconds for r in results]):.1f}")
    Console().print(table)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
