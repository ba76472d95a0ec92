"""One ASGI middleware for every request: a request id, a body size limit, one access log line."""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

import structlog
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumeforge.errors import INTERNAL_ERROR, PROBLEM_CONTENT_TYPE, problem_body
from resumeforge.observability.metrics import observe_request

log = structlog.get_logger("resumeforge.access")

REQUEST_ID_HEADER = b"x-request-id"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)
# Every answer is data, never a page to frame or a type to guess.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    # The web pages load nothing from another host and run no inline script.
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
]
# An answer that is not a page loads nothing and is framed by nobody; pages set their own.
DATA_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")
NO_STORE = (b"cache-control", b"no-store")
# Assets are the same for everyone and may be cached, even when a cookie came along.
CACHEABLE_PREFIXES = ("/static/",)
# A caller's id is echoed only if it is short and harmless; otherwise we make our own.
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class BodyTooLarge(HTTPException):
    """An HTTPException, so the framework's body parsing lets it through as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        hsts: bool = False,
        slow_seconds: float = 1.0,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.hsts = hsts
        self.slow_seconds = slow_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False
        streaming = False
        structlog.contextvars.bind_contextvars(request_id=request_id)

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started, streaming
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                streaming = _is_event_stream(message.get("headers", []))
                headers = protective_headers(
                    list(message.get("headers", [])), scope, hsts=self.hsts
                )
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            if _declared_length(scope) > self.max_body_bytes:
                status = 413
                await _send_too_large(send_with_id, request_id, scope, self.max_body_bytes)
                return
            await self.app(scope, self._limited(receive), send_with_id)
        except BodyTooLarge:
            status = 413
            await _send_too_large(send_with_id, request_id, scope, self.max_body_bytes)
        except Exception as error:
            # The one place an unexpected error ends: logged with its traceback, answered
            # with a problem that says nothing of it.
            log.exception("unhandled error", error_type=type(error).__name__)
            if not response_started:
                await _send_problem(
                    send_with_id,
                    500,
                    problem_body(**INTERNAL_ERROR, path=scope["path"], request_id=request_id),
                )
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", "unmatched")
            observe_request(scope["method"], route, status, seconds)
            # An event stream lasts as long as its generation: long is not slow there.
            slow = seconds >= self.slow_seconds and not streaming
            (log.warning if slow else log.info)(
                "slow request" if slow else "request",
                method=scope["method"],
                route=route,
                path=scope["path"],
                status=status,
                duration_ms=round(seconds * 1000, 1),
                user_id=scope["state"].get("user_id"),
            )
            structlog.contextvars.unbind_contextvars("request_id")

    def _limited(self, receive: Receive) -> Receive:
        """Count streamed bytes too: Content-Length may be absent (chunked) or a lie."""
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        return limited_receive


def protective_headers(
    headers: list[tuple[bytes, bytes]], scope: Scope, *, hsts: bool
) -> list[tuple[bytes, bytes]]:
    """The answer's headers with ours added: no sniffing, no framing, no referrer; no
    caching of anything a credential asked for; HSTS in production."""
    names = {name.lower() for name, _ in headers}
    headers = [*headers, *SECURITY_HEADERS]
    credentialed = any(name in (b"authorization", b"cookie") for name, _ in scope["headers"])
    if credentialed and not scope["path"].startswith(CACHEABLE_PREFIXES):
        # Whatever the route said: a shared cache must never keep one user's answer.
        headers = [(n, v) for n, v in headers if n.lower() != b"cache-control"]
        headers.append(NO_STORE)
    elif b"cache-control" not in names:
        headers.append(NO_STORE)
    if b"content-security-policy" not in names and not _is_html(headers):
        headers.append(DATA_CSP)
    if hsts:
        headers.append(HSTS)
    return headers


def _is_event_stream(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(
        n.lower() == b"content-type" and v.startswith(b"text/event-stream") for n, v in headers
    )


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(n.lower() == b"content-type" and v.startswith(b"text/html") for n, v in headers)


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_HEADER:
            candidate: str = value.decode("latin-1")  # ASGI header values are bytes
            if SAFE_REQUEST_ID.match(candidate):
                return candidate
    return uuid.uuid4().hex


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


async def _send_too_large(send: Send, request_id: str, scope: Scope, limit: int) -> None:
    body = problem_body(
        status=413,
        slug="payload-too-large",
        title="Payload too large",
        detail=f"The request body is larger than {limit} bytes.",
        path=scope["path"],
        request_id=request_id,
    )
    await _send_problem(send, 413, body, close=True)


async def _send_problem(send: Send, status: int, body: dict[str, Any], close: bool = False) -> None:
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", PROBLEM_CONTENT_TYPE.encode()),
        (b"content-length", str(len(payload)).encode()),
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
