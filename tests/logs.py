"""Capturing structlog entries in a test, whatever level the test settings chose."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, MutableMapping
from typing import Any

import structlog


@contextlib.contextmanager
def info_logs() -> Iterator[list[MutableMapping[str, Any]]]:
    """Every log entry at INFO and above, whatever level the test settings chose."""
    saved = structlog.get_config()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.INFO))
    try:
        with structlog.testing.capture_logs() as logs:
            yield logs
    finally:
        structlog.configure(**saved)
