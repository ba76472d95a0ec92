"""The page tests' fixtures: a real `resumeforge serve` on a random loopback port with its own
database and an in-process worker, and one chromium for the session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from playwright.async_api import Browser, async_playwright

from tests.billing import fake_stripe
from tests.billing.fake_stripe import FakeStripe, serve
from tests.web.browser import CHROMIUM_ARGS, chromium_path
from tests.web.server import Server, serving


@pytest.fixture(scope="session")
def web_stripe() -> Iterator[FakeStripe]:
    """The fake Stripe the server's real SDK talks to."""
    yield from serve(FakeStripe())


@pytest.fixture(scope="session")
def web_server(web_stripe: FakeStripe) -> Iterator[Server]:
    """`resumeforge serve` as a user runs it, on its own database, with billing pointed at the
    fake Stripe; stopped after the run."""
    with serving(
        STRIPE_SECRET_KEY=fake_stripe.SECRET_KEY,
        STRIPE_WEBHOOK_SECRET=fake_stripe.WEBHOOK_SECRET,
        STRIPE_API_BASE=web_stripe.url,
    ) as server:
        yield server


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    executable = chromium_path()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


# A real SMTP server (aiosmtpd) for the password reset mail, as the notifications tests use it.
from tests.notifications.conftest import mail_server, mail_settings  # noqa: E402, F401
