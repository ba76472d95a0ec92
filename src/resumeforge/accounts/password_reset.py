"""Password changes: by the signed-in user, or through a single-use emailed link.

A reset token is random, stored only as a hash, works once and for PASSWORD_RESET_MINUTES;
using it signs the account out everywhere (browser sessions and refresh tokens alike). The link
goes out by mail (the notifications mail job, with retries); without SMTP, in development
only, it is logged.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts import passwords, service, web_sessions
from resumeforge.accounts.models import PasswordResetToken, RefreshToken
from resumeforge.config import Environment, Settings
from resumeforge.errors import InvalidCredentials, InvalidToken
from resumeforge.notifications import service as notifications

log = structlog.get_logger(__name__)


class ResetLinkInvalid(InvalidToken):
    slug, title = "reset-link-invalid", "This reset link is not valid"


class WrongPassword(InvalidCredentials):
    slug, title = "wrong-password", "The current password is wrong"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def request_reset(*, session: AsyncSession, settings: Settings, email: str) -> None:
    """Send a reset link when the email has an account; say nothing either way."""
    user = await service.find_by_email(session=session, email=email)
    if user is None:
        return
    token = secrets.token_urlsafe(32)
    session.add(
        PasswordResetToken(
            user_id=user.id,
            token_hash=_hash(token),
            expires_at=datetime.now(UTC) + timedelta(minutes=settings.password_reset_minutes),
        )
    )
    link = f"{settings.public_base_url}/reset/{token}"
    await notifications.queue_mail(
        session=session,
        to=user.email,
        template="password_reset",
        context={"link": link, "minutes": settings.password_reset_minutes},
    )
    await session.commit()
    if not settings.smtp_host and settings.resumeforge_env == Environment.development:
        # No mail server: a developer still needs the link. Never outside development.
        log.warning("password reset link (development only: no mail is sent)", link=link)


async def reset_password(*, session: AsyncSession, token: str, new_password: str) -> uuid.UUID:
    """Spend the link's token and set the password; every session of the account ends."""
    now = datetime.now(UTC)
    spent = (
        update(PasswordResetToken)
        .where(
            PasswordResetToken.token_hash == _hash(token),
            PasswordResetToken.used_at.is_(None),
            PasswordResetToken.expires_at > now,
        )
        .values(used_at=now)
        .returning(PasswordResetToken.user_id)
    )
    user_id: uuid.UUID | None = await session.scalar(spent)
    if user_id is None:
        raise ResetLinkInvalid(
            "This reset link was used already or has expired; ask for a new one."
        )
    await _set_password(session=session, user_id=user_id, new_password=new_password, at=now)
    await web_sessions.end_all_sessions(session=session, user_id=user_id)
    await session.commit()
    return user_id


async def change_password(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    current_password: str,
    new_password: str,
    keep_browser_session: str | None,
) -> None:
    """Check the current password, set the new one, and sign out every other session."""
    user = await service.get_user(session=session, user_id=user_id)
    if user is None or not await passwords.verify_password_off_loop(
        user.password_hash, current_password
    ):
        raise WrongPassword("The current password is wrong.")
    await _set_password(
        session=session, user_id=user_id, new_password=new_password, at=datetime.now(UTC)
    )
    await web_sessions.end_all_sessions(
        session=session, user_id=user_id, keep_token=keep_browser_session
    )
    await session.commit()


async def _set_password(
    *, session: AsyncSession, user_id: uuid.UUID, new_password: str, at: datetime
) -> None:
    user = await service.get_user(session=session, user_id=user_id)
    assert user is not None, "the token's foreign key guarantees the user"
    user.password_hash = await passwords.hash_password_off_loop(new_password)
    # API clients holding refresh tokens must sign in again with the new password.
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=at)
    )
