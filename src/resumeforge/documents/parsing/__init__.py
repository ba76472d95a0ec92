"""Résumé parsing: `parse_document(data)` turns PDF, DOCX, text or Markdown into a `Resume`."""

from resumeforge.documents.parsing.isolation import start_workers, stop_workers
from resumeforge.documents.parsing.service import (
    ParsedDocument,
    parse_document,
    parse_document_async,
)

__all__ = [
    "ParsedDocument",
    "parse_document",
    "parse_document_async",
    "start_workers",
    "stop_workers",
]
