"""A fitted résumé's DOCX is set as tight as its PDF.

Word processors lay a DOCX out roomier than Typst lays the PDF (LibreOffice takes a page more
for this one), so the DOCX is not fitted page for page: it gets the same tightening, and so
fewer pages than it would have had."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from resumeforge.documents.parsing import parse_document
from resumeforge.rendering.service import render_resume_docx, render_resume_pdf
from tests.generations.test_page_fit import fictional_resume
from tests.rendering.test_docx import convert_with_libreoffice, soffice


def pages_of(pdf: Path) -> int:
    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        return len(document)
    finally:
        document.close()


def test_the_docx_follows_the_pdfs_fit(tmp_path: Path) -> None:
    soffice()
    original = render_resume_pdf(fictional_resume(7), template="compact").content
    resume = parse_document(original).resume
    pdf = render_resume_pdf(resume, template="classic", fit_pages=1)
    assert (pdf.pages, pdf.warnings) == (1, [])
    assert pdf.tightened > 0
    fitted = tmp_path / "fitted.docx"
    fitted.write_bytes(
        render_resume_docx(resume, template="classic", tightened=pdf.tightened).content
    )
    loose = tmp_path / "loose.docx"
    loose.write_bytes(render_resume_docx(resume, template="classic").content)
    convert_with_libreoffice([fitted, loose], tmp_path)
    assert pages_of(tmp_path / "fitted.pdf") < pages_of(tmp_path / "loose.pdf")
