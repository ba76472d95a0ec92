"""`resumeforge tokens grant`: an operator's credit goes through the ledger."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx

from resumeforge.db.engine import Database
from tests.conftest import register_and_login
from tests.generations.conftest import ledger_mismatches


def _grant(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeforge", "tokens", "grant", *args],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_grant_credits_the_account_through_the_ledger(
    client: httpx.AsyncClient, db: Database, database_url: str
) -> None:
    tokens = await register_and_login(client, "ops@example.com")
    done = _grant(database_url, "OPS@example.com", "7", "--reason", "goodwill")
    assert done.returncode == 0, done.stderr
    assert "balance now 10" in done.stdout
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    ledger = (await client.get("/api/v1/tokens", headers=headers)).json()
    assert ledger["balance"] == 10
    assert ledger["entries"][0]["reference"] == "operator:goodwill"
    assert await ledger_mismatches(db) == []


async def test_grant_to_an_unknown_email_fails_clearly(db: Database, database_url: str) -> None:
    done = _grant(database_url, "ghost@example.com", "1")
    assert done.returncode == 1
    assert "no account with the email ghost@example.com" in done.stderr
