"""Prometheus metrics: requests by route and status, their durations, generations by outcome
and duration; and, read from the database at each scrape, the whole fleet's generations by
state, queue depth and age, worker heartbeats, provider calls with tokens and cost, and this
process's connection pool.

Counters are each process's own; with several server processes, set PROMETHEUS_MULTIPROC_DIR
(an empty folder they share) and /metrics adds them up.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Iterator

import structlog
from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from resumeforge.config import Settings
from resumeforge.db.engine import Database, first_line, within
from resumeforge.errors import Unauthorized
from resumeforge.observability import service

log = structlog.get_logger(__name__)
# A scrape reads the database for this long at most; past it the fleet's figures are left out.
SCRAPE_DATABASE_SECONDS = 1.5

REQUESTS = Counter(
    "resumeforge_http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
REQUEST_SECONDS = Histogram(
    "resumeforge_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
GENERATIONS_FINISHED = Counter(
    "resumeforge_generations_finished_total", "Generations that ended, by outcome", ["status"]
)
GENERATION_SECONDS = Histogram(
    "resumeforge_generation_duration_seconds",
    "From a generation's start to its end, by outcome",
    ["status"],
    buckets=(1, 2, 5, 10, 20, 30, 60, 120, 300, 600),
)

WEBHOOK_EVENTS = Counter(
    "resumeforge_stripe_webhook_events_total",
    "Stripe webhook deliveries, by event type and what was done",
    ["type", "outcome"],
)
MAILS = Counter(
    "resumeforge_mails_total",
    "Mail attempts, by outcome (sent, retried, failed, unsent)",
    ["outcome"],
)

router = APIRouter(tags=["health"])


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method, route, str(status)).inc()
    REQUEST_SECONDS.labels(method, route).observe(seconds)


def observe_generation_finished(status: str, seconds: float) -> None:
    GENERATIONS_FINISHED.labels(status).inc()
    GENERATION_SECONDS.labels(status).observe(seconds)


class FleetCollector(Collector):
    """One scrape's figures read from the database, and this process's connection pool."""

    def __init__(self, fleet: service.FleetState | None, database: Database) -> None:
        self.fleet = fleet
        self.database = database

    def collect(self) -> Iterator[Metric]:
        yield from self._pool()
        up = GaugeMetricFamily("resumeforge_database_up", "The database answered this scrape")
        up.add_metric([], 1 if self.fleet else 0)
        yield up
        if self.fleet is None:
            return
        yield from self._generations(self.fleet)
        yield from self._queue(self.fleet.queue)
        yield from self._providers(self.fleet.provider_calls)

    def _pool(self) -> Iterator[Metric]:
        pool = self.database.engine.pool
        connections = GaugeMetricFamily(
            "resumeforge_db_pool_connections", "This process's pooled connections", labels=["state"]
        )
        for state in ("checkedout", "checkedin", "overflow", "size"):
            reading = getattr(pool, state, None)
            if callable(reading):
                connections.add_metric([state], float(reading()))
        yield connections

    @staticmethod
    def _generations(fleet: service.FleetState) -> Iterator[Metric]:
        by_state = GaugeMetricFamily(
            "resumeforge_generations", "Generations by their current state", labels=["state"]
        )
        for state, count in sorted(fleet.generations_by_state.items()):
            by_state.add_metric([state], count)
        yield by_state

    @staticmethod
    def _queue(queue: service.QueueState) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "resumeforge_queue_jobs", "Jobs due and waiting for a worker", value=queue.queued_jobs
        )
        yield GaugeMetricFamily(
            "resumeforge_queue_oldest_seconds",
            "How long the oldest due job has waited",
            value=queue.oldest_queued_seconds,
        )
        yield GaugeMetricFamily(
            "resumeforge_workers_live", "Workers with a recent heartbeat", value=queue.live_workers
        )
        if queue.last_heartbeat_seconds_ago is not None:
            yield GaugeMetricFamily(
                "resumeforge_worker_last_heartbeat_seconds",
                "Seconds since the newest worker heartbeat",
                value=queue.last_heartbeat_seconds_ago,
            )

    @staticmethod
    def _providers(rows: list[service.ProviderCalls]) -> Iterator[Metric]:
        labels = ["provider", "model", "outcome"]
        calls = CounterMetricFamily("resumeforge_provider_calls", "Model API calls", labels=labels)
        tokens = CounterMetricFamily(
            "resumeforge_provider_tokens", "Model API tokens", labels=[*labels, "kind"]
        )
        cost = CounterMetricFamily(
            "resumeforge_provider_cost_usd", "Estimated cost of model API calls", labels=labels
        )
        for row in rows:
            key = [row.provider, row.model, row.outcome]
            calls.add_metric(key, row.calls)
            tokens.add_metric([*key, "prompt"], row.prompt_tokens)
            tokens.add_metric([*key, "output"], row.output_tokens)
            cost.add_metric(key, float(row.cost_usd))
        yield from (calls, tokens, cost)


async def _read_fleet(database: Database, settings: Settings) -> service.FleetState | None:
    async def read() -> service.FleetState:
        async with database.engine.connect() as connection:
            return await service.fleet_state(connection=connection, settings=settings)

    try:
        fleet: service.FleetState = await within(
            asyncio.ensure_future(read()), SCRAPE_DATABASE_SECONDS
        )
    except Exception as error:
        log.warning("metrics: database unreadable", error=first_line(error))
        return None
    return fleet


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus exposition; needs `Authorization: Bearer $METRICS_TOKEN` when that is set."""
    settings: Settings = request.app.state.settings
    if settings.metrics_token:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), settings.metrics_token.encode()):
            raise Unauthorized("Metrics need the metrics token.")
    elif settings.is_production:
        # Metrics name routes, volumes and failures: never open to the internet.
        raise Unauthorized("Metrics need METRICS_TOKEN, which this server has not been given.")
    registry = None
    if settings.prometheus_multiproc_dir:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    body = generate_latest(registry) if registry else generate_latest()
    database: Database = request.app.state.database
    scrape = CollectorRegistry(auto_describe=False)
    scrape.register(FleetCollector(await _read_fleet(database, settings), database))
    return Response(body + generate_latest(scrape), media_type=CONTENT_TYPE_LATEST)
