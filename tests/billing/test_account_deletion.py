"""A deleted account's purchases stay as financial records, without the person, and Stripe's
later word about them (a refund, a dispute, a payment completing late) is applied without
an account: kept, never a crash, a late payment marked for an operator to refund."""

from __future__ import annotations

import io
import json
import zipfile

from sqlalchemy import text

from resumeforge.accounts import personal_data
from resumeforge.db.engine import Database
from tests.billing.conftest import Buyer, deliver
from tests.billing.fake_stripe import charge, dispute, event

PASSWORD = "correct horse 1"  # register_and_login's


async def delete_account(buyer: Buyer) -> None:
    async with buyer.database.sessions() as session:
        await personal_data.delete_account(
            session=session, user_id=buyer.user_id, password=PASSWORD
        )


async def purchase_rows(database: Database) -> list[tuple[object, ...]]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            text("SELECT id::text, user_id, status, failure_reason FROM purchases ORDER BY id")
        )
        return [tuple(row) for row in rows]


async def test_the_export_lists_the_accounts_purchases(buyer: Buyer) -> None:
    purchase_id, checkout = await buyer.checkout_session()
    await deliver(
        buyer.client, event("checkout.session.completed", buyer.stripe.pay(checkout["id"]))
    )
    async with buyer.database.sessions() as session:
        archive = await personal_data.export_account(session=session, user_id=buyer.user_id)
    account = json.loads(zipfile.ZipFile(io.BytesIO(archive)).read("account.json"))
    (purchase,) = account["purchases"]
    assert purchase["id"] == purchase_id
    assert (purchase["pack"], purchase["tokens"], purchase["status"]) == ("starter", 10, "paid")
    assert (purchase["amount"], purchase["currency"]) == (900, "usd")


async def test_deleting_the_account_keeps_its_purchases_without_the_person(buyer: Buyer) -> None:
    paid_id, checkout = await buyer.checkout_session()
    paid = buyer.stripe.pay(checkout["id"])
    await deliver(buyer.client, event("checkout.session.completed", paid))

    await delete_account(buyer)

    assert await purchase_rows(buyer.database) == [(paid_id, None, "paid", None)]
    async with buyer.database.engine.connect() as connection:
        users = await connection.scalar(text("SELECT count(*) FROM users"))
        ledger = await connection.scalar(
            text("SELECT count(*) FROM token_ledger WHERE user_id IS NULL")
        )
    assert users == 0 and ledger == 2  # the free tokens and the purchase's credit

    # Stripe's later word about the payment is kept, and changes no one's balance.
    intent = paid["payment_intent"]
    refunded = await deliver(
        buyer.client, event("charge.refunded", charge(intent, amount=900, amount_refunded=900))
    )
    assert refunded.status_code == 200 and refunded.json()["outcome"] == "account-deleted"
    disputed = await deliver(
        buyer.client, event("charge.dispute.created", dispute(intent, amount=900))
    )
    assert disputed.status_code == 200 and disputed.json()["outcome"] == "account-deleted"
    async with buyer.database.engine.connect() as connection:
        kept = (
            await connection.execute(
                text("SELECT amount_refunded, dispute_id IS NOT NULL FROM stripe_charges")
            )
        ).one()
    assert tuple(kept) == (900, True)


async def test_a_payment_completing_after_the_deletion_is_kept_for_a_refund(
    buyer: Buyer,
) -> None:
    pending_id, checkout = await buyer.checkout_session()
    await delete_account(buyer)

    late = await deliver(
        buyer.client, event("checkout.session.completed", buyer.stripe.pay(checkout["id"]))
    )

    assert late.status_code == 200 and late.json()["outcome"] == "account-deleted"
    ((purchase_id, user_id, status, reason),) = await purchase_rows(buyer.database)
    assert (purchase_id, user_id, status) == (pending_id, None, "mismatch")
    assert "refund it in Stripe" in str(reason)
