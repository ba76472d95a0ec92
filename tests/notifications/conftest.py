"""Fixtures for mail: a real SMTP server on loopback and settings that point at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from resumeforge.config import Settings
from tests.notifications.smtp import MailServer


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = MailServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_settings(settings: Settings, mail_server: MailServer) -> Settings:
    """SMTP on the test server, without TLS (it is loopback), retries quick."""
    return settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": mail_server.port,
            "smtp_starttls": False,
            "smtp_timeout_seconds": 5.0,
            "mail_from": "resumeforge <billing@resumeforge.test>",
            "mail_retry_base_seconds": 0.2,
            "mail_retry_max_seconds": 0.5,
            "public_base_url": "http://127.0.0.1:8160",
        }
    )
