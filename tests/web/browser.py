"""A real browser for the page tests: Debian's chromium driven by Playwright, with every
request it makes recorded (none may leave the app), CSP reports and script errors collected,
and axe-core's accessibility check."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, Request

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SERIOUS = {"serious", "critical"}


def chromium_path() -> str:
    """Debian's chromium; skipped with a reason without it (and failed under CI)."""
    import os

    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have chromium at {CHROMIUM} (scripts/install-system-deps)")
        pytest.skip(f"no chromium at {CHROMIUM}: apt-get install chromium")
    return CHROMIUM


@dataclass
class Watch:
    """What a page did that it must not: reach another host, break the CSP, throw."""

    base_url: str
    # Where a page may send the browser on purpose (Stripe's checkout page), not load from.
    exits: tuple[str, ...] = ()
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        url = request.url
        if url.startswith((self.base_url + "/", "data:", "blob:")) or url == self.base_url:
            return
        if request.is_navigation_request() and url.startswith(self.exits):
            return
        self.foreign.append(url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def assert_clean(self) -> None:
        assert self.foreign == [], f"pages reached other hosts: {self.foreign}"
        blocked = [m for m in self.console_errors if "Content Security Policy" in m]
        assert blocked == [], f"the Content-Security-Policy blocked: {blocked}"


@asynccontextmanager
async def browsing(
    browser: Browser,
    base_url: str,
    *,
    viewport: dict[str, int] | None = None,
    exits: tuple[str, ...] = (),
) -> AsyncIterator[tuple[BrowserContext, Page, Watch]]:
    """A fresh browser profile (no cookies) and a page on the app, watched."""
    context = await browser.new_context(
        base_url=base_url, viewport=viewport or DESKTOP, accept_downloads=True
    )
    watch = Watch(base_url, exits)
    context.on("request", watch.on_request)
    page = await context.new_page()
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.console_errors.append(f"page error: {error}"))
    page.set_default_timeout(30_000)
    try:
        yield context, page, watch
    finally:
        await context.close()


_axe = Axe()


async def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    results = await _axe.run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]


async def assert_accessible(page: Page) -> None:
    violations = await serious_violations(page)
    assert violations == [], f"{page.url}: {violations}"
