"""Shared fixtures: a real PostgreSQL database for the run, clean tables for each test, the app.

The server is TEST_DATABASE_URL when set (CI points it at the machine's PostgreSQL), else an
embedded one under .data/. Each run creates its own database on it, migrated to head, and
drops it at the end; each test that asks for `db` starts from empty tables.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import psycopg
import pytest
from fastapi import FastAPI

from resumeforge.ai.providers import forget_providers
from resumeforge.app import create_app
from resumeforge.config import Settings, load_settings
from resumeforge.db.engine import Database, create_database, libpq_url
from tests.ai.fake_llm import FakeLLM, serve
from tests.billing import fake_stripe
from tests.billing.fake_stripe import FakeStripe
from tests.databases import throwaway_database

TEST_JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A new database on the test server, migrated to head; dropped after the run."""
    with throwaway_database("resumeforge_test") as url:
        yield url


@pytest.fixture(autouse=True)
def fresh_providers() -> Iterator[None]:
    """Each test meets its fake model server with providers that know nothing of it yet."""
    forget_providers()
    yield
    forget_providers()


@pytest.fixture(scope="session")
def fake_llm_server() -> Iterator[FakeLLM]:
    """A fake Gemini and OpenAI server on loopback, for the real SDK clients to talk to."""
    yield from serve(FakeLLM())


@pytest.fixture
def fake_llm(fake_llm_server: FakeLLM) -> FakeLLM:
    fake_llm_server.reset()
    return fake_llm_server


@pytest.fixture(scope="session")
def fake_stripe_server() -> Iterator[FakeStripe]:
    """A fake Stripe API on loopback, for the real stripe SDK (billing tests, the API fuzz)."""
    yield from fake_stripe.serve(FakeStripe(prices={"price_starter": (900, "usd")}))


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return load_settings(
        resumeforge_env="test",
        database_url=database_url,
        jwt_secret=TEST_JWT_SECRET,
        free_tokens=3,
        log_level="WARNING",
        llm_provider="offline",
        gemini_api_key=None,
        openai_api_key=None,
        openai_base_url=None,
        pdfco_api_key=None,
        stripe_secret_key=None,
        redis_url=None,
        smtp_host=None,
        # Tests sign in and start generations in bursts; test_ratelimit sets its own limits.
        rate_limit_auth="100000/minute",
        rate_limit_generations="100000/minute",
    )


@pytest.fixture(scope="session")
async def database(settings: Settings, database_url: str) -> AsyncIterator[Database]:
    database = create_database(settings, database_url)
    yield database
    await database.dispose()


def _truncate_everything(url: str) -> None:
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version'"
            )
        ]
        if tables:
            quoted = ", ".join(f'"{table}"' for table in tables)
            connection.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")


@pytest.fixture
def db(database_url: str, database: Database) -> Database:
    """The run's database with every table emptied first."""
    _truncate_everything(database_url)
    return database


@pytest.fixture
def app(settings: Settings, db: Database) -> FastAPI:
    return create_app(settings, database=db)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def register_and_login(
    client: httpx.AsyncClient, email: str = "jane@example.com", password: str = "correct horse 1"
) -> dict[str, str]:
    """Sign up and sign in; return the token pair."""
    response = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": password}
    )
    assert response.status_code == 201, response.text
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


@pytest.fixture
async def auth_headers(client: httpx.AsyncClient) -> dict[str, str]:
    tokens = await register_and_login(client)
    return {"Authorization": f"Bearer {tokens['access_token']}"}
