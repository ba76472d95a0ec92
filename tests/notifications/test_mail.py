"""Mail over real SMTP (aiosmtpd on 127.0.0.1): what arrives, and what happens while the mail
server is down — the mail is retried and arrives, once, when it is back."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import select

from resumeforge.accounts.service import find_by_email
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.notifications import service
from resumeforge.notifications.jobs import RetryMail, send_queued_mail
from resumeforge.notifications.models import OutgoingMail
from resumeforge.notifications.service import NotificationKind
from tests.conftest import register_and_login
from tests.generations.conftest import worker_running
from tests.notifications.smtp import MailServer

RECEIPT = {
    "purchase_id": "6a1c4c1e-0000-4000-8000-000000000002",
    "pack": "pro",
    "tokens": 50,
    "amount": "39.00 USD",
    "balance": 53,
}


async def _queue(
    client: httpx.AsyncClient,
    database: Database,
    email: str,
    kind: NotificationKind,
    context: dict[str, object],
) -> uuid.UUID:
    await register_and_login(client, email)
    async with database.sessions() as session:
        user = await find_by_email(session=session, email=email)
        assert user is not None
        await service.notify(session=session, user_id=user.id, kind=kind, context=context)
        await session.commit()
        return (await session.scalars(select(OutgoingMail.id))).one()


async def _mail(database: Database, mail_id: uuid.UUID) -> OutgoingMail:
    async with database.sessions() as session:
        mail = await session.get(OutgoingMail, mail_id)
        assert mail is not None
        return mail


async def test_a_receipt_arrives_with_amount_pack_and_balance_in_text_and_html(
    client: httpx.AsyncClient, db: Database, mail_settings: Settings, mail_server: MailServer
) -> None:
    mail_id = await _queue(
        client, db, "buyer@example.com", NotificationKind.payment_received, RECEIPT
    )
    sent_before = REGISTRY.get_sample_value("resumeforge_mails_total", {"outcome": "sent"}) or 0
    await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)
    sent_after = REGISTRY.get_sample_value("resumeforge_mails_total", {"outcome": "sent"})
    assert sent_after == sent_before + 1

    (received,) = mail_server.messages_to("buyer@example.com")
    assert received.sender == "billing@resumeforge.test"
    assert received.message["Subject"] == "Receipt: 50 tokens (pro)"
    assert received.message["From"] == "resumeforge <billing@resumeforge.test>"
    assert received.message["Message-ID"].endswith("@resumeforge.test>")
    text, html = received.part("plain"), received.part("html")
    for body in (text, html):
        assert "39.00 USD" in body and "pro" in body and "53" in body
        assert "http://127.0.0.1:8160" in body
    assert "Reference: 6a1c4c1e-0000-4000-8000-000000000002" in text
    mail = await _mail(db, mail_id)
    assert mail.status == "sent" and mail.attempts == 1 and mail.sent_at is not None
    assert mail.to_address == "" and mail.context == {}  # kept no longer than needed

    # A second run of the same job (a redelivery) sends nothing more.
    await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)
    assert len(mail_server.messages_to("buyer@example.com")) == 1


async def test_a_failure_mail_says_why_in_both_bodies(
    client: httpx.AsyncClient, db: Database, mail_settings: Settings, mail_server: MailServer
) -> None:
    context = {
        "purchase_id": "p-1",
        "pack": "starter",
        "amount": "9.00 USD",
        "reason": "Your card has insufficient funds.",
    }
    mail_id = await _queue(
        client, db, "declined@example.com", NotificationKind.payment_failed, context
    )
    await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)
    (received,) = mail_server.messages_to("declined@example.com")
    assert "did not go through" in received.message["Subject"]
    for body in (received.part("plain"), received.part("html")):
        assert "Your card has insufficient funds." in body
        assert "No tokens were added" in body


async def test_a_refused_address_is_given_up_at_once(
    client: httpx.AsyncClient, db: Database, mail_settings: Settings, mail_server: MailServer
) -> None:
    mail_server.refused.add("gone@example.com")
    mail_id = await _queue(
        client, db, "gone@example.com", NotificationKind.payment_received, RECEIPT
    )
    await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)  # no RetryMail
    mail = await _mail(db, mail_id)
    assert mail.status == "failed" and mail.last_error == "SMTP 550" and mail.attempts == 1


async def test_with_the_server_down_the_mail_waits_and_is_retried(
    client: httpx.AsyncClient, db: Database, mail_settings: Settings, mail_server: MailServer
) -> None:
    mail_server.stop()
    mail_id = await _queue(
        client, db, "patient@example.com", NotificationKind.payment_received, RECEIPT
    )
    with pytest.raises(RetryMail):
        await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)
    with pytest.raises(RetryMail) as second:
        await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)
    assert 0 < second.value.delay <= mail_settings.mail_retry_max_seconds
    mail = await _mail(db, mail_id)
    assert mail.status == "queued" and mail.attempts == 2 and mail.last_error
    assert mail.to_address == "patient@example.com"  # still needed

    exhausted = mail_settings.model_copy(update={"mail_max_attempts": 3})
    await send_queued_mail(settings=exhausted, database=db, mail_id=mail_id)
    assert (await _mail(db, mail_id)).status == "failed"


async def test_a_worker_delivers_a_mail_once_the_server_comes_back(
    client: httpx.AsyncClient, db: Database, mail_settings: Settings, mail_server: MailServer
) -> None:
    """The real worker and queue: attempts fail while the server is down, then it arrives."""
    mail_server.stop()
    mail_id = await _queue(
        client, db, "later@example.com", NotificationKind.payment_received, RECEIPT
    )
    quick = mail_settings.model_copy(update={"worker_poll_seconds": 0.2})
    async with worker_running(quick, db):
        for _ in range(600):  # hang guard: 60 s
            if (await _mail(db, mail_id)).attempts >= 2:
                break
            await asyncio.sleep(0.1)
        assert (await _mail(db, mail_id)).attempts >= 2, "the worker did not retry"
        assert mail_server.messages_to("later@example.com") == []
        mail_server.start()  # the same port: the mail server is back
        for _ in range(600):
            if (await _mail(db, mail_id)).status == "sent":
                break
            await asyncio.sleep(0.1)
    mail = await _mail(db, mail_id)
    assert mail.status == "sent", f"still {mail.status} after {mail.attempts} attempts"
    assert len(mail_server.messages_to("later@example.com")) == 1
