"""The `resumeforge` command: serve, worker, db, parse, render, tailor, tokens."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from resumeforge.config import Settings, SettingsError, get_settings

app = typer.Typer(
    name="resumeforge",
    help="Tailored résumés and cover letters that never invent a fact.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def load_settings_or_exit() -> Settings:
    """Settings, or exit 2 naming every bad variable (the message says which and why)."""
    try:
        return get_settings()
    except SettingsError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None


def database_url(settings: Settings) -> str:
    from resumeforge.db.engine import resolve_database_url

    return resolve_database_url(settings)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default: HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default: PORT).")] = None,
    migrate: Annotated[bool, typer.Option(help="Apply migrations before serving.")] = False,
) -> None:
    """Serve the API (and the in-process worker) until interrupted."""
    import uvicorn

    from resumeforge.app import create_app
    from resumeforge.db import migrate as migrations

    settings = load_settings_or_exit()
    url = database_url(settings)
    # The embedded server resolves to a fixed socket URL: pin it for the app too.
    settings = settings.model_copy(update={"database_url": url})
    if migrate:
        migrations.upgrade(url)
    bind_host, bind_port = host or settings.host, port or settings.port
    typer.echo(f"resumeforge on http://{bind_host}:{bind_port}  (API docs at /docs)", err=True)
    uvicorn.run(
        create_app(settings),
        host=bind_host,
        port=bind_port,
        log_level="warning",
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies) or None,
    )


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply migrations up to REVISION (default: the newest)."""
    from resumeforge.db import migrate as migrations

    url = database_url(load_settings_or_exit())
    migrations.upgrade(url, revision)
    typer.echo(f"database at {migrations.current_revision(url)}")


@db_app.command("downgrade")
def db_downgrade(revision: str = "-1") -> None:
    """Undo migrations down to REVISION (default: one step; 'base' for all)."""
    from resumeforge.db import migrate as migrations

    url = database_url(load_settings_or_exit())
    migrations.downgrade(url, revision)
    typer.echo(f"database at {migrations.current_revision(url) or 'base'}")


@db_app.command("current")
def db_current() -> None:
    """Print the database's migration and the newest one this code knows."""
    from resumeforge.db import migrate as migrations

    url = database_url(load_settings_or_exit())
    typer.echo(f"current: {migrations.current_revision(url) or 'base'}")
    typer.echo(f"head:    {migrations.head_revision()}")


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON Resume object.")] = False,
) -> None:
    """Parse a résumé (PDF, DOCX, text, Markdown) and print what was found."""
    from resumeforge.documents.parsing import parse_document
    from resumeforge.documents.parsing.show import print_parsed
    from resumeforge.errors import ProblemError

    try:
        parsed = parse_document(file.read_bytes(), filename=file.name)
    except ProblemError as error:
        typer.echo(f"error: {error.detail} ({error.slug})", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(parsed.resume.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print_parsed(parsed)


@app.command()
def render(
    resume_json: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    template: Annotated[str, typer.Option(help="classic, modern or compact.")] = "classic",
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: pdf,docx,png.")
    ] = "pdf",
    paper: Annotated[str, typer.Option(help="letter or a4.")] = "letter",
    fit_pages: Annotated[int | None, typer.Option(help="Tighten the PDF to 1 or 2 pages.")] = None,
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Where to write.")] = Path("."),
) -> None:
    """Render a JSON Resume file to PDF, DOCX and PNG previews."""
    from resumeforge.errors import ProblemError
    from resumeforge.rendering.files import parse_formats, read_resume, write_renders

    try:
        written, warnings = write_renders(
            read_resume(resume_json),
            stem=resume_json.stem,
            out_dir=out_dir,
            template=template,
            formats=parse_formats(formats),
            paper=paper,
            fit_pages=fit_pages,
        )
    except ProblemError as error:
        typer.echo(f"error: {error.detail} ({error.slug})", err=True)
        raise typer.Exit(1) from None
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    for path in written:
        typer.echo(str(path))


def main() -> None:
    try:
        app()
    except SettingsError as error:
        print(error, file=sys.stderr)
        sys.exit(2)
