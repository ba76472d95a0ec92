"""Tables: generations, the files they produce, and every paid API call they make."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, deferred, mapped_column

from resumeforge.db.base import Base, created_at_column


class Generation(Base):
    __tablename__ = "generations"
    __table_args__ = (
        UniqueConstraint("user_id", "idempotency_key"),
        Index("ix_generations_user_created", "user_id", "created_at"),
        Index(
            "ix_generations_open_deadline", "deadline_at", postgresql_where="finished_at IS NULL"
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    document_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )
    idempotency_key: Mapped[str | None] = mapped_column(String(255))
    # The request first sent with the idempotency key: the key again with another is refused.
    request_sha256: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    template: Mapped[str] = mapped_column(String(32), nullable=False)
    paper: Mapped[str] = mapped_column(String(16), nullable=False)
    provider: Mapped[str] = mapped_column(String(32), nullable=False)
    cost: Mapped[int] = mapped_column(Integer, nullable=False)
    # queued, parsing, analyzing, writing, rendering, succeeded, failed
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="queued")
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    job_description: Mapped[str] = deferred(mapped_column(Text, nullable=False))
    source_resume: Mapped[dict[str, Any]] = deferred(mapped_column(JSONB, nullable=False))
    report: Mapped[dict[str, Any] | None] = deferred(mapped_column(JSONB))
    # What the run decided (edits, job analysis, letter): revisions replay it for free.
    plan: Mapped[dict[str, Any] | None] = deferred(mapped_column(JSONB))
    job_title: Mapped[str] = mapped_column(String(255), nullable=False, server_default="")
    company: Mapped[str] = mapped_column(String(255), nullable=False, server_default="")
    deadline_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The PDF's page limit the user asked for; None means the original's own page count.
    max_pages: Mapped[int | None] = mapped_column(Integer)


class GenerationFile(Base):
    __tablename__ = "generation_files"
    __table_args__ = (UniqueConstraint("generation_id", "revision", "name"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    generation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), nullable=False
    )
    # 0 for the generation's own files, n for those of its revision n.
    revision: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    media_type: Mapped[str] = mapped_column(String(127), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    created_at: Mapped[datetime] = created_at_column()


class GenerationRevision(Base):
    """The same generation rendered again without some changes (free): its choices and files."""

    __tablename__ = "generation_revisions"
    __table_args__ = (UniqueConstraint("generation_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    generation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), nullable=False
    )
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    # queued, rendering, succeeded, failed
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="queued")
    template: Mapped[str] = mapped_column(String(32), nullable=False)
    reject: Mapped[list[str]] = mapped_column(JSONB, nullable=False)
    confirmed_keywords: Mapped[list[str]] = mapped_column(JSONB, nullable=False)
    error: Mapped[str | None] = mapped_column(Text)
    report: Mapped[dict[str, Any] | None] = deferred(mapped_column(JSONB))
    created_at: Mapped[datetime] = created_at_column()
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ApiUsage(Base):
    """One call to a paid model API: who caused it, what it cost, how it ended."""

    __tablename__ = "api_usage"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    generation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("generations.id", ondelete="SET NULL"), index=True
    )
    provider: Mapped[str] = mapped_column(String(32), nullable=False)
    model: Mapped[str] = mapped_column(String(128), nullable=False)
    prompt_tokens: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    output_tokens: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    latency_ms: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    cost_usd: Mapped[Decimal] = mapped_column(Numeric(12, 6), nullable=False, server_default="0")
    outcome: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[datetime] = created_at_column()
