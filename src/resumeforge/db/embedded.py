"""A real PostgreSQL in a wheel (pgserver), for `make run` and tests when no server is named."""

from __future__ import annotations

import warnings
from pathlib import Path


def start_embedded_postgres(data_dir: Path) -> str:
    """Start (or reuse) the server whose data lives in `data_dir`; return its libpq URL.

    pgserver leaves the server running after this process exits and reuses it next time, so
    a second `make run` starts in a fraction of a second. It listens on a Unix socket only.
    """
    with warnings.catch_warnings():
        # platformdirs warns about XDG_RUNTIME_DIR on servers without a login session.
        warnings.simplefilter("ignore")
        import pgserver  # imported here: only local runs pay for it

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir.resolve(), cleanup_mode=None)
    return str(server.get_uri())
