"""The project's scorer gives the figures of the shared `parse_eval.py`, field by field, on
every shared-corpus document and a sample of generated ones, for good parses and bad."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.corpus import CORPUS, corpus_resumes
from tests.layouts.factory import make_resume
from tests.layouts.render_typst import as_resume
from tests.layouts.scoring import score_document

PARSE_EVAL = CORPUS.parent / "tools" / "parse_eval.py"


def shared_parse_eval() -> ModuleType:
    if not PARSE_EVAL.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared tools at {PARSE_EVAL}")
        pytest.skip(f"no shared parse_eval.py at {PARSE_EVAL}")
    spec = importlib.util.spec_from_file_location("shared_parse_eval", PARSE_EVAL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def damaged(parse: dict[str, Any]) -> dict[str, Any]:
    """A worse parse: half the jobs gone, titles swapped with employers, no skills."""
    work = [dict(w, name=w.get("position"), position=w.get("name")) for w in parse["work"]]
    return {**parse, "work": work[: len(work) // 2], "skills": [], "meta": {"sections": []}}


def test_scores_equal_the_shared_tool_on_corpus_truth_and_generated_truth() -> None:
    shared = shared_parse_eval()
    cases: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for seed in range(12):
        resume = make_resume(seed)
        truth = resume.truth(family="sample", layout="", file_format="pdf")
        parse = as_resume(resume).model_dump(mode="json")
        cases += [(truth, parse), (truth, damaged(parse)), (truth, {})]
    for path in corpus_resumes():
        truth = json.loads(Path(path).with_suffix(".truth.json").read_text(encoding="utf-8"))
        other = make_resume(len(cases)).json_resume()
        cases += [(truth, {}), (truth, other)]
    for truth, parse in cases:
        assert score_document(truth, parse) == shared.score_document(truth, parse)
