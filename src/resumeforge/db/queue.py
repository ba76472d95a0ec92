"""Deferring a procrastinate job inside the caller's SQLAlchemy transaction.

The job exists if and only if the rows that call for it commit with it: a mail is queued with
its notification, a credit's receipt with the credit.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.config import Settings
from resumeforge.db.engine import Database


async def defer_job(
    *, session: AsyncSession, queue: str, task: str, lock: str | None, args: dict[str, Any]
) -> None:
    """Queue `task(**args)` on `queue` (procrastinate's own SQL); `lock` serialises runs."""
    await session.execute(
        text(
            "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW("
            ":queue, :task, 0, :lock, NULL::text, CAST(:args AS jsonb), NULL::timestamptz"
            ")::procrastinate_job_to_defer_v1])"
        ),
        {"queue": queue, "task": task, "lock": lock, "args": json.dumps(args)},
    )


class JobRuntime(Protocol):
    """What every background job is given: the worker's settings and database."""

    settings: Settings
    database: Database
