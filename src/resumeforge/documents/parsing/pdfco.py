"""PDF.co's PDF-to-text API, the last resort for scanned PDFs when it is configured.

The file is uploaded through `/v1/file/upload/base64`, then converted by
`/v1/pdf/convert/to/text` with `inline: true`; both with the `x-api-key` header.
"""

from __future__ import annotations

import base64
import time

import httpx

from resumeforge.config import Settings
from resumeforge.documents.errors import NoReadableText

MAX_ATTEMPTS = 3
RETRY_STATUSES = {429, 500, 502, 503, 504}


class PdfcoUnavailable(NoReadableText):
    slug, title = "no-readable-text", "No readable text was found in the document"


def pdfco_text(data: bytes, *, filename: str, settings: Settings) -> str:
    """The text PDF.co extracts from `data`; raises NoReadableText when it cannot get any."""
    headers = {"x-api-key": settings.pdfco_api_key or ""}
    with httpx.Client(
        base_url=settings.pdfco_base_url, headers=headers, timeout=settings.pdfco_timeout_seconds
    ) as client:
        uploaded = _post(
            client,
            "/v1/file/upload/base64",
            {"file": base64.b64encode(data).decode("ascii"), "name": filename or "resume.pdf"},
        )
        converted = _post(
            client,
            "/v1/pdf/convert/to/text",
            {"url": uploaded.get("url", ""), "inline": True, "async": False, "name": "resume.txt"},
        )
    text = converted.get("body")
    return text if isinstance(text, str) else ""


def _post(client: httpx.Client, path: str, body: dict[str, object]) -> dict[str, object]:
    """POST with retries on 429 and 5xx (honouring Retry-After, capped); JSON object back."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            response = client.post(path, json=body)
        except httpx.TransportError as error:
            if attempt == MAX_ATTEMPTS:
                raise PdfcoUnavailable(
                    f"PDF.co could not be reached ({type(error).__name__})."
                ) from None
            time.sleep(_backoff(attempt, None))
            continue
        if response.status_code in RETRY_STATUSES and attempt < MAX_ATTEMPTS:
            time.sleep(_backoff(attempt, response.headers.get("retry-after")))
            continue
        return _json_object(response)
    raise PdfcoUnavailable("PDF.co did not answer.")  # pragma: no cover - the loop returns


def _backoff(attempt: int, retry_after: str | None) -> float:
    if retry_after and retry_after.isdigit():
        return min(float(retry_after), 5.0)
    return min(0.25 * 2.0 ** (attempt - 1), 2.0)


def _json_object(response: httpx.Response) -> dict[str, object]:
    if response.status_code >= 400:
        raise PdfcoUnavailable(f"PDF.co answered {response.status_code}.")
    try:
        payload = response.json()
    except ValueError:
        raise PdfcoUnavailable("PDF.co answered with something that is not JSON.") from None
    if not isinstance(payload, dict) or payload.get("error") is True:
        message = payload.get("message", "an error") if isinstance(payload, dict) else "an error"
        raise PdfcoUnavailable(f"PDF.co reported {message}.")
    return payload
