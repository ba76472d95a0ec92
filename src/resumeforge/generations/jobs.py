"""Background work on procrastinate: run a generation, retry what may pass, recover the lost.

A job only ever moves its generation forward through `service`; whatever happens — a provider
outage, a deadline, a crash, a worker killed mid-job — the generation ends succeeded, or failed
with one refund.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from procrastinate import App, Blueprint, JobContext, PsycopgConnector
from procrastinate.exceptions import ProcrastinateException
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from resumeforge.ai.errors import ProviderRateLimited, ProviderUnavailable
from resumeforge.ai.providers.base import Usage
from resumeforge.billing import jobs as billing_jobs
from resumeforge.config import Settings
from resumeforge.db.engine import Database, libpq_url
from resumeforge.errors import ProblemError
from resumeforge.generations import service
from resumeforge.generations.pipeline import (
    PipelineOutput,
    run_pipeline,
    run_revision_pipeline,
    warm_up,
)
from resumeforge.generations.schemas import GenerationStatus
from resumeforge.generations.service import GenerationRun
from resumeforge.notifications import jobs as notification_jobs
from resumeforge.notifications import service as notifications

log = structlog.get_logger(__name__)

blueprint = Blueprint()

MAX_RETRY_DELAY_SECONDS = 120.0
INTERNAL_FAILURE = (
    "Something went wrong on our side while writing your documents. "
    "Your tokens were refunded; please try again."
)


@dataclass(frozen=True)
class WorkerRuntime:
    settings: Settings
    database: Database


class RetryLater(Exception):
    """The provider may recover: run the job again in `delay` seconds."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"retry in {delay:.1f} s")
        self.delay = delay


class RetryWhenAsked(BaseRetryStrategy):
    """Retry only when the job raised RetryLater, after the delay it asked for."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, RetryLater):
            # retry_at rather than retry_in: procrastinate types retry_in's seconds as whole.
            return RetryDecision(retry_at=datetime.now(UTC) + timedelta(seconds=exception.delay))
        return None


@blueprint.task(
    name=service.TASK_NAME, queue=service.QUEUE, pass_context=True, retry=RetryWhenAsked()
)
async def run_generation(context: JobContext, generation_id: str) -> None:
    runtime: WorkerRuntime = context.additional_context["runtime"]
    attempt = context.job.attempts if context.job else 0
    await execute_generation(runtime, uuid.UUID(generation_id), attempt=attempt)


async def execute_generation(
    runtime: WorkerRuntime, generation_id: uuid.UUID, *, attempt: int
) -> None:
    """Run one generation to its end, or raise RetryLater when the provider may recover."""
    async with runtime.database.sessions() as session:
        run = await service.load_run(session=session, generation_id=generation_id)
    if run is None:
        return  # finished already: a duplicate delivery or a sweep got there first
    log.info("generation started", generation_id=str(generation_id), attempt=attempt)
    await GenerationAttempt(runtime, run, attempt).execute()


@dataclass
class GenerationAttempt:
    """One attempt at one generation, and each way it can end."""

    runtime: WorkerRuntime
    run: GenerationRun
    attempt: int

    async def execute(self) -> None:
        remaining = self._seconds_left()
        if remaining <= 0:
            await self._fail(DEADLINE_FAILURE)
            return
        try:
            async with asyncio.timeout(remaining):
                output = await run_pipeline(
                    self.run,
                    settings=self.runtime.settings,
                    on_stage=self._on_stage,
                    on_usage=self._on_usage,
                )
        except GenerationFinishedElsewhere:
            return
        except TimeoutError:
            await self._fail(DEADLINE_FAILURE)
        except (ProviderRateLimited, ProviderUnavailable) as error:
            await self._retry_later_or_fail(error)
        except ProblemError as error:
            log.info("generation failed", generation_id=str(self.run.id), problem=error.slug)
            await self._fail(f"{error.title}: {error.detail}")
        except Exception:
            log.exception("generation crashed", generation_id=str(self.run.id))
            await self._fail(INTERNAL_FAILURE)
        else:
            await self._succeed(output)

    async def _on_stage(self, stage: str) -> None:
        async with self.runtime.database.sessions() as session:
            moved = await service.mark_stage(
                session=session,
                generation_id=self.run.id,
                status=GenerationStatus(stage),
                attempt=stage == "parsing",
            )
        if not moved:
            raise GenerationFinishedElsewhere

    async def _on_usage(self, usage: Usage) -> None:
        async with self.runtime.database.sessions() as session:
            await service.record_usage(
                session=session, user_id=self.run.user_id, generation_id=self.run.id, usage=usage
            )

    async def _retry_later_or_fail(self, error: ProviderRateLimited | ProviderUnavailable) -> None:
        delay = retry_delay(self.attempt, getattr(error, "retry_after", 0.0))
        if delay >= self._seconds_left():
            await self._fail(
                f"The AI provider stayed unavailable until the deadline ({error.detail})."
            )
            return
        log.warning("provider unavailable, retrying", generation_id=str(self.run.id), delay=delay)
        async with self.runtime.database.sessions() as session:
            await service.mark_stage(
                session=session, generation_id=self.run.id, status=GenerationStatus.queued
            )
        raise RetryLater(delay) from error

    async def _succeed(self, output: PipelineOutput) -> None:
        async with self.runtime.database.sessions() as session:
            await service.succeed(
                session=session,
                generation_id=self.run.id,
                artifacts=output.artifacts,
                report=output.report,
                job_title=output.job_title,
                company=output.company,
                plan=output.plan,
            )
        log.info("generation succeeded", generation_id=str(self.run.id))

    async def _fail(self, reason: str) -> None:
        async with self.runtime.database.sessions() as session:
            await service.fail_and_refund(session=session, generation_id=self.run.id, reason=reason)

    def _seconds_left(self) -> float:
        return (self.run.deadline_at - datetime.now(UTC)).total_seconds()


REVISION_FAILURE = (
    "Something went wrong on our side while rendering this revision; please try again."
)


@blueprint.task(name=service.REVISION_TASK_NAME, queue=service.QUEUE, pass_context=True)
async def run_revision(context: JobContext, revision_id: str) -> None:
    runtime: WorkerRuntime = context.additional_context["runtime"]
    await execute_revision(runtime, uuid.UUID(revision_id))


async def execute_revision(runtime: WorkerRuntime, revision_id: uuid.UUID) -> None:
    """Render one revision: a replay of the paid run's plan, so nothing to retry or refund.

    A worker that dies meanwhile leaves the job stalled; it is re-queued like any other and
    renders again from the start (the files of a half-finished try are replaced).
    """
    async with runtime.database.sessions() as session:
        run = await service.load_revision(session=session, revision_id=revision_id)
        if run is None:
            return  # finished already: a duplicate delivery
        await service.mark_revision_rendering(session=session, run=run)
    try:
        artifacts, report = await run_revision_pipeline(run)
    except ProblemError as error:
        log.info("revision failed", revision_id=str(revision_id), problem=error.slug)
        reason = f"{error.title}: {error.detail}"
    except Exception:
        log.exception("revision crashed", revision_id=str(revision_id))
        reason = REVISION_FAILURE
    else:
        async with runtime.database.sessions() as session:
            await service.finish_revision(
                session=session, run=run, artifacts=artifacts, report=report
            )
        log.info("revision succeeded", revision_id=str(revision_id), number=run.number)
        return
    async with runtime.database.sessions() as session:
        await service.fail_revision(session=session, run=run, reason=reason)


DEADLINE_FAILURE = (
    "The generation did not finish before its deadline. Your tokens were refunded; "
    "please try again."
)


class GenerationFinishedElsewhere(Exception):
    """The generation was finished by someone else (the deadline sweeper): stop quietly."""


def retry_delay(attempt: int, retry_after: float) -> float:
    """Exponential backoff with jitter, never sooner than the provider asked."""
    backoff = min(MAX_RETRY_DELAY_SECONDS, 2.0**attempt) * random.uniform(0.5, 1.0)
    return max(retry_after, backoff)


# --- the worker process ---------------------------------------------------------------


def build_queue(settings: Settings, database_url: str) -> App:
    """The procrastinate app on our database, with this package's tasks."""
    queue = App(connector=PsycopgConnector(conninfo=libpq_url(database_url)))
    queue.add_tasks_from(blueprint, namespace="")
    # Every worker also sends mail and reconciles billing: one kind of process to run.
    queue.add_tasks_from(notification_jobs.blueprint, namespace="")
    queue.add_tasks_from(billing_jobs.blueprint, namespace="")
    return queue


async def recover_lost_work(queue: App, runtime: WorkerRuntime) -> None:
    """Re-run jobs of dead workers, and fail (with refund) generations past their deadline."""
    await requeue_stalled_jobs(queue, stalled_seconds=runtime.settings.worker_stalled_seconds)
    await fail_overdue_generations(runtime.database)


async def requeue_stalled_jobs(queue: App, *, stalled_seconds: float) -> None:
    """Jobs held by a worker that stopped sending heartbeats go back to the queue."""
    for job in await queue.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_seconds):
        try:
            await queue.job_manager.retry_job(job)
        except ProcrastinateException as error:
            # Another worker's sweep re-queued it first, or it finished meanwhile.
            log.info("stalled job not re-queued", job_id=job.id, reason=str(error))
        else:
            log.warning("re-queued a job of a dead worker", job_id=job.id)


async def fail_overdue_generations(database: Database) -> None:
    """Generations past their deadline end failed, refunded once; no worker needed."""
    async with database.sessions() as session:
        overdue = await service.overdue_generations(session=session)
    for generation_id in overdue:
        async with database.sessions() as session:
            if await service.fail_and_refund(
                session=session, generation_id=generation_id, reason=DEADLINE_FAILURE
            ):
                log.warning("generation passed its deadline", generation_id=str(generation_id))


async def sweep_forever(sweep: Callable[[], Awaitable[None]], *, every_seconds: float) -> None:
    """Run `sweep` at an interval until cancelled; a failed sweep is retried at the next."""
    while True:
        try:
            await sweep()
        except Exception:
            log.exception("recovery sweep failed")
        await asyncio.sleep(every_seconds)


async def run_worker(
    runtime: WorkerRuntime, *, concurrency: int | None = None, install_signal_handlers: bool = True
) -> None:
    """Run jobs until cancelled (or, with signal handlers, until SIGINT/SIGTERM)."""
    settings = runtime.settings
    queue = build_queue(settings, runtime.database.url)
    worker_options: dict[str, Any] = {
        "queues": [service.QUEUE, notifications.QUEUE, billing_jobs.QUEUE],
        "concurrency": concurrency or settings.worker_concurrency,
        "additional_context": {"runtime": runtime},
        "update_heartbeat_interval": settings.worker_heartbeat_seconds,
        "stalled_worker_timeout": settings.worker_stalled_seconds,
        # Retries are scheduled for later and announce nothing when due: poll for them.
        "fetch_job_polling_interval": settings.worker_poll_seconds,
        "install_signal_handlers": install_signal_handlers,
        "delete_jobs": "successful",
    }
    await asyncio.to_thread(warm_up, settings)
    gc.collect()
    gc.freeze()  # start-up's objects stay: spare them the collector's full passes
    async with queue.open_async():
        recovery = asyncio.create_task(
            sweep_forever(
                lambda: recover_lost_work(queue, runtime),
                every_seconds=max(0.5, settings.worker_stalled_seconds / 3),
            )
        )
        try:
            await queue.run_worker_async(**worker_options)
        finally:
            recovery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await recovery
