"""A TCP proxy in front of PostgreSQL that a test can cut and restore: a database outage.

Two kinds of outage: `stop()` refuses connections and cuts the open ones (a crashed server,
a closed port); `blackhole()` keeps every connection open and passes nothing either way (a
partition: packets dropped, no reset), until `restore()` — which closes the connections held
meanwhile, as the peers' TCP timeouts would have by then.
"""

from __future__ import annotations

import asyncio
import contextlib
from urllib.parse import parse_qs, urlsplit


class PostgresProxy:
    """Listens on 127.0.0.1 and forwards to the server of `target_url` (TCP or Unix socket)."""

    def __init__(self, target_url: str) -> None:
        parts = urlsplit(target_url)
        socket_dir = parse_qs(parts.query).get("host", [""])[0]
        self._unix_path = f"{socket_dir}/.s.PGSQL.{parts.port or 5432}" if socket_dir else None
        self._target = (parts.hostname or "127.0.0.1", parts.port or 5432)
        self._server: asyncio.Server | None = None
        self._pipes: set[asyncio.Task[None]] = set()
        self._silent = False
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Refuse new connections and cut every open one, as a crashed server would."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        await self._cut_all()

    def blackhole(self) -> None:
        """From now on nothing passes, and nobody is told: connections stay open, silent."""
        self._silent = True

    async def restore(self) -> None:
        """End the silence: connections held through it are closed, new ones pass again."""
        self._silent = False
        await self._cut_all()

    async def _cut_all(self) -> None:
        for pipe in list(self._pipes):
            pipe.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._silent:
            self._track(self._swallow(reader, writer))
            return
        try:
            if self._unix_path:
                upstream = await asyncio.open_unix_connection(self._unix_path)
            else:
                upstream = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        upstream_reader, upstream_writer = upstream
        for source, sink in ((reader, upstream_writer), (upstream_reader, writer)):
            self._track(self._pipe(source, sink))

    def _track(self, work: object) -> None:
        task = asyncio.create_task(work)  # type: ignore[arg-type]
        self._pipes.add(task)
        task.add_done_callback(self._pipes.discard)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(65536):
                if self._silent:
                    continue  # dropped on the floor, as a partition drops packets
                sink.write(data)
                await sink.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            with contextlib.suppress(Exception):
                sink.close()

    async def _swallow(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A connection made during the silence: accepted by nobody, answered never."""
        try:
            while await reader.read(65536):
                pass
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()
