"""Liveness and readiness. Readiness checks our own database, never a paid external API."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from resumeforge.config import Settings
from resumeforge.db.engine import Database, first_line, within
from resumeforge.db.migrate import head_revision
from resumeforge.observability import service

router = APIRouter(tags=["health"])
log = structlog.get_logger(__name__)

_HEAD = head_revision()
# Readiness answers within this, database reachable or not: a load balancer's probe must
# not hang on a partition.
READY_WITHIN_SECONDS = 1.5


@router.get("/health/live")
async def live() -> dict[str, str]:
    """The process is up and serving."""
    return {"status": "ok"}


@router.get("/health/ready")
async def ready(request: Request) -> JSONResponse:
    """The database answers and its schema is at the newest migration (else 503); workers'
    heartbeats and the queue's oldest job are reported, `degraded` (still 200) when late."""
    database: Database = request.app.state.database
    settings: Settings = request.app.state.settings
    try:
        checks, workers = await within(
            asyncio.ensure_future(_check_database(database, settings)), READY_WITHIN_SECONDS
        )
    except Exception as error:
        log.warning("readiness: database unreachable", error=first_line(error))
        checks, workers = {"database": "unreachable", "migrations": "unknown"}, None
    healthy = all(value == "ok" for value in checks.values())
    body: dict[str, Any] = {"status": "ok" if healthy else "unavailable", "checks": checks}
    if healthy and workers is not None:
        body["workers"] = workers
        if workers["status"] != "ok":
            body["status"] = "degraded"
    return JSONResponse(body, status_code=200 if healthy else 503)


async def _check_database(
    database: Database, settings: Settings
) -> tuple[dict[str, Any], dict[str, Any]]:
    async with database.engine.connect() as connection:
        revision = await connection.scalar(text("SELECT version_num FROM alembic_version"))
        checks = {
            "database": "ok",
            "migrations": "ok"
            if revision == _HEAD
            else f"at {revision}, expected {_HEAD}: run `resumeforge db upgrade`",
        }
        return checks, await _workers_and_queue(connection, settings)


async def _workers_and_queue(connection: AsyncConnection, settings: Settings) -> dict[str, Any]:
    """Seconds since the newest worker heartbeat, live workers, age of the oldest due job."""
    state = await service.queue_state(connection=connection, settings=settings)
    lagging = state.lagging(settings)
    return {
        "status": "degraded" if lagging else "ok",
        "live": state.live_workers,
        "last_heartbeat_seconds_ago": state.last_heartbeat_seconds_ago,
        "queued": state.queued_jobs,
        "oldest_queued_seconds": state.oldest_queued_seconds,
        "problems": lagging,
    }
