"""Parser accuracy gated on truth: the shared corpus by parse_eval's rules, and the generated
layout families the parser was not tuned on (tests/layouts), each with its own floor."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from tests.corpus import corpus_resumes
from tests.layouts.build import corpus_for_tests
from tests.layouts.scoring import Tally, score_document

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
SHARED_CORPUS_FLOOR = 0.98  # issue 14: the shared corpus stays at 0.98 or above
# Issue 9: documents the parser was never tuned on (resumes-more/: Word, Google Docs, Canva,
# LinkedIn, Europass, six languages). 0.650 before that work, 0.925 when this floor was
# set, less a little; the target was 0.90.
MORE_CORPUS_FLOOR = 0.90
# What the parser reaches today on the held-out families (0.951 on 2 résumés in each of 15
# families when this floor was set, 0.954 on 4; 0.479 before the parser's work), less a
# little. Issue 9's target is 0.95.
HELD_OUT_FLOOR = 0.94


@cache
def parsed_json(path: Path) -> dict[str, Any]:
    parsed = parse_document(path.read_bytes(), filename=path.name, settings=SETTINGS)
    return parsed.resume.model_dump(mode="json")


def score_table(documents: list[tuple[Path, dict[str, Any]]]) -> tuple[Tally, str]:
    tally, rows = Tally(), []
    for path, truth in documents:
        scores = score_document(truth, parsed_json(path))
        tally.add(scores)
        cells = " ".join("  -  " if v is None else f"{v:.2f}" for v in scores.values())
        rows.append(f"{path.parent.name}/{path.name}: {cells}")
    return tally, "\n".join(rows)


def _truths(folder: str) -> list[tuple[Path, dict[str, Any]]]:
    return [
        (path, json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8")))
        for path in corpus_resumes(folder)
        if path.with_suffix(".truth.json").exists()
    ]


def test_shared_corpus_scores_at_least_098_by_parse_eval_rules() -> None:
    documents = _truths("resumes")
    assert len(documents) >= 15
    tally, table = score_table(documents)
    assert tally.overall >= SHARED_CORPUS_FLOOR, f"overall {tally.overall:.3f}\n{table}"


def test_documents_never_tuned_on_score_at_least_their_floor() -> None:
    documents = _truths("resumes-more")
    assert len(documents) >= 10
    tally, table = score_table(documents)
    assert tally.overall >= MORE_CORPUS_FLOOR, f"overall {tally.overall:.3f}\n{table}"


def test_no_document_never_tuned_on_has_all_its_sections_missed() -> None:
    missed = [
        path.name
        for path, truth in _truths("resumes-more")
        if score_document(truth, parsed_json(path))["sections"] == 0
    ]
    assert not missed, f"no heading found in {missed}"


def test_generated_corpus_has_twenty_families_half_held_out_over_several_engines() -> None:
    corpus = corpus_for_tests()
    held_out = [b.family for b in corpus.families if not b.family.tuned]
    assert len(corpus.families) >= 20
    assert 0.4 <= len(held_out) / len(corpus.families) <= 0.6
    assert len({family.engine for family in held_out}) >= 4
    assert all(b.documents for b in corpus.families)


def test_held_out_families_reach_their_floor() -> None:
    corpus = corpus_for_tests()
    documents = [
        (path, truth)
        for built in corpus.families
        if not built.family.tuned
        for path, truth in zip(built.documents, built.truths(), strict=True)
    ]
    tally, table = score_table(documents)
    assert tally.overall >= HELD_OUT_FLOOR, f"held-out overall {tally.overall:.3f}\n{table}"
