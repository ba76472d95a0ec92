"""Browser sessions: a random token in an HttpOnly cookie, its hash in `browser_sessions`;
and the CSRF token every state-changing browser request carries.

The CSRF token is an HMAC of a per-browser random value kept in its own cookie (OWASP's
"signed double-submit cookie"): a page of another site can neither read the cookie nor
compute the HMAC, and a cookie planted from elsewhere fails the signature.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts.models import BrowserSession
from resumeforge.config import Settings

SESSION_COOKIE = "rf_session"
CSRF_COOKIE = "rf_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_session(*, session: AsyncSession, settings: Settings, user_id: uuid.UUID) -> str:
    """Open a session for the user; return the cookie's value (never stored as is)."""
    token = secrets.token_urlsafe(32)
    session.add(
        BrowserSession(
            user_id=user_id,
            token_hash=_hash(token),
            expires_at=datetime.now(UTC) + timedelta(days=settings.web_session_days),
        )
    )
    await session.commit()
    return token


async def user_of_session(*, session: AsyncSession, token: str) -> uuid.UUID | None:
    """The signed-in user behind a session cookie, or None when it is unknown, over or ended."""
    if not token or len(token) > 128:
        return None
    return await session.scalar(
        select(BrowserSession.user_id).where(
            BrowserSession.token_hash == _hash(token),
            BrowserSession.revoked_at.is_(None),
            BrowserSession.expires_at > datetime.now(UTC),
        )
    )


async def end_session(*, session: AsyncSession, token: str) -> None:
    """Sign this browser out; an unknown token is ignored (signing out twice is fine)."""
    await session.execute(
        update(BrowserSession)
        .where(BrowserSession.token_hash == _hash(token), BrowserSession.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    await session.commit()


async def end_all_sessions(
    *, session: AsyncSession, user_id: uuid.UUID, keep_token: str | None = None
) -> None:
    """Sign the user out everywhere (but `keep_token`'s browser). The caller commits."""
    query = update(BrowserSession).where(
        BrowserSession.user_id == user_id, BrowserSession.revoked_at.is_(None)
    )
    if keep_token:
        query = query.where(BrowserSession.token_hash != _hash(keep_token))
    await session.execute(query.values(revoked_at=datetime.now(UTC)))


def new_csrf_nonce() -> str:
    return secrets.token_urlsafe(24)


def csrf_token_for(nonce: str, *, secret: str) -> str:
    """The token forms and scripts send back, bound to this browser's nonce cookie."""
    return hmac.new(secret.encode(), b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()


def csrf_token_matches(nonce: str | None, token: str | None, *, secret: str) -> bool:
    if not nonce or not token:
        return False
    return hmac.compare_digest(csrf_token_for(nonce, secret=secret), token)
