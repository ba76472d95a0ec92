"""The Stripe webhook: real signatures, each event applied once whatever the number, order or
concurrency of its deliveries, refunds and disputes, and a rollback with a 5xx on error."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from typing import Any

import httpx
import psycopg
from sqlalchemy import func, select

from resumeforge.billing import payments
from resumeforge.billing.models import StripeEvent
from resumeforge.config import Settings
from resumeforge.db.engine import Database, libpq_url
from resumeforge.notifications.models import OutgoingMail
from tests.billing import fake_stripe
from tests.billing.conftest import Buyer, deliver
from tests.billing.fake_stripe import charge, dispute, event, failed_intent
from tests.generations.conftest import generation_body, set_balance

FREE = 3  # tokens at sign-up in the test settings


async def _paid(buyer: Buyer, pack: str = "starter") -> tuple[str, dict[str, Any]]:
    purchase_id, checkout = await buyer.checkout_session(pack)
    return purchase_id, buyer.stripe.pay(checkout["id"])


async def _event_rows(database: Database) -> int:
    async with database.sessions() as session:
        return await session.scalar(select(func.count()).select_from(StripeEvent)) or 0


async def test_a_valid_completed_event_credits_the_pack_and_sends_a_receipt(buyer: Buyer) -> None:
    purchase_id, checkout = await _paid(buyer)
    response = await deliver(buyer.client, event("checkout.session.completed", checkout))
    assert response.status_code == 200, response.text
    assert response.json() == {"received": True, "outcome": "credited"}
    assert await buyer.balance() == FREE + 10
    purchase = await buyer.purchase(purchase_id)
    assert purchase["status"] == "paid" and purchase["paid_at"]
    (receipt,) = await buyer.notifications()
    assert receipt["kind"] == "payment_received"
    assert receipt["data"] == {
        "purchase_id": purchase_id,
        "pack": "starter",
        "tokens": 10,
        "amount": "9.00 USD",
        "balance": FREE + 10,
    }
    async with buyer.database.sessions() as session:
        mail = (await session.scalars(select(OutgoingMail))).one()
        assert mail.template == "payment_received" and mail.to_address == buyer.email
    ledger = (await buyer.client.get("/api/v1/tokens", headers=buyer.headers)).json()
    assert ledger["entries"][0]["reason"] == "purchase"
    assert ledger["entries"][0]["reference"] == f"purchase:{purchase_id}"


async def test_the_same_event_ten_times_credits_once(buyer: Buyer) -> None:
    _, checkout = await _paid(buyer)
    payload = event("checkout.session.completed", checkout)
    outcomes = [(await deliver(buyer.client, payload)).json()["outcome"] for _ in range(10)]
    assert outcomes == ["credited"] + ["duplicate"] * 9
    assert await buyer.balance() == FREE + 10


async def test_the_same_event_twenty_times_concurrently_credits_once(buyer: Buyer) -> None:
    _, checkout = await _paid(buyer)
    payload = event("checkout.session.completed", checkout)
    responses = await asyncio.gather(*(deliver(buyer.client, payload) for _ in range(20)))
    assert [r.status_code for r in responses] == [200] * 20
    outcomes = sorted(r.json()["outcome"] for r in responses)
    assert outcomes == ["credited"] + ["duplicate"] * 19
    assert await buyer.balance() == FREE + 10
    assert len(await buyer.notifications()) == 1


async def test_completed_and_async_payment_succeeded_credit_once(buyer: Buyer) -> None:
    purchase_id, checkout = await _paid(buyer)
    completed = event("checkout.session.completed", checkout)
    succeeded = event("checkout.session.async_payment_succeeded", checkout)
    responses = await asyncio.gather(
        *(deliver(buyer.client, payload) for payload in [completed, succeeded] * 5)
    )
    assert sorted(r.json()["outcome"] for r in responses).count("credited") == 1
    assert await buyer.balance() == FREE + 10
    assert (await buyer.purchase(purchase_id))["status"] == "paid"


async def test_a_delayed_payment_credits_when_it_succeeds(buyer: Buyer) -> None:
    _, checkout = await buyer.checkout_session()
    checkout = buyer.stripe.sessions[checkout["id"]]
    checkout.update(status="complete")  # a bank debit: complete, but not paid yet
    first = await deliver(buyer.client, event("checkout.session.completed", checkout))
    assert first.json()["outcome"] == "awaiting-payment"
    assert await buyer.balance() == FREE
    paid = buyer.stripe.pay(checkout["id"])
    later = await deliver(buyer.client, event("checkout.session.async_payment_succeeded", paid))
    assert later.json()["outcome"] == "credited"
    assert await buyer.balance() == FREE + 10


async def test_badly_signed_webhooks_are_400_and_change_nothing(buyer: Buyer) -> None:
    _, checkout = await _paid(buyer)
    payload = event("checkout.session.completed", checkout)
    now = int(time.time())
    altered = payload.replace(b'"amount_total": 900', b'"amount_total": 9')
    assert altered != payload
    cases = {
        "wrong secret": (payload, fake_stripe.signature(payload, secret="whsec_wrong")),
        "altered body": (altered, fake_stripe.signature(payload)),
        "old timestamp": (payload, fake_stripe.signature(payload, timestamp=now - 301)),
        "no header": (payload, None),
        "malformed header": (payload, "this is not a signature"),
        "no v1 scheme": (payload, f"t={now},v0=abc"),
    }
    for name, (body, header) in cases.items():
        response = await deliver(buyer.client, body, signature=header)
        assert response.status_code == 400, name
        assert response.json()["type"].endswith("/invalid-webhook"), name
    assert await buyer.balance() == FREE
    assert await _event_rows(buyer.database) == 0
    # Within the tolerance, the same event is accepted: the refusals were about the signature.
    recent = fake_stripe.signature(payload, timestamp=now - 250)
    assert (await deliver(buyer.client, payload, signature=recent)).json()["outcome"] == "credited"


async def test_a_failure_after_the_payment_does_not_undo_the_credit(buyer: Buyer) -> None:
    purchase_id, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    failed = failed_intent(checkout["payment_intent"], purchase_id, "Your card was declined.")
    response = await deliver(buyer.client, event("payment_intent.payment_failed", failed))
    assert response.json()["outcome"] == "ignored"
    response = await deliver(buyer.client, event("checkout.session.async_payment_failed", checkout))
    assert response.json()["outcome"] == "ignored"
    assert (await buyer.purchase(purchase_id))["status"] == "paid"
    assert await buyer.balance() == FREE + 10


async def test_a_failed_payment_is_recorded_with_stripes_reason_and_a_retry_can_pay(
    buyer: Buyer,
) -> None:
    purchase_id, checkout = await buyer.checkout_session()
    failed = failed_intent("pi_declined1", purchase_id, "Your card has insufficient funds.")
    response = await deliver(buyer.client, event("payment_intent.payment_failed", failed))
    assert response.json()["outcome"] == "failed"
    purchase = await buyer.purchase(purchase_id)
    assert purchase["status"] == "failed"
    assert purchase["failure_reason"] == "Your card has insufficient funds."
    (note,) = await buyer.notifications()
    assert note["kind"] == "payment_failed"
    assert "Your card has insufficient funds." in note["body"]
    # The customer tries another card in the same Checkout Session, and it works.
    paid = buyer.stripe.pay(checkout["id"])
    await deliver(buyer.client, event("checkout.session.completed", paid))
    assert (await buyer.purchase(purchase_id))["status"] == "paid"
    assert await buyer.balance() == FREE + 10


async def test_an_async_payment_failure_fails_the_purchase(buyer: Buyer) -> None:
    purchase_id, checkout = await buyer.checkout_session()
    response = await deliver(buyer.client, event("checkout.session.async_payment_failed", checkout))
    assert response.json()["outcome"] == "failed"
    assert (await buyer.purchase(purchase_id))["status"] == "failed"
    assert await buyer.balance() == FREE


async def test_an_expired_session_expires_its_purchase(buyer: Buyer) -> None:
    purchase_id, checkout = await buyer.checkout_session()
    expired = buyer.stripe.expire(checkout["id"])
    response = await deliver(buyer.client, event("checkout.session.expired", expired))
    assert response.json()["outcome"] == "expired"
    assert (await buyer.purchase(purchase_id))["status"] == "expired"


async def test_a_refund_takes_the_tokens_back(buyer: Buyer) -> None:
    purchase_id, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    refunded = charge(checkout["payment_intent"], amount=900, amount_refunded=900)
    payload = event("charge.refunded", refunded)
    assert (await deliver(buyer.client, payload)).json()["outcome"] == "refunded"
    assert (await deliver(buyer.client, payload)).json()["outcome"] == "duplicate"
    assert await buyer.balance() == FREE
    purchase = await buyer.purchase(purchase_id)
    assert purchase["status"] == "refunded" and purchase["tokens_reclaimed"] == 10
    kinds = [n["kind"] for n in await buyer.notifications()]
    assert kinds == ["refund", "payment_received"]
    assert (await buyer.account())["tokens_owed"] == 0


async def test_a_partial_refund_takes_back_its_share_and_a_later_one_the_rest(
    buyer: Buyer,
) -> None:
    purchase_id, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    intent = checkout["payment_intent"]
    await deliver(
        buyer.client, event("charge.refunded", charge(intent, amount=900, amount_refunded=450))
    )
    assert await buyer.balance() == FREE + 5
    assert (await buyer.purchase(purchase_id))["status"] == "paid"
    await deliver(
        buyer.client, event("charge.refunded", charge(intent, amount=900, amount_refunded=900))
    )
    assert await buyer.balance() == FREE
    assert (await buyer.purchase(purchase_id))["status"] == "refunded"


async def test_spent_tokens_refunded_are_owed_and_block_generations_until_settled(
    buyer: Buyer,
) -> None:
    _, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    await set_balance(buyer.database, buyer.email, 4)  # 9 of the 13 tokens were spent
    refunded = charge(checkout["payment_intent"], amount=900, amount_refunded=900)
    await deliver(buyer.client, event("charge.refunded", refunded))
    assert await buyer.balance() == 0  # never below zero
    assert (await buyer.account())["tokens_owed"] == 6
    refund_note = (await buyer.notifications())[0]
    assert refund_note["kind"] == "refund" and refund_note["data"]["owed"] == 6

    await set_balance(buyer.database, buyer.email, 0)
    blocked = await buyer.client.post(
        "/api/v1/generations", json=generation_body(), headers=buyer.headers
    )
    assert blocked.status_code == 402
    assert blocked.json()["type"].endswith("/tokens-owed") and blocked.json()["owed"] == 6

    # A new pack settles what is owed first; the rest is the user's.
    _, second = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", second))
    assert await buyer.balance() == 10 - 6
    assert (await buyer.account())["tokens_owed"] == 0
    started = await buyer.client.post(
        "/api/v1/generations", json=generation_body(), headers=buyer.headers
    )
    assert started.status_code == 202, started.text


async def test_a_refund_before_its_completion_is_held_until_the_credit_exists(
    buyer: Buyer,
) -> None:
    purchase_id, checkout = await _paid(buyer)
    refunded = charge(checkout["payment_intent"], amount=900, amount_refunded=900)
    early = await deliver(buyer.client, event("charge.refunded", refunded))
    assert early.json()["outcome"] == "held"
    assert await buyer.balance() == FREE
    assert (await buyer.purchase(purchase_id))["status"] == "pending"
    late = await deliver(buyer.client, event("checkout.session.completed", checkout))
    assert late.json()["outcome"] == "credited"
    assert await buyer.balance() == FREE  # credited, then the held refund took it back
    purchase = await buyer.purchase(purchase_id)
    assert purchase["status"] == "refunded" and purchase["tokens_reclaimed"] == 10
    assert (await buyer.account())["tokens_owed"] == 0


async def test_a_dispute_flags_the_account_and_tells_the_user(buyer: Buyer) -> None:
    _, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    assert (await buyer.account())["disputed"] is False
    opened = dispute(checkout["payment_intent"], amount=900)
    assert (await deliver(buyer.client, event("charge.dispute.created", opened))).json()[
        "outcome"
    ] == "disputed"
    assert (await buyer.account())["disputed"] is True
    assert (await buyer.notifications())[0]["kind"] == "dispute"


async def test_a_disputed_account_spends_nothing_until_an_operator_releases_it(
    buyer: Buyer, database_url: str
) -> None:
    _, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    opened = dispute(checkout["payment_intent"], amount=900)
    await deliver(buyer.client, event("charge.dispute.created", opened))

    blocked = await buyer.client.post(
        "/api/v1/generations", json=generation_body(), headers=buyer.headers
    )
    assert blocked.status_code == 403
    problem = blocked.json()
    assert problem["type"].endswith("/payment-disputed")
    assert "disputed with the bank" in problem["detail"]
    assert "withdraw it with your bank" in problem["detail"]
    assert await buyer.balance() == FREE + 10, "nothing was spent"

    released = release(database_url, buyer.email)
    assert released.returncode == 0, released.stderr
    assert (await buyer.account())["disputed"] is False
    started = await buyer.client.post(
        "/api/v1/generations", json=generation_body(), headers=buyer.headers
    )
    assert started.status_code == 202, started.text
    again = release(database_url, buyer.email)
    assert again.returncode == 1 and "has no disputed payment" in again.stderr


async def _starts_a_generation(buyer: Buyer) -> int:
    started = await buyer.client.post(
        "/api/v1/generations", json=generation_body(), headers=buyer.headers
    )
    return started.status_code


async def test_disputes_closed_in_our_favour_release_the_account_once_none_is_open(
    buyer: Buyer,
) -> None:
    disputes = []
    for _ in range(2):
        _, checkout = await _paid(buyer)
        await deliver(buyer.client, event("checkout.session.completed", checkout))
        disputes.append(dispute(checkout["payment_intent"], amount=900))
        await deliver(buyer.client, event("charge.dispute.created", disputes[-1]))
    assert await _starts_a_generation(buyer) == 403

    first = await deliver(
        buyer.client, event("charge.dispute.closed", {**disputes[0], "status": "won"})
    )
    assert first.json()["outcome"] == "dispute-won"
    assert await _starts_a_generation(buyer) == 403, "the other dispute is still open"

    second = await deliver(
        buyer.client, event("charge.dispute.closed", {**disputes[1], "status": "won"})
    )
    assert second.json()["outcome"] == "released"
    assert (await buyer.account())["disputed"] is False
    assert await _starts_a_generation(buyer) == 202


async def test_a_lost_dispute_keeps_the_account_paused(buyer: Buyer) -> None:
    _, checkout = await _paid(buyer)
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    opened = dispute(checkout["payment_intent"], amount=900)
    await deliver(buyer.client, event("charge.dispute.created", opened))
    lost = await deliver(buyer.client, event("charge.dispute.closed", {**opened, "status": "lost"}))
    assert lost.json()["outcome"] == "dispute-lost"
    assert (await buyer.account())["disputed"] is True
    assert await _starts_a_generation(buyer) == 403


def release(database_url: str, email: str) -> subprocess.CompletedProcess[str]:
    """`resumeforge billing release EMAIL`, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "resumeforge", "billing", "release", email],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_a_dispute_before_the_completion_flags_the_account_once_credited(
    buyer: Buyer,
) -> None:
    _, checkout = await _paid(buyer)
    opened = dispute(checkout["payment_intent"], amount=900)
    assert (await deliver(buyer.client, event("charge.dispute.created", opened))).json()[
        "outcome"
    ] == "held"
    assert (await buyer.account())["disputed"] is False
    await deliver(buyer.client, event("checkout.session.completed", checkout))
    assert (await buyer.account())["disputed"] is True
    assert sorted(n["kind"] for n in await buyer.notifications()) == ["dispute", "payment_received"]


async def test_an_amount_that_is_not_the_packs_credits_nothing(buyer: Buyer) -> None:
    purchase_id, checkout = await buyer.checkout_session()
    underpaid = buyer.stripe.pay(checkout["id"], amount_total=1)
    response = await deliver(buyer.client, event("checkout.session.completed", underpaid))
    assert response.json()["outcome"] == "mismatch"
    assert await buyer.balance() == FREE
    assert (await buyer.purchase(purchase_id))["status"] == "mismatch"


async def test_other_events_are_acknowledged_and_ignored(buyer: Buyer) -> None:
    response = await deliver(buyer.client, event("customer.created", {"id": "cus_1"}))
    assert response.status_code == 200 and response.json()["outcome"] == "ignored"
    stranger = {"id": "cs_test_elsewhere", "payment_status": "paid", "amount_total": 900}
    response = await deliver(buyer.client, event("checkout.session.completed", stranger))
    assert response.json()["outcome"] == "unknown-purchase"
    assert await buyer.balance() == FREE


async def test_an_error_while_applying_rolls_back_and_answers_5xx_for_a_retry(
    buyer: Buyer, database_url: str
) -> None:
    """The ledger refuses writes for a moment (a trigger); Stripe's retry then credits once."""
    purchase_id, checkout = await _paid(buyer)
    payload = event("checkout.session.completed", checkout)
    with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
        connection.execute(
            "CREATE FUNCTION refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'ledger unavailable'; END $$"
        )
        connection.execute(
            "CREATE TRIGGER refuse_ledger BEFORE INSERT ON token_ledger "
            "FOR EACH ROW EXECUTE FUNCTION refuse_ledger()"
        )
        try:
            response = await deliver(buyer.client, payload)
        finally:
            connection.execute("DROP TRIGGER refuse_ledger ON token_ledger")
            connection.execute("DROP FUNCTION refuse_ledger()")
    assert response.status_code == 500
    assert response.json()["type"].endswith("/webhook-not-applied")
    assert await _event_rows(buyer.database) == 0
    assert (await buyer.purchase(purchase_id))["status"] == "pending"
    assert await buyer.notifications() == []

    retried = await deliver(buyer.client, payload)
    assert retried.status_code == 200 and retried.json()["outcome"] == "credited"
    assert (await deliver(buyer.client, payload)).json()["outcome"] == "duplicate"
    assert await buyer.balance() == FREE + 10


async def test_webhook_events_are_counted_by_type_and_outcome(
    buyer: Buyer, billing_client: httpx.AsyncClient
) -> None:
    def counted(text: str, event_type: str, outcome: str) -> float:
        needle = (
            f'resumeforge_stripe_webhook_events_total{{outcome="{outcome}",type="{event_type}"}} '
        )
        for line in text.splitlines():
            if line.startswith(needle):
                return float(line.rsplit(" ", 1)[1])
        return 0.0

    before = (await billing_client.get("/metrics")).text
    _, checkout = await _paid(buyer)
    payload = event("checkout.session.completed", checkout)
    await deliver(buyer.client, payload)
    await deliver(buyer.client, payload)
    await deliver(buyer.client, payload, signature=None)
    after = (await billing_client.get("/metrics")).text
    kind = "checkout.session.completed"
    assert counted(after, kind, "credited") == counted(before, kind, "credited") + 1
    assert counted(after, kind, "duplicate") == counted(before, kind, "duplicate") + 1
    assert counted(after, "unverified", "rejected") == counted(before, "unverified", "rejected") + 1


async def test_a_refund_applied_while_its_completion_commits_is_not_lost(
    buyer: Buyer, billing_settings: Settings
) -> None:
    """The completion has credited but not committed when the refund comes: the refund waits
    for it (one lock per payment intent) instead of missing the purchase and being held for
    ever."""
    purchase_id, checkout = await _paid(buyer)
    refunded = charge(checkout["payment_intent"], amount=900, amount_refunded=900)
    async with buyer.database.sessions() as completing:
        outcome = await payments.credit_paid_session(
            session=completing, settings=billing_settings, checkout=checkout
        )
        assert outcome == "credited"

        async def refund() -> str:
            async with buyer.database.sessions() as refunding:
                applied = await payments.record_refund(session=refunding, charge=refunded)
                await refunding.commit()
                return applied

        refunding_task = asyncio.create_task(refund())
        await asyncio.sleep(0.5)  # room for the refund to run ahead, were it not made to wait
        await completing.commit()
    assert await refunding_task == "refunded"
    purchase = await buyer.purchase(purchase_id)
    assert purchase["status"] == "refunded" and purchase["tokens_reclaimed"] == 10
    assert await buyer.balance() == FREE


async def test_many_purchases_of_one_user_credited_at_once_all_apply(buyer: Buyer) -> None:
    """Distinct payments of one user lock the same balance: they queue, none deadlocks."""
    paid = [await _paid(buyer) for _ in range(12)]
    responses = await asyncio.gather(
        *(deliver(buyer.client, event("checkout.session.completed", c)) for _, c in paid)
    )
    assert [r.status_code for r in responses] == [200] * 12, [r.text for r in responses]
    assert {r.json()["outcome"] for r in responses} == {"credited"}
    assert await buyer.balance() == FREE + 12 * 10
