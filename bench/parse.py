"""Parse speed over the shared corpus beside markitdown and pdfplumber, and peak memory on 20 pages.

Run from the project root: .venv/bin/python bench/parse.py [--repeat N]

Each in-process figure is given twice: wall time, and this process's CPU time ("cpu"). On a
machine others load, wall time counts the waits for a core; CPU time is close to what a quiet
machine's wall time would be, so it is the one to read against an absolute bar.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from markitdown import MarkItDown

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document, start_workers
from resumeforge.documents.parsing.isolation import ParseJob
from resumeforge.documents.parsing.service import parse_in_process
from resumeforge.documents.parsing.sniff import sniff_media_type

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "resumes"
SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    return medians_ms(action, repeat)[0]


def medians_ms(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in milliseconds."""
    action()  # warm caches (fonts, imports) so every library is timed the same way
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def resumeforge_parse(data: bytes) -> Callable[[], object]:
    job = ParseJob(data, sniff_media_type(data), SETTINGS.max_pdf_pages, False, 20.0)
    return lambda: parse_in_process(job)


def pdfplumber_text(data: bytes) -> Callable[[], object]:
    def run() -> str:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)

    return run


def markitdown_text(path: Path, converter: MarkItDown) -> Callable[[], object]:
    return lambda: converter.convert(str(path)).text_content


def twenty_page_pdf() -> bytes:
    document = pdfium.PdfDocument.new()
    for page_number in range(20):
        page = document.new_page(612, 792)
        for row in range(55):
            text = (
                f"Page {page_number + 1} line {row}: Engineer at Example Corp, 2019 - 2021, Python"
            )
            item = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", 10.0)
            encoded = (text + "\x00").encode("utf-16-le")
            pdfium_c.FPDFText_SetText(item, pdfium_c.cast(encoded, pdfium_c.FPDF_WIDESTRING))
            pdfium_c.FPDFPageObj_Transform(item, 1, 0, 0, 1, 40, 760 - row * 13)
            pdfium_c.FPDFPage_InsertObject(page.raw, item)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_PEAK_SCRIPT = """
import resource, sys
from resumeforge.documents.parsing.isolation import ParseJob
from resumeforge.documents.parsing.service import parse_in_process
from resumeforge.documents.parsing.sniff import MediaType
data = sys.stdin.buffer.read()
parsed = parse_in_process(ParseJob(data, MediaType.pdf, 20, False, 20.0))
assert parsed.pages == 20
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_memory_mb(data: bytes) -> float:
    """Peak resident memory of a fresh interpreter that imports the parser and parses `data`."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT], input=data, capture_output=True, check=True
    )
    return float(done.stdout.decode().strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in {".pdf", ".docx"})
    converter = MarkItDown()
    start_workers(1, memory_mb=SETTINGS.parse_memory_mb)
    rows = []
    print(
        f"{'document':34} {'pages':>5} {'resumeforge':>12} {'cpu':>8} {'isolated':>9}"
        f" {'markitdown':>11} {'cpu':>8} {'pdfplumber':>11}"
    )
    for path in files:
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data)) if path.suffix == ".pdf" else 0
        ours, ours_cpu = medians_ms(resumeforge_parse(data), args.repeat)
        isolated = median_ms(lambda d=data: parse_document(d, settings=SETTINGS), args.repeat)
        theirs, theirs_cpu = medians_ms(markitdown_text(path, converter), args.repeat)
        plumber = median_ms(pdfplumber_text(data), args.repeat) if pages else float("nan")
        rows.append((path, pages, ours, isolated, theirs, plumber, ours_cpu, theirs_cpu))
        plumber_shown = f"{plumber:9.1f}ms" if pages else f"{'-':>11}"
        print(
            f"{path.name[:34]:34} {pages or '-':>5} {ours:10.1f}ms {ours_cpu:6.1f}ms"
            f" {isolated:7.1f}ms {theirs:9.1f}ms {theirs_cpu:6.1f}ms {plumber_shown}"
        )
    short_pdfs = [row for row in rows if 1 <= row[1] <= 2]
    ours_median = statistics.median(row[2] for row in short_pdfs)
    ours_cpu_median = statistics.median(row[6] for row in short_pdfs)
    isolated_median = statistics.median(row[3] for row in short_pdfs)
    markitdown_median = statistics.median(row[4] for row in short_pdfs)
    markitdown_cpu_median = statistics.median(row[7] for row in short_pdfs)
    plumber_median = statistics.median(row[5] for row in short_pdfs)
    all_ours = statistics.median(row[2] for row in rows)
    all_markitdown = statistics.median(row[4] for row in rows)
    print()
    print(
        f"median, 1-2 page PDFs ({len(short_pdfs)}): resumeforge {ours_median:.1f} ms"
        f" (cpu {ours_cpu_median:.1f} ms, isolated {isolated_median:.1f} ms), "
        f"markitdown {markitdown_median:.1f} ms (cpu {markitdown_cpu_median:.1f} ms),"
        f" pdfplumber {plumber_median:.1f} ms"
    )
    print(
        f"  resumeforge is {markitdown_median / ours_median:.1f}x faster than markitdown"
        f" ({markitdown_cpu_median / ours_cpu_median:.1f}x in CPU time), "
        f"{plumber_median / ours_median:.1f}x faster than pdfplumber"
    )
    print(
        f"median, all {len(rows)} documents: resumeforge {all_ours:.1f} ms,"
        f" markitdown {all_markitdown:.1f} ms "
        f"({all_markitdown / all_ours:.1f}x)"
    )
    big = twenty_page_pdf()
    twenty_ms = median_ms(resumeforge_parse(big), 3)
    print(
        f"20-page PDF: parse {twenty_ms:.1f} ms,"
        f" peak memory {peak_memory_mb(big):.0f} MB (fresh process, RSS)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
