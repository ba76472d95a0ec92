"""The async engine, sessions, and what happens when PostgreSQL is slow to come or goes away."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import structlog
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from resumeforge.config import Settings
from resumeforge.db.embedded import start_embedded_postgres

log = structlog.get_logger(__name__)


class DatabaseUnavailable(Exception):
    """PostgreSQL could not be reached in time."""


@dataclass
class Database:
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    url: str

    async def dispose(self) -> None:
        await self.engine.dispose()


def sqlalchemy_url(url: str) -> str:
    """Accept the usual `postgres://` spellings and pick the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def libpq_url(url: str) -> str:
    """The same URL as libpq (psycopg, procrastinate) spells it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def resolve_database_url(settings: Settings) -> str:
    """`DATABASE_URL` when set, else the embedded server under the data directory."""
    if settings.database_url:
        return sqlalchemy_url(settings.database_url)
    return sqlalchemy_url(start_embedded_postgres(Path(settings.resumeforge_data_dir) / "postgres"))


def connection_options(settings: Settings) -> dict[str, Any]:
    """libpq's socket settings for every connection we open (pool, queue, listener).

    Keepalives find a peer that vanished while the connection idles; tcp_user_timeout one
    that vanished with our data unacknowledged. Both are ignored on a Unix socket.
    """
    socket_seconds = settings.db_socket_timeout_seconds
    return {
        "connect_timeout": max(1, round(settings.db_connect_timeout_seconds)),
        "keepalives": 1,
        "keepalives_idle": max(1, socket_seconds // 2),
        "keepalives_interval": max(1, socket_seconds // 6),
        "keepalives_count": 3,
        "tcp_user_timeout": socket_seconds * 1000,
    }


class BoundedSession(AsyncSession):
    """A session that takes its connection on entry, within `checkout_seconds` (pool wait,
    connect and ping together), or raises PoolTimeout, which the API answers with 503."""

    checkout_seconds: ClassVar[float] = 5.0

    async def __aenter__(self) -> BoundedSession:
        checkout = asyncio.ensure_future(self.connection())
        await within(checkout, self.checkout_seconds, then=self.close)
        return self


async def within(
    work: asyncio.Future[Any], seconds: float, *, then: Callable[[], Awaitable[Any]] | None = None
) -> Any:
    """`work`'s result if it ends within `seconds`, else PoolTimeout at once.

    Work that is late is left to end by itself (the sockets' TCP timeouts end it), then
    `then` runs: cancelling it instead would make psycopg cancel the query on the server,
    over the same lost network, for up to 10 s more.
    """
    done, _ = await asyncio.wait({work}, timeout=seconds)
    if work in done:
        return work.result()
    work.add_done_callback(lambda late: _after_late_work(late, then))
    raise PoolTimeout(f"the database did not answer within {seconds:g} s")


_late_cleanups: set[asyncio.Task[Any]] = set()


def _after_late_work(late: asyncio.Future[Any], then: Callable[[], Awaitable[Any]] | None) -> None:
    if not late.cancelled() and late.exception() is not None:
        log.info("late database work failed", error=first_line(late.exception()))  # type: ignore[arg-type]
    if then is not None:
        cleanup = asyncio.ensure_future(then())
        _late_cleanups.add(cleanup)
        cleanup.add_done_callback(_late_cleanups.discard)


def create_database(settings: Settings, url: str | None = None) -> Database:
    url = sqlalchemy_url(url or resolve_database_url(settings))
    options = f"-c statement_timeout={settings.db_statement_timeout_ms}"
    session_class = type(
        "Session", (BoundedSession,), {"checkout_seconds": settings.db_pool_timeout_seconds}
    )
    engine = create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout_seconds,
        # A connection that died with the server is noticed here and replaced, so a
        # restart of PostgreSQL costs the requests made while it was down, no more.
        pool_pre_ping=True,
        pool_recycle=1800,
        # Statement parameters are users' data (résumés, emails): never in an error or a log.
        hide_parameters=True,
        connect_args={**connection_options(settings), "options": options},
    )
    sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(
        engine, class_=session_class, expire_on_commit=False
    )
    return Database(engine=engine, sessions=sessions, url=url)


async def wait_for_database(database: Database, *, within_seconds: float) -> None:
    """Retry connecting with exponential backoff and jitter; raise DatabaseUnavailable."""
    deadline = time.monotonic() + within_seconds
    delay = 0.2
    attempt = 0
    while True:
        attempt += 1
        try:
            async with database.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            return
        except (DBAPIError, OSError, PoolTimeout) as error:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DatabaseUnavailable(
                    f"PostgreSQL did not answer within {within_seconds:.0f} s "
                    f"({attempt} attempts): {first_line(error)}"
                ) from None
            log.warning("database not ready, retrying", attempt=attempt, error=first_line(error))
            await asyncio.sleep(min(delay * random.uniform(0.5, 1.5), remaining))
            delay = min(delay * 2, 5.0)


def first_line(error: BaseException) -> str:
    """The first line of an error message: enough to say what failed, never the SQL."""
    message = str(getattr(error, "orig", None) or error).strip()
    return message.splitlines()[0] if message else type(error).__name__


def is_connection_error(error: BaseException) -> bool:
    """True when the error means the database is unreachable, not that a query was wrong."""
    if isinstance(error, PoolTimeout | ConnectionError):
        return True
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        import psycopg

        return isinstance(error.orig, psycopg.OperationalError | psycopg.InterfaceError)
    return False
