"""FastAPI dependencies: the settings, a database session, and the signed-in user.

All are `async def`: FastAPI runs a plain `def` dependency in a thread pool, a hop that
costs more than the dependency itself.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts import service, tokens
from resumeforge.accounts.models import User
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.errors import InvalidToken, Unauthorized

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
    """The signed-in user's id from a valid access token, without a database read.

    Enough for reads: every query filters by this id, so a deleted account finds nothing.
    The id is kept on the request for its access log line.
    """
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Send the access token as 'Authorization: Bearer <token>'.")
    user_id = tokens.read_access_token(credentials.credentials, secret=settings.jwt_secret).user_id
    request.state.user_id = str(user_id)
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
