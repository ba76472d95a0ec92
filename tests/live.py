"""The app served over a real socket on 127.0.0.1 (uvicorn in a thread, with its own event
loop, database pool and listener), for tests where the transport matters: event streams that
must arrive one by one, client addresses, proxies' headers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from resumeforge.app import create_app
from resumeforge.cli import uvicorn_options
from resumeforge.config import Settings
from tests.loopback import free_port

STARTS_WITHIN_SECONDS = 60.0  # a hang guard: start-up forks a parser process, migrates nothing


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """Serve `create_app(settings)` as `resumeforge serve` would; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, **uvicorn_options(settings)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"live-server-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTS_WITHIN_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
