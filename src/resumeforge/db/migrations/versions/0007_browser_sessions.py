"""Browser sessions, password reset tokens; ledger rows outlive a deleted account

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _token_table(name: str, *extra: sa.Column[object]) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        *extra,
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f(f"fk_{name}_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("token_hash", name=op.f(f"uq_{name}_token_hash")),
    )
    op.create_index(op.f(f"ix_{name}_user_id"), name, ["user_id"], unique=False)


def upgrade() -> None:
    _token_table(
        "browser_sessions", sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True)
    )
    _token_table(
        "password_reset_tokens", sa.Column("used_at", sa.DateTime(timezone=True), nullable=True)
    )
    # A deleted account's ledger rows stay, anonymised, as financial records.
    op.alter_column("token_ledger", "user_id", existing_type=sa.UUID(), nullable=True)
    op.drop_constraint("fk_token_ledger_user_id_users", "token_ledger", type_="foreignkey")
    op.create_foreign_key(
        "fk_token_ledger_user_id_users",
        "token_ledger",
        "users",
        ["user_id"],
        ["id"],
        ondelete="SET NULL",
    )


def downgrade() -> None:
    op.drop_constraint("fk_token_ledger_user_id_users", "token_ledger", type_="foreignkey")
    op.execute("DELETE FROM token_ledger WHERE user_id IS NULL")
    op.create_foreign_key(
        "fk_token_ledger_user_id_users",
        "token_ledger",
        "users",
        ["user_id"],
        ["id"],
        ondelete="CASCADE",
    )
    op.alter_column("token_ledger", "user_id", existing_type=sa.UUID(), nullable=False)
    op.drop_table("password_reset_tokens")
    op.drop_table("browser_sessions")
