"""Gemini through the `google-genai` SDK, with structured output from the Pydantic schema.

The SDK's own retries are switched off: `RemoteProvider` retries, so that backoff, fallback
models and the time budget are decided in one place.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from resumeforge.ai.errors import (
    ContentBlocked,
    ProviderError,
    ProviderRateLimited,
    ProviderUnavailable,
)
from resumeforge.ai.providers.base import OutputT, StructuredRequest
from resumeforge.ai.providers.remote import RawAnswer, RemoteProvider, Repair
from resumeforge.config import Settings

try:  # google-genai talks through httpx2 when it is installed
    import httpx2

    TRANSPORT_ERRORS: tuple[type[Exception], ...] = (
        httpx.TransportError,
        httpx2.TransportError,
        OSError,
    )
except ImportError:  # pragma: no cover - depends on the SDK's optional backend
    TRANSPORT_ERRORS = (httpx.TransportError, OSError)

BLOCKED_FINISH_REASONS = {
    "SAFETY",
    "RECITATION",
    "BLOCKLIST",
    "PROHIBITED_CONTENT",
    "SPII",
    "IMAGE_SAFETY",
    "MODEL_ARMOR",
}
RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo"
DEFAULT_RATE_LIMIT_DELAY = 5.0


class GeminiProvider(RemoteProvider):
    name = "gemini"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, [settings.gemini_model, *settings.gemini_fallback_models])
        options = types.HttpOptions(
            base_url=settings.gemini_base_url,
            timeout=round(settings.llm_timeout_seconds * 1000),
            retry_options=types.HttpRetryOptions(attempts=1),
        )
        self.client = genai.Client(api_key=settings.gemini_api_key or "", http_options=options)

    async def _call(
        self, model: str, request: StructuredRequest[OutputT], repair: Repair | None
    ) -> RawAnswer:
        config = types.GenerateContentConfig(
            system_instruction=request.system,
            response_mime_type="application/json",
            response_schema=request.output_type,
            max_output_tokens=request.max_output_tokens,
            temperature=request.temperature,
        )
        try:
            response = await self.client.aio.models.generate_content(
                model=model, contents=_contents(request.prompt, repair), config=config
            )
        except genai_errors.APIError as error:
            raise _typed_error(error, model) from None
        except TRANSPORT_ERRORS as error:
            raise ProviderUnavailable(f"gemini unreachable: {type(error).__name__}") from None
        return _raw_answer(response, model)


def _contents(prompt: str, repair: Repair | None) -> list[types.Content]:
    contents = [types.Content(role="user", parts=[types.Part(text=prompt)])]
    if repair is not None:
        contents += [
            types.Content(role="model", parts=[types.Part(text=repair.previous or "(empty)")]),
            types.Content(role="user", parts=[types.Part(text=repair.instruction)]),
        ]
    return contents


def _raw_answer(response: types.GenerateContentResponse, model: str) -> RawAnswer:
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason is not None:
        raise ContentBlocked(f"gemini blocked the prompt: {_name(feedback.block_reason)}")
    candidate = response.candidates[0] if response.candidates else None
    finish = _name(candidate.finish_reason) if candidate and candidate.finish_reason else ""
    if finish in BLOCKED_FINISH_REASONS:
        raise ContentBlocked(f"gemini stopped for {finish}")
    parts = candidate.content.parts if candidate and candidate.content else None
    text = "".join(part.text for part in parts or [] if part.text and not part.thought)
    metadata = response.usage_metadata
    return RawAnswer(
        text=text,
        model=response.model_version or model,
        prompt_tokens=(metadata.prompt_token_count or 0) if metadata else 0,
        output_tokens=_output_tokens(metadata),
        truncated=finish == "MAX_TOKENS",
    )


def _output_tokens(metadata: types.GenerateContentResponseUsageMetadata | None) -> int:
    if metadata is None:
        return 0
    # Thinking tokens are billed as output.
    return (metadata.candidates_token_count or 0) + (metadata.thoughts_token_count or 0)


def _name(value: Any) -> str:
    return str(getattr(value, "value", value))


def _typed_error(error: genai_errors.APIError, model: str) -> ProviderError:
    status = error.status or ""
    if error.code == 429 or status == "RESOURCE_EXHAUSTED":
        delay = _retry_delay(error) or DEFAULT_RATE_LIMIT_DELAY
        return ProviderRateLimited(f"gemini rate-limited {model}", retry_after=delay)
    if error.code in (408, 499) or error.code >= 500:
        return ProviderUnavailable(f"gemini answered {error.code} {status} for {model}")
    return ProviderError(f"gemini refused the request: {error.code} {status}")


def _retry_delay(error: genai_errors.APIError) -> float | None:
    """Seconds from the RetryInfo detail of a 429 (e.g. "retryDelay": "17s"), or Retry-After."""
    body = error.details if isinstance(error.details, dict) else {}
    details = body.get("error", body).get("details", []) if isinstance(body, dict) else []
    for detail in details if isinstance(details, list) else []:
        if isinstance(detail, dict) and detail.get("@type") == RETRY_INFO_TYPE:
            match = re.fullmatch(r"\s*([\d.]+)s\s*", str(detail.get("retryDelay", "")))
            if match:
                return float(match.group(1))
    header = error.response.headers.get("retry-after") if error.response is not None else None
    try:
        return float(header) if header else None
    except ValueError:
        return None
