"""What a browser's print to PDF does to a résumé styled with CSS, each phenomenon on a
fictional page or lines made here: font weights from stem widths, a text object per glyph,
a label column beside its content, a name broken over two lines beside the contact column,
a narrow sidebar, sub-headings inside entries, right-to-left words, letter-spaced capitals."""

from __future__ import annotations

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.layout import ReadingNotes, TextLine, is_bullet, strip_bullet
from resumeforge.documents.parsing.pdf import (
    _Line,
    _merge_rows,
    _Piece,
    _piece_text,
    in_reading_order,
    is_bold_font,
    open_pdf,
    read_pdf_lines,
)
from resumeforge.documents.parsing.sections import build_resume, without_drop_initials
from tests.documents.files import Drawn, drawn_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
BLACK = (0, 0, 0)


def _glyph_lines(text: str, *, x: float, top: float, size: float) -> list[_Line]:
    """`text` as PDFium reads it from a browser that drew each glyph as its own text object:
    a line per glyph, each glyph's box (about half a size wide) a little apart."""
    lines: list[_Line] = []
    for char in text:
        if char == " ":
            x += 0.3 * size
            continue
        right = x + 0.5 * size
        lines.append(_Line([_Piece(char, x, right, size, False, x, size)], top, top - size))
        x = right + 0.08 * size
    return lines


def _lines_of(data: bytes) -> list[TextLine]:
    document = open_pdf(data, max_pages=2)
    try:
        return read_pdf_lines(document)[0]
    finally:
        document.close()


def test_a_font_named_regular_is_not_bold_whatever_weight_its_stem_width_gives() -> None:
    assert not is_bold_font("AAAAAA+NotoSans-Regular", weight=625, flags=0)
    assert not is_bold_font("BAAAAA+NotoSans-Italic", weight=1204, flags=0)
    assert is_bold_font("CAAAAA+NotoSans-Bold", weight=400, flags=0)
    # A name that says nothing of its weight leaves it to the weight and the ForceBold flag.
    assert is_bold_font("Helvetica", weight=700, flags=0)
    assert is_bold_font("F1", weight=400, flags=1 << 18)
    assert not is_bold_font("Helvetica", weight=400, flags=0)


def test_glyphs_drawn_one_by_one_read_as_their_words() -> None:
    glyphs = [
        *_glyph_lines("Education", x=50, top=700, size=18),
        *_glyph_lines("Harbour Point College", x=50, top=670, size=11),
    ]
    rows = _merge_rows(glyphs)
    assert [[piece.text for piece in row.pieces] for row in rows] == [
        ["Education"],
        ["Harbour Point College"],
    ]


def test_a_superscript_beside_its_number_is_not_glued_to_it() -> None:
    number = _Line([_Piece("1", 50, 56, 11, False, 50, 11)], 700, 689)
    superscript = _Line([_Piece("st", 56.5, 62, 7, False, 56.5, 7)], 699, 692)
    rows = _merge_rows([number, superscript])
    assert [[piece.text for piece in row.pieces] for row in rows] == [["1", "st"]]


def test_a_label_column_beside_its_first_entry_is_the_sections_heading() -> None:
    drawn: list[Drawn] = [
        ("Wren Abernathy", 150, 740, 24, BLACK),
        ("wren.abernathy@example.org", 150, 715, 10, BLACK),
        # The label, right-aligned in a larger size, a little before the entry's first line.
        ("Work", 92, 680, 16, BLACK),
        ("Harbour Pilot", 150, 680, 12, BLACK),
        ("Estuary Marine Services", 150, 664, 10, BLACK),
        ("Mar 2019 - Present", 150, 650, 10, BLACK),
        ("Education", 60, 620, 16, BLACK),
        ("Saltmarsh Nautical College", 150, 620, 12, BLACK),
        ("Bachelor of Science in Navigation", 150, 604, 10, BLACK),
        ("Sep 2015 - Jun 2018", 150, 590, 10, BLACK),
    ]
    data = drawn_pdf(drawn, fills=[])
    assert [line.segments for line in _lines_of(data)][2:4] == [["Work"], ["Harbour Pilot"]]
    resume = parse_document(data, filename="cv.pdf", settings=SETTINGS).resume
    assert [section.heading for section in resume.meta.sections] == ["Work", "Education"]
    assert (resume.work[0].position, resume.work[0].name) == (
        "Harbour Pilot",
        "Estuary Marine Services",
    )
    assert resume.education[0].institution == "Saltmarsh Nautical College"


def test_a_date_flushed_right_in_a_smaller_size_stays_on_its_line() -> None:
    drawn: list[Drawn] = [
        ("Harbour Pilot", 50, 700, 13, BLACK),
        ("Mar 2019 - Present", 480, 700, 9, BLACK),
    ]
    assert [line.segments for line in _lines_of(drawn_pdf(drawn, fills=[]))] == [
        ["Harbour Pilot", "Mar 2019 - Present"]
    ]


def test_a_name_broken_over_two_lines_beside_the_contact_column_is_joined() -> None:
    lines = [
        TextLine(segments=["WREN"], size=22),
        TextLine(segments=["wren.abernathy@example.org"], size=10),
        TextLine(segments=["ABERNATHY"], size=22),
        TextLine(segments=["+44 20 7946 0999"], size=10),
        TextLine(segments=["EXPERIENCE"], size=14),
        TextLine(segments=["Harbour Pilot"], size=10),
    ]
    assert build_resume(lines).basics.name == "WREN ABERNATHY"


def test_a_narrow_sidebar_is_read_as_a_column_before_the_main_one() -> None:
    sidebar = [
        "ABOUT",
        "Falmouth UK",
        "wren.abernathy@example.org",
        "+44 20 7946 0999",
        "SKILLS",
        "Tide tables",
        "Radar plotting",
        "VHF radio",
        "Chart work",
        "LANGUAGES",
        "English (Native)",
        "Welsh (Fluent)",
    ]
    main = [
        ("EXPERIENCE", 12),
        ("Harbour Pilot    2019 - 2024", 10),
        ("Estuary Marine Services", 9),
        ("• Brought 900 vessels to berth without incident", 9),
        ("• Trained four pilots in night approaches", 9),
        ("Deckhand    2015 - 2019", 10),
        ("Saltmarsh Ferries", 9),
        ("• Kept the ferry's log and its safety drills", 9),
        ("EDUCATION", 12),
        ("Saltmarsh Nautical College", 10),
        ("Bachelor of Science in Navigation    2012 - 2015", 9),
    ]
    drawn: list[Drawn] = [("Wren Abernathy", 40, 750, 24, BLACK)]
    # The sidebar's rows and the main column's fall on baselines of their own, interleaved.
    drawn += [(text, 40, 700 - 19 * i, 10, BLACK) for i, text in enumerate(sidebar)]
    for i, (text, size) in enumerate(main):
        left, _, right = text.partition("    ")
        drawn.append((left, 190, 706 - 17 * i, size, BLACK))
        if right:
            drawn.append((right, 480, 706 - 17 * i, size, BLACK))
    parsed = parse_document(drawn_pdf(drawn, fills=[]), filename="cv.pdf", settings=SETTINGS)
    resume = parsed.resume
    assert [section.heading for section in resume.meta.sections] == [
        "ABOUT",
        "SKILLS",
        "LANGUAGES",
        "EXPERIENCE",
        "EDUCATION",
    ]
    assert [(job.position, job.name) for job in resume.work] == [
        ("Harbour Pilot", "Estuary Marine Services"),
        ("Deckhand", "Saltmarsh Ferries"),
    ]
    assert [language.language for language in resume.languages] == ["English", "Welsh"]
    assert "read-as-columns" in {warning.code for warning in parsed.quality.warnings}


# As wide as the main column runs: no gap to split the page at but the rail's.
_ABOUT_THE_ROLE = "Estuary Marine Services, Falmouth: harbour works and the upper river pilotage"


def test_a_rail_of_dates_beside_the_entries_is_not_a_column() -> None:
    drawn: list[Drawn] = [
        ("Wren Abernathy", 40, 750, 24, BLACK),
        ("EXPERIENCE", 40, 720, 12, BLACK),
    ]
    for i in range(6):
        top = 700 - 40 * i
        drawn.append((f"Sep {2010 + i} - Jun {2011 + i}", 40, top, 10.5, BLACK))
        drawn.append((f"Harbour role number {i + 1}", 160, top - 14, 10, BLACK))
        drawn.append((_ABOUT_THE_ROLE, 160, top - 26, 9, BLACK))
    document = open_pdf(drawn_pdf(drawn, fills=[]), max_pages=1)
    notes = ReadingNotes()
    try:
        lines = read_pdf_lines(document, notes=notes)[0]
    finally:
        document.close()
    assert notes.columns == []
    texts = [line.plain for line in lines]
    # Read top to bottom: each entry's dates before its title, not all dates first.
    assert texts.index("Sep 2011 - Jun 2012") > texts.index("Harbour role number 1")


def test_a_heading_word_in_body_size_under_larger_headings_labels_part_of_an_entry() -> None:
    lines = [
        TextLine(segments=["Wren Abernathy"], size=24, bold=True),
        TextLine(segments=["wren.abernathy@example.org"], size=10),
        TextLine(segments=["About"], size=16, bold=True),
        TextLine(segments=["Harbour pilot of twelve years on a tidal estuary."], size=10),
        TextLine(segments=["Work"], size=16, bold=True),
        TextLine(segments=["Estuary Marine Services", "2019-03 - 2024-06"], size=10, bold=True),
        TextLine(segments=["Harbour Pilot"], size=10, bold=True),
        # Printed over each job's bullets, in the body's size: a label, not a section.
        TextLine(segments=["Highlights"], size=10, bold=True),
        TextLine(segments=["• Brought 900 vessels to berth without incident"], size=10),
        TextLine(segments=["Education"], size=16, bold=True),
        TextLine(segments=["Saltmarsh Nautical College", "2012 - 2015"], size=10, bold=True),
        TextLine(segments=["Bachelor of Science in Navigation"], size=10),
    ]
    resume = build_resume(lines)
    assert [section.heading for section in resume.meta.sections] == ["About", "Work", "Education"]
    assert (resume.work[0].position, resume.work[0].name) == (
        "Harbour Pilot",
        "Estuary Marine Services",
    )
    assert resume.education[0].institution == "Saltmarsh Nautical College"


def test_a_document_whose_headings_are_in_body_size_keeps_them() -> None:
    lines = [
        TextLine(segments=["Wren Abernathy"], size=24, bold=True),
        TextLine(segments=["Summary"], size=10, bold=True),
        TextLine(segments=["Harbour pilot of twelve years on a tidal estuary."], size=10),
        TextLine(segments=["Experience"], size=10, bold=True),
        TextLine(segments=["Harbour Pilot, Estuary Marine Services, 2019 - 2024"], size=10),
        TextLine(segments=["Skills"], size=10, bold=True),
        TextLine(segments=["Tide tables, radar plotting"], size=10),
    ]
    headings = [section.heading for section in build_resume(lines).meta.sections]
    assert headings == ["Summary", "Experience", "Skills"]


def test_a_right_to_left_word_listed_as_its_glyphs_stand_is_read_backwards() -> None:
    # "דנה" listed left to right as printed, and the same word listed as it is read.
    assert in_reading_order("הנד", first_left=100.0, last_left=130.0) == "דנה"
    assert in_reading_order("דנה", first_left=130.0, last_left=100.0) == "דנה"
    # A left-to-right word is never turned.
    assert in_reading_order("Dana", first_left=100.0, last_left=130.0) == "Dana"


def test_a_sidebar_line_beside_a_main_line_or_into_the_gap_stays_in_its_column() -> None:
    sidebar = [
        "Falmouth UK",
        "wren.abernathy@example.org",
        "SKILLS",
        "Tide tables, radar and VHF radios",  # past the gap's middle, short of the main text
        "Chart work",
        "Boat handling",
        "Pilotage exams",
        "First aid at sea",
        "LANGUAGES",
        "English (Native)",
        "Welsh (Fluent)",
        "Breton (Basic)",
    ]
    main = [
        "EXPERIENCE",
        "Harbour Pilot",
        "Estuary Marine Services, 2019 - 2024",
        "• Brought 900 vessels to berth without incident in fog and gales",
        "• Trained four pilots in night approaches to the upper harbour",
        "Deckhand",
        "Saltmarsh Ferries, 2015 - 2019",
        "• Kept the ferry's log and ran its safety drills every week, in all weathers",
        "EDUCATION",
        "Saltmarsh Nautical College, Bachelor of Science in Navigation",
        "Graduated with the class prize for chart work and tidal calculation",
        "Captain of the college rowing club for two seasons on the estuary",
    ]
    drawn: list[Drawn] = [("Wren Abernathy", 40, 750, 24, BLACK)]
    # Both columns on the same baselines; the first row drawn across, sidebar then main:
    # PDFium reads that row as one line of two pieces.
    drawn += [(sidebar[0], 40, 700, 10, BLACK), (main[0], 200, 700, 10, BLACK)]
    drawn += [(text, 40, 700 - 16 * i, 10, BLACK) for i, text in enumerate(sidebar) if i]
    drawn += [(text, 200, 700 - 16 * i, 10, BLACK) for i, text in enumerate(main) if i]
    lines = _lines_of(drawn_pdf(drawn, fills=[]))
    texts = [line.plain for line in lines]
    assert texts == ["Wren Abernathy", *sidebar, *main]


def test_a_list_item_marked_with_latexs_asterisk_is_a_bullet() -> None:
    assert is_bullet(TextLine(segments=["∗ Kept the ferry's log"]))
    assert strip_bullet("∗ Kept the ferry's log") == "Kept the ferry's log"


def test_capitals_set_letter_spaced_are_read_as_their_words() -> None:
    # As PDFium reads CSS letter-spacing: letters apart, the gaps between words wider.
    letters = list("WRENABERNATHY")
    gaps = [3.0] * 3 + [9.5] + [3.0] * 8
    assert _piece_text(letters, gaps, 24.0) == "WREN ABERNATHY"
    assert _piece_text(["EXPERI", "E", "N", "CE"], [1.2, 1.1, 1.3], 14.0) == "EXPERIENCE"


def test_a_letter_spaced_surname_after_given_names_on_its_line_is_one_word() -> None:
    # "Wren" in plain type, then the surname in letter-spaced capitals, kerned pairs together.
    words = ["Wren", "A", "BE", "R", "N", "A", "TH", "Y"]
    gaps = [9.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    assert _piece_text(words, gaps, 24.0) == "Wren ABERNATHY"


def test_short_words_in_capitals_spaced_as_words_are_not_joined() -> None:
    assert _piece_text(["BSC", "IN", "MARINE", "OPS"], [3.5, 3.6, 3.5], 12.0) == (
        "BSC IN MARINE OPS"
    )
    assert _piece_text(["BA", "IN", "EU", "LAW"], [3.5, 3.6, 3.5], 12.0) == "BA IN EU LAW"
    assert _piece_text(["Harbour", "Pilot", "at", "sea"], [3.0, 3.0, 3.0], 12.0) == (
        "Harbour Pilot at sea"
    )


def test_a_page_whose_main_column_ends_after_its_summary_is_still_two_columns() -> None:
    sidebar = [
        "ABOUT",
        "Falmouth UK",
        "wren.abernathy@example.org",
        "+44 20 7946 0999",
        "SKILLS",
        "Tide tables, radar plots",
        "Chart work",
        "Boat handling",
        "LANGUAGES",
        "English (Native)",
        "Welsh (Fluent)",
        "INTERESTS",
        "Rowing",
        "Sea shanties",
    ]
    summary = [
        "Harbour pilot of twelve years on a tidal estuary, trusted with the largest",
        "vessels in fog, gales and at night, and with training the port's new pilots.",
    ]
    drawn: list[Drawn] = [
        # The name and title in display type span the top, across the gap between columns.
        ("Wren Abernathy", 40, 750, 30, BLACK),
        ("Senior Harbour Pilot", 40, 722, 14, BLACK),
        ("SUMMARY", 200, 690, 10, BLACK),
    ]
    drawn += [(text, 40, 690 - 16 * i, 10, BLACK) for i, text in enumerate(sidebar)]
    drawn += [(text, 200, 672 - 13 * i, 9, BLACK) for i, text in enumerate(summary)]
    texts = [line.plain for line in _lines_of(drawn_pdf(drawn, fills=[]))]
    assert texts == ["Wren Abernathy", "Senior Harbour Pilot", *sidebar, "SUMMARY", *summary]


def test_a_phone_alone_on_a_line_under_a_sidebar_heading_is_the_phone() -> None:
    lines = [
        TextLine(segments=["Wren Abernathy"], size=24, bold=True),
        TextLine(segments=["ABOUT"], size=12, bold=True),
        TextLine(segments=["wren.abernathy@example.org"], size=10),
        TextLine(segments=["+44 20 7946 0999"], size=10),
        TextLine(segments=["EXPERIENCE"], size=12, bold=True),
        TextLine(segments=["Harbour Pilot, 2019 - 2024"], size=10),
        TextLine(segments=["• Logged 4 400 800 nautical miles"], size=10),
    ]
    basics = build_resume(lines).basics
    assert (basics.email, basics.phone) == ("wren.abernathy@example.org", "+44 20 7946 0999")


def test_a_short_page_with_the_name_in_the_sidebar_is_split_in_the_gaps_middle() -> None:
    # The name's second half, in display type, is the sidebar's widest line: a split at the
    # gap's left edge would leave it, and the sidebar's fifth line, on the wrong side.
    drawn: list[Drawn] = [
        ("Wren", 49, 740, 30, BLACK),
        ("Abernathy", 49, 708, 30, BLACK),
        ("wren@sea.org", 49, 670, 16, BLACK),
        ("Languages", 50, 640, 18, BLACK),
        ("English", 50, 610, 16, BLACK),
        ("Experience", 230, 740, 24, BLACK),
        ("Harbour Pilot, Estuary Marine Services, 2019 - 2024", 230, 708, 16, BLACK),
        ("• Brought 900 vessels to berth", 245, 684, 16, BLACK),
        ("Education", 230, 650, 24, BLACK),
        ("Saltmarsh Nautical College", 230, 620, 16, BLACK),
        ("Skills", 230, 590, 24, BLACK),
        ("Tide tables, radar", 230, 562, 16, BLACK),
    ]
    texts = [line.plain for line in _lines_of(drawn_pdf(drawn, fills=[]))]
    assert texts == [text for text, *_ in drawn]


def test_a_letter_spaced_heading_read_with_its_last_letter_apart_is_the_heading() -> None:
    assert without_drop_initials("EDUCATIO N") == "EDUCATION"
    assert without_drop_initials("WORK EXPERIENC E") == "WORK EXPERIENCE"
    # Kerning closes some gaps of a letter-spaced heading: "AG" stays together.
    assert without_drop_initials("LAN G UAG ES") == "LANGUAGES"
    assert without_drop_initials("INTE RESTS") == "INTERESTS"
    # Joined only when that makes a known heading.
    assert without_drop_initials("PLAN B") == "PLAN B"
    lines = [
        TextLine(segments=["Wren Abernathy"], size=24),
        TextLine(segments=["EXPERIENCE"], size=12, bold=True),
        TextLine(segments=["Harbour Pilot", "Mar 2019 - Present"], size=10, bold=True),
        TextLine(segments=["EDUCATIO N"], size=12, bold=True),
        TextLine(segments=["Saltmarsh Nautical College"], size=10, bold=True),
    ]
    headings = [section.heading for section in build_resume(lines).meta.sections]
    assert headings == ["EXPERIENCE", "EDUCATION"]
