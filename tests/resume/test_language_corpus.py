"""On real résumés the language is read right: the shared corpus's English ones, and the wider
world's German, French, Spanish and Portuguese ones (their INDEX.md names each language)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resumeforge.documents.parsing import parse_document
from resumeforge.resume.language import LANGUAGES
from tests.corpus import corpus_dir

# A row of INDEX.md's summary: | id | fmt | pages | repo | LANG (note); layout |
_ROW = re.compile(r"^\|\s*([\w-]+)\s*\|\s*(pdf|docx)\s*\|.*\|\s*([A-Z]{2})\b[^|]*;[^|]*\|\s*$")


def indexed_languages(folder: Path) -> dict[Path, str]:
    languages = {}
    for line in (folder / "INDEX.md").read_text(encoding="utf-8").splitlines():
        if match := _ROW.match(line):
            name, extension, language = match.groups()
            languages[folder / f"{name}.{extension}"] = language.casefold()
    return languages


def test_every_english_corpus_resume_is_read_as_english() -> None:
    folder = corpus_dir("resumes")
    documents = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".docx"})
    assert documents
    found = {p.name: parse_document(p.read_bytes(), filename=p.name).resume for p in documents}
    assert {name: r.meta.language for name, r in found.items() if r.meta.language != "en"} == {}


def test_the_wider_worlds_resumes_are_read_in_their_own_language() -> None:
    languages = {
        path: language
        for path, language in indexed_languages(corpus_dir("resumes-more")).items()
        if language in LANGUAGES  # Danish, say, has no words of ours: English stands in
    }
    if len({*languages.values()}) < 4:
        pytest.fail(f"INDEX.md names too few languages to judge: {languages}")
    read = {
        path.name: parse_document(path.read_bytes(), filename=path.name).resume.meta.language
        for path in languages
    }
    assert read == {path.name: language for path, language in languages.items()}
