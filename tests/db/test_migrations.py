"""Every migration applies up and down on an empty database, and the models match the schema."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from resumeforge.db import migrate
from resumeforge.db.engine import libpq_url
from resumeforge.db.models import Base
from tests.databases import throwaway_database
from tests.loopback import free_port


@pytest.fixture
def empty_database() -> Iterator[str]:
    with throwaway_database("resumeforge_migrations", migrated=False) as url:
        yield url


def _tables(url: str) -> set[str]:
    with psycopg.connect(libpq_url(url)) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        return {row[0] for row in rows}


def test_every_migration_goes_up_and_down(empty_database: str) -> None:
    migrate.upgrade(empty_database)
    assert migrate.current_revision(empty_database) == migrate.head_revision()
    assert {"users", "refresh_tokens", "generations", "api_usage", "token_ledger"} <= _tables(
        empty_database
    )
    assert "procrastinate_jobs" in _tables(empty_database)

    migrate.downgrade(empty_database, "base")
    assert migrate.current_revision(empty_database) is None
    assert _tables(empty_database) <= {"alembic_version"}

    migrate.upgrade(empty_database)  # and up again, from a downgraded database
    assert migrate.current_revision(empty_database) == migrate.head_revision()


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": lambda name, kind, _: not str(name).startswith("procrastinate")},
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == [], "a model changed without a migration: add one"


def test_serve_without_a_database_says_so_and_exits_1() -> None:
    closed = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgresql://postgres@127.0.0.1:{closed}/none",
        "DB_STARTUP_WAIT_SECONDS": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "resumeforge", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "PostgreSQL did not answer within 1 s" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_downgrade_past_0009_refuses_to_drop_a_deleted_accounts_purchase(
    empty_database: str,
) -> None:
    migrate.upgrade(empty_database)
    with psycopg.connect(libpq_url(empty_database), autocommit=True) as connection:
        user_id = connection.execute(
            "INSERT INTO users (id, email, email_key, password_hash) "
            "VALUES (gen_random_uuid(), 'a@example.com', 'a@example.com', 'x') RETURNING id"
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO purchases (id, user_id, pack, tokens, amount, currency) "
            "VALUES (gen_random_uuid(), %s, 'starter', 10, 900, 'usd')",
            (user_id,),
        )
        connection.execute("DELETE FROM users")
    with pytest.raises(RuntimeError, match="Purchases of deleted accounts: 1"):
        migrate.downgrade(empty_database, "0008")
    assert migrate.current_revision(empty_database) == migrate.head_revision()
    with psycopg.connect(libpq_url(empty_database)) as connection:
        assert connection.execute("SELECT count(*) FROM purchases").fetchone() == (1,)
