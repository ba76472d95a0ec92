"""HTTP for tokens: the balance and the ledger behind it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from resumeforge.accounts.dependencies import CurrentUserId, SessionDep
from resumeforge.billing import service
from resumeforge.billing.schemas import LedgerEntryOut, TokensOut

router = APIRouter(prefix="/api/v1", tags=["billing"])


@router.get("/tokens", response_model=TokensOut)
async def tokens(
    user_id: CurrentUserId,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    before: Annotated[
        int | None, Query(ge=1, le=2**63 - 1, description="ledger entry id cursor")
    ] = None,
) -> TokensOut:
    """The balance and a page of ledger entries, newest first."""
    entries = await service.ledger_entries(
        session=session, user_id=user_id, limit=limit, before_id=before
    )
    return TokensOut(
        balance=await service.balance_of(session=session, user_id=user_id),
        entries=[LedgerEntryOut.model_validate(e) for e in entries],
        next_cursor=entries[-1].id if len(entries) == limit else None,
    )
