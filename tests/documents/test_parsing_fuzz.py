"""Mutated documents (bytes and structure) fail only with a typed 4xx error.

That a parse is stopped at its time limit is tested in test_parsing_hostile; a timing here
would only measure how busy the machine is.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.errors import ProblemError
from tests.corpus import CORPUS
from tests.documents.files import resume_docx, text_pdf

TIME_LIMIT = 5.0
PARSE_SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None, parse_timeout_seconds=TIME_LIMIT)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def seeds() -> list[bytes]:
    made = [text_pdf(), resume_docx()]
    folder = CORPUS / "resumes"
    found = sorted(folder.glob("*.pdf")) + sorted(folder.glob("*.docx")) if folder.is_dir() else []
    return made + [path.read_bytes() for path in found]


def _parse_expecting_only_problems(data: bytes) -> None:
    try:
        parsed = parse_document(data, filename="fuzz", settings=PARSE_SETTINGS)
    except ProblemError as error:
        assert 400 <= error.status < 500, error
    else:
        assert parsed.resume.meta.source_text.strip(), "a parse never returns an empty résumé"


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds())))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "duplicate", "zero"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 4096))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 2048))]
        else:
            data[at : at + 256] = bytes(min(256, len(data) - at))
    return bytes(data)


@st.composite
def structural_mutations(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(seeds()))
    if data.startswith(b"PK"):
        return _mutate_package(draw, data)
    tokens = [
        b"obj",
        b"endobj",
        b"stream",
        b"endstream",
        b"/Length",
        b"/Root",
        b"/Kids",
        b"xref",
        b"/Font",
        b"/Page",
    ]
    for _ in range(draw(st.integers(1, 4))):
        token = draw(st.sampled_from(tokens))
        replacement = draw(st.sampled_from([b"", b"0", b"-1", b"99999999", b"<<", b"[", token * 3]))
        data = data.replace(token, replacement, draw(st.integers(1, 5)))
    return data


def _mutate_package(draw: st.DrawFn, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            if name == victim:
                action = draw(st.sampled_from(["drop", "truncate", "garbage", "nest"]))
                if action == "drop":
                    continue
                if action == "truncate":
                    content = content[: draw(st.integers(0, len(content)))]
                elif action == "garbage":
                    content = draw(st.binary(max_size=512))
                else:
                    content = content.replace(b"<w:p>", b"<w:p><w:p>" * 50, 20)
            target.writestr(name, content)
    return buffer.getvalue()


@FUZZ
@given(byte_mutations())
def test_byte_mutations_fail_only_with_problems(data: bytes) -> None:
    _parse_expecting_only_problems(data)


@FUZZ
@given(structural_mutations())
def test_structural_mutations_fail_only_with_problems(data: bytes) -> None:
    _parse_expecting_only_problems(data)
