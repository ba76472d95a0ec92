"""Median warm render times for a two-page résumé, beside references run in the same process.

Run: .venv/bin/python bench/render.py [--runs N]
References: python-docx saving a bare document (the floor for any DOCX), Typst compiling a
one-line document (the floor for any PDF), LibreOffice converting our DOCX to PDF (the usual
alternative to Typst) and pdftoppm rasterising page 1 (the usual alternative to PDFium).
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import typst
from docx import Document
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.rendering.conftest import two_page_resume

from resumeforge.rendering.service import (
    render_preview_png,
    render_resume_docx,
    render_resume_pdf,
)
from resumeforge.resume.schemas import Resume

BUDGET_MS = {"PDF (Typst)": 20.0, "DOCX (python-docx)": 30.0, "PNG preview, page 1": 50.0}


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: compiler built, fonts and templates cached
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_docx() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def libreoffice_pdf_ms(docx: bytes) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "resume.docx"
        source.write_bytes(docx)
        profile = (Path(folder) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        command += ["--outdir", folder, str(source)]
        subprocess.run(command, check=True, capture_output=True)  # first start creates the profile
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return (time.perf_counter() - start) * 1000


def pdftoppm_ms(pdf: bytes, runs: int) -> float | None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "resume.pdf"
        source.write_bytes(pdf)
        command = [pdftoppm, "-r", "100", "-f", "1", "-l", "1", "-png", str(source)]
        command.append(str(Path(folder) / "page"))
        return median_ms(lambda: subprocess.run(command, check=True), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    resume = two_page_resume()
    pdf = render_resume_pdf(resume)
    assert pdf.pages == 2, "the benchmark résumé must be two pages"
    docx = render_resume_docx(resume).content
    bare_typst = typst.Compiler()
    counter = iter(range(10**9))

    def one_line_typst() -> object:
        # A different number each time: Typst memoises identical compilations.
        return bare_typst.compile(f"Hello, world {next(counter)}.".encode())

    def fmt(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1f}"

    def varied_resume() -> Resume:
        # Typst memoises whole compilations: a fresh detail each run measures real work.
        resume.basics.label = f"Senior Backend Engineer {next(counter)}"
        return resume

    pdf_references = {
        "Typst, one-line document": median_ms(one_line_typst, runs),
        "LibreOffice DOCX → PDF (one run)": libreoffice_pdf_ms(docx),
    }
    rows = [
        (
            "PDF (Typst)",
            median_ms(lambda: render_resume_pdf(varied_resume()), runs),
            pdf_references,
        ),
        (
            "DOCX (python-docx)",
            median_ms(lambda: render_resume_docx(varied_resume()), runs),
            {"python-docx, bare document": median_ms(bare_docx, runs)},
        ),
        (
            "PNG preview, page 1",
            median_ms(lambda: render_preview_png(pdf.content, page=0, dpi=100), runs),
            {"pdftoppm -r 100, page 1": pdftoppm_ms(pdf.content, max(5, runs // 3))},
        ),
    ]
    table = Table(title=f"Two-page résumé, classic template: median of {runs} warm runs, ms")
    for column, justify in (
        ("output", "left"),
        ("ours", "right"),
        ("budget", "right"),
        ("within", "center"),
        ("references in the same run", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for output, ours, references in rows:
        budget = BUDGET_MS[output]
        shown = "; ".join(f"{name} {fmt(ms)}" for name, ms in references.items())
        table.add_row(output, fmt(ours), fmt(budget), "yes" if ours <= budget else "NO", shown)
    Console(width=140).print(table)


if __name__ == "__main__":
    main()
