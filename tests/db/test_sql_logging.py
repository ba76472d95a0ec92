"""Statement parameters are users' data: never in a log line or an error message, even with
SQLAlchemy's statement logging switched on."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from resumeforge.config import Settings
from resumeforge.db.engine import create_database

NEEDLE = "résumé-of-someone-0f3c9a"


async def test_parameters_never_reach_the_statement_log_or_errors(
    settings: Settings, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    database = create_database(settings, database_url)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # what echo=True does
    try:
        async with database.engine.connect() as connection:
            answer = await connection.scalar(text("SELECT length(:value)"), {"value": NEEDLE})
            assert answer == len(NEEDLE)
            with pytest.raises(DBAPIError) as failed:
                # Fails on the server after binding: the error carries the statement.
                await connection.execute(
                    text("SELECT 1 / (length(:value) - :n)"),
                    {
                        "value": NEEDLE,
                        "n": len(NEEDLE),
                    },
                )
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
        await database.dispose()

    assert "SELECT length" in caplog.text, "the statement itself was logged"
    assert NEEDLE not in caplog.text
    assert NEEDLE not in str(failed.value)
    assert "hidden" in str(failed.value)
