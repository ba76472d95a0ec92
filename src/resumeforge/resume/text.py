"""Text that can be stored and printed: no NUL characters, no lone UTF-16 surrogates.

Both are legal in a JSON string and in a Python str, and both are refused by PostgreSQL
(and by any UTF-8 encoder), so they are cleaned where text comes in.
"""

from __future__ import annotations


def clean_text(text: str) -> str:
    """`text` without NUL characters, each lone surrogate replaced by U+FFFD."""
    if text.isascii():
        return text.replace("\x00", "")
    # A UTF-16 round trip joins valid surrogate pairs and marks the lone ones.
    joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return joined.replace("\x00", "")
