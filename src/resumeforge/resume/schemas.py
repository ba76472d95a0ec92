"""The one data model every stage speaks: a JSON Resume document, a job, a cover letter.

Field names follow JSON Resume (https://jsonresume.org/schema) so a parsed résumé can be
exported as-is; `meta` adds what the pipeline needs on top: the sections as printed, in
order, and where each item came from in the extracted text (the grounding check uses it).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from resumeforge.resume.text import clean_text


class Model(BaseModel):
    """Base for every résumé model: unknown keys are dropped, missing lists are empty, and
    text that could not be stored (NUL, lone surrogates) is cleaned on the way in."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    @field_validator("*", mode="before")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        # Field by field, so each string is looked at once however deep it sits: a nested
        # model cleans its own fields.
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, list):
            return [clean_text(item) if isinstance(item, str) else item for item in value]
        if isinstance(value, dict):  # meta.sources: its keys are text too
            return {clean_text(k) if isinstance(k, str) else k: v for k, v in value.items()}
        return value


class SectionKind(StrEnum):
    summary = "summary"
    work = "work"
    education = "education"
    skills = "skills"
    projects = "projects"
    certificates = "certificates"
    awards = "awards"
    languages = "languages"
    publications = "publications"
    volunteer = "volunteer"
    interests = "interests"
    references = "references"
    other = "other"


class SourceSpan(Model):
    """Character offsets [start, end) into `Meta.source_text`."""

    start: int
    end: int


class Section(Model):
    """A section as printed in the source document."""

    heading: str
    kind: SectionKind = SectionKind.other
    # The section's body as extracted; the only content of an `other` section.
    text: str = ""
    # Indices into the list of this kind (e.g. `work`) that this section holds, in order;
    # None means all of them (the common case of one section per kind).
    items: list[int] | None = None
    span: SourceSpan | None = None


class UserStatement(Model):
    """Something the user stated about themselves, beyond what their document says."""

    text: str
    kind: str = "confirmed_keyword"  # or "correction"


class Meta(Model):
    sections: list[Section] = Field(default_factory=list)
    # The plain text the résumé was parsed from; facts in a tailored résumé must appear here.
    source_text: str = ""
    # Where each item came from: keys are paths such as "work[0]" or "basics.email".
    sources: dict[str, SourceSpan] = Field(default_factory=dict)
    # How the text was obtained: "pdf", "docx", "text", "ocr", "pdfco"...
    extraction: list[str] = Field(default_factory=list)
    # The language the résumé is written in, ISO 639-1 ("en", "de"...); "" until detected.
    # The renderer prints the words it adds itself (months, "Present", headings) in it.
    language: str = Field("", max_length=8)
    # Pages of the original PDF, 0 when unknown: a tailored résumé fits in as many by default.
    pages: int = Field(0, ge=0)
    # Who stated the text at a path ("work[0].position") when the document did not: "user"
    # for what the user wrote in a correction. Grounding takes it as source, marked as theirs.
    provenance: dict[str, str] = Field(default_factory=dict)
    # The user's own statements: a source for grounding like `source_text`, marked as theirs.
    user_statements: list[UserStatement] = Field(default_factory=list)


class Location(Model):
    address: str = ""
    postalCode: str = ""
    city: str = ""
    countryCode: str = ""
    region: str = ""


class Profile(Model):
    network: str = ""
    username: str = ""
    url: str = ""


class Basics(Model):
    name: str = ""
    label: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    summary: str = ""
    location: Location = Field(default_factory=Location)
    profiles: list[Profile] = Field(default_factory=list)


class Work(Model):
    name: str = ""  # the employer
    position: str = ""
    location: str = ""
    url: str = ""
    startDate: str = ""  # YYYY or YYYY-MM
    endDate: str = ""  # YYYY, YYYY-MM, "Present" or empty
    summary: str = ""
    highlights: list[str] = Field(default_factory=list)


class Volunteer(Model):
    organization: str = ""
    position: str = ""
    url: str = ""
    startDate: str = ""
    endDate: str = ""
    summary: str = ""
    highlights: list[str] = Field(default_factory=list)


class Education(Model):
    institution: str = ""
    url: str = ""
    area: str = ""
    studyType: str = ""
    location: str = ""
    startDate: str = ""
    endDate: str = ""
    score: str = ""
    courses: list[str] = Field(default_factory=list)


class Award(Model):
    title: str = ""
    date: str = ""
    awarder: str = ""
    summary: str = ""


class Certificate(Model):
    name: str = ""
    date: str = ""
    issuer: str = ""
    url: str = ""


class Publication(Model):
    name: str = ""
    publisher: str = ""
    releaseDate: str = ""
    url: str = ""
    summary: str = ""


class Skill(Model):
    name: str = ""
    level: str = ""
    keywords: list[str] = Field(default_factory=list)


class Language(Model):
    language: str = ""
    fluency: str = ""


class Interest(Model):
    name: str = ""
    keywords: list[str] = Field(default_factory=list)


class Reference(Model):
    name: str = ""
    reference: str = ""


class Project(Model):
    name: str = ""
    description: str = ""
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    startDate: str = ""
    endDate: str = ""
    url: str = ""
    roles: list[str] = Field(default_factory=list)
    entity: str = ""
    type: str = ""


class Resume(Model):
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)


class Job(Model):
    """A job description, after JSON Resume's job schema (skills as plain names)."""

    title: str = ""
    company: str = ""
    location: str = ""
    description: str = ""
    skills: list[str] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    qualifications: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    # The screening terms split by how the ad asks for them: `must_have` are required or
    # central, `nice_to_have` are called desirable; `keywords` is both, must-haves first.
    must_have: list[str] = Field(default_factory=list)
    nice_to_have: list[str] = Field(default_factory=list)
    language: str = ""  # ISO 639-1 code of the ad's language ("en", "de", ...), "" if unknown


class CoverLetter(Model):
    """A cover letter; the sender's contact block comes from the résumé's basics."""

    sender: Basics = Field(default_factory=Basics)
    date: str = ""  # as printed, e.g. "26 November 2026"
    recipient: str = ""  # e.g. "Hiring Manager"
    company: str = ""
    company_address: str = ""
    greeting: str = ""  # e.g. "Dear Hiring Manager,"
    paragraphs: list[str] = Field(default_factory=list)
    closing: str = ""  # e.g. "Sincerely,"
    name: str = ""
