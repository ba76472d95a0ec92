"""Tables: the token ledger (append-only; a balance is the sum of its rows), purchases of token
packs, the Stripe events applied, and what billing knows of each account."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import UUID
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


class Purchase(Base):
    """A token pack bought through a Stripe Checkout Session, from pending to its end."""

    __tablename__ = "purchases"
    __table_args__ = (Index("ix_purchases_user_created", "user_id", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    # Kept when the account is deleted, without the user: a financial record.
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    pack: Mapped[str] = mapped_column(String(64), nullable=False)
    tokens: Mapped[int] = mapped_column(Integer, nullable=False)
    # What the pack cost when it was bought, in the currency's smallest unit.
    amount: Mapped[int] = mapped_column(Integer, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    # pending, paid, failed, expired, refunded, mismatch (Stripe's amount was not the pack's)
    status: Mapped[str] = mapped_column(String(16), nullable=False, server_default="pending")
    checkout_session_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    checkout_url: Mapped[str | None] = mapped_column(Text)
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    # Tokens taken back after refunds of this purchase, owed ones included.
    tokens_reclaimed: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StripeEvent(Base):
    """Every Stripe event applied, once: a redelivery finds its id here and changes nothing."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(128), nullable=False)
    outcome: Mapped[str] = mapped_column(String(32), nullable=False, server_default="")
    received_at: Mapped[datetime] = created_at_column()


class StripeCharge(Base):
    """What Stripe said about a payment's charge (refunds, disputes), kept by payment intent.

    A refund or dispute may arrive before the payment's completion names the payment intent;
    it waits here and is applied when the purchase is credited.
    """

    __tablename__ = "stripe_charges"

    payment_intent_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    charge_id: Mapped[str] = mapped_column(String(255), nullable=False)
    amount_refunded: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    dispute_id: Mapped[str | None] = mapped_column(String(255))
    disputed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = created_at_column()


class BillingAccount(Base):
    """A user's standing with billing: tokens owed after refunds, and an open dispute."""

    __tablename__ = "billing_accounts"
    __table_args__ = (CheckConstraint("tokens_owed >= 0", name="tokens_owed_not_negative"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    tokens_owed: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    disputed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = created_at_column()
