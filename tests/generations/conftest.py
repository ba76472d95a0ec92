"""Fixtures for generations: a résumé to send, ledger checks, a worker in the test's loop or
in a process of its own."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from resumeforge.accounts.service import find_by_email
from resumeforge.app import create_app
from resumeforge.billing.service import balance_of, credit_tokens, debit_tokens
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.generations.jobs import WorkerRuntime, run_worker
from tests.ai.fake_llm import FakeLLM
from tests.ai.resumes import sample_resume

JOB_DESCRIPTION = (
    "Senior Backend Engineer at Lumen Freight. You will build Python APIs with FastAPI, "
    "PostgreSQL and Redis, run them on Kubernetes, and stream events through Kafka."
)
TERMINAL = {"succeeded", "failed"}


@contextlib.contextmanager
def worker_process(
    environment: dict[str, str], log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`resumeforge worker` in a process of its own (its output in `log`, else dropped), stopped
    at the end with SIGTERM as a deployment stops it, and killed if it has not left in 30 s."""
    with log.open("wb") if log else contextlib.nullcontext(subprocess.DEVNULL) as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "resumeforge", "worker"],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()


def generation_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "resume": sample_resume().model_dump(mode="json"),
        "job_description": JOB_DESCRIPTION,
        "kind": "resume",
    }
    body.update(overrides)
    return body


async def ledger_mismatches(database: Database) -> list[Any]:
    """Users whose balance is not the sum of their ledger: must always be none."""
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            text(
                "SELECT u.id, u.token_balance, coalesce(sum(l.amount), 0) AS ledger "
                "FROM users u LEFT JOIN token_ledger l ON l.user_id = u.id "
                "GROUP BY u.id HAVING u.token_balance <> coalesce(sum(l.amount), 0)"
            )
        )
        return list(rows)


async def set_balance(database: Database, email: str, balance: int) -> None:
    """Set a balance through the ledger, as the operator command does."""
    async with database.sessions() as session:
        user = await find_by_email(session=session, email=email)
        assert user is not None
        current = await balance_of(session=session, user_id=user.id)
        key = f"test:{uuid.uuid4()}"
        if balance > current:
            await credit_tokens(
                session=session,
                user_id=user.id,
                amount=balance - current,
                reason="grant",
                idempotency_key=key,
            )
        elif balance < current:
            await debit_tokens(
                session=session,
                user_id=user.id,
                amount=current - balance,
                reason="adjust",
                idempotency_key=key,
            )
        await session.commit()


async def refunds_of(database: Database, generation_id: str) -> int:
    async with database.engine.connect() as connection:
        count = await connection.scalar(
            text("SELECT count(*) FROM token_ledger WHERE idempotency_key = :key"),
            {"key": f"generation:{generation_id}:refund"},
        )
        return int(count or 0)


async def wait_until_finished(
    client: httpx.AsyncClient, headers: dict[str, str], generation_id: str, within: float = 60
) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + within
    while True:
        response = await client.get(f"/api/v1/generations/{generation_id}", headers=headers)
        body: dict[str, Any] = response.json()
        if body["status"] in TERMINAL:
            return body
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"generation still {body['status']} after {within} s")
        await asyncio.sleep(0.05)


@pytest.fixture
def gemini_settings(settings: Settings, fake_llm: FakeLLM) -> Settings:
    """Gemini configured, pointed at the fake server; retries quick."""
    return settings.model_copy(
        update={
            "gemini_api_key": "test-key",
            "gemini_base_url": fake_llm.url,
            "gemini_fallback_models": [],
            "llm_max_retries": 0,
            "llm_timeout_seconds": 5.0,
        }
    )


@pytest.fixture
def gemini_app(gemini_settings: Settings, db: Database) -> FastAPI:
    return create_app(gemini_settings, database=db)


@pytest.fixture
async def gemini_client(gemini_app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=gemini_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@contextlib.asynccontextmanager
async def worker_running(settings: Settings, database: Database) -> AsyncIterator[None]:
    """A procrastinate worker inside the test's event loop."""
    task = asyncio.create_task(
        run_worker(
            WorkerRuntime(settings=settings, database=database), install_signal_handlers=False
        )
    )
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def new_key() -> str:
    return uuid.uuid4().hex
