"""Response bodies of the documents API."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from resumeforge.documents.parsing.quality import ParseQuality
from resumeforge.resume.schemas import Resume


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str
    media_type: str
    size: int
    sha256: str
    pages: int
    extraction: list[str]
    created_at: datetime
    edited: bool = Field(False, description="the user has corrected the parsed résumé")
    edited_at: datetime | None = None


class DocumentWithResume(DocumentOut):
    resume: Resume = Field(description="what generations use: the correction, else the parse")
    parsed_resume: Resume | None = Field(None, description="the original parse, kept as read")
    warnings: list[str] = []  # the quality report's warnings, as sentences
    # Lines read and placed, the lines kept as written, furniture, hidden text, warnings.
    quality: ParseQuality | None = None


class DocumentPage(BaseModel):
    items: list[DocumentOut]
