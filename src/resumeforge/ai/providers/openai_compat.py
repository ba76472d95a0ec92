"""Any OpenAI-compatible chat server (OpenAI, Ollama, vLLM, OpenRouter) through the `openai` SDK.

Structured output degrades gracefully: a JSON schema first, then JSON mode, then a prompt that
asks for JSON, each step taken once when a server refuses the stronger one.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

import openai

from resumeforge.ai.errors import (
    ContentBlocked,
    ProviderError,
    ProviderRateLimited,
    ProviderUnavailable,
)
from resumeforge.ai.providers.base import OutputT, StructuredRequest
from resumeforge.ai.providers.remote import RawAnswer, RemoteProvider, Repair
from resumeforge.config import Settings

DEFAULT_RATE_LIMIT_DELAY = 5.0


class JsonSupport(IntEnum):
    """How much structured output the server accepts, strongest first."""

    schema = 2
    json_mode = 1
    prompt_only = 0


class OpenAICompatibleProvider(RemoteProvider):
    name = "openai"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, [settings.openai_model])
        self.client = openai.AsyncOpenAI(
            # Local servers (Ollama, vLLM) need no key, but the SDK insists on one.
            api_key=settings.openai_api_key or "not-needed",
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout_seconds,
            max_retries=0,
        )
        self.json_support = JsonSupport.schema

    async def _call(
        self, model: str, request: StructuredRequest[OutputT], repair: Repair | None
    ) -> RawAnswer:
        while True:
            try:
                completion = await self.client.chat.completions.create(
                    model=model,
                    messages=_messages(request, repair, self.json_support),
                    response_format=_response_format(request, self.json_support),
                    max_tokens=request.max_output_tokens,
                    temperature=request.temperature,
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError) as error:
                if self.json_support is JsonSupport.prompt_only:
                    raise ProviderError(
                        f"openai refused the request: {error.status_code}"
                    ) from None
                self.json_support = JsonSupport(self.json_support - 1)
                continue
            except openai.APIError as error:
                raise _typed_error(error, model) from None
            return _raw_answer(completion, model)


def _messages(
    request: StructuredRequest[OutputT], repair: Repair | None, support: JsonSupport
) -> list[Any]:
    system = request.system
    if support is not JsonSupport.schema:
        schema = json.dumps(request.output_type.model_json_schema())
        system += f"\n\nThe JSON object must follow this JSON schema:\n{schema}"
    messages: list[dict[str, str]] = [
        {"role": "system", "content": system},
        {"role": "user", "content": request.prompt},
    ]
    if repair is not None:
        messages += [
            {"role": "assistant", "content": repair.previous or "(empty)"},
            {"role": "user", "content": repair.instruction},
        ]
    return messages


def _response_format(request: StructuredRequest[OutputT], support: JsonSupport) -> Any:
    if support is JsonSupport.schema:
        return {
            "type": "json_schema",
            "json_schema": {
                "name": request.output_type.__name__,
                "schema": request.output_type.model_json_schema(),
            },
        }
    if support is JsonSupport.json_mode:
        return {"type": "json_object"}
    return openai.omit


def _raw_answer(completion: Any, model: str) -> RawAnswer:
    if not completion.choices:
        return RawAnswer(text="", model=completion.model or model)
    choice = completion.choices[0]
    if choice.finish_reason == "content_filter" or getattr(choice.message, "refusal", None):
        raise ContentBlocked("openai refused: content filter")
    usage = completion.usage
    return RawAnswer(
        text=choice.message.content or "",
        model=completion.model or model,
        prompt_tokens=usage.prompt_tokens if usage else 0,
        output_tokens=usage.completion_tokens if usage else 0,
        truncated=choice.finish_reason == "length",
    )


def _typed_error(error: openai.APIError, model: str) -> ProviderError:
    if isinstance(error, openai.APIConnectionError):  # includes timeouts
        return ProviderUnavailable(f"openai unreachable: {type(error).__name__}")
    if isinstance(error, openai.RateLimitError):
        return ProviderRateLimited(f"openai rate-limited {model}", retry_after=_retry_after(error))
    status = getattr(error, "status_code", 0) or 0
    if status in (408, 409) or status >= 500:
        return ProviderUnavailable(f"openai answered {status} for {model}")
    return ProviderError(f"openai refused the request: {status}")


def _retry_after(error: openai.RateLimitError) -> float:
    header = error.response.headers.get("retry-after", "")
    try:
        return float(header)
    except ValueError:
        return DEFAULT_RATE_LIMIT_DELAY
