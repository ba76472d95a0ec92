"""Request and response bodies of the auth API."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

MIN_PASSWORD = 10
MAX_PASSWORD = 1024


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)
    password: str = Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    # No minimum here: a short password is simply wrong, and says nothing about the account.
    password: str = Field(max_length=MAX_PASSWORD)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=512)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth 2 token type, not a secret
    expires_in: int = Field(description="seconds until the access token expires")


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    token_balance: int
    created_at: datetime


class NewPassword(BaseModel):
    """A password being set: by a reset link or a change on the account page."""

    password: str = Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)
