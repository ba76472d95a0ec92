"""The DOCX reader: Word list paragraphs are bullets even though no bullet character is typed."""

from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.docx import read_docx_lines

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)


def _number(paragraph: Paragraph, number_id: str) -> None:
    """Give a paragraph its own numbering (w:numPr), as Word does for a list typed by hand."""
    numbering = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), number_id)
    numbering.extend([level, number])
    paragraph._p.get_or_add_pPr().append(numbering)


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _resume_with_word_lists() -> bytes:
    document = docx.Document()
    document.add_paragraph("Maria Jensen", style="Title")
    document.add_paragraph("maria.jensen@example.org | +1 (415) 555-0142")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Senior Data Engineer\tJan 2020 – Present")
    document.add_paragraph("Northwind Traders Inc.\tOakland, CA")
    # Bullets that read like entry headers: a year, a short title-cased phrase.
    document.add_paragraph("Spoke at PyData Berlin 2022 (keynote)", style="List Bullet")
    document.add_paragraph("Data Platform Lead", style="List Number")
    _number(document.add_paragraph("Cut warehouse costs by 30% in 2021"), "1")
    document.add_paragraph("Data Analyst\t03/2017 – 12/2019")
    document.add_paragraph("Contoso Ltd.\tSeattle, WA")
    _number(document.add_paragraph("Wrote SQL reports for finance", style="List Bullet"), "1")
    return _save(document)


def test_list_styles_and_numbering_mark_lines_as_bullets() -> None:
    document = docx.Document()
    document.add_paragraph("Plain paragraph")
    document.add_paragraph("Bulleted by style", style="List Bullet")
    document.add_paragraph("Numbered by style", style="List Number")
    _number(document.add_paragraph("Numbered by hand"), "1")
    _number(document.add_paragraph("Numbering turned off", style="List Bullet"), "0")
    lines = read_docx_lines(_save(document))
    assert [(line.plain, line.bullet) for line in lines] == [
        ("Plain paragraph", False),
        ("Bulleted by style", True),
        ("Numbered by style", True),
        ("Numbered by hand", True),
        ("Numbering turned off", False),
    ]


def test_word_list_bullets_stay_in_their_job() -> None:
    resume = parse_document(_resume_with_word_lists(), filename="cv.docx", settings=SETTINGS).resume
    assert [(w.position, w.name, w.startDate, w.endDate) for w in resume.work] == [
        ("Senior Data Engineer", "Northwind Traders Inc.", "2020-01", "Present"),
        ("Data Analyst", "Contoso Ltd.", "2017-03", "2019-12"),
    ]
    assert resume.work[0].highlights == [
        "Spoke at PyData Berlin 2022 (keynote)",
        "Data Platform Lead",
        "Cut warehouse costs by 30% in 2021",
    ]
    assert resume.work[1].highlights == ["Wrote SQL reports for finance"]


def test_a_line_is_bold_when_its_first_piece_is_as_in_a_pdf() -> None:
    document = docx.Document()
    entry = document.add_paragraph()
    entry.add_run("St. Brendan ").bold = True
    entry.add_run("Grammar School").bold = True
    entry.add_run("\tMay 2011")
    label = document.add_paragraph()
    label.add_run("Languages: ").bold = True
    label.add_run("Python, Go")
    plain = document.add_paragraph("Cork, Ireland")
    plain.runs[0].bold = False
    lines = read_docx_lines(_save(document))
    assert [(line.segments, line.bold) for line in lines] == [
        (["St. Brendan Grammar School", "May 2011"], True),
        (["Languages: Python, Go"], False),
        (["Cork, Ireland"], False),
    ]
