"""Tables: uploaded documents, their original bytes and their parse."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, deferred, mapped_column

from resumeforge.db.base import Base, created_at_column


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    media_type: Mapped[str] = mapped_column(String(127), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    extraction: Mapped[list[str]] = mapped_column(ARRAY(String), nullable=False, default=list)
    # Kept in PostgreSQL so that any replica or worker can read it, with no shared disk.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    resume: Mapped[dict[str, Any]] = deferred(mapped_column(JSONB, nullable=False))
    # The parse's quality report (documents.parsing.quality.ParseQuality); NULL before 0003.
    quality: Mapped[dict[str, Any] | None] = mapped_column(JSONB, nullable=True)
    created_at: Mapped[datetime] = created_at_column()
    # The résumé as the user corrected it; `resume` stays the original parse beside it.
    corrected_resume: Mapped[dict[str, Any] | None] = deferred(mapped_column(JSONB))
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def edited(self) -> bool:
        return self.edited_at is not None
