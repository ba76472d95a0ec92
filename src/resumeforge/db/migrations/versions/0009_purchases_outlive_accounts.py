"""purchases outlive their account: deleting a user sets `purchases.user_id` to NULL

A purchase is a financial record (what was paid, when, what was refunded); like the ledger
rows it is kept, without the person, when the account is erased.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_purchases_user_id_users"


def upgrade() -> None:
    op.drop_constraint(FOREIGN_KEY, "purchases", type_="foreignkey")
    op.alter_column("purchases", "user_id", nullable=True)
    op.create_foreign_key(
        FOREIGN_KEY, "purchases", "users", ["user_id"], ["id"], ondelete="SET NULL"
    )


def downgrade() -> None:
    # The old schema cannot hold a purchase without its account, and deleting financial
    # records to fit it is not a downgrade's call: refuse, saying what is in the way.
    detached = op.get_bind().scalar(sa.text("SELECT count(*) FROM purchases WHERE user_id IS NULL"))
    if detached:
        raise RuntimeError(
            f"Purchases of deleted accounts: {detached}. Revision 0008 requires every purchase "
            "to have its account: archive and remove these first to downgrade."
        )
    op.drop_constraint(FOREIGN_KEY, "purchases", type_="foreignkey")
    op.alter_column("purchases", "user_id", nullable=False)
    op.create_foreign_key(
        FOREIGN_KEY, "purchases", "users", ["user_id"], ["id"], ondelete="CASCADE"
    )
