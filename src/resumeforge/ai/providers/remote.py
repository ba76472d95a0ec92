"""What the model providers (Gemini, OpenAI-compatible) share: retries, one re-ask that shows
the model its validation errors, time limits, and a usage record for every call."""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass

from resumeforge.ai.errors import (
    ContentBlocked,
    InvalidOutput,
    ProviderError,
    ProviderRateLimited,
    ProviderUnavailable,
)
from resumeforge.ai.prompts import render_prompt
from resumeforge.ai.providers.base import (
    Outcome,
    OutputT,
    StructuredAnswer,
    StructuredRequest,
    Usage,
    UsageCallback,
    estimate_cost,
)
from resumeforge.ai.providers.json_output import parse_output
from resumeforge.ai.providers.retrying import RetryPolicy, call_with_retries
from resumeforge.config import Settings

MAX_PREVIOUS_ANSWER_CHARS = 12_000


@dataclass(frozen=True)
class RawAnswer:
    """The model's text and what the call cost, before any parsing."""

    text: str
    model: str
    prompt_tokens: int = 0
    output_tokens: int = 0
    truncated: bool = False


@dataclass(frozen=True)
class Repair:
    """A second chance: the unusable answer and why it was unusable."""

    previous: str
    errors: str

    @property
    def instruction(self) -> str:
        return render_prompt("repair", errors=self.errors)


def outcome_of(error: ProviderError) -> Outcome:
    if isinstance(error, ProviderRateLimited):
        return Outcome.rate_limited
    if isinstance(error, ProviderUnavailable):
        return Outcome.unavailable
    if isinstance(error, ContentBlocked):
        return Outcome.blocked
    return Outcome.invalid_output


class RemoteProvider(ABC):
    name: str

    def __init__(self, settings: Settings, models: list[str]) -> None:
        self.models = list(dict.fromkeys(model for model in models if model))
        self.policy = RetryPolicy.from_settings(settings)
        self.prices = settings.llm_prices

    @abstractmethod
    async def _call(
        self, model: str, request: StructuredRequest[OutputT], repair: Repair | None
    ) -> RawAnswer:
        """One request to the model; raise the typed `ProviderError` for each failure."""

    async def generate(
        self, request: StructuredRequest[OutputT], *, on_usage: UsageCallback | None = None
    ) -> StructuredAnswer[OutputT]:
        usage: list[Usage] = []
        recorder = _UsageRecorder(self, request.task.value, usage, on_usage)
        raw = await self._answer(request, None, recorder)
        try:
            output = parse_output(raw.text, request.output_type, truncated=raw.truncated)
            await recorder.record(raw, Outcome.ok)
        except InvalidOutput as error:
            await recorder.record(raw, Outcome.invalid_output)
            repair = Repair(previous=raw.text[:MAX_PREVIOUS_ANSWER_CHARS], errors=error.detail)
            raw = await self._answer(request, repair, recorder)
            try:
                output = parse_output(raw.text, request.output_type, truncated=raw.truncated)
            except InvalidOutput:
                await recorder.record(raw, Outcome.invalid_output)
                raise
            await recorder.record(raw, Outcome.ok)
        return StructuredAnswer(output=output, model=raw.model, usage=usage)

    async def _answer(
        self,
        request: StructuredRequest[OutputT],
        repair: Repair | None,
        recorder: _UsageRecorder,
    ) -> RawAnswer:
        async def attempt(model: str, time_limit: float) -> RawAnswer:
            started = time.perf_counter()
            try:
                async with asyncio.timeout(time_limit):
                    return await self._call(model, request, repair)
            except TimeoutError:
                error: ProviderError = ProviderUnavailable(
                    f"{self.name} model {model} did not answer within {time_limit:.1f} s"
                )
            except ProviderError as failure:
                error = failure
            await recorder.record_failure(model, started, outcome_of(error))
            raise error

        return await call_with_retries(attempt, models=self.models, policy=self.policy)


class _UsageRecorder:
    """Turns each call into a `Usage`, keeps it, and hands it to the caller's callback."""

    def __init__(
        self,
        provider: RemoteProvider,
        task: str,
        usage: list[Usage],
        on_usage: UsageCallback | None,
    ) -> None:
        self.provider, self.task, self.usage, self.on_usage = provider, task, usage, on_usage
        self.started = time.perf_counter()

    async def record(self, raw: RawAnswer, outcome: Outcome) -> None:
        price = self.provider.prices.get(raw.model)
        await self._add(
            Usage(
                provider=self.provider.name,
                model=raw.model,
                prompt_tokens=raw.prompt_tokens,
                output_tokens=raw.output_tokens,
                latency_ms=self._elapsed_ms(),
                cost_usd=estimate_cost(price, raw.prompt_tokens, raw.output_tokens),
                outcome=outcome,
                task=self.task,
            )
        )

    async def record_failure(self, model: str, started: float, outcome: Outcome) -> None:
        self.started = started
        await self._add(
            Usage(
                provider=self.provider.name,
                model=model,
                latency_ms=self._elapsed_ms(),
                outcome=outcome,
                task=self.task,
            )
        )

    def _elapsed_ms(self) -> int:
        elapsed = round((time.perf_counter() - self.started) * 1000)
        self.started = time.perf_counter()
        return elapsed

    async def _add(self, usage: Usage) -> None:
        self.usage.append(usage)
        if self.on_usage is not None:
            await self.on_usage(usage)
