"""`resumeforge tailor` end to end, offline, on a corpus résumé: the files it writes parse back
to the tailored content."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from resumeforge.ai.keywords import normalise
from resumeforge.cli import app
from resumeforge.documents.parsing import parse_document
from resumeforge.resume.schemas import Resume
from tests.corpus import corpus_jobs, corpus_resumes


def _words(text: str) -> str:
    return " ".join(normalise(text).split())


def test_tailor_writes_documents_that_parse_back(tmp_path: Path) -> None:
    resume = next(p for p in corpus_resumes() if p.name == "jakes-resume-afantino.pdf")
    job = next(p for p in corpus_jobs() if p.name == "rm-backend-eng.txt")

    outcome = CliRunner().invoke(
        app,
        [
            "tailor", str(resume), "--job", str(job), "--provider", "offline",
            "--cover-letter", "-o", str(tmp_path),
        ],
    )  # fmt: skip

    assert outcome.exit_code == 0, outcome.output
    names = {path.name for path in tmp_path.iterdir()}
    assert {"resume.pdf", "resume.docx", "cover_letter.pdf", "report.json"} <= names
    tailored = Resume.model_validate_json((tmp_path / "resume.json").read_text())
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["reverted"] == []
    for document in ("resume.pdf", "resume.docx"):
        parsed = parse_document((tmp_path / document).read_bytes(), filename=document).resume
        text = _words(parsed.meta.source_text)
        assert parsed.basics.email == tailored.basics.email
        positions = [text.find(_words(bullet)[:40]) for bullet in tailored.work[0].highlights]
        assert -1 not in positions and positions == sorted(positions), document
        for work in tailored.work:
            assert _words(work.name) in text


def test_tailor_takes_the_users_confirmed_skills(tmp_path: Path) -> None:
    resume = next(p for p in corpus_resumes() if p.name == "jakes-resume-afantino.pdf")
    job = next(p for p in corpus_jobs() if p.name == "rm-backend-eng.txt")
    base = ["tailor", str(resume), "--job", str(job), "--provider", "offline"]

    outcome = CliRunner().invoke(app, [*base, "--have", "Terraform", "-o", str(tmp_path)])

    assert outcome.exit_code == 0, outcome.output
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["confirmed_keywords"] == ["Terraform"]
    assert any(c["source"] == "user" and c["after"] == "Terraform" for c in report["changes"])
    refused = CliRunner().invoke(app, [*base, "--have", "<b>", "-o", str(tmp_path / "x")])
    assert refused.exit_code == 1
    assert "not a skill or qualification name" in refused.output
