"""Faithful characters in PDFs: ligatures, fonts without a character map, icon glyphs, TeX
residue, invisible text and fractions, each on a fictional PDF made here (Typst or PDFium)."""

from __future__ import annotations

import io
import random
import re
import tempfile
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import typst

from resumeforge.config import Settings
from resumeforge.documents.parsing import parse_document
from resumeforge.documents.parsing.glyphs import _INSIDE_A_WORD_RE, _SUSPECT_RE, LIGATURES
from resumeforge.documents.parsing.layout import ReadingNotes, clean_segment
from resumeforge.documents.parsing.pdf import read_pdf_lines

SETTINGS = Settings(ocr_enabled=False, pdfco_api_key=None)

_RESUME_TYP = """
#set page(width: 420pt, height: 595pt, margin: 36pt)
#set text(font: "Libertinus Serif", size: 10pt)
#text(size: 18pt)[Wilfried Affleck]

wilfried.affleck\\@example.net | +44 20 7946 0999

#text(size: 13pt)[EXPERIENCE]

Office Manager #h(1fr) 2019 -- 2024

Fieldfare Shuffle Ltd., Sheffield

- Ran the office of a firm of fifty staff; ordered supplies in an efficient, affluent way

#text(size: 13pt)[SKILLS]

Bookkeeping (18/24), Scheduling, Staff rotas

{extra}
"""


def _typst_pdf(extra: str = "") -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "resume.typ"
        source.write_text(_RESUME_TYP.replace("{extra}", extra), encoding="utf-8")
        return typst.compile(source)


def _without_ligature_map(pdf: bytes) -> bytes:
    """The PDF with every ligature glyph's entry taken out of its fonts' ToUnicode maps, as
    some producers write them: the glyph is drawn, but nothing says which letters it is."""

    def drop_ligatures(match: re.Match[bytes]) -> bytes:
        cmap = zlib.decompress(match.group(2)).decode("latin-1")
        entries = re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap)
        single = [(code, text) for code, text in entries if len(text) == 4]
        block = f"{len(single)} beginbfchar\n"
        block += "".join(f"<{code}> <{text}>\n" for code, text in single) + "endbfchar"
        cmap = re.sub(r"\d+ beginbfchar.*?endbfchar", block, cmap, flags=re.S)
        data = zlib.compress(cmap.encode("latin-1"))
        head = re.sub(rb"/Length \d+", b"/Length %d" % len(data), match.group(1))
        return b"<<" + head + b">>\nstream\n" + data + b"\nendstream"

    pattern = rb"<<([^<>]*/Type/CMap[^<>]*)>>\s*stream\r?\n(.*?)\r?\nendstream"
    changed, count = re.subn(pattern, drop_ligatures, pdf, flags=re.S)
    assert count >= 1  # the document has a ToUnicode map to damage
    return changed  # PDFium rebuilds the cross-reference table the edit shifted


def _lines(pdf: bytes, notes: ReadingNotes | None = None) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        lines, _ = read_pdf_lines(document, notes=notes)
    finally:
        document.close()
    return [line.plain for line in lines]


# --- ligatures ----------------------------------------------------------------------------


def test_every_compatibility_ligature_maps_to_its_letters() -> None:
    for ligature, letters in {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u0133": "ij",
        "\u01c6": "d\u017e",
        "\u01c9": "lj",
        "\u01cc": "nj",
        "\ufb13": "\u0574\u0576",
    }.items():
        assert LIGATURES[ligature] == letters
        assert clean_segment(f"a{ligature}b") == f"a{letters}b"


def test_letters_of_a_language_are_not_taken_for_ligatures() -> None:
    # Œ, æ and ß spell French, Danish and German words; they are no typographic ligatures.
    assert clean_segment("Cœur de métier, Ærø, Straße") == "Cœur de métier, Ærø, Straße"


def test_a_typst_pdf_set_with_ligatures_reads_as_letters() -> None:
    lines = _lines(_typst_pdf())
    assert "Wilfried Affleck" in lines
    assert "Fieldfare Shuffle Ltd., Sheffield" in lines
    text = " ".join(lines)
    assert "office of a firm of fifty staff" in text
    assert "efficient, affluent way" in text


def test_glyphs_with_no_character_map_are_reported_not_silently_misread() -> None:
    notes = ReadingNotes()
    lines = _lines(_without_ligature_map(_typst_pdf()), notes)
    # The damaged glyphs' codes are small numbers: a line break among them must not cut a
    # line, and no control character may reach the text.
    assert all(not re.search("[\x00-\x1f]", line) for line in lines)
    assert any(line.startswith("Wilfried A") for line in lines)
    assert any(line.startswith("• Ran the o") and line.endswith("way") for line in lines)
    # Glyph codes that came out as signs or digits ("o&ce", "sta7") are no longer read as
    # letters: each word is listed for the user to check.
    assert not any(re.search(r"[a-z][&37][a-z]?", line) for line in lines)
    expected = {"A\ufffdeck", "O\ufffdce", "o\ufffdce", "e\ufffdcient,", "Shu\ufffde", "sta\ufffd;"}
    assert expected <= set(notes.unreadable_text)


def test_the_quality_report_names_the_words_it_could_not_read() -> None:
    parsed = parse_document(
        _without_ligature_map(_typst_pdf()), filename="cv.pdf", settings=SETTINGS
    )
    quality = parsed.quality
    assert "o\ufffdce" in quality.unreadable_text
    [warning] = [w for w in quality.warnings if w.code == "unreadable-characters"]
    assert f"{len(quality.unreadable_text)} word(s)" in warning.message
    # The clean document has nothing to report.
    clean = parse_document(_typst_pdf(), filename="cv.pdf", settings=SETTINGS).quality
    assert clean.unreadable_text == []
    assert "unreadable-characters" not in {w.code for w in clean.warnings}


# --- icons and TeX residue -----------------------------------------------------------------


def test_icon_glyphs_and_tex_residue_in_a_pdf_are_dropped_and_the_words_kept() -> None:
    # A private-use glyph (as icon fonts print), a supplementary-plane private-use glyph,
    # an emoji, and macros printed as text.
    extra = (
        r"\u{e0e0} Leeds #h(1em) \u{f0000} \\faTrophy Winner \\hfill 2021 "
        r"#h(1em) Awards \\\\\[1ex\] \u{1F3C6} Cup"
    )
    lines = _lines(_typst_pdf(extra))
    last = lines[-1]
    assert "Leeds" in last and "Winner" in last and "2021" in last and "Cup" in last
    assert "\\" not in last and "[1ex]" not in last and "faTrophy" not in last
    assert not any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in last)


# --- invisible text ----------------------------------------------------------------------


def test_white_tiny_off_page_and_invisibly_drawn_text_is_dropped_and_reported() -> None:
    extra = (
        "#text(fill: white)[kubernetes blockchain]\n\n"
        "#text(size: 0.2pt)[rockstar ninja]\n\n"
        "#place(dx: 600pt, dy: 0pt)[offpage stuffing]\n\n"
        "Visible closing line"
    )
    pdf = _with_invisible_line(_typst_pdf(extra), "invisible keyword list")
    parsed = parse_document(pdf, filename="cv.pdf", settings=SETTINGS)
    source = parsed.resume.meta.source_text
    hidden = " ".join(parsed.quality.hidden_text)
    for stuffed in ("kubernetes", "ninja", "offpage", "invisible keyword"):
        assert stuffed not in source
        assert stuffed in hidden
    assert "Visible closing line" in source
    assert "hidden-text-dropped" in {w.code for w in parsed.quality.warnings}


def _with_invisible_line(pdf: bytes, text: str) -> bytes:
    """The PDF with a line drawn in text render mode 3 (neither filled nor stroked)."""
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    text_object = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", 10)
    encoded = (text + "\x00").encode("utf-16-le")
    pdfium_c.FPDFText_SetText(text_object, pdfium_c.cast(encoded, pdfium_c.FPDF_WIDESTRING))
    pdfium_c.FPDFTextObj_SetTextRenderMode(text_object, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, 40, 60)
    pdfium_c.FPDFPage_InsertObject(page.raw, text_object)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.close()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


# --- fractions -----------------------------------------------------------------------------


def test_a_fraction_in_brackets_in_a_pdf_stays_as_printed() -> None:
    parsed = parse_document(_typst_pdf(), filename="cv.pdf", settings=SETTINGS)
    keywords = [k for skill in parsed.resume.skills for k in skill.keywords]
    assert "Bookkeeping (18/24)" in keywords
    assert "Scheduling" in keywords


def _is_letter(char: str) -> bool:
    return char.isalnum() and not char.isdecimal() and char != "_"


def test_the_characters_looked_up_are_the_non_letters_beside_a_letter() -> None:
    # Only a digit or sign next to a letter ("o&ce", "3rm", "sta7") is asked about; the
    # pattern that finds them is checked against that rule, accented letters, other scripts,
    # digits and white space mixed in.
    alphabet = ["ab", "é", "ü", "ß", "Ж", "ع", "1", "7", "²", "_", "&", ".", ",", "-", "–"]
    alphabet += ["\xa0", "\t", "\r\n", "\n", " ", ""]
    chance = random.Random(11)
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 24)))
        expected = [
            index
            for index, char in enumerate(text)
            if not char.isspace()
            and not _is_letter(char)
            and (
                (index > 0 and _is_letter(text[index - 1]))
                or (index + 1 < len(text) and _is_letter(text[index + 1]))
            )
        ]
        assert [match.start() for match in _INSIDE_A_WORD_RE.finditer(text)] == expected


def _suspect(text: str, index: int) -> bool:
    char = text[index]
    if char == "\n":
        return index == 0 or text[index - 1] != "\r"
    if char == "\r":
        return index + 1 == len(text) or text[index + 1] != "\n"
    return ord(char) < 32 or char in "\ufffd\ufffe"


def test_control_characters_and_lone_line_ends_are_suspects_and_crlf_is_not() -> None:
    # PDFium ends its own lines with "\r\n"; any other control character, a lone "\n" or "\r"
    # and a replacement mark may be a glyph code read as text.
    alphabet = ["\r\n", "\r", "\n", "\t", "\x00", "\x0b", "\x1f", "\ufffd", "\ufffe", "a", " ", "é"]
    chance = random.Random(12)
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 16)))
        expected = [index for index in range(len(text)) if _suspect(text, index)]
        assert [match.start() for match in _SUSPECT_RE.finditer(text)] == expected
