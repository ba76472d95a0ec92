"""Liveness and readiness. Readiness checks our own database, never a paid external API."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from resumeforge.db.engine import Database, first_line
from resumeforge.db.migrate import head_revision

router = APIRouter(tags=["health"])
log = structlog.get_logger(__name__)

_HEAD = head_revision()


@router.get("/health/live")
async def live() -> dict[str, str]:
    """The process is up and serving."""
    return {"status": "ok"}


@router.get("/health/ready")
async def ready(request: Request) -> JSONResponse:
    """The database answers and its schema is at the newest migration."""
    database: Database = request.app.state.database
    checks: dict[str, Any] = {}
    try:
        async with database.engine.connect() as connection:
            revision = await connection.scalar(text("SELECT version_num FROM alembic_version"))
        checks["database"] = "ok"
        checks["migrations"] = (
            "ok"
            if revision == _HEAD
            else f"at {revision}, expected {_HEAD}: run `resumeforge db upgrade`"
        )
    except Exception as error:
        log.warning("readiness: database unreachable", error=first_line(error))
        checks["database"] = "unreachable"
        checks["migrations"] = "unknown"
    healthy = all(value == "ok" for value in checks.values())
    return JSONResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status_code=200 if healthy else 503,
    )
