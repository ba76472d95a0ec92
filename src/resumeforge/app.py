"""The FastAPI application factory: settings, database, middleware, error handlers, routers."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from resumeforge import __version__
from resumeforge.accounts.router import router as accounts_router
from resumeforge.billing.router import router as billing_router
from resumeforge.config import Settings, get_settings
from resumeforge.db.engine import (
    Database,
    connection_options,
    create_database,
    first_line,
    is_connection_error,
    wait_for_database,
)
from resumeforge.documents.parsing import start_workers, stop_workers
from resumeforge.documents.router import router as documents_router
from resumeforge.errors import (
    INTERNAL_ERROR,
    ServiceUnavailable,
    install_error_handlers,
    problem_response,
)
from resumeforge.generations.events import GenerationEvents
from resumeforge.generations.jobs import (
    WorkerRuntime,
    fail_overdue_generations,
    run_worker,
    sweep_forever,
)
from resumeforge.generations.router import router as generations_router
from resumeforge.notifications.router import router as notifications_router
from resumeforge.observability.health import router as health_router
from resumeforge.observability.hygiene import InputHygieneMiddleware
from resumeforge.observability.logging import configure_logging
from resumeforge.observability.metrics import router as metrics_router
from resumeforge.observability.middleware import RequestContextMiddleware
from resumeforge.ratelimit import RateLimits
from resumeforge.web.errors import install_page_errors
from resumeforge.web.pages import router as pages_router
from resumeforge.web.templating import mount_static

log = structlog.get_logger(__name__)


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    with_worker: bool = False,
) -> FastAPI:
    """Build the app. A `database` passed in is used as is (and not disposed of) — tests do.

    `with_worker` runs a generation worker inside this process, so one command serves all.
    """
    settings = settings or get_settings()
    configure_logging(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = database is None
        if owned:
            app.state.database = create_database(settings)
            app.state.generation_events = GenerationEvents(
                app.state.database.url, connection_options(settings)
            )
            await wait_for_database(
                app.state.database, within_seconds=settings.db_startup_wait_seconds
            )
            # The first upload should not wait for a parser process to start.
            await asyncio.to_thread(
                start_workers,
                1,
                memory_mb=settings.parse_memory_mb,
                pool_size=settings.parse_workers,
            )
        app.state.generation_events.start()
        if with_worker:
            runtime = WorkerRuntime(settings=settings, database=app.state.database)
            background = run_worker(runtime, install_signal_handlers=False)
        else:
            # Even with every worker gone, nothing paid for stays unfinished past its deadline.
            background = sweep_forever(
                lambda: fail_overdue_generations(app.state.database),
                every_seconds=settings.worker_stalled_seconds,
            )
        background_task = asyncio.create_task(background)
        # What start-up built lives as long as the process: keep it out of the collector's
        # full passes, which otherwise stall every request for tens of milliseconds.
        gc.collect()
        gc.freeze()
        log.info(
            "started",
            environment=settings.resumeforge_env.value,
            version=__version__,
            parse_memory_budget_mb=settings.parse_memory_budget_mb,
        )
        try:
            yield
        finally:
            background_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await background_task
            await app.state.generation_events.close()
            if owned:
                await asyncio.to_thread(stop_workers)
                await app.state.database.dispose()

    app = FastAPI(
        title="resumeforge",
        version=__version__,
        summary="Tailored résumés and cover letters that never invent a fact.",
        lifespan=lifespan,
        # /docs is a web page (Swagger UI's files served by this app); it and the OpenAPI
        # description are a setting (API_DOCS), off in production unless asked for.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs_enabled else None,
    )
    app.state.settings = settings
    app.state.rate_limits = RateLimits(settings)
    if database is not None:
        app.state.database = database
        app.state.generation_events = GenerationEvents(database.url, connection_options(settings))

    install_error_handlers(app)
    install_page_errors(app)
    app.add_exception_handler(DBAPIError, _on_database_error)
    app.add_exception_handler(PoolTimeout, _on_database_error)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    app.add_middleware(InputHygieneMiddleware)
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=settings.max_request_bytes,
        hsts=settings.is_production,
        slow_seconds=settings.slow_request_seconds,
    )

    app.include_router(health_router)
    app.include_router(metrics_router)
    app.include_router(accounts_router)
    app.include_router(documents_router)
    app.include_router(generations_router)
    app.include_router(billing_router)
    app.include_router(notifications_router)
    app.include_router(pages_router)
    mount_static(app)
    return app


def create_served_app() -> FastAPI:
    """The app as `resumeforge serve` runs it in each server process: settings from the
    environment, with the in-process worker unless SERVE_WITH_WORKER is false."""
    settings = get_settings()
    return create_app(settings, with_worker=settings.serve_with_worker)


async def _on_database_error(request: Request, error: Exception) -> JSONResponse:
    """A lost database is a 503 the client may retry; anything else is our bug, a 500."""
    if is_connection_error(error):
        log.warning("database unavailable", error_type=type(error).__name__)
        unavailable = ServiceUnavailable("The database is unavailable; try again shortly.")
        return problem_response(
            request,
            status=503,
            slug=unavailable.slug,
            title=unavailable.title,
            detail=unavailable.detail,
            headers=unavailable.headers,
        )
    log.error("database error", error_type=type(error).__name__, error=first_line(error))
    return problem_response(request, **INTERNAL_ERROR)
