"""A job seeker's whole visit, in a real browser against a real server: sign up, upload a
corpus résumé, correct it, tailor it to a corpus job with live progress, review the result,
download and read back the PDF, export the account, delete it. Every page passes axe-core
and loads nothing from another host."""

from __future__ import annotations

import io
import json
import re
import zipfile

import httpx
from playwright.async_api import Browser, Page, Route, expect

from resumeforge.documents.parsing import parse_document
from tests.billing.fake_stripe import FakeStripe, event, signature
from tests.corpus import corpus_jobs, corpus_resumes
from tests.web.browser import Watch, assert_accessible, browsing
from tests.web.conftest import Server

PASSWORD = "a long enough password"
GENERATION_TIMEOUT_MS = 120_000  # a hang guard; the offline engine takes seconds


async def sign_up(page: Page, email: str) -> None:
    await page.goto("/signup")
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign up").click()
    await expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


async def visit(page: Page, path: str, watch: Watch) -> None:
    """Open a page and check it: accessible, nothing from elsewhere, nothing blocked."""
    await page.goto(path)
    await assert_accessible(page)
    watch.assert_clean()


async def test_a_job_seekers_whole_visit(
    web_server: Server, web_stripe: FakeStripe, browser: Browser
) -> None:
    resume_file = next(p for p in corpus_resumes() if p.suffix.lower() == ".pdf")
    job_text = corpus_jobs()[0].read_text()
    stripe_checkout = f"{web_stripe.url}/pay/"
    async with browsing(browser, web_server.base_url, exits=(stripe_checkout,)) as (
        _context,
        page,
        watch,
    ):
        await visit(page, "/", watch)
        await expect(page.get_by_role("img", name=re.compile("classic template"))).to_be_visible()
        await page.get_by_role("link", name=re.compile("Sign up:")).click()
        await assert_accessible(page)
        await sign_up(page, "visitor@example.com")
        await assert_accessible(page)
        await expect(page.locator("[data-balance]")).to_have_text("3")

        # Upload, then the review form of what was read.
        await page.get_by_role("link", name="Upload a résumé").click()
        await assert_accessible(page)
        await page.get_by_label("Choose a file").set_input_files(resume_file)
        await page.get_by_role("button", name="Upload and read").click()
        await expect(page.get_by_role("heading", name="Check what we read")).to_be_visible()
        await assert_accessible(page)
        assert await page.locator("#basics-name").input_value(), "the parsed name is in the form"

        # A wrong email is refused beside its field; a corrected name is kept.
        email = page.get_by_label("Email", exact=True)
        read_email = await email.input_value()
        await email.fill("not an address")
        await page.get_by_role("button", name="Save").click()
        await expect(page.locator("[data-error-for='email']").first).not_to_be_empty()
        await expect(email).to_have_attribute("aria-invalid", "true")
        await expect(page.locator("[data-problem]")).to_be_visible()
        await email.fill(read_email)
        corrected_name = "Jordan Avery Lee"
        await page.locator("#basics-name").fill(corrected_name)
        await page.get_by_role("button", name="Save").click()
        await expect(page.locator("[data-status]")).to_have_text(re.compile("^Saved"))
        await page.reload()
        await expect(page.locator("#basics-name")).to_have_value(corrected_name)

        # Tailor it to a job, and watch the stages arrive.
        await page.get_by_role("link", name="Tailor to a job").click()
        await assert_accessible(page)
        await page.get_by_label("The job ad").fill(job_text)
        await page.get_by_label("Both").check()
        await expect(page.locator("[data-cost-total]")).to_have_text("2")
        await page.get_by_role("button", name="Start").click()
        await expect(page.get_by_role("heading", name=re.compile("^Tailoring"))).to_be_visible()
        await assert_accessible(page)
        await expect(page.get_by_role("heading", name="Downloads")).to_be_visible(
            timeout=GENERATION_TIMEOUT_MS
        )
        await assert_accessible(page)
        await expect(page.get_by_role("img", name=re.compile("Page 1 of"))).to_be_visible()

        # Reject one change: a free revision renders without it, and is shown.
        first_change = page.locator("[data-change]").first
        change_id = await first_change.get_attribute("data-change")
        await first_change.get_by_label("Reject").check()
        await page.get_by_role("button", name="Apply my choices (free)").click()
        await expect(page.get_by_role("heading", name=re.compile("revision 1$"))).to_be_visible(
            timeout=GENERATION_TIMEOUT_MS
        )
        await assert_accessible(page)
        rejected = page.locator(f"[data-change='{change_id}']").get_by_label("Reject")
        await expect(rejected).to_be_checked()
        await expect(page.locator("[data-balance]")).to_have_text("1")  # revisions are free

        # The PDF downloads and reads back as the same (corrected) person.
        async with page.expect_download() as download_info:
            await page.get_by_role("link", name="Résumé (PDF)").click()
        download = await download_info.value
        assert "/revisions/1/" in download.url
        pdf = (await download.path()).read_bytes()
        assert pdf.startswith(b"%PDF")
        assert download.suggested_filename.endswith(".pdf")
        parsed = parse_document(pdf, filename="tailored.pdf")
        assert parsed.resume.basics.name == corrected_name

        # The dashboard lists both, newest first, and the balance paid for it.
        await visit(page, "/dashboard", watch)
        await expect(page.locator("[data-balance]")).to_have_text("1")
        await expect(page.get_by_role("cell", name=f"{resume_file.name} corrected")).to_be_visible()
        await expect(page.locator(".status-succeeded")).to_have_count(1)
        # Buy a pack: Stripe's page, back to a pending payment, then the signed webhook.
        await visit(page, "/tokens", watch)
        await page.route(f"{stripe_checkout}**", _stripe_checkout_page)
        await page.get_by_role("button", name=re.compile("^Buy the starter pack")).click()
        await expect(page.get_by_role("heading", name="Stripe Checkout (test)")).to_be_visible()
        session_id = page.url.rsplit("/", 1)[-1]
        paid = web_stripe.pay(session_id)
        await page.goto(paid["success_url"])
        await expect(page.get_by_role("status")).to_contain_text("waiting for Stripe")
        await assert_accessible(page)
        await _deliver_webhook(web_server, event("checkout.session.completed", paid))
        await expect(page.get_by_role("status")).to_contain_text(
            "10 tokens were added", timeout=30_000
        )
        await expect(page.locator("[data-balance]")).to_have_text("11")
        await visit(page, "/tokens", watch)
        await expect(page.get_by_role("cell", name="paid")).to_be_visible()
        await visit(page, "/dashboard", watch)
        await expect(page.get_by_text("Receipt: 10 tokens (starter)")).to_be_visible()
        await page.goto("/docs")  # Swagger UI, from the app's own files
        await expect(page.locator(".swagger-ui .info .title")).to_contain_text("resumeforge")
        await expect(page.get_by_text("/api/v1/auth/register")).to_be_visible()
        await assert_accessible(page)
        watch.assert_clean()

        # Export everything, then delete the account.
        await visit(page, "/account", watch)
        async with page.expect_download() as download_info:
            await page.get_by_role("link", name="Download my data").click()
        export = await download_info.value
        archive = zipfile.ZipFile(io.BytesIO((await export.path()).read_bytes()))
        account = json.loads(archive.read("account.json"))
        assert account["account"]["email"] == "visitor@example.com"
        assert len(account["documents"]) == 1 and len(account["generations"]) == 1
        assert any(name.endswith("/resume.pdf") for name in archive.namelist())
        assert any(name.startswith("documents/") for name in archive.namelist())

        await page.get_by_label("Your password, to confirm").fill(PASSWORD)
        await page.get_by_label("I understand that this deletes everything").check()
        await page.get_by_role("button", name="Delete my account").click()
        await expect(page.get_by_role("status")).to_have_text("Your account was deleted.")
        await assert_accessible(page)

        await page.goto("/signin")
        await page.get_by_label("Email").fill("visitor@example.com")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_role("alert")).to_contain_text("wrong")
        await assert_accessible(page)
        watch.assert_clean()


async def _stripe_checkout_page(route: Route) -> None:
    """Stripe's hosted page, as far as the browser sees it: the customer pays there."""
    await route.fulfill(
        content_type="text/html",
        body="<!doctype html><title>Checkout</title><h1>Stripe Checkout (test)</h1>",
    )


async def _deliver_webhook(web_server: Server, payload: bytes) -> None:
    """Stripe's webhook delivery, signed with the endpoint's secret as Stripe signs it."""
    async with httpx.AsyncClient(base_url=web_server.base_url) as stripe:
        response = await stripe.post(
            "/api/v1/billing/webhook",
            content=payload,
            headers={"Content-Type": "application/json", "Stripe-Signature": signature(payload)},
        )
    assert response.status_code == 200, response.text
