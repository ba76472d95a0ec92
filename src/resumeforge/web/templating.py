"""Rendering a page: the template, the browser's CSRF token, and problems shown by their field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from resumeforge.accounts import web_sessions
from resumeforge.config import Settings
from resumeforge.errors import ProblemError

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=TEMPLATES_DIR)


def page(request: Request, name: str, *, status: int = 200, **context: Any) -> Response:
    """The template `name` as an HTML answer, with this browser's CSRF token (and its cookie
    the first time), never stored by a cache: a page may show personal data."""
    settings: Settings = request.app.state.settings
    nonce = request.cookies.get(web_sessions.CSRF_COOKIE)
    fresh = not nonce
    if not nonce:
        nonce = web_sessions.new_csrf_nonce()
    context.setdefault("user", None)
    context.setdefault("errors", {})
    context.setdefault("problem", None)
    context.setdefault("notice", None)
    context.setdefault("active", "")
    context["csrf_token"] = web_sessions.csrf_token_for(nonce, secret=settings.jwt_secret)
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    if fresh:
        response.set_cookie(
            web_sessions.CSRF_COOKIE,
            nonce,
            httponly=True,
            samesite="lax",
            secure=settings.is_production,
        )
    return response


def redirect(to: str) -> Response:
    """After a form: 303 so the browser fetches the next page with GET."""
    return RedirectResponse(to, status_code=303)


def problem_of(
    problem: ProblemError | ValidationError | None,
    *,
    field_for: dict[str, str] | None = None,
    rename: dict[str, str] | None = None,
) -> dict[str, Any]:
    """What a form shows for a problem: a box (title, detail) and messages by field name.

    `field_for` places a problem type (its slug, or "*" for any) beside a field; `rename`
    maps a schema's field names to the form's.
    """
    if problem is None:
        return {"problem": None, "errors": {}}
    rename = rename or {}
    if isinstance(problem, ValidationError):
        errors: dict[str, str] = {}
        for error in problem.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            errors.setdefault(rename.get(name, name), _readable(error["msg"]))
        return {
            "problem": {"title": "Please check the form", "detail": "Some fields need a fix."},
            "errors": errors,
        }
    field_for = field_for or {}
    field = field_for.get(problem.slug) or field_for.get("*")
    box = {"title": problem.title, "detail": problem.detail}
    return {"problem": box, "errors": {field: problem.detail} if field else {}}


def problem_page(
    request: Request,
    name: str,
    problem: ProblemError | ValidationError | None,
    *,
    field_for: dict[str, str] | None = None,
    rename: dict[str, str] | None = None,
    **context: Any,
) -> Response:
    """The form page `name`, showing `problem` (its box, its fields' messages) with its
    status; without one, the page as first shown. See problem_of for the two maps."""
    return page(
        request,
        name,
        status=problem_status(problem),
        **problem_of(problem, field_for=field_for, rename=rename),
        **context,
    )


def problem_status(problem: ProblemError | ValidationError | None) -> int:
    """A problem's HTTP status: its own, 422 for a form that did not validate, else 200."""
    if isinstance(problem, ProblemError):
        return problem.status
    return 200 if problem is None else 422


def _readable(message: str) -> str:
    """Pydantic's messages, as a person would write them."""
    message = message.removeprefix("Value error, ")
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def mount_static(app: FastAPI) -> None:
    """The pages' own files (CSS, JS, images, Swagger UI's vendored assets)."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
