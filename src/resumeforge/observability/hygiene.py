"""Control characters are refused at the door, for every route: in the path, the query and
any JSON or form body.

PostgreSQL refuses NUL in text and any UTF-8 encoder refuses a lone surrogate, so such input
reaching a query would end as a 500; other C0 controls have no business in an e-mail, a name
or a job ad. Tab, line feed and carriage return stay allowed in bodies (a pasted job ad has
them), never in a path or a query.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumeforge.errors import PROBLEM_CONTENT_TYPE, problem_body

# C0 controls but tab, LF and CR; DEL; and UTF-16 surrogates (never valid on their own).
_BODY_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# A path or a query value holds no control at all, C1 included.
_LINE_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Raw JSON can carry a control character only as an escape (a raw one is invalid JSON) or
# as a raw DEL: a body without any of these needs no parse here.
_SUSPICIOUS_JSON = re.compile(rb"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F]|\x7f")
_FORM = "application/x-www-form-urlencoded"


class ForbiddenCharacter(Exception):
    def __init__(self, where: str, character: str) -> None:
        super().__init__(f"{where} contains the control character U+{ord(character):04X}.")


class InputHygieneMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            check_path_and_query(scope)
            kind = _checked_body_kind(scope)
            if kind is not None:
                body, receive = await _buffered_body(receive)
                check_body(body, kind)
        except ForbiddenCharacter as error:
            await _refuse(scope, send, str(error))
            return
        await self.app(scope, receive, send)


def check_path_and_query(scope: Scope) -> None:
    _check_line("The path", scope["path"])
    query: bytes = scope.get("query_string", b"")
    if not query:
        return
    try:
        decoded = unquote_to_bytes(query).decode("utf-8")
    except UnicodeDecodeError:
        raise ForbiddenCharacter("The query", "\ufffd") from None
    _check_line("The query", decoded)


def check_body(body: bytes, kind: str) -> None:
    """Raise ForbiddenCharacter naming the field that holds a control character."""
    if kind == "json":
        if not _SUSPICIOUS_JSON.search(body):
            return
        try:
            document = json.loads(body)
        except ValueError:
            return  # not JSON: the route's validation answers that
        _check_value(document, "body")
    else:
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return
        for name, value in pairs:
            _check_text(f"The form field {name!r}", value)


def _check_line(where: str, value: str) -> None:
    found = _LINE_FORBIDDEN.search(value)
    if found:
        raise ForbiddenCharacter(where, found.group())


def _check_text(where: str, value: str) -> None:
    found = _BODY_FORBIDDEN.search(value)
    if found:
        raise ForbiddenCharacter(where, found.group())


def _check_value(value: Any, path: str) -> None:
    if isinstance(value, str):
        _check_text(f"The field {path!r}", value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(f"A field name in {path!r}", key)
            _check_value(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_value(item, f"{path}.{index}")


def _checked_body_kind(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            media_type = value.decode("latin-1").split(";", 1)[0].strip().lower()
            if media_type == "application/json" or media_type.endswith("+json"):
                return "json"
            if media_type == _FORM:
                return "form"
            return None
    return None


async def _buffered_body(receive: Receive) -> tuple[bytes, Receive]:
    """Read the whole body (the outer middleware bounds its size) and replay it after."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


async def _refuse(scope: Scope, send: Send, detail: str) -> None:
    request_id = str(scope.get("state", {}).get("request_id", ""))
    payload = json.dumps(
        problem_body(
            status=400,
            slug="control-character",
            title="Control character in the request",
            detail=detail,
            path=scope["path"].encode("unicode_escape").decode("ascii"),
            request_id=request_id,
        )
    ).encode()
    headers = [
        (b"content-type", PROBLEM_CONTENT_TYPE.encode()),
        (b"content-length", str(len(payload)).encode()),
    ]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
