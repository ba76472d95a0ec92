"""Why a document could not be read, one type per reason, each a client-facing 4xx problem."""

from __future__ import annotations

from resumeforge.errors import PayloadTooLarge, UnprocessableContent, UnsupportedMediaType


class DocumentError(UnprocessableContent):
    """Base of every document problem that is about the file's content (422)."""

    slug, title = "unreadable-document", "The document cannot be read"


class FileTooLarge(PayloadTooLarge):
    slug, title = "file-too-large", "The file is larger than allowed"


class UnsupportedFileType(UnsupportedMediaType):
    slug, title = "unsupported-file-type", "Only PDF, DOCX, plain text and Markdown are accepted"


class MacroEnabledDocument(UnsupportedMediaType):
    slug, title = "macro-enabled", "Macro-enabled documents are not accepted"


class EncryptedPdf(DocumentError):
    slug, title = "encrypted-pdf", "The PDF is password-protected"


class TooManyPages(DocumentError):
    slug, title = "too-many-pages", "The PDF has more pages than allowed"


class CorruptFile(DocumentError):
    slug, title = "corrupt-file", "The file is damaged or not what it claims to be"


class ZipBomb(DocumentError):
    slug, title = "zip-bomb", "The document expands to more data than allowed"


class NoReadableText(DocumentError):
    slug, title = "no-readable-text", "No readable text was found in the document"


class ParseTimeout(DocumentError):
    slug, title = "parse-timeout", "The document took too long to read"


class ParseMemoryExceeded(DocumentError):
    slug, title = "parse-memory-exceeded", "The document needs too much memory to read"
