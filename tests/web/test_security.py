"""In a real browser: a page of another site cannot make a signed-in user's browser change
anything; a signed-out visitor is sent to sign in and back; another user's generation is a
404 page."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from playwright.async_api import Browser, expect

from tests.generations.conftest import generation_body
from tests.loopback import free_port
from tests.web.browser import assert_accessible, browsing
from tests.web.conftest import Server
from tests.web.test_flow import PASSWORD, sign_up

FORGED_PAGE = """<!doctype html><html lang="en"><head><title>Win a prize</title></head><body>
<form id="forged" method="post" action="{target}/generations">
<input name="job_description" value="Anything at all">
<input name="kind" value="both">
</form>
<script>document.getElementById("forged").submit();</script>
</body></html>"""


@pytest.fixture
def other_site(web_server: Server) -> Iterator[str]:
    """A page on another port of 127.0.0.1: the same site to the browser, another origin."""
    page = FORGED_PAGE.format(target=web_server.base_url).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def test_a_forged_cross_site_post_is_refused(
    web_server: Server, browser: Browser, other_site: str
) -> None:
    async with browsing(browser, web_server.base_url) as (_context, page, _watch):
        await sign_up(page, "target@example.com")
        forged = []
        page.on(
            "response",
            lambda r: forged.append(r.status) if r.url.endswith("/generations") else None,
        )
        await page.goto(other_site)
        await expect(page.get_by_role("heading", level=1)).to_have_text(
            re.compile("Request refused")
        )
        assert forged == [403]
        await page.goto("/dashboard")
        await expect(page.locator("[data-balance]")).to_have_text("3")
        await expect(page.get_by_text("Nothing tailored yet.")).to_be_visible()


async def test_a_signed_out_visitor_is_sent_to_sign_in_and_back(
    web_server: Server, browser: Browser
) -> None:
    async with browsing(browser, web_server.base_url) as (_context, page, watch):
        await sign_up(page, "returning@example.com")
        await page.get_by_role("button", name="Sign out").click()
        nav = page.get_by_role("navigation", name="Main")
        await expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
        await page.goto("/account")
        assert page.url.endswith("/signin?next=/account")
        await assert_accessible(page)
        await page.get_by_label("Email").fill("returning@example.com")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_role("heading", name="Your account", exact=True)).to_be_visible()
        watch.assert_clean()


async def test_another_users_generation_is_a_404_page(web_server: Server, browser: Browser) -> None:
    generation_id = _someone_elses_generation(web_server.base_url)
    async with browsing(browser, web_server.base_url) as (_context, page, watch):
        await sign_up(page, "curious@example.com")
        response = await page.goto(f"/generations/{generation_id}")
        assert response is not None and response.status == 404
        await expect(
            page.get_by_role("heading", name="Generation not found", exact=True)
        ).to_be_visible()
        await assert_accessible(page)
        image = await page.request.get(f"/generations/{generation_id}/pages/1.png")
        assert image.status == 404
        download = await page.request.get(f"/api/v1/generations/{generation_id}/files/resume.pdf")
        assert download.status == 404
        watch.assert_clean()


def _someone_elses_generation(base_url: str) -> str:
    """Another account starts a generation through the API, as a script would."""
    with httpx.Client(base_url=f"{base_url}/api/v1", timeout=30) as api:
        credentials = {"email": "owner@example.com", "password": PASSWORD}
        assert api.post("/auth/register", json=credentials).status_code == 201
        token = api.post("/auth/login", json=credentials).json()["access_token"]
        started = api.post(
            "/generations", json=generation_body(), headers={"Authorization": f"Bearer {token}"}
        )
        assert started.status_code == 202, started.text
        generation_id: str = started.json()["id"]
        return generation_id
