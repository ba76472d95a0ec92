"""Response bodies of the documents API."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

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


class DocumentWithResume(DocumentOut):
    resume: Resume
    warnings: list[str] = []


class DocumentPage(BaseModel):
    items: list[DocumentOut]
