"""The token ledger: append-only; a user's balance is the sum of their rows."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from resumeforge.db.base import Base, created_at_column


class TokenLedgerEntry(Base):
    __tablename__ = "token_ledger"
    __table_args__ = (CheckConstraint("amount <> 0", name="amount_not_zero"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    # Kept when the account is deleted, without the user: a financial record.
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(String(64), nullable=False)
    # Makes every credit and debit happen at most once, whatever retries or redeliveries.
    idempotency_key: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    # What caused the entry: "generation:<id>", "stripe:<event id>", "operator:<note>".
    reference: Mapped[str] = mapped_column(String(255), nullable=False, server_default="")
    created_at: Mapped[datetime] = created_at_column()
