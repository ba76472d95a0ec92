"""Reconciliation: a paid session whose webhook never arrived is credited once, by the command
or the periodic job, and not again by a later webhook or a second reconciliation."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from resumeforge.billing import service
from resumeforge.config import Settings
from resumeforge.db.engine import Database
from resumeforge.generations.jobs import build_queue
from tests.billing import fake_stripe
from tests.billing.conftest import Buyer, deliver
from tests.billing.fake_stripe import event
from tests.generations.conftest import worker_running

FREE = 3
AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


def _reconcile_command(
    database_url: str, settings: Settings, *args: str
) -> subprocess.CompletedProcess[str]:
    assert settings.stripe_api_base
    return subprocess.run(
        [sys.executable, "-m", "resumeforge", "billing", "reconcile", *args],
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "STRIPE_SECRET_KEY": fake_stripe.SECRET_KEY,
            "STRIPE_WEBHOOK_SECRET": fake_stripe.WEBHOOK_SECRET,
            "STRIPE_API_BASE": settings.stripe_api_base,
            "TOKEN_PACKS": "[" + ",".join(p.model_dump_json() for p in settings.token_packs) + "]",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_a_lost_webhook_is_credited_once_by_reconciliation(
    buyer: Buyer, billing_settings: Settings, db: Database
) -> None:
    lost_id, lost = await buyer.checkout_session("starter")
    buyer.stripe.pay(lost["id"])  # paid, and the webhook never comes
    delivered_id, delivered = await buyer.checkout_session("pro")
    await deliver(
        buyer.client, event("checkout.session.completed", buyer.stripe.pay(delivered["id"]))
    )
    _, abandoned = await buyer.checkout_session("starter")  # never paid
    assert await buyer.balance() == FREE + 50

    first = await service.reconcile(database=db, settings=billing_settings, since=AN_HOUR_AGO)
    assert first.sessions == 3 and first.paid == 2
    assert first.credited == [lost_id] and first.problems == []
    assert await buyer.balance() == FREE + 60
    assert (await buyer.purchase(lost_id))["status"] == "paid"
    assert (await buyer.purchase(delivered_id))["status"] == "paid"

    again = await service.reconcile(database=db, settings=billing_settings, since=AN_HOUR_AGO)
    assert again.credited == []
    late = await deliver(
        buyer.client, event("checkout.session.completed", buyer.stripe.sessions[lost["id"]])
    )
    assert late.json()["outcome"] == "already-credited"
    assert await buyer.balance() == FREE + 60
    kinds = [n["kind"] for n in await buyer.notifications()]
    assert kinds.count("payment_received") == 2  # one receipt per purchase
    assert abandoned["status"] == "open"


async def test_reconciliation_reads_every_page_and_expires_what_stripe_expired(
    buyer: Buyer, billing_settings: Settings, db: Database
) -> None:
    paid = []
    for _ in range(3):
        purchase_id, checkout = await buyer.checkout_session("starter")
        buyer.stripe.pay(checkout["id"])
        paid.append(purchase_id)
    expired_id, expired = await buyer.checkout_session("starter")
    buyer.stripe.expire(expired["id"])
    # 101 sessions in all: the SDK must ask for a second page to see them all.
    for _ in range(97):
        buyer.stripe.create_session(
            {"mode": "payment", "line_items[0][price]": "price_starter"}, None
        )
    report = await service.reconcile(database=db, settings=billing_settings, since=AN_HOUR_AGO)
    assert report.sessions == 101
    assert sorted(report.credited) == sorted(paid)
    assert report.expired == [expired["id"]]
    assert (await buyer.purchase(expired_id))["status"] == "expired"
    pages = [r for r in buyer.stripe.seen if r.method == "GET"]
    assert len(pages) == 2 and pages[1].form.get("starting_after")


async def test_the_reconcile_command_prints_what_it_found_and_did(
    buyer: Buyer, billing_settings: Settings, database_url: str
) -> None:
    lost_id, lost = await buyer.checkout_session("starter")
    buyer.stripe.pay(lost["id"])
    since = (datetime.now(UTC) - timedelta(minutes=30)).isoformat(timespec="seconds")

    done = _reconcile_command(database_url, billing_settings, "--since", since)
    assert done.returncode == 0, done.stderr
    assert "1 checkout session(s), 1 paid, 1 credited now" in done.stdout
    assert f"credited purchase {lost_id}" in done.stdout
    assert await buyer.balance() == FREE + 10

    again = _reconcile_command(database_url, billing_settings)
    assert again.returncode == 0, again.stderr
    assert "1 paid, 0 credited now" in again.stdout
    assert await buyer.balance() == FREE + 10

    wrong = _reconcile_command(database_url, billing_settings, "--since", "last tuesday")
    assert wrong.returncode == 2 and "ISO date" in wrong.stderr


async def test_the_periodic_job_credits_a_lost_webhook_in_a_worker(
    buyer: Buyer, billing_settings: Settings, db: Database
) -> None:
    queue = build_queue(billing_settings, db.url)
    periodic = [task.task.name for task in queue.periodic_registry.periodic_tasks.values()]
    assert periodic == ["reconcile_billing"]

    lost_id, lost = await buyer.checkout_session("starter")
    buyer.stripe.pay(lost["id"])
    async with queue.open_async():
        # As the periodic deferrer does at each tick: the tick's timestamp as the argument.
        await queue.configure_task("reconcile_billing").defer_async(
            timestamp=int(datetime.now(UTC).timestamp())
        )
    quick = billing_settings.model_copy(update={"worker_poll_seconds": 0.2})
    async with worker_running(quick, db):
        for _ in range(600):  # hang guard: 60 s
            if (await buyer.purchase(lost_id))["status"] == "paid":
                break
            await asyncio.sleep(0.1)
    assert (await buyer.purchase(lost_id))["status"] == "paid"
    assert await buyer.balance() == FREE + 10
