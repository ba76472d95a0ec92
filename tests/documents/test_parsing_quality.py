"""The quality report: every line placed in a field, kept as written, or listed; warnings."""

from __future__ import annotations

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.leftovers import words_of
from resumeforge.rendering.layout import print_resume
from tests.documents.files import Drawn, drawn_pdf, paged_pdf

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)
BLACK, WHITE = (0, 0, 0), (255, 255, 255)


def _printed_text(parsed_resume: object) -> str:
    printed = print_resume(parsed_resume)  # type: ignore[arg-type]
    header = printed.header
    parts = [header.name, header.label, *(link.text for link in header.contacts)]
    for section in printed.sections:
        parts.append(section.heading)
        parts.extend(section.paragraphs)
        for entry in section.entries:
            parts.extend([entry.title, entry.subtitle, entry.location, entry.text])
            parts.extend([entry.keywords, *entry.bullets])
        parts.extend(f"{row.label} {row.text}" for row in section.rows)
    return " ".join(parts)


def test_a_line_no_field_takes_is_kept_as_written_and_listed() -> None:
    page = [
        "Tomasz Wierzbicki",
        "tomasz.w@example.org | +1 (415) 555-0188",
        "EXPERIENCE",
        "Lumen Freight Inc.    Reno, NV",
        "Route Planner    Jan 2019 - Present",
        "- Planned routes for 40 trucks a day",
        "EDUCATION",
        "Sierra Valley College    2014 - 2018",
        "Bachelor of Science in Logistics",
        "Thesis supervised by the harbour authority on container dwell times",
    ]
    parsed = parse_document(paged_pdf([page]), filename="cv.pdf", settings=SETTINGS)
    quality = parsed.quality
    assert quality.lines_not_placed == [
        "Thesis supervised by the harbour authority on container dwell times"
    ]
    assert quality.lines_read == len(page)
    assert quality.lines_placed == len(page) - 1
    assert any(w.code == "lines-not-placed" for w in quality.warnings)
    # Kept in an `other` section right after the section it was printed in, and printed.
    kept = parsed.resume.meta.sections[2]
    assert (kept.heading, kept.kind.value) == ("EDUCATION", "other")
    printed = set(words_of(_printed_text(parsed.resume)))
    assert set(words_of(" ".join(page))) <= printed


def test_running_headers_are_listed_as_furniture_not_placed() -> None:
    body = ["Rosa Quintero", "rosa@example.org", "EXPERIENCE", "Data Clerk    2019 - 2020"]
    data = paged_pdf([body, ["- Filed records"]], footer="Rosa Quintero  {page}/{pages}")
    quality = parse_document(data, filename="cv.pdf", settings=SETTINGS).quality
    assert quality.furniture == ["Rosa Quintero 1/2", "Rosa Quintero 2/2"]
    assert quality.lines_not_placed == []


def test_a_page_with_no_headings_says_so_and_keeps_every_line() -> None:
    page = ["Some notes I wrote", "about the garden, the shed", "and the three apple trees"]
    parsed = parse_document(paged_pdf([page]), filename="notes.pdf", settings=SETTINGS)
    codes = {warning.code for warning in parsed.quality.warnings}
    assert {"no-sections", "no-experience-or-education", "name-not-found"} <= codes
    assert parsed.warnings  # the same warnings as sentences, for the upload answer
    printed = set(words_of(_printed_text(parsed.resume)))
    assert set(words_of(" ".join(page))) <= printed


def test_a_language_the_vocabulary_does_not_know_is_reported() -> None:
    page = [
        "Jan de Vries",
        "jan@example.nl",
        "WERKERVARING",
        "Magazijnmedewerker bij een groothandel van het jaar 2019 tot nu",
        "Ik heb de voorraad van het magazijn bijgehouden en de orders verwerkt",
        "OPLEIDING",
        "Een opleiding tot logistiek medewerker aan het regionale college",
        "Ik ben een harde werker en ik werk graag in een team met collega's",
        "Het rijbewijs voor de vrachtwagen heb ik in het jaar 2018 gehaald",
        "Mijn hobby's zijn het fietsen, het zwemmen en het lezen van boeken",
    ]
    quality = parse_document(paged_pdf([page]), filename="cv.pdf", settings=SETTINGS).quality
    assert quality.language == ""
    assert "unknown-language" in {warning.code for warning in quality.warnings}


def test_text_no_one_can_see_is_dropped_and_reported_as_hidden() -> None:
    texts: list[Drawn] = [
        ("Ines Carvalho", 50, 740, 20, BLACK),
        ("ines@example.org", 50, 715, 10, BLACK),
        ("EXPERIENCE", 50, 690, 14, BLACK),
        ("Warehouse Lead    2018 - 2021", 50, 670, 10, BLACK),
        ("kubernetes blockchain machine learning", 50, 655, 10, WHITE),  # white on white
        ("rockstar ninja guru", 50, 640, 0.3, BLACK),  # too small to see
        ("Forklift certified", 50, 625, 10, BLACK),
        ("offpage keywords stuffed", 700, 600, 10, BLACK),  # beyond the right edge
        ("Night shift supervisor", 50, 520, 10, WHITE),  # white on the dark banner
    ]
    data = drawn_pdf(texts, fills=[(40, 510, 300, 24)])
    parsed = parse_document(data, filename="cv.pdf", settings=SETTINGS)
    hidden = parsed.quality.hidden_text
    assert hidden == [
        "kubernetes blockchain machine learning",
        "rockstar ninja guru",
        "offpage keywords stuffed",
    ]
    assert "hidden-text-dropped" in {warning.code for warning in parsed.quality.warnings}
    source = parsed.resume.meta.source_text
    assert "kubernetes" not in source and "ninja" not in source and "offpage" not in source
    assert "Night shift supervisor" in source
