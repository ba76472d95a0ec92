"""How long each web page takes to answer, beside /health/live (the framework's floor here).

Run from the project root:  .venv/bin/python bench/pages.py [--rounds 30]

Starts `resumeforge serve` on a throwaway database (tests/web/server.py), signs a browser-like
client up, uploads a fictional résumé, tailors it once, then requests every page `--rounds`
times over real HTTP, one at a time, and prints one table: median and 95th percentile per page
in milliseconds, and each median as a multiple of /health/live's in the same run. The issue's
bar is that no page takes more than a second on this machine.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.screenshots import JOB_AD  # noqa: E402
from tests.web.server import serving  # noqa: E402

from resumeforge.rendering.service import render_resume_pdf  # noqa: E402
from resumeforge.resume.schemas import Resume  # noqa: E402
from resumeforge.web.view import SAMPLE_RESUME  # noqa: E402

PASSWORD = "benchmark password"


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', page.text)
    assert found, page.text[:300]
    return found.group(1)


def prepare(client: httpx.Client) -> dict[str, str]:
    """A signed-in user with one document and one finished generation; their page paths."""
    token = csrf_of(client.get("/signup"))
    client.post(
        "/signup", data={"email": "bench@example.com", "password": PASSWORD, "csrf_token": token}
    )
    resume = Resume.model_validate(json.loads(SAMPLE_RESUME.read_text()))
    pdf = render_resume_pdf(resume).content
    uploaded = client.post(
        "/documents",
        data={"csrf_token": token},
        files={"file": ("alex-rivera.pdf", pdf, "application/pdf")},
    )
    document_path = uploaded.headers["location"]
    document_id = document_path.split("/")[2]
    started = client.post(
        "/generations",
        data={
            "csrf_token": token,
            "document_id": document_id,
            "job_description": JOB_AD,
            "kind": "both",
        },
    )
    generation_path = started.headers["location"]
    deadline = time.monotonic() + 120
    while "Downloads" not in client.get(generation_path).text:
        if time.monotonic() > deadline:
            raise SystemExit("the generation did not finish in 120 s")
        time.sleep(0.2)
    return {
        "/health/live": "/health/live",
        "landing": "/",
        "dashboard": "/dashboard",
        "upload": "/documents/new",
        "review": document_path,
        "new generation": f"/generations/new?document={document_id}",
        "result": generation_path,
        "result page image": f"{generation_path}/pages/1.png",
        "tokens": "/tokens",
        "account": "/account",
        "docs": "/docs",
        "template thumbnail": "/templates/classic.png",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    with serving() as server, httpx.Client(base_url=server.base_url, timeout=30) as client:
        pages = prepare(client)
        timings: dict[str, list[float]] = {name: [] for name in pages}
        for _ in range(rounds):
            for name, path in pages.items():
                started = time.perf_counter()
                response = client.get(path)
                timings[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
    floor = statistics.median(timings["/health/live"])
    print(f"{'page':<22} {'median ms':>10} {'p95 ms':>8} {'x live':>7}")
    for name, values in timings.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        median = statistics.median(values)
        print(f"{name:<22} {median:>10.1f} {p95:>8.1f} {median / floor:>7.1f}")


if __name__ == "__main__":
    main()
