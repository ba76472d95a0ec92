"""HTTP for tokens and billing: the balance and ledger, packs, checkout, purchases, the webhook."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from resumeforge.accounts.dependencies import CurrentUserId, SessionDep, get_app_settings
from resumeforge.billing import service
from resumeforge.billing.schemas import (
    BillingAccountOut,
    CheckoutIn,
    CheckoutOut,
    LedgerEntryOut,
    PackOut,
    PurchaseOut,
    PurchasesOut,
    TokensOut,
    WebhookOut,
)
from resumeforge.config import Settings

router = APIRouter(prefix="/api/v1", tags=["billing"])

SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def billing_configured(settings: SettingsDep) -> None:
    """Every /billing route answers 503 billing-not-configured without Stripe keys."""
    service.require_billing(settings)


billing = APIRouter(prefix="/billing", dependencies=[Depends(billing_configured)])


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


@billing.get("/packs", response_model=list[PackOut])
async def packs(settings: SettingsDep) -> list[PackOut]:
    """The token packs on sale."""
    return service.pack_offers(settings)


@billing.post("/checkout", response_model=CheckoutOut, status_code=201)
async def checkout(
    body: CheckoutIn, user_id: CurrentUserId, session: SessionDep, settings: SettingsDep
) -> CheckoutOut:
    """Start buying a pack: a Stripe Checkout Session to send the buyer to."""
    purchase = await service.start_checkout(
        session=session, settings=settings, user_id=user_id, pack_name=body.pack
    )
    assert purchase.checkout_url is not None
    return CheckoutOut(purchase_id=purchase.id, checkout_url=purchase.checkout_url)


@billing.get("/purchases", response_model=PurchasesOut)
async def purchases(
    user_id: CurrentUserId,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> PurchasesOut:
    """The user's purchases, newest first."""
    rows = await service.list_purchases(session=session, user_id=user_id, limit=limit)
    return PurchasesOut(purchases=[PurchaseOut.model_validate(row) for row in rows])


@billing.get("/purchases/{purchase_id}", response_model=PurchaseOut)
async def purchase(
    purchase_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> PurchaseOut:
    """One purchase: `pending` until Stripe's webhook (or the reconciliation) settles it."""
    row = await service.get_purchase(session=session, user_id=user_id, purchase_id=purchase_id)
    return PurchaseOut.model_validate(row)


@billing.get("/account", response_model=BillingAccountOut)
async def account(user_id: CurrentUserId, session: SessionDep) -> BillingAccountOut:
    """The balance, tokens owed after refunds, and whether a payment is disputed."""
    standing = await service.standing_of(session=session, user_id=user_id)
    return BillingAccountOut(
        balance=standing.balance, tokens_owed=standing.tokens_owed, disputed=standing.disputed
    )


@billing.post("/webhook", response_model=WebhookOut, include_in_schema=False)
async def webhook(request: Request, session: SessionDep, settings: SettingsDep) -> WebhookOut:
    """Stripe's events, signed with STRIPE_WEBHOOK_SECRET (the raw body is what is signed)."""
    outcome = await service.receive_webhook(
        session=session,
        settings=settings,
        payload=await request.body(),
        signature=request.headers.get("stripe-signature"),
    )
    return WebhookOut(outcome=outcome)


router.include_router(billing)
