"""E-mail addresses as people type them, and the one key that finds their account.

Sign-up and sign-in must agree on every spelling of an address: composed or decomposed
accents (NFC), any letter case (Unicode case folding, so "İnci" and "i̇nci" meet), and a
domain in Unicode or in its IDNA `xn--` form.
"""

from __future__ import annotations

import unicodedata

from email_validator import EmailNotValidError, validate_email


def normalise_email(email: str) -> str:
    """The address as we store and show it: validated spelling (NFC, Unicode domain)."""
    text = unicodedata.normalize("NFC", email.strip())
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return text


def email_key(email: str) -> str:
    """What two spellings of one address share: NFC, case-folded local part, ASCII domain."""
    text = unicodedata.normalize("NFC", email.strip())
    try:
        valid = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        # Not an address anyone could have registered: still a stable key, for the limits.
        return unicodedata.normalize("NFC", text.casefold())
    local = unicodedata.normalize("NFC", valid.local_part.casefold())
    return f"{local}@{valid.ascii_domain.lower()}"
