"""Error types and their one JSON shape: RFC 9457 problem details.

A domain raises a subclass of `ProblemError`; `install_error_handlers` turns it, and every
framework error (404, 405, 422...), into `application/problem+json` with a stable `type`;
the request middleware answers anything unexpected with INTERNAL_ERROR in the same shape.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypedDict

import structlog

if TYPE_CHECKING:
    # The web framework is imported only where responses are made: the command line and
    # the parser raise these errors too, and should not pay for loading FastAPI.
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

PROBLEM_TYPE_BASE = "https://resumeforge.dev/problems/"
PROBLEM_CONTENT_TYPE = "application/problem+json"

log = structlog.get_logger(__name__)


class ProblemError(Exception):
    """An error a client may see. Subclasses set `status`, `slug` and `title`."""

    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Bad request"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extra = extra
        self.headers: dict[str, str] = {}


class InvalidRequest(ProblemError):
    status, slug, title = 400, "invalid-request", "Invalid request"


class Unauthorized(ProblemError):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.headers["WWW-Authenticate"] = "Bearer"


class InvalidCredentials(Unauthorized):
    slug, title = "invalid-credentials", "Invalid email or password"


class InvalidToken(Unauthorized):
    slug, title = "invalid-token", "Invalid or expired token"


class PaymentRequired(ProblemError):
    status, slug, title = 402, "payment-required", "Payment required"


class Forbidden(ProblemError):
    status, slug, title = 403, "forbidden", "Forbidden"


class NotFound(ProblemError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(ProblemError):
    status, slug, title = 409, "conflict", "Conflict"


class PayloadTooLarge(ProblemError):
    status, slug, title = 413, "payload-too-large", "Payload too large"


class UnsupportedMediaType(ProblemError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class UnprocessableContent(ProblemError):
    status, slug, title = 422, "unprocessable-content", "Unprocessable content"


class TooManyRequests(ProblemError):
    status, slug, title = 429, "rate-limited", "Too many requests"

    def __init__(self, detail: str | None = None, retry_after: int = 1, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.headers["Retry-After"] = str(retry_after)


class ServiceUnavailable(ProblemError):
    status, slug, title = 503, "service-unavailable", "Service unavailable"

    def __init__(self, detail: str | None = None, retry_after: int = 5, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.headers["Retry-After"] = str(retry_after)


def request_id_of(request: Request) -> str:
    return str(getattr(request.state, "request_id", "") or "")


def problem_body(
    *, status: int, slug: str, title: str, detail: str, path: str, request_id: str, **extra: Any
) -> dict[str, Any]:
    """The one JSON shape of every error (RFC 9457), plus our request id."""
    return {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": path,
        "request_id": request_id,
        **extra,
    }


class ProblemFields(TypedDict):
    """The fixed part of a problem, to spread into `problem_body` or `problem_response`."""

    status: int
    slug: str
    title: str
    detail: str


INTERNAL_ERROR: Final[ProblemFields] = {
    "status": 500,
    "slug": "internal-error",
    "title": "Internal server error",
    "detail": "Something went wrong on our side; it has been logged. Quote the request id.",
}


def problem_response(
    request: Request,
    *,
    status: int,
    slug: str,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    from fastapi.responses import JSONResponse

    body = problem_body(
        status=status,
        slug=slug,
        title=title,
        detail=detail,
        path=request.url.path,
        request_id=request_id_of(request),
        **extra,
    )
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_CONTENT_TYPE)


def _slug_for_status(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "-")
    except ValueError:
        return "error"


def _title_for_status(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def _on_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProblemError)
    return problem_response(
        request,
        status=error.status,
        slug=error.slug,
        title=error.title,
        detail=error.detail,
        headers=error.headers,
        **error.extra,
    )


async def _on_http_exception(request: Request, error: Exception) -> JSONResponse:
    from starlette.exceptions import HTTPException as StarletteHTTPException

    assert isinstance(error, StarletteHTTPException)
    status = error.status_code
    detail = error.detail if isinstance(error.detail, str) else _title_for_status(status)
    if status == 404 and detail == "Not Found":
        detail = f"Nothing at {request.method} {request.url.path}"
    return problem_response(
        request,
        status=status,
        slug=_slug_for_status(status),
        title=_title_for_status(status),
        detail=detail,
        headers=dict(error.headers or {}),
    )


def _field_path(location: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in location)


async def _on_validation_error(request: Request, error: Exception) -> JSONResponse:
    from fastapi.exceptions import RequestValidationError

    assert isinstance(error, RequestValidationError)
    problems = [
        {"field": _field_path(problem.get("loc", ())), "message": problem.get("msg", "")}
        for problem in error.errors()
    ]
    if any(problem.get("type") == "json_invalid" for problem in error.errors()):
        detail = "The request body is not valid JSON."
    else:
        detail = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return problem_response(
        request,
        status=422,
        slug="validation-error",
        title="Request validation failed",
        detail=detail,
        errors=problems,
    )


def install_error_handlers(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    # Anything else is caught by observability.middleware, which answers INTERNAL_ERROR.
