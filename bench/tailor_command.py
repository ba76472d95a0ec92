"""Wall time of `resumeforge tailor` (offline, with a cover letter) on corpus PDFs, in fresh
processes as a user runs it, beside `resumeforge parse` of the same file in the same run (the
start-up and reading every command pays) so the figure is the tailoring's own cost.

Run: .venv/bin/python bench/tailor_command.py [--runs N]
Target: under 2 s wall for a résumé, a job and a letter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
COMMAND = str(Path(sys.executable).with_name("resumeforge"))
TARGET_S = 2.0


def wall_seconds(arguments: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([COMMAND, *arguments], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    resumes = sorted((CORPUS / "resumes").glob("*.pdf"))[:4]
    job = CORPUS / "jobs" / "rm-backend-eng.txt"
    if not resumes or not job.is_file():
        sys.exit(f"the shared corpus is needed at {CORPUS}")
    title = f"resumeforge tailor, offline, median of {runs} runs (target < {TARGET_S} s)"
    table = Table(title=title)
    for column in ("résumé", "parse (reference) s", "tailor + letter s", "within target"):
        table.add_column(column)
    for resume in resumes:
        with tempfile.TemporaryDirectory() as out:
            parse = wall_seconds(["parse", str(resume)], runs)
            tailor = wall_seconds(
                ["tailor", str(resume), "--job", str(job), "--cover-letter", "-o", out], runs
            )
        table.add_row(resume.name, f"{parse:.2f}", f"{tailor:.2f}", str(tailor < TARGET_S))
    Console().print(table)


if __name__ == "__main__":
    main()
