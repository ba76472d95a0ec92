"""Stored files keep their size and checksum: what is listed is what is stored and served."""

from __future__ import annotations

import hashlib

import httpx
from sqlalchemy import text

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.generations.conftest import generation_body, wait_until_finished, worker_running


async def test_every_file_is_served_with_the_size_and_checksum_it_was_stored_with(
    client: httpx.AsyncClient, auth_headers: dict[str, str], settings: Settings, db: Database
) -> None:
    async with worker_running(settings, db):
        started = await client.post(
            "/api/v1/generations", json=generation_body(kind="both"), headers=auth_headers
        )
        done = await wait_until_finished(client, auth_headers, started.json()["id"])
    assert done["status"] == "succeeded", done["error"]

    async with db.engine.connect() as connection:
        stored = {
            row.name: (row.size, row.sha256, hashlib.sha256(row.content).hexdigest())
            for row in await connection.execute(
                text("SELECT name, size, sha256, content FROM generation_files")
            )
        }
    assert {f["name"] for f in done["files"]} == set(stored)
    for listed in done["files"]:
        size, sha256, actual = stored[listed["name"]]
        assert sha256 == actual, "the checksum is the content's"
        served = await client.get(listed["url"], headers=auth_headers)
        assert (
            (listed["size"], listed["sha256"])
            == (size, sha256)
            == (
                len(served.content),
                hashlib.sha256(served.content).hexdigest(),
            )
        )
        assert served.headers["etag"] == f'"{sha256}"'
