"""Response bodies of the tokens API."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class LedgerEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    amount: int
    reason: str
    reference: str
    created_at: datetime


class TokensOut(BaseModel):
    balance: int
    entries: list[LedgerEntryOut]
    next_cursor: int | None = None
