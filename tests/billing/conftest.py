"""Fixtures for billing: the fake Stripe server, an app configured for it, a buyer, and the
ledger invariant checked after every billing test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumeforge.accounts.service import find_by_email
from resumeforge.app import create_app
from resumeforge.config import Settings, TokenPack
from resumeforge.db.engine import Database
from tests.billing import fake_stripe
from tests.billing.fake_stripe import FakeStripe
from tests.conftest import register_and_login
from tests.generations.conftest import ledger_mismatches

PACKS = [
    TokenPack(name="starter", tokens=10, price_id="price_starter", amount=900, currency="usd"),
    TokenPack(name="pro", tokens=50, amount=3900, currency="usd"),  # no Price: price_data
]


@pytest.fixture(autouse=True)
async def balances_equal_ledgers(db: Database) -> AsyncIterator[None]:
    """After every billing test, for every user, token_balance == SUM(ledger)."""
    yield
    assert await ledger_mismatches(db) == []


@pytest.fixture
def stripe(fake_stripe_server: FakeStripe) -> FakeStripe:
    fake_stripe_server.reset()
    return fake_stripe_server


@pytest.fixture
def billing_settings(settings: Settings, stripe: FakeStripe) -> Settings:
    return settings.model_copy(
        update={
            "stripe_secret_key": fake_stripe.SECRET_KEY,
            "stripe_webhook_secret": fake_stripe.WEBHOOK_SECRET,
            "stripe_api_base": stripe.url,
            "token_packs": PACKS,
            "public_base_url": "http://127.0.0.1:8161",
        }
    )


@pytest.fixture
def billing_app(billing_settings: Settings, db: Database) -> FastAPI:
    return create_app(billing_settings, database=db)


@pytest.fixture
async def billing_client(billing_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=billing_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@dataclass
class Buyer:
    """A signed-in user and a way to act as them and as Stripe."""

    client: httpx.AsyncClient
    stripe: FakeStripe
    database: Database
    email: str
    user_id: uuid.UUID
    headers: dict[str, str]

    async def checkout(self, pack: str = "starter") -> dict[str, Any]:
        response = await self.client.post(
            "/api/v1/billing/checkout", json={"pack": pack}, headers=self.headers
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    async def checkout_session(self, pack: str = "starter") -> tuple[str, dict[str, Any]]:
        """Start a checkout; return the purchase id and Stripe's session for it."""
        started = await self.checkout(pack)
        session_id = started["checkout_url"].rsplit("/", 1)[1]
        return started["purchase_id"], self.stripe.sessions[session_id]

    async def balance(self) -> int:
        response = await self.client.get("/api/v1/tokens", headers=self.headers)
        return int(response.json()["balance"])

    async def purchase(self, purchase_id: str) -> dict[str, Any]:
        response = await self.client.get(
            f"/api/v1/billing/purchases/{purchase_id}", headers=self.headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def notifications(self) -> list[dict[str, Any]]:
        response = await self.client.get("/api/v1/notifications", headers=self.headers)
        notes: list[dict[str, Any]] = response.json()["notifications"]
        return notes

    async def account(self) -> dict[str, Any]:
        response = await self.client.get("/api/v1/billing/account", headers=self.headers)
        body: dict[str, Any] = response.json()
        return body


async def deliver(
    client: httpx.AsyncClient, payload: bytes, *, signature: str | None = "sign"
) -> httpx.Response:
    """POST an event to the webhook, signed with the right secret unless told otherwise."""
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        headers["Stripe-Signature"] = fake_stripe.signature(payload)
    elif signature is not None:
        headers["Stripe-Signature"] = signature
    return await client.post("/api/v1/billing/webhook", content=payload, headers=headers)


@pytest.fixture
async def buyer(billing_client: httpx.AsyncClient, stripe: FakeStripe, db: Database) -> Buyer:
    email = "buyer@example.com"
    tokens = await register_and_login(billing_client, email)
    async with db.sessions() as session:
        user = await find_by_email(session=session, email=email)
        assert user is not None
    return Buyer(
        client=billing_client,
        stripe=stripe,
        database=db,
        email=email,
        user_id=user.id,
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
