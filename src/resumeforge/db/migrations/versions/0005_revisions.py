"""Revisions of a generation: the same tailoring replayed without the changes a user rejected

A generation keeps its plan (the edits, the job analysis, the letter) so a revision can be
rendered again without a provider call; files belong to a revision (0 is the original).

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "generations", sa.Column("plan", postgresql.JSONB(astext_type=sa.Text()), nullable=True)
    )
    op.add_column(
        "generation_files",
        sa.Column("revision", sa.Integer(), server_default="0", nullable=False),
    )
    op.drop_constraint(
        op.f("uq_generation_files_generation_id_name"), "generation_files", type_="unique"
    )
    op.create_unique_constraint(
        op.f("uq_generation_files_generation_id_revision_name"),
        "generation_files",
        ["generation_id", "revision", "name"],
    )
    op.create_table(
        "generation_revisions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("generation_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="queued", nullable=False),
        sa.Column("template", sa.String(length=32), nullable=False),
        sa.Column("reject", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("confirmed_keywords", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("report", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["generation_id"],
            ["generations.id"],
            name=op.f("fk_generation_revisions_generation_id_generations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generation_revisions")),
        sa.UniqueConstraint(
            "generation_id",
            "number",
            name=op.f("uq_generation_revisions_generation_id_number"),
        ),
    )


def downgrade() -> None:
    op.drop_table("generation_revisions")
    op.execute("DELETE FROM generation_files WHERE revision <> 0")
    op.drop_constraint(
        op.f("uq_generation_files_generation_id_revision_name"), "generation_files", type_="unique"
    )
    op.create_unique_constraint(
        op.f("uq_generation_files_generation_id_name"),
        "generation_files",
        ["generation_id", "name"],
    )
    op.drop_column("generation_files", "revision")
    op.drop_column("generations", "plan")
