"""HTTP for accounts: /api/v1/auth/* and /api/v1/me."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from resumeforge.accounts import service
from resumeforge.accounts.dependencies import CurrentUser, SessionDep, SettingsDep
from resumeforge.accounts.schemas import (
    Credentials,
    LoginRequest,
    RefreshRequest,
    TokenPair,
    UserOut,
)
from resumeforge.ratelimit import RateLimitsDep, by_address

router = APIRouter(prefix="/api/v1", tags=["accounts"])
limited = [Depends(by_address("auth"))]


@router.post(
    "/auth/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    dependencies=limited,
)
async def register(body: Credentials, session: SessionDep, settings: SettingsDep) -> UserOut:
    """Create an account; it starts with the free tokens."""
    user = await service.register(
        session=session, settings=settings, email=body.email, password=body.password
    )
    return UserOut.model_validate(user)


@router.post("/auth/login", response_model=TokenPair, dependencies=limited)
async def login(
    body: LoginRequest, session: SessionDep, settings: SettingsDep, limits: RateLimitsDep
) -> TokenPair:
    """Open a session; an account's failed sign-ins are limited whatever their address."""
    return await service.login(
        session=session, settings=settings, limits=limits, email=body.email, password=body.password
    )


@router.post("/auth/refresh", response_model=TokenPair, dependencies=limited)
async def refresh(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> TokenPair:
    """Spend a refresh token for a new pair; a reused one closes its whole family."""
    return await service.refresh(
        session=session, settings=settings, refresh_token=body.refresh_token
    )


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, session: SessionDep) -> Response:
    await service.logout(session=session, refresh_token=body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=UserOut)
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)
