"""HTTP for documents: upload, list, read, correct, delete. Owner-only."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, UploadFile, status

from resumeforge.accounts.dependencies import CurrentUser, CurrentUserId, SessionDep, SettingsDep
from resumeforge.documents import service
from resumeforge.documents.errors import FileTooLarge
from resumeforge.documents.models import Document
from resumeforge.documents.schemas import DocumentOut, DocumentPage, DocumentWithResume
from resumeforge.resume.schemas import Resume

router = APIRouter(prefix="/api/v1/documents", tags=["documents"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=DocumentWithResume)
async def upload(
    file: UploadFile, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> DocumentWithResume:
    """Upload a résumé (PDF, DOCX, text or Markdown) in the multipart field `file`."""
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise FileTooLarge(f"The file is larger than {settings.max_upload_bytes} bytes.")
    stored = await service.store_upload(
        session=session,
        settings=settings,
        user_id=user.id,
        filename=file.filename or "upload",
        data=data,
    )
    return DocumentWithResume(
        **DocumentOut.model_validate(stored.document).model_dump(),
        resume=stored.resume,
        parsed_resume=stored.resume,
        warnings=stored.warnings,
        quality=stored.quality,
    )


@router.get("", response_model=DocumentPage)
async def list_documents(user_id: CurrentUserId, session: SessionDep) -> DocumentPage:
    documents = await service.list_documents(session=session, user_id=user_id)
    return DocumentPage(items=[DocumentOut.model_validate(d) for d in documents])


@router.get("/{document_id}", response_model=DocumentWithResume)
async def get_document(
    document_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> DocumentWithResume:
    document = await service.get_document(session=session, user_id=user_id, document_id=document_id)
    return with_resumes(document)


@router.put("/{document_id}/resume", response_model=DocumentWithResume)
async def correct_resume(
    document_id: uuid.UUID,
    resume: Resume,
    request: Request,
    user_id: CurrentUserId,
    session: SessionDep,
    settings: SettingsDep,
) -> DocumentWithResume:
    """Replace the parsed résumé with the user's correction; the parse is kept beside it.

    Sending the parse back unchanged restores it, as DELETE does.
    """
    document = await service.correct_resume(
        session=session,
        settings=settings,
        user_id=user_id,
        document_id=document_id,
        correction=resume,
        sent=await request.json(),
    )
    return with_resumes(document)


@router.delete("/{document_id}/resume", response_model=DocumentWithResume)
async def restore_parse(
    document_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> DocumentWithResume:
    """Forget the correction: generations use the original parse again."""
    document = await service.restore_parse(
        session=session, user_id=user_id, document_id=document_id
    )
    return with_resumes(document)


def with_resumes(document: Document) -> DocumentWithResume:
    quality = service.quality_of(document)
    return DocumentWithResume(
        **DocumentOut.model_validate(document).model_dump(),
        resume=service.current_resume(document),
        parsed_resume=service.parsed_resume(document),
        warnings=[warning.message for warning in quality.warnings] if quality else [],
        quality=quality,
    )


@router.delete("/{document_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_document(
    document_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> Response:
    await service.delete_document(session=session, user_id=user_id, document_id=document_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
