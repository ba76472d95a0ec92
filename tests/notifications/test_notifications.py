"""In-app notifications: added with their mail in the caller's transaction, listed unread first,
marked read by their owner only; without SMTP settings they stay in the app, logged without
personal data."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import func, select, text

from resumeforge.accounts.service import find_by_email
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.generations import service as generations
from resumeforge.notifications import messages, service
from resumeforge.notifications.jobs import send_queued_mail
from resumeforge.notifications.models import Notification, OutgoingMail
from resumeforge.notifications.service import NotificationKind
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body
from tests.logs import info_logs

RECEIPT = {
    "purchase_id": "6a1c4c1e-0000-4000-8000-000000000001",
    "pack": "starter",
    "tokens": 10,
    "amount": "9.00 USD",
    "balance": 13,
}


async def _user_id(database: Database, email: str) -> uuid.UUID:
    async with database.sessions() as session:
        user = await find_by_email(session=session, email=email)
        assert user is not None
        return user.id


async def _notify(
    database: Database, user_id: uuid.UUID, kind: NotificationKind, **context: object
) -> uuid.UUID:
    async with database.sessions() as session:
        notification = await service.notify(
            session=session, user_id=user_id, kind=kind, context=context
        )
        await session.commit()
        return notification.id


def test_every_kind_renders_a_subject_a_summary_and_both_bodies() -> None:
    contexts = {
        "payment_received": RECEIPT,
        "payment_failed": {"purchase_id": "p", "pack": "pro", "amount": "39.00 USD",
                           "reason": "Your card was declined."},
        "refund": {"purchase_id": "p", "pack": "pro", "tokens": 50, "owed": 4,
                   "amount": "39.00 USD", "balance": 0},
        "dispute": {"purchase_id": "p", "pack": "pro", "amount": "39.00 USD"},
        "generation_failed": {"generation_id": "g", "kind": "cover letter",
                              "reason": "The job text was empty.", "refunded": 1},
    }  # fmt: skip
    # Every kind has its templates; the rest are mails sent to an address, not notifications.
    mail_only = {"password_reset"}
    assert set(messages.template_names()) == {kind.value for kind in NotificationKind} | mail_only
    for name, context in contexts.items():
        mail = messages.render_mail(name, {**context, "app_url": "http://app.test"})
        in_app = messages.render_in_app(name, context)
        assert mail.subject and "\n" not in mail.subject
        assert in_app.title == mail.subject
        assert in_app.body in mail.text
        assert "http://app.test" in mail.text and 'href="http://app.test"' in mail.html
        assert "{{" not in mail.text + mail.html


def test_html_bodies_escape_what_they_are_given() -> None:
    mail = messages.render_mail(
        "payment_failed",
        {"purchase_id": "p", "pack": "<b>pro</b>", "amount": "1", "reason": "<script>x</script>",
         "app_url": ""},
    )  # fmt: skip
    assert "<script>" not in mail.html and "&lt;script&gt;" in mail.html
    assert "<script>x</script>" in mail.text  # plain text is plain


async def test_notifications_list_unread_first_and_mark_read(
    client: httpx.AsyncClient, db: Database
) -> None:
    tokens = await register_and_login(client, "reader@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    user_id = await _user_id(db, "reader@example.com")
    first = await _notify(db, user_id, NotificationKind.payment_received, **RECEIPT)
    second = await _notify(
        db, user_id, NotificationKind.dispute, purchase_id="p", pack="starter", amount="9.00 USD"
    )

    response = await client.post(f"/api/v1/notifications/{first}/read", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["read"] is True
    third = await _notify(
        db, user_id, NotificationKind.payment_failed, purchase_id="p", pack="pro",
        amount="39.00 USD", reason="Your card has insufficient funds.",
    )  # fmt: skip

    listing = (await client.get("/api/v1/notifications", headers=headers)).json()
    assert listing["unread"] == 2
    ids = [n["id"] for n in listing["notifications"]]
    assert ids == [str(third), str(second), str(first)]  # unread newest first, then the read
    receipt = listing["notifications"][2]
    assert receipt["kind"] == "payment_received" and receipt["read"] is True
    assert receipt["title"] == "Receipt: 10 tokens (starter)"
    assert "balance is now 13 tokens" in receipt["body"]
    assert receipt["data"]["amount"] == "9.00 USD"

    unread = (await client.get("/api/v1/notifications?unread_only=true", headers=headers)).json()
    assert [n["id"] for n in unread["notifications"]] == [str(third), str(second)]
    marked = await client.post("/api/v1/notifications/read", headers=headers)
    assert marked.json() == {"marked": 2}
    assert (await client.get("/api/v1/notifications", headers=headers)).json()["unread"] == 0


async def test_another_users_notification_is_not_found(
    client: httpx.AsyncClient, db: Database
) -> None:
    await register_and_login(client, "owner@example.com")
    other = await register_and_login(client, "other@example.com")
    mine = await _notify(
        db, await _user_id(db, "owner@example.com"), NotificationKind.payment_received, **RECEIPT
    )
    headers = {"Authorization": f"Bearer {other['access_token']}"}
    response = await client.post(f"/api/v1/notifications/{mine}/read", headers=headers)
    assert response.status_code == 404
    assert response.json()["type"].endswith("/notification-not-found")
    assert (await client.get("/api/v1/notifications", headers=headers)).json()[
        "notifications"
    ] == []
    unauthenticated = await client.get("/api/v1/notifications")
    assert unauthenticated.status_code == 401


async def test_notify_queues_its_mail_in_the_same_transaction(
    client: httpx.AsyncClient, db: Database
) -> None:
    await register_and_login(client, "tx@example.com")
    user_id = await _user_id(db, "tx@example.com")
    async with db.sessions() as session:
        await service.notify(
            session=session,
            user_id=user_id,
            kind=NotificationKind.payment_received,
            context=RECEIPT,
        )
        await session.rollback()  # the caller's transaction failed: nothing of it remains
    async with db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Notification)) == 0
        assert await session.scalar(select(func.count()).select_from(OutgoingMail)) == 0
        jobs = await session.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'send_mail'")
        )
        assert jobs == 0

    await _notify(db, user_id, NotificationKind.payment_received, **RECEIPT)
    async with db.sessions() as session:
        mail = (await session.scalars(select(OutgoingMail))).one()
        assert mail.to_address == "tx@example.com" and mail.status == "queued"
        job_args = await session.scalar(
            text("SELECT args FROM procrastinate_jobs WHERE task_name = 'send_mail'")
        )
        assert job_args == {"mail_id": str(mail.id)}


async def test_without_smtp_the_mail_stays_unsent_and_the_log_holds_no_personal_data(
    client: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    assert settings.smtp_host is None
    await register_and_login(client, "private.person@example.com")
    user_id = await _user_id(db, "private.person@example.com")
    with info_logs() as logs:
        await _notify(db, user_id, NotificationKind.payment_received, **RECEIPT)
        async with db.sessions() as session:
            mail_id = (await session.scalars(select(OutgoingMail.id))).one()
        await send_queued_mail(settings=settings, database=db, mail_id=mail_id)
    async with db.sessions() as session:
        mail = await session.get(OutgoingMail, mail_id)
        assert mail is not None
        assert mail.status == "unsent" and mail.to_address == "" and mail.context == {}
        assert await session.scalar(select(func.count()).select_from(Notification)) == 1
    events = [entry["event"] for entry in logs]
    assert "notification added" in events and "mail not sent: SMTP is not configured" in events
    logged = repr(logs)
    assert "private.person" not in logged and "9.00 USD" not in logged


async def test_a_failed_generation_tells_its_owner_what_happened_and_of_the_refund(
    client: httpx.AsyncClient, db: Database
) -> None:
    tokens = await register_and_login(client, "unlucky@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    started = await client.post(
        "/api/v1/generations", json=generation_body(kind="cover_letter"), headers=headers
    )
    assert started.status_code == 202, started.text
    generation_id = uuid.UUID(started.json()["id"])
    async with db.sessions() as session:
        assert await generations.fail_and_refund(
            session=session, generation_id=generation_id, reason="The job text was unreadable."
        )
    (note,) = (await client.get("/api/v1/notifications", headers=headers)).json()["notifications"]
    assert note["kind"] == "generation_failed"
    assert note["title"] == "Your cover letter could not be written; 1 token(s) refunded"
    assert "The job text was unreadable." in note["body"]
    async with db.sessions() as session:
        mail = (await session.scalars(select(OutgoingMail))).one()
        assert mail.template == "generation_failed" and mail.to_address == "unlucky@example.com"
    # A second failure of the same generation (a sweeper racing a worker) tells nothing more.
    async with db.sessions() as session:
        assert not await generations.fail_and_refund(
            session=session, generation_id=generation_id, reason="again"
        )
    listing = (await client.get("/api/v1/notifications", headers=headers)).json()
    assert len(listing["notifications"]) == 1
