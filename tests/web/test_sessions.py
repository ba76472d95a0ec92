"""Browser sessions over HTTP: the cookie's flags, CSRF on every change, sign-out, password
reset by a single-use link, rate limits, and what deleting an account keeps."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from structlog.testing import capture_logs

from resumeforge.app import create_app
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.notifications.jobs import send_queued_mail
from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.schemas import Basics, Resume
from tests.generations.conftest import generation_body
from tests.notifications.smtp import MailServer

PASSWORD = "a long enough password"


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', page.text)
    assert found, "the page carries a CSRF token"
    return found.group(1)


async def signed_up(client: httpx.AsyncClient, email: str = "sam@example.com") -> httpx.Response:
    form = await client.get("/signup")
    return await client.post(
        "/signup", data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(form)}
    )


async def test_sign_up_sets_an_httponly_lax_session_cookie(client: httpx.AsyncClient) -> None:
    response = await signed_up(client)
    assert response.status_code == 303 and response.headers["location"] == "/dashboard"
    cookie = next(h for h in response.headers.get_list("set-cookie") if "rf_session=" in h)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    me = await client.get("/api/v1/me")  # the API accepts the session cookie too
    assert me.status_code == 200 and me.json()["email"] == "sam@example.com"


async def test_the_session_cookie_is_secure_in_production(settings: Settings, db: Database) -> None:
    from resumeforge.accounts.service import register
    from resumeforge.web.pages import _signed_in

    production = settings.model_copy(update={"resumeforge_env": "production"})
    async with db.sessions() as session:
        user = await register(
            session=session, settings=settings, email="sam@example.com", password=PASSWORD
        )
        response = await _signed_in(session, production, user.id, "/dashboard")
    assert "Secure" in response.headers["set-cookie"]


@pytest.mark.parametrize("token", [None, "0" * 64])
async def test_a_form_without_this_browsers_csrf_token_is_refused(
    client: httpx.AsyncClient, token: str | None
) -> None:
    await signed_up(client)
    data = {"job_description": "Engineer", "kind": "resume"}
    if token:
        data["csrf_token"] = token
    response = await client.post("/generations", data=data)
    assert response.status_code == 403
    assert response.json()["type"].endswith("/csrf-rejected")
    assert (await client.get("/api/v1/me")).json()["token_balance"] == 3


async def test_api_writes_with_the_cookie_need_the_csrf_header(client: httpx.AsyncClient) -> None:
    await signed_up(client)
    body = generation_body()
    refused = await client.post("/api/v1/generations", json=body)
    assert refused.status_code == 403
    token = csrf_of(await client.get("/account"))
    accepted = await client.post("/api/v1/generations", json=body, headers={"X-CSRF-Token": token})
    assert accepted.status_code == 202, accepted.text


async def test_another_origin_is_refused_even_with_the_token(client: httpx.AsyncClient) -> None:
    await signed_up(client)
    token = csrf_of(await client.get("/account"))
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "same-site"}):
        response = await client.post(
            "/account/password",
            data={"current_password": PASSWORD, "new_password": "x" * 12, "csrf_token": token},
            headers=headers,
        )
        assert response.status_code == 403, headers


async def test_sign_out_ends_the_session_on_the_server(client: httpx.AsyncClient) -> None:
    await signed_up(client)
    session_cookie = client.cookies["rf_session"]
    token = csrf_of(await client.get("/dashboard"))
    assert (await client.post("/signout", data={"csrf_token": token})).status_code == 303
    client.cookies.set("rf_session", session_cookie)  # replayed by someone who kept it
    page = await client.get("/dashboard", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/signin?next=/dashboard"
    assert (await client.get("/api/v1/me")).status_code == 401


async def test_a_wrong_password_is_shown_beside_the_form(client: httpx.AsyncClient) -> None:
    await signed_up(client)
    client.cookies.delete("rf_session")
    form = await client.get("/signin")
    response = await client.post(
        "/signin",
        data={"email": "sam@example.com", "password": "wrong one", "csrf_token": csrf_of(form)},
    )
    assert response.status_code == 401
    assert "The email or the password is wrong." in response.text
    assert 'value="sam@example.com"' in response.text


async def test_sign_up_problems_sit_beside_their_fields(client: httpx.AsyncClient) -> None:
    await signed_up(client)
    client.cookies.delete("rf_session")
    form = await client.get("/signup")
    taken = await client.post(
        "/signup",
        data={"email": "sam@example.com", "password": PASSWORD, "csrf_token": csrf_of(form)},
    )
    assert taken.status_code == 409
    assert re.search(r'id="f-email-error">An account with sam@example.com exists', taken.text)
    short = await client.post(
        "/signup",
        data={"email": "new@example.com", "password": "short", "csrf_token": csrf_of(form)},
    )
    assert short.status_code == 422
    assert re.search(r'id="f-password-error">String should have at least 10', short.text)


async def test_sign_in_attempts_are_rate_limited(settings: Settings, db: Database) -> None:
    limited = create_app(settings.model_copy(update={"rate_limit_auth": "3/minute"}), database=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=limited), base_url="http://test"
    ) as client:
        token = csrf_of(await client.get("/signin"))
        statuses = [
            (
                await client.post(
                    "/signin",
                    data={"email": "x@example.com", "password": "nope", "csrf_token": token},
                    headers={"Accept": "text/html"},
                )
            ).status_code
            for _ in range(4)
        ]
    assert statuses == [401, 401, 401, 429]


@pytest.fixture
def development_app(settings: Settings, db: Database) -> FastAPI:
    return create_app(settings.model_copy(update={"resumeforge_env": "development"}), database=db)


async def test_a_reset_link_works_once_and_signs_out_everywhere(
    development_app: FastAPI, db: Database
) -> None:
    transport = httpx.ASGITransport(app=development_app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://test") as browser,
        httpx.AsyncClient(transport=transport, base_url="http://test") as other_device,
    ):
        await signed_up(browser)
        form = await other_device.get("/signin")
        await other_device.post(
            "/signin",
            data={"email": "sam@example.com", "password": PASSWORD, "csrf_token": csrf_of(form)},
        )
        assert (await other_device.get("/api/v1/me")).status_code == 200

        form = await browser.get("/reset")
        with capture_logs() as logs:
            sent = await browser.post(
                "/reset", data={"email": "SAM@example.com", "csrf_token": csrf_of(form)}
            )
        assert "we have sent it a link" in sent.text
        link = next(entry["link"] for entry in logs if "link" in entry)
        path = link.removeprefix("http://127.0.0.1:8000")

        page = await browser.get(path)
        changed = await browser.post(
            path, data={"password": "a brand new password", "csrf_token": csrf_of(page)}
        )
        assert changed.status_code == 303 and changed.headers["location"] == "/signin?reset=1"
        assert (await other_device.get("/api/v1/me")).status_code == 401

        again = await browser.post(
            path, data={"password": "yet another password", "csrf_token": csrf_of(page)}
        )
        assert again.status_code == 401 and "used already or has expired" in again.text
        login = await browser.post(
            "/api/v1/auth/login",
            json={"email": "sam@example.com", "password": "a brand new password"},
        )
        assert login.status_code == 200


async def test_an_expired_reset_link_is_refused(development_app: FastAPI, db: Database) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=development_app), base_url="http://test"
    ) as browser:
        await signed_up(browser)
        form = await browser.get("/reset")
        with capture_logs() as logs:
            await browser.post(
                "/reset", data={"email": "sam@example.com", "csrf_token": csrf_of(form)}
            )
        path = next(e["link"] for e in logs if "link" in e).removeprefix("http://127.0.0.1:8000")
        async with db.engine.begin() as connection:
            await connection.execute(
                text("UPDATE password_reset_tokens SET expires_at = :past"),
                {"past": datetime.now(UTC) - timedelta(seconds=1)},
            )
        page = await browser.get(path)
        refused = await browser.post(
            path, data={"password": "a brand new password", "csrf_token": csrf_of(page)}
        )
        assert refused.status_code == 401


async def test_an_unknown_email_gets_the_same_answer_and_no_link(client: httpx.AsyncClient) -> None:
    form = await client.get("/reset")
    with capture_logs() as logs:
        sent = await client.post(
            "/reset", data={"email": "nobody@example.com", "csrf_token": csrf_of(form)}
        )
    assert sent.status_code == 200 and "we have sent it a link" in sent.text
    assert not [entry for entry in logs if "link" in entry]


async def test_deleting_the_account_keeps_the_ledger_without_the_person(
    client: httpx.AsyncClient, db: Database
) -> None:
    await signed_up(client)
    account = await client.get("/account")
    wrong = await client.post(
        "/account/delete",
        data={"password": "not it at all", "confirm": "yes", "csrf_token": csrf_of(account)},
    )
    assert wrong.status_code == 401 and "the account was not deleted" in wrong.text
    deleted = await client.post(
        "/account/delete",
        data={"password": PASSWORD, "confirm": "yes", "csrf_token": csrf_of(account)},
    )
    assert deleted.status_code == 303 and deleted.headers["location"] == "/?deleted=1"
    async with db.engine.connect() as connection:
        users = await connection.scalar(text("SELECT count(*) FROM users"))
        ledger = (await connection.execute(text("SELECT user_id, amount FROM token_ledger"))).all()
        sessions = await connection.scalar(text("SELECT count(*) FROM browser_sessions"))
    assert users == 0 and sessions == 0
    assert ledger == [(None, 3)]


async def test_the_reset_link_arrives_by_mail_through_smtp(
    mail_settings: Settings, mail_server: MailServer, db: Database
) -> None:
    app = create_app(mail_settings, database=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as browser:
        await signed_up(browser)
        form = await browser.get("/reset")
        with capture_logs() as logs:
            await browser.post(
                "/reset", data={"email": "sam@example.com", "csrf_token": csrf_of(form)}
            )
        assert not [entry for entry in logs if "link" in entry], "a link is never logged then"
        async with db.engine.connect() as connection:
            mail_id = await connection.scalar(text("SELECT id FROM mail_outbox"))
        await send_queued_mail(settings=mail_settings, database=db, mail_id=mail_id)
        (received,) = mail_server.messages_to("sam@example.com")
        assert received.message["Subject"] == "Choose a new password for resumeforge"
        text_body = received.part("plain")
        link = re.search(r"http://127\.0\.0\.1:8160(/reset/\S+)", text_body)
        assert link and link.group(0) in received.part("html")
        page = await browser.get(link.group(1))
        changed = await browser.post(
            link.group(1), data={"password": "a brand new password", "csrf_token": csrf_of(page)}
        )
        assert changed.status_code == 303


async def test_a_failed_generation_says_why_and_that_the_tokens_came_back(
    client: httpx.AsyncClient, db: Database
) -> None:
    from resumeforge.generations.service import fail_and_refund

    await signed_up(client)
    token = csrf_of(await client.get("/account"))
    started = await client.post(
        "/api/v1/generations", json=generation_body(kind="both"), headers={"X-CSRF-Token": token}
    )
    generation_id = started.json()["id"]
    async with db.sessions() as session:
        reason = "The model service was unavailable until the deadline."
        assert await fail_and_refund(
            session=session, generation_id=uuid.UUID(generation_id), reason=reason
        )
    page = await client.get(f"/generations/{generation_id}", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "This generation failed" in page.text and reason in page.text
    assert "The 2 tokens it cost were refunded to your balance." in page.text
    assert (await client.get("/api/v1/me")).json()["token_balance"] == 3


async def test_a_resume_with_nothing_to_tailor_is_refused_on_the_form(
    client: httpx.AsyncClient, db: Database
) -> None:
    await signed_up(client)
    summary_only = Resume(
        basics=Basics(
            name="Robin Example",
            email="robin@example.com",
            summary="I enjoy gardening, chess and long walks with my dog on Sunday mornings. "
            "In the evenings I read novels about the sea and bake bread for my neighbours.",
        )
    )
    token = csrf_of(await client.get("/documents/new"))
    uploaded = await client.post(
        "/documents",
        data={"csrf_token": token},
        files={"file": ("robin.pdf", render_resume_pdf(summary_only).content, "application/pdf")},
    )
    assert uploaded.status_code == 303, uploaded.text
    document_id = uploaded.headers["location"].split("/")[2]
    refused = await client.post(
        "/generations",
        data={"csrf_token": token, "document_id": document_id, "job_description": "Engineer"},
    )
    assert refused.status_code == 422
    assert 'class="problem"' in refused.text and "experience" in refused.text
    assert (await client.get("/api/v1/me")).json()["token_balance"] == 3


async def test_buying_without_stripe_configured_says_so_on_the_page(
    client: httpx.AsyncClient,
) -> None:
    await signed_up(client)
    token = csrf_of(await client.get("/tokens"))
    refused = await client.post("/tokens/checkout", data={"csrf_token": token, "pack": "starter"})
    assert refused.status_code == 503
    assert 'class="problem"' in refused.text and "Payments are not set up" in refused.text
