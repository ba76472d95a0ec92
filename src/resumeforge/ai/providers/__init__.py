"""Providers that turn a structured request into a validated Pydantic object plus usage."""

from __future__ import annotations

from resumeforge.ai.providers.base import Provider, StructuredRequest, Task, Usage
from resumeforge.config import LLMProviderName, Settings


def build_provider(name: LLMProviderName | str, settings: Settings) -> Provider:
    """The provider called `name`, configured from settings, built once and reused.

    An SDK client is worth keeping: making one loads TLS certificates and opens a pool
    (tens of milliseconds), more than a whole tailoring costs otherwise.
    """
    key = (LLMProviderName(name), settings.model_dump_json())
    provider = _built.get(key)
    if provider is None:
        provider = _built[key] = _new_provider(key[0], settings)
    return provider


_built: dict[tuple[LLMProviderName, str], Provider] = {}


def forget_providers() -> None:
    """Drop every built provider (what each learned of its server goes with it)."""
    _built.clear()


def _new_provider(name: LLMProviderName, settings: Settings) -> Provider:
    match name:
        case LLMProviderName.offline:
            from resumeforge.ai.providers.offline import OfflineProvider

            return OfflineProvider()
        case LLMProviderName.gemini:
            from resumeforge.ai.providers.gemini import GeminiProvider

            return GeminiProvider(settings)
        case LLMProviderName.openai:
            from resumeforge.ai.providers.openai_compat import OpenAICompatibleProvider

            return OpenAICompatibleProvider(settings)


__all__ = ["Provider", "StructuredRequest", "Task", "Usage", "build_provider", "forget_providers"]
