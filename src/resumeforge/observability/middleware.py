"""One ASGI middleware for every request: a request id, a body size limit, one access log line."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumeforge.errors import PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE

log = structlog.get_logger("resumeforge.access")

REQUEST_ID_HEADER = b"x-request-id"
# A caller's id is echoed only if it is short and harmless; otherwise we make our own.
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class BodyTooLarge(Exception):
    pass


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        structlog.contextvars.bind_contextvars(request_id=request_id)

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
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
        finally:
            log.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
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
                    raise BodyTooLarge
            return message

        return limited_receive


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_HEADER:
            candidate = value.decode("latin-1")
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
    import json

    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + "payload-too-large",
        "title": "Payload too large",
        "status": 413,
        "detail": f"The request body is larger than {limit} bytes.",
        "instance": scope["path"],
        "request_id": request_id,
    }
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", PROBLEM_CONTENT_TYPE.encode()),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
