"""Everything the service holds about a user: exported as one zip, or erased.

The export is `account.json` (the account, documents with their parse, generations with
their job and report, purchases, the token ledger) plus the files themselves. Erasure deletes
the account and, through the foreign keys, its documents, generations, files and sessions; the
ledger rows and purchases stay, detached from the person, as financial records.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts import passwords, service
from resumeforge.accounts.models import User
from resumeforge.accounts.password_reset import WrongPassword
from resumeforge.billing import service as billing
from resumeforge.documents import service as documents
from resumeforge.documents.service import safe_filename
from resumeforge.generations import service as generations

if TYPE_CHECKING:  # the rows other domains' services return, for their types only
    from resumeforge.billing.models import Purchase, TokenLedgerEntry
    from resumeforge.documents.models import Document
    from resumeforge.generations.models import Generation, GenerationFile

# At most this many ledger rows and purchases: far beyond any real account's.
EXPORT_ROWS = 10_000


async def export_account(*, session: AsyncSession, user_id: uuid.UUID) -> bytes:
    """The user's data as a zip: account.json and every original and generated file."""
    user = await service.get_user(session=session, user_id=user_id)
    assert user is not None, "the caller is signed in as this user"
    stored_documents = await documents.documents_with_content(session=session, user_id=user_id)
    stored_generations = await generations.generations_with_files(session=session, user_id=user_id)
    purchases = await billing.list_purchases(session=session, user_id=user_id, limit=EXPORT_ROWS)
    ledger = await billing.ledger_entries(session=session, user_id=user_id, limit=EXPORT_ROWS)
    account: dict[str, Any] = {
        "exported_at": datetime.now(UTC).isoformat(),
        "account": _account(user),
        "documents": [_document(d) for d in stored_documents],
        "generations": [_generation(g, files) for g, files in stored_generations],
        "purchases": [_purchase(p) for p in purchases],
        "token_ledger": [_ledger_entry(e) for e in ledger],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("account.json", json.dumps(account, indent=2, ensure_ascii=False))
        for document in stored_documents:
            archive.writestr(_document_path(document.id, document.filename), document.content)
        for generation, files in stored_generations:
            for file in files:
                archive.writestr(f"generations/{generation.id}/{file.name}", file.content)
    return buffer.getvalue()


async def delete_account(*, session: AsyncSession, user_id: uuid.UUID, password: str) -> None:
    """Erase the account after checking its password; ledger rows and purchases stay, anonymised."""
    user = await service.get_user(session=session, user_id=user_id)
    if user is None or not await passwords.verify_password_off_loop(user.password_hash, password):
        raise WrongPassword("The password is wrong; the account was not deleted.")
    await billing.anonymise_ledger(session=session, user_id=user_id)
    # Documents, generations, their files, sessions and tokens go with the row (ON DELETE
    # CASCADE); purchases stay with their account set to NULL (ON DELETE SET NULL).
    await session.execute(delete(User).where(User.id == user_id))
    await session.commit()


def _document_path(document_id: uuid.UUID, filename: str) -> str:
    return f"documents/{document_id}/{safe_filename(filename)}"


def _account(user: User) -> dict[str, Any]:
    return {
        "id": str(user.id),
        "email": user.email,
        "token_balance": user.token_balance,
        "created_at": user.created_at.isoformat(),
    }


def _document(document: Document) -> dict[str, Any]:
    return {
        "id": str(document.id),
        "filename": document.filename,
        "media_type": document.media_type,
        "size": document.size,
        "sha256": document.sha256,
        "pages": document.pages,
        "created_at": document.created_at.isoformat(),
        "file": _document_path(document.id, document.filename),
        "resume": document.resume,
        "corrected_resume": document.corrected_resume,
    }


def _generation(generation: Generation, files: list[GenerationFile]) -> dict[str, Any]:
    return {
        "id": str(generation.id),
        "status": generation.status,
        "kind": generation.kind,
        "template": generation.template,
        "paper": generation.paper,
        "cost": generation.cost,
        "error": generation.error,
        "job_title": generation.job_title,
        "company": generation.company,
        "job_description": generation.job_description,
        "report": generation.report,
        "created_at": generation.created_at.isoformat(),
        "finished_at": generation.finished_at.isoformat() if generation.finished_at else None,
        "files": [f"generations/{generation.id}/{file.name}" for file in files],
    }


def _purchase(purchase: Purchase) -> dict[str, Any]:
    return {
        "id": str(purchase.id),
        "pack": purchase.pack,
        "tokens": purchase.tokens,
        "amount": purchase.amount,
        "currency": purchase.currency,
        "status": purchase.status,
        "failure_reason": purchase.failure_reason,
        "tokens_reclaimed": purchase.tokens_reclaimed,
        "created_at": purchase.created_at.isoformat(),
        "paid_at": purchase.paid_at.isoformat() if purchase.paid_at else None,
    }


def _ledger_entry(entry: TokenLedgerEntry) -> dict[str, Any]:
    return {
        "amount": entry.amount,
        "reason": entry.reason,
        "reference": entry.reference,
        "created_at": entry.created_at.isoformat(),
    }
