"""Sign-up, sign-in, token rotation and sign-out. Each public function is one use case."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts import passwords, tokens
from resumeforge.accounts.emails import email_key, normalise_email
from resumeforge.accounts.models import RefreshToken, User
from resumeforge.accounts.schemas import TokenPair
from resumeforge.billing import service as billing
from resumeforge.config import Settings
from resumeforge.errors import Conflict, InvalidCredentials, InvalidToken

if TYPE_CHECKING:
    from resumeforge.ratelimit import RateLimits

LOGIN_FAILURES = "login_failures"


class EmailTaken(Conflict):
    slug, title = "email-taken", "Email already registered"


async def register(*, session: AsyncSession, settings: Settings, email: str, password: str) -> User:
    """Create the account and grant the free tokens, in one transaction."""
    email = normalise_email(email)
    if await find_by_email(session=session, email=email) is not None:
        raise EmailTaken(f"An account with {email} exists already. Sign in instead.")
    password_hash = await passwords.hash_password_off_loop(
        password, threads=settings.password_hash_threads
    )
    user = User(email=email, email_key=email_key(email), password_hash=password_hash)
    session.add(user)
    try:
        await session.flush()
    except IntegrityError:
        # Two sign-ups raced past the check above; the unique index decided.
        await session.rollback()
        raise EmailTaken(f"An account with {email} exists already. Sign in instead.") from None
    if settings.free_tokens:
        await billing.credit_tokens(
            session=session,
            user_id=user.id,
            amount=settings.free_tokens,
            reason="signup",
            idempotency_key=f"signup:{user.id}",
        )
    await session.commit()
    await session.refresh(user)
    return user


async def login(
    *, session: AsyncSession, settings: Settings, limits: RateLimits, email: str, password: str
) -> TokenPair:
    """Check the password and open a new token family."""
    user = await authenticate(
        session=session, settings=settings, limits=limits, email=email, password=password
    )
    pair = await _issue_pair(session=session, settings=settings, user_id=user.id, family_id=None)
    await session.commit()
    return pair


async def authenticate(
    *, session: AsyncSession, settings: Settings, limits: RateLimits, email: str, password: str
) -> User:
    """The user whose password this is (same cost for unknown emails), re-hashed if due.

    Failures are counted per account whatever the address they come from; past the limit the
    account refuses sign-ins (unknown addresses alike, so the refusal reveals nothing) until
    the window moves on. Raises InvalidCredentials. The caller commits (a re-hash is a
    pending change).
    """
    account = email_key(email)
    await limits.refuse_if_spent(LOGIN_FAILURES, account)
    user = await find_by_email(session=session, email=email)
    threads = settings.password_hash_threads
    if not await passwords.verify_password_off_loop(
        user.password_hash if user else None, password, threads=threads
    ):
        await limits.count(LOGIN_FAILURES, account)
        raise InvalidCredentials("The email or the password is wrong.")
    assert user is not None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = await passwords.hash_password_off_loop(password, threads=threads)
    return user


async def refresh(*, session: AsyncSession, settings: Settings, refresh_token: str) -> TokenPair:
    """Rotate: spend this refresh token and issue a new pair in the same family.

    A token spent before is a sign it was stolen: the whole family is revoked. Except within
    a short grace window, where a concurrent use (two tabs, a retried request) gets the very
    pair the first use got: both are derived from the spent token and the time it was spent.
    """
    row = await _lock_refresh_token(session=session, refresh_token=refresh_token)
    now = datetime.now(UTC)
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise InvalidToken("The refresh token is not valid; sign in again.")
    if row.used_at is not None:
        if now - row.used_at <= timedelta(seconds=settings.refresh_reuse_grace_seconds):
            pair = _rotated_pair(settings, row, refresh_token, spent_at=row.used_at)
            await session.rollback()  # nothing to write: the first use wrote it all
            return pair
        await _revoke_family(session=session, family_id=row.family_id, at=now)
        await session.commit()
        raise InvalidToken("This refresh token was used already; every session from it is closed.")
    row.used_at = now
    pair = _rotated_pair(settings, row, refresh_token, spent_at=now)
    session.add(
        RefreshToken(
            user_id=row.user_id,
            family_id=row.family_id,
            token_hash=tokens.hash_refresh_token(pair.refresh_token),
            expires_at=now + timedelta(days=settings.refresh_token_days),
        )
    )
    await session.commit()
    return pair


async def logout(*, session: AsyncSession, refresh_token: str) -> None:
    """Revoke the token's family. Unknown tokens are ignored: logging out twice is fine."""
    row = await _lock_refresh_token(session=session, refresh_token=refresh_token)
    if row is not None:
        await _revoke_family(session=session, family_id=row.family_id, at=datetime.now(UTC))
    await session.commit()


async def find_by_email(*, session: AsyncSession, email: str) -> User | None:
    """The account of `email` in any of its spellings (see accounts.emails)."""
    return await session.scalar(select(User).where(User.email_key == email_key(email)))


async def get_user(*, session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


async def _issue_pair(
    *,
    session: AsyncSession,
    settings: Settings,
    user_id: uuid.UUID,
    family_id: uuid.UUID | None,
) -> TokenPair:
    refresh_token = tokens.new_refresh_token()
    session.add(
        RefreshToken(
            user_id=user_id,
            family_id=family_id or uuid.uuid4(),
            token_hash=tokens.hash_refresh_token(refresh_token),
            expires_at=datetime.now(UTC) + timedelta(days=settings.refresh_token_days),
        )
    )
    access_token = tokens.issue_access_token(
        user_id, secret=settings.jwt_secret, minutes=settings.access_token_minutes
    )
    return TokenPair(
        access_token=access_token,
        refresh_token=refresh_token,
        expires_in=settings.access_token_minutes * 60,
    )


def _rotated_pair(
    settings: Settings, row: RefreshToken, spent: str, *, spent_at: datetime
) -> TokenPair:
    """The pair that replaces `spent`: the same every time it is asked for (see refresh)."""
    refresh_token, token_id = tokens.derived_from(spent, secret=settings.jwt_secret)
    access_token = tokens.issue_access_token(
        row.user_id,
        secret=settings.jwt_secret,
        minutes=settings.access_token_minutes,
        issued_at=spent_at,
        token_id=token_id,
    )
    return TokenPair(
        access_token=access_token,
        refresh_token=refresh_token,
        expires_in=settings.access_token_minutes * 60,
    )


async def _lock_refresh_token(*, session: AsyncSession, refresh_token: str) -> RefreshToken | None:
    # FOR UPDATE: two concurrent uses of one token must not both rotate it.
    return await session.scalar(
        select(RefreshToken)
        .where(RefreshToken.token_hash == tokens.hash_refresh_token(refresh_token))
        .with_for_update()
    )


async def _revoke_family(*, session: AsyncSession, family_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=at)
    )
