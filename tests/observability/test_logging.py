"""Request logs: one line per request, with its id; never a password, token or header."""

from __future__ import annotations

import json

import httpx
import pytest
import structlog

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.observability.logging import mask_secrets


def test_mask_secrets_masks_by_key_at_any_depth() -> None:
    event = {
        "event": "x",
        "password": "hunter2",
        "headers": {"Authorization": "Bearer abc", "accept": "json"},
        "refresh_token": "r",
        "gemini_api_key": "k",
    }
    masked = mask_secrets(None, "info", event)
    assert "hunter2" not in json.dumps(masked)
    assert masked["headers"] == {"Authorization": "[redacted]", "accept": "json"}
    assert masked["refresh_token"] == masked["gemini_api_key"] == "[redacted]"


async def test_production_logs_are_json_lines_without_secrets(
    settings: Settings, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    production = settings.model_copy(update={"resumeforge_env": "production", "log_level": "INFO"})
    app = create_app(production, database=db)
    password = "a very secret password"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        await client.post(
            "/api/v1/auth/register", json={"email": "l@example.com", "password": password}
        )
        login = await client.post(
            "/api/v1/auth/login", json={"email": "l@example.com", "password": password}
        )
        access = login.json()["access_token"]
        await client.get(
            "/api/v1/me", headers={"Authorization": f"Bearer {access}", "X-Request-ID": "trace-1"}
        )
    structlog.reset_defaults()
    output = capsys.readouterr().err
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("event") in ("request", "slow request")]
    assert len(requests) == 3
    me = requests[-1]
    assert me["path"] == "/api/v1/me"
    assert me["status"] == 200
    assert me["request_id"] == "trace-1"
    assert "duration_ms" in me
    assert password not in output
    assert access not in output
    assert login.json()["refresh_token"] not in output


async def test_each_request_is_one_json_line_with_route_user_and_id_and_slow_ones_warn(
    settings: Settings, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    production = settings.model_copy(
        update={"resumeforge_env": "production", "log_level": "INFO", "slow_request_seconds": 1e-6}
    )
    app = create_app(production, database=db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        await client.post(
            "/api/v1/auth/register", json={"email": "line@example.com", "password": "long enough 1"}
        )
        login = await client.post(
            "/api/v1/auth/login", json={"email": "line@example.com", "password": "long enough 1"}
        )
        me = await client.get(
            "/api/v1/me",
            headers={
                "Authorization": f"Bearer {login.json()['access_token']}",
                "X-Request-ID": "r-9",
            },
        )
    structlog.reset_defaults()
    lines = [
        json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")
    ]
    mine = [line for line in lines if line.get("request_id") == "r-9"]
    assert len(mine) == 1, "one line per request"
    (entry,) = mine
    assert entry["event"] == "slow request" and entry["level"] == "warning"
    assert entry["method"] == "GET"
    assert entry["route"] == "/api/v1/me"
    assert entry["status"] == 200
    assert entry["user_id"] == me.json()["id"]
    assert entry["duration_ms"] >= 0
