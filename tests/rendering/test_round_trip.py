"""Round trip: parse a résumé, render it, parse the render; the facts must survive.

Measured over the shared corpus for every template and both formats, field by field: name,
email, phone, section headings, employers, titles, dates, institutions. The figure is printed
(run with -s to see it) and must be at least 99%.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from resumeforge.documents.parsing import parse_document
from resumeforge.errors import ProblemError
from resumeforge.rendering.layout import print_resume
from resumeforge.rendering.service import TEMPLATES, render_resume_docx, render_resume_pdf
from resumeforge.resume.schemas import Resume
from tests.corpus import corpus_resumes
from tests.rendering.conftest import two_page_resume

REQUIRED_SHARE = 0.99
Renderer = Callable[..., bytes]
FORMATS: dict[str, tuple[str, Renderer]] = {
    "pdf": (
        "resume.pdf",
        lambda resume, template: render_resume_pdf(resume, template=template).content,
    ),
    "docx": (
        "resume.docx",
        lambda resume, template: render_resume_docx(resume, template=template).content,
    ),
}
PRESENT = {"present", "current", "now", "today", "ongoing"}


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w@.+#]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def normal_date(text: str) -> str:
    return "present" if normal(text) in PRESENT else normal(text)


def facts(resume: Resume, *, printed_headings: bool = False) -> dict[str, list[str]]:
    """The facts a round trip must keep, normalised; empty values are not facts."""
    headings = (
        [section.heading for section in print_resume(resume).sections]
        if printed_headings
        else [section.heading for section in resume.meta.sections]
    )
    found = {
        "name": [normal(resume.basics.name)],
        "email": [normal(resume.basics.email)],
        "phone": [re.sub(r"\D", "", resume.basics.phone)],
        "headings": [normal(h) for h in headings],
        "employers": [normal(job.name) for job in resume.work],
        "titles": [normal(job.position) for job in resume.work],
        "dates": [normal_date(d) for job in resume.work for d in (job.startDate, job.endDate)]
        + [
            normal_date(d)
            for school in resume.education
            for d in (school.startDate, school.endDate)
        ],
        "institutions": [normal(school.institution) for school in resume.education],
    }
    return {name: [value for value in values if value] for name, values in found.items()}


@dataclass
class Tally:
    kept: Counter[str] = field(default_factory=Counter)
    expected: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, label: str, source: Resume, round_tripped: Resume) -> None:
        before = facts(source, printed_headings=True)
        after = facts(round_tripped)
        for name, values in before.items():
            remaining = Counter(after[name])
            for value in values:
                self.expected[name] += 1
                if remaining[value] > 0:
                    remaining[value] -= 1
                    self.kept[name] += 1
                else:
                    self.misses.append(f"{label}: {name} {value!r}")

    def add_failure(self, label: str, source: Resume, error: Exception) -> None:
        """The parser could not read our output back: every fact of it is lost."""
        for name, values in facts(source, printed_headings=True).items():
            self.expected[name] += len(values)
        self.misses.append(f"{label}: the parser failed ({error})")

    def share(self) -> float:
        total = sum(self.expected.values())
        return sum(self.kept.values()) / total if total else 1.0

    def report(self, title: str) -> str:
        lines = [f"{title}: {self.share():.2%} of {sum(self.expected.values())} fields kept"]
        for name in self.expected:
            lines.append(f"  {name:<13} {self.kept[name]:>4} / {self.expected[name]:<4}")
        lines += [f"  miss: {miss}" for miss in self.misses[:40]]
        return "\n".join(lines)


def parse(content: bytes, filename: str) -> Resume:
    return parse_document(content, filename=filename).resume


def round_trip_all(sources: dict[str, Resume]) -> Tally:
    tally = Tally()
    for label, source in sources.items():
        for template in TEMPLATES:
            for format_name, (filename, render) in FORMATS.items():
                rendered = render(source, template)
                where = f"{label} [{template} {format_name}]"
                try:
                    back = parse(rendered, filename)
                except ProblemError as error:
                    tally.add_failure(where, source, error)
                    continue
                tally.add(where, source, back)
    return tally


@pytest.mark.slow
def test_corpus_round_trip_keeps_99_percent_of_facts() -> None:
    sources = {path.name: parse(path.read_bytes(), path.name) for path in corpus_resumes()}
    tally = round_trip_all(sources)
    print("\n" + tally.report("corpus round trip (every template, PDF and DOCX)"))
    assert tally.share() >= REQUIRED_SHARE, tally.report("round trip")


def test_fixture_round_trip_keeps_99_percent_of_facts() -> None:
    tally = round_trip_all({"fixture": two_page_resume()})
    print("\n" + tally.report("fixture round trip"))
    assert tally.share() >= REQUIRED_SHARE, tally.report("round trip")


def test_round_trip_scoring_counts_a_lost_employer() -> None:
    source = two_page_resume()
    damaged = source.model_copy(deep=True)
    damaged.work[0].name = "Somewhere Else"
    tally = Tally()
    tally.add("damaged", source, damaged)
    assert tally.misses == ["damaged: employers 'tidewater logistics'"]
