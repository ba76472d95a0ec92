"""Background billing work: the periodic reconciliation with Stripe.

Webhooks get lost (an outage here, a misconfigured endpoint). Every 15 minutes one worker
(procrastinate defers each periodic run once, whatever the number of workers) lists the
Checkout Sessions of the last BILLING_RECONCILE_HOURS and credits any paid one no webhook did.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import structlog
from procrastinate import Blueprint, JobContext

from resumeforge.billing import service
from resumeforge.db.queue import JobRuntime

log = structlog.get_logger(__name__)

blueprint = Blueprint()

QUEUE = "billing"
RECONCILE_CRON = "*/15 * * * *"


@blueprint.periodic(cron=RECONCILE_CRON, periodic_id="reconcile")
@blueprint.task(name="reconcile_billing", queue=QUEUE, pass_context=True, queueing_lock="reconcile")
async def reconcile_billing(context: JobContext, timestamp: int) -> None:
    runtime: JobRuntime = context.additional_context["runtime"]
    settings = runtime.settings
    if not settings.billing_configured:
        return
    since = datetime.fromtimestamp(timestamp, UTC) - timedelta(
        hours=settings.billing_reconcile_hours
    )
    await service.reconcile(database=runtime.database, settings=settings, since=since)
