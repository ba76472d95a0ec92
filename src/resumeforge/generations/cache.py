"""Per-process cache of GET /api/v1/generations/{id} answers, kept true by NOTIFY.

Clients poll a generation's state; most polls ask about one that has not changed. Every
change of a generation (a status, its files deleted) is announced with NOTIFY after it
commits, and drops the cached answer in every replica. While the listener is not connected,
the cache is off, so it can only ever be as stale as the announcement is late.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict

MAX_ENTRIES = 10_000


class GenerationCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[str, tuple[uuid.UUID, bytes]] = OrderedDict()
        self._max_entries = max_entries
        self._invalidations = 0
        self.enabled = False

    def get(self, generation_id: str, user_id: uuid.UUID) -> bytes | None:
        if not self.enabled:
            return None
        entry = self._entries.get(generation_id)
        if entry is None or entry[0] != user_id:
            return None
        self._entries.move_to_end(generation_id)
        return entry[1]

    def version(self) -> int:
        """Take before reading the database; pass to `put` with what was read."""
        return self._invalidations

    def put(self, generation_id: str, user_id: uuid.UUID, body: bytes, *, version: int) -> None:
        """Keep `body` unless something changed since `version` was taken: then it may be old."""
        if not self.enabled or version != self._invalidations:
            return
        self._entries[generation_id] = (user_id, body)
        self._entries.move_to_end(generation_id)
        if len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def invalidate(self, generation_id: str) -> None:
        self._invalidations += 1
        self._entries.pop(generation_id, None)

    def turn_on(self) -> None:
        self.clear()
        self.enabled = True

    def turn_off(self) -> None:
        self.enabled = False
        self.clear()

    def clear(self) -> None:
        self._invalidations += 1
        self._entries.clear()
