"""What Stripe says, applied to purchases and balances: in any order, any number of times.

Every function here runs inside the caller's transaction and commits nothing. A purchase row is
locked (FOR UPDATE) before it changes, so two events about one payment apply one after the
other; its credit's ledger key derives from the Checkout Session id, so a webhook, its
redelivery, the `async_payment_succeeded` of the same session and the reconciliation can never
credit twice. Each returns an outcome word for the logs and metrics.

Order does not matter: a failure after the payment leaves the credit alone; a refund or a
dispute that arrives before the payment is kept (`stripe_charges`) and applied when the
purchase is credited.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from sqlalchemy import func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts.models import User
from resumeforge.billing.ledger import credit_tokens, take_tokens
from resumeforge.billing.models import BillingAccount, Purchase, StripeCharge
from resumeforge.billing.schemas import PurchaseStatus
from resumeforge.config import Settings
from resumeforge.notifications import service as notifications
from resumeforge.notifications.service import NotificationKind

log = structlog.get_logger(__name__)

CREDITED_STATUSES = {PurchaseStatus.paid.value, PurchaseStatus.refunded.value}
ZERO_DECIMAL_CURRENCIES = {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg",
                           "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"}  # fmt: skip
DEFAULT_FAILURE_REASON = "the payment was declined."
ACCOUNT_DELETED_BEFORE_PAYMENT = (
    "the payment completed after its account was deleted: refund it in Stripe."
)


def money(amount: int, currency: str) -> str:
    """'9.00 USD' from 900 and 'usd'; whole units for currencies without cents."""
    code = currency.lower()
    if code in ZERO_DECIMAL_CURRENCIES:
        return f"{amount} {code.upper()}"
    return f"{amount / 100:.2f} {code.upper()}"


def checkout_credit_key(checkout_session_id: str) -> str:
    """The one ledger key of a Checkout Session's credit, whoever applies it."""
    return f"stripe:checkout:{checkout_session_id}"


# --- payments ----------------------------------------------------------------------------


async def credit_paid_session(
    *, session: AsyncSession, settings: Settings, checkout: dict[str, Any]
) -> str:
    """Credit the pack of a paid Checkout Session, once; then apply what waited for it."""
    await _lock_payment(session, _object_id(checkout.get("payment_intent")))
    purchase = await _purchase_of_session(session=session, settings=settings, checkout=checkout)
    if purchase is None:
        log.warning("paid checkout session of no purchase", checkout_session=checkout.get("id"))
        return "unknown-purchase"
    _remember_payment_intent(purchase, checkout)
    if purchase.status in CREDITED_STATUSES:
        return "already-credited"
    if purchase.user_id is None:
        return _hold_for_refund(purchase, ACCOUNT_DELETED_BEFORE_PAYMENT)
    mismatch = _mismatch(purchase, checkout)
    if mismatch:
        purchase.status = PurchaseStatus.mismatch.value
        purchase.failure_reason = mismatch
        log.error("session does not match its purchase", purchase_id=str(purchase.id), why=mismatch)
        return "mismatch"
    await _credit_purchase(session=session, purchase=purchase, checkout_session_id=checkout["id"])
    await _apply_waiting_charge_facts(session=session, purchase=purchase)
    return "credited"


async def fail_session(*, session: AsyncSession, checkout: dict[str, Any], reason: str) -> str:
    purchase = await _purchase_by(session, Purchase.checkout_session_id == checkout.get("id"))
    if purchase is None:
        return "unknown-purchase"
    return await _fail(session=session, purchase=purchase, reason=reason)


async def fail_payment_intent(*, session: AsyncSession, intent: dict[str, Any]) -> str:
    """A payment attempt failed: the purchase fails with Stripe's reason, unless already paid."""
    purchase = None
    purchase_id = _uuid((intent.get("metadata") or {}).get("purchase_id"))
    if purchase_id is not None:
        purchase = await _purchase_by(session, Purchase.id == purchase_id)
    if purchase is None and intent.get("id"):
        purchase = await _purchase_by(session, Purchase.payment_intent_id == intent["id"])
    if purchase is None:
        return "unknown-purchase"
    error = intent.get("last_payment_error") or {}
    reason = str(error.get("message") or DEFAULT_FAILURE_REASON)
    return await _fail(session=session, purchase=purchase, reason=reason)


async def expire_session(*, session: AsyncSession, checkout: dict[str, Any]) -> str:
    purchase = await _purchase_by(session, Purchase.checkout_session_id == checkout.get("id"))
    if purchase is None:
        return "unknown-purchase"
    if purchase.status not in {PurchaseStatus.pending.value, PurchaseStatus.failed.value}:
        return "ignored"
    purchase.status = PurchaseStatus.expired.value
    purchase.updated_at = func.now()
    return "expired"


# --- refunds and disputes ---------------------------------------------------------------


async def record_refund(*, session: AsyncSession, charge: dict[str, Any]) -> str:
    """Keep the charge's refunded amount; take the tokens back if its purchase was credited."""
    facts = ChargeFacts(
        charge_id=str(charge.get("id", "")),
        currency=str(charge.get("currency", "")),
        amount_refunded=int(charge.get("amount_refunded") or 0),
    )
    return await _record_charge_facts(
        session=session,
        intent_id=_object_id(charge.get("payment_intent")),
        facts=facts,
        apply=_reclaim_refunded_tokens,
    )


async def record_dispute(*, session: AsyncSession, dispute: dict[str, Any]) -> str:
    """Keep the dispute; flag the account if its purchase was credited."""
    facts = ChargeFacts(
        charge_id=_object_id(dispute.get("charge")),
        currency=str(dispute.get("currency", "")),
        dispute_id=str(dispute.get("id", "")),
    )
    return await _record_charge_facts(
        session=session,
        intent_id=_object_id(dispute.get("payment_intent")),
        facts=facts,
        apply=_flag_dispute,
    )


# A dispute Stripe closed with the money kept: the account may spend again.
DISPUTES_WON = {"won", "warning_closed"}


async def close_dispute(*, session: AsyncSession, dispute: dict[str, Any]) -> str:
    """A dispute closed: won, it no longer pauses the account (unless another is open); lost,
    the pause stays for an operator, who sees the outcome in the log."""
    intent_id = _object_id(dispute.get("payment_intent"))
    if not intent_id:
        return "ignored"
    await _lock_payment(session, intent_id)
    if dispute.get("status") not in DISPUTES_WON:
        log.warning("dispute lost", payment_intent=intent_id, status=dispute.get("status"))
        return "dispute-lost"
    await session.execute(
        update(StripeCharge)
        .where(StripeCharge.payment_intent_id == intent_id)
        .values(disputed_at=None, updated_at=func.now())
    )
    purchase = await _purchase_by(session, Purchase.payment_intent_id == intent_id)
    if purchase is None or purchase.user_id is None:
        return "dispute-won"
    if await _open_disputes(session, purchase.user_id):
        return "dispute-won"  # another payment of the account is still disputed
    account = await _locked_account(session, purchase.user_id)
    account.disputed_at = None
    account.updated_at = func.now()
    log.info("account released: dispute won", purchase_id=str(purchase.id))
    return "released"


async def _open_disputes(session: AsyncSession, user_id: uuid.UUID) -> int:
    """How many of the user's payments have a dispute not yet closed in our favour."""
    count = await session.scalar(
        select(func.count())
        .select_from(StripeCharge)
        .join(Purchase, Purchase.payment_intent_id == StripeCharge.payment_intent_id)
        .where(Purchase.user_id == user_id, StripeCharge.disputed_at.is_not(None))
    )
    return count or 0


@dataclass(frozen=True)
class ChargeFacts:
    """What one Stripe event says about a payment's charge."""

    charge_id: str
    currency: str
    amount_refunded: int = 0
    dispute_id: str | None = None


class PurchaseChange(Protocol):
    """What a charge's facts do to its credited purchase; returns the outcome word."""

    def __call__(self, *, session: AsyncSession, purchase: Purchase) -> Awaitable[str]: ...


async def _record_charge_facts(
    *,
    session: AsyncSession,
    intent_id: str,
    facts: ChargeFacts,
    apply: PurchaseChange,
) -> str:
    """Keep what Stripe said about a payment's charge, and `apply` it to the payment's
    purchase once that is credited; until then it waits in `stripe_charges`."""
    if not intent_id:
        return "ignored"
    await _lock_payment(session, intent_id)
    await _upsert_charge(session, intent_id, facts)
    purchase = await _purchase_by(session, Purchase.payment_intent_id == intent_id)
    if purchase is None or purchase.status not in CREDITED_STATUSES:
        return "held"
    if purchase.user_id is None:
        return "account-deleted"  # no account, no tokens to change; the charge is kept
    return await apply(session=session, purchase=purchase)


# --- what the above share ---------------------------------------------------------------


async def _credit_purchase(
    *, session: AsyncSession, purchase: Purchase, checkout_session_id: str
) -> None:
    user_id = _owner(purchase)
    await credit_tokens(
        session=session,
        user_id=user_id,
        amount=purchase.tokens,
        reason="purchase",
        idempotency_key=checkout_credit_key(checkout_session_id),
        reference=f"purchase:{purchase.id}",
    )
    purchase.status = PurchaseStatus.paid.value
    purchase.failure_reason = None
    purchase.paid_at = func.now()
    purchase.updated_at = func.now()
    await session.flush()
    await _settle_owed_tokens(session=session, purchase=purchase)
    await notifications.notify(
        session=session,
        user_id=user_id,
        kind=NotificationKind.payment_received,
        context={
            "purchase_id": str(purchase.id),
            "pack": purchase.pack,
            "tokens": purchase.tokens,
            "amount": money(purchase.amount, purchase.currency),
            "balance": await _locked_balance(session, user_id),
        },
    )


def _hold_for_refund(purchase: Purchase, reason: str) -> str:
    """A payment nothing can be credited to: kept for an operator to refund, loudly."""
    purchase.status = PurchaseStatus.mismatch.value
    purchase.failure_reason = _sentence(reason)
    purchase.updated_at = func.now()
    log.error("payment to refund by hand", purchase_id=str(purchase.id), why=reason)
    return "account-deleted"


def _owner(purchase: Purchase) -> uuid.UUID:
    """The account a credited purchase's tokens belong to; callers handle a deleted one."""
    assert purchase.user_id is not None, "a purchase of a deleted account reached a credit"
    return purchase.user_id


async def _fail(*, session: AsyncSession, purchase: Purchase, reason: str) -> str:
    if purchase.status not in {PurchaseStatus.pending.value, PurchaseStatus.failed.value}:
        return "ignored"  # paid, refunded or expired: a late failure changes none of them
    purchase.status = PurchaseStatus.failed.value
    purchase.failure_reason = _sentence(reason)
    purchase.updated_at = func.now()
    if purchase.user_id is None:
        return "failed"  # its account was deleted: nobody to tell
    await notifications.notify(
        session=session,
        user_id=purchase.user_id,
        kind=NotificationKind.payment_failed,
        context={
            "purchase_id": str(purchase.id),
            "pack": purchase.pack,
            "amount": money(purchase.amount, purchase.currency),
            "reason": purchase.failure_reason,
        },
    )
    return "failed"


async def _apply_waiting_charge_facts(*, session: AsyncSession, purchase: Purchase) -> None:
    """A refund or dispute that came before the payment's completion applies now."""
    if not purchase.payment_intent_id:
        return
    charge = await session.get(StripeCharge, purchase.payment_intent_id, with_for_update=True)
    if charge is None:
        return
    if charge.amount_refunded > 0:
        await _reclaim_refunded_tokens(session=session, purchase=purchase)
    if charge.disputed_at is not None:  # a dispute still open
        await _flag_dispute(session=session, purchase=purchase)


async def _reclaim_refunded_tokens(*, session: AsyncSession, purchase: Purchase) -> str:
    """Take back the refunded share of the pack; what was spent already is owed."""
    user_id = _owner(purchase)
    assert purchase.payment_intent_id is not None
    charge = await session.get(StripeCharge, purchase.payment_intent_id)
    if charge is None:
        return "held"
    if charge.currency.lower() != purchase.currency.lower():
        log.error("refund in another currency", purchase_id=str(purchase.id))
        return "mismatch"
    target = _tokens_refunded(purchase, charge.amount_refunded)
    due = target - purchase.tokens_reclaimed
    if due <= 0:
        return "already-refunded"
    balance = await _locked_balance(session, user_id)
    taken = min(due, balance)
    if taken:
        await take_tokens(
            session=session,
            user_id=user_id,
            amount=taken,
            reason="refund:purchase",
            idempotency_key=f"purchase:{purchase.id}:refund:{target}",
            reference=f"purchase:{purchase.id}",
        )
    owed = due - taken
    if owed:
        account = await _locked_account(session, user_id)
        account.tokens_owed += owed
        account.updated_at = func.now()
    purchase.tokens_reclaimed = target
    if target >= purchase.tokens:
        purchase.status = PurchaseStatus.refunded.value
    purchase.updated_at = func.now()
    await session.flush()
    await notifications.notify(
        session=session,
        user_id=user_id,
        kind=NotificationKind.refund,
        context={
            "purchase_id": str(purchase.id),
            "pack": purchase.pack,
            "tokens": due,
            "owed": owed,
            "amount": money(charge.amount_refunded, charge.currency),
            "balance": balance - taken,
        },
    )
    return "refunded"


def _tokens_refunded(purchase: Purchase, amount_refunded: int) -> int:
    """The pack's tokens a refund of `amount_refunded` takes back, rounding up."""
    if amount_refunded <= 0:
        return 0
    if purchase.amount <= 0 or amount_refunded >= purchase.amount:
        return purchase.tokens
    return min(purchase.tokens, math.ceil(purchase.tokens * amount_refunded / purchase.amount))


async def _flag_dispute(*, session: AsyncSession, purchase: Purchase) -> str:
    user_id = _owner(purchase)
    account = await _locked_account(session, user_id)
    account.disputed_at = func.now()
    account.updated_at = func.now()
    log.warning("account flagged: payment disputed", purchase_id=str(purchase.id))
    await notifications.notify(
        session=session,
        user_id=user_id,
        kind=NotificationKind.dispute,
        context={
            "purchase_id": str(purchase.id),
            "pack": purchase.pack,
            "amount": money(purchase.amount, purchase.currency),
        },
    )
    return "disputed"


async def _settle_owed_tokens(*, session: AsyncSession, purchase: Purchase) -> None:
    """A new purchase pays what earlier refunds left owed, as far as the balance goes."""
    user_id = _owner(purchase)
    account = await session.get(BillingAccount, user_id, with_for_update=True)
    if account is None or account.tokens_owed == 0:
        return
    taken = min(account.tokens_owed, await _locked_balance(session, user_id))
    if taken:
        await take_tokens(
            session=session,
            user_id=user_id,
            amount=taken,
            reason="owed",
            idempotency_key=f"purchase:{purchase.id}:settles-owed",
            reference=f"purchase:{purchase.id}",
        )
    account.tokens_owed -= taken
    account.updated_at = func.now()


async def _lock_payment(session: AsyncSession, intent_id: str) -> None:
    """Serialise everything about one payment intent until the transaction ends.

    Without it a refund and its payment's completion, applied at the same moment, could each
    miss the other (neither row is committed when the other looks) and the refund be lost.
    """
    if intent_id:
        await session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
            {"key": f"stripe-payment:{intent_id}"},
        )


async def _locked_balance(session: AsyncSession, user_id: uuid.UUID) -> int:
    """The balance, its row locked as an UPDATE of it would lock it (FOR NO KEY UPDATE).

    Not FOR UPDATE: that waits for every transaction holding the key-share lock an insert of a
    row referencing the user takes (a ledger row, a notification), while those wait for this
    one's balance update: a deadlock whenever two payments of one user apply at once.
    """
    balance = await session.scalar(
        select(User.token_balance).where(User.id == user_id).with_for_update(key_share=True)
    )
    return balance or 0


async def _locked_account(session: AsyncSession, user_id: uuid.UUID) -> BillingAccount:
    await session.execute(insert(BillingAccount).values(user_id=user_id).on_conflict_do_nothing())
    account = await session.get(
        BillingAccount, user_id, with_for_update=True, populate_existing=True
    )
    assert account is not None
    return account


async def _upsert_charge(session: AsyncSession, intent_id: str, facts: ChargeFacts) -> None:
    """Keep the most Stripe has said about a charge: refunds only grow, a dispute stays."""
    statement = insert(StripeCharge).values(
        payment_intent_id=intent_id,
        charge_id=facts.charge_id,
        currency=facts.currency.lower(),
        amount_refunded=facts.amount_refunded,
        dispute_id=facts.dispute_id,
        disputed_at=func.now() if facts.dispute_id else None,
    )
    excluded = statement.excluded
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[StripeCharge.payment_intent_id],
            set_={
                "amount_refunded": func.greatest(
                    StripeCharge.amount_refunded, excluded.amount_refunded
                ),
                "dispute_id": func.coalesce(StripeCharge.dispute_id, excluded.dispute_id),
                "disputed_at": func.coalesce(StripeCharge.disputed_at, excluded.disputed_at),
                "updated_at": func.now(),
            },
        )
    )


async def _purchase_of_session(
    *, session: AsyncSession, settings: Settings, checkout: dict[str, Any]
) -> Purchase | None:
    """The purchase a Checkout Session pays for, by its id or the metadata we gave it.

    When Stripe created the session but our transaction recording it was lost, the metadata
    (purchase, user, pack) is enough to record it now.
    """
    checkout_id = checkout.get("id")
    purchase = await _purchase_by(session, Purchase.checkout_session_id == checkout_id)
    if purchase is not None:
        return purchase
    metadata = checkout.get("metadata") or {}
    purchase_id, user_id = _uuid(metadata.get("purchase_id")), _uuid(metadata.get("user_id"))
    if purchase_id is None or user_id is None:
        return None
    purchase = await _purchase_by(session, Purchase.id == purchase_id)
    if purchase is not None:
        if purchase.checkout_session_id not in (None, checkout_id):
            return None
        purchase.checkout_session_id = checkout_id
        return purchase
    pack = next((p for p in settings.token_packs if p.name == metadata.get("pack")), None)
    if pack is None or await session.get(User, user_id) is None:
        return None
    purchase = Purchase(
        id=purchase_id,
        user_id=user_id,
        pack=pack.name,
        tokens=pack.tokens,
        amount=pack.amount,
        currency=pack.currency.lower(),
        status=PurchaseStatus.pending.value,
        checkout_session_id=checkout_id,
    )
    session.add(purchase)
    await session.flush()
    log.warning("recorded a purchase known only to Stripe", purchase_id=str(purchase_id))
    return purchase


async def _purchase_by(session: AsyncSession, condition: Any) -> Purchase | None:
    return await session.scalar(
        select(Purchase)
        .where(condition)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def _remember_payment_intent(purchase: Purchase, checkout: dict[str, Any]) -> None:
    intent_id = _object_id(checkout.get("payment_intent"))
    if intent_id and not purchase.payment_intent_id:
        purchase.payment_intent_id = intent_id


def _mismatch(purchase: Purchase, checkout: dict[str, Any]) -> str:
    """Why a session cannot pay for this purchase, or '' when it can."""
    if checkout.get("amount_total") != purchase.amount:
        return f"paid {checkout.get('amount_total')} for a pack of {purchase.amount}"
    if str(checkout.get("currency", "")).lower() != purchase.currency.lower():
        return f"paid in {checkout.get('currency')} for a pack in {purchase.currency}"
    reference = checkout.get("client_reference_id")
    if reference is not None and reference != str(purchase.user_id):
        return "the session names another user"
    return ""


def _object_id(value: Any) -> str:
    """Stripe sends a related object as its id, or expanded as an object with one."""
    if isinstance(value, dict):
        return str(value.get("id") or "")
    return str(value or "")


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _sentence(reason: str) -> str:
    reason = " ".join(reason.split())[:500] or DEFAULT_FAILURE_REASON
    return reason if reason[-1] in ".!?" else reason + "."
