"""Settings: parsing, and production refusing unsafe values with exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from resumeforge.config import SettingsError, load_settings


def test_lists_and_json_settings_parse_from_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("GENERATION_COSTS", '{"resume": 1, "cover_letter": 1, "both": 2}')
    settings = load_settings()
    assert settings.cors_origins == ["https://a.example", "https://b.example"]
    assert settings.generation_costs["both"] == 2


def test_production_names_every_unsafe_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "JWT_SECRET", "STRIPE_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RESUMEFORGE_ENV", "production")
    monkeypatch.setenv("CORS_ORIGINS", "*")
    monkeypatch.setenv("JWT_SECRET", "short")
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_x")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    for name in ("JWT_SECRET", "DATABASE_URL", "CORS_ORIGINS", "STRIPE_WEBHOOK_SECRET"):
        assert name in message


def test_bad_values_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "eighty")
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "PORT" in str(raised.value)
    assert "LOG_LEVEL" in str(raised.value)


def test_the_command_exits_2_on_unsafe_production_settings() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "JWT_SECRET"}}
    env["RESUMEFORGE_ENV"] = "production"
    done = subprocess.run(
        [sys.executable, "-m", "resumeforge", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "JWT_SECRET" in done.stderr
    assert "DATABASE_URL" in done.stderr


def test_safe_production_settings_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUMEFORGE_ENV", "production")
    monkeypatch.setenv("JWT_SECRET", "x" * 48)
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.internal/resumeforge")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://resumeforge.example")
    monkeypatch.setenv("CORS_ORIGINS", "https://resumeforge.example")
    assert load_settings().is_production
