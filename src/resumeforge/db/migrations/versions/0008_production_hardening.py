"""e-mail lookup key; the request an idempotency key was first used with

`users.email_key` is the address as sign-up and sign-in both spell it (NFC, case-folded,
ASCII domain): it replaces the lower(email) index, which folded neither accents nor Unicode
case. `generations.request_sha256` lets a reused Idempotency-Key with another body be refused.

Revision ID: 0008
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resumeforge.accounts.emails import email_key

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("email_key", sa.String(length=320), nullable=True))
    bind = op.get_bind()
    users = bind.execute(sa.text("SELECT id, email FROM users")).all()
    for user_id, email in users:
        bind.execute(
            sa.text("UPDATE users SET email_key = :key WHERE id = :id"),
            {"key": email_key(email), "id": user_id},
        )
    op.alter_column("users", "email_key", nullable=False)
    op.drop_index("uq_users_email_lower", table_name="users")
    op.create_index("uq_users_email_key", "users", ["email_key"], unique=True)
    op.add_column("generations", sa.Column("request_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("generations", "request_sha256")
    op.drop_index("uq_users_email_key", table_name="users")
    op.create_index(
        "uq_users_email_lower", "users", [sa.literal_column("lower(email)")], unique=True
    )
    op.drop_column("users", "email_key")
