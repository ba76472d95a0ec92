"""The DOCX reader reads a page as people laid it out: layout tables column by column, tables
of entries and skills grids row by row, floating text boxes once each in their place, page
headers for contact details. Every document here is fictional and built in the test."""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.shared import Pt

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.docx import read_docx_lines
from resumeforge.documents.parsing.layout import ReadingNotes

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _save(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _texts(data: bytes, notes: ReadingNotes | None = None) -> list[str]:
    return [line.plain for line in read_docx_lines(data, notes=notes)]


def _sized(where: object, text: str, size: float, *, bold: bool = False) -> None:
    run = where.add_paragraph().add_run(text)  # type: ignore[attr-defined]
    run.font.size = Pt(size)
    run.bold = bold


# --- line breaks and typed rules ---------------------------------------------------------------


def test_a_line_break_typed_in_a_paragraph_starts_a_new_line() -> None:
    document = docx.Document()
    document.add_paragraph("Ilse Brandvold")
    document.add_paragraph("ilse.brandvold@example.org\n+47 912 34 567\nBergen, Norway")
    document.add_paragraph("Kept together\nas one list item", style="List Bullet")
    assert _texts(_save(document)) == [
        "Ilse Brandvold",
        "ilse.brandvold@example.org",
        "+47 912 34 567",
        "Bergen, Norway",
        "Kept together as one list item",
    ]


def test_a_rule_typed_as_underscores_after_a_heading_leaves_the_heading() -> None:
    document = docx.Document()
    document.add_paragraph("Ilse Brandvold")
    document.add_paragraph("ilse.brandvold@example.org")
    document.add_paragraph("Experience " + "_" * 60)
    document.add_paragraph("Harbour Pilot\t2019 – 2023")
    document.add_paragraph("Vestkyst Maritime")
    document.add_paragraph("Education " + "_" * 60)
    document.add_paragraph("BSc Nautical Science, Fjordland University\t2015 – 2018")
    data = _save(document)
    assert _texts(data)[2] == "Experience"
    parsed = parse_document(data, filename="cv.docx", settings=SETTINGS)
    headings = [section.heading for section in parsed.resume.meta.sections]
    assert headings[:2] == ["Experience", "Education"]
    assert parsed.resume.work[0].name == "Vestkyst Maritime"


# --- tables ----------------------------------------------------------------------------------


def _two_column_page(*, rows: int) -> WordDocument:
    """A sidebar and a main column in a table of `rows` rows, the name atop the main column."""
    document = docx.Document()
    table = document.add_table(rows=rows, cols=2)
    side, main = table.rows[0].cells
    side.text = "tove.lindqvist@example.net"
    for text in ("+46 70 123 45 67", "Uppsala", "SKILLS", "Soil sampling", "GIS mapping"):
        side.add_paragraph(text)
    main.paragraphs[0].add_run("Tove Lindqvist").font.size = Pt(24)
    _sized(main, "Field Ecologist", 14)
    main.add_paragraph("EXPERIENCE")
    main.add_paragraph("Field Ecologist\t2020 – 2024")
    main.add_paragraph("Norrskog Survey AB")
    main.add_paragraph("Mapped wetland habitats across four counties")
    if rows > 1:
        side, main = table.rows[1].cells
        side.text = "LANGUAGES"
        for text in ("Swedish", "English", "Finnish"):
            side.add_paragraph(text)
        main.text = "EDUCATION"
        main.add_paragraph("Lakeshore University\t2016 – 2018")
        main.add_paragraph("MSc Ecology")
    return document


def test_a_layout_table_is_read_column_by_column_with_the_name_atop_the_main_column_first() -> None:
    notes = ReadingNotes()
    data = _save(_two_column_page(rows=2))
    assert _texts(data, notes) == [
        "Tove Lindqvist",
        "Field Ecologist",
        # the sidebar: both of its rows, before the main column
        "tove.lindqvist@example.net",
        "+46 70 123 45 67",
        "Uppsala",
        "SKILLS",
        "Soil sampling",
        "GIS mapping",
        "LANGUAGES",
        "Swedish",
        "English",
        "Finnish",
        # the main column: both rows
        "EXPERIENCE",
        "Field Ecologist 2020 – 2024",
        "Norrskog Survey AB",
        "Mapped wetland habitats across four counties",
        "EDUCATION",
        "Lakeshore University 2016 – 2018",
        "MSc Ecology",
    ]
    assert notes.columns == ["1 table(s) laid out as columns were read column by column."]
    parsed = parse_document(data, filename="cv.docx", settings=SETTINGS)
    assert parsed.resume.basics.name == "Tove Lindqvist"
    assert parsed.resume.basics.email == "tove.lindqvist@example.net"
    assert [w.name for w in parsed.resume.work] == ["Norrskog Survey AB"]
    assert [e.institution for e in parsed.resume.education] == ["Lakeshore University"]
    assert "read-as-columns" in {warning.code for warning in parsed.quality.warnings}
    quality = parsed.quality
    assert quality.lines_read == quality.lines_placed + len(quality.lines_not_placed)


def test_a_table_of_entries_is_read_row_by_row_each_date_beside_its_job() -> None:
    document = docx.Document()
    document.add_paragraph("Rafael Quintero")
    document.add_paragraph("rafael.quintero@example.com")
    document.add_paragraph("EXPERIENCE")
    table = document.add_table(rows=0, cols=2)
    for dates, title, employer in (
        ("2021 – 2024", "Sound Engineer", "Cobalt Hall Studios"),
        ("2017 – 2021", "Assistant Engineer", "Marlow Street Records"),
    ):
        when, what = table.add_row().cells
        when.text = dates
        what.text = title
        what.add_paragraph(employer)
        what.add_paragraph("Recorded and mixed live sessions", style="List Bullet")
    notes = ReadingNotes()
    data = _save(document)
    assert _texts(data, notes)[3:] == [
        "2021 – 2024",
        "Sound Engineer",
        "Cobalt Hall Studios",
        "Recorded and mixed live sessions",
        "2017 – 2021",
        "Assistant Engineer",
        "Marlow Street Records",
        "Recorded and mixed live sessions",
    ]
    assert notes.columns == []  # nothing was read in another order than the page's
    work = parse_document(data, filename="cv.docx", settings=SETTINGS).resume.work
    assert [(w.position, w.startDate, w.endDate) for w in work] == [
        ("Sound Engineer", "2021", "2024"),
        ("Assistant Engineer", "2017", "2021"),
    ]


def test_a_skills_grid_is_read_row_by_row_as_items() -> None:
    document = docx.Document()
    document.add_paragraph("SKILLS")
    grid = document.add_table(rows=3, cols=3)
    for row, words in zip(
        grid.rows,
        (
            ("Welding", "Brazing", "Soldering"),
            ("AutoCAD", "SolidWorks", "Fusion"),
            ("CNC", "Lathe", "Mill"),
        ),
        strict=True,
    ):
        for cell, word in zip(row.cells, words, strict=True):
            cell.text = word
    assert _texts(_save(document)) == [
        "SKILLS",
        "Welding Brazing Soldering",
        "AutoCAD SolidWorks Fusion",
        "CNC Lathe Mill",
    ]
    lines = read_docx_lines(_save(document))
    assert lines[1].segments == ["Welding", "Brazing", "Soldering"]


def test_a_table_nested_in_a_layout_column_is_read_inside_its_column() -> None:
    document = _two_column_page(rows=1)
    side = document.tables[0].rows[0].cells[0]
    nested = side.add_table(rows=2, cols=2)
    for row, (name, level) in zip(
        nested.rows, (("Swedish", "native"), ("German", "B2")), strict=True
    ):
        row.cells[0].text, row.cells[1].text = name, level
    texts = _texts(_save(document))
    assert texts.index("Swedish native") == texts.index("GIS mapping") + 1
    assert texts.index("German B2") < texts.index("EXPERIENCE")


# --- floating text boxes ---------------------------------------------------------------------


def _box(lines: list[str], *, left: int, top: int, height: int, frame: str = "page") -> str:
    """A floating text box as Word saves it: a DrawingML choice and a VML fallback copy."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    content = f"<w:txbxContent>{paragraphs}</w:txbxContent>"
    return (
        f'<w:r {_NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor><wp:positionH relativeFrom="{frame}"><wp:posOffset>{left}</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="{frame}"><wp:posOffset>{top}'
        f'</wp:posOffset></wp:positionV><wp:extent cx="1800000" cy="{height}"/>'
        f"<a:graphic><a:graphicData><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        f"</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_banner_and_a_sidebar_box_anchored_anywhere_are_read_before_the_body() -> None:
    document = docx.Document()
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Ferry Captain, Isle Link Ferries\t2015 – 2024")
    document.add_paragraph("Led a crew of twelve on the northern route")
    # Both boxes anchored in the last paragraph, as Word does when they are drawn last.
    anchor = document.add_paragraph()
    sidebar = ["Contact", "mara.oyelaran@example.org", "SKILLS", "Navigation", "Radar"]
    anchor._p.append(parse_xml(_box(sidebar, left=200_000, top=1_500_000, height=8_000_000)))
    anchor._p.append(parse_xml(_box(["Mara Oyelaran"], left=200_000, top=300_000, height=700_000)))
    notes = ReadingNotes()
    texts = _texts(_save(document), notes)
    # Each box once (its VML copy is not read), the banner, then the sidebar, then the body.
    assert texts == [
        "Mara Oyelaran",
        *sidebar,
        "EXPERIENCE",
        "Ferry Captain, Isle Link Ferries 2015 – 2024",
        "Led a crew of twelve on the northern route",
    ]
    assert notes.columns == ["2 text box(es) were read one after another, each whole."]
    parsed = parse_document(_save(document), filename="cv.docx", settings=SETTINGS)
    assert parsed.resume.basics.name == "Mara Oyelaran"
    assert parsed.resume.basics.email == "mara.oyelaran@example.org"
    assert "read-as-columns" in {warning.code for warning in parsed.quality.warnings}


def test_the_name_atop_the_body_is_read_before_a_sidebar_box_beside_it() -> None:
    document = docx.Document()
    title = document.add_paragraph()
    title.add_run("Mara Oyelaran").font.size = Pt(26)
    sidebar = ["mara.oyelaran@example.org", "SKILLS", "Navigation", "Radar"]
    title._p.append(parse_xml(_box(sidebar, left=300_000, top=900_000, height=9_000_000)))
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Ferry Captain, Isle Link Ferries\t2015 – 2024")
    assert _texts(_save(document))[:3] == ["Mara Oyelaran", "mara.oyelaran@example.org", "SKILLS"]


def test_a_small_box_beside_the_text_is_read_where_it_is_anchored() -> None:
    document = docx.Document()
    document.add_paragraph("Mara Oyelaran")
    anchor = document.add_paragraph("EXPERIENCE")
    note = ["Available from May"]
    anchor._p.append(
        parse_xml(_box(note, left=5_000_000, top=3_000_000, height=400_000, frame="column"))
    )
    document.add_paragraph("Ferry Captain, Isle Link Ferries\t2015 – 2024")
    assert _texts(_save(document)) == [
        "Mara Oyelaran",
        "EXPERIENCE",
        "Available from May",
        "Ferry Captain, Isle Link Ferries 2015 – 2024",
    ]


# --- page headers ----------------------------------------------------------------------------


def test_contact_details_in_the_page_header_are_read_and_listed_as_furniture() -> None:
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Kwame Asante-Boateng"
    header.add_paragraph("kwame.ab@example.org\n+233 24 555 0199")
    document.add_paragraph("Quantity Surveyor")  # a headline that the first job repeats
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Quantity Surveyor")
    document.add_paragraph("Goldcoast Builders Ltd.\t2018 – 2024")
    document.add_paragraph("EDUCATION")
    document.add_paragraph("BSc Construction Economics, Volta Technical University\t2014 – 2018")
    data = _save(document)
    lines = read_docx_lines(data)
    assert [line.plain for line in lines if line.furniture] == [
        "Kwame Asante-Boateng",
        "kwame.ab@example.org",
        "+233 24 555 0199",
    ]
    assert [line.plain for line in lines].count("Quantity Surveyor") == 2
    parsed = parse_document(data, filename="cv.docx", settings=SETTINGS)
    basics = parsed.resume.basics
    assert (basics.name, basics.email) == ("Kwame Asante-Boateng", "kwame.ab@example.org")
    assert basics.phone.replace(" ", "").endswith("2455 50199".replace(" ", ""))
    assert parsed.resume.work[0].position == "Quantity Surveyor"
    quality = parsed.quality
    assert quality.furniture == [line.plain for line in lines if line.furniture]
    assert quality.lines_read == (
        quality.lines_placed + len(quality.lines_not_placed) + len(quality.furniture)
    )


def test_a_text_box_saved_only_as_vml_is_read_once() -> None:
    document = docx.Document()
    document.add_paragraph("Mara Oyelaran")
    anchor = document.add_paragraph("EXPERIENCE")
    anchor._p.append(
        parse_xml(
            f"<w:r {_NAMESPACES}><w:pict><v:shape><v:textbox><w:txbxContent>"
            "<w:p><w:r><w:t>Deck Officer</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    assert _texts(_save(document)) == ["Mara Oyelaran", "EXPERIENCE", "Deck Officer"]


def test_a_table_of_dated_entries_with_long_cells_on_both_sides_is_read_row_by_row() -> None:
    document = docx.Document()
    document.add_paragraph("EXPERIENCE")
    table = document.add_table(rows=2, cols=2)
    for row, (employer, years, title) in zip(
        table.rows,
        (
            ("Brightwater Dairy", "2019 – 2024", "Herd Manager"),
            ("Old Mill Farm", "2014 – 2019", "Farmhand"),
        ),
        strict=True,
    ):
        place, what = row.cells
        place.text = employer
        place.add_paragraph("Cork")
        place.add_paragraph(years)
        what.text = title
        what.add_paragraph("Ran milking for 200 cows")
        what.add_paragraph("Trained seasonal staff")
    texts = _texts(_save(document))
    assert texts.index("Herd Manager") < texts.index("Old Mill Farm")


def test_a_banner_box_on_a_later_page_stays_where_it_is_anchored() -> None:
    document = docx.Document()
    document.add_paragraph("Mara Oyelaran")
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Ferry Captain\t2015 – 2024")
    document.add_page_break()
    anchor = document.add_paragraph("EDUCATION")
    anchor._p.append(
        parse_xml(_box(["Page two banner"], left=200_000, top=200_000, height=500_000))
    )
    texts = _texts(_save(document))
    assert texts[0] == "Mara Oyelaran"
    assert texts.index("Page two banner") == texts.index("EDUCATION") + 1
