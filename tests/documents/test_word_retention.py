"""Nothing is lost silently (issue 9): the words of an upload reach the PDF rendered from its
parse, at least 98% of them on every shared-corpus document and every generated family."""

from __future__ import annotations

from tests.corpus import corpus_resumes
from tests.layouts.build import corpus_for_tests
from tests.layouts.retention import RETENTION_FLOOR, Retention, measure_retention


def below_floor(retentions: list[Retention]) -> list[str]:
    return [
        f"{r.document} {r.share:.1%} (lost {', '.join(r.lost[:6])})"
        for r in retentions
        if r.share < RETENTION_FLOOR
    ]


def test_every_corpus_document_keeps_98_percent_of_its_words() -> None:
    retentions = [measure_retention(path) for path in corpus_resumes()]
    assert below_floor(retentions) == []


def test_every_generated_family_keeps_98_percent_of_its_words() -> None:
    corpus = corpus_for_tests()
    retentions = [measure_retention(path) for built in corpus.families for path in built.documents]
    assert below_floor(retentions) == []
