"""GET /tokens pages the ledger newest first with a cursor; the balance is always the sum."""

from __future__ import annotations

import httpx

from resumeforge.db.engine import Database
from tests.generations.conftest import generation_body, ledger_mismatches, set_balance


async def test_the_ledger_pages_newest_first_without_gaps_or_repeats(
    client: httpx.AsyncClient, auth_headers: dict[str, str], db: Database
) -> None:
    await set_balance(db, "jane@example.com", 10)
    for _ in range(4):
        started = await client.post(
            "/api/v1/generations", json=generation_body(), headers=auth_headers
        )
        assert started.status_code == 202
    seen: list[dict[str, object]] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"before": cursor} if cursor else {})
        page = (await client.get("/api/v1/tokens", params=params, headers=auth_headers)).json()
        assert page["balance"] == 6
        assert len(page["entries"]) <= 2
        seen.extend(page["entries"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    ids = [entry["id"] for entry in seen]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    # signup 3, the grant up to 10, four debits of 1: six rows summing to the balance.
    assert [entry["amount"] for entry in seen] == [-1, -1, -1, -1, 7, 3]
    assert sum(int(str(entry["amount"])) for entry in seen) == 6
    assert await ledger_mismatches(db) == []


async def test_a_bad_page_size_or_cursor_is_a_clear_422(
    client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    for params in ({"limit": 0}, {"limit": 101}, {"before": 0}, {"before": "x"}):
        answer = await client.get("/api/v1/tokens", params=params, headers=auth_headers)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"
