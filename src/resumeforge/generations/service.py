"""The generation resource: paid for, queued, moved through its stages, finished exactly once.

Every transition is a conditional UPDATE on `finished_at IS NULL`, so a worker, a retry and the
deadline sweeper can race freely: the first to finish a generation wins, and the refund of a
failed one is a ledger credit with a key derived from the generation, paid at most once.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from resumeforge.accounts.models import User
from resumeforge.ai.providers.base import Usage
from resumeforge.billing import service as billing
from resumeforge.config import Settings
from resumeforge.documents import service as documents
from resumeforge.errors import NotFound, UnprocessableContent
from resumeforge.generations.models import ApiUsage, Generation, GenerationFile
from resumeforge.generations.schemas import GenerationCreate, GenerationStatus
from resumeforge.observability.metrics import observe_generation_finished
from resumeforge.rendering.service import TEMPLATES
from resumeforge.resume.schemas import Resume

QUEUE = "generations"
TASK_NAME = "run_generation"
EVENTS_CHANNEL = "generation_events"


class GenerationNotFound(NotFound):
    slug, title = "generation-not-found", "Generation not found"


class FileNotFound(NotFound):
    slug, title = "file-not-found", "File not found"


class UnknownOption(UnprocessableContent):
    slug, title = "unknown-option", "Unknown option"


class IdempotencyKeyReused(UnprocessableContent):
    slug, title = "idempotency-key-reused", "Idempotency key reused with another request"


@dataclass(frozen=True)
class Artifact:
    name: str
    media_type: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class GenerationRun:
    """What a worker needs to run one generation."""

    id: uuid.UUID
    user_id: uuid.UUID
    kind: str
    template: str
    paper: str
    provider: str
    job_description: str
    source_resume: Resume
    deadline_at: datetime


async def start_generation(
    *,
    session: AsyncSession,
    settings: Settings,
    user: User,
    request: GenerationCreate,
    idempotency_key: str | None,
) -> tuple[Generation, bool]:
    """Debit, create and enqueue in one transaction; return (generation, created).

    The same idempotency key again returns the first generation and charges nothing; with
    another request body it is refused, since replaying the first would answer a question
    that was not asked.
    """
    user_id = user.id  # read now: a rollback below expires the object
    digest = request_digest(request)
    if idempotency_key:
        existing = await _by_idempotency_key(session=session, user_id=user_id, key=idempotency_key)
        if existing is not None:
            return _replayed(existing, digest), False
    provider = _choose_provider(settings, request.provider)
    if request.template not in TEMPLATES:
        raise UnknownOption(
            f"Unknown template {request.template!r}; choose one of {', '.join(TEMPLATES)}."
        )
    source = request.resume
    if request.document_id is not None:
        source = await documents.get_resume(
            session=session, user_id=user_id, document_id=request.document_id
        )
    assert source is not None, "the schema requires a document_id or a resume"

    generation = Generation(
        id=uuid.uuid4(),
        user_id=user_id,
        document_id=request.document_id,
        idempotency_key=idempotency_key,
        request_sha256=digest if idempotency_key else None,
        kind=request.kind.value,
        template=request.template,
        paper=request.paper.value,
        provider=provider,
        cost=settings.generation_costs[request.kind.value],
        status=GenerationStatus.queued.value,
        job_description=request.job_description,
        source_resume=source.model_dump(mode="json"),
        deadline_at=datetime.now(UTC) + timedelta(seconds=settings.generation_deadline_seconds),
    )
    try:
        session.add(generation)
        await session.flush()
        await billing.debit_tokens(
            session=session,
            user_id=user_id,
            amount=generation.cost,
            reason=f"generation:{generation.kind}",
            idempotency_key=f"generation:{generation.id}:debit",
            reference=f"generation:{generation.id}",
        )
        await enqueue_run(session=session, generation_id=generation.id)
        await session.commit()
    except IntegrityError:
        # A concurrent request with the same idempotency key committed first.
        await session.rollback()
        existing = await _by_idempotency_key(
            session=session, user_id=user_id, key=idempotency_key or ""
        )
        if existing is None:
            raise
        return _replayed(existing, digest), False
    except BaseException:
        await session.rollback()
        raise
    return generation, True


def request_digest(request: GenerationCreate) -> str:
    """SHA-256 of the request as validated (canonical JSON): key order and spacing aside."""
    canonical = json.dumps(request.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replayed(existing: Generation, digest: str) -> Generation:
    if existing.request_sha256 is not None and existing.request_sha256 != digest:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was first used with a different request; "
            "use a new key for a new request."
        )
    return existing


async def enqueue_run(*, session: AsyncSession, generation_id: uuid.UUID) -> None:
    """Defer the worker's job inside the caller's transaction (procrastinate's own SQL).

    The job exists if and only if the debit and the generation committed with it. The lock
    keeps two runs of one generation from overlapping.
    """
    await session.execute(
        text(
            "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW("
            ":queue, :task, 0, :lock, NULL::text, CAST(:args AS jsonb), NULL::timestamptz"
            ")::procrastinate_job_to_defer_v1])"
        ),
        {
            "queue": QUEUE,
            "task": TASK_NAME,
            "lock": f"generation:{generation_id}",
            "args": json.dumps({"generation_id": str(generation_id)}),
        },
    )


def _choose_provider(settings: Settings, requested: str | None) -> str:
    configured = [provider.value for provider in settings.configured_providers]
    provider = requested or settings.default_provider.value
    if provider not in configured:
        raise UnknownOption(
            f"The provider {provider!r} is not configured here; choose one of "
            f"{', '.join(configured)}."
        )
    return provider


async def _by_idempotency_key(
    *, session: AsyncSession, user_id: uuid.UUID, key: str
) -> Generation | None:
    return await session.scalar(
        select(Generation).where(Generation.user_id == user_id, Generation.idempotency_key == key)
    )


async def get_generation(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    generation_id: uuid.UUID,
    with_report: bool = False,
) -> Generation:
    """The user's generation; another user's is as absent as a missing one."""
    query = select(Generation).where(Generation.id == generation_id, Generation.user_id == user_id)
    if with_report:
        query = query.options(undefer(Generation.report))
    generation = await session.scalar(query)
    if generation is None:
        raise GenerationNotFound(f"No generation {generation_id}.")
    return generation


async def list_generations(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    status: GenerationStatus | None,
    limit: int,
    before: datetime | None,
) -> list[Generation]:
    """A page of the user's generations, newest first."""
    query = select(Generation).where(Generation.user_id == user_id)
    if status is not None:
        query = query.where(Generation.status == status.value)
    if before is not None:
        query = query.where(Generation.created_at < before)
    rows = await session.scalars(query.order_by(Generation.created_at.desc()).limit(limit))
    return list(rows)


async def files_of(
    *, session: AsyncSession, generation_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[GenerationFile]]:
    found: dict[uuid.UUID, list[GenerationFile]] = {gid: [] for gid in generation_ids}
    if not generation_ids:
        return found
    rows = await session.scalars(
        select(GenerationFile)
        .where(GenerationFile.generation_id.in_(generation_ids))
        .order_by(GenerationFile.name)
    )
    for row in rows:
        found[row.generation_id].append(row)
    return found


async def get_file(
    *, session: AsyncSession, user_id: uuid.UUID, generation_id: uuid.UUID, name: str
) -> tuple[Generation, GenerationFile]:
    generation = await get_generation(session=session, user_id=user_id, generation_id=generation_id)
    file = await session.scalar(
        select(GenerationFile)
        .options(undefer(GenerationFile.content))
        .where(GenerationFile.generation_id == generation_id, GenerationFile.name == name)
    )
    if file is None:
        raise FileNotFound(f"Generation {generation_id} has no file {name!r}.")
    return generation, file


async def delete_files(
    *, session: AsyncSession, user_id: uuid.UUID, generation_id: uuid.UUID
) -> None:
    """Remove the generation's artifacts; the record (and its ledger rows) stay."""
    await get_generation(session=session, user_id=user_id, generation_id=generation_id)
    await session.execute(
        delete(GenerationFile).where(GenerationFile.generation_id == generation_id)
    )
    await session.commit()


# --- the worker's side ------------------------------------------------------------------


async def load_run(*, session: AsyncSession, generation_id: uuid.UUID) -> GenerationRun | None:
    """The generation to run, or None when it has finished already (a duplicate delivery)."""
    generation = await session.scalar(
        select(Generation)
        .options(undefer(Generation.job_description), undefer(Generation.source_resume))
        .where(Generation.id == generation_id)
    )
    if generation is None or generation.finished_at is not None:
        return None
    return GenerationRun(
        id=generation.id,
        user_id=generation.user_id,
        kind=generation.kind,
        template=generation.template,
        paper=generation.paper,
        provider=generation.provider,
        job_description=generation.job_description,
        source_resume=Resume.model_validate(generation.source_resume),
        deadline_at=generation.deadline_at,
    )


async def mark_stage(
    *,
    session: AsyncSession,
    generation_id: uuid.UUID,
    status: GenerationStatus,
    attempt: bool = False,
) -> bool:
    """Move an unfinished generation to `status` and tell listeners; False if it has finished."""
    values: dict[str, Any] = {"status": status.value, "updated_at": _now_sql()}
    if attempt:
        values["attempts"] = Generation.attempts + 1
        values["started_at"] = text("coalesce(started_at, now())")
    moved = await session.scalar(
        update(Generation)
        .where(Generation.id == generation_id, Generation.finished_at.is_(None))
        .values(**values)
        .returning(Generation.id)
    )
    if moved is not None:
        await _notify(session=session, generation_id=generation_id, status=status)
    await session.commit()
    return moved is not None


async def succeed(
    *,
    session: AsyncSession,
    generation_id: uuid.UUID,
    artifacts: list[Artifact],
    report: dict[str, Any],
    job_title: str,
    company: str,
) -> bool:
    """Store the files and finish as succeeded; False if something else finished it first."""
    created_at = await session.scalar(
        update(Generation)
        .where(Generation.id == generation_id, Generation.finished_at.is_(None))
        .values(
            status=GenerationStatus.succeeded.value,
            error=None,
            report=report,
            job_title=job_title[:255],
            company=company[:255],
            finished_at=_now_sql(),
            updated_at=_now_sql(),
        )
        .returning(Generation.created_at)
    )
    if created_at is None:
        await session.rollback()
        return False
    # A run picked up again after a crash may have stored some files already.
    await session.execute(
        delete(GenerationFile).where(GenerationFile.generation_id == generation_id)
    )
    session.add_all(
        GenerationFile(
            generation_id=generation_id,
            name=artifact.name,
            media_type=artifact.media_type,
            size=len(artifact.content),
            sha256=artifact.sha256,
            content=artifact.content,
        )
        for artifact in artifacts
    )
    await _notify(session=session, generation_id=generation_id, status=GenerationStatus.succeeded)
    await session.commit()
    observe_generation_finished("succeeded", _seconds_since(created_at))
    return True


async def fail_and_refund(*, session: AsyncSession, generation_id: uuid.UUID, reason: str) -> bool:
    """Finish as failed with `reason` and refund the tokens, once; False if already finished."""
    row = (
        await session.execute(
            update(Generation)
            .where(Generation.id == generation_id, Generation.finished_at.is_(None))
            .values(
                status=GenerationStatus.failed.value,
                error=reason,
                finished_at=_now_sql(),
                updated_at=_now_sql(),
            )
            .returning(Generation.user_id, Generation.cost, Generation.created_at)
        )
    ).first()
    if row is None:
        await session.rollback()
        return False
    user_id, cost, created_at = row
    if cost > 0:
        await billing.credit_tokens(
            session=session,
            user_id=user_id,
            amount=cost,
            reason="refund",
            idempotency_key=f"generation:{generation_id}:refund",
            reference=f"generation:{generation_id}",
        )
    await _notify(session=session, generation_id=generation_id, status=GenerationStatus.failed)
    await session.commit()
    observe_generation_finished("failed", _seconds_since(created_at))
    return True


def _seconds_since(moment: datetime) -> float:
    return max(0.0, (datetime.now(UTC) - moment).total_seconds())


async def overdue_generations(*, session: AsyncSession, limit: int = 100) -> list[uuid.UUID]:
    rows = await session.scalars(
        select(Generation.id)
        .where(Generation.finished_at.is_(None), Generation.deadline_at < _now_sql())
        .limit(limit)
    )
    return list(rows)


async def record_usage(
    *, session: AsyncSession, user_id: uuid.UUID, generation_id: uuid.UUID, usage: Usage
) -> None:
    """Keep one provider call's tokens, latency, cost and outcome for the generation."""
    session.add(
        ApiUsage(
            user_id=user_id,
            generation_id=generation_id,
            provider=usage.provider,
            model=usage.model,
            prompt_tokens=usage.prompt_tokens,
            output_tokens=usage.output_tokens,
            latency_ms=usage.latency_ms,
            cost_usd=usage.cost_usd,
            outcome=str(usage.outcome),
        )
    )
    await session.commit()


async def person_name(*, session: AsyncSession, generation_id: uuid.UUID) -> str:
    """The name on the source résumé, for download file names."""
    name = await session.scalar(
        select(Generation.source_resume["basics"]["name"].astext).where(
            Generation.id == generation_id
        )
    )
    return name or ""


async def current_status(
    *, session: AsyncSession, generation_id: uuid.UUID
) -> GenerationStatus | None:
    status = await session.scalar(select(Generation.status).where(Generation.id == generation_id))
    return GenerationStatus(status) if status else None


async def _notify(
    *, session: AsyncSession, generation_id: uuid.UUID, status: GenerationStatus
) -> None:
    """Tell every listener (any process) the new status; delivered when the transaction commits."""
    payload = json.dumps({"id": str(generation_id), "status": status.value})
    await session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": EVENTS_CHANNEL, "payload": payload},
    )


def _now_sql() -> Any:
    return text("now()")
