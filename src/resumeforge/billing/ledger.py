"""The token ledger: every change of a balance is a ledger row in the same transaction.

`users.token_balance == SUM(token_ledger.amount)` holds for every user at every commit:
credits and debits below are the only writers of either. (`billing.service` re-exports them:
other domains call them from there.)
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts.models import User
from resumeforge.billing.errors import InsufficientTokens, PaymentDisputed, TokensOwed
from resumeforge.billing.models import BillingAccount, TokenLedgerEntry


@dataclass(frozen=True)
class LedgerChange:
    applied: bool  # False when the idempotency key had been used already
    balance: int


async def credit_tokens(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    amount: int,
    reason: str,
    idempotency_key: str,
    reference: str = "",
) -> LedgerChange:
    """Add tokens once per idempotency key; a repeated key changes nothing."""
    if amount <= 0:
        raise ValueError("a credit must be positive")
    inserted = await session.scalar(
        insert(TokenLedgerEntry)
        .values(
            user_id=user_id,
            amount=amount,
            reason=reason,
            idempotency_key=idempotency_key,
            reference=reference,
        )
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(TokenLedgerEntry.id)
    )
    if inserted is None:
        return LedgerChange(
            applied=False, balance=await balance_of(session=session, user_id=user_id)
        )
    # Built apart from the call: inline, mypy infers the RETURNING type from `scalar`'s
    # first overload and the balance comes out as Any.
    credited = (
        update(User)
        .where(User.id == user_id)
        .values(token_balance=User.token_balance + amount)
        .returning(User.token_balance)
    )
    balance = await session.scalar(credited)
    assert balance is not None, "the ledger row's foreign key guarantees the user exists"
    return LedgerChange(applied=True, balance=balance)


async def debit_tokens(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    amount: int,
    reason: str,
    idempotency_key: str,
    reference: str = "",
    packs: Sequence[dict[str, Any]] = (),
) -> int:
    """Take tokens to spend, or raise PaymentDisputed, TokensOwed or InsufficientTokens
    (naming `packs`).

    One conditional UPDATE: concurrent debits serialise on the user's row and none can take
    the balance below zero. The caller's transaction must roll back if this raises.
    """
    standing = (
        await session.execute(
            select(BillingAccount.disputed_at, BillingAccount.tokens_owed).where(
                BillingAccount.user_id == user_id
            )
        )
    ).first()
    if standing is not None and standing.disputed_at is not None:
        raise PaymentDisputed()
    if standing is not None and standing.tokens_owed:
        raise TokensOwed(owed=standing.tokens_owed)
    balance = await take_tokens(
        session=session,
        user_id=user_id,
        amount=amount,
        reason=reason,
        idempotency_key=idempotency_key,
        reference=reference,
    )
    if balance is None:
        current = await balance_of(session=session, user_id=user_id)
        raise InsufficientTokens(balance=current, cost=amount, packs=packs)
    return balance


async def take_tokens(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    amount: int,
    reason: str,
    idempotency_key: str,
    reference: str = "",
) -> int | None:
    """Take `amount` tokens if the balance holds them; the new balance, or None if not."""
    if amount < 0:
        raise ValueError("a debit amount is positive")
    if amount == 0:
        return await balance_of(session=session, user_id=user_id)
    debited = (
        update(User)
        .where(User.id == user_id, User.token_balance >= amount)
        .values(token_balance=User.token_balance - amount)
        .returning(User.token_balance)
    )
    balance = await session.scalar(debited)
    if balance is None:
        return None
    session.add(
        TokenLedgerEntry(
            user_id=user_id,
            amount=-amount,
            reason=reason,
            idempotency_key=idempotency_key,
            reference=reference,
        )
    )
    await session.flush()
    return balance


async def balance_of(*, session: AsyncSession, user_id: uuid.UUID) -> int:
    balance = await session.scalar(select(User.token_balance).where(User.id == user_id))
    return balance or 0


async def ledger_entries(
    *, session: AsyncSession, user_id: uuid.UUID, limit: int, before_id: int | None = None
) -> list[TokenLedgerEntry]:
    """A page of the user's ledger, newest first."""
    query = select(TokenLedgerEntry).where(TokenLedgerEntry.user_id == user_id)
    if before_id is not None:
        query = query.where(TokenLedgerEntry.id < before_id)
    rows = await session.scalars(query.order_by(TokenLedgerEntry.id.desc()).limit(limit))
    return list(rows)


async def anonymise_ledger(*, session: AsyncSession, user_id: uuid.UUID) -> int:
    """Detach the user's ledger rows from them (an account being deleted): the rows stay as
    financial records. Returns how many. The caller deletes the user in the same transaction."""
    result = await session.execute(
        update(TokenLedgerEntry)
        .where(TokenLedgerEntry.user_id == user_id)
        .values(user_id=None)
        .returning(TokenLedgerEntry.id)
    )
    return len(result.all())
