"""A real PostgreSQL in a wheel (pgserver), for `make run` and tests when no server is named."""

from __future__ import annotations

import warnings
from pathlib import Path


def start_embedded_postgres(data_dir: Path, *, keep_running: bool = False) -> str:
    """Start (or reuse) the server whose data lives in `data_dir`; return its libpq URL.

    The server stops when the last process using it exits (pgserver counts them), so `make
    run` stopped with Ctrl-C leaves nothing behind; `keep_running` leaves it up for the next
    run instead (the tests' server, to start in a fraction of a second). It listens on a
    Unix socket only.
    """
    with warnings.catch_warnings():
        # platformdirs warns about XDG_RUNTIME_DIR on servers without a login session.
        warnings.simplefilter("ignore")
        import pgserver  # imported here: only local runs pay for it

    data_dir.mkdir(parents=True, exist_ok=True)
    mode = None if keep_running else "stop"
    server = pgserver.get_server(data_dir.resolve(), cleanup_mode=mode)
    return str(server.get_uri())
