"""Providers that turn a structured request into a validated Pydantic object plus usage."""

from __future__ import annotations

from resumeforge.ai.providers.base import Provider, StructuredRequest, Task, Usage
from resumeforge.config import LLMProviderName, Settings


def build_provider(name: LLMProviderName | str, settings: Settings) -> Provider:
    """The provider called `name`, configured from settings."""
    match LLMProviderName(name):
        case LLMProviderName.offline:
            from resumeforge.ai.providers.offline import OfflineProvider

            return OfflineProvider()
        case LLMProviderName.gemini:
            from resumeforge.ai.providers.gemini import GeminiProvider

            return GeminiProvider(settings)
        case LLMProviderName.openai:
            from resumeforge.ai.providers.openai_compat import OpenAICompatibleProvider

            return OpenAICompatibleProvider(settings)


__all__ = ["Provider", "StructuredRequest", "Task", "Usage", "build_provider"]
