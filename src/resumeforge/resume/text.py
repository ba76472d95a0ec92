"""Text that can be stored and printed: no NUL characters, no lone UTF-16 surrogates.

Both are legal in a JSON string and in a Python str, and both are refused by PostgreSQL
(and by any UTF-8 encoder), so they are cleaned where text comes in.
"""

from __future__ import annotations

from typing import Any


def clean_text(text: str) -> str:
    """`text` without NUL characters, each lone surrogate replaced by U+FFFD."""
    if text.isascii():
        return text.replace("\x00", "")
    # A UTF-16 round trip joins valid surrogate pairs and marks the lone ones.
    joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return joined.replace("\x00", "")


def clean_strings(value: Any) -> Any:
    """`value` with every string inside it (keys too) cleaned, at any depth."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_strings(item) for item in value]
    if isinstance(value, dict):
        return {clean_strings(key): clean_strings(item) for key, item in value.items()}
    return value
