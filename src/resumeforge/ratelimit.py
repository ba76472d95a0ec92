"""Rate limits at the edge: sign-in attempts per address, generation starts per user.

Counters live in Redis when REDIS_URL is set, so every replica shares them; in memory
otherwise. When Redis is unreachable the limits stand aside (and say so in the log) rather
than taking sign-in down with them.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

import structlog
from fastapi import Depends, Request
from limits import RateLimitItem, parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from resumeforge.accounts.dependencies import current_user_id
from resumeforge.config import Settings
from resumeforge.errors import TooManyRequests

log = structlog.get_logger(__name__)


# The limiter's hit (count, then answer) or test (answer only): True while within the limit.
LimiterCall = Callable[[RateLimitItem, str, str], Awaitable[bool]]


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        if settings.redis_url:
            storage = storage_from_string(
                "async+" + settings.redis_url, implementation="redispy", key_prefix="resumeforge"
            )
        else:
            storage = storage_from_string("async+memory://")
        self._limiter = MovingWindowRateLimiter(storage)
        self._rules: dict[str, RateLimitItem] = {
            "auth": parse(settings.rate_limit_auth),
            "generations": parse(settings.rate_limit_generations),
            "login_failures": parse(settings.rate_limit_login_failures),
        }

    async def check(self, rule: str, identity: str) -> None:
        """Count one attempt; raise TooManyRequests (with Retry-After) past the limit."""
        await self._refuse_unless(self._limiter.hit, rule, identity, "Too many requests")

    async def refuse_if_spent(self, rule: str, identity: str) -> None:
        """Raise TooManyRequests when `identity` has no attempt left, without counting one."""
        await self._refuse_unless(self._limiter.test, rule, identity, "Too many attempts")

    async def count(self, rule: str, identity: str) -> None:
        """Count one attempt (a failure, say) without refusing this one."""
        try:
            await self._limiter.hit(self._rules[rule], rule, identity)
        except Exception as error:
            _storage_unavailable(error)

    async def _refuse_unless(
        self, allowed: LimiterCall, rule: str, identity: str, too_many: str
    ) -> None:
        """Raise TooManyRequests, saying `too_many` and when to retry, unless `allowed`."""
        item = self._rules[rule]
        try:
            if await allowed(item, rule, identity):
                return
            window = await self._limiter.get_window_stats(item, rule, identity)
        except Exception as error:
            _storage_unavailable(error)
            return
        retry_after = max(1, round(window.reset_time - time.time()))
        raise TooManyRequests(f"{too_many}; try again in {retry_after} s.", retry_after=retry_after)


def _storage_unavailable(error: Exception) -> None:
    """The limiter's storage is down: the request goes through, and the log says why."""
    log.warning("rate limit storage unavailable", error_type=type(error).__name__)


def _limits(request: Request) -> RateLimits:
    limits: RateLimits = request.app.state.rate_limits
    return limits


RateLimitsDep = Annotated[RateLimits, Depends(_limits)]


def by_address(rule: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency counting requests per client address (behind TRUSTED_PROXIES, the real one)."""

    async def limit(request: Request) -> None:
        address = request.client.host if request.client else "unknown"
        await _limits(request).check(rule, address)

    return limit


def by_user(rule: str) -> Callable[..., Awaitable[None]]:
    """A dependency counting requests per signed-in user."""

    async def limit(
        request: Request, user_id: Annotated[uuid.UUID, Depends(current_user_id)]
    ) -> None:
        await _limits(request).check(rule, str(user_id))

    return limit
