"""The whole API, fuzzed from its own OpenAPI schema over real HTTP: no input gives a 500.

Schemathesis generates requests for every operation (valid and invalid bodies, odd
strings, huge numbers) against `resumeforge serve` on loopback, signed in as a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.billing import fake_stripe
from tests.billing.fake_stripe import FakeStripe
from tests.loopback import free_port

BIN = Path(sys.executable).parent
SEED = "20261126"  # fixed: a failure found once is found again


@pytest.fixture
def served(database_url: str, db: object, fake_stripe_server: FakeStripe) -> Iterator[str]:
    port = free_port()
    environment = {
        **os.environ,
        "RESUMEFORGE_ENV": "test",
        "DATABASE_URL": database_url,
        "SERVE_WITH_WORKER": "false",
        "LOG_LEVEL": "ERROR",
        "RATE_LIMIT_AUTH": "100000/minute",
        "RATE_LIMIT_GENERATIONS": "100000/minute",
        # Billing on, against the fake Stripe: its routes are fuzzed, not just refused.
        "STRIPE_SECRET_KEY": fake_stripe.SECRET_KEY,
        "STRIPE_WEBHOOK_SECRET": fake_stripe.WEBHOOK_SECRET,
        "STRIPE_API_BASE": fake_stripe_server.url,
    }
    server = subprocess.Popen(
        [str(BIN / "resumeforge"), "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health/ready").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_no_request_from_the_schema_makes_a_server_error(served: str) -> None:
    credentials = {"email": "fuzz@example.com", "password": "fuzzing password"}
    httpx.post(f"{served}/api/v1/auth/register", json=credentials).raise_for_status()
    token = httpx.post(f"{served}/api/v1/auth/login", json=credentials).json()["access_token"]
    done = subprocess.run(
        [
            str(BIN / "schemathesis"), "run", f"{served}/openapi.json",
            "--checks", "not_a_server_error",
            "--header", f"Authorization: Bearer {token}",
            "--max-examples", "15",
            "--seed", SEED,
            "--request-timeout", "30",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:]
