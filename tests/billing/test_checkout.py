"""Packs and checkout: the real stripe SDK against the fake Stripe server, and what it sent."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from resumeforge.billing.models import Purchase
from resumeforge.config import SettingsError, load_settings
from resumeforge.db.engine import Database
from tests.billing.conftest import Buyer, deliver
from tests.billing.fake_stripe import SECRET_KEY, FakeStripe, event
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, set_balance


async def test_packs_are_listed_with_their_prices(billing_client: httpx.AsyncClient) -> None:
    response = await billing_client.get("/api/v1/billing/packs")
    assert response.status_code == 200
    assert response.json() == [
        {"name": "starter", "tokens": 10, "amount": 900, "currency": "usd", "price": "9.00 USD"},
        {"name": "pro", "tokens": 50, "amount": 3900, "currency": "usd", "price": "39.00 USD"},
    ]


async def test_checkout_creates_a_stripe_session_through_the_sdk(
    buyer: Buyer, stripe: FakeStripe
) -> None:
    started = await buyer.checkout("starter")
    (sent,) = stripe.created_sessions()
    purchase_id = started["purchase_id"]
    assert sent.headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert sent.headers["idempotency-key"] == f"checkout:{purchase_id}"
    assert sent.headers["user-agent"].startswith("Stripe/v1 PythonBindings/")
    form = sent.form
    assert form["mode"] == "payment"
    assert form["line_items[0][price]"] == "price_starter"
    assert form["line_items[0][quantity]"] == "1"
    assert form["client_reference_id"] == str(buyer.user_id)
    assert form["customer_email"] == buyer.email
    assert form["metadata[purchase_id]"] == purchase_id
    assert form["metadata[user_id]"] == str(buyer.user_id)
    assert form["metadata[pack]"] == "starter"
    assert form["payment_intent_data[metadata][purchase_id]"] == purchase_id
    assert form["success_url"] == f"http://127.0.0.1:8161/billing/success?purchase={purchase_id}"
    assert form["cancel_url"] == f"http://127.0.0.1:8161/billing/cancel?purchase={purchase_id}"
    assert started["checkout_url"].startswith(f"{stripe.url}/pay/cs_test_")

    purchases = (await buyer.client.get("/api/v1/billing/purchases", headers=buyer.headers)).json()[
        "purchases"
    ]
    assert [(p["id"], p["status"], p["pack"], p["tokens"]) for p in purchases] == [
        (purchase_id, "pending", "starter", 10)
    ]
    assert await buyer.balance() == 3  # nothing is credited before Stripe says it is paid


async def test_a_pack_without_a_stripe_price_sends_its_amount(
    buyer: Buyer, stripe: FakeStripe
) -> None:
    await buyer.checkout("pro")
    form = stripe.created_sessions()[0].form
    assert "line_items[0][price]" not in form
    assert form["line_items[0][price_data][unit_amount]"] == "3900"
    assert form["line_items[0][price_data][currency]"] == "usd"
    assert form["line_items[0][price_data][product_data][name]"] == "resumeforge pro: 50 tokens"


async def test_an_unknown_pack_is_422_and_records_nothing(
    buyer: Buyer, stripe: FakeStripe, db: Database
) -> None:
    response = await buyer.client.post(
        "/api/v1/billing/checkout", json={"pack": "platinum"}, headers=buyer.headers
    )
    assert response.status_code == 422
    assert response.json()["type"].endswith("/unknown-pack")
    assert "starter, pro" in response.json()["detail"]
    assert stripe.created_sessions() == []
    async with db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Purchase)) == 0


async def test_stripe_failing_is_a_502_and_records_nothing(
    buyer: Buyer, stripe: FakeStripe, db: Database
) -> None:
    stripe.fail_with = 400
    response = await buyer.client.post(
        "/api/v1/billing/checkout", json={"pack": "starter"}, headers=buyer.headers
    )
    assert response.status_code == 502
    assert response.json()["type"].endswith("/payment-provider-unavailable")
    async with db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Purchase)) == 0


async def test_checkout_needs_a_signed_in_user(billing_client: httpx.AsyncClient) -> None:
    response = await billing_client.post("/api/v1/billing/checkout", json={"pack": "starter"})
    assert response.status_code == 401


async def test_without_stripe_settings_billing_is_503_and_the_rest_works(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    for method, path in [
        ("GET", "/api/v1/billing/packs"),
        ("POST", "/api/v1/billing/checkout"),
        ("GET", "/api/v1/billing/purchases"),
        ("GET", "/api/v1/billing/account"),
        ("POST", "/api/v1/billing/webhook"),
    ]:
        response = await client.request(
            method, path, json={"pack": "starter"}, headers=auth_headers
        )
        assert response.status_code == 503, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/billing-not-configured")
    tokens = await client.get("/api/v1/tokens", headers=auth_headers)
    assert tokens.status_code == 200 and tokens.json()["balance"] == 3
    # The webhook refuses before reading anything: nothing to verify a signature with.
    refused = await deliver(client, event("checkout.session.completed", {}))
    assert refused.status_code == 503


async def test_too_few_tokens_names_the_packs_and_where_to_buy(buyer: Buyer, db: Database) -> None:
    await set_balance(db, buyer.email, 0)
    response = await buyer.client.post(
        "/api/v1/generations", json=generation_body(), headers=buyer.headers
    )
    assert response.status_code == 402
    problem = response.json()
    assert problem["type"].endswith("/insufficient-tokens")
    assert problem["balance"] == 0 and problem["cost"] == 1
    assert [p["name"] for p in problem["packs"]] == ["starter", "pro"]
    assert problem["buy"] == "/api/v1/billing/checkout"
    assert "starter (10 tokens, 9.00 USD)" in problem["detail"]


async def test_without_billing_the_402_lists_no_packs(
    client: httpx.AsyncClient, db: Database
) -> None:
    tokens = await register_and_login(client, "nobilling@example.com")
    await set_balance(db, "nobilling@example.com", 0)
    response = await client.post(
        "/api/v1/generations",
        json=generation_body(),
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    assert response.status_code == 402 and response.json()["packs"] == []


async def test_another_users_purchase_is_not_found(
    buyer: Buyer, billing_client: httpx.AsyncClient
) -> None:
    started = await buyer.checkout("starter")
    other = await register_and_login(billing_client, "nosy@example.com")
    headers = {"Authorization": f"Bearer {other['access_token']}"}
    response = await billing_client.get(
        f"/api/v1/billing/purchases/{started['purchase_id']}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["type"].endswith("/purchase-not-found")
    listing = await billing_client.get("/api/v1/billing/purchases", headers=headers)
    assert listing.json() == {"purchases": []}


def test_token_packs_are_read_from_json_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "TOKEN_PACKS",
        '[{"name": "mini", "tokens": 5, "price_id": "price_mini", "amount": 500, '
        '"currency": "eur"}]',
    )
    (pack,) = load_settings().token_packs
    assert (pack.name, pack.tokens, pack.price_id, pack.amount, pack.currency) == (
        "mini", 5, "price_mini", 500, "eur"
    )  # fmt: skip
    monkeypatch.setenv(
        "TOKEN_PACKS",
        '[{"name": "a", "tokens": 5, "amount": 5}, {"name": "a", "tokens": 9, "amount": 9}]',
    )
    with pytest.raises(SettingsError, match="TOKEN_PACKS: each pack needs a name of its own"):
        load_settings()
    monkeypatch.setenv("TOKEN_PACKS", '[{"name": "a", "tokens": 0, "amount": 5}]')
    with pytest.raises(SettingsError, match="TOKEN_PACKS"):
        load_settings()
