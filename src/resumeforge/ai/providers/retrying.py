"""Bounded retries for provider calls: exponential backoff with jitter inside a time budget,
the provider's own delay when it names one, and the fallback models on overload."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import structlog

from resumeforge.ai.errors import ProviderRateLimited, ProviderUnavailable
from resumeforge.config import Settings

log = structlog.get_logger(__name__)
ResultT = TypeVar("ResultT")


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int
    base_delay: float
    max_delay: float
    budget_seconds: float
    call_timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(
            max_retries=settings.llm_max_retries,
            base_delay=settings.llm_retry_base_seconds,
            max_delay=settings.llm_retry_max_seconds,
            budget_seconds=settings.llm_call_budget_seconds,
            call_timeout=settings.llm_timeout_seconds,
        )

    def backoff(self, attempt: int, requested: float | None) -> float:
        """Seconds to wait before retry `attempt` (0-based): the provider's word, else 2^n."""
        if requested is not None:
            return min(requested, self.max_delay)
        ceiling = min(self.max_delay, self.base_delay * 2.0**attempt)
        return ceiling * random.uniform(0.5, 1.0)  # jitter spreads retries from many workers


async def call_with_retries(
    call: Callable[[str, float], Awaitable[ResultT]], *, models: list[str], policy: RetryPolicy
) -> ResultT:
    """`call(model, timeout)` until it succeeds, switching to the next model on overload.

    Raises the last `ProviderRateLimited`/`ProviderUnavailable` once retries or the time
    budget run out; any other error goes straight through.
    """
    deadline = time.monotonic() + policy.budget_seconds
    model_index = 0
    for attempt in range(policy.max_retries + 1):
        remaining = deadline - time.monotonic()
        model = models[model_index]
        try:
            return await call(model, min(policy.call_timeout, max(remaining, 0.001)))
        except (ProviderRateLimited, ProviderUnavailable) as error:
            requested = error.retry_after if isinstance(error, ProviderRateLimited) else None
            if attempt == policy.max_retries:
                raise
            if model_index + 1 < len(models):
                model_index += 1  # another model may have capacity now: no need to wait
                delay = 0.0
            else:
                model_index = 0
                delay = policy.backoff(attempt, requested)
            if time.monotonic() + delay >= deadline:
                raise
            log.info("provider call failed, retrying", model=model, error=error.slug, delay=delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable: the loop returns or raises")
