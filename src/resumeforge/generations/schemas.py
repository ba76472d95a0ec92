"""Request and response bodies of the generations API."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from resumeforge.resume.schemas import Resume
from resumeforge.resume.text import clean_text

MAX_JOB_DESCRIPTION = 20_000
MAX_PAGES = 2  # the renderer tightens a résumé to fit one or two pages


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


class GenerationPage(BaseModel):
    items: list[GenerationOut]
    next_cursor: str | None = Field(None, description="pass as `before` for the next page")
