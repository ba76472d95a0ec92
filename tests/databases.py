"""Throwaway PostgreSQL databases for tests and benchmarks.

The server is TEST_DATABASE_URL when set (CI points it at the machine's PostgreSQL), else an
embedded one under .data/. Each throwaway database is created new and dropped at the end.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from resumeforge.db import migrate
from resumeforge.db.embedded import start_embedded_postgres
from resumeforge.db.engine import libpq_url, sqlalchemy_url

ROOT = Path(__file__).resolve().parents[1]


def test_server_url() -> str:
    """The libpq URL of the server throwaway databases are made on."""
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        return libpq_url(sqlalchemy_url(configured))
    return start_embedded_postgres(ROOT / ".data" / "test-postgres", keep_running=True)


def with_database(server_url: str, name: str) -> str:
    """The server URL with its database name replaced (the path, before any query)."""
    base, _, query = server_url.partition("?")
    scheme_host, _, _ = base.rpartition("/")
    return f"{scheme_host}/{name}" + (f"?{query}" if query else "")


@contextmanager
def throwaway_database(prefix: str, *, migrated: bool = True) -> Iterator[str]:
    """A new database (migrated to head unless told otherwise); its SQLAlchemy URL."""
    server = test_server_url()
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin_url = with_database(server, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = sqlalchemy_url(with_database(server, name))
    try:
        if migrated:
            migrate.upgrade(url)
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
