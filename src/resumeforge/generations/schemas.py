"""Request and response bodies of the generations API."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from resumeforge.resume.schemas import Resume
from resumeforge.resume.text import clean_text

MAX_JOB_DESCRIPTION = 20_000
MAX_PAGES = 2  # the renderer tightens a résumé to fit one or two pages
MAX_CONFIRMED_KEYWORDS = 20
MAX_KEYWORD_CHARACTERS = 60
MAX_KEYWORD_WORDS = 6
MAX_REJECTED_CHANGES = 200
# A skill's name: letters and digits in any script, and the marks names use ("C++", "C#",
# "CI/CD", "Node.js", "R&D", "Power BI (DAX)", "Pro-Tools").
_KEYWORD_CHARACTERS = re.compile(r"^[\w +#./&'()-]+$")


def clean_confirmed_keywords(terms: list[str]) -> list[str]:
    """Each term trimmed and spaced once, empties and repeats (in any letter case) dropped.

    A term is a skill, tool or qualification, not a sentence: past the word or character
    limit, or with characters no such name uses, the request is refused.
    """
    cleaned: dict[str, str] = {}
    for term in terms:
        text = " ".join(unicodedata.normalize("NFKC", clean_text(term)).split()).strip(" ,;:.")
        if not text:
            continue
        if len(text) > MAX_KEYWORD_CHARACTERS or len(text.split()) > MAX_KEYWORD_WORDS:
            raise ValueError(
                f"{text[:40]!r}… is too long for a keyword: at most {MAX_KEYWORD_WORDS} words "
                f"and {MAX_KEYWORD_CHARACTERS} characters"
            )
        if not _KEYWORD_CHARACTERS.match(text) or text.isdigit():
            raise ValueError(f"{text!r} is not a skill or qualification name")
        cleaned.setdefault(text.casefold(), text)
    return list(cleaned.values())


ConfirmedKeywords = Annotated[
    list[Annotated[str, Field(max_length=200)]],
    Field(max_length=MAX_CONFIRMED_KEYWORDS),
    AfterValidator(clean_confirmed_keywords),
]


class GenerationKind(StrEnum):
    resume = "resume"
    cover_letter = "cover_letter"
    both = "both"


class GenerationStatus(StrEnum):
    queued = "queued"
    parsing = "parsing"
    analyzing = "analyzing"
    writing = "writing"
    rendering = "rendering"
    succeeded = "succeeded"
    failed = "failed"

    @property
    def is_terminal(self) -> bool:
        return self in {GenerationStatus.succeeded, GenerationStatus.failed}


class Paper(StrEnum):
    letter = "letter"
    a4 = "a4"


class GenerationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_id: uuid.UUID | None = None
    resume: Resume | None = None
    job_description: str = Field(min_length=1, max_length=MAX_JOB_DESCRIPTION)
    kind: GenerationKind = GenerationKind.resume
    template: str = Field("classic", max_length=32)
    paper: Paper = Paper.letter
    provider: str | None = Field(None, max_length=32)
    max_pages: int | None = Field(
        None,
        ge=1,
        le=MAX_PAGES,
        description="the PDF's page limit; default: as many pages as the original PDF (1 or 2)",
    )
    # Terms the user states are true of them ("I have this"): they join the skills as theirs.
    confirmed_keywords: ConfirmedKeywords = Field(default_factory=list)

    @field_validator("job_description", mode="after")
    @classmethod
    def _storable(cls, value: str) -> str:
        return clean_text(value)

    @model_validator(mode="after")
    def _one_source(self) -> GenerationCreate:
        if (self.document_id is None) == (self.resume is None):
            raise ValueError("give exactly one of document_id or resume")
        if not self.job_description.strip():
            raise ValueError("job_description is blank")
        return self


class GenerationFileOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    media_type: str
    size: int
    sha256: str
    url: str = ""


class GenerationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    status: GenerationStatus
    kind: GenerationKind
    template: str
    paper: Paper
    provider: str
    cost: int
    error: str | None
    job_title: str
    company: str
    document_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    deadline_at: datetime
    max_pages: int | None = None
    files: list[GenerationFileOut] = []
    report: dict[str, Any] | None = None
    revisions: list[RevisionOut] = []


class RevisionCreate(BaseModel):
    """A free re-render of a finished generation: its changes less `reject`."""

    model_config = ConfigDict(extra="forbid")

    # Ids of the generation's changes to leave out (report.changes[].id); the full choice
    # for this revision, not added to an earlier revision's.
    reject: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=MAX_REJECTED_CHANGES
    )
    # Omitted: the generation's own confirmed keywords; given: the list for this revision.
    confirmed_keywords: ConfirmedKeywords | None = None
    template: str | None = Field(None, max_length=32)


class RevisionStatus(StrEnum):
    queued = "queued"
    rendering = "rendering"
    succeeded = "succeeded"
    failed = "failed"


class RevisionOut(BaseModel):
    number: int
    status: RevisionStatus
    template: str
    reject: list[str]
    confirmed_keywords: list[str]
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    url: str = ""
    files: list[GenerationFileOut] = []
    report: dict[str, Any] | None = None


class GenerationPage(BaseModel):
    items: list[GenerationOut]
    next_cursor: str | None = Field(None, description="pass as `before` for the next page")


GenerationOut.model_rebuild()
