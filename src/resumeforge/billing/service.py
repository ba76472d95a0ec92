"""Billing: token packs, checkout through Stripe, the webhook, reconciliation, an account's
standing. The ledger itself is `ledger.py` (re-exported here, where other domains call it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts.models import User
from resumeforge.billing import payments, stripe_api
from resumeforge.billing.errors import (
    BillingNotConfigured,
    InvalidWebhookSignature,
    PaymentProviderUnavailable,
    PurchaseNotFound,
    UnknownPack,
    WebhookNotApplied,
)
from resumeforge.billing.ledger import (
    LedgerChange,
    anonymise_ledger,
    balance_of,
    credit_tokens,
    debit_tokens,
    ledger_entries,
    take_tokens,
)
from resumeforge.billing.models import BillingAccount, Purchase, StripeEvent
from resumeforge.billing.schemas import PackOut, PurchaseStatus
from resumeforge.config import Settings, TokenPack
from resumeforge.db.engine import Database
from resumeforge.observability.metrics import WEBHOOK_EVENTS

__all__ = [
    "LedgerChange",
    "anonymise_ledger",
    "balance_of",
    "credit_tokens",
    "debit_tokens",
    "ledger_entries",
    "take_tokens",
]

log = structlog.get_logger(__name__)

# The web app's pages Stripe sends the buyer back to (under PUBLIC_BASE_URL).
SUCCESS_PATH = "/billing/success"
CANCEL_PATH = "/billing/cancel"


def require_billing(settings: Settings) -> None:
    if not settings.billing_configured:
        raise BillingNotConfigured()


# --- packs and purchases ------------------------------------------------------------------


def pack_offers(settings: Settings) -> list[PackOut]:
    """The packs on sale, as a price list."""
    return [
        PackOut(
            name=pack.name,
            tokens=pack.tokens,
            amount=pack.amount,
            currency=pack.currency.lower(),
            price=payments.money(pack.amount, pack.currency),
        )
        for pack in settings.token_packs
    ]


def offer_for_insufficient_tokens(settings: Settings) -> list[dict[str, Any]]:
    """What a 402 for too few tokens lists: the packs, when they can be bought here."""
    if not settings.billing_configured:
        return []
    return [offer.model_dump() for offer in pack_offers(settings)]


def pack_named(settings: Settings, name: str) -> TokenPack:
    for pack in settings.token_packs:
        if pack.name == name:
            return pack
    names = ", ".join(pack.name for pack in settings.token_packs)
    raise UnknownPack(f"There is no pack named {name!r}; choose one of {names}.")


def checkout_params(
    settings: Settings, *, purchase_id: uuid.UUID, user_id: uuid.UUID, email: str, pack: TokenPack
) -> dict[str, Any]:
    """The Checkout Session to create: one pack, paid once, tied to the user and purchase."""
    base = settings.public_base_url.rstrip("/")
    metadata = {"purchase_id": str(purchase_id), "user_id": str(user_id), "pack": pack.name}
    if pack.price_id:
        line_item: dict[str, Any] = {"price": pack.price_id, "quantity": 1}
    else:  # no Price in Stripe: say what it costs here
        line_item = {
            "quantity": 1,
            "price_data": {
                "currency": pack.currency.lower(),
                "unit_amount": pack.amount,
                "product_data": {"name": f"resumeforge {pack.name}: {pack.tokens} tokens"},
            },
        }
    return {
        "mode": "payment",
        "line_items": [line_item],
        "client_reference_id": str(user_id),
        "customer_email": email,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "success_url": f"{base}{SUCCESS_PATH}?purchase={purchase_id}",
        "cancel_url": f"{base}{CANCEL_PATH}?purchase={purchase_id}",
    }


async def start_checkout(
    *, session: AsyncSession, settings: Settings, user_id: uuid.UUID, pack_name: str
) -> Purchase:
    """Record a pending purchase and create its Checkout Session; commit both or neither."""
    require_billing(settings)
    pack = pack_named(settings, pack_name)
    email = await session.scalar(select(User.email).where(User.id == user_id))
    purchase = Purchase(
        id=uuid.uuid4(),
        user_id=user_id,
        pack=pack.name,
        tokens=pack.tokens,
        amount=pack.amount,
        currency=pack.currency.lower(),
        status=PurchaseStatus.pending.value,
    )
    params = checkout_params(
        settings, purchase_id=purchase.id, user_id=user_id, email=email or "", pack=pack
    )
    try:
        session_id, url = await stripe_api.create_checkout_session(
            settings, params, idempotency_key=f"checkout:{purchase.id}"
        )
    except stripe_api.StripeUnreachable as error:
        log.warning("checkout not started", error=str(error))
        raise PaymentProviderUnavailable(
            "Stripe could not start the checkout; nothing was charged. Try again shortly."
        ) from None
    purchase.checkout_session_id, purchase.checkout_url = session_id, url
    session.add(purchase)
    await session.commit()
    log.info("checkout started", purchase_id=str(purchase.id), pack=pack.name)
    return purchase


async def list_purchases(
    *, session: AsyncSession, user_id: uuid.UUID, limit: int = 50
) -> list[Purchase]:
    rows = await session.scalars(
        select(Purchase)
        .where(Purchase.user_id == user_id)
        .order_by(Purchase.created_at.desc(), Purchase.id)
        .limit(limit)
    )
    return list(rows)


async def get_purchase(
    *, session: AsyncSession, user_id: uuid.UUID, purchase_id: uuid.UUID
) -> Purchase:
    """One of the user's purchases; anyone else's is not found."""
    purchase = await session.scalar(
        select(Purchase).where(Purchase.id == purchase_id, Purchase.user_id == user_id)
    )
    if purchase is None:
        raise PurchaseNotFound()
    return purchase


@dataclass(frozen=True)
class Standing:
    balance: int
    tokens_owed: int
    disputed: bool


async def standing_of(*, session: AsyncSession, user_id: uuid.UUID) -> Standing:
    """The balance, the tokens owed after refunds, and whether a payment is disputed."""
    account = await session.get(BillingAccount, user_id)
    return Standing(
        balance=await balance_of(session=session, user_id=user_id),
        tokens_owed=account.tokens_owed if account else 0,
        disputed=bool(account and account.disputed_at),
    )


async def release_dispute(*, session: AsyncSession, user_id: uuid.UUID) -> bool:
    """Lift a dispute's pause on spending (an operator, once it is resolved); False if the
    account had none. Commits."""
    released = await session.scalar(
        update(BillingAccount)
        .where(BillingAccount.user_id == user_id, BillingAccount.disputed_at.is_not(None))
        .values(disputed_at=None, updated_at=func.now())
        .returning(BillingAccount.user_id)
    )
    await session.commit()
    if released is not None:
        log.warning("dispute released by an operator", user_id=str(user_id))
    return released is not None


# --- the webhook ----------------------------------------------------------------------------


async def receive_webhook(
    *, session: AsyncSession, settings: Settings, payload: bytes, signature: str | None
) -> str:
    """Verify and apply one Stripe event in one transaction; return what was done.

    A redelivered event finds its id in `stripe_events` and changes nothing. An error while
    applying rolls everything back and raises WebhookNotApplied, a 5xx, so Stripe retries.
    """
    require_billing(settings)
    try:
        event = stripe_api.verified_event(settings, payload, signature)
    except stripe_api.InvalidWebhook as error:
        log.warning("webhook refused", reason=str(error))
        WEBHOOK_EVENTS.labels("unverified", "rejected").inc()
        raise InvalidWebhookSignature(f"The webhook was refused: {error}.") from None
    event_type = str(event.get("type") or "")
    try:
        outcome = await _apply_event(session=session, settings=settings, event=event)
        await session.commit()
    except Exception as error:
        await session.rollback()
        log.exception("webhook not applied", event_id=event["id"], event_type=event_type)
        WEBHOOK_EVENTS.labels(event_type, "error").inc()
        raise WebhookNotApplied(
            "The event could not be applied; nothing changed. Stripe will deliver it again."
        ) from error
    WEBHOOK_EVENTS.labels(event_type, outcome).inc()
    log.info("webhook applied", event_id=event["id"], event_type=event_type, outcome=outcome)
    return outcome


async def _apply_event(*, session: AsyncSession, settings: Settings, event: dict[str, Any]) -> str:
    event_type = str(event.get("type") or "")
    # Concurrent deliveries of one event wait here on the primary key; all but the first
    # find it taken once the first commits, and do nothing.
    recorded = await session.scalar(
        insert(StripeEvent)
        .values(id=event["id"], type=event_type[:128])
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(StripeEvent.id)
    )
    if recorded is None:
        return "duplicate"
    data = event.get("data")
    stripe_object = data.get("object") if isinstance(data, dict) else None
    if not isinstance(stripe_object, dict):
        outcome = "malformed"
    else:
        outcome = await _apply_object(
            session=session, settings=settings, event_type=event_type, stripe_object=stripe_object
        )
    event_row = await session.get(StripeEvent, event["id"])
    assert event_row is not None
    event_row.outcome = outcome
    return outcome


async def _apply_object(
    *, session: AsyncSession, settings: Settings, event_type: str, stripe_object: dict[str, Any]
) -> str:
    match event_type:
        case "checkout.session.completed":
            if stripe_object.get("payment_status") != "paid":
                return "awaiting-payment"  # a delayed method: async_payment_* will follow
            return await payments.credit_paid_session(
                session=session, settings=settings, checkout=stripe_object
            )
        case "checkout.session.async_payment_succeeded":
            return await payments.credit_paid_session(
                session=session, settings=settings, checkout=stripe_object
            )
        case "checkout.session.async_payment_failed":
            return await payments.fail_session(
                session=session,
                checkout=stripe_object,
                reason="your bank did not confirm the payment.",
            )
        case "payment_intent.payment_failed":
            return await payments.fail_payment_intent(session=session, intent=stripe_object)
        case "checkout.session.expired":
            return await payments.expire_session(session=session, checkout=stripe_object)
        case "charge.refunded":
            return await payments.record_refund(session=session, charge=stripe_object)
        case "charge.dispute.created":
            return await payments.record_dispute(session=session, dispute=stripe_object)
        case "charge.dispute.closed":
            return await payments.close_dispute(session=session, dispute=stripe_object)
        case _:
            return "ignored"


# --- reconciliation -------------------------------------------------------------------------


@dataclass
class Reconciliation:
    """What a reconciliation found in Stripe and did about it."""

    sessions: int = 0
    paid: int = 0
    credited: list[str] = field(default_factory=list)  # purchase ids
    expired: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # checkout session ids, with why


async def reconcile(*, database: Database, settings: Settings, since: datetime) -> Reconciliation:
    """Credit every paid Checkout Session since `since` that no webhook credited, once.

    The credit's ledger key is the one the webhook uses, so a webhook that arrives after this
    (or a second reconciliation) changes nothing.
    """
    require_billing(settings)
    report = Reconciliation()
    try:
        async for checkout in stripe_api.checkout_sessions_since(settings, since):
            report.sessions += 1
            await _reconcile_session(database, settings, checkout, report)
    except stripe_api.StripeUnreachable as error:
        raise PaymentProviderUnavailable(
            f"Stripe could not list Checkout Sessions: {error}"
        ) from None
    log.info(
        "billing reconciled",
        sessions=report.sessions,
        paid=report.paid,
        credited=len(report.credited),
        expired=len(report.expired),
        problems=len(report.problems),
    )
    return report


async def _reconcile_session(
    database: Database, settings: Settings, checkout: dict[str, Any], report: Reconciliation
) -> None:
    async with database.sessions() as session:
        if checkout.get("status") == "expired":
            if await payments.expire_session(session=session, checkout=checkout) == "expired":
                report.expired.append(str(checkout.get("id")))
            await session.commit()
            return
        if checkout.get("payment_status") != "paid":
            return
        report.paid += 1
        outcome = await payments.credit_paid_session(
            session=session, settings=settings, checkout=checkout
        )
        await session.commit()
    if outcome == "credited":
        metadata = checkout.get("metadata") or {}
        report.credited.append(str(metadata.get("purchase_id") or checkout.get("id")))
        log.warning("credited a payment no webhook delivered", checkout_session=checkout.get("id"))
    elif outcome in {"mismatch", "unknown-purchase", "account-deleted"}:
        report.problems.append(f"{checkout.get('id')}: {outcome}")
