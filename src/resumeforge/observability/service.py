"""What the database says about the whole fleet: generations by state, the queue, workers'
heartbeats, provider calls and their cost. Read at scrape time by /metrics and /health/ready,
so every replica reports the same figures whichever process did the work."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from resumeforge.config import Settings

_QUEUE_STATE = text(
    "SELECT"
    " (SELECT extract(epoch FROM now() - max(last_heartbeat)) FROM procrastinate_workers),"
    " (SELECT count(*) FROM procrastinate_workers"
    "   WHERE last_heartbeat > now() - make_interval(secs => :stalled)),"
    " (SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'"
    "   AND (scheduled_at IS NULL OR scheduled_at <= now())),"
    " (SELECT extract(epoch FROM now() - min(coalesce(j.scheduled_at, e.at)))"
    "   FROM procrastinate_jobs j"
    "   JOIN LATERAL (SELECT min(at) AS at FROM procrastinate_events"
    "                 WHERE job_id = j.id AND type = 'deferred') e ON true"
    "   WHERE j.status = 'todo' AND (j.scheduled_at IS NULL OR j.scheduled_at <= now()))"
)
_GENERATIONS_BY_STATE = text("SELECT status, count(*) FROM generations GROUP BY status")
_PROVIDER_CALLS = text(
    "SELECT provider, model, outcome, count(*), coalesce(sum(prompt_tokens), 0),"
    " coalesce(sum(output_tokens), 0), coalesce(sum(cost_usd), 0)"
    " FROM api_usage GROUP BY provider, model, outcome"
)


@dataclass(frozen=True)
class QueueState:
    live_workers: int
    last_heartbeat_seconds_ago: float | None
    queued_jobs: int
    oldest_queued_seconds: float

    def lagging(self, settings: Settings) -> list[str]:
        """Why the workers look behind, if they do: readiness reports it as degraded."""
        problems = []
        if not self.live_workers:
            problems.append("no worker has sent a heartbeat lately")
        if self.oldest_queued_seconds > settings.worker_stalled_seconds:
            problems.append(f"the oldest job has waited {self.oldest_queued_seconds:g} s")
        return problems


@dataclass(frozen=True)
class ProviderCalls:
    provider: str
    model: str
    outcome: str
    calls: int
    prompt_tokens: int
    output_tokens: int
    cost_usd: Decimal


@dataclass(frozen=True)
class FleetState:
    queue: QueueState
    generations_by_state: dict[str, int] = field(default_factory=dict)
    provider_calls: list[ProviderCalls] = field(default_factory=list)


async def queue_state(*, connection: AsyncConnection, settings: Settings) -> QueueState:
    row = (
        await connection.execute(_QUEUE_STATE, {"stalled": settings.worker_stalled_seconds})
    ).one()
    heartbeat_age, live, queued, oldest = row
    return QueueState(
        live_workers=int(live or 0),
        last_heartbeat_seconds_ago=None
        if heartbeat_age is None
        else round(float(heartbeat_age), 1),
        queued_jobs=int(queued or 0),
        oldest_queued_seconds=0.0 if oldest is None else round(float(oldest), 1),
    )


async def fleet_state(*, connection: AsyncConnection, settings: Settings) -> FleetState:
    by_state = {
        str(status): int(count) for status, count in await connection.execute(_GENERATIONS_BY_STATE)
    }
    calls = [
        ProviderCalls(str(p), str(m), str(o), int(n), int(pt), int(ot), Decimal(cost))
        for p, m, o, n, pt, ot, cost in await connection.execute(_PROVIDER_CALLS)
    ]
    return FleetState(
        queue=await queue_state(connection=connection, settings=settings),
        generations_by_state=by_state,
        provider_calls=calls,
    )
