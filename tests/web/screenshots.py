"""Screenshots of every page at desktop (1280 px) and phone (390 px) width, for people to look
at: `python -m tests.web.screenshots` (or `make screenshots`) writes docs/screenshots/.

The résumé and the job ad are fictional (the shared corpus is other people's writing and never
goes into the repository).
"""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.schemas import Resume
from resumeforge.web.view import SAMPLE_RESUME
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE
from tests.web.server import serving

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = "a long enough password"
JOB_AD = """Senior Product Designer at Harbourlight Travel (Remote, US)

We are looking for a Senior Product Designer to lead the design of our booking and trip
planning experience. You will run user research, build prototypes in Figma, and work closely
with engineers on an accessible design system in React.

Requirements
- 6+ years of product design experience
- Strong skills in Figma, prototyping and user research
- Experience building and maintaining a design system
- Knowledge of accessibility (WCAG) and HTML/CSS
- Experience with A/B testing and analytics
"""


async def shoot(page: Page, name: str) -> None:
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        await page.set_viewport_size(viewport)
        await page.wait_for_timeout(150)
        await page.screenshot(path=OUT / f"{name}-{label}.png", full_page=True)
    await page.set_viewport_size(DESKTOP)


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    resume = Resume.model_validate(json.loads(SAMPLE_RESUME.read_text()))
    with serving() as server, tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "alex-rivera-resume.pdf"
        pdf.write_bytes(render_resume_pdf(resume, template="modern").content)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = await browser.new_context(base_url=server.base_url, viewport=DESKTOP)
            page = await context.new_page()
            await page.goto("/")
            await shoot(page, "01-landing")
            await page.goto("/signup")
            await shoot(page, "02-sign-up")
            await page.get_by_label("Email").fill("alex.rivera@example.com")
            await page.get_by_label("Password").fill("short")
            await page.get_by_role("button", name="Sign up").click()
            await shoot(page, "03-sign-up-error")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign up").click()
            await expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
            await shoot(page, "04-dashboard-empty")
            await page.goto("/documents/new")
            await shoot(page, "05-upload")
            await page.get_by_label("Choose a file").set_input_files(pdf)
            await page.get_by_role("button", name="Upload and read").click()
            await expect(page.get_by_role("heading", name="Check what we read")).to_be_visible()
            await shoot(page, "06-review")
            await page.get_by_role("link", name="Tailor to a job").click()
            await page.get_by_label("The job ad").fill(JOB_AD)
            await page.get_by_label("Both").check()
            await shoot(page, "07-new-generation")
            await page.get_by_role("button", name="Start").click()
            await expect(page.get_by_role("heading", name=re.compile("^Tailoring"))).to_be_visible()
            await page.screenshot(path=OUT / "08-progress-desktop.png")
            await expect(page.get_by_role("heading", name="Downloads")).to_be_visible(
                timeout=120_000
            )
            await shoot(page, "09-result")
            await page.locator("[data-change]").first.get_by_label("Reject").check()
            await page.get_by_role("button", name="Apply my choices (free)").click()
            await expect(page.get_by_role("heading", name=re.compile("revision 1$"))).to_be_visible(
                timeout=120_000
            )
            await shoot(page, "09-result-revision")
            await page.goto("/dashboard")
            await shoot(page, "10-dashboard")
            await page.goto("/tokens")
            await shoot(page, "11-tokens")
            await page.goto("/account")
            await shoot(page, "12-account")
            await page.goto("/generations/00000000-0000-0000-0000-000000000000")
            await shoot(page, "13-not-found")
            await page.goto("/docs")
            await expect(page.locator(".swagger-ui .info .title")).to_contain_text("resumeforge")
            await shoot(page, "14-api-docs")
            signed_out = await browser.new_context(base_url=server.base_url, viewport=DESKTOP)
            page = await signed_out.new_page()
            await page.goto("/signin")
            await shoot(page, "15-sign-in")
            await page.goto("/reset")
            await shoot(page, "16-reset")
            await browser.close()
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
