"""Notifications for the app and the mail that goes with them.

`notify` adds what the user reads in the app and queues its mail, in the caller's transaction;
`queue_mail` queues a mail to any address (password resets). A background job sends each mail
with retries (`jobs.py`); without SMTP settings it is kept in the app only and logged.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import structlog
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts.models import User
from resumeforge.db.queue import defer_job
from resumeforge.errors import NotFound
from resumeforge.notifications import messages
from resumeforge.notifications.models import Notification, OutgoingMail

log = structlog.get_logger(__name__)

QUEUE = "notifications"
SEND_MAIL_TASK = "send_mail"


class NotificationKind(StrEnum):
    """What happened; each kind is a template pair in `templates/`."""

    payment_received = "payment_received"
    payment_failed = "payment_failed"
    refund = "refund"
    dispute = "dispute"
    generation_failed = "generation_failed"


class NotificationNotFound(NotFound):
    slug, title = "notification-not-found", "Notification not found"


async def notify(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    kind: NotificationKind,
    context: Mapping[str, Any],
    email: bool = True,
) -> Notification:
    """Tell a user something in the app and, unless `email` is False, by mail.

    Nothing is committed here: the notification belongs to the caller's transaction, so a
    receipt exists exactly when the credit it announces does.
    """
    message = messages.render_in_app(kind.value, context)
    notification = Notification(
        id=uuid.uuid4(),
        user_id=user_id,
        kind=kind.value,
        title=message.title,
        body=message.body,
        data=dict(context),
    )
    session.add(notification)
    await session.flush()
    log.info("notification added", kind=kind.value, notification_id=str(notification.id))
    if email:
        address = await session.scalar(select(User.email).where(User.id == user_id))
        if address:
            await queue_mail(
                session=session,
                to=address,
                template=kind.value,
                context=context,
                notification_id=notification.id,
            )
    return notification


async def queue_mail(
    *,
    session: AsyncSession,
    to: str,
    template: str,
    context: Mapping[str, Any],
    notification_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Queue one mail rendered from `templates/<template>.txt` and `.html`; return its id.

    The templates are checked now (a typo fails the caller, not a job at 3 a.m.); the mail is
    rendered again when sent, with `app_url` added. Nothing is committed here.
    """
    messages.render_mail(template, {**context, "app_url": ""})
    mail = OutgoingMail(
        id=uuid.uuid4(),
        notification_id=notification_id,
        template=template,
        to_address=to,
        context=dict(context),
    )
    session.add(mail)
    await session.flush()
    await defer_job(
        session=session,
        queue=QUEUE,
        task=SEND_MAIL_TASK,
        lock=f"mail:{mail.id}",
        args={"mail_id": str(mail.id)},
    )
    return mail.id


async def list_notifications(
    *, session: AsyncSession, user_id: uuid.UUID, limit: int, unread_only: bool = False
) -> list[Notification]:
    """The user's notifications, unread first, each group newest first."""
    query = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    query = query.order_by(
        Notification.read_at.is_not(None), Notification.created_at.desc(), Notification.id
    )
    return list(await session.scalars(query.limit(limit)))


async def unread_count(*, session: AsyncSession, user_id: uuid.UUID) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
    )
    return count or 0


async def mark_read(
    *, session: AsyncSession, user_id: uuid.UUID, notification_id: uuid.UUID
) -> Notification:
    """Mark one of the user's notifications read (again is fine); another user's is a 404."""
    notification = await session.scalar(
        select(Notification).where(
            Notification.id == notification_id, Notification.user_id == user_id
        )
    )
    if notification is None:
        raise NotificationNotFound()
    if notification.read_at is None:
        notification.read_at = await session.scalar(select(func.now()))
    await session.commit()
    return notification


async def mark_all_read(*, session: AsyncSession, user_id: uuid.UUID) -> int:
    """Mark every unread notification of the user read; return how many were."""
    result = await session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=func.now())
        .returning(Notification.id)
    )
    marked = len(result.all())
    await session.commit()
    return marked
