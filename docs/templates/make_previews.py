"""Regenerate the preview images in this folder: every template's PDF and DOCX, every page.

Run from the project root: .venv/bin/python docs/templates/make_previews.py
PDF pages come from Typst via pdftoppm; DOCX pages from LibreOffice's PDF conversion, so the
images show the DOCX as a reviewer without Word would see it. 100 dpi keeps them small.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.rendering.conftest import cover_letter_for, two_page_resume  # noqa: E402

from resumeforge.rendering.service import (  # noqa: E402
    TEMPLATES,
    render_cover_letter_docx,
    render_cover_letter_pdf,
    render_resume_docx,
    render_resume_pdf,
)

HERE = Path(__file__).resolve().parent
DPI = "100"


def rasterise(pdf: Path, prefix: Path) -> None:
    pdftoppm = shutil.which("pdftoppm") or "pdftoppm"
    subprocess.run([pdftoppm, "-r", DPI, "-png", str(pdf), str(prefix)], check=True)  # noqa: S603


def shrink(png: Path) -> None:
    """A 64-colour palette: text pages look the same at a third of the size."""
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=64)
    small.save(png, optimize=True)


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    for old in HERE.glob("*.png"):
        old.unlink()
    resume = two_page_resume()
    letter = cover_letter_for(resume)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx_files = []
        for template in TEMPLATES:
            for kind, pdf, docx in (
                (
                    "resume",
                    render_resume_pdf(resume, template=template),
                    render_resume_docx(resume, template=template),
                ),
                (
                    "letter",
                    render_cover_letter_pdf(letter, template=template),
                    render_cover_letter_docx(letter, template=template),
                ),
            ):
                stem = f"{template}-{kind}"
                (work / f"{stem}.pdf").write_bytes(pdf.content)
                rasterise(work / f"{stem}.pdf", HERE / f"{stem}-pdf")
                docx_path = work / "docx" / f"{stem}.docx"
                docx_path.parent.mkdir(exist_ok=True)
                docx_path.write_bytes(docx.content)
                docx_files.append(docx_path)
        profile = (work / "profile").as_uri()
        subprocess.run(  # noqa: S603 - our own files, a fixed command
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work / "docx"),
                *map(str, docx_files),
            ],
            check=True,
            capture_output=True,
        )
        for docx_path in docx_files:
            rasterise(docx_path.with_suffix(".pdf"), HERE / f"{docx_path.stem}-docx")
    for png in HERE.glob("*.png"):
        shrink(png)
    print("\n".join(sorted(path.name for path in HERE.glob("*.png"))))


if __name__ == "__main__":
    main()
