"""The `resumeforge` command: serve, worker, db, parse, render, tailor, tokens."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="resumeforge",
    help="Tailored résumés and cover letters that never invent a fact.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def main() -> None:
    app()
