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

router = APIRouter(tags=["health"])
log = structlog.get_logger(__name__)

_HEAD = head_revision()
# Readiness answers within this, database reachable or not: a load balancer's probe must
# not hang on a partition.
READY_WITHIN_SECONDS = 1.5

_QUEUE_STATE = text(
    "SELECT"
    " (SELECT extract(epoch FROM now() - max(last_heartbeat)) FROM procrastinate_workers),"
    " (SELECT count(*) FROM procrastinate_workers"
    "   WHERE last_heartbeat > now() - make_interval(secs => :stalled)),"
    " (SELECT extract(epoch FROM now() - min(scheduled_at_or_queued)) FROM ("
    "   SELECT coalesce(j.scheduled_at, e.at) AS scheduled_at_or_queued"
    "   FROM procrastinate_jobs j"
    "   JOIN LATERAL (SELECT min(at) AS at FROM procrastinate_events"
    "                 WHERE job_id = j.id AND type = 'deferred') e ON true"
    "   WHERE j.status = 'todo' AND (j.scheduled_at IS NULL OR j.scheduled_at <= now())"
    " ) waiting)"
)


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
    row = (
        await connection.execute(_QUEUE_STATE, {"stalled": settings.worker_stalled_seconds})
    ).one()
    heartbeat_age, live_workers, oldest_queued = row
    heartbeat = None if heartbeat_age is None else round(float(heartbeat_age), 1)
    queued = 0.0 if oldest_queued is None else round(float(oldest_queued), 1)
    lagging = []
    if not live_workers:
        lagging.append("no worker has sent a heartbeat lately")
    if queued > settings.worker_stalled_seconds:
        lagging.append(f"the oldest job has waited {queued:g} s")
    return {
        "status": "degraded" if lagging else "ok",
        "live": int(live_workers or 0),
        "last_heartbeat_seconds_ago": heartbeat,
        "oldest_queued_seconds": queued,
        "problems": lagging,
    }
