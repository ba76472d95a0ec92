"""The `resumeforge` command: serve, worker, db, parse, render, tailor, tokens, billing."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from resumeforge.config import Settings, SettingsError, get_settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resumeforge.accounts.models import User

T = TypeVar("T")

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
    """The database to use, once it answers; exit 1 with the reason if it never does."""
    import asyncio

    from resumeforge.db.engine import (
        DatabaseUnavailable,
        create_database,
        resolve_database_url,
        wait_for_database,
    )

    url = resolve_database_url(settings)

    async def wait() -> None:
        database = create_database(settings, url)
        try:
            await wait_for_database(database, within_seconds=settings.db_startup_wait_seconds)
        finally:
            await database.dispose()

    try:
        asyncio.run(wait())
    except DatabaseUnavailable as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    return url


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default: HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default: PORT).")] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes sharing the port (one per core).")
    ] = 1,
    migrate: Annotated[bool, typer.Option(help="Apply migrations before serving.")] = False,
) -> None:
    """Serve the API (and, unless SERVE_WITH_WORKER=false, a generation worker)."""
    import uvicorn

    from resumeforge.config import export_settings
    from resumeforge.db import migrate as migrations

    settings = load_settings_or_exit()
    url = database_url(settings)
    if migrate:
        migrations.upgrade(url)
    # The server processes read their settings afresh: hand them the database just resolved
    # (the embedded one has no DATABASE_URL of its own).
    export_settings(database_url=url)
    bind_host, bind_port = host or settings.host, port or settings.port
    typer.echo(
        f"resumeforge on http://{bind_host}:{bind_port}  (API docs: /docs)"
        f"  provider: {settings.default_provider.value}"
        f"  worker: {'in-process' if settings.serve_with_worker else 'run `resumeforge worker`'}",
        err=True,
    )
    exit_zero_on_sigterm()
    uvicorn.run(
        "resumeforge.app:create_served_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        workers=workers,
        **uvicorn_options(settings),
    )


def exit_zero_on_sigterm() -> None:
    """Make SIGTERM, how a container runtime or service manager asks for a stop, end in 0.

    uvicorn catches SIGTERM, drains in-flight requests, then raises the signal again with the
    handler it found: by default that kills the process, exit 143, which reads as a failure.
    This handler, found instead, ends it with 0 once uvicorn has drained (or at once, before
    uvicorn has started serving).
    """
    signal.signal(signal.SIGTERM, _exit_zero)


def _exit_zero(number: int, frame: FrameType | None) -> None:
    sys.exit(0)


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """How uvicorn serves us, here and in the tests' live server alike."""
    return {
        "log_level": "warning",
        # Client addresses (rate limits, logs) from X-Forwarded-For only behind our proxies.
        "proxy_headers": bool(settings.trusted_proxies),
        "forwarded_allow_ips": ",".join(settings.trusted_proxies) or None,
        # On SIGTERM: stop accepting, let in-flight requests (event streams too) end.
        "timeout_graceful_shutdown": round(settings.shutdown_grace_seconds) or None,
    }


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
    quality: Annotated[
        bool, typer.Option("--quality", help="Print the parse's quality report as JSON.")
    ] = False,
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
    if quality:
        report = parsed.quality.model_dump(mode="json")
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    elif as_json:
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


@app.command()
def tailor(
    resume: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help=".pdf, .docx or .json")
    ],
    job: Annotated[Path, typer.Option("--job", exists=True, dir_okay=False, help="Job text.")],
    provider: Annotated[str | None, typer.Option(help="offline, gemini or openai.")] = None,
    template: Annotated[str, typer.Option(help="classic, modern or compact.")] = "classic",
    cover_letter: Annotated[bool, typer.Option("--cover-letter", help="Write one too.")] = False,
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Where to write.")] = Path("."),
    have: Annotated[
        list[str] | None,
        typer.Option("--have", help="A skill you have that the résumé does not say (repeat)."),
    ] = None,
) -> None:
    """Tailor a résumé to a job: PDF, DOCX, optional cover letter and report.json."""
    from rich.console import Console

    from resumeforge.ai.tailor_files import tailor_to_files
    from resumeforge.errors import ProblemError

    console = Console(stderr=True)
    settings = load_settings_or_exit()
    started = time.perf_counter()
    if resume.suffix.lower() != ".json":
        from resumeforge.documents.parsing import start_workers

        # Now, while this process has one thread: the parser process forks in milliseconds.
        # Once the progress spinner's thread runs, it would have to start from scratch.
        start_workers(1, memory_mb=settings.parse_memory_mb)
    with console.status("starting…") as status:

        def show_stage(stage: str) -> None:
            console.print(f"[dim]{time.perf_counter() - started:5.2f} s[/dim]  {stage}")
            status.update(f"{stage}…")

        try:
            written = tailor_to_files(
                resume, job, out_dir=out_dir, settings=settings, provider=provider,
                template=template, cover_letter=cover_letter, on_stage=show_stage,
                confirmed_keywords=have or [],
            )  # fmt: skip
        except ProblemError as error:
            typer.echo(f"error: {error.detail} ({error.slug})", err=True)
            raise typer.Exit(1) from None
    console.print(f"[dim]{time.perf_counter() - started:5.2f} s[/dim]  done")
    for path in written:
        typer.echo(str(path))


@app.command()
def worker(
    concurrency: Annotated[
        int | None, typer.Option(help="Generations run at once (default: WORKER_CONCURRENCY).")
    ] = None,
) -> None:
    """Run generation jobs until SIGINT or SIGTERM; start as many as the load needs."""
    import asyncio

    from resumeforge.db.engine import create_database
    from resumeforge.generations.jobs import WorkerRuntime, run_worker
    from resumeforge.observability.logging import configure_logging

    settings = load_settings_or_exit()
    configure_logging(settings)
    url = database_url(settings)

    async def work() -> None:
        database = create_database(settings, url)
        try:
            await run_worker(
                WorkerRuntime(settings=settings, database=database), concurrency=concurrency
            )
        finally:
            await database.dispose()

    asyncio.run(work())


tokens_app = typer.Typer(help="Operator tools for token balances.", no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")


@tokens_app.command("grant")
def tokens_grant(
    email: str,
    amount: Annotated[int, typer.Argument(min=1, help="Tokens to add.")],
    reason: Annotated[str, typer.Option("--reason", help="Why, for the ledger.")] = "operator",
) -> None:
    """Give EMAIL's account AMOUNT tokens, recorded in the ledger."""
    import uuid

    from resumeforge.billing import service as billing

    async def grant(session: AsyncSession, user: User) -> int:
        change = await billing.credit_tokens(
            session=session,
            user_id=user.id,
            amount=amount,
            reason="grant",
            idempotency_key=f"grant:{uuid.uuid4()}",
            reference=f"operator:{reason}"[:255],
        )
        return change.balance

    balance = for_account(email, grant)
    typer.echo(f"granted {amount} token(s) to {email}; balance now {balance}")


def for_account(email: str, action: Callable[[AsyncSession, User], Awaitable[T]]) -> T:
    """Run an operator's `action` on EMAIL's account in one committed transaction; an e-mail
    no account has exits 1 saying so."""
    import asyncio

    from resumeforge.accounts import service as accounts
    from resumeforge.db.engine import create_database

    settings = load_settings_or_exit()
    url = database_url(settings)

    async def run() -> T:
        database = create_database(settings, url)
        try:
            async with database.sessions() as session:
                user = await accounts.find_by_email(session=session, email=email)
                if user is None:
                    typer.echo(f"no account with the email {email}", err=True)
                    raise typer.Exit(1)
                result = await action(session, user)
                await session.commit()
                return result
        finally:
            await database.dispose()

    return asyncio.run(run())


billing_app = typer.Typer(help="Billing with Stripe.", no_args_is_help=True)
app.add_typer(billing_app, name="billing")


@billing_app.command("release")
def billing_release(email: str) -> None:
    """Let EMAIL's account spend again after its disputed payment was resolved."""
    from resumeforge.billing import service as billing

    async def release(session: AsyncSession, user: User) -> bool:
        return await billing.release_dispute(session=session, user_id=user.id)

    if not for_account(email, release):
        typer.echo(f"{email} has no disputed payment: nothing to release", err=True)
        raise typer.Exit(1)
    typer.echo(f"released {email}: new generations may spend tokens again")


def parse_since(value: str | None, *, default_hours: float) -> datetime:
    """An ISO date or date-time (UTC unless it says otherwise); none means the default window."""
    from datetime import UTC, timedelta

    if not value:
        return datetime.now(UTC) - timedelta(hours=default_hours)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            "use an ISO date or date-time, e.g. 2026-11-30 or 2026-11-30T08:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@billing_app.command("reconcile")
def billing_reconcile(
    since: Annotated[
        str | None,
        typer.Option(
            help="Look at Checkout Sessions created since (default: BILLING_RECONCILE_HOURS ago)."
        ),
    ] = None,
) -> None:
    """Credit paid Checkout Sessions whose webhook never arrived (once; safe to repeat)."""
    import asyncio

    from resumeforge.billing import service as billing
    from resumeforge.db.engine import create_database
    from resumeforge.errors import ProblemError

    settings = load_settings_or_exit()
    if not settings.billing_configured:
        typer.echo(
            "billing is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET", err=True
        )
        raise typer.Exit(1)
    start = parse_since(since, default_hours=settings.billing_reconcile_hours)
    url = database_url(settings)

    async def run() -> billing.Reconciliation:
        database = create_database(settings, url)
        try:
            return await billing.reconcile(database=database, settings=settings, since=start)
        finally:
            await database.dispose()

    try:
        report = asyncio.run(run())
    except ProblemError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"since {start.isoformat(timespec='seconds')}: {report.sessions} checkout session(s), "
        f"{report.paid} paid, {len(report.credited)} credited now, "
        f"{len(report.expired)} expired now"
    )
    for purchase_id in report.credited:
        typer.echo(f"credited purchase {purchase_id}")
    for purchase_id in report.expired:
        typer.echo(f"expired checkout session {purchase_id}")
    for problem in report.problems:
        typer.echo(f"needs a look: {problem}")


def main() -> None:
    try:
        app()
    except SettingsError as error:
        print(error, file=sys.stderr)
        sys.exit(2)
