"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from resumeforge.accounts.models import BrowserSession, PasswordResetToken, RefreshToken, User
from resumeforge.billing.models import (
    BillingAccount,
    Purchase,
    StripeCharge,
    StripeEvent,
    TokenLedgerEntry,
)
from resumeforge.db.base import Base
from resumeforge.documents.models import Document
from resumeforge.generations.models import ApiUsage, Generation, GenerationFile
from resumeforge.notifications.models import Notification, OutgoingMail

__all__ = [
    "ApiUsage",
    "Base",
    "BillingAccount",
    "BrowserSession",
    "Document",
    "Generation",
    "GenerationFile",
    "Notification",
    "OutgoingMail",
    "PasswordResetToken",
    "Purchase",
    "RefreshToken",
    "StripeCharge",
    "StripeEvent",
    "TokenLedgerEntry",
    "User",
]
