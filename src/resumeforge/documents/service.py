"""Uploaded résumés: checked and parsed on the way in, kept with their parse, owner-only."""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from resumeforge.config import Settings
from resumeforge.documents.models import Document
from resumeforge.documents.parsing import parse_document_async
from resumeforge.documents.parsing.quality import ParseQuality
from resumeforge.documents.parsing.sniff import MediaType
from resumeforge.errors import NotFound, TooManyRequests
from resumeforge.resume.corrections import SizeLimits, corrected_resume
from resumeforge.resume.schemas import Resume


class DocumentNotFound(NotFound):
    slug, title = "document-not-found", "Document not found"


class TooManyParses(TooManyRequests):
    slug, title = "too-many-parses", "Too many uploads in progress"


# Uploads in parsing now, per account, in this process: one account cannot hold the whole
# parser pool while everyone else's upload waits behind it.
_parsing: Counter[uuid.UUID] = Counter()


@contextlib.contextmanager
def parse_slot(user_id: uuid.UUID, *, limit: int) -> Iterator[None]:
    """Hold one of the account's parse slots; raise TooManyParses when none is free."""
    if _parsing[user_id] >= limit:
        raise TooManyParses(
            f"You have {limit} uploads being read already; send the next when one is done.",
            retry_after=2,
        )
    _parsing[user_id] += 1
    try:
        yield
    finally:
        _parsing[user_id] -= 1
        if _parsing[user_id] <= 0:
            del _parsing[user_id]


@dataclass(frozen=True)
class StoredDocument:
    document: Document
    resume: Resume
    warnings: list[str]
    quality: ParseQuality


async def store_upload(
    *,
    session: AsyncSession,
    settings: Settings,
    user_id: uuid.UUID,
    filename: str,
    data: bytes,
) -> StoredDocument:
    """Parse the file (off the event loop, under the parser's limits) and keep both."""
    with parse_slot(user_id, limit=settings.max_concurrent_parses_per_user):
        parsed = await parse_document_async(data, filename=filename, settings=settings)
    document = Document(
        user_id=user_id,
        filename=safe_filename(filename),
        media_type=parsed.media_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        pages=parsed.pages,
        extraction=list(parsed.extraction),
        content=data,
        resume=parsed.resume.model_dump(mode="json"),
        quality=parsed.quality.model_dump(mode="json"),
    )
    session.add(document)
    await session.commit()
    return StoredDocument(
        document=document,
        resume=parsed.resume,
        warnings=list(parsed.warnings),
        quality=parsed.quality,
    )


def quality_of(document: Document) -> ParseQuality | None:
    """The stored quality report; None for a document parsed before reports were kept."""
    return ParseQuality.model_validate(document.quality) if document.quality else None


async def list_documents(*, session: AsyncSession, user_id: uuid.UUID) -> list[Document]:
    rows = await session.scalars(
        select(Document).where(Document.user_id == user_id).order_by(Document.created_at.desc())
    )
    return list(rows)


async def get_document(
    *, session: AsyncSession, user_id: uuid.UUID, document_id: uuid.UUID
) -> Document:
    """The user's document with its parse; another user's is as absent as a missing one."""
    document = await session.scalar(
        select(Document)
        .options(undefer(Document.resume), undefer(Document.corrected_resume))
        .where(Document.id == document_id, Document.user_id == user_id)
    )
    if document is None:
        raise DocumentNotFound(f"No document {document_id}.")
    return document


async def get_resume(
    *, session: AsyncSession, user_id: uuid.UUID, document_id: uuid.UUID
) -> Resume:
    """The résumé generations use: the user's correction when there is one, else the parse."""
    document = await get_document(session=session, user_id=user_id, document_id=document_id)
    return current_resume(document)


def current_resume(document: Document) -> Resume:
    return _with_page_count(
        Resume.model_validate(document.corrected_resume or document.resume), document
    )


def parsed_resume(document: Document) -> Resume:
    return _with_page_count(Resume.model_validate(document.resume), document)


def _with_page_count(resume: Resume, document: Document) -> Resume:
    # Parses stored before `meta.pages` existed still know the PDF's pages in their row.
    if not resume.meta.pages and document.media_type == MediaType.pdf.value:
        resume.meta.pages = document.pages
    return resume


async def correct_resume(
    *,
    session: AsyncSession,
    settings: Settings,
    user_id: uuid.UUID,
    document_id: uuid.UUID,
    correction: Resume,
    sent: Any,
) -> Document:
    """Keep the user's corrected résumé beside the parse; the same as the parse restores it."""
    document = await get_document(session=session, user_id=user_id, document_id=document_id)
    original = parsed_resume(document)
    resume = corrected_resume(
        correction,
        sent=sent,
        original=original,
        limits=SizeLimits(settings.max_resume_characters, settings.max_resume_items),
    )
    if resume.model_dump(exclude={"meta"}) == original.model_dump(exclude={"meta"}) and (
        resume.meta.sections == original.meta.sections
    ):
        return await _forget_correction(session, document)
    document.corrected_resume = resume.model_dump(mode="json")
    document.edited_at = datetime.now(UTC)
    await session.commit()
    return document


async def restore_parse(
    *, session: AsyncSession, user_id: uuid.UUID, document_id: uuid.UUID
) -> Document:
    """Drop the user's correction: generations use the original parse again."""
    document = await get_document(session=session, user_id=user_id, document_id=document_id)
    return await _forget_correction(session, document)


async def _forget_correction(session: AsyncSession, document: Document) -> Document:
    document.corrected_resume = None
    document.edited_at = None
    await session.commit()
    return document


async def delete_document(
    *, session: AsyncSession, user_id: uuid.UUID, document_id: uuid.UUID
) -> None:
    """Remove the original bytes and the parse."""
    deleted = await session.scalar(
        delete(Document)
        .where(Document.id == document_id, Document.user_id == user_id)
        .returning(Document.id)
    )
    if deleted is None:
        raise DocumentNotFound(f"No document {document_id}.")
    await session.commit()


def safe_filename(filename: str) -> str:
    """The name's last path part, printable and at most 255 characters."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return (name or "upload")[:255]


async def documents_with_content(*, session: AsyncSession, user_id: uuid.UUID) -> list[Document]:
    """Every document of the user with its bytes and parse: for the account's export."""
    rows = await session.scalars(
        select(Document)
        .options(
            undefer(Document.content),
            undefer(Document.resume),
            undefer(Document.corrected_resume),
        )
        .where(Document.user_id == user_id)
        .order_by(Document.created_at)
    )
    return list(rows)
