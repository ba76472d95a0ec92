"""Sign-up and refresh share the per-address auth limit with sign-in: past it, 429."""

from __future__ import annotations

import httpx

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login


def limited_client(settings: Settings, db: Database, limit: str) -> httpx.AsyncClient:
    app = create_app(settings.model_copy(update={"rate_limit_auth": limit}), database=db)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def assert_rate_limited(answer: httpx.Response) -> None:
    assert answer.status_code == 429, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["type"].endswith("/rate-limited")
    assert 1 <= int(answer.headers["retry-after"]) <= 60


async def test_sign_ups_from_one_address_are_limited(settings: Settings, db: Database) -> None:
    async with limited_client(settings, db, "3/minute") as client:
        answers = [
            await client.post(
                "/api/v1/auth/register",
                json={"email": f"person{n}@example.com", "password": "correct horse 1"},
            )
            for n in range(4)
        ]
    assert [a.status_code for a in answers[:3]] == [201, 201, 201]
    assert_rate_limited(answers[3])
    assert "person3@example.com" not in answers[3].text


async def test_refreshes_from_one_address_are_limited(settings: Settings, db: Database) -> None:
    # Sign-up and sign-in spend two of the four; then two refreshes pass and the third is 429.
    async with limited_client(settings, db, "4/minute") as client:
        tokens = await register_and_login(client, "rota@example.com")
        answers = []
        for _ in range(3):
            answer = await client.post(
                "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
            )
            answers.append(answer)
            if answer.status_code == 200:
                tokens = answer.json()
    assert [a.status_code for a in answers[:2]] == [200, 200]
    assert_rate_limited(answers[2])
