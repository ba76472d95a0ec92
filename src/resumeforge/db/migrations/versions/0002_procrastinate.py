"""procrastinate's job queue schema, in the same database as everything else

The job is deferred in the same transaction as the token debit, so the queue must live here.
The SQL comes from the pinned procrastinate version (constraints.txt); a procrastinate upgrade
brings its own migration scripts, applied as new revisions after this one.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op
from procrastinate.schema import SchemaManager

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
)
TYPES = (
    "procrastinate_job_event_type",
    "procrastinate_job_status",
    "procrastinate_job_to_defer_v1",
)


def upgrade() -> None:
    # Straight to psycopg: the schema's '%' signs must not be read as parameter markers.
    driver_connection = op.get_bind().connection.driver_connection
    assert driver_connection is not None  # a live bind always holds a psycopg connection
    driver_connection.execute(SchemaManager.get_schema())


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
    functions = bind.exec_driver_sql(
        "SELECT p.oid::regprocedure::text FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND starts_with(p.proname, 'procrastinate_')"
    ).scalars()
    for function in list(functions):
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function} CASCADE")
    for type_name in TYPES:
        bind.exec_driver_sql(f"DROP TYPE IF EXISTS {type_name} CASCADE")
