"""One account cannot slow everyone else: uploads and logins under abuse, over real HTTP.

Run from the project root:  .venv/bin/python bench/abuse.py [--seconds 20]

Starts a throwaway database (on TEST_DATABASE_URL's server, else the embedded one) and the API
(`resumeforge serve` on 127.0.0.1, no in-process worker); then prints one table:
- another account's one-page upload, alone (the reference) and while one account keeps 16
  slow uploads (six scanned pages each, read by Tesseract) going at once;
- GET /health/live, alone (the reference) and while 15 logins run at once, all the time.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generations import percentile, process, wait_ready  # noqa: E402
from tests.databases import throwaway_database  # noqa: E402
from tests.documents.files import scanned_pdf, text_pdf  # noqa: E402
from tests.loopback import free_port  # noqa: E402

PASSWORD = "benchmark password"


def slow_pdf(pages: int = 6) -> bytes:
    """A scan of several pages: every page goes through OCR, seconds of work per upload."""
    scan = pdfium.PdfDocument(scanned_pdf())
    document = pdfium.PdfDocument.new()
    document.import_pages(scan, [0] * pages)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def account(client: httpx.AsyncClient) -> dict[str, str]:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
    await client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
    tokens = (
        await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    ).json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def upload_seconds(client: httpx.AsyncClient, headers: dict[str, str], pdf: bytes) -> float:
    started = time.perf_counter()
    response = await client.post(
        "/api/v1/documents", files={"file": ("cv.pdf", pdf, "application/pdf")}, headers=headers
    )
    if response.status_code != 201:
        raise RuntimeError(f"the victim's upload answered {response.status_code}")
    return time.perf_counter() - started


async def live_seconds(client: httpx.AsyncClient) -> float:
    started = time.perf_counter()
    (await client.get("/health/live")).raise_for_status()
    return time.perf_counter() - started


async def keep_going(stop: asyncio.Event, attempt: object) -> dict[int, int]:
    """Repeat `attempt()` until told to stop; count the answers by status."""
    answers: dict[int, int] = {}
    while not stop.is_set():
        status = await attempt()  # type: ignore[operator]
        answers[status] = answers.get(status, 0) + 1
    return answers


async def samples(measure: object, count: int) -> list[float]:
    values = []
    for _ in range(count):
        values.append(await measure())  # type: ignore[operator]
        await asyncio.sleep(0.05)
    return values


def row(label: str, values: list[float], extra: str = "") -> str:
    median = statistics.median(values) * 1000
    p95 = percentile(values, 0.95) * 1000
    worst = max(values) * 1000
    return f"| {label} | {len(values)} | {median:,.0f} | {p95:,.0f} | {worst:,.0f} | {extra} |"


async def measure(base_url: str, seconds: float) -> list[str]:
    limits = httpx.Limits(max_connections=200)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        await wait_ready(client)
        abuser, victim = await account(client), await account(client)
        one_page, heavy = text_pdf(), slow_pdf()
        await upload_seconds(client, victim, one_page)  # warm the parser pool

        alone = await samples(lambda: upload_seconds(client, victim, one_page), 5)
        stop = asyncio.Event()

        async def abusive_upload() -> int:
            response = await client.post(
                "/api/v1/documents",
                files={"file": ("scan.pdf", heavy, "application/pdf")},
                headers=abuser,
            )
            if response.status_code == 429:
                await asyncio.sleep(float(response.headers.get("retry-after", "1")))
            return response.status_code

        abusers = [asyncio.create_task(keep_going(stop, abusive_upload)) for _ in range(16)]
        await asyncio.sleep(2.0)  # the slow uploads are in the parser by now
        under_abuse = await samples(lambda: upload_seconds(client, victim, one_page), 5)
        await asyncio.sleep(max(0.0, seconds / 2 - 2.0))
        stop.set()
        upload_answers = _merged(await asyncio.gather(*abusers))

        live_alone = await samples(lambda: live_seconds(client), 40)
        stop = asyncio.Event()

        async def login() -> int:
            email = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
            response = await client.post(
                "/api/v1/auth/login", json={"email": email, "password": "wrong password"}
            )
            return response.status_code

        logins = [asyncio.create_task(keep_going(stop, login)) for _ in range(15)]
        await asyncio.sleep(1.0)
        live_busy = await samples(lambda: live_seconds(client), max(40, int(seconds * 10)))
        stop.set()
        login_answers = _merged(await asyncio.gather(*logins))

    return [
        "| what | samples | median ms | p95 ms | max ms | the load's answers |",
        "|---|---|---|---|---|---|",
        row("one-page upload, alone (reference)", alone),
        row(
            "one-page upload, 16 slow uploads of another account", under_abuse, _fmt(upload_answers)
        ),
        row("GET /health/live, alone (reference)", live_alone),
        row("GET /health/live, 15 concurrent logins", live_busy, _fmt(login_answers)),
    ]


def _merged(counts: list[dict[int, int]]) -> dict[int, int]:
    merged: dict[int, int] = {}
    for count in counts:
        for status, n in count.items():
            merged[status] = merged.get(status, 0) + n
    return merged


def _fmt(answers: dict[int, int]) -> str:
    return ", ".join(f"{n}× {status}" for status, n in sorted(answers.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    args = parser.parse_args()
    port = args.port or free_port()
    with throwaway_database("resumeforge_bench_abuse") as database_url:
        environment = {
            **os.environ,
            "RESUMEFORGE_ENV": "test",
            "DATABASE_URL": database_url,
            "SERVE_WITH_WORKER": "false",
            "RATE_LIMIT_AUTH": "100000/minute",
            "OCR_ENABLED": "true",
            "LOG_LEVEL": "WARNING",
        }
        with process("serve", "--port", str(port), env=environment):
            lines = asyncio.run(measure(f"http://127.0.0.1:{port}", args.seconds))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
