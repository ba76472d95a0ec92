"""Reading what is printed, as printed: each phenomenon on a fictional document made here."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.docx import read_docx_lines
from resumeforge.documents.parsing.layout import ReadingNotes, clean_segment
from resumeforge.documents.parsing.sections import build_resume, without_drop_initials
from resumeforge.documents.parsing.text import read_text_lines
from resumeforge.resume.schemas import SectionKind
from tests.documents.files import Drawn, drawn_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
BLACK, TEAL = (0, 0, 0), (0, 128, 128)


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _text_resume(*lines: str) -> list[str]:
    return ["Odile Marchetti", "odile.marchetti@example.org | +39 055 010 2030", *lines]


# --- icons, private-use glyphs, TeX residue, ligatures ------------------------------------


def test_icon_glyphs_private_use_characters_and_tex_residue_are_dropped() -> None:
    assert clean_segment("\\faTrophy Winner of the county chess cup") == (
        "Winner of the county chess cup"
    )
    assert clean_segment("Projects\\\\[1ex]") == "Projects"
    assert clean_segment("Built the kiln \\hfill 2019") == "Built the kiln 2019"
    assert clean_segment("\uf0e0 odile@example.org  ☎ 055 010 2030") == (
        "odile@example.org 055 010 2030"
    )
    assert clean_segment("📍 Florence, Italy") == "Florence, Italy"
    assert clean_segment("• Kept the bullet") == "• Kept the bullet"


def test_ligatures_are_their_letters() -> None:
    assert clean_segment("Managed the o\ufb03ce of the \ufb01rm in Gri\ufb00ith") == (
        "Managed the office of the firm in Griffith"
    )
    assert clean_segment("\ufb02ow and \ufb04uent sta\ufb00") == "flow and ffluent staff"


def test_a_fraction_in_brackets_stays_as_printed() -> None:
    text = "\n".join(
        _text_resume("## Skills", "Ceramics (18/24), Glazing, Kiln firing", "Tools: CI/CD, Git")
    )
    resume = build_resume(read_text_lines(text))
    assert resume.skills[0].keywords == ["Ceramics (18/24)", "Glazing", "Kiln firing"]
    assert resume.skills[1].keywords == ["CI/CD", "Git"]


# --- labels -------------------------------------------------------------------------------


def test_a_location_label_is_the_place_not_the_title() -> None:
    text = "\n".join(
        _text_resume(
            "## Experience",
            "Pottery Instructor   2018 - 2021",
            "Location: Palo Alto, CA",
            "- Taught wheel throwing to 30 adults a term",
        )
    )
    [job] = build_resume(read_text_lines(text)).work
    assert (job.position, job.location) == ("Pottery Instructor", "Palo Alto, CA")
    assert job.highlights == ["Taught wheel throwing to 30 adults a term"]


# --- referees -----------------------------------------------------------------------------


def test_a_referees_contact_details_stay_in_references() -> None:
    text = "\n".join(
        [
            "Odile Marchetti",
            "## Experience",
            "Pottery Instructor   2018 - 2021",
            "## References",
            "Bruno Castellani, Studio Director",
            "bruno.castellani@example.com, +39 055 999 8877",
        ]
    )
    resume = build_resume(read_text_lines(text))
    assert (resume.basics.email, resume.basics.phone) == ("", "")
    assert [ref.reference for ref in resume.references] == [
        "Bruno Castellani, Studio Director",
        "bruno.castellani@example.com, +39 055 999 8877",
    ]
    kinds = [section.kind for section in resume.meta.sections]
    assert kinds == [SectionKind.work, SectionKind.references]


# --- education ----------------------------------------------------------------------------


def test_several_education_entries_printed_alike_are_not_merged() -> None:
    text = "\n".join(
        _text_resume(
            "## Education",
            "Master of Arts in Ceramics, Accademia di Belle Arti, 2016 - 2018",
            "Bachelor of Arts in Design, Politecnico di Torino, 2012 - 2016",
            "Diploma in Applied Arts, Liceo Artistico Statale, 2007 - 2012",
            "Certificate in Glaze Chemistry, Kiln Workshop Online, 2020",
        )
    )
    schools = build_resume(read_text_lines(text)).education
    assert [(s.endDate, s.studyType.split()[0]) for s in schools] == [
        ("2018", "Master"),
        ("2016", "Bachelor"),
        ("2012", "Diploma"),
        ("2020", "Certificate"),
    ]


# --- headings whose first letters are set apart --------------------------------------------


def test_a_heading_with_a_drop_initial_is_still_a_heading() -> None:
    assert without_drop_initials("E XPERIENCE") == "EXPERIENCE"
    assert without_drop_initials("P rofessional E xperience") == "Professional Experience"
    assert without_drop_initials("A Team Player") == "A Team Player"
    texts: list[Drawn] = [("Odile Marchetti", 50, 740, 20, BLACK)]
    y = 700.0
    for initial, rest, lines in (
        ("E", "XPERIENCE", ["Pottery Instructor    2018 - 2021", "Taught wheel throwing"]),
        ("E", "DUCATION", ["Accademia di Belle Arti    2012 - 2016"]),
    ):
        # The initial in another size and colour; the rest a space's width on, as some
        # templates set it.
        texts.append((initial, 50, y, 16, TEAL))
        texts.append((rest, 64, y, 12, BLACK))
        y -= 22
        for line in lines:
            for x, part in zip((50, 400), line.split("    "), strict=False):
                texts.append((part, x, y, 10, BLACK))
            y -= 14
        y -= 10
    resume = parse_document(drawn_pdf(texts, fills=[]), filename="cv.pdf", settings=SETTINGS)
    sections = resume.resume.meta.sections
    assert [(s.heading, s.kind) for s in sections] == [
        ("EXPERIENCE", SectionKind.work),
        ("EDUCATION", SectionKind.education),
    ]
    assert resume.resume.education[0].institution == "Accademia di Belle Arti"


# --- DOCX: floating text boxes and layout tables -------------------------------------------

_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_paragraphs(lines: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)


def _text_box_run(lines: list[str], *, left_emu: int) -> str:
    """A floating text box as Word saves it: a DrawingML choice and a VML fallback copy."""
    content = f"<w:txbxContent>{_box_paragraphs(lines)}</w:txbxContent>"
    return (
        f'<w:r {_NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor><wp:positionH relativeFrom="page"><wp:posOffset>{left_emu}'
        f"</wp:posOffset></wp:positionH><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox>"
        f"</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_floating_text_boxes_are_read_whole_one_after_another() -> None:
    document = docx.Document()
    document.add_paragraph("Odile Marchetti")
    anchor = document.add_paragraph()
    # Saved right box first: the reading goes left to right all the same.
    right = ["EXPERIENCE", "Pottery Instructor\t2018 - 2021", "Taught wheel throwing"]
    left = ["SKILLS", "Glazing, Kiln firing", "LANGUAGES", "Italian, English"]
    anchor._p.append(parse_xml(_text_box_run(right, left_emu=3_000_000)))
    anchor._p.append(parse_xml(_text_box_run(left, left_emu=400_000)))
    notes = ReadingNotes()
    lines = read_docx_lines(_save(document), notes=notes)
    assert [line.plain for line in lines] == [
        "Odile Marchetti",
        *left,
        *[line.replace("\t", " ") for line in right],
    ]
    assert notes.columns == ["2 text box(es) were read one after another, each whole."]


def test_a_two_column_table_is_read_column_by_column() -> None:
    document = docx.Document()
    document.add_paragraph("Odile Marchetti")
    table = document.add_table(rows=1, cols=2)
    sidebar, body = table.rows[0].cells
    sidebar.text = "SKILLS"
    for text in ("Glazing", "Kiln firing", "LANGUAGES", "Italian"):
        sidebar.add_paragraph(text)
    body.text = "EXPERIENCE"
    for text in ("Pottery Instructor\t2018 - 2021", "Taught wheel throwing to adults"):
        body.add_paragraph(text)
    # A table of fields, one line a cell, still reads across: "Role | Dates".
    fields = document.add_table(rows=1, cols=2)
    fields.rows[0].cells[0].text = "Studio Assistant"
    fields.rows[0].cells[1].text = "2016 - 2018"
    data = _save(document)
    notes = ReadingNotes()
    lines = read_docx_lines(data, notes=notes)
    assert [line.plain for line in lines] == [
        "Odile Marchetti",
        "SKILLS",
        "Glazing",
        "Kiln firing",
        "LANGUAGES",
        "Italian",
        "EXPERIENCE",
        "Pottery Instructor 2018 - 2021",
        "Taught wheel throwing to adults",
        "Studio Assistant 2016 - 2018",
    ]
    assert notes.columns == ["1 table(s) laid out as columns were read column by column."]
    parsed = parse_document(data, filename="cv.docx", settings=SETTINGS)
    assert parsed.resume.work[0].position == "Pottery Instructor"
    assert "read-as-columns" in {warning.code for warning in parsed.quality.warnings}


# --- a sidebar beside the main column ------------------------------------------------------


def test_the_name_atop_the_main_column_is_the_name_and_a_broken_address_is_joined() -> None:
    texts: list[Drawn] = [
        # The sidebar, narrow: contact details (the address broken as the column wraps it),
        # then skills.
        ("t.okonkwo@post.exa", 30, 740, 9, BLACK),
        ("mple.org", 30, 728, 9, BLACK),
        ("+44 20 7946 0321", 30, 716, 9, BLACK),
        ("SKILLS", 30, 690, 11, BLACK),
        *[
            (skill, 30, 676 - 12 * i, 10, BLACK)
            for i, skill in enumerate(
                [
                    "Boundary surveying",
                    "GIS and spatial databases",
                    "Drone mapping, photogrammetry",
                    "Report writing for councils",
                    "AutoCAD Civil 3D",
                    "Python for field data",
                ]
            )
        ],
        # The main column: the name, the label, the sections.
        # Set on baselines of its own, as a browser prints two independent columns.
        ("Tobi Okonkwo", 220, 735, 24, BLACK),
        ("Land Surveyor", 220, 710, 12, BLACK),
        ("EXPERIENCE", 220, 684, 11, BLACK),
        *[
            (text, 220, 669 - 12 * i, 9, BLACK)
            for i, text in enumerate(
                [
                    "Senior Surveyor    2020 - 2024",
                    "Fenland Mapping Ltd., Ely",
                    "• Surveyed 120 km of river banks",
                    "Surveyor    2016 - 2020",
                    "Broadland Estates Ltd., Norwich",
                    "• Mapped 30 farms for drainage plans",
                ]
            )
        ],
    ]
    # Parts after four spaces go to a second tab stop inside the main column.
    drawn: list[Drawn] = []
    for text, x, y, size, colour in texts:
        left, _, right = text.partition("    ")
        drawn.append((left, x, y, size, colour))
        if right:
            drawn.append((right, x + 200, y, size, colour))
    parsed = parse_document(drawn_pdf(drawn, fills=[]), filename="cv.pdf", settings=SETTINGS)
    basics = parsed.resume.basics
    assert (basics.name, basics.email) == ("Tobi Okonkwo", "t.okonkwo@post.example.org")
    assert [(w.position, w.name, w.location) for w in parsed.resume.work] == [
        ("Senior Surveyor", "Fenland Mapping Ltd.", "Ely"),
        ("Surveyor", "Broadland Estates Ltd.", "Norwich"),
    ]


def test_a_heading_ruled_off_with_underscores_is_a_heading() -> None:
    document = docx.Document()
    document.add_paragraph("Odile Marchetti")
    document.add_paragraph("Kenntnisse ______________________________\tKeramik | Glasur | Brennen")
    document.add_paragraph("Erfahrung ______________________________")
    document.add_paragraph("Töpferin\tAtelier Lehm & Feuer GmbH\tseit 03/2019")
    resume = parse_document(_save(document), filename="cv.docx", settings=SETTINGS).resume
    assert [(s.heading, s.kind) for s in resume.meta.sections] == [
        ("Kenntnisse", SectionKind.skills),
        ("Erfahrung", SectionKind.work),
    ]
    assert resume.skills[0].keywords == ["Keramik", "Glasur", "Brennen"]
    assert resume.work[0].name == "Atelier Lehm & Feuer GmbH"
