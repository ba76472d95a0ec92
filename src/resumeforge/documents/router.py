"""HTTP for documents: upload, list, read, delete. Owner-only."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, UploadFile, status

from resumeforge.accounts.dependencies import CurrentUser, CurrentUserId, SessionDep, SettingsDep
from resumeforge.documents import service
from resumeforge.documents.errors import FileTooLarge
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
    quality = service.quality_of(document)
    return DocumentWithResume(
        **DocumentOut.model_validate(document).model_dump(),
        resume=Resume.model_validate(document.resume),
        warnings=[warning.message for warning in quality.warnings] if quality else [],
        quality=quality,
    )


@router.delete("/{document_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_document(
    document_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> Response:
    await service.delete_document(session=session, user_id=user_id, document_id=document_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
