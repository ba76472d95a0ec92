"""Stripe through its official SDK: Checkout Sessions and webhook signatures.

STRIPE_API_BASE points the SDK elsewhere (tests run it against a fake server on 127.0.0.1);
the requests it sends are the SDK's own.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime
from functools import lru_cache
from typing import Any

import stripe

from resumeforge.config import Settings

WEBHOOK_TOLERANCE_SECONDS = 300


class InvalidWebhook(Exception):
    """A webhook whose Stripe-Signature is missing, malformed, wrong or too old."""


class StripeUnreachable(Exception):
    """Stripe could not be reached or refused the request; the message says which."""


@lru_cache(maxsize=4)
def _client(secret_key: str, api_base: str | None, timeout: float) -> stripe.StripeClient:
    return stripe.StripeClient(
        secret_key,
        base_addresses={"api": api_base} if api_base else None,
        http_client=stripe.HTTPXClient(timeout=timeout),
        max_network_retries=2,
    )


def stripe_client(settings: Settings) -> stripe.StripeClient:
    assert settings.stripe_secret_key, "callers check billing_configured first"
    return _client(
        settings.stripe_secret_key, settings.stripe_api_base, settings.stripe_timeout_seconds
    )


async def create_checkout_session(
    settings: Settings, params: dict[str, Any], *, idempotency_key: str
) -> tuple[str, str]:
    """Create a Checkout Session; return its id and the URL to send the buyer to."""
    try:
        created = await stripe_client(settings).v1.checkout.sessions.create_async(
            params,  # type: ignore[arg-type]  # a plain dict; the SDK's TypedDict is stricter
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as error:
        raise StripeUnreachable(_describe(error)) from error
    if not created.url:
        raise StripeUnreachable("Stripe created a Checkout Session without a URL")
    return created.id, created.url


async def checkout_sessions_since(
    settings: Settings, since: datetime
) -> AsyncIterator[dict[str, Any]]:
    """Every Checkout Session created since `since`, newest first, page after page."""
    try:
        page = await stripe_client(settings).v1.checkout.sessions.list_async(
            {"created": {"gte": int(since.timestamp())}, "limit": 100}
        )
        async for checkout in page.auto_paging_iter():
            yield checkout.to_dict()
    except stripe.StripeError as error:
        raise StripeUnreachable(_describe(error)) from error


def verified_event(settings: Settings, payload: bytes, signature: str | None) -> dict[str, Any]:
    """The event in `payload` if its Stripe-Signature is valid and recent, else InvalidWebhook."""
    assert settings.stripe_webhook_secret, "callers check billing_configured first"
    if not signature:
        raise InvalidWebhook("no Stripe-Signature header")
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8"),
            signature,
            settings.stripe_webhook_secret,
            WEBHOOK_TOLERANCE_SECONDS,
        )
    except stripe.SignatureVerificationError as error:
        raise InvalidWebhook(str(error.user_message or "signature does not match")) from None
    except UnicodeDecodeError:
        raise InvalidWebhook("the body is not UTF-8") from None
    try:
        event = json.loads(payload)
    except ValueError:
        raise InvalidWebhook("the body is not JSON") from None
    if not isinstance(event, dict) or not isinstance(event.get("id"), str):
        raise InvalidWebhook("the body is not a Stripe event")
    return event


def _describe(error: stripe.StripeError) -> str:
    status = f"HTTP {error.http_status}: " if error.http_status else ""
    return f"{type(error).__name__}: {status}{error.user_message or 'no message'}"
