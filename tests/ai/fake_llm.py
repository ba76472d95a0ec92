"""A fake LLM server on 127.0.0.1 speaking Gemini `generateContent` (v1 or v1beta) and OpenAI chat
completions, so the tests run the real SDK clients. Each test scripts its replies; when the
script runs out, the server answers each task with a good JSON answer."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from tests.loopback import free_port

GOOD_JOB = {
    "title": "Senior Backend Engineer",
    "company": "Lumen Freight",
    "skills": ["python", "fastapi", "kafka", "redis", "kubernetes"],
    "keywords": ["python", "postgresql", "redis caching", "kafka"],
}
GOOD_EDITS = {
    "summary": "Backend engineer with 6 years of Python experience building APIs on AWS.",
    "rewrites": [
        {
            "path": "work[0].highlights[1]",
            "original": "Cut p95 API latency by 35% by adding Redis caching to FastAPI services.",
            "text": "Added Redis caching to FastAPI services, cutting p95 API latency by 35%.",
        }
    ],
    "bullet_selections": [{"item": "work[0]", "keep": [1, 2, 3]}],
    "item_orders": [{"section": "projects", "order": [1, 0]}],
}
GOOD_LETTER = {
    "greeting": "Dear Hiring Manager,",
    "paragraphs": [
        "I am applying for the Senior Backend Engineer role at Lumen Freight.",
        "At Harbour Analytics I cut p95 API latency by 35% with Redis caching.",
    ],
    "closing": "Sincerely,",
}


@dataclass
class Reply:
    """One scripted HTTP answer; `text` is what the model "says" on a 200."""

    status: int = 200
    text: str | None = None
    body: dict[str, Any] | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    finish: str = ""


def good_answer(prompt: str) -> str:
    if "Extract the structure of the job" in prompt:
        return json.dumps(GOOD_JOB)
    if "Write a cover letter" in prompt:
        return json.dumps(GOOD_LETTER)
    return json.dumps(GOOD_EDITS)


@dataclass
class Seen:
    api: str
    model: str
    body: dict[str, Any]

    @property
    def text(self) -> str:
        return json.dumps(self.body)


class FakeLLM:
    def __init__(self) -> None:
        self.script: list[Reply] = []
        self.repeat: Reply | None = None
        self.answer: Callable[[str], str] = good_answer
        self.seen: list[Seen] = []
        self.url = ""
        self.delay = 0.0  # seconds before each default (unscripted) answer

    def reset(self) -> None:
        self.script, self.repeat, self.answer, self.seen = [], None, good_answer, []
        self.delay = 0.0

    def next_reply(self, prompt: str) -> Reply:
        if self.script:
            return self.script.pop(0)
        if self.repeat is not None:
            return self.repeat
        return Reply(text=self.answer(prompt), delay=self.delay)


def build_app(fake: FakeLLM) -> FastAPI:
    app = FastAPI()

    @app.post("/{api_version}/models/{model_and_method}")
    async def generate_content(
        api_version: str, model_and_method: str, request: Request
    ) -> JSONResponse:
        body = await request.json()
        model = model_and_method.split(":")[0]
        fake.seen.append(Seen("gemini", model, body))
        prompt = body["contents"][0]["parts"][0]["text"]
        reply = fake.next_reply(prompt)
        await asyncio.sleep(reply.delay)
        if reply.body is not None or reply.status != 200:
            return JSONResponse(reply.body or {}, status_code=reply.status, headers=reply.headers)
        return JSONResponse(gemini_answer(reply.text or "", model, reply.finish or "STOP"))

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> JSONResponse:
        body = await request.json()
        fake.seen.append(Seen("openai", body["model"], body))
        prompt = next(m["content"] for m in body["messages"] if m["role"] == "user")
        reply = fake.next_reply(prompt)
        await asyncio.sleep(reply.delay)
        if reply.body is not None or reply.status != 200:
            return JSONResponse(reply.body or {}, status_code=reply.status, headers=reply.headers)
        return JSONResponse(openai_answer(reply.text or "", body["model"], reply.finish or "stop"))

    return app


def gemini_answer(text: str, model: str, finish: str) -> dict[str, Any]:
    return {
        "candidates": [
            {
                "content": {"role": "model", "parts": [{"text": text}]},
                "finishReason": finish,
                "index": 0,
            }
        ],
        "usageMetadata": {
            "promptTokenCount": 1000,
            "candidatesTokenCount": 200,
            "totalTokenCount": 1200,
        },
        "modelVersion": model,
    }


def gemini_error(code: int, status: str, details: list[dict[str, Any]] | None = None) -> Reply:
    body = {"error": {"code": code, "message": status.lower(), "status": status}}
    if details:
        body["error"]["details"] = details
    return Reply(status=code, body=body)


def openai_answer(text: str, model: str, finish: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish,
            }
        ],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
    }


def openai_error(code: int, message: str = "error", headers: dict[str, str] | None = None) -> Reply:
    return Reply(
        status=code,
        body={"error": {"message": message, "type": "error", "code": None}},
        headers=headers or {},
    )


def serve(fake: FakeLLM) -> Iterator[FakeLLM]:
    port = free_port()
    config = uvicorn.Config(build_app(fake), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the fake LLM server did not start")
        time.sleep(0.01)
    fake.url = f"http://127.0.0.1:{port}"
    try:
        yield fake
    finally:
        server.should_exit = True
        thread.join(timeout=5)
