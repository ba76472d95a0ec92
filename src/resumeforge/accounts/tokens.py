"""JWT access tokens (one pinned algorithm) and opaque refresh tokens stored as hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from resumeforge.errors import InvalidToken

ALGORITHM = "HS256"
ACCESS = "access"


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    token_id: str
    expires_at: datetime


def issue_access_token(
    user_id: uuid.UUID,
    *,
    secret: str,
    minutes: int,
    issued_at: datetime | None = None,
    token_id: str | None = None,
) -> str:
    """A signed access token; given `issued_at` and `token_id`, the same token every time."""
    now = (issued_at or datetime.now(UTC)).replace(microsecond=0)
    claims = {
        "sub": str(user_id),
        "iat": now,
        "exp": now + timedelta(minutes=minutes),
        "jti": token_id or uuid.uuid4().hex,
        "type": ACCESS,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_access_token(token: str, *, secret: str) -> AccessClaims:
    """Verify signature, expiry and type; raise InvalidToken otherwise.

    A token verified once is remembered until it expires: clients send the same one with
    every request, and checking it again costs more than the rest of a cached read.
    """
    cache_key = (token, secret)
    claims = _verified.get(cache_key)
    if claims is not None:
        if claims.expires_at > datetime.now(UTC):
            return claims
        del _verified[cache_key]
    claims = _verify(token, secret=secret)
    if len(_verified) >= MAX_REMEMBERED_TOKENS:
        _verified.pop(next(iter(_verified)))
    _verified[cache_key] = claims
    return claims


MAX_REMEMBERED_TOKENS = 10_000
_verified: dict[tuple[str, str], AccessClaims] = {}


def _verify(token: str, *, secret: str) -> AccessClaims:
    try:
        # Only HS256 is accepted: a token signed with "none" or any other algorithm fails.
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={"require": ["sub", "exp", "iat", "jti", "type"]},
        )
    except jwt.ExpiredSignatureError:
        raise InvalidToken("The access token has expired; refresh it.") from None
    except jwt.InvalidTokenError:
        raise InvalidToken("The access token is not valid.") from None
    if claims.get("type") != ACCESS:
        raise InvalidToken("Not an access token.")
    try:
        user_id = uuid.UUID(str(claims["sub"]))
    except ValueError:
        raise InvalidToken("The access token is not valid.") from None
    return AccessClaims(
        user_id=user_id,
        token_id=str(claims["jti"]),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
    )


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_token(token: str) -> str:
    """Refresh tokens are long random strings: a plain SHA-256 is enough to store them."""
    return hashlib.sha256(token.encode()).hexdigest()


def derived_from(spent: str, *, secret: str) -> tuple[str, str]:
    """The refresh token and access-token id that replace `spent`, derived with our secret:
    only someone holding `spent` can ask for them, and asking twice gives the same."""
    digest = hmac.new(secret.encode(), b"rotate:" + spent.encode(), hashlib.sha256).digest()
    refresh_token = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    token_id = hmac.new(secret.encode(), b"jti:" + spent.encode(), hashlib.sha256).hexdigest()
    return refresh_token, token_id[:32]
