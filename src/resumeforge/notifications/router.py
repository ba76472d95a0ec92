"""HTTP for notifications: the list (unread first) and marking them read."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from resumeforge.accounts.dependencies import CurrentUserId, SessionDep
from resumeforge.notifications import service
from resumeforge.notifications.schemas import MarkedRead, NotificationOut, NotificationsOut

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])


@router.get("", response_model=NotificationsOut)
async def list_notifications(
    user_id: CurrentUserId,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    unread_only: bool = False,
) -> NotificationsOut:
    """The user's notifications, unread first, newest first within each."""
    notifications = await service.list_notifications(
        session=session, user_id=user_id, limit=limit, unread_only=unread_only
    )
    return NotificationsOut(
        unread=await service.unread_count(session=session, user_id=user_id),
        notifications=[NotificationOut.model_validate(n) for n in notifications],
    )


@router.post("/{notification_id}/read", response_model=NotificationOut)
async def mark_read(
    notification_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> NotificationOut:
    """Mark one notification read."""
    notification = await service.mark_read(
        session=session, user_id=user_id, notification_id=notification_id
    )
    return NotificationOut.model_validate(notification)


@router.post("/read", response_model=MarkedRead)
async def mark_all_read(user_id: CurrentUserId, session: SessionDep) -> MarkedRead:
    """Mark every unread notification read."""
    return MarkedRead(marked=await service.mark_all_read(session=session, user_id=user_id))
