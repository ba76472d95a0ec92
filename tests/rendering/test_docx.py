"""The DOCX is built from Word styles a user can restyle, and opens cleanly in LibreOffice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn

from resumeforge.rendering.service import (
    TEMPLATES,
    render_cover_letter_docx,
    render_resume_docx,
)
from resumeforge.resume.schemas import CoverLetter, Resume
from tests.rendering.text import pdf_text


def open_docx(content: bytes) -> WordDocument:
    return Document(io.BytesIO(content))


def test_docx_uses_word_styles_for_structure(resume: Resume) -> None:
    document = open_docx(render_resume_docx(resume).content)
    style_of = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    assert style_of["Marisol Okonkwo-Lindqvist"] == "Title"
    assert style_of["Senior Backend Engineer"] == "Subtitle"
    assert style_of["Experience"] == "Heading 1"
    assert style_of["Staff Software Engineer\tApr 2021 – Present"] == "Entry Title"
    assert style_of["Tidewater Logistics\tSan Francisco, CA"] == "Entry Detail"
    assert style_of["Mentored six engineers, two of whom were promoted to senior."] == "List Bullet"


def test_dates_sit_on_a_right_tab_stop_at_the_margin(resume: Resume) -> None:
    document = open_docx(render_resume_docx(resume).content)
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    (stop,) = document.styles["Entry Title"].paragraph_format.tab_stops
    assert stop.alignment == WD_TAB_ALIGNMENT.RIGHT
    assert stop.position == text_width


def test_docx_links_are_hyperlinks(resume: Resume) -> None:
    document = open_docx(render_resume_docx(resume).content)
    targets = {
        rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")
    }
    assert "mailto:marisol.okonkwo@example.com" in targets
    assert "https://github.com/msol/pg-partman-lite" in targets
    body = document.element.body
    assert len(body.findall(".//" + qn("w:hyperlink"))) >= len(targets)


def test_docx_margins_and_core_properties(resume: Resume) -> None:
    document = open_docx(render_resume_docx(resume, template="compact").content)
    section = document.sections[0]
    assert section.left_margin.inches == pytest.approx(0.6)
    assert section.top_margin.inches == pytest.approx(0.6)
    properties = document.core_properties
    assert properties.title == "Marisol Okonkwo-Lindqvist – Résumé"
    assert properties.author == "Marisol Okonkwo-Lindqvist"


@pytest.mark.parametrize("template", TEMPLATES)
def test_docx_fonts_match_the_template(resume: Resume, template: str) -> None:
    expected = {"classic": "Cambria", "modern": "Calibri", "compact": "Calibri"}[template]
    document = open_docx(render_resume_docx(resume, template=template).content)
    assert document.styles["Normal"].font.name == expected
    assert document.styles["Heading 1"].font.name == expected


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have LibreOffice (soffice) to check the DOCX output opens")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def convert_with_libreoffice(docx_files: list[Path], out_dir: Path) -> None:
    # A private profile: a user's running LibreOffice would otherwise take the job and hang.
    profile = (out_dir / "profile").as_uri()
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def test_every_docx_opens_in_libreoffice(
    resume: Resume, cover_letter: CoverLetter, tmp_path: Path
) -> None:
    soffice()
    files = []
    for template in TEMPLATES:
        for kind, content in (
            ("resume", render_resume_docx(resume, template=template).content),
            ("letter", render_cover_letter_docx(cover_letter, template=template).content),
        ):
            path = tmp_path / f"{template}-{kind}.docx"
            path.write_bytes(content)
            files.append(path)
    convert_with_libreoffice(files, tmp_path)
    for path in files:
        converted = path.with_suffix(".pdf")
        assert converted.exists(), f"LibreOffice could not convert {path.name}"
        text = pdf_text(converted.read_bytes())
        assert "Marisol Okonkwo-Lindqvist" in text
    resume_text = pdf_text((tmp_path / "classic-resume.pdf").read_bytes())
    assert "Tidewater Logistics" in resume_text
    assert "Apr 2021 – Present" in resume_text
