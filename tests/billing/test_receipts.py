"""From Stripe's webhook to the buyer's inbox: the receipt a worker mails over real SMTP."""

from __future__ import annotations

import asyncio

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.billing.conftest import Buyer, deliver
from tests.billing.fake_stripe import event
from tests.generations.conftest import worker_running
from tests.notifications.smtp import MailServer


async def test_a_paid_checkout_mails_a_receipt_with_amount_pack_and_balance(
    buyer: Buyer, billing_settings: Settings, db: Database
) -> None:
    server = MailServer()
    server.start()
    try:
        mailing = billing_settings.model_copy(
            update={
                "smtp_host": "127.0.0.1",
                "smtp_port": server.port,
                "smtp_starttls": False,
                "worker_poll_seconds": 0.2,
            }
        )
        purchase_id, checkout = await buyer.checkout_session("pro")
        paid = buyer.stripe.pay(checkout["id"])
        assert (await deliver(buyer.client, event("checkout.session.completed", paid))).json()[
            "outcome"
        ] == "credited"
        async with worker_running(mailing, db):
            for _ in range(600):  # hang guard: 60 s
                if server.messages_to(buyer.email):
                    break
                await asyncio.sleep(0.1)
        (receipt,) = server.messages_to(buyer.email)
    finally:
        server.stop()
    assert receipt.message["Subject"] == "Receipt: 50 tokens (pro)"
    text = receipt.part("plain")
    assert "We received your payment of 39.00 USD for the pro pack" in text
    assert "Balance:   53 tokens" in text
    assert f"Reference: {purchase_id}" in text
    assert "39.00 USD" in receipt.part("html")
