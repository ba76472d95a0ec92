"""The `resumeforge` commands the README lists, run as a user runs them: a new process each."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from resumeforge.documents.parsing import parse_document
from resumeforge.resume.schemas import Resume
from tests.databases import throwaway_database
from tests.documents.files import resume_docx, text_pdf
from tests.rendering.conftest import two_page_resume
from tests.web.server import serving


def resumeforge(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resumeforge", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parse_prints_the_resume_readably_and_as_json(tmp_path: Path) -> None:
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(text_pdf())
    expected = parse_document(pdf.read_bytes(), filename="cv.pdf").resume

    readable = resumeforge("parse", str(pdf))
    assert readable.returncode == 0, readable.stderr
    assert expected.basics.name in readable.stdout
    assert expected.basics.email in readable.stdout

    as_json = resumeforge("parse", str(pdf), "--json")
    assert as_json.returncode == 0, as_json.stderr
    printed = Resume.model_validate(json.loads(as_json.stdout))
    assert printed.basics == expected.basics
    assert [s.heading for s in printed.meta.sections] == [s.heading for s in expected.meta.sections]


def test_parse_of_a_file_that_is_not_a_resume_fails_with_a_message(tmp_path: Path) -> None:
    junk = tmp_path / "cv.pdf"
    junk.write_bytes(b"%PDF-1.7 this is not a PDF")
    done = resumeforge("parse", str(junk))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() or done.stdout.strip()


def test_render_writes_each_format_that_parses_back(tmp_path: Path) -> None:
    resume = two_page_resume()
    source = tmp_path / "resume.json"
    source.write_text(resume.model_dump_json())

    done = resumeforge(
        "render", str(source), "--template", "modern", "--format", "pdf,docx,png",
        "--paper", "a4", "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = {path.suffix for path in (tmp_path / "out").iterdir()}
    assert written == {".pdf", ".docx", ".png"}
    for suffix in (".pdf", ".docx"):
        path = next((tmp_path / "out").glob(f"*{suffix}"))
        back = parse_document(path.read_bytes(), filename=path.name).resume
        assert back.basics.email == resume.basics.email
        assert back.basics.name == resume.basics.name
    png = next((tmp_path / "out").glob("*.png")).read_bytes()
    assert png.startswith(b"\x89PNG")


def test_render_refuses_an_unknown_template_clearly(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(two_page_resume().model_dump_json())
    done = resumeforge("render", str(source), "--template", "gothic", "-o", str(tmp_path))
    assert done.returncode != 0
    assert "gothic" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def current_and_head(env: dict[str, str]) -> tuple[str, str]:
    done = resumeforge("db", "current", env=env)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return lines["current"].strip(), lines["head"].strip()


def test_db_upgrade_current_and_downgrade_move_the_schema() -> None:
    with throwaway_database("resumeforge_cli", migrated=False) as url:
        env = {"DATABASE_URL": url}
        current, head = current_and_head(env)
        assert current == "base"

        upgraded = resumeforge("db", "upgrade", env=env)
        assert upgraded.returncode == 0, upgraded.stderr
        assert f"database at {head}" in upgraded.stdout
        assert current_and_head(env) == (head, head)

        down = resumeforge("db", "downgrade", env=env)
        assert down.returncode == 0, down.stderr
        below, _ = current_and_head(env)
        assert below not in {head, "base"}

        again = resumeforge("db", "upgrade", env=env)
        assert again.returncode == 0, again.stderr
        assert current_and_head(env) == (head, head)


def test_a_docx_parses_through_the_command_too(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(resume_docx())
    done = resumeforge("parse", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert Resume.model_validate(json.loads(done.stdout)).meta.sections


@pytest.mark.parametrize("with_worker", ["true", "false"])
def test_serve_stopped_with_sigterm_exits_0(with_worker: str) -> None:
    # A container runtime stops a container with SIGTERM; 143 would read as a crash.
    with serving(SERVE_WITH_WORKER=with_worker, SHUTDOWN_GRACE_SECONDS="5") as server:
        server.process.send_signal(signal.SIGTERM)
        code = server.process.wait(timeout=30)
        log = server.log.read_text()
    assert code == 0, log[-3000:]
    assert "Traceback" not in log
