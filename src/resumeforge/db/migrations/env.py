"""Alembic environment: one PostgreSQL, the URL given by resumeforge.db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from resumeforge.db.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "resumeforge.db.migrate sets sqlalchemy.url"
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
