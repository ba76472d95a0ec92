"""Where the shared corpus of real résumés and job descriptions lives, for the tests that need it.

The corpus is other people's writing: it is read from ../shared/corpus, never copied into the
project. A user's clone has no ../shared, so those tests skip there, but fail under CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_dir(name: str) -> Path:
    """The corpus folder `name` ("resumes", "resumes-more" or "jobs"); skips the test when it
    is absent."""
    folder = CORPUS / name
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared corpus at {folder}")
        pytest.skip(f"no shared corpus at {folder} (it lives beside the project, not in it)")
    return folder


def corpus_resumes(name: str = "resumes") -> list[Path]:
    """Every résumé file (PDF and DOCX) in the corpus folder `name`, sorted: "resumes", or
    "resumes-more" (Word, Google Docs, Canva, LinkedIn and Europass exports, many languages)."""
    folder = corpus_dir(name)
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".docx"})


def corpus_jobs() -> list[Path]:
    return sorted(corpus_dir("jobs").glob("*.txt"))
