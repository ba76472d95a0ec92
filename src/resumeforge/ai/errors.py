"""What can go wrong when a provider is asked for structured output, as types.

The generation service retries `ProviderRateLimited` and `ProviderUnavailable` later and refunds
on the others; each maps to a problem-details response through `ProblemError`.
"""

from __future__ import annotations

from typing import Any

from resumeforge.errors import ProblemError, UnprocessableContent


class ProviderError(ProblemError):
    """A provider call failed; subclasses say whether trying again later can help."""

    status, slug, title = 502, "provider-error", "The AI provider failed"
    retryable: bool = False


class ProviderRateLimited(ProviderError):
    status, slug, title = 503, "provider-rate-limited", "The AI provider is rate limiting us"
    retryable = True

    def __init__(self, detail: str | None = None, *, retry_after: float = 1.0, **extra: Any):
        super().__init__(detail, **extra)
        self.retry_after = retry_after
        self.headers["Retry-After"] = str(max(1, round(retry_after)))


class ProviderUnavailable(ProviderError):
    status, slug, title = 503, "provider-unavailable", "The AI provider is unavailable"
    retryable = True


class ContentBlocked(ProviderError):
    status, slug, title = 422, "content-blocked", "The AI provider refused the content"


class InvalidOutput(ProviderError):
    status, slug, title = 502, "invalid-provider-output", "The AI provider gave an unusable answer"


class NothingToTailor(UnprocessableContent):
    """The résumé or the job has no text; a model asked anyway would make one up."""

    slug, title = "nothing-to-tailor", "The résumé or the job description is empty"
