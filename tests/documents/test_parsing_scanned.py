"""A scanned résumé goes through OCR; without OCR to PDF.co (a fake on loopback); else 422."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from resumeforge.config import Settings
from resumeforge.documents import errors
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.ocr import tesseract_available
from tests.documents.files import RESUME_LINES, scanned_pdf

API_KEY = "test-key"


@dataclass
class FakePdfco:
    """What the fake PDF.co server saw, and how many 503s it still has to answer."""

    base_url: str = ""
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    failures_left: int = 1


@pytest.fixture
def pdfco() -> Iterator[FakePdfco]:
    state = FakePdfco()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])) or b"{}")
            state.requests.append((self.path, body))
            if self.headers.get("x-api-key") != API_KEY:
                return self._answer(401, {"error": True, "message": "bad key"})
            if self.path == "/v1/file/upload/base64":
                return self._answer(200, {"url": f"{state.base_url}/files/1.pdf", "error": False})
            if self.path == "/v1/pdf/convert/to/text":
                if state.failures_left:
                    state.failures_left -= 1
                    return self._answer(503, {"error": True, "message": "busy"})
                return self._answer(
                    200, {"body": "\n".join(RESUME_LINES), "error": False, "status": 200}
                )
            return self._answer(404, {"error": True})

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            raw = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def scan() -> bytes:
    return scanned_pdf()


@pytest.fixture
def tesseract() -> None:
    """Skips without Debian's tesseract-ocr, except under CI, whose run installs it."""
    if not tesseract_available():
        if os.environ.get("CI"):
            pytest.fail("CI must have tesseract-ocr (scripts/install-system-deps installs it)")
        pytest.skip("Debian tesseract-ocr is not installed")


@pytest.mark.usefixtures("tesseract")
def test_scanned_resume_is_read_by_ocr(scan: bytes) -> None:
    parsed = parse_document(
        scan, filename="scan.pdf", settings=Settings(ocr_enabled=True, pdfco_api_key=None)
    )
    resume = parsed.resume
    assert parsed.extraction == ["pdf", "ocr"]
    assert resume.meta.extraction == ["pdf", "ocr"]
    assert resume.basics.name == "Maria Jensen"
    assert resume.basics.email == "maria.jensen@example.org"
    assert [s.kind.value for s in resume.meta.sections] == ["work", "education", "skills"]
    assert resume.work[0].position == "Senior Data Engineer"


def test_without_ocr_the_scan_goes_to_pdfco(scan: bytes, pdfco: FakePdfco) -> None:
    settings = Settings(ocr_enabled=False, pdfco_api_key=API_KEY, pdfco_base_url=pdfco.base_url)
    parsed = parse_document(scan, filename="scan.pdf", settings=settings)
    assert parsed.extraction == ["pdf", "pdfco"]
    assert parsed.resume.basics.email == "maria.jensen@example.org"
    assert parsed.resume.work[1].name.startswith("Contoso Ltd.")
    paths = [path for path, _ in pdfco.requests]
    # One upload, then the conversion retried once after the 503.
    assert paths == ["/v1/file/upload/base64", "/v1/pdf/convert/to/text", "/v1/pdf/convert/to/text"]
    assert (
        pdfco.requests[1][1]["url"].endswith("/files/1.pdf")
        and pdfco.requests[1][1]["inline"] is True
    )


def test_pdfco_refusing_the_key_is_no_readable_text(scan: bytes, pdfco: FakePdfco) -> None:
    settings = Settings(ocr_enabled=False, pdfco_api_key="wrong", pdfco_base_url=pdfco.base_url)
    with pytest.raises(errors.NoReadableText):
        parse_document(scan, settings=settings)


def test_without_ocr_or_pdfco_a_scan_is_422(scan: bytes) -> None:
    with pytest.raises(errors.NoReadableText) as caught:
        parse_document(scan, settings=Settings(ocr_enabled=False, pdfco_api_key=None))
    assert caught.value.status == 422 and caught.value.slug == "no-readable-text"
    assert caught.value.extra["extraction"] == ["pdf"]
