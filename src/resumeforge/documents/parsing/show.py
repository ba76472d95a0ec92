"""A parsed résumé printed for people (the `resumeforge parse` command without --json)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from resumeforge.documents.parsing.service import ParsedDocument


def _dates(start: str, end: str) -> str:
    return f"{start} – {end}" if start and end else start or end


def print_parsed(parsed: ParsedDocument, console: Console | None = None) -> None:
    console = console or Console()
    resume = parsed.resume
    basics = resume.basics
    console.print(f"[bold]{basics.name or '(no name found)'}[/bold]  {basics.label}")
    contact = " · ".join(part for part in (basics.email, basics.phone, basics.url) if part)
    console.print(contact)
    readers = " → ".join(parsed.extraction)
    console.print(f"[dim]{parsed.media_type}, {parsed.pages} page(s), read with {readers}[/dim]")
    quality = parsed.quality
    console.print(
        f"[dim]{quality.lines_read} line(s) read, {quality.lines_placed} placed in fields, "
        f"{len(quality.lines_not_placed)} kept as written, {len(quality.furniture)} page "
        f"furniture, language: {quality.language or 'unknown'}[/dim]"
    )
    for warning in parsed.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    for line in quality.lines_not_placed:
        console.print(f"[dim]not placed:[/dim] {escape(line)}")
    for line in quality.hidden_text:
        console.print(f"[dim]hidden, left out:[/dim] {escape(line)}")
    sections = Table("heading", "kind", "items", title="Sections")
    for section in resume.meta.sections:
        count = "" if section.items is None else str(len(section.items))
        sections.add_row(section.heading, section.kind.value, count)
    console.print(sections)
    if resume.work:
        work = Table("position", "employer", "dates", title="Work")
        for job in resume.work:
            work.add_row(job.position, job.name, _dates(job.startDate, job.endDate))
        console.print(work)
    if resume.education:
        schools = Table("institution", "degree", "dates", title="Education")
        for school in resume.education:
            degree = f"{school.studyType} {school.area}".strip()
            schools.add_row(school.institution, degree, _dates(school.startDate, school.endDate))
        console.print(schools)
    if resume.skills:
        skills = Table("group", "skills", title="Skills")
        for skill in resume.skills:
            skills.add_row(skill.name, ", ".join(skill.keywords))
        console.print(skills)
