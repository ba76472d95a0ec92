"""What a file is, decided by its bytes (never its name), and the checks made before reading it."""

from __future__ import annotations

import io
import zipfile
import zlib
from enum import StrEnum

from resumeforge.documents.errors import (
    CorruptFile,
    MacroEnabledDocument,
    UnsupportedFileType,
    ZipBomb,
)

MAX_DOCX_ENTRIES = 1000
MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_MACRO_MARKERS = ("vbaproject", "macroenabled", "vbadata", "activex")


class MediaType(StrEnum):
    pdf = "application/pdf"
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    text = "text/plain"
    markdown = "text/markdown"


def sniff_media_type(data: bytes, filename: str = "") -> MediaType:
    """The media type from the first bytes; raises UnsupportedFileType for anything else."""
    head = data[:1024]
    if b"%PDF-" in head:
        return MediaType.pdf
    if data.startswith(b"PK\x03\x04"):
        check_docx_package(data)
        return MediaType.docx
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFileType(
            "Old binary Word (.doc) files are not accepted; save as DOCX or PDF."
        )
    if _looks_like_text(data):
        return (
            MediaType.markdown
            if filename.lower().endswith((".md", ".markdown"))
            else MediaType.text
        )
    raise UnsupportedFileType(_describe_unsupported(data, filename))


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if not sample.strip() or b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the sample's end is still text.
        if error.start < len(sample) - 4:
            return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(sample) * 0.01


def _describe_unsupported(data: bytes, filename: str) -> str:
    kinds = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image"}
    for magic, kind in kinds.items():
        if data.startswith(magic):
            return f"The file{f' {filename!r}' if filename else ''} is {kind}, not a PDF or DOCX."
    return "The file is not a PDF, DOCX, plain text or Markdown document."


def check_docx_package(data: bytes) -> None:
    """Refuse zip bombs, macro-enabled documents and zips that are not Word documents, unread."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        ValueError,
        OSError,
        EOFError,
    ) as error:
        raise CorruptFile(f"The DOCX is not a readable zip package ({error}).") from None
    if len(entries) > MAX_DOCX_ENTRIES:
        raise ZipBomb(
            f"The document holds {len(entries)} parts; at most {MAX_DOCX_ENTRIES} are allowed."
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_DOCX_UNCOMPRESSED_BYTES:
        raise ZipBomb(f"The document expands to {total // 1_048_576} MB.")
    compressed = sum(entry.compress_size for entry in entries)
    if total > 10 * 1024 * 1024 and total > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise ZipBomb("The document is compressed far more than any real document.")
    names = {entry.filename.casefold() for entry in entries}
    if any(marker in name for name in names for marker in _MACRO_MARKERS):
        raise MacroEnabledDocument("The document contains macros; save it as a plain DOCX.")
    if "[content_types].xml" not in names:
        raise UnsupportedFileType("The zip file is not a Word document.")
    content_types = _read_small(archive, "[Content_Types].xml")
    if b"macroenabled" in content_types.lower():
        raise MacroEnabledDocument(
            "The document is macro-enabled (.docm); save it as a plain DOCX."
        )
    if "word/document.xml" not in names:
        raise UnsupportedFileType("The package is not a Word document (no word/document.xml).")


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    info = next(
        entry for entry in archive.infolist() if entry.filename.casefold() == name.casefold()
    )
    if info.file_size > 1024 * 1024:
        raise ZipBomb("The document's content types part is implausibly large.")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, RuntimeError) as error:
        raise CorruptFile(f"The DOCX package is damaged ({error}).") from None
