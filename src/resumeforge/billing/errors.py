"""Billing errors a client may see."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from resumeforge.errors import (
    Forbidden,
    InvalidRequest,
    NotFound,
    PaymentRequired,
    ProblemError,
    UnprocessableContent,
)

# Where an API client lists the packs; the web app's page to buy them.
PACKS_PATH = "/api/v1/billing/packs"
CHECKOUT_PATH = "/api/v1/billing/checkout"


class InsufficientTokens(PaymentRequired):
    slug, title = "insufficient-tokens", "Not enough tokens"

    def __init__(self, *, balance: int, cost: int, packs: Sequence[dict[str, Any]] = ()) -> None:
        offer = ", ".join(f"{p['name']} ({p['tokens']} tokens, {p['price']})" for p in packs)
        where = f" Packs: {offer}." if offer else ""
        super().__init__(
            f"This costs {cost} token(s) and the balance is {balance}. Buy more tokens "
            f"(POST {CHECKOUT_PATH} with a pack from {PACKS_PATH}).{where}",
            balance=balance,
            cost=cost,
            packs=list(packs),
            buy=CHECKOUT_PATH,
        )


class TokensOwed(PaymentRequired):
    slug, title = "tokens-owed", "Tokens are owed"

    def __init__(self, *, owed: int) -> None:
        super().__init__(
            f"A refunded payment's tokens had been spent: {owed} token(s) are owed. New "
            f"generations wait until a purchase settles them (POST {CHECKOUT_PATH}).",
            owed=owed,
            buy=CHECKOUT_PATH,
        )


class PaymentDisputed(Forbidden):
    """Spending waits while a chargeback is open: more tokens would not settle it."""

    slug, title = "payment-disputed", "A payment is disputed"

    def __init__(self) -> None:
        super().__init__(
            "A payment of this account is disputed with the bank (a chargeback), so new "
            "generations are paused; your documents and earlier generations stay available. "
            "If the dispute is a mistake, withdraw it with your bank and reply to our mail "
            "about it: we release the account once the dispute is resolved."
        )


class BillingNotConfigured(ProblemError):
    status, slug, title = 503, "billing-not-configured", "Billing is not configured"

    def __init__(self) -> None:
        super().__init__(
            "Buying tokens is not available on this server (no Stripe keys are set). "
            "An operator can still grant tokens."
        )


class UnknownPack(UnprocessableContent):
    slug, title = "unknown-pack", "Unknown token pack"


class PurchaseNotFound(NotFound):
    slug, title = "purchase-not-found", "Purchase not found"


class PaymentProviderUnavailable(ProblemError):
    status, slug, title = 502, "payment-provider-unavailable", "Payment provider unavailable"


class InvalidWebhookSignature(InvalidRequest):
    slug, title = "invalid-webhook", "Invalid webhook"


class WebhookNotApplied(ProblemError):
    """Answered with a 5xx so Stripe delivers the event again later."""

    status, slug, title = 500, "webhook-not-applied", "Webhook not applied"
