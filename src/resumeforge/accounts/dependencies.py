"""FastAPI dependencies: the settings, a database session, and the signed-in user.

All are `async def`: FastAPI runs a plain `def` dependency in a thread pool, a hop that
costs more than the dependency itself.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts import service, tokens, web_sessions
from resumeforge.accounts.models import User
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.errors import Forbidden, InvalidToken, Unauthorized

_bearer = HTTPBearer(auto_error=False, description="The access token from /api/v1/auth/login")


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


async def get_session(
    database: Annotated[Database, Depends(get_database)],
) -> AsyncIterator[AsyncSession]:
    async with database.sessions() as session:
        yield session


async def current_user_id(
    request: Request,
    settings: Annotated[Settings, Depends(get_app_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> uuid.UUID:
    """The signed-in user's id from a valid access token (without a database read), or from
    a browser's session cookie (with a CSRF check on anything but a read).

    Enough for reads: every query filters by this id, so a deleted account finds nothing.
    The id is kept on the request for its access log line.
    """
    if credentials is None and web_sessions.SESSION_COOKIE in request.cookies:
        return await _browser_user_id(request, settings)
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Send the access token as 'Authorization: Bearer <token>'.")
    user_id = tokens.read_access_token(credentials.credentials, secret=settings.jwt_secret).user_id
    request.state.user_id = str(user_id)
    return user_id


class CsrfRejected(Forbidden):
    slug, title = "csrf-rejected", "Request refused: it did not come from this site's pages"


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def require_same_site_form(
    request: Request, settings: Annotated[Settings, Depends(get_app_settings)]
) -> None:
    """Refuse a state-changing browser request that another site could have forged: it must
    come from our own origin and carry the CSRF token of this browser (field or header)."""
    if request.method in SAFE_METHODS:
        return
    # Browsers set Sec-Fetch-Site themselves (no page can forge it). Without it, Origin; it
    # is "null" on our own forms, which are sent with Referrer-Policy: no-referrer.
    fetch_site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if fetch_site is not None:
        if fetch_site not in {"same-origin", "none"}:
            raise CsrfRejected("This request came from another site.")
    elif origin not in (None, "null") and origin not in _own_origins(request, settings):
        raise CsrfRejected("This request came from another site.")
    token = request.headers.get(web_sessions.CSRF_HEADER)
    if token is None and _is_form(request):
        field = (await request.form()).get(web_sessions.CSRF_FIELD)
        token = field if isinstance(field, str) else None
    nonce = request.cookies.get(web_sessions.CSRF_COOKIE)
    if not web_sessions.csrf_token_matches(nonce, token, secret=settings.jwt_secret):
        raise CsrfRejected("The form has expired; reload the page and try again.")


def _own_origins(request: Request, settings: Settings) -> set[str]:
    public = urlsplit(settings.public_base_url)
    return {
        f"{request.url.scheme}://{request.headers.get('host', '')}",
        f"{public.scheme}://{public.netloc}",
    }


def _is_form(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


async def _browser_user_id(request: Request, settings: Settings) -> uuid.UUID:
    await require_same_site_form(request, settings)
    database: Database = request.app.state.database
    async with database.sessions() as session:
        user_id = await web_sessions.user_of_session(
            session=session, token=request.cookies[web_sessions.SESSION_COOKIE]
        )
    if user_id is None:
        raise Unauthorized("Your session has ended; sign in again.")
    return user_id


async def current_user(
    session: Annotated[AsyncSession, Depends(get_session)],
    user_id: Annotated[uuid.UUID, Depends(current_user_id)],
) -> User:
    """The signed-in user's row: for writes, and for what shows the account itself."""
    user = await service.get_user(session=session, user_id=user_id)
    if user is None:
        raise InvalidToken("The account behind this token no longer exists.")
    return user


SessionDep = Annotated[AsyncSession, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
CurrentUser = Annotated[User, Depends(current_user)]
CurrentUserId = Annotated[uuid.UUID, Depends(current_user_id)]
SameSiteForm = Depends(require_same_site_form)
