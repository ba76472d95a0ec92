"""Word documents built with python-docx: heading styles, tables, a two-column table, text boxes.

Each function lays the same résumé out the way a kind of Word user does: with the built-in
styles, with a table per entry, with the whole page a two-column table, with a sidebar in a
floating text box, or with nothing but bold lines and typed bullets.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from tests.layouts.engines import libreoffice_convert
from tests.layouts.factory import FictionalResume
from tests.layouts.images import portrait_png

Container = WordDocument | _Cell
SIDEBAR_KINDS = ("skills", "languages", "interests")
# Word 2010's drawing shapes, which python-docx does not name.
WPS_NAMESPACE = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def _paragraph(
    where: Container, text: str = "", *, bold: bool = False, size: float = 0
) -> Paragraph:
    paragraph = where.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    return paragraph


def _bullets(where: Container, resume: FictionalResume, items: list[str], *, styled: bool) -> None:
    if resume.bullet == "none":
        _paragraph(where, resume.paragraph_of(items))
        return
    for item in items:
        if styled:
            where.add_paragraph(item, style="List Bullet")
        else:
            paragraph = _paragraph(where, f"{resume.bullet}\t{item}")
            paragraph.paragraph_format.left_indent = Cm(0.6)
            paragraph.paragraph_format.first_line_indent = Cm(-0.6)


def _skills_lines(where: Container, resume: FictionalResume) -> None:
    for group in resume.skills:
        paragraph = where.add_paragraph()
        paragraph.add_run(f"{group.name}: ").bold = True
        paragraph.add_run(", ".join(group.keywords))


def _languages_line(where: Container, resume: FictionalResume) -> None:
    _paragraph(where, ", ".join(f"{name} ({level})" for name, level in resume.spoken))


def _small_section(where: Container, resume: FictionalResume, kind: str) -> None:
    if kind == "skills":
        _skills_lines(where, resume)
    elif kind == "languages":
        _languages_line(where, resume)
    elif kind == "interests":
        _paragraph(where, ", ".join(resume.interests))
    elif kind == "summary":
        _paragraph(where, resume.summary)


def _contact_lines(resume: FictionalResume) -> list[str]:
    return [resume.email, resume.phone, f"{resume.city}, {resume.region}", resume.website]


def _right_tab(paragraph: Paragraph, at: float = 17.0) -> None:
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(at), WD_TAB_ALIGNMENT.RIGHT)


def _no_borders(table_xml: object) -> None:
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{edge} w:val="nil"/>'
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    table_xml.tblPr.append(borders)  # type: ignore[attr-defined]


def _save(document: WordDocument, out: Path) -> None:
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(buffer.getvalue())


# --- built-in styles -------------------------------------------------------------------------


def styled_docx(resume: FictionalResume, out: Path) -> None:
    """Title, Heading 1, List Bullet, and dates at a right tab stop on the title's line."""
    document = Document()
    document.add_heading(resume.name, level=0)
    _paragraph(document, " | ".join(_contact_lines(resume)))
    for kind, heading in resume.headings.items():
        document.add_heading(heading, level=1)
        if kind == "work":
            for role in resume.roles:
                line = _paragraph(document)
                _right_tab(line)
                line.add_run(f"{role.title}, {role.employer}").bold = True
                line.add_run(f"\t{resume.dates(role.start, role.end)}")
                _paragraph(document, role.city).runs[0].italic = True
                _bullets(document, resume, role.highlights, styled=True)
        elif kind == "education":
            for study in resume.studies:
                line = _paragraph(document)
                _right_tab(line)
                line.add_run(study.institution).bold = True
                line.add_run(f"\t{resume.dates(study.start, study.end)}")
                _paragraph(document, resume.degree_line(study))
        else:
            _small_section(document, resume, kind)
    _save(document, out)


# --- a table per entry -----------------------------------------------------------------------


def tables_docx(resume: FictionalResume, out: Path) -> None:
    """A header table (name left, contact right), then a borderless table per section."""
    document = Document()
    header = document.add_table(rows=1, cols=2)
    _no_borders(header._tbl)
    left, right = header.rows[0].cells
    left.paragraphs[0].add_run(resume.name).bold = True
    left.paragraphs[0].runs[0].font.size = Pt(20)
    left.add_paragraph(resume.label)
    right.paragraphs[0].add_run("\n".join(_contact_lines(resume)[:3]))
    for kind, heading in resume.headings.items():
        title = _paragraph(document, heading.upper(), bold=True, size=12)
        title.runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
        if kind == "work":
            table = document.add_table(rows=0, cols=2)
            _no_borders(table._tbl)
            for role in resume.roles:
                when, what = table.add_row().cells
                when.width, what.width = Cm(3.6), Cm(13.4)
                when.paragraphs[0].add_run(resume.dates(role.start, role.end))
                what.paragraphs[0].add_run(role.title).bold = True
                what.add_paragraph(f"{role.employer} · {role.city}")
                _bullets(what, resume, role.highlights, styled=False)
        elif kind == "education":
            table = document.add_table(rows=0, cols=2)
            _no_borders(table._tbl)
            for study in resume.studies:
                when, what = table.add_row().cells
                when.paragraphs[0].add_run(resume.dates(study.start, study.end))
                what.paragraphs[0].add_run(study.institution).bold = True
                what.add_paragraph(resume.degree_line(study))
        elif kind == "skills":
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for group in resume.skills:
                name, words = table.add_row().cells
                name.paragraphs[0].add_run(group.name).bold = True
                words.paragraphs[0].add_run(", ".join(group.keywords))
        else:
            _small_section(document, resume, kind)
    _save(document, out)


# --- the page as a two-column table -----------------------------------------------------------


def two_column_docx(resume: FictionalResume, out: Path) -> None:
    """One table row: a narrow sidebar (photo, contact, skills, languages) and the main column."""
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table._tbl)
    side, main = table.rows[0].cells
    side.width, main.width = Cm(5.5), Cm(11.5)
    if resume.photo:
        side.paragraphs[0].add_run().add_picture(io.BytesIO(portrait_png(resume.seed)), Cm(3))
    for line in _contact_lines(resume):
        side.add_paragraph(line)
    main.paragraphs[0].add_run(resume.name).bold = True
    main.paragraphs[0].runs[0].font.size = Pt(22)
    main.add_paragraph(resume.label)
    for kind, heading in resume.headings.items():
        where = side if kind in SIDEBAR_KINDS else main
        _paragraph(where, heading, bold=True, size=12)
        if kind == "work":
            for role in resume.roles:
                _paragraph(where, role.title, bold=True)
                where.add_paragraph(
                    f"{role.employer}, {role.city} | {resume.dates(role.start, role.end)}"
                )
                _bullets(where, resume, role.highlights, styled=False)
        elif kind == "education":
            for study in resume.studies:
                _paragraph(where, resume.degree_line(study), bold=True)
                where.add_paragraph(f"{study.institution} | {resume.dates(study.start, study.end)}")
        else:
            _small_section(where, resume, kind)
    _save(document, out)


# --- a sidebar in a floating text box -----------------------------------------------------------


def _text_box_xml(paragraphs: list[tuple[str, bool]], *, box_id: int) -> str:
    """A floating text box anchored to the page's left edge, holding `paragraphs`."""
    body = "".join(
        f"<w:p><w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}"
        f'<w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p>'
        for text, bold in paragraphs
    )
    width, height = Cm(5.2), Cm(24)
    return (
        f"<w:r {nsdecls('w', 'wp', 'a')} {WPS_NAMESPACE}><w:drawing>"
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{box_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="page"><wp:posOffset>360000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="page"><wp:posOffset>900000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="right"/>'
        f'<wp:docPr id="{box_id}" name="Sidebar {box_id}"/><wp:cNvGraphicFramePr/>'
        "<a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="EEF2F7"/></a:solidFill></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" '
        'rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_box_docx(resume: FictionalResume, out: Path) -> None:
    """Contact, skills and languages in a floating text box; the rest in the body beside it."""
    document = Document()
    section = document.sections[0]
    section.left_margin = Cm(7)
    box: list[tuple[str, bool]] = [(line, False) for line in _contact_lines(resume)]
    for kind, heading in resume.headings.items():
        if kind not in SIDEBAR_KINDS:
            continue
        box.append((heading, True))
        if kind == "skills":
            box += [(f"{g.name}: {', '.join(g.keywords)}", False) for g in resume.skills]
        elif kind == "languages":
            box += [(f"{name} ({level})", False) for name, level in resume.spoken]
        else:
            box += [(", ".join(resume.interests), False)]
    title = _paragraph(document, resume.name, bold=True, size=22)
    title._p.append(parse_xml(_text_box_xml(box, box_id=7)))
    _paragraph(document, resume.label)
    for kind, heading in resume.headings.items():
        if kind in SIDEBAR_KINDS:
            continue
        document.add_heading(heading, level=2)
        if kind == "work":
            for role in resume.roles:
                _paragraph(document, f"{role.title} – {role.employer}", bold=True)
                _paragraph(document, f"{resume.dates(role.start, role.end)}, {role.city}")
                _bullets(document, resume, role.highlights, styled=True)
        elif kind == "education":
            for study in resume.studies:
                _paragraph(document, study.institution, bold=True)
                _paragraph(
                    document, f"{resume.degree_line(study)}, {resume.dates(study.start, study.end)}"
                )
        else:
            _small_section(document, resume, kind)
    _save(document, out)


# --- contact details in the page header ----------------------------------------------------------


def header_docx(resume: FictionalResume, out: Path) -> None:
    """Name, photo and contact in the page's header (repeated on every page); dates lead lines."""
    document = Document()
    header = document.sections[0].header
    top = header.paragraphs[0]
    if resume.photo:
        top.add_run().add_picture(io.BytesIO(portrait_png(resume.seed)), Cm(1.6))
        top.add_run("  ")
    name = top.add_run(resume.name)
    name.bold, name.font.size = True, Pt(18)
    header.add_paragraph(" · ".join(_contact_lines(resume)))
    for kind, heading in resume.headings.items():
        document.add_heading(heading, level=2)
        if kind == "work":
            for role in resume.roles:
                line = _paragraph(document)
                line.paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
                line.add_run(f"{resume.dates(role.start, role.end)}\t")
                line.add_run(f"{role.title}").bold = True
                _paragraph(
                    document, f"\t{role.employer}, {role.city}"
                ).paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
                _bullets(document, resume, role.highlights, styled=True)
        elif kind == "education":
            for study in resume.studies:
                line = _paragraph(document)
                line.paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
                line.add_run(f"{resume.dates(study.start, study.end)}\t")
                line.add_run(study.institution).bold = True
                _paragraph(
                    document, f"\t{resume.degree_line(study)}"
                ).paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
        else:
            _small_section(document, resume, kind)
    _save(document, out)


# --- no styles at all ------------------------------------------------------------------------


def plain_docx(resume: FictionalResume, out: Path) -> None:
    """Headings typed as bold capitals in Normal style, bullets typed by hand, dates below."""
    document = Document()
    _paragraph(document, resume.name, bold=True, size=16)
    for line in _contact_lines(resume)[:3]:
        _paragraph(document, line)
    for kind, heading in resume.headings.items():
        _paragraph(document, "")
        _paragraph(document, heading.upper(), bold=True)
        if kind == "work":
            for role in resume.roles:
                _paragraph(document, role.employer, bold=True)
                _paragraph(document, role.title)
                line = _paragraph(document, f"{resume.dates(role.start, role.end)} | {role.city}")
                line.runs[0].italic = True
                _bullets(document, resume, role.highlights, styled=False)
        elif kind == "education":
            for study in resume.studies:
                _paragraph(document, study.institution, bold=True)
                _paragraph(document, resume.degree_line(study))
                _paragraph(document, resume.dates(study.start, study.end))
        else:
            _small_section(document, resume, kind)
    _save(document, out)


def docx_as_pdf(resume: FictionalResume, layout: str, out: Path) -> None:
    """A Word layout exported to PDF by LibreOffice, as people who "save as PDF" send it."""
    with tempfile.TemporaryDirectory(prefix="layout-docx-pdf-") as folder:
        source = Path(folder) / f"{out.stem}.docx"
        DOCX_LAYOUTS[layout](resume, source)
        out.write_bytes(
            libreoffice_convert(source, "pdf:writer_pdf_Export", Path(folder)).read_bytes()
        )


DOCX_LAYOUTS: dict[str, Callable[[FictionalResume, Path], None]] = {
    "styles": styled_docx,
    "tables": tables_docx,
    "two-column": two_column_docx,
    "text-box": text_box_docx,
    "plain": plain_docx,
    "header": header_docx,
}
