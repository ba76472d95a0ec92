"""Prometheus metrics: requests by route and status, their durations, generations by outcome.

Each process counts for itself; with several server processes, set PROMETHEUS_MULTIPROC_DIR
(an empty folder they share) and /metrics adds them up.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from resumeforge.config import Settings
from resumeforge.errors import Unauthorized

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

router = APIRouter(tags=["health"])


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method, route, str(status)).inc()
    REQUEST_SECONDS.labels(method, route).observe(seconds)


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
    return Response(body, media_type=CONTENT_TYPE_LATEST)
