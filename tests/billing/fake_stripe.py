"""A fake Stripe API on 127.0.0.1 for the real `stripe` SDK: Checkout Sessions created, read
and listed, every request recorded as the SDK sent it. Tests then play the customer (`pay`,
`expire`) and Stripe's webhooks (`event`, `signed`: signatures computed as Stripe does)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from tests.loopback import serving

SECRET_KEY = "sk_test_fake_0123456789"
WEBHOOK_SECRET = "whsec_test_fake_0123456789"


@dataclass
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]
    form: dict[str, str]  # the SDK's form encoding, flat: "metadata[pack]" -> "starter"


@dataclass
class FakeStripe:
    url: str = ""
    prices: dict[str, tuple[int, str]] = field(default_factory=dict)  # price id: amount, currency
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_idempotency_key: dict[str, str] = field(default_factory=dict)
    seen: list[SeenRequest] = field(default_factory=list)
    fail_with: int | None = None  # answer every request with this HTTP status
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _clock: int = 0

    def reset(self) -> None:
        with self._lock:
            self.sessions.clear()
            self.by_idempotency_key.clear()
            self.seen.clear()
            self.fail_with = None

    def created_sessions(self) -> list[SeenRequest]:
        return [r for r in self.seen if r.method == "POST" and r.path == "/v1/checkout/sessions"]

    # --- the customer and Stripe, played by the test ---

    def pay(self, session_id: str, *, amount_total: int | None = None) -> dict[str, Any]:
        """The customer paid: the session completes with a payment intent."""
        checkout = self.sessions[session_id]
        checkout.update(
            status="complete",
            payment_status="paid",
            payment_intent=checkout["payment_intent"] or f"pi_{secrets.token_hex(8)}",
        )
        if amount_total is not None:
            checkout["amount_total"] = amount_total
        return dict(checkout)

    def expire(self, session_id: str) -> dict[str, Any]:
        self.sessions[session_id].update(status="expired")
        return dict(self.sessions[session_id])

    # --- the HTTP side ---

    def create_session(self, form: dict[str, str], idempotency_key: str | None) -> dict[str, Any]:
        with self._lock:
            if idempotency_key and idempotency_key in self.by_idempotency_key:
                return self.sessions[self.by_idempotency_key[idempotency_key]]
            if "line_items[0][price]" in form:
                amount, currency = self.prices[form["line_items[0][price]"]]
            else:
                amount = int(form["line_items[0][price_data][unit_amount]"])
                currency = form["line_items[0][price_data][currency]"]
            quantity = int(form.get("line_items[0][quantity]", "1"))
            self._clock += 1
            session_id = f"cs_test_{secrets.token_hex(12)}"
            checkout = {
                "id": session_id,
                "object": "checkout.session",
                "mode": form["mode"],
                "status": "open",
                "payment_status": "unpaid",
                "amount_total": amount * quantity,
                "currency": currency,
                "client_reference_id": form.get("client_reference_id"),
                "customer_email": form.get("customer_email"),
                "metadata": _sub(form, "metadata"),
                "payment_intent": None,
                "success_url": form.get("success_url"),
                "cancel_url": form.get("cancel_url"),
                # Distinct and increasing, so "newest first" is well defined.
                "created": int(time.time()) + self._clock,
                "url": f"{self.url}/pay/{session_id}",
                "livemode": False,
            }
            self.sessions[session_id] = checkout
            if idempotency_key:
                self.by_idempotency_key[idempotency_key] = session_id
            return checkout

    def list_sessions(self, query: dict[str, str]) -> dict[str, Any]:
        with self._lock:
            since = int(query.get("created[gte]", "0"))
            limit = int(query.get("limit", "10"))
            rows = sorted(
                (s for s in self.sessions.values() if s["created"] >= since),
                key=lambda s: s["created"],
                reverse=True,
            )
            after = query.get("starting_after")
            if after:
                index = next(i for i, s in enumerate(rows) if s["id"] == after)
                rows = rows[index + 1 :]
            return {
                "object": "list",
                "url": "/v1/checkout/sessions",
                "has_more": len(rows) > limit,
                "data": rows[:limit],
            }


def _sub(form: dict[str, str], name: str) -> dict[str, str]:
    prefix = f"{name}["
    return {
        k[len(prefix) : -1]: v
        for k, v in form.items()
        if k.startswith(prefix) and k.count("[") == 1
    }


def stripe_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"type": "api_error", "message": message}}, status_code=status)


def build_app(fake: FakeStripe) -> FastAPI:
    app = FastAPI()

    @app.middleware("http")
    async def record(request: Request, call_next: Any) -> Any:
        body = (await request.body()).decode()
        fake.seen.append(
            SeenRequest(
                request.method,
                request.url.path,
                {k.lower(): v for k, v in request.headers.items()},
                dict(parse_qsl(body or request.url.query, keep_blank_values=True)),
            )
        )
        if request.headers.get("authorization") != f"Bearer {SECRET_KEY}":
            return stripe_error(401, "Invalid API Key provided")
        if fake.fail_with is not None:
            return stripe_error(fake.fail_with, "scripted failure")
        return await call_next(request)

    @app.post("/v1/checkout/sessions")
    async def create(request: Request) -> JSONResponse:
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        return JSONResponse(fake.create_session(form, request.headers.get("idempotency-key")))

    @app.get("/v1/checkout/sessions")
    async def list_sessions(request: Request) -> JSONResponse:
        return JSONResponse(fake.list_sessions(dict(request.query_params)))

    @app.get("/v1/checkout/sessions/{session_id}")
    async def retrieve(session_id: str) -> JSONResponse:
        if session_id not in fake.sessions:
            return stripe_error(404, "No such checkout.session")
        return JSONResponse(fake.sessions[session_id])

    return app


def serve(fake: FakeStripe) -> Iterator[FakeStripe]:
    with serving(build_app(fake)) as url:
        fake.url = url
        yield fake


# --- webhooks, as Stripe sends them ---


def event(event_type: str, stripe_object: dict[str, Any], *, event_id: str | None = None) -> bytes:
    """An event's body, as Stripe posts it."""
    return json.dumps(
        {
            "id": event_id or f"evt_{secrets.token_hex(12)}",
            "object": "event",
            "api_version": "2025-01-27.acacia",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "type": event_type,
            "data": {"object": stripe_object},
        }
    ).encode()


def signature(payload: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """Stripe-Signature exactly as Stripe computes it: HMAC-SHA256 of "{t}.{payload}"."""
    t = int(time.time()) if timestamp is None else timestamp
    signed = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={signed}"


def charge(
    payment_intent: str, *, amount: int, amount_refunded: int, currency: str = "usd"
) -> dict[str, Any]:
    return {
        "id": f"ch_{secrets.token_hex(8)}",
        "object": "charge",
        "amount": amount,
        "amount_refunded": amount_refunded,
        "currency": currency,
        "payment_intent": payment_intent,
        "refunded": amount_refunded >= amount,
    }


def dispute(payment_intent: str, *, amount: int, currency: str = "usd") -> dict[str, Any]:
    return {
        "id": f"dp_{secrets.token_hex(8)}",
        "object": "dispute",
        "amount": amount,
        "currency": currency,
        "charge": f"ch_{secrets.token_hex(8)}",
        "payment_intent": payment_intent,
        "reason": "fraudulent",
        "status": "needs_response",
    }


def failed_intent(payment_intent: str, purchase_id: str, message: str) -> dict[str, Any]:
    return {
        "id": payment_intent,
        "object": "payment_intent",
        "metadata": {"purchase_id": purchase_id},
        "last_payment_error": {"code": "card_declined", "message": message},
        "status": "requires_payment_method",
    }
