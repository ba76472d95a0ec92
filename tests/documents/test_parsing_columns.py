"""A page printed as a sidebar beside a main column is read column by column.

Every name, employer and skill here is made up for the phenomenon it shows.
"""

from __future__ import annotations

from random import Random

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
