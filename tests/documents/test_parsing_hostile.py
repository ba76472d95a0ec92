"""Bad input gets the right typed 4xx error, never a crash, a hang or an empty résumé."""

from __future__ import annotations

import multiprocessing

import pytest

from resumeforge.config import Settings
from resumeforge.documents import errors
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.isolation import ParseJob, _Worker
from resumeforge.documents.parsing.sniff import sniff_media_type
from resumeforge.errors import ServiceUnavailable
from tests.documents.files import (
    docm,
    encrypted_pdf,
    png_bytes,
    resume_docx,
    rezip,
    text_pdf,
    zip_bomb_docx,
)


@pytest.fixture(scope="module")
def parse_settings() -> Settings:
    return Settings(ocr_enabled=False, pdfco_api_key=None)


def test_encrypted_pdf_is_refused(parse_settings: Settings) -> None:
    with pytest.raises(errors.EncryptedPdf) as caught:
        parse_document(encrypted_pdf(), filename="locked.pdf", settings=parse_settings)
    assert caught.value.status == 422 and caught.value.slug == "encrypted-pdf"


def test_zip_bomb_docx_is_refused_before_reading(parse_settings: Settings) -> None:
    with pytest.raises(errors.ZipBomb) as caught:
        parse_document(zip_bomb_docx(), filename="cv.docx", settings=parse_settings)
    assert caught.value.slug == "zip-bomb"


def test_docx_with_too_many_parts_is_a_zip_bomb(parse_settings: Settings) -> None:
    crowded = rezip(resume_docx(), extra={f"word/media/{n}.bin": b"x" for n in range(1100)})
    with pytest.raises(errors.ZipBomb):
        parse_document(crowded, settings=parse_settings)


def test_macro_enabled_document_is_refused(parse_settings: Settings) -> None:
    with pytest.raises(errors.MacroEnabledDocument) as caught:
        parse_document(docm(), filename="cv.docx", settings=parse_settings)
    assert caught.value.status == 415 and caught.value.slug == "macro-enabled"


def test_png_renamed_pdf_is_unsupported(parse_settings: Settings) -> None:
    with pytest.raises(errors.UnsupportedFileType) as caught:
        parse_document(png_bytes(), filename="cv.pdf", settings=parse_settings)
    assert caught.value.status == 415 and "PNG" in caught.value.detail


def test_zip_that_is_not_a_word_document_is_unsupported(parse_settings: Settings) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(errors.UnsupportedFileType):
        parse_document(buffer.getvalue(), filename="cv.docx", settings=parse_settings)


def test_pdf_over_the_page_limit_is_refused(parse_settings: Settings) -> None:
    with pytest.raises(errors.TooManyPages) as caught:
        parse_document(text_pdf(pages=21), settings=parse_settings)
    assert caught.value.slug == "too-many-pages"


def test_file_over_the_size_limit_is_413() -> None:
    settings = Settings(max_upload_bytes=2048, ocr_enabled=False)
    with pytest.raises(errors.FileTooLarge) as caught:
        parse_document(b"%PDF-1.4\n" + b"0" * 4096, settings=settings)
    assert caught.value.status == 413 and caught.value.slug == "file-too-large"


def test_truncated_pdf_is_corrupt(parse_settings: Settings) -> None:
    data = text_pdf()
    with pytest.raises(errors.CorruptFile):
        parse_document(data[: len(data) // 3], settings=parse_settings)


def test_truncated_docx_is_corrupt(parse_settings: Settings) -> None:
    data = resume_docx()
    with pytest.raises(errors.CorruptFile):
        parse_document(data[: len(data) // 2], settings=parse_settings)


def test_empty_text_file_has_no_readable_text(parse_settings: Settings) -> None:
    with pytest.raises(errors.UnsupportedFileType):
        parse_document(b"   \n\n  ", filename="cv.txt", settings=parse_settings)
    with pytest.raises(errors.NoReadableText):
        parse_document(b"a b c\n", filename="cv.txt", settings=parse_settings)


def test_a_parse_over_the_time_limit_is_stopped() -> None:
    settings = Settings(parse_timeout_seconds=0.001, ocr_enabled=False)
    with pytest.raises(errors.ParseTimeout) as caught:
        parse_document(text_pdf(pages=20), settings=settings)
    assert caught.value.slug == "parse-timeout"
    # The killed worker is replaced: the next parse works.
    assert parse_document(text_pdf(), settings=Settings(ocr_enabled=False)).resume.basics.name


def _job(data: bytes) -> ParseJob:
    return ParseJob(data, sniff_media_type(data), 20, False, 20.0)


def test_a_worker_slow_to_start_does_not_count_against_the_parse_limit() -> None:
    # A spawned worker imports every reader afresh (about half a second here), as a fork
    # server does on a starved machine; the limit, shorter than that start, is the parse's.
    worker = _Worker(1024, multiprocessing.get_context("spawn"))
    try:
        status, parsed = worker.run(_job(text_pdf()), timeout=0.3)
    finally:
        worker.stop()
    assert status == "ok" and parsed.resume.basics.name


def test_a_worker_that_never_starts_is_the_servers_fault_not_the_files() -> None:
    worker = _Worker(1024, multiprocessing.get_context("spawn"))
    worker.process.kill()  # gone long before its readers are imported
    with pytest.raises(ServiceUnavailable) as caught:
        worker.run(_job(text_pdf()), timeout=5.0)
    assert caught.value.status == 503
