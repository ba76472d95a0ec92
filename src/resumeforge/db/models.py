"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from resumeforge.accounts.models import BrowserSession, PasswordResetToken, RefreshToken, User
from resumeforge.billing.models import TokenLedgerEntry
from resumeforge.db.base import Base
from resumeforge.documents.models import Document
from resumeforge.generations.models import ApiUsage, Generation, GenerationFile

__all__ = [
    "ApiUsage",
    "Base",
    "BrowserSession",
    "Document",
    "Generation",
    "GenerationFile",
    "PasswordResetToken",
    "RefreshToken",
    "TokenLedgerEntry",
    "User",
]
