"""The pages work with the keyboard alone, and show where the focus is."""

from __future__ import annotations

from playwright.async_api import Browser, Page, expect

from tests.web.browser import browsing
from tests.web.conftest import Server
from tests.web.test_flow import PASSWORD

MAX_TABS = 30


async def tab_to(page: Page, selector: str) -> None:
    """Press Tab until `selector` has the focus (as a keyboard user would), and check that the
    focus can be seen there."""
    target = page.locator(selector)
    for _ in range(MAX_TABS):
        await page.keyboard.press("Tab")
        if await target.evaluate("element => element === document.activeElement"):
            outline = await target.evaluate(
                "element => { const s = getComputedStyle(element);"
                " return [s.outlineStyle, s.outlineWidth]; }"
            )
            assert outline[0] != "none" and outline[1] != "0px", f"no visible focus on {selector}"
            return
    raise AssertionError(f"{selector} was not reached in {MAX_TABS} Tab presses")


async def test_sign_up_and_reach_the_upload_with_the_keyboard_alone(
    web_server: Server, browser: Browser
) -> None:
    async with browsing(browser, web_server.base_url) as (_context, page, watch):
        await page.goto("/")
        await tab_to(page, "a.skip")
        await page.keyboard.press("Enter")
        await tab_to(page, "main a[href='/signup']")
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
        await tab_to(page, "#f-email")
        await page.keyboard.type("keys@example.com")
        await tab_to(page, "#f-password")
        await page.keyboard.type(PASSWORD)
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
        await tab_to(page, "main a.button[href='/documents/new']")
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("heading", name="Upload your résumé")).to_be_visible()
        await tab_to(page, "#f-file")
        watch.assert_clean()
