"""Every setting, read from the environment (and an optional `.env`) once, validated at start-up.

Nothing else in the code reads `os.environ`: take a `Settings` from `get_settings()`.
"""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MIN_SECRET_BYTES = 32
DEVELOPMENT_JWT_SECRET = "development-only-secret-do-not-use-in-production!"  # noqa: S105


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class LLMProviderName(StrEnum):
    offline = "offline"
    gemini = "gemini"
    openai = "openai"


class TokenPack(BaseModel):
    """A pack of tokens sold through Stripe Checkout."""

    name: str
    tokens: int = Field(gt=0)
    price_id: str = ""
    amount: int = Field(ge=0, description="in the currency's smallest unit, e.g. cents")
    currency: str = "usd"


class ModelPrice(BaseModel):
    """US dollars per million tokens, for the cost estimate in `api_usage`."""

    input: Decimal = Decimal(0)
    output: Decimal = Decimal(0)


def _split_csv(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _parse_json(value: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value) if value.strip() else None
    return value


def _tesseract_installed() -> bool:
    return shutil.which("tesseract") is not None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", case_sensitive=False, env_ignore_empty=True
    )

    resumeforge_env: Environment = Environment.development
    resumeforge_data_dir: Path = Path(".data")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    public_base_url: str = "http://127.0.0.1:8000"

    # Database.
    database_url: str | None = None
    test_database_url: str | None = None
    db_pool_size: int = Field(10, ge=1)
    db_max_overflow: int = Field(10, ge=0)
    db_pool_timeout_seconds: float = Field(5.0, gt=0)
    db_connect_timeout_seconds: float = Field(5.0, gt=0)
    db_statement_timeout_ms: int = Field(15_000, ge=0)
    db_startup_wait_seconds: float = Field(30.0, ge=0)

    redis_url: str | None = None
    # `limits` notation: "20/minute", "5/second;100/hour".
    rate_limit_auth: str = "20/minute"  # sign-up, sign-in and refresh, per client address
    rate_limit_generations: str = "60/minute"  # generation starts, per user

    # Tokens and HTTP.
    jwt_secret: str = DEVELOPMENT_JWT_SECRET
    access_token_minutes: int = Field(15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(30, ge=1, le=365)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_request_bytes: int = Field(12 * 1024 * 1024, ge=1024)
    log_level: str = "INFO"

    # Documents.
    max_upload_bytes: int = Field(10 * 1024 * 1024, ge=1024)
    max_pdf_pages: int = Field(20, ge=1)
    parse_timeout_seconds: float = Field(20.0, gt=0)
    parse_memory_mb: int = Field(1024, ge=64)
    ocr_enabled: bool = Field(default_factory=_tesseract_installed)
    pdfco_api_key: str | None = None
    pdfco_base_url: str = "https://api.pdf.co"
    pdfco_timeout_seconds: float = Field(60.0, gt=0)
    # A corrected résumé (PUT /documents/{id}/resume): at most what a parse of the longest
    # document we accept could hold (MAX_PDF_PAGES dense pages), and so many entries a list.
    max_resume_characters: int = Field(150_000, ge=1000)
    max_resume_items: int = Field(200, ge=10)

    # AI providers.
    llm_provider: LLMProviderName | None = None
    gemini_api_key: str | None = None
    gemini_model: str = "gemini-2.5-flash"
    gemini_fallback_models: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["gemini-2.5-flash-lite"]
    )
    gemini_base_url: str | None = None
    openai_api_key: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_base_url: str | None = None
    llm_timeout_seconds: float = Field(60.0, gt=0)
    llm_max_retries: int = Field(3, ge=0, le=10)
    # Backoff between retries (doubling, with jitter) and the whole call's time budget.
    llm_retry_base_seconds: float = Field(1.0, ge=0)
    llm_retry_max_seconds: float = Field(20.0, ge=0)
    llm_call_budget_seconds: float = Field(180.0, gt=0)
    llm_prices: Annotated[dict[str, ModelPrice], NoDecode] = Field(
        default_factory=lambda: {
            "gemini-2.5-flash": ModelPrice(input=Decimal("0.30"), output=Decimal("2.50")),
            "gemini-2.5-flash-lite": ModelPrice(input=Decimal("0.10"), output=Decimal("0.40")),
            "gemini-2.5-pro": ModelPrice(input=Decimal("1.25"), output=Decimal("10.00")),
            "gpt-4o-mini": ModelPrice(input=Decimal("0.15"), output=Decimal("0.60")),
        }
    )

    # Tokens and billing.
    free_tokens: int = Field(3, ge=0)
    generation_costs: Annotated[dict[str, int], NoDecode] = Field(
        default_factory=lambda: {"resume": 1, "cover_letter": 1, "both": 2}
    )
    generation_deadline_seconds: float = Field(600.0, gt=0)
    worker_concurrency: int = Field(4, ge=1, le=64)
    worker_heartbeat_seconds: float = Field(5.0, gt=0)
    # A worker silent this long is presumed dead and its jobs are run again elsewhere.
    worker_stalled_seconds: float = Field(30.0, gt=0)
    # How often a worker looks for jobs whose retry time has come.
    worker_poll_seconds: float = Field(1.0, gt=0)
    # `resumeforge serve` also runs a worker, so one command does everything locally.
    serve_with_worker: bool = True
    stripe_secret_key: str | None = None
    stripe_webhook_secret: str | None = None
    stripe_api_base: str | None = None
    token_packs: Annotated[list[TokenPack], NoDecode] = Field(
        default_factory=lambda: [
            TokenPack(name="starter", tokens=10, amount=900),
            TokenPack(name="pro", tokens=50, amount=3900),
            TokenPack(name="team", tokens=200, amount=12900),
        ]
    )
    stripe_timeout_seconds: float = Field(20.0, gt=0)
    # The periodic reconciliation looks this far back for paid sessions never credited.
    billing_reconcile_hours: float = Field(72.0, gt=0)

    # Email.
    smtp_host: str | None = None
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    mail_from: str = "resumeforge <no-reply@localhost>"
    smtp_timeout_seconds: float = Field(30.0, gt=0)
    # A mail that cannot be sent is retried after doubling delays, up to this many attempts.
    mail_retry_base_seconds: float = Field(30.0, ge=0)
    mail_retry_max_seconds: float = Field(3600.0, ge=0)
    mail_max_attempts: int = Field(20, ge=1)

    metrics_token: str | None = None
    # Read by prometheus_client itself too: a folder shared by the server processes.
    prometheus_multiproc_dir: str | None = None

    # Browser sessions (the web pages): a server-side session behind an HttpOnly cookie.
    web_session_days: int = Field(14, ge=1, le=365)
    password_reset_minutes: int = Field(60, ge=5, le=24 * 60)

    _split = field_validator(
        "cors_origins", "trusted_proxies", "gemini_fallback_models", mode="before"
    )(_split_csv)
    _json = field_validator("generation_costs", "token_packs", "llm_prices", mode="before")(
        _parse_json
    )

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR")
        return level

    @field_validator("rate_limit_auth", "rate_limit_generations")
    @classmethod
    def _rate_limit_notation(cls, value: str) -> str:
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError:
            raise ValueError("use the limits notation, e.g. '20/minute'") from None
        return value

    @field_validator("generation_costs")
    @classmethod
    def _costs_cover_every_kind(cls, value: dict[str, int]) -> dict[str, int]:
        missing = {"resume", "cover_letter", "both"} - value.keys()
        if missing:
            raise ValueError(f"needs a cost for {', '.join(sorted(missing))}")
        if any(cost < 0 for cost in value.values()):
            raise ValueError("costs cannot be negative")
        return value

    @field_validator("token_packs")
    @classmethod
    def _packs_named_once(cls, value: list[TokenPack]) -> list[TokenPack]:
        names = [pack.name for pack in value]
        if len(set(names)) != len(names):
            raise ValueError("each pack needs a name of its own")
        if any(len(pack.currency) != 3 for pack in value):
            raise ValueError("currency is a three-letter ISO code, e.g. usd")
        return value

    @model_validator(mode="after")
    def _safe_in_production(self) -> Settings:
        if self.resumeforge_env != Environment.production:
            return self
        problems: list[str] = []
        secret = self.jwt_secret.encode()
        if self.jwt_secret == DEVELOPMENT_JWT_SECRET or len(secret) < MIN_SECRET_BYTES:
            problems.append(f"JWT_SECRET: set a random secret of at least {MIN_SECRET_BYTES} bytes")
        if not self.database_url:
            problems.append("DATABASE_URL: required in production")
        if "*" in self.cors_origins:
            problems.append(
                "CORS_ORIGINS: '*' is not allowed in production, list the allowed origins"
            )
        if self.stripe_secret_key and not self.stripe_webhook_secret:
            problems.append("STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set")
        if self.public_base_url.startswith("http://127.0.0.1"):
            problems.append("PUBLIC_BASE_URL: set the public address users reach")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def is_production(self) -> bool:
        return self.resumeforge_env == Environment.production

    @property
    def billing_configured(self) -> bool:
        """Stripe can be used: a secret key to call it and a webhook secret to trust it."""
        return bool(self.stripe_secret_key and self.stripe_webhook_secret)

    @property
    def default_provider(self) -> LLMProviderName:
        """The provider to use when a request names none."""
        if self.llm_provider is not None:
            return self.llm_provider
        if self.gemini_api_key:
            return LLMProviderName.gemini
        return LLMProviderName.offline

    @property
    def configured_providers(self) -> list[LLMProviderName]:
        providers = [LLMProviderName.offline]
        if self.gemini_api_key:
            providers.append(LLMProviderName.gemini)
        if self.openai_base_url or self.openai_api_key:
            providers.append(LLMProviderName.openai)
        return providers


class SettingsError(Exception):
    """The environment holds invalid settings; the message names every bad variable."""


def describe_errors(error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"]).upper()
        message = problem["msg"].removeprefix("Value error, ")
        if name:
            lines.append(f"  {name}: {message}")
        else:
            lines.extend(f"  {part.strip()}" for part in message.split(";"))
    return "invalid settings:\n" + "\n".join(lines)


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment; raise SettingsError naming each bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(describe_errors(error)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()


def export_settings(**values: str) -> None:
    """Set settings in this process's environment, for the processes it starts; and re-read."""
    for name, value in values.items():
        os.environ[name.upper()] = value
    get_settings.cache_clear()
