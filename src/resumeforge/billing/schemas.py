"""Request and response bodies of the tokens and billing API."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


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


class PurchaseStatus(StrEnum):
    pending = "pending"
    paid = "paid"
    failed = "failed"
    expired = "expired"
    refunded = "refunded"
    mismatch = "mismatch"  # Stripe's amount or currency was not the pack's: an operator looks


class PackOut(BaseModel):
    name: str
    tokens: int
    amount: int = Field(description="in the currency's smallest unit, e.g. cents")
    currency: str
    price: str = Field(description="for people, e.g. '9.00 USD'")


class CheckoutIn(BaseModel):
    pack: str = Field(min_length=1, max_length=64)


class CheckoutOut(BaseModel):
    purchase_id: uuid.UUID
    checkout_url: str


class PurchaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    pack: str
    tokens: int
    amount: int
    currency: str
    status: PurchaseStatus
    failure_reason: str | None
    tokens_reclaimed: int
    created_at: datetime
    paid_at: datetime | None


class PurchasesOut(BaseModel):
    purchases: list[PurchaseOut]


class BillingAccountOut(BaseModel):
    balance: int
    tokens_owed: int
    disputed: bool


class WebhookOut(BaseModel):
    received: bool = True
    outcome: str
