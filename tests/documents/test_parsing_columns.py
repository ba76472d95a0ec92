"""A page printed as a sidebar beside a main column is read column by column.

Every name, employer and skill here is made up for the phenomenon it shows.
"""

from __future__ import annotations

from random import Random

import pypdfium2 as pdfium

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.layout import ReadingNotes
from resumeforge.documents.parsing.pdf import _crossings, _Line, _Piece, open_pdf, read_pdf_lines
from tests.documents.files import Drawn, drawn_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
BLACK = (0, 0, 0)

_MAIN = [
    ("EXPERIENCE", 11),
    ("Senior Surveyor", 9),
    ("Fenland Mapping Ltd., Ely", 9),
    ("• Surveyed 120 km of river banks for the county flood plan and wrote its field report", 9),
    ("• Trained four junior surveyors in drone mapping, photogrammetry and safe site work", 9),
    ("Surveyor", 9),
    ("Broadland Estates Ltd., Norwich", 9),
    ("• Mapped 30 farms for drainage plans and wrote the reports the council asked for", 9),
    ("• Kept the survey archive in order for the council and answered its planning queries", 9),
]


def _sidebar_page(
    sidebar: list[tuple[str, float]], *, main_left: float, sidebar_left: float = 30
) -> bytes:
    """The name across the top, a sidebar at the left, the main column on baselines that
    line up with the sidebar's (as a browser sets both at the same line height)."""
    drawn: list[Drawn] = [("Tobi Okonkwo-Adeyemi", sidebar_left, 750, 24, BLACK)]
    drawn.append(("Land Surveyor", sidebar_left, 730, 12, BLACK))
    for row, (text, size) in enumerate(sidebar):
        drawn.append((text, sidebar_left, 700 - 14 * row, size, BLACK))
    for row, (text, size) in enumerate(_MAIN):
        drawn.append((text, main_left, 700 - 14 * row, size, BLACK))
    dates = ("2020 - 2024", "2016 - 2020")
    for row, text in zip((1, 5), dates, strict=True):
        drawn.append((text, main_left + 250, 700 - 14 * row, 9, BLACK))
    return drawn_pdf(drawn, fills=[])


_NARROW_SIDEBAR = [
    ("tobi@example.org", 9),
    ("+44 20 7946 0321", 9),
    ("SKILLS", 11),
    ("Surveying", 9),
    ("GIS and spatial databases", 9),
    ("Drone mapping", 9),
    ("Civil 3D", 9),
    ("LANGUAGES", 11),
    ("English, Yoruba", 9),
]


def _jobs(data: bytes) -> list[tuple[str, str, str, str, str]]:
    work = parse_document(data, filename="cv.pdf", settings=SETTINGS).resume.work
    return [(w.position, w.name, w.location, w.startDate, w.endDate) for w in work]


def _expected_jobs() -> list[tuple[str, str, str, str, str]]:
    return [
        ("Senior Surveyor", "Fenland Mapping Ltd.", "Ely", "2020", "2024"),
        ("Surveyor", "Broadland Estates Ltd.", "Norwich", "2016", "2020"),
    ]


def test_a_narrow_sidebar_of_words_is_a_column_not_a_rail() -> None:
    # The sidebar is about a sixth of the page wide: narrower than a main column, but its
    # lines are contact details and skills, not the dates a rail beside each entry holds.
    data = _sidebar_page(_NARROW_SIDEBAR, main_left=170)
    notes = ReadingNotes()
    with_columns = read_pdf_lines(open_pdf(data, max_pages=1), notes=notes)[0]
    assert notes.columns == ["Page 1 was read as two columns, left then right."]
    texts = [line.plain for line in with_columns]
    assert texts.index("English, Yoruba") < texts.index("EXPERIENCE")
    assert _jobs(data) == _expected_jobs()


def test_a_sidebar_line_running_into_the_gutter_does_not_make_the_page_header() -> None:
    # One skills line is a little too long for its column and runs past the gap's middle,
    # short of the main column's text: it is still the sidebar's, and the lines above it
    # are no header spanning both columns.
    overflowing = "Surveying, GIS, Drone mapping, Civil 3D"
    sidebar = [*_NARROW_SIDEBAR[:5], (overflowing, 9), *_NARROW_SIDEBAR[6:]]
    data = _sidebar_page(sidebar, main_left=199, sidebar_left=34)
    lines = read_pdf_lines(open_pdf(data, max_pages=1), notes=ReadingNotes())[0]
    texts = [line.plain for line in lines]
    assert "tobi@example.org" in texts  # not joined with a main-column line on its row
    assert texts.index(overflowing) < texts.index("EXPERIENCE")
    assert _jobs(data) == _expected_jobs()


def test_lines_across_each_x_are_counted_as_one_by_one() -> None:
    # The column gap is found by counting, at each x, the lines that run across it; the count
    # from sorted line ends is the count line by line, lines of no width and shared ends too.
    random = Random(7)
    lines = []
    for _ in range(300):
        left = float(random.choice([random.randint(0, 600), random.uniform(0, 600)]))
        right = left + random.choice([0.0, -3.0, float(random.randint(0, 300)), 18.0])
        piece = _Piece("w", left, right, 9.0, False, left, 9.0)
        lines.append(_Line([piece], 700.0, 690.0))
    steps = [float(step) for step in range(0, 800, 6)]
    one_by_one = [sum(1 for line in lines if line.left < x < line.right) for x in steps]
    assert _crossings(lines, steps) == one_by_one


def test_a_sidebar_at_the_right_is_read_before_the_main_column() -> None:
    # The main column runs on to the next page: read after the sidebar, its last line meets
    # the next page's first, so a job continued there stays under "EXPERIENCE".
    drawn: list[Drawn] = [("Tobi Okonkwo-Adeyemi", 30, 750, 24, BLACK)]
    drawn.append(("Land Surveyor", 30, 730, 12, BLACK))
    # Shorter bullets, so the dates flushed right end the main column; headings a size up.
    main = [(text[: text.rfind(" ", 0, 60)] if len(text) > 60 else text, 9) for text, _ in _MAIN]
    main[0] = ("EXPERIENCE", 10)
    for row, (text, size) in enumerate(main):
        drawn.append((text, 30, 700 - 14 * row, size, BLACK))
    for row, (text, size) in enumerate(_NARROW_SIDEBAR):
        drawn.append((text, 430, 700 - 14 * row, size, BLACK))
    for row, text in zip((1, 5), ("2020 - 2024", "2016 - 2020"), strict=True):
        drawn.append((text, 250, 700 - 14 * row, 9, BLACK))
    data = drawn_pdf(drawn, fills=[])
    notes = ReadingNotes()
    lines = read_pdf_lines(open_pdf(data, max_pages=1), notes=notes)[0]
    assert notes.columns == ["Page 1 was read as two columns, the sidebar at the right first."]
    texts = [line.plain for line in lines]
    assert texts.index("English, Yoruba") < texts.index("EXPERIENCE")
    assert _jobs(data) == _expected_jobs()


def test_a_left_column_of_headings_and_dates_is_a_label_column_read_by_rows() -> None:
    # Headings and dates stand left of their content, far from it: the page is one column,
    # each heading read before its content and a heading wrapped in the narrow column joined.
    drawn: list[Drawn] = [("Tobi Okonkwo-Adeyemi", 200, 750, 24, BLACK)]
    rows = [
        ("Work Experience", ""),
        ("2020 - 2024", "Senior Surveyor at Fenland Mapping Ltd."),
        ("", "• Surveyed 120 km of river banks for the county flood plan"),
        ("", "• Trained four junior surveyors in drone mapping and safe site work"),
        ("2016 - 2020", "Survey Technician at Broadland Estates Ltd."),
        ("", "• Mapped 30 farms for drainage plans for the council"),
        ("", "• Kept the survey archive in order and answered planning queries"),
        ("Professional", "Surveying, GIS and spatial databases, Drone mapping"),
        ("Skills", "Civil 3D, QGIS, PostGIS"),
        ("Languages", "English, Yoruba"),
        ("", "French (basic)"),
        ("Interests", "Rowing, Chess"),
        ("", "Local history"),
    ]
    # A browser draws the label column, then the content, each label a little off its row.
    for row, (label, _) in enumerate(rows):
        if label:
            size = 8 if label[0].isdigit() else 14
            drawn.append((label, 30, 698 - 16 * row, size, BLACK))
    for row, (_, content) in enumerate(rows):
        if content:
            drawn.append((content, 170, 700 - 16 * row, 9, BLACK))
    data = drawn_pdf(drawn, fills=[])
    notes = ReadingNotes()
    lines = read_pdf_lines(open_pdf(data, max_pages=1), notes=notes)[0]
    assert notes.columns == []
    texts = [line.plain for line in lines]
    assert texts.index("Work Experience") < texts.index("Professional Skills")
    assert "Professional Skills" in texts
    resume = parse_document(data, filename="cv.pdf", settings=SETTINGS).resume
    assert [(w.position, w.name, w.startDate) for w in resume.work] == [
        ("Senior Surveyor", "Fenland Mapping Ltd.", "2020"),
        ("Survey Technician", "Broadland Estates Ltd.", "2016"),
    ]
    assert "Civil 3D" in [k for skill in resume.skills for k in skill.keywords]


def _width(text: str, size: float) -> float:
    """How wide Helvetica prints `text` at `size`, read back from a page that prints it."""
    document = pdfium.PdfDocument(drawn_pdf([(text, 0, 100, size, BLACK)], fills=[]))
    try:
        return float(document[0].get_textpage().get_charbox(len(text) - 1)[2])
    finally:
        document.close()


def test_a_rail_of_right_aligned_dates_employer_and_city_is_read_with_its_entry() -> None:
    # The rail's employer and city stand level with the entry's bullets: read by rows, they
    # would fall between them; read with the entry, they are its employer and its city.
    entries = [
        (["2021 –", "Present", "Kestrel Systems", "Leeds"], "Data Engineer", 3),
        (["2018 –", "2021", "Brill Analytics Ltd", "Glasgow"], "Data Analyst", 3),
    ]
    drawn: list[Drawn] = [("Tobi Okonkwo-Adeyemi", 40, 750, 24, BLACK)]
    drawn.append(("EXPERIENCE", 40, 715, 11, BLACK))
    top = 695.0
    for rail, title, bullets in entries:
        for row, text in enumerate(rail):
            drawn.append((text, 150 - _width(text, 9), top - 12 * row, 9, BLACK))
        drawn.append((title, 165, top, 9, BLACK))
        for row in range(1, bullets + 1):
            drawn.append(
                (
                    f"• Delivered the quarterly survey report number {row}",
                    165,
                    top - 12 * row,
                    9,
                    BLACK,
                )
            )
        top -= 12 * (bullets + 2)
    drawn.append(("EDUCATION", 40, top, 11, BLACK))
    for row, text in enumerate(["2012 –", "2016"]):
        drawn.append((text, 150 - _width(text, 9), top - 20 - 12 * row, 9, BLACK))
    drawn.append(("Brill College", 165, top - 20, 9, BLACK))
    drawn.append(("BA in Geography", 165, top - 32, 9, BLACK))
    data = drawn_pdf(drawn, fills=[])
    work = parse_document(data, filename="cv.pdf", settings=SETTINGS).resume.work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Data Engineer", "Kestrel Systems", "2021", "Present"),
        ("Data Analyst", "Brill Analytics Ltd", "2018", "2021"),
    ]
    # The city stays with its job (no entry of its own), and every bullet with it too.
    assert ["Leeds" in f"{w.location} {w.summary}" for w in work] == [True, False]
    assert [len(w.highlights) for w in work] == [3, 3]


def test_the_pages_gutter_is_the_widest_gap_not_a_gap_inside_the_main_column() -> None:
    # Each job's highlights are set in two narrow columns; the sidebar stands far right. The
    # narrow gap between the highlights' columns is no gutter of the page.
    drawn: list[Drawn] = [("Tobi Okonkwo-Adeyemi", 30, 750, 24, BLACK)]
    # A summary across the page: it crosses every gap once, the gutter too.
    summary = (
        "Field surveyor who maps river banks, farms, estates and flood plains for county "
        "councils across the east."
    )
    drawn.append((summary, 30, 725, 9, BLACK))
    drawn.append(("EXPERIENCE", 30, 700, 11, BLACK))
    top = 680.0
    for title, employer in (
        ("Senior Surveyor", "Fenland Mapping Ltd."),
        ("Survey Technician", "Broadland Estates Ltd."),
    ):
        drawn.append((title, 30, top, 10, BLACK))  # a size up, as a title is set apart
        drawn.append((employer, 30, top - 12, 9, BLACK))
        # A browser draws the first column of highlights, then the second.
        columns = (("• Surveyed the banks", "• Wrote the reports"), ("• Trained surveyors",))
        for left, column in zip((30, 135), columns, strict=True):
            for row, text in enumerate(column):
                drawn.append((text, left, top - 24 - 12 * row, 9, BLACK))
        top -= 60
    for row, (text, size) in enumerate(_NARROW_SIDEBAR):
        drawn.append((text, 420, 700 - 14 * row, size, BLACK))
    data = drawn_pdf(drawn, fills=[])
    resume = parse_document(data, filename="cv.pdf", settings=SETTINGS).resume
    assert [w.position for w in resume.work] == ["Senior Surveyor", "Survey Technician"]
    assert all("Trained surveyors" in " ".join(w.highlights) for w in resume.work)
    assert "Civil 3D" in [k for skill in resume.skills for k in skill.keywords]
