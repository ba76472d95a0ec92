"""The pages people use in a browser. Each handler reads the request, calls a service, and
renders one template; a signed-in browser is a session cookie, and every form that changes
something carries this browser's CSRF token (checked by the accounts dependencies)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeforge.accounts import password_reset, personal_data, web_sessions
from resumeforge.accounts import service as accounts
from resumeforge.accounts.dependencies import (
    CurrentUser,
    CurrentUserId,
    SameSiteForm,
    SessionDep,
    SettingsDep,
)
from resumeforge.accounts.models import User
from resumeforge.accounts.schemas import Credentials, NewPassword
from resumeforge.billing import service as billing
from resumeforge.billing.errors import InsufficientTokens
from resumeforge.config import Settings
from resumeforge.documents import service as documents
from resumeforge.documents.errors import FileTooLarge
from resumeforge.errors import NotFound, ProblemError
from resumeforge.generations import service as generations
from resumeforge.generations.schemas import (
    MAX_JOB_DESCRIPTION,
    GenerationCreate,
    GenerationKind,
    GenerationStatus,
    RevisionCreate,
    RevisionStatus,
)
from resumeforge.notifications import service as notifications
from resumeforge.ratelimit import by_address
from resumeforge.rendering.service import TEMPLATES
from resumeforge.web import review_form, view
from resumeforge.web.templating import (
    page,
    problem_of,
    problem_page,
    problem_status,
    redirect,
)

router = APIRouter(include_in_schema=False)
limited = Depends(by_address("auth"))

KINDS = [
    (GenerationKind.resume.value, "Résumé"),
    (GenerationKind.cover_letter.value, "Cover letter"),
    (GenerationKind.both.value, "Both"),
]
STAGES = [
    (GenerationStatus.queued.value, "Queued"),
    (GenerationStatus.parsing.value, "Reading your résumé"),
    (GenerationStatus.analyzing.value, "Reading the job ad"),
    (GenerationStatus.writing.value, "Tailoring"),
    (GenerationStatus.rendering.value, "Making the PDF and Word files"),
    (GenerationStatus.succeeded.value, "Done"),
]


async def optional_user(request: Request, session: SessionDep) -> User | None:
    """The signed-in user on pages anyone may see; nobody when the cookie is absent or over."""
    token = request.cookies.get(web_sessions.SESSION_COOKIE)
    if not token:
        return None
    user_id = await web_sessions.user_of_session(session=session, token=token)
    return await accounts.get_user(session=session, user_id=user_id) if user_id else None


OptionalUser = Annotated[User | None, Depends(optional_user)]


# --- the public pages ----------------------------------------------------------------------


@router.get("/")
async def landing(request: Request, user: OptionalUser, settings: SettingsDep) -> Response:
    notice = "Your account was deleted." if request.query_params.get("deleted") else None
    return page(
        request,
        "landing.html",
        title="Tailored résumés that never invent",
        user=user,
        notice=notice,
        templates=TEMPLATES,
        packs=billing.pack_offers(settings),
        costs=settings.generation_costs,
        free_tokens=settings.free_tokens,
    )


@router.get("/templates/{name}.png")
async def template_thumbnail(name: str) -> Response:
    png = await asyncio.to_thread(view.template_thumbnail, name)
    return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/docs")
async def api_docs(request: Request, settings: SettingsDep) -> Response:
    """Swagger UI from this app's own files; a setting (API_DOCS), off in production."""
    if not settings.docs_enabled:
        raise NotFound("The API documentation is not served here.")
    return page(request, "docs.html", title="API", openapi_url=request.app.openapi_url)


@router.get("/signup")
async def signup_form(request: Request, settings: SettingsDep) -> Response:
    return page(
        request, "signup.html", title="Sign up", free_tokens=settings.free_tokens, active="signup"
    )


@router.post("/signup", dependencies=[SameSiteForm, limited])
async def signup(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    try:
        credentials = Credentials(email=email, password=password)
        user = await accounts.register(
            session=session,
            settings=settings,
            email=credentials.email,
            password=credentials.password,
        )
    except (ProblemError, ValidationError) as problem:
        return problem_page(
            request,
            "signup.html",
            problem,
            field_for={"email-taken": "email"},
            title="Sign up",
            email=email,
            free_tokens=settings.free_tokens,
        )
    return await _signed_in(session, settings, user.id, "/dashboard")


@router.get("/signin")
async def signin_form(request: Request, user: OptionalUser) -> Response:
    if user is not None:
        return redirect("/dashboard")
    next_page = view.local_path(request.query_params.get("next", ""))
    return page(request, "signin.html", title="Sign in", next=next_page, active="signin")


@router.post("/signin", dependencies=[SameSiteForm, limited])
async def signin(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next_page: Annotated[str, Form(alias="next")] = "",
) -> Response:
    try:
        user = await accounts.authenticate(
            session=session,
            settings=settings,
            limits=request.app.state.rate_limits,
            email=email,
            password=password,
        )
    except ProblemError as problem:
        return problem_page(
            request, "signin.html", problem, title="Sign in", email=email, next=next_page
        )
    await session.commit()  # a re-hashed password
    return await _signed_in(session, settings, user.id, view.local_path(next_page) or "/dashboard")


async def _signed_in(
    session: AsyncSession, settings: Settings, user_id: uuid.UUID, to: str
) -> Response:
    token = await web_sessions.start_session(session=session, settings=settings, user_id=user_id)
    response = redirect(to)
    response.set_cookie(
        web_sessions.SESSION_COOKIE,
        token,
        max_age=settings.web_session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.is_production,
    )
    return response


@router.post("/signout", dependencies=[SameSiteForm])
async def signout(request: Request, session: SessionDep) -> Response:
    token = request.cookies.get(web_sessions.SESSION_COOKIE)
    if token:
        await web_sessions.end_session(session=session, token=token)
    response = redirect("/")
    response.delete_cookie(web_sessions.SESSION_COOKIE)
    return response


@router.get("/reset")
async def reset_request_form(request: Request) -> Response:
    return page(request, "reset_request.html", title="Reset your password")


@router.post("/reset", dependencies=[SameSiteForm, limited])
async def reset_request(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form()] = "",
) -> Response:
    await password_reset.request_reset(session=session, settings=settings, email=email)
    return page(
        request,
        "reset_request.html",
        title="Reset your password",
        sent=True,
        minutes=settings.password_reset_minutes,
    )


@router.get("/reset/{token}")
async def reset_password_form(request: Request, token: str) -> Response:
    return page(request, "reset_password.html", title="Choose a new password", token=token)


@router.post("/reset/{token}", dependencies=[SameSiteForm, limited])
async def reset_password(
    request: Request,
    token: str,
    session: SessionDep,
    password: Annotated[str, Form()] = "",
) -> Response:
    try:
        new = NewPassword(password=password)
        await password_reset.reset_password(session=session, token=token, new_password=new.password)
    except (ProblemError, ValidationError) as problem:
        return problem_page(
            request, "reset_password.html", problem, title="Choose a new password", token=token
        )
    return redirect("/signin?reset=1")


# --- the signed-in pages -------------------------------------------------------------------


@router.get("/dashboard")
async def dashboard(request: Request, user: CurrentUser, session: SessionDep) -> Response:
    return page(
        request,
        "dashboard.html",
        title="Dashboard",
        user=user,
        active="dashboard",
        documents=await documents.list_documents(session=session, user_id=user.id),
        generations=await generations.list_generations(
            session=session, user_id=user.id, status=None, limit=50, before=None
        ),
        notifications=await notifications.list_notifications(
            session=session, user_id=user.id, limit=5, unread_only=True
        ),
    )


@router.post("/notifications/read")
async def read_notifications(user_id: CurrentUserId, session: SessionDep) -> Response:
    await notifications.mark_all_read(session=session, user_id=user_id)
    return redirect("/dashboard")


@router.get("/documents/new")
async def upload_form(request: Request, user: CurrentUser, settings: SettingsDep) -> Response:
    return _upload_page(request, user, settings)


def _upload_page(
    request: Request,
    user: User,
    settings: Settings,
    problem: ProblemError | None = None,
) -> Response:
    return problem_page(
        request,
        "upload.html",
        problem,
        field_for={"*": "file"},
        title="Upload your résumé",
        user=user,
        active="upload",
        max_bytes=settings.max_upload_bytes,
        max_mb=round(settings.max_upload_bytes / 1024 / 1024),
    )


@router.post("/documents")
async def upload(
    request: Request,
    file: UploadFile,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    try:
        data = await file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise FileTooLarge(f"The file is larger than {settings.max_upload_bytes} bytes.")
        stored = await documents.store_upload(
            session=session,
            settings=settings,
            user_id=user.id,
            filename=file.filename or "upload",
            data=data,
        )
    except ProblemError as problem:
        return _upload_page(request, user, settings, problem)
    return redirect(f"/documents/{stored.document.id}/review")


@router.get("/documents/{document_id}/review")
async def review(
    request: Request, document_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    document = await documents.get_document(
        session=session, user_id=user.id, document_id=document_id
    )
    resume = documents.current_resume(document).model_dump(mode="json")
    form = review_form.build(resume)
    return page(
        request,
        "review.html",
        title="Check what we read",
        user=user,
        document=document,
        resume_json=view.json_for_script(resume),
        save_url=f"/api/v1/documents/{document.id}/resume",
        quality=documents.quality_of(document),
        basics_fields=form.basics_fields,
        basics_values=form.basics_values,
        sections=form.sections,
        others=form.others,
    )


@router.get("/generations/new")
async def new_generation(
    request: Request, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> Response:
    chosen = {
        "document_id": request.query_params.get("document", ""),
        "job_description": "",
        "kind": GenerationKind.resume.value,
        "template": TEMPLATES[0],
        "paper": "letter",
    }
    return await _generation_form(request, user, session, settings, chosen)


async def _generation_form(
    request: Request,
    user: User,
    session: AsyncSession,
    settings: Settings,
    chosen: dict[str, str],
    problem: ProblemError | ValidationError | None = None,
) -> Response:
    return problem_page(
        request,
        "new_generation.html",
        problem,
        title="Tailor to a job",
        user=user,
        documents=await documents.list_documents(session=session, user_id=user.id),
        chosen=chosen,
        kinds=KINDS,
        costs=settings.generation_costs,
        templates=TEMPLATES,
        max_job=MAX_JOB_DESCRIPTION,
        idempotency_key=uuid.uuid4().hex,
    )


@router.post("/generations")
async def start_generation(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    document_id: Annotated[str, Form()] = "",
    job_description: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = GenerationKind.resume.value,
    template: Annotated[str, Form()] = "classic",
    paper: Annotated[str, Form()] = "letter",
    idempotency_key: Annotated[str, Form(max_length=255)] = "",
) -> Response:
    user_id = user.id
    chosen = {
        "document_id": document_id,
        "job_description": job_description,
        "kind": kind,
        "template": template,
        "paper": paper,
    }
    try:
        body = GenerationCreate(
            document_id=document_id or None,
            job_description=job_description,
            kind=kind,
            template=template,
            paper=paper,
        )
        generation, _ = await generations.start_generation(
            session=session,
            settings=settings,
            user=user,
            request=body,
            idempotency_key=f"web:{idempotency_key}" if idempotency_key else None,
        )
    except InsufficientTokens as short:
        return redirect(f"/tokens?short={short.extra['cost']}")
    except (ProblemError, ValidationError) as problem:
        user = await _rolled_back(session, user_id) or user
        return await _generation_form(request, user, session, settings, chosen, problem)
    return redirect(f"/generations/{generation.id}")


@router.get("/generations/{generation_id}")
async def generation_page(
    request: Request, generation_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    generation = await generations.get_generation(
        session=session, user_id=user.id, generation_id=generation_id, with_report=True
    )
    if generation.status == GenerationStatus.failed.value:
        return page(
            request,
            "failed.html",
            title="Failed",
            user=user,
            generation=generation,
            refunded=generation.cost > 0,
        )
    if generation.status != GenerationStatus.succeeded.value:
        current = [stage for stage, _ in STAGES].index(generation.status)
        return page(
            request,
            "progress.html",
            title="Tailoring",
            user=user,
            generation=generation,
            stages=STAGES,
            current_index=current,
            stage_text=dict(STAGES)[generation.status],
        )
    revisions = await generations.revisions_of(session=session, generation_id=generation.id)
    shown = view.revision_to_show(request.query_params.get("revision"), revisions)
    if shown is not None and shown[0].status != RevisionStatus.succeeded.value:
        return page(
            request,
            "revision_progress.html",
            title="Applying your choices",
            user=user,
            generation=generation,
            revision=shown[0],
        )
    if shown is None:
        files = (await generations.files_of(session=session, generation_ids=[generation.id]))[
            generation.id
        ]
        report_data, number, rejected = generation.report or {}, 0, set[str]()
    else:
        revision, files = shown
        with_report, _ = await generations.get_revision(
            session=session, user_id=user.id, generation_id=generation.id, number=revision.number
        )
        report_data, number = with_report.report or {}, revision.number
        rejected = set(revision.reject)
    page_count = 0
    if any(f.name == "resume.pdf" for f in files):
        _, stored = await generations.get_file(
            session=session,
            user_id=user.id,
            generation_id=generation.id,
            name="resume.pdf",
            revision=number,
        )
        page_count = await asyncio.to_thread(view.pdf_page_count, stored.content)
    report = view.report_view(report_data)
    return page(
        request,
        "result.html",
        title=generation.job_title or "Your tailored résumé",
        user=user,
        generation=generation,
        files=view.downloads(generation.id, files, revision=number),
        page_count=page_count,
        revision=number,
        revisions=[r for r, _ in revisions],
        report=report.raw,
        changes=report.changes,
        missing=report.missing,
        confirmed=report.confirmed,
        reverted=report.reverted,
        rejected=rejected,
        percent=view.percent,
        problem=view.problem_from_query(request.query_params.get("problem")),
    )


@router.post("/generations/{generation_id}/revisions")
async def revise(
    request: Request, generation_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    form = await request.form()
    reject = [
        str(name).removeprefix("change-")
        for name, value in form.multi_items()
        if str(name).startswith("change-") and value == "reject"
    ]
    confirmed = [str(term) for term in form.getlist("confirmed_keywords")]
    try:
        body = RevisionCreate(reject=reject, confirmed_keywords=confirmed)
        revision = await generations.create_revision(
            session=session, user_id=user.id, generation_id=generation_id, request=body
        )
    except (ProblemError, ValidationError) as problem:
        await session.rollback()
        box = problem_of(problem)["problem"]
        return redirect(
            f"/generations/{generation_id}?problem={quote(box['title'] + ': ' + box['detail'])}"
        )
    return redirect(f"/generations/{generation_id}?revision={revision.number}")


@router.get("/generations/{generation_id}/pages/{number}.png")
async def generation_page_image(
    generation_id: uuid.UUID,
    number: int,
    user_id: CurrentUserId,
    session: SessionDep,
    revision: int = 0,
) -> Response:
    _, file = await generations.get_file(
        session=session,
        user_id=user_id,
        generation_id=generation_id,
        name="resume.pdf",
        revision=revision,
    )
    png = await asyncio.to_thread(view.page_image, file.content, number - 1)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})


@router.get("/tokens")
async def tokens(
    request: Request, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> Response:
    short = request.query_params.get("short")
    notice = (
        f"That costs {short} token(s) and your balance is {user.token_balance}. "
        "Buy a pack to go on."
        if short and short.isdigit()
        else None
    )
    return await _tokens_page(request, user, session, settings, notice=notice)


async def _tokens_page(
    request: Request,
    user: User,
    session: AsyncSession,
    settings: Settings,
    *,
    notice: str | None = None,
    problem: ProblemError | None = None,
) -> Response:
    return problem_page(
        request,
        "tokens.html",
        problem,
        title="Tokens",
        user=user,
        active="tokens",
        notice=notice,
        packs=billing.pack_offers(settings),
        billing_enabled=settings.billing_configured,
        standing=await billing.standing_of(session=session, user_id=user.id),
        purchases=await billing.list_purchases(session=session, user_id=user.id),
        ledger=await billing.ledger_entries(session=session, user_id=user.id, limit=50),
    )


@router.post("/tokens/checkout")
async def checkout(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    pack: Annotated[str, Form()] = "",
) -> Response:
    """Start Stripe Checkout. Answered with a page that goes on to Stripe (by script, or by a
    link), not a redirect: the CSP's form-action 'self' stops a form's redirect to Stripe."""
    user_id = user.id
    try:
        purchase = await billing.start_checkout(
            session=session, settings=settings, user_id=user_id, pack_name=pack
        )
    except ProblemError as problem:
        user = await _rolled_back(session, user_id) or user
        return await _tokens_page(request, user, session, settings, problem=problem)
    return page(
        request,
        "checkout.html",
        title="Going to Stripe",
        user=user,
        active="tokens",
        checkout_url=purchase.checkout_url,
    )


@router.get("/billing/success")
async def checkout_success(
    request: Request, user: CurrentUser, session: SessionDep, purchase: uuid.UUID
) -> Response:
    """Back from Stripe: the purchase as the webhook left it (pending until it arrives)."""
    bought = await billing.get_purchase(session=session, user_id=user.id, purchase_id=purchase)
    return page(
        request,
        "checkout_done.html",
        title="Payment",
        user=user,
        active="tokens",
        purchase=bought,
    )


@router.get("/billing/cancel")
async def checkout_cancelled(
    request: Request, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> Response:
    return await _tokens_page(
        request, user, session, settings, notice="Checkout was cancelled; nothing was charged."
    )


@router.get("/account")
async def account(request: Request, user: CurrentUser) -> Response:
    notice = "Your password was changed." if request.query_params.get("changed") else None
    return _account_page(request, user, notice=notice)


def _account_page(
    request: Request,
    user: User,
    *,
    notice: str | None = None,
    password_problem: ProblemError | ValidationError | None = None,
    delete_problem: ProblemError | ValidationError | None = None,
    delete_errors: dict[str, str] | None = None,
) -> Response:
    status = problem_status(password_problem or delete_problem)
    password_view = problem_of(
        password_problem,
        field_for={"wrong-password": "current_password"},
        rename={"password": "new_password"},
    )
    delete_view = problem_of(delete_problem, field_for={"wrong-password": "password"})
    return page(
        request,
        "account.html",
        title="Account",
        user=user,
        active="account",
        notice=notice,
        status=status if not delete_errors else 422,
        errors=password_view["errors"],
        password_problem=password_view["problem"],
        delete_errors=delete_errors or delete_view["errors"],
        delete_problem=delete_view["problem"],
    )


@router.post("/account/password")
async def change_password(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    current_password: Annotated[str, Form()] = "",
    new_password: Annotated[str, Form()] = "",
) -> Response:
    try:
        new = NewPassword(password=new_password)
        await password_reset.change_password(
            session=session,
            user_id=user.id,
            current_password=current_password,
            new_password=new.password,
            keep_browser_session=request.cookies.get(web_sessions.SESSION_COOKIE),
        )
    except (ProblemError, ValidationError) as problem:
        return _account_page(request, user, password_problem=problem)
    return redirect("/account?changed=1")


@router.get("/account/export")
async def export(user_id: CurrentUserId, session: SessionDep) -> Response:
    archive = await personal_data.export_account(session=session, user_id=user_id)
    return Response(
        archive,
        media_type="application/zip",
        headers={
            "Content-Disposition": 'attachment; filename="resumeforge-export.zip"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/account/delete")
async def delete_account(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    password: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    if confirm != "yes":
        errors = {"confirm": "Tick the box to confirm that everything is to be deleted."}
        return _account_page(request, user, delete_errors=errors)
    try:
        await personal_data.delete_account(session=session, user_id=user.id, password=password)
    except ProblemError as problem:
        return _account_page(request, user, delete_problem=problem)
    response = redirect("/?deleted=1")
    response.delete_cookie(web_sessions.SESSION_COOKIE)
    return response


async def _rolled_back(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    """Undo a failed use case's writes, and read the user again: the rollback expired it."""
    await session.rollback()
    return await accounts.get_user(session=session, user_id=user_id)
