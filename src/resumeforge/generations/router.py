"""HTTP for generations: start (paid), list, read, follow (SSE), download, delete, revise
(free). Owner-only."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts.dependencies import CurrentUser, CurrentUserId, SessionDep, SettingsDep
from resumeforge.db.engine import Database
from resumeforge.generations import service
from resumeforge.generations.cache import GenerationCache
from resumeforge.generations.events import GenerationEvents
from resumeforge.generations.models import Generation, GenerationFile, GenerationRevision
from resumeforge.generations.schemas import (
    GenerationCreate,
    GenerationFileOut,
    GenerationOut,
    GenerationPage,
    GenerationStatus,
    RevisionCreate,
    RevisionOut,
)
from resumeforge.ratelimit import by_user

router = APIRouter(prefix="/api/v1/generations", tags=["generations"])

KEEPALIVE_SECONDS = 15.0


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=GenerationOut,
    dependencies=[Depends(by_user("generations"))],
)
async def start(
    body: GenerationCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header(max_length=255)] = None,
) -> GenerationOut:
    """Spend tokens and queue a generation. The same Idempotency-Key again charges nothing."""
    generation, created = await service.start_generation(
        session=session,
        settings=settings,
        user=user,
        request=body,
        idempotency_key=idempotency_key,
    )
    response.headers["Location"] = f"{router.prefix}/{generation.id}"
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    files = await service.files_of(session=session, generation_ids=[generation.id])
    return _out(generation, files[generation.id])


@router.get("", response_model=GenerationPage)
async def list_generations(
    user_id: CurrentUserId,
    session: SessionDep,
    status_filter: Annotated[GenerationStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    before: Annotated[datetime | None, Query(description="created_at cursor")] = None,
) -> GenerationPage:
    """Newest first; filter by status; page with `before`."""
    rows = await service.list_generations(
        session=session, user_id=user_id, status=status_filter, limit=limit, before=before
    )
    files = await service.files_of(session=session, generation_ids=[g.id for g in rows])
    cursor = rows[-1].created_at.isoformat() if len(rows) == limit else None
    return GenerationPage(items=[_out(g, files[g.id]) for g in rows], next_cursor=cursor)


@router.get("/{generation_id}", response_model=GenerationOut)
async def get_generation(
    generation_id: uuid.UUID, user_id: CurrentUserId, request: Request
) -> Response:
    """The generation with its files and, once finished, its report."""
    cache: GenerationCache = request.app.state.generation_events.cache
    key = str(generation_id)
    cached = cache.get(key, user_id)
    if cached is None:
        version = cache.version()
        # A session only on a miss: this is the most polled route, and most polls hit.
        database: Database = request.app.state.database
        async with database.sessions() as session:
            generation = await service.get_generation(
                session=session, user_id=user_id, generation_id=generation_id, with_report=True
            )
            files = await service.files_of(session=session, generation_ids=[generation.id])
            revisions = await service.revisions_of(session=session, generation_id=generation.id)
        body = _out(generation, files[generation.id], with_report=True)
        body.revisions = [_revision_out(generation.id, r, f) for r, f in revisions]
        cached = body.model_dump_json().encode()
        cache.put(key, user_id, cached, version=version)
    return Response(cached, media_type="application/json")


@router.get(
    "/{generation_id}/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def follow(
    generation_id: uuid.UUID,
    request: Request,
    user_id: CurrentUserId,
    session: SessionDep,
    settings: SettingsDep,
) -> StreamingResponse:
    """Server-Sent Events: one `status` event per change, until succeeded or failed."""
    await service.get_generation(session=session, user_id=user_id, generation_id=generation_id)
    await session.close()  # the stream may last minutes: give the connection back now
    events: GenerationEvents = request.app.state.generation_events
    database = request.app.state.database
    return StreamingResponse(
        _status_stream(
            generation_id, events, database, fallback_seconds=settings.events_fallback_poll_seconds
        ),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _status_stream(
    generation_id: uuid.UUID,
    events: GenerationEvents,
    database: Database,
    *,
    fallback_seconds: float,
) -> AsyncIterator[str]:
    """Each NOTIFY'd status as it comes; without one for `fallback_seconds` (when not 0),
    the status is read again in case a notification was lost."""
    wait = fallback_seconds or KEEPALIVE_SECONDS

    async def read_status() -> GenerationStatus | None:
        async with database.sessions() as session:
            return await service.current_status(session=session, generation_id=generation_id)

    async with events.subscribe(str(generation_id)) as updates:
        # Subscribed first, read second: no change can slip between the two.
        last = await read_status()
        if last is not None:
            yield _sse(generation_id, last)
        quiet = 0.0
        while last is not None and not last.is_terminal:
            try:
                current: GenerationStatus | None = GenerationStatus(
                    await asyncio.wait_for(updates.get(), wait)
                )
                quiet = 0.0
            except TimeoutError:
                current = await read_status() if fallback_seconds else last
                quiet += wait
                if quiet >= KEEPALIVE_SECONDS:
                    quiet = 0.0
                    yield ": keep-alive\n\n"
            if current is not None and current != last:
                last = current
                yield _sse(generation_id, current)


def _sse(generation_id: uuid.UUID, status: GenerationStatus) -> str:
    data = json.dumps({"id": str(generation_id), "status": status.value})
    return f"event: status\ndata: {data}\n\n"


@router.get("/{generation_id}/files/{name}")
async def download(
    generation_id: uuid.UUID, name: str, user_id: CurrentUserId, session: SessionDep
) -> Response:
    return await _download(session, user_id, generation_id, name, revision=0)


@router.post(
    "/{generation_id}/revisions",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=RevisionOut,
    dependencies=[Depends(by_user("generations"))],
)
async def revise(
    generation_id: uuid.UUID,
    body: RevisionCreate,
    user_id: CurrentUserId,
    session: SessionDep,
    response: Response,
) -> RevisionOut:
    """Render the generation again without the rejected changes, free; a worker renders it."""
    revision = await service.create_revision(
        session=session, user_id=user_id, generation_id=generation_id, request=body
    )
    out = _revision_out(generation_id, revision, [])
    response.headers["Location"] = out.url
    return out


@router.get("/{generation_id}/revisions/{number}", response_model=RevisionOut)
async def get_revision(
    generation_id: uuid.UUID,
    number: Annotated[int, Path(ge=1, le=service.MAX_REVISIONS)],
    user_id: CurrentUserId,
    session: SessionDep,
) -> RevisionOut:
    """One revision: its status, files and report."""
    revision, files = await service.get_revision(
        session=session, user_id=user_id, generation_id=generation_id, number=number
    )
    return _revision_out(generation_id, revision, files, with_report=True)


@router.get("/{generation_id}/revisions/{number}/files/{name}")
async def download_revision_file(
    generation_id: uuid.UUID,
    number: Annotated[int, Path(ge=1, le=service.MAX_REVISIONS)],
    name: str,
    user_id: CurrentUserId,
    session: SessionDep,
) -> Response:
    return await _download(session, user_id, generation_id, name, revision=number)


async def _download(
    session: AsyncSession, user_id: uuid.UUID, generation_id: uuid.UUID, name: str, revision: int
) -> Response:
    generation, file = await service.get_file(
        session=session, user_id=user_id, generation_id=generation_id, name=name, revision=revision
    )
    person = await service.person_name(session=session, generation_id=generation.id)
    filename = download_name(person, generation, file)
    disposition = f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"
    return Response(
        content=file.content,
        media_type=file.media_type,
        headers={
            "Content-Disposition": disposition,
            "ETag": f'"{file.sha256}"',
            # A résumé is personal data: no cache, the browser's included, keeps it.
            "Cache-Control": "no-store",
        },
    )


@router.delete("/{generation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_files(
    generation_id: uuid.UUID, user_id: CurrentUserId, session: SessionDep
) -> Response:
    """Remove the generation's files; the record of what was spent stays."""
    await service.delete_files(session=session, user_id=user_id, generation_id=generation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _out(
    generation: Generation, files: list[GenerationFile], *, with_report: bool = False
) -> GenerationOut:
    # Field by field: `report` is deferred, and read only when it was asked for.
    plain = {
        name: getattr(generation, name)
        for name in GenerationOut.model_fields
        if name not in {"files", "report", "revisions"}
    }
    out = GenerationOut.model_validate(plain)
    out.files = _files_out(files, url=f"{router.prefix}/{generation.id}")
    out.report = generation.report if with_report else None
    return out


def _revision_out(
    generation_id: uuid.UUID,
    revision: GenerationRevision,
    files: list[GenerationFile],
    *,
    with_report: bool = False,
) -> RevisionOut:
    # `report` is deferred, as a generation's: read only when it was asked for.
    url = f"{router.prefix}/{generation_id}/revisions/{revision.number}"
    return RevisionOut(
        number=revision.number,
        status=revision.status,
        template=revision.template,
        reject=revision.reject,
        confirmed_keywords=revision.confirmed_keywords,
        error=revision.error,
        created_at=revision.created_at,
        finished_at=revision.finished_at,
        url=url,
        files=_files_out(files, url=url),
        report=revision.report if with_report else None,
    )


def _files_out(files: list[GenerationFile], *, url: str) -> list[GenerationFileOut]:
    """The files of the generation or revision at `url`, each with its download URL."""
    return [
        GenerationFileOut(
            name=f.name,
            media_type=f.media_type,
            size=f.size,
            sha256=f.sha256,
            url=f"{url}/files/{f.name}",
        )
        for f in files
    ]


FILE_LABELS = {"cover-letter": "Cover-Letter", "report": "Report", "resume": ""}


def download_name(person: str, generation: Generation, file: GenerationFile) -> str:
    """E.g. `Jane-Doe-Acme-Backend-Engineer.pdf`: who, where, what, then the file's kind."""
    stem, _, extension = file.name.rpartition(".")
    words = [person, generation.company, generation.job_title, FILE_LABELS.get(stem, stem)]
    if file.revision:
        words.append(f"Revision {file.revision}")
    slug = "-".join(part for part in (_slug(word) for word in words) if part)
    return f"{slug or 'resumeforge'}.{extension}"


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[A-Za-z0-9]+", text))[:80]
