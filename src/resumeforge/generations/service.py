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
from resumeforge.ai.tailoring import confirmed_keywords, with_confirmed_keywords
from resumeforge.billing import service as billing
from resumeforge.config import Settings
from resumeforge.db.queue import defer_job
from resumeforge.documents import service as documents
from resumeforge.errors import Conflict, NotFound, UnprocessableContent
from resumeforge.generations.models import (
    ApiUsage,
    Generation,
    GenerationFile,
    GenerationRevision,
)
from resumeforge.generations.schemas import (
    GenerationCreate,
    GenerationStatus,
    RevisionCreate,
    RevisionStatus,
)
from resumeforge.notifications import service as notifications
from resumeforge.observability.metrics import observe_generation_finished
from resumeforge.rendering.service import TEMPLATES, pages_to_fit
from resumeforge.resume.checks import require_tailorable
from resumeforge.resume.schemas import Resume

QUEUE = "generations"
TASK_NAME = "run_generation"
REVISION_TASK_NAME = "run_revision"
MAX_REVISIONS = 20
EVENTS_CHANNEL = "generation_events"
# How a generation's kind reads in a sentence ("Your cover letter could not be written").
KIND_NAMES = {"resume": "résumé", "cover_letter": "cover letter", "both": "résumé and cover letter"}


class GenerationNotFound(NotFound):
    slug, title = "generation-not-found", "Generation not found"


class FileNotFound(NotFound):
    slug, title = "file-not-found", "File not found"


class UnknownOption(UnprocessableContent):
    slug, title = "unknown-option", "Unknown option"


class UnknownChanges(UnprocessableContent):
    slug, title = "unknown-change", "Unknown change"


class NotRevisable(Conflict):
    slug, title = "generation-not-revisable", "This generation cannot be revised"


class TooManyRevisions(Conflict):
    slug, title = "too-many-revisions", "Too many revisions"


class RevisionNotFound(NotFound):
    slug, title = "revision-not-found", "Revision not found"


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
class Rendering:
    """What to render and how: the generation's kind, template, paper and page limit. A
    revision renders as its generation did, in its own template."""

    kind: str
    template: str
    paper: str
    # The page limit asked for, else the original PDF's page count; None: as the source renders.
    fit_pages: int | None = None


def rendering_of(generation: Generation, source: Resume, *, template: str = "") -> Rendering:
    """How `generation` renders (in `template` for a revision that chose another)."""
    return Rendering(
        kind=generation.kind,
        template=template or generation.template,
        paper=generation.paper,
        fit_pages=pages_to_fit(source.meta.pages, generation.max_pages),
    )


@dataclass(frozen=True)
class GenerationRun:
    """What a worker needs to run one generation."""

    id: uuid.UUID
    user_id: uuid.UUID
    provider: str
    job_description: str
    source_resume: Resume
    deadline_at: datetime
    rendering: Rendering


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
    require_tailorable(source)  # before the debit: a résumé with nothing to tailor costs nothing
    source = with_confirmed_keywords(source, request.confirmed_keywords)

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
        max_pages=request.max_pages,
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
            packs=billing.offer_for_insufficient_tokens(settings),
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
    """Defer the worker's job inside the caller's transaction.

    The job exists if and only if the debit and the generation committed with it. The lock
    keeps two runs of one generation from overlapping.
    """
    await defer_job(
        session=session,
        queue=QUEUE,
        task=TASK_NAME,
        lock=f"generation:{generation_id}",
        args={"generation_id": str(generation_id)},
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
        .where(GenerationFile.generation_id.in_(generation_ids), GenerationFile.revision == 0)
        .order_by(GenerationFile.name)
    )
    for row in rows:
        found[row.generation_id].append(row)
    return found


async def get_file(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    generation_id: uuid.UUID,
    name: str,
    revision: int = 0,
) -> tuple[Generation, GenerationFile]:
    """One file of the user's generation, or of its revision `revision` (0: the original)."""
    generation = await get_generation(session=session, user_id=user_id, generation_id=generation_id)
    file = await session.scalar(
        select(GenerationFile)
        .options(undefer(GenerationFile.content))
        .where(
            GenerationFile.generation_id == generation_id,
            GenerationFile.revision == revision,
            GenerationFile.name == name,
        )
    )
    if file is None:
        where = f"revision {revision} of generation" if revision else "generation"
        raise FileNotFound(f"The {where} {generation_id} has no file {name!r}.")
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
    source = Resume.model_validate(generation.source_resume)
    return GenerationRun(
        id=generation.id,
        user_id=generation.user_id,
        provider=generation.provider,
        job_description=generation.job_description,
        source_resume=source,
        deadline_at=generation.deadline_at,
        rendering=rendering_of(generation, source),
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
    plan: dict[str, Any] | None = None,
) -> bool:
    """Store the files and finish as succeeded; False if something else finished it first."""
    created_at = await session.scalar(
        update(Generation)
        .where(Generation.id == generation_id, Generation.finished_at.is_(None))
        .values(
            status=GenerationStatus.succeeded.value,
            error=None,
            report=report,
            plan=plan,
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
        delete(GenerationFile).where(
            GenerationFile.generation_id == generation_id, GenerationFile.revision == 0
        )
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
            .returning(Generation.user_id, Generation.cost, Generation.kind, Generation.created_at)
        )
    ).first()
    if row is None:
        await session.rollback()
        return False
    user_id, cost, kind, created_at = row
    if cost > 0:
        await billing.credit_tokens(
            session=session,
            user_id=user_id,
            amount=cost,
            reason="refund",
            idempotency_key=f"generation:{generation_id}:refund",
            reference=f"generation:{generation_id}",
        )
    await notifications.notify(
        session=session,
        user_id=user_id,
        kind=notifications.NotificationKind.generation_failed,
        context={
            "generation_id": str(generation_id),
            "kind": KIND_NAMES.get(kind, kind),
            "reason": reason,
            "refunded": cost,
        },
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


async def generations_with_files(
    *, session: AsyncSession, user_id: uuid.UUID
) -> list[tuple[Generation, list[GenerationFile]]]:
    """Every generation of the user with its job, report and files: for the account's export."""
    generations = list(
        await session.scalars(
            select(Generation)
            .options(undefer(Generation.report), undefer(Generation.job_description))
            .where(Generation.user_id == user_id)
            .order_by(Generation.created_at)
        )
    )
    files = await session.scalars(
        select(GenerationFile)
        .options(undefer(GenerationFile.content))
        .where(GenerationFile.generation_id.in_([g.id for g in generations]))
        .order_by(GenerationFile.name)
    )
    by_generation: dict[uuid.UUID, list[GenerationFile]] = {g.id: [] for g in generations}
    for file in files:
        by_generation[file.generation_id].append(file)
    return [(g, by_generation[g.id]) for g in generations]


# --- revisions: the same generation again, without the changes the user rejected ---------


@dataclass(frozen=True)
class RevisionRun:
    """What a worker needs to render one revision."""

    id: uuid.UUID
    generation_id: uuid.UUID
    number: int
    source_resume: Resume
    plan: dict[str, Any]
    reject: list[str]
    confirmed_keywords: list[str]
    rendering: Rendering


async def create_revision(
    *,
    session: AsyncSession,
    user_id: uuid.UUID,
    generation_id: uuid.UUID,
    request: RevisionCreate,
) -> GenerationRevision:
    """Queue a free re-render of the user's finished generation without `request.reject`.

    No tokens move: the plan the paid run made is replayed, no provider is called. The
    generation's row is locked so concurrent requests number their revisions one by one.
    """
    generation = await session.scalar(
        select(Generation)
        .options(undefer(Generation.report), undefer(Generation.source_resume))
        .where(Generation.id == generation_id, Generation.user_id == user_id)
        .with_for_update()
    )
    if generation is None:
        raise GenerationNotFound(f"No generation {generation_id}.")
    has_plan = await session.scalar(
        select(Generation.plan.is_not(None)).where(Generation.id == generation_id)
    )
    if generation.status != GenerationStatus.succeeded.value or not has_plan:
        raise NotRevisable(
            "Only a generation that succeeded (since revisions exist) can be revised; "
            f"this one is {generation.status}."
        )
    template = request.template or generation.template
    if template not in TEMPLATES:
        raise UnknownOption(f"Unknown template {template!r}; choose one of {', '.join(TEMPLATES)}.")
    earlier = await _revisions(session=session, generation_id=generation_id, with_report=True)
    if len(earlier) >= MAX_REVISIONS:
        raise TooManyRevisions(f"A generation keeps at most {MAX_REVISIONS} revisions.")
    reject = list(dict.fromkeys(request.reject))
    _check_change_ids(reject, [generation.report, *(r.report for r in earlier)])
    confirmed = request.confirmed_keywords
    if confirmed is None:
        confirmed = confirmed_keywords(Resume.model_validate(generation.source_resume))
    revision = GenerationRevision(
        id=uuid.uuid4(),
        generation_id=generation_id,
        number=max((r.number for r in earlier), default=0) + 1,
        status=RevisionStatus.queued.value,
        template=template,
        reject=reject,
        confirmed_keywords=confirmed,
    )
    session.add(revision)
    await session.flush()
    await defer_job(
        session=session,
        queue=QUEUE,
        task=REVISION_TASK_NAME,
        lock=f"revision:{revision.id}",
        args={"revision_id": str(revision.id)},
    )
    # The generation's answer now lists one more revision: every replica's cache drops it.
    await _notify(session=session, generation_id=generation_id, status=GenerationStatus.succeeded)
    await session.commit()
    return revision


def _check_change_ids(reject: list[str], reports: list[dict[str, Any] | None]) -> None:
    """Every id must name a change this generation made (or a revision left out)."""
    known: set[str] = set()
    for report in reports:
        for change in [*(report or {}).get("changes", []), *(report or {}).get("undone", [])]:
            if change.get("source", "engine") == "engine":
                known.add(str(change.get("id", "")))
    unknown = [change_id for change_id in reject if change_id not in known]
    if unknown:
        raise UnknownChanges(
            f"No change of this generation has the id {', '.join(map(repr, unknown[:10]))}. "
            "Use the ids in report.changes; confirmed keywords are removed through "
            "confirmed_keywords instead."
        )


async def _revisions(
    *, session: AsyncSession, generation_id: uuid.UUID, with_report: bool = False
) -> list[GenerationRevision]:
    query = select(GenerationRevision).where(GenerationRevision.generation_id == generation_id)
    if with_report:
        query = query.options(undefer(GenerationRevision.report))
    rows = await session.scalars(query.order_by(GenerationRevision.number))
    return list(rows)


async def revisions_of(
    *, session: AsyncSession, generation_id: uuid.UUID
) -> list[tuple[GenerationRevision, list[GenerationFile]]]:
    """The generation's revisions, oldest first, each with its files."""
    revisions = await _revisions(session=session, generation_id=generation_id)
    if not revisions:
        return []
    rows = await session.scalars(
        select(GenerationFile)
        .where(GenerationFile.generation_id == generation_id, GenerationFile.revision > 0)
        .order_by(GenerationFile.name)
    )
    files: dict[int, list[GenerationFile]] = {}
    for row in rows:
        files.setdefault(row.revision, []).append(row)
    return [(revision, files.get(revision.number, [])) for revision in revisions]


async def get_revision(
    *, session: AsyncSession, user_id: uuid.UUID, generation_id: uuid.UUID, number: int
) -> tuple[GenerationRevision, list[GenerationFile]]:
    """One revision of the user's generation, with its report and files."""
    await get_generation(session=session, user_id=user_id, generation_id=generation_id)
    revision = await session.scalar(
        select(GenerationRevision)
        .options(undefer(GenerationRevision.report))
        .where(
            GenerationRevision.generation_id == generation_id,
            GenerationRevision.number == number,
        )
    )
    if revision is None:
        raise RevisionNotFound(f"Generation {generation_id} has no revision {number}.")
    files = await session.scalars(
        select(GenerationFile)
        .where(GenerationFile.generation_id == generation_id, GenerationFile.revision == number)
        .order_by(GenerationFile.name)
    )
    return revision, list(files)


async def load_revision(*, session: AsyncSession, revision_id: uuid.UUID) -> RevisionRun | None:
    """The revision to render, or None when it has finished already (a duplicate delivery)."""
    row = (
        await session.execute(
            select(GenerationRevision, Generation)
            .join(Generation, Generation.id == GenerationRevision.generation_id)
            .options(undefer(Generation.source_resume), undefer(Generation.plan))
            .where(GenerationRevision.id == revision_id)
        )
    ).first()
    if row is None:
        return None
    revision, generation = row
    if revision.finished_at is not None or generation.plan is None:
        return None
    source = Resume.model_validate(generation.source_resume)
    return RevisionRun(
        id=revision.id,
        generation_id=generation.id,
        number=revision.number,
        source_resume=source,
        plan=generation.plan,
        reject=list(revision.reject),
        confirmed_keywords=list(revision.confirmed_keywords),
        rendering=rendering_of(generation, source, template=revision.template),
    )


async def mark_revision_rendering(*, session: AsyncSession, run: RevisionRun) -> None:
    await session.execute(
        update(GenerationRevision)
        .where(GenerationRevision.id == run.id, GenerationRevision.finished_at.is_(None))
        .values(status=RevisionStatus.rendering.value)
    )
    # The generation's answer lists its revisions' statuses: drop it from every cache.
    await _notify(
        session=session, generation_id=run.generation_id, status=GenerationStatus.succeeded
    )
    await session.commit()


async def finish_revision(
    *,
    session: AsyncSession,
    run: RevisionRun,
    artifacts: list[Artifact],
    report: dict[str, Any],
) -> None:
    """Store the revision's files and mark it succeeded, replacing any from a crashed try."""
    await session.execute(
        delete(GenerationFile).where(
            GenerationFile.generation_id == run.generation_id,
            GenerationFile.revision == run.number,
        )
    )
    session.add_all(
        GenerationFile(
            generation_id=run.generation_id,
            revision=run.number,
            name=artifact.name,
            media_type=artifact.media_type,
            size=len(artifact.content),
            sha256=artifact.sha256,
            content=artifact.content,
        )
        for artifact in artifacts
    )
    await session.execute(
        update(GenerationRevision)
        .where(GenerationRevision.id == run.id)
        .values(status=RevisionStatus.succeeded.value, report=report, finished_at=_now_sql())
    )
    await _notify(
        session=session, generation_id=run.generation_id, status=GenerationStatus.succeeded
    )
    await session.commit()


async def fail_revision(*, session: AsyncSession, run: RevisionRun, reason: str) -> None:
    await session.execute(
        update(GenerationRevision)
        .where(GenerationRevision.id == run.id, GenerationRevision.finished_at.is_(None))
        .values(status=RevisionStatus.failed.value, error=reason, finished_at=_now_sql())
    )
    await _notify(
        session=session, generation_id=run.generation_id, status=GenerationStatus.succeeded
    )
    await session.commit()
