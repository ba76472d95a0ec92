"""Errors on pages are pages: a problem is shown as HTML with its title and detail, and a
signed-out visitor is sent to sign in. API paths, and clients that do not ask for HTML, keep
their problem-details JSON."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from resumeforge.accounts import service as accounts
from resumeforge.accounts import web_sessions
from resumeforge.errors import ProblemError, Unauthorized
from resumeforge.web.templating import page, redirect

NOT_PAGES = ("/api/", "/health", "/metrics", "/openapi.json", "/static/")
Handler = Callable[[Request, Exception], Awaitable[Response]]


def is_page(request: Request) -> bool:
    """A browser asking for a page (it accepts HTML), not a client of the API."""
    accepts_html = "text/html" in request.headers.get("accept", "")
    return accepts_html and not request.url.path.startswith(NOT_PAGES)


def install_page_errors(app: FastAPI) -> None:
    """Wrap the JSON problem handlers installed before: pages get HTML, the API keeps JSON."""
    for error_type in (ProblemError, StarletteHTTPException, RequestValidationError):
        original: Handler = app.exception_handlers[error_type]  # type: ignore[assignment]
        app.add_exception_handler(error_type, _page_or(original))


def _page_or(original: Handler) -> Handler:
    async def handle(request: Request, error: Exception) -> Response:
        answer = await original(request, error)
        if not is_page(request):
            return answer
        if isinstance(error, Unauthorized) and request.method == "GET":
            return redirect(f"/signin?next={quote(request.url.path)}")
        problem: dict[str, Any] = json.loads(bytes(answer.body))
        return page(
            request,
            "error.html",
            title=problem.get("title", "Error"),
            status=answer.status_code,
            problem=problem,
            user=await _signed_in_user(request),
        )

    return handle


async def _signed_in_user(request: Request) -> Any:
    token = request.cookies.get(web_sessions.SESSION_COOKIE)
    if not token:
        return None
    async with request.app.state.database.sessions() as session:
        user_id = await web_sessions.user_of_session(session=session, token=token)
        return await accounts.get_user(session=session, user_id=user_id) if user_id else None
