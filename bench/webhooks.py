"""Billing over real HTTP and PostgreSQL: checkout through the stripe SDK, signed webhooks.

Run from the project root:  .venv/bin/python bench/webhooks.py [--count 100] [--port 8162]

Starts a throwaway database (on TEST_DATABASE_URL's server, else the embedded one), a fake
Stripe server on 127.0.0.1 and the API (`resumeforge serve`, no worker), then prints one table:
- POST /api/v1/billing/checkout (the SDK's round trip to Stripe included), one at a time;
- a new signed `checkout.session.completed` credited, one at a time and 32 at once;
- the same event redelivered (found in `stripe_events`, nothing applied);
- an unsigned delivery refused (the signature check alone);
- reference: GET /api/v1/tokens, an authenticated read of the same user's balance;
and checks that every purchase was credited exactly once.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generations import percentile, process, sign_in, wait_ready  # noqa: E402
from tests.billing import fake_stripe  # noqa: E402
from tests.billing.fake_stripe import FakeStripe, event, serve  # noqa: E402
from tests.databases import throwaway_database  # noqa: E402

FREE_TOKENS = 3
PACK_TOKENS = 10  # the default starter pack


async def timed(call: Callable[[], Awaitable[httpx.Response]]) -> float:
    started = time.perf_counter()
    response = await call()
    elapsed = time.perf_counter() - started
    if response.status_code >= 500:
        raise RuntimeError(f"{response.status_code}: {response.text}")
    return elapsed


def deliver(
    client: httpx.AsyncClient, payload: bytes, *, signed: bool = True
) -> Awaitable[httpx.Response]:
    headers = {"Content-Type": "application/json"}
    if signed:
        headers["Stripe-Signature"] = fake_stripe.signature(payload)
    return client.post("/api/v1/billing/webhook", content=payload, headers=headers)


async def paid_events(
    client: httpx.AsyncClient, stripe: FakeStripe, headers: dict[str, str], count: int
) -> tuple[list[float], list[bytes]]:
    """`count` checkouts through the API, each paid: their timings and completed events."""
    timings, events = [], []
    for _ in range(count):
        started = time.perf_counter()
        response = await client.post(
            "/api/v1/billing/checkout", json={"pack": "starter"}, headers=headers
        )
        timings.append(time.perf_counter() - started)
        response.raise_for_status()
        session_id = response.json()["checkout_url"].rsplit("/", 1)[1]
        events.append(event("checkout.session.completed", stripe.pay(session_id)))
    return timings, events


async def measure(base_url: str, stripe: FakeStripe, count: int) -> list[tuple[str, str]]:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        await wait_ready(client)
        headers = await sign_in(client)
        headers.pop("_email")
        await paid_events(client, stripe, headers, 3)  # warm: connections, the SDK

        checkouts, one_by_one = await paid_events(client, stripe, headers, count)
        credit = [await timed(lambda p=p: deliver(client, p)) for p in one_by_one]
        _, together = await paid_events(client, stripe, headers, count)
        started = time.perf_counter()
        await asyncio.gather(*(timed(lambda p=p: deliver(client, p)) for p in together))
        concurrent = count / (time.perf_counter() - started)
        duplicates = [await timed(lambda p=p: deliver(client, p)) for p in one_by_one]
        refused = [await timed(lambda p=p: deliver(client, p, signed=False)) for p in one_by_one]
        reads = [
            await timed(lambda: client.get("/api/v1/tokens?limit=1", headers=headers))
            for _ in range(count)
        ]
        balance = (await client.get("/api/v1/tokens", headers=headers)).json()["balance"]

    expected = FREE_TOKENS + PACK_TOKENS * 2 * count  # the warm-up's events were never sent
    ms = 1000.0
    return [
        ("checkout (SDK → Stripe), median", f"{statistics.median(checkouts) * ms:.1f} ms"),
        ("checkout (SDK → Stripe), p95", f"{percentile(checkouts, 0.95) * ms:.1f} ms"),
        ("webhook credited, median", f"{statistics.median(credit) * ms:.1f} ms"),
        ("webhook credited, p95", f"{percentile(credit, 0.95) * ms:.1f} ms"),
        (f"webhooks of one user, {count} at once", f"{concurrent:.0f} events/s"),
        ("duplicate delivery, median", f"{statistics.median(duplicates) * ms:.1f} ms"),
        ("unsigned delivery refused, median", f"{statistics.median(refused) * ms:.1f} ms"),
        ("reference: GET /api/v1/tokens, median", f"{statistics.median(reads) * ms:.1f} ms"),
        ("credited exactly once", "yes" if balance == expected else f"NO: {balance} ≠ {expected}"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--port", type=int, default=8162)
    args = parser.parse_args()

    with (
        throwaway_database("resumeforge_bench") as database_url,
        contextmanager(serve)(FakeStripe()) as stripe,
    ):
        env = {
            **os.environ,
            "RESUMEFORGE_ENV": "test",
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARNING",
            "SERVE_WITH_WORKER": "false",
            "STRIPE_SECRET_KEY": fake_stripe.SECRET_KEY,
            "STRIPE_WEBHOOK_SECRET": fake_stripe.WEBHOOK_SECRET,
            "STRIPE_API_BASE": stripe.url,
        }
        with process("serve", "--port", str(args.port), env=env):
            rows = asyncio.run(measure(f"http://127.0.0.1:{args.port}", stripe, args.count))

    print(f"{'billing (1 API process, 2 cores)':40} {'measured':>14}")
    for label, value in rows:
        print(f"{label:40} {value:>14}")


if __name__ == "__main__":
    main()
