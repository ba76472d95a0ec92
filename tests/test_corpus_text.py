"""No real person's text in the repository (issue 14): no run of 8 consecutive words of any
shared-corpus résumé appears in a tracked text file.

The corpus's terms forbid copying it in, and a test rebuilt from a corpus document pins the
parser to that document. Words are compared normalised (NFKC, case-folded, punctuation
dropped), so reformatting a line does not hide it.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from tests.corpus import corpus_dir
from tests.layouts.build import ROOT, printed_text

RUN = 8  # words in a row that make a copied fragment
_WORD = re.compile(r"[^\W_]+")
MAX_TEXT_BYTES = 2_000_000


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def corpus_runs() -> dict[tuple[str, ...], str]:
    """Every 8-word run of every corpus résumé, and the document it comes from."""
    found: dict[tuple[str, ...], str] = {}
    for folder in ("resumes", "resumes-more"):
        for path in sorted(corpus_dir(folder).iterdir()):
            if path.suffix.lower() in {".pdf", ".docx"}:
                for run in runs(words(printed_text(path))):
                    found.setdefault(run, f"{folder}/{path.name}")
    return found


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    files = []
    for name in listed:
        path = ROOT / name.decode()
        if name and path.is_file() and path.stat().st_size <= MAX_TEXT_BYTES:
            head = path.read_bytes()[:8192]
            if b"\0" not in head:  # binary files hold no typed text
                files.append(path)
    return files


def test_no_eight_word_run_of_a_corpus_resume_is_in_the_repository() -> None:
    corpus = corpus_runs()
    assert len(corpus) > 1000  # the corpus was read
    copied: dict[str, set[str]] = {}
    for path in tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for run in runs(words(text)) & corpus.keys():
            copied.setdefault(str(path.relative_to(ROOT)), set()).add(
                f"{corpus[run]}: {' '.join(run)}"
            )
    report = "\n".join(
        f"{name}: {len(hits)} runs, e.g. {sorted(hits)[0]}" for name, hits in sorted(copied.items())
    )
    assert not copied, f"corpus text in the repository:\n{report}"
