"""a document's corrected résumé beside its parse; a generation's page limit

`documents.corrected_resume` holds the résumé as the user corrected it (NULL while they have
not), so the original parse in `documents.resume` is never overwritten. `generations.max_pages`
is the page limit the user asked for (NULL: the original's own page count).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("corrected_resume", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column("documents", sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("generations", sa.Column("max_pages", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("generations", "max_pages")
    op.drop_column("documents", "edited_at")
    op.drop_column("documents", "corrected_resume")
