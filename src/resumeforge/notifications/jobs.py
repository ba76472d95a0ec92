"""The mail job: send one queued mail over SMTP, retrying with backoff while the server is away.

A mail server outage delays mail and loses none: a connection error, a timeout or a 4xx answer
schedules another attempt (doubling delays up to MAIL_RETRY_MAX_SECONDS, MAIL_MAX_ATTEMPTS in
all); a 5xx answer (the address refused) gives up at once. Logs name the mail and the template,
never the address or the content.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

import aiosmtplib
import structlog
from procrastinate import Blueprint, JobContext
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy, RetryDecision
from sqlalchemy import func, update

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.db.queue import JobRuntime
from resumeforge.notifications.messages import RenderedMail, render_mail
from resumeforge.notifications.models import OutgoingMail
from resumeforge.notifications.service import QUEUE, SEND_MAIL_TASK
from resumeforge.observability.metrics import MAILS

log = structlog.get_logger(__name__)

blueprint = Blueprint()

SMTP_IMPLICIT_TLS_PORT = 465


class RetryMail(Exception):
    """The mail server may come back: try this mail again in `delay` seconds."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"retry in {delay:.1f} s")
        self.delay = delay


class RetryWhenAsked(BaseRetryStrategy):
    """Retry only a RetryMail, after the delay it names; anything else is logged and ends."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, RetryMail):
            return RetryDecision(retry_at=datetime.now(UTC) + timedelta(seconds=exception.delay))
        return None


@blueprint.task(name=SEND_MAIL_TASK, queue=QUEUE, pass_context=True, retry=RetryWhenAsked())
async def send_mail(context: JobContext, mail_id: str) -> None:
    runtime: JobRuntime = context.additional_context["runtime"]
    await send_queued_mail(
        settings=runtime.settings, database=runtime.database, mail_id=uuid.UUID(mail_id)
    )


async def send_queued_mail(*, settings: Settings, database: Database, mail_id: uuid.UUID) -> None:
    """One attempt at one mail; raise RetryMail when it should be tried again later."""
    async with database.sessions() as session:
        mail = await session.get(OutgoingMail, mail_id)
        if mail is None or mail.status != "queued":
            return  # sent or given up on already: a duplicate run
        attempts, template, address = mail.attempts + 1, mail.template, mail.to_address
        context = {**mail.context, "app_url": settings.public_base_url}
    if not settings.smtp_host:
        await _finish(database, mail_id, status="unsent", attempts=attempts - 1)
        log.info("mail not sent: SMTP is not configured", mail_id=str(mail_id), template=template)
        MAILS.labels("unsent").inc()
        return
    try:
        await deliver(settings, address, render_mail(template, context))
    except (aiosmtplib.SMTPResponseException, aiosmtplib.SMTPRecipientsRefused) as error:
        code = _smtp_code(error)
        if code >= 500:
            await _give_up(database, mail_id, attempts, f"SMTP {code}")
            return
        await _retry_or_give_up(settings, database, mail_id, attempts, f"SMTP {code}")
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
        await _retry_or_give_up(settings, database, mail_id, attempts, type(error).__name__)
    else:
        await _finish(database, mail_id, status="sent", attempts=attempts)
        log.info("mail sent", mail_id=str(mail_id), template=template, attempts=attempts)
        MAILS.labels("sent").inc()


def _smtp_code(
    error: aiosmtplib.SMTPResponseException | aiosmtplib.SMTPRecipientsRefused,
) -> int:
    """The server's reply code; for a refused recipient (we send to one), that refusal's."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return min((refusal.code for refusal in error.recipients), default=451)
    return error.code


def build_message(settings: Settings, to: str, mail: RenderedMail) -> EmailMessage:
    """A multipart/alternative message: the plain text first, the HTML as the richer part."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


async def deliver(settings: Settings, to: str, mail: RenderedMail) -> None:
    assert settings.smtp_host is not None
    implicit_tls = settings.smtp_port == SMTP_IMPLICIT_TLS_PORT
    await aiosmtplib.send(
        build_message(settings, to, mail),
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username,
        password=settings.smtp_password,
        use_tls=implicit_tls,
        start_tls=settings.smtp_starttls and not implicit_tls,
        timeout=settings.smtp_timeout_seconds,
    )


def mail_retry_delay(settings: Settings, attempts: int) -> float:
    """Doubling from MAIL_RETRY_BASE_SECONDS, capped, with jitter so a fleet does not stampede."""
    delay = min(
        settings.mail_retry_max_seconds, settings.mail_retry_base_seconds * 2 ** (attempts - 1)
    )
    return float(delay) * random.uniform(0.8, 1.0)


async def _retry_or_give_up(
    settings: Settings, database: Database, mail_id: uuid.UUID, attempts: int, error: str
) -> None:
    if attempts >= settings.mail_max_attempts:
        await _give_up(database, mail_id, attempts, error)
        return
    async with database.sessions() as session:
        await session.execute(
            update(OutgoingMail)
            .where(OutgoingMail.id == mail_id)
            .values(attempts=attempts, last_error=error)
        )
        await session.commit()
    delay = mail_retry_delay(settings, attempts)
    log.warning("mail not sent, will retry", mail_id=str(mail_id), error=error, delay=delay)
    MAILS.labels("retried").inc()
    raise RetryMail(delay)


async def _give_up(database: Database, mail_id: uuid.UUID, attempts: int, error: str) -> None:
    await _finish(database, mail_id, status="failed", attempts=attempts, error=error)
    log.error("mail given up", mail_id=str(mail_id), error=error, attempts=attempts)
    MAILS.labels("failed").inc()


async def _finish(
    database: Database,
    mail_id: uuid.UUID,
    *,
    status: str,
    attempts: int,
    error: str | None = None,
) -> None:
    """Record the end of a mail and erase its address and content: they were only for sending."""
    values: dict[str, object] = {
        "status": status,
        "attempts": attempts,
        "to_address": "",
        "context": {},
        "last_error": error,
    }
    if status == "sent":
        values["sent_at"] = func.now()
    async with database.sessions() as session:
        await session.execute(update(OutgoingMail).where(OutgoingMail.id == mail_id).values(values))
        await session.commit()
