"""Sign-up, sign-in, rotation, reuse detection and the access token's checks, over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from resumeforge.accounts.models import User
from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.conftest import register_and_login

PROBLEM = "application/problem+json"


async def test_register_login_me_refresh_logout_round_trip(client: httpx.AsyncClient) -> None:
    tokens = await register_and_login(client, "ada@example.com")
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 15 * 60

    me = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["email"] == "ada@example.com"
    assert me.json()["token_balance"] == 3

    refreshed = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert refreshed.status_code == 200
    assert refreshed.json()["refresh_token"] != tokens["refresh_token"]

    out = await client.post(
        "/api/v1/auth/logout", json={"refresh_token": refreshed.json()["refresh_token"]}
    )
    assert out.status_code == 204
    after = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": refreshed.json()["refresh_token"]}
    )
    assert after.status_code == 401


async def test_same_email_in_any_letter_case_is_a_conflict(client: httpx.AsyncClient) -> None:
    await register_and_login(client, "Grace@Example.com")
    again = await client.post(
        "/api/v1/auth/register",
        json={"email": "grace@EXAMPLE.COM", "password": "another password"},
    )
    assert again.status_code == 409
    assert again.headers["content-type"] == PROBLEM
    assert again.json()["type"].endswith("/email-taken")


async def test_login_accepts_the_email_in_another_case(client: httpx.AsyncClient) -> None:
    await register_and_login(client, "linus@example.com")
    response = await client.post(
        "/api/v1/auth/login", json={"email": "LINUS@example.com", "password": "correct horse 1"}
    )
    assert response.status_code == 200


async def test_replayed_refresh_token_is_refused_and_revokes_the_family(
    settings: Settings, db: Database
) -> None:
    # No grace window: a replay at once is already one too many.
    strict = create_app(settings.model_copy(update={"refresh_reuse_grace_seconds": 0}), database=db)
    transport = httpx.ASGITransport(app=strict)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        await _replay_revokes_the_family(client)


async def _replay_revokes_the_family(client: httpx.AsyncClient) -> None:
    first = await register_and_login(client)
    second = (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    ).json()

    replay = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert replay.status_code == 401
    assert replay.headers["content-type"] == PROBLEM

    # The thief's replay closed the legitimate session too.
    legit = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}
    )
    assert legit.status_code == 401


async def test_unknown_email_and_wrong_password_answer_alike(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await register_and_login(client)
    verifications: list[str] = []
    verify = PasswordHasher.verify

    def counting_verify(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        verifications.append("verify")
        return verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting_verify)
    answers = {}
    work = {}
    for label, email in (("wrong password", "jane@example.com"), ("unknown", "nobody@example.com")):
        verifications.clear()
        response = await client.post(
            "/api/v1/auth/login", json={"email": email, "password": "not the password"}
        )
        answers[label] = (response.status_code, response.json()["type"], response.json()["detail"])
        work[label] = len(verifications)
    assert answers["wrong password"] == answers["unknown"]
    assert answers["unknown"][0] == 401
    # Both paths run one argon2 verification: the unknown email is not answered early, so the
    # time an answer takes does not tell whether the account exists.
    assert work == {"wrong password": 1, "unknown": 1}


# The HS512 token is made only to be refused; PyJWT warns that its key is short for HS512.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
async def test_expired_tampered_and_unsigned_tokens_get_401(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    tokens = await register_and_login(client)
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})

    expired = jwt.encode(
        {**claims, "exp": datetime.now(UTC) - timedelta(minutes=1)},
        settings.jwt_secret,
        algorithm="HS256",
    )
    header, payload, signature = tokens["access_token"].split(".")
    tampered = f"{header}.{payload}.{signature[:-4]}AAAA"
    unsigned = jwt.encode(claims, key=None, algorithm="none")
    other_algorithm = jwt.encode(claims, settings.jwt_secret, algorithm="HS512")
    refresh_as_access = tokens["refresh_token"]

    for token in (expired, tampered, unsigned, other_algorithm, refresh_as_access, "garbage"):
        response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["type"].endswith("/invalid-token")


async def test_me_without_a_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


async def test_password_limits_and_email_checks(client: httpx.AsyncClient) -> None:
    cases = [
        {"email": "a@example.com", "password": "short"},
        {"email": "a@example.com", "password": "x" * 1025},
        {"email": "not-an-email", "password": "long enough password"},
        {"email": "a@example.com"},
        {"email": 42, "password": "long enough password"},
    ]
    for body in cases:
        response = await client.post("/api/v1/auth/register", json=body)
        assert response.status_code == 422, body
        problem = response.json()
        assert problem["type"].endswith("/validation-error")
        assert problem["errors"], "each problem names its field"
        assert all(error["field"].startswith("body") for error in problem["errors"])


async def test_passwords_are_stored_as_argon2id(client: httpx.AsyncClient, db: Database) -> None:
    await register_and_login(client, "hash@example.com")
    async with db.sessions() as session:
        stored = await session.scalar(select(User.password_hash))
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert "correct horse 1" not in stored


async def test_login_rehashes_a_password_stored_with_older_parameters(
    client: httpx.AsyncClient, db: Database
) -> None:
    await register_and_login(client, "old@example.com", "an old password")
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("an old password")
    async with db.sessions() as session:
        await session.execute(update(User).values(password_hash=weak))
        await session.commit()

    response = await client.post(
        "/api/v1/auth/login", json={"email": "old@example.com", "password": "an old password"}
    )
    assert response.status_code == 200
    async with db.sessions() as session:
        stored = await session.scalar(select(User.password_hash))
    assert stored != weak
    assert stored is not None and stored.startswith("$argon2id$")
