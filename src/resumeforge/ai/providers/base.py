"""The one small interface every provider speaks: a structured request in, a validated
Pydantic object plus the usage of every call it made out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel

from resumeforge.config import ModelPrice
from resumeforge.resume.schemas import Job, Resume

OutputT = TypeVar("OutputT", bound=BaseModel)


class Task(StrEnum):
    analyze_job = "analyze_job"
    tailor_resume = "tailor_resume"
    write_cover_letter = "write_cover_letter"


class Outcome(StrEnum):
    ok = "ok"
    rate_limited = "rate_limited"
    unavailable = "unavailable"
    blocked = "blocked"
    invalid_output = "invalid_output"


@dataclass(frozen=True)
class Usage:
    """One provider call, as recorded in `api_usage`."""

    provider: str
    model: str
    prompt_tokens: int = 0
    output_tokens: int = 0
    latency_ms: int = 0
    cost_usd: Decimal = Decimal(0)
    outcome: str = Outcome.ok
    task: str = ""


UsageCallback = Callable[[Usage], Awaitable[None]]


@dataclass(frozen=True)
class TaskInputs:
    """The typed inputs behind a prompt, for providers that work without one (offline)."""

    resume: Resume | None = None
    job: Job | None = None
    job_text: str = ""
    length: str = "medium"
    tone: str = "professional"


@dataclass(frozen=True)
class StructuredRequest(Generic[OutputT]):
    task: Task
    system: str
    prompt: str
    output_type: type[OutputT]
    inputs: TaskInputs = field(default_factory=TaskInputs)
    max_output_tokens: int = 8192
    temperature: float = 0.2


@dataclass(frozen=True)
class StructuredAnswer(Generic[OutputT]):
    output: OutputT
    model: str
    usage: list[Usage]


class Provider(Protocol):
    name: str

    async def generate(
        self, request: StructuredRequest[OutputT], *, on_usage: UsageCallback | None = None
    ) -> StructuredAnswer[OutputT]:
        """Answer `request` with a validated `request.output_type`, or raise a ProviderError."""
        ...


def estimate_cost(price: ModelPrice | None, prompt_tokens: int, output_tokens: int) -> Decimal:
    """US dollars for one call; zero when the model has no price in settings."""
    if price is None:
        return Decimal(0)
    per_million = Decimal(1_000_000)
    return (price.input * prompt_tokens + price.output * output_tokens) / per_million
