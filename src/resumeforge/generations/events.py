"""Progress events: one LISTEN connection per process, fanned out to the streams that wait.

Workers announce each status change with NOTIFY in the same transaction that makes it, so a
listener in any API replica hears it the moment it commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import psycopg
import structlog

from resumeforge.db.engine import libpq_url
from resumeforge.generations.cache import GenerationCache
from resumeforge.generations.service import EVENTS_CHANNEL

log = structlog.get_logger(__name__)

RECONNECT_SECONDS = 1.0


class GenerationEvents:
    def __init__(self, database_url: str, connect_options: dict[str, Any] | None = None) -> None:
        self._url = libpq_url(database_url)
        self._connect_options = connect_options or {}
        self._waiting: dict[str, set[asyncio.Queue[str]]] = defaultdict(set)
        self._listener: asyncio.Task[None] | None = None
        self.cache = GenerationCache()

    def start(self) -> None:
        """Listen from now on (the cache works only while listening)."""
        if self._listener is None or self._listener.done():
            self._listener = asyncio.create_task(self._listen_forever())

    @contextlib.asynccontextmanager
    async def subscribe(self, generation_id: str) -> AsyncIterator[asyncio.Queue[str]]:
        """A queue that receives every new status of the generation while the block runs."""
        self.start()
        queue: asyncio.Queue[str] = asyncio.Queue()
        self._waiting[generation_id].add(queue)
        try:
            yield queue
        finally:
            self._waiting[generation_id].discard(queue)
            if not self._waiting[generation_id]:
                del self._waiting[generation_id]

    async def close(self) -> None:
        self.cache.turn_off()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener

    async def _listen_forever(self) -> None:
        while True:
            try:
                await self._listen()
            except (psycopg.Error, OSError) as error:
                self.cache.turn_off()
                # Streams fall back to reading the status meanwhile; nothing is lost.
                log.warning("event listener lost its connection", error=str(error).splitlines()[0])
                await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen(self) -> None:
        async with await psycopg.AsyncConnection.connect(
            self._url, autocommit=True, **self._connect_options
        ) as connection:
            await connection.execute(f"LISTEN {EVENTS_CHANNEL}")
            # Anything cached before now may have changed unheard: start from empty.
            self.cache.turn_on()
            async for notice in connection.notifies():
                self._deliver(notice.payload)

    def _deliver(self, payload: str) -> None:
        try:
            event = json.loads(payload)
            generation_id, status = str(event["id"]), str(event["status"])
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed generation event")
            return
        self.cache.invalidate(generation_id)
        for queue in self._waiting.get(generation_id, ()):
            queue.put_nowait(status)
