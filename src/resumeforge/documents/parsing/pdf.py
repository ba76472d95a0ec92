"""PDF text with layout through PDFium: lines split at wide gaps, font size and weight, columns.

Character boxes are read only at word edges (two calls a word) because a ctypes call per
character would cost more than the rest of the parse.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resumeforge.documents.errors import CorruptFile, EncryptedPdf, TooManyPages
from resumeforge.documents.parsing.glyphs import mark_unmapped
from resumeforge.documents.parsing.hyphens import LINE_END_HYPHEN, with_line_end_hyphens
from resumeforge.documents.parsing.layout import (
    BULLET_CHARS,
    Placement,
    ReadingNotes,
    TextLine,
    make_line,
)
from resumeforge.documents.parsing.pdf_chars import PageChars
from resumeforge.resume.dates import has_date
from resumeforge.resume.headings import is_vocabulary_heading

_WORD_RE = re.compile(r"\S+")
_LINE_RE = re.compile(r"[^\r\n]+")
# A gap wider than this many font sizes separates two pieces of a line (columns, tab stops).
_GAP_IN_SIZES = 1.6
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demi|-bd|\.b$|,b$|cmbx|sfbx", re.IGNORECASE)
# A font name that says its weight is not bold: "NotoSans-Regular", "Lato-LightItalic".
_NOT_BOLD_NAME_RE = re.compile(
    r"[-,+ ](?:regular|roman|book|light|thin|medium|italic|oblique)\w*$", re.IGNORECASE
)
# Text this light (0-255 in each channel) reads as white: invisible on a white page.
_WHITE_AT_LEAST = 245
# A fill this dark behind white text makes it visible (a coloured sidebar, a banner).
_DARK_FILL_AT_MOST = 230
# Glyphs shorter than this (points) are printed too small for anyone to read.
_VISIBLE_HEIGHT_AT_LEAST = 0.8


@dataclass(slots=True)
class _Piece:
    """A run of words on one line with no wide gap inside."""

    text: str
    left: float
    right: float
    size: float
    bold: bool
    text_left: float  # right of a leading bullet glyph
    text_size: float  # of the words after a leading bullet glyph


@dataclass(slots=True)
class _Line:
    pieces: list[_Piece]
    top: float
    bottom: float
    left: float = field(init=False)
    right: float = field(init=False)

    def __post_init__(self) -> None:
        self.left = self.pieces[0].left
        self.right = self.pieces[-1].right


def open_pdf(data: bytes, *, max_pages: int) -> pdfium.PdfDocument:
    """Open a PDF, refusing encrypted, corrupt and over-long documents."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedPdf("The PDF needs a password; upload an unprotected copy.") from None
        raise CorruptFile(f"The PDF cannot be opened ({error}).") from None
    pages = len(document)
    if pages > max_pages:
        document.close()
        raise TooManyPages(f"The PDF has {pages} pages; at most {max_pages} are accepted.")
    if pages == 0:
        document.close()
        raise CorruptFile("The PDF has no pages.")
    return document


def read_pdf_lines(
    document: pdfium.PdfDocument, *, notes: ReadingNotes | None = None
) -> tuple[list[TextLine], list[int]]:
    """Every line of every page in reading order, and the pages that had no text layer.

    Text no one can see is left out and listed in `notes.hidden_text`; pages read as two
    columns are listed in `notes.columns`.
    """
    notes = notes if notes is not None else ReadingNotes()
    lines: list[TextLine] = []
    pages_without_text: list[int] = []
    for number in range(len(document)):
        page = document[number]
        try:
            page_lines = _read_page(page, number, notes)
        finally:
            page.close()
        if sum(len(line.plain) for line in page_lines) < 20:
            pages_without_text.append(number)
        lines.extend(page_lines)
    return lines, pages_without_text


def _read_page(page: pdfium.PdfPage, number: int, notes: ReadingNotes) -> list[TextLine]:
    width, height = page.get_width(), page.get_height()
    textpage = page.get_textpage()
    sight = _Sight(page, width, height)
    try:
        raw_lines = list(_page_lines(textpage, sight))
    finally:
        textpage.close()
    notes.hidden_text.extend(sight.hidden)
    notes.unreadable_text.extend(sight.unreadable)
    split, raw_lines = _columns(raw_lines, width)
    in_order, sidebar_first = _reading_order(raw_lines, split)
    if split is not None:
        order = "the sidebar at the right first" if sidebar_first else "left then right"
        notes.columns.append(f"Page {number + 1} was read as two columns, {order}.")
    ordered = _labels_apart(in_order)
    text_right = max((line.right for line in ordered), default=0.0)
    result = []
    for line in ordered:
        made = make_line(
            [piece.text for piece in line.pieces],
            size=round(line.pieces[0].size, 1),
            bold=line.pieces[0].bold,
            page=number,
            placement=Placement(
                left=line.left,
                text_left=line.pieces[0].text_left,
                text_size=round(line.pieces[0].text_size, 1),
                top=height - line.top,
                bottom=height - line.bottom,
                page_height=height,
                right=line.pieces[0].right,
                page_text_right=text_right,
            ),
        )
        if made is not None:
            result.append(made)
    return result


def _page_lines(textpage: pdfium.PdfTextPage, sight: _Sight) -> Iterator[_Line]:
    chars = PageChars(textpage)
    text = mark_unmapped(chars.unmapped, _text_by_char_index(textpage), sight.unreadable)
    # PDFium's marks of line-end hyphens, where its words run on into the next line, before
    # each mark is made a hyphen or dropped.
    marked = text if LINE_END_HYPHEN in text else ""
    text = with_line_end_hyphens(text)
    text = _right_to_left_in_reading_order(chars, text)
    right_to_left = bool(_RIGHT_TO_LEFT_RE.search(text))
    for raw_line in _LINE_RE.finditer(text):
        boxed = _boxed_words(chars, text, *raw_line.span(), marked=marked)
        words = sight.visible_words(chars, text, boxed)
        for same_baseline in _split_at_baselines(words):
            yield _line_from_words(chars, text, same_baseline, right_to_left)


def _text_by_char_index(textpage: pdfium.PdfTextPage) -> str:
    """The page's text, index for index with PDFium's characters, whose boxes are read by index.

    PDFium's page text leaves out characters it has no text for (a NUL where an icon font's
    glyph carries no Unicode): every later character's box would then be its neighbour's, and
    words broken and joined at random. Such a page is read a character at a time, each left
    out character as a space.
    """
    text: str = textpage.get_text_range()
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    if len(text) == count:
        return text
    codes = (pdfium_c.FPDFText_GetUnicode(handle, index) for index in range(count))
    return "".join(chr(code) if code else " " for code in codes)


# A word: where it is in the page text (start, end), then from its first and last
# characters' boxes its left, right, the first's bottom and top, the last's bottom and top.
_Word = tuple[int, int, float, float, float, float, float, float]


def _boxed_words(chars: PageChars, text: str, start: int, end: int, *, marked: str) -> list[_Word]:
    """The words of `text[start:end]` with their boxes, read once a word: two lookups, one
    for a one-character word, which is its own last character. (Comparisons stand for min()
    and max(): this runs at every word of every page.) `marked` is the page text with PDFium's
    line-end hyphen marks, when it has any."""
    box = chars.box
    words: list[_Word] = []
    next_line_left = None  # where the rest of a word broken at a line-end hyphen was printed
    for match in _WORD_RE.finditer(text, start, end):
        first, after = match.span()
        left, first_right, bottom, top = box(first)
        if next_line_left is not None:
            left, next_line_left = min(left, next_line_left), None
        if after - first == 1:
            words.append((first, after, left, first_right, bottom, top, bottom, top))
            continue
        if marked and (hyphen := marked.find(LINE_END_HYPHEN, first, after - 1)) >= 0:
            # "multi\ufffeaccount": the word stands where its first part was printed, and the
            # next word's line starts where its rest was.
            next_line_left = box(hyphen + 1)[0]
            after_box = hyphen + 1
        else:
            after_box = after
        last_left, right, last_bottom, last_top = box(after_box - 1)
        # A right-to-left word listed in reading order starts at its right end.
        if last_left < left:
            left = last_left
        if first_right > right:
            right = first_right
        words.append((first, after, left, right, bottom, top, last_bottom, last_top))
    return words


# Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko...).
_RIGHT_TO_LEFT_RE = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_RIGHT_TO_LEFT_WORD_RE = re.compile(r"\S*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]\S*")


def _right_to_left_in_reading_order(chars: PageChars, text: str) -> str:
    """`text` with each right-to-left word PDFium lists left to right (as the glyphs stand on
    the page, which a browser prints them in) turned back into reading order, index for index.

    A word whose first character stands left of its last reads backwards: "رمع" for "عمر".
    """
    if not _RIGHT_TO_LEFT_RE.search(text):
        return text
    letters = list(text)
    for word in _RIGHT_TO_LEFT_WORD_RE.finditer(text):
        start, end = word.span()
        if end - start > 1:
            first_left, last_left = chars.box(start)[0], chars.box(end - 1)[0]
            letters[start:end] = in_reading_order(
                word.group(), first_left=first_left, last_left=last_left
            )
    return "".join(letters)


def in_reading_order(word: str, *, first_left: float, last_left: float) -> str:
    """A right-to-left word as it is read: reversed when its characters, as listed, go
    rightwards on the page (its first character standing left of its last)."""
    if first_left < last_left and _RIGHT_TO_LEFT_RE.search(word):
        return word[::-1]
    return word


def _split_at_baselines(words: list[_Word]) -> Iterator[list[_Word]]:
    """PDFium's line, cut where a word sits wholly above or below the words before it.

    PDFium joins into one line a heading set lower than the line above when its first letter
    is larger ("Jane Doe E XPERIENCE"); read so, the heading would be lost in the name's line.
    """
    group: list[_Word] = []
    top = bottom = 0.0
    for word in words:
        word_bottom, word_top = word[4], word[5]
        if group and (word_top < bottom or word_bottom > top):
            yield group
            group = []
        if not group:
            top, bottom = word_top, word_bottom
        group.append(word)
        if word_top > top:
            top = word_top
        if word_bottom < bottom:
            bottom = word_bottom
    if group:
        yield group


class _Sight:
    """Whether a word can be seen: not white on a white page, not tiny, not off the page, not
    drawn invisibly (except over a scan, where invisible text is the scan's OCR layer)."""

    def __init__(self, page: pdfium.PdfPage, width: float, height: float) -> None:
        self.page, self.width, self.height = page, width, height
        self.hidden: list[str] = []
        self.unreadable: list[str] = []
        self._backgrounds: list[tuple[float, float, float, float]] | None = None
        self._has_image = False
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._invisible: dict[int, bool] = {}
        self._check_mode = False

    def visible_words(self, chars: PageChars, text: str, words: list[_Word]) -> list[_Word]:
        visible: list[_Word] = []
        hidden: list[str] = []
        # Text drawn invisibly is drawn so a run at a time: when neither end of the line is,
        # no word between is looked up.
        self._check_mode = bool(words) and (
            self._drawn_invisibly(chars, words[0][0]) or self._drawn_invisibly(chars, words[-1][0])
        )
        for word in words:
            if self._can_see(chars, text, word):
                visible.append(word)
            else:
                hidden.append(text[word[0] : word[1]])
        if hidden:
            self.hidden.append(" ".join(hidden))
        return visible

    def _can_see(self, chars: PageChars, text: str, word: _Word) -> bool:
        start, end, left, right, bottom, top, last_bottom, last_top = word
        # A dash's or a dot's box is flat whatever the size: only letters and digits tell.
        tallest, last_height = top - bottom, last_top - last_bottom
        if last_height > tallest:
            tallest = last_height
        if tallest < _VISIBLE_HEIGHT_AT_LEAST and any(c.isalnum() for c in text[start:end]):
            return False
        if right <= 0 or left >= self.width or top <= 0 or bottom >= self.height:
            return False
        fill = chars.fill(start)
        if fill is not None:
            red, green, blue, alpha = fill
            if alpha == 0:
                return self._over_a_scan()
            if red >= _WHITE_AT_LEAST and green >= _WHITE_AT_LEAST and blue >= _WHITE_AT_LEAST:
                return self._on_dark_fill((left + right) / 2, (top + bottom) / 2)
        if self._check_mode and self._drawn_invisibly(chars, start):
            return self._over_a_scan()
        return True

    def _drawn_invisibly(self, chars: PageChars, index: int) -> bool:
        """Text render mode 3 ("neither fill nor stroke"), looked up once a text object."""
        text_object = chars.text_object(index)
        if not text_object:
            return False
        if text_object not in self._invisible:
            mode = chars.render_mode(text_object)
            self._invisible[text_object] = mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        return self._invisible[text_object]

    def _over_a_scan(self) -> bool:
        self._load_backgrounds()
        return self._has_image

    def _on_dark_fill(self, x: float, y: float) -> bool:
        self._load_backgrounds()
        assert self._backgrounds is not None
        return any(
            left <= x <= right and bottom <= y <= top
            for left, bottom, right, top in self._backgrounds
        )

    def _load_backgrounds(self) -> None:
        """Images and dark filled shapes on the page, read once and only when needed."""
        if self._backgrounds is not None:
            return
        self._backgrounds = []
        page = self.page.raw
        for index in range(pdfium_c.FPDFPage_CountObjects(page)):
            self._add_background(pdfium_c.FPDFPage_GetObject(page, index), depth=0)

    def _add_background(self, page_object: object, *, depth: int) -> None:
        assert self._backgrounds is not None
        kind = pdfium_c.FPDFPageObj_GetType(page_object)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
            for index in range(pdfium_c.FPDFFormObj_CountObjects(page_object)):
                child = pdfium_c.FPDFFormObj_GetObject(page_object, index)
                self._add_background(child, depth=depth + 1)
            return
        dark = kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING)
        self._has_image = self._has_image or kind == pdfium_c.FPDF_PAGEOBJ_IMAGE
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            dark = self._dark_fill(page_object)
        if not dark:
            return
        bounds = [ctypes.c_float() for _ in range(4)]
        if pdfium_c.FPDFPageObj_GetBounds(page_object, *bounds):
            left, bottom, right, top = (value.value for value in bounds)
            self._backgrounds.append((left, bottom, right, top))

    def _dark_fill(self, path: object) -> bool:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke) or not fill_mode.value:
            return False
        red, green, blue, alpha = self._rgba
        if not pdfium_c.FPDFPageObj_GetFillColor(path, red, green, blue, alpha):
            return False
        lightest = min(red.value, green.value, blue.value)
        return alpha.value > 0 and lightest <= _DARK_FILL_AT_MOST


def _line_from_words(
    chars: PageChars,
    text: str,
    words: list[_Word],
    right_to_left: bool,  # whether the page holds any right-to-left letter
) -> _Line:
    """One line of words, split into pieces at wide gaps. (`scale`, max(size, 4.0), and
    `label_gap` change with the size only, and are worked out when it does.)"""
    pieces: list[_Piece] = []
    top = bottom = 0.0
    current: list[str] = []
    gaps: list[float] = []  # between the current piece's words
    previous_left = previous_right = piece_right = 0.0
    previous_rtl = False
    size = 0.0
    scale = label_gap = 0.0
    for start, end, left, right, word_bottom, word_top, _, _ in words:
        rtl = right_to_left and bool(_RIGHT_TO_LEFT_RE.search(text, start, end))
        # Words of a right-to-left script follow each other leftwards.
        leftwards = rtl and previous_rtl and right <= previous_left + scale
        gap = previous_left - right if leftwards else left - previous_right
        if not pieces and not current:
            top, bottom = word_top, word_bottom
            size = _font_size(chars, start, word_top - word_bottom)
            scale, label_gap = _scale(size), _label_gap(size)
        elif (
            gap > _GAP_IN_SIZES * scale
            or (not leftwards and left < previous_right - 2 * scale)
            or (gap > label_gap and _label_ends(chars, start, size, word_top - word_bottom))
        ):
            pieces[-1].right = piece_right
            pieces[-1].text = _piece_text(current, gaps, size)
            current, gaps = [], []
            size = _font_size(chars, start, word_top - word_bottom)
            scale, label_gap = _scale(size), _label_gap(size)
        if pieces and pieces[0].text_left < 0:
            # The first word after a lone bullet glyph.
            pieces[0].text_left = left
            pieces[0].text_size = _font_size(chars, start, word_top - word_bottom)
        if not current:
            text_left, text_size = left, size
            if not pieces and _is_glyph(text[start]):
                # "•Built" has its words one character in; "• Built" at the next word.
                text_left = chars.box(start + 1)[0] if end - start > 1 else -1.0
                if end - start > 1:
                    text_size = _font_size(chars, start + 1, word_top - word_bottom)
            name, weight, flags = chars.font(start)
            bold = _is_bold_font(name, weight=weight, flags=flags)
            pieces.append(_Piece("", left, right, size, bold, text_left, text_size))
            piece_right = right
        if current:
            gaps.append(gap)
        current.append(text[start:end])
        piece = pieces[-1]
        if left < piece.left:
            piece.left = left
        previous_left, previous_right, previous_rtl = left, right, rtl
        if right > piece_right:
            piece_right = right
        if word_top > top:
            top = word_top
        if word_bottom < bottom:
            bottom = word_bottom
    pieces[-1].right = piece_right
    pieces[-1].text = _piece_text(current, gaps, size)
    if pieces[0].text_left < 0:
        pieces[0].text_left = pieces[0].left
    return _Line(pieces, top, bottom)


# Past the narrowest gap of a letter-spaced run by this many sizes, a gap is a word space.
_WORD_SPACE_IN_SIZES = 0.2


def _piece_text(words: list[str], gaps: list[float], size: float) -> str:
    """The words of a piece, joined by spaces, or, for capitals set letter-spaced, by what
    their gaps say: CSS letter-spacing makes PDFium read "W R E N  A B E R N A T H Y" or
    "EXPERI E N CE", letters apart, where only the wider gaps are spaces between words."""
    if len(words) < 3:
        return " ".join(words)
    parts: list[str] = []
    start = 0
    # Runs of capitals; only a letter-spaced run ("Ada L O V E L AC E") is joined by its gaps.
    for end in range(1, len(words) + 1):
        if end < len(words) and _is_capitals_word(words[end]) == _is_capitals_word(words[start]):
            continue
        run = words[start:end]
        if _letter_spaced_capitals(run):
            parts.append(_joined_by_gaps(run, gaps[start : end - 1], size))
        else:
            parts.extend(run)
        start = end
    return " ".join(parts)


def _joined_by_gaps(words: list[str], gaps: list[float], size: float) -> str:
    narrowest = min(gaps)
    joined = [words[0]]
    for word, gap in zip(words[1:], gaps, strict=True):
        space = " " if gap > narrowest + _WORD_SPACE_IN_SIZES * max(size, 4.0) else ""
        joined.append(f"{space}{word}")
    return "".join(joined)


def _is_capitals_word(word: str) -> bool:
    return word.isalpha() and word.isupper()


def _letter_spaced_capitals(words: list[str]) -> bool:
    """Three or more words of capitals only, half of them or more single letters."""
    if len(words) < 3 or not all(map(_is_capitals_word, words)):
        return False
    return sum(len(word) == 1 for word in words) * 2 >= len(words)


# A label is set this many times larger than the text beside it, or more.
_LABEL_SIZE_AT_LEAST = 1.15


def _scale(size: float) -> float:
    """The size gaps are measured in: tiny type counts as 4 points."""
    return max(size, 4.0)


def _label_gap(size: float) -> float:
    """Past this gap after words of `size`, the words on may be a label's content."""
    return _WORD_GAP_IN_SIZES * max(size, 4.0) / _LABEL_SIZE_AT_LEAST


def _label_ends(chars: PageChars, start: int, size: float, height: float) -> bool:
    """Words in a larger size, then (past `_label_gap`) words in a smaller one: a label
    column printed on its content's first line ("Work   Customer Success Manager")."""
    return size >= _LABEL_SIZE_AT_LEAST * _font_size(chars, start, height)


def _labels_apart(lines: list[_Line]) -> list[_Line]:
    """A label printed on its content's first line, larger and close before it, as a line of
    its own: a heading beside its section's first entry reads as the heading, then the entry.
    A smaller piece far off (a date flushed right) stays on its line."""
    apart: list[_Line] = []
    for line in lines:
        label, *rest = line.pieces
        if rest and _is_label_of(label, rest[0]):
            apart.append(_Line([label], line.top, line.bottom))
            apart.append(_Line(rest, line.top, line.bottom))
        else:
            apart.append(line)
    return apart


def _is_label_of(label: _Piece, text: _Piece) -> bool:
    """Larger, and close before the text; or a known heading, however far (a label column)."""
    if label.size < _LABEL_SIZE_AT_LEAST * text.size:
        return False
    close = text.left - label.right < _GAP_IN_SIZES * label.size
    return close or is_vocabulary_heading(label.text)


def _is_glyph(char: str) -> bool:
    """A bullet printed before a list item's words, icon fonts' private-use bullets included."""
    return char in BULLET_CHARS or 0xE000 <= ord(char) <= 0xF8FF


def _font_size(chars: PageChars, index: int, height: float) -> float:
    size = chars.font_size(index)
    # Some producers scale a 1-point font with the text matrix; PDFium then reports 0 or 1.
    return size if size > 2 else max(height * 1.35, 1.0)


def is_bold_font(name: str, *, weight: int, flags: int) -> bool:
    """Whether a font prints bold, by its name first, then its weight and ForceBold flag.

    A font whose descriptor states no weight gets one from its stem width, which some
    producers (Chromium's Skia) write wrong: a "NotoSans-Regular" then weighs 625. A name that
    says its weight is believed over that number.
    """
    if _BOLD_NAME_RE.search(name):
        return True
    if _NOT_BOLD_NAME_RE.search(name):
        return False
    # Flag bit 19 is ForceBold in the PDF font descriptor.
    return weight >= 600 or bool(flags & (1 << 18))


# A document uses a few fonts, each read at every piece of text it prints.
_is_bold_font = functools.lru_cache(maxsize=256)(is_bold_font)


def _reading_order(lines: list[_Line], split: float | None) -> tuple[list[_Line], bool]:
    """Lines top to bottom; with two real columns (split at x), the left one before the right,
    or a sidebar at the right before the main column (then True)."""
    if split is None:
        return _rail_blocks_together(_merge_rows(lines)), False
    lines = [part for line in lines for part in _cut_at(line, split)]
    side = _column_sides(lines, split)
    # A header spans both columns at the top (name, contact line); it is read first.
    middle = sorted(line.top for line in lines)[len(lines) // 2]
    header_spans = [line for line in lines if side[id(line)] == 0 and line.top > middle]
    header_bottom = min((line.bottom for line in header_spans), default=float("inf"))
    header = [line for line in lines if line.top >= header_bottom]
    body = [line for line in lines if line.top < header_bottom]
    left = [line for line in body if side[id(line)] < 0]
    right = [line for line in body if side[id(line)] > 0]
    spanning = [line for line in body if side[id(line)] == 0]
    header += _name_atop_a_column(left, lines) + _name_atop_a_column(right, lines)
    left = [line for line in left if line not in header]
    right = [line for line in right if line not in header]
    sidebar_first = _sidebar_on_the_right(left, right)
    first, second = (right, left) if sidebar_first else (left, right)
    rows = _merge_rows(header) + _merge_rows(first) + _merge_rows(second) + _merge_rows(spanning)
    return rows, sidebar_first


# A right column narrower than this share of the left one is a sidebar beside the main column.
_SIDEBAR_SHARE_OF_MAIN = 0.75


def _sidebar_on_the_right(left: list[_Line], right: list[_Line]) -> bool:
    """A sidebar is read before the main column wherever it stands: the main column is the one
    that runs on to the next page, so its last lines and the next page's first must meet."""
    if not left or not right:
        return False
    return _extent(right) < _SIDEBAR_SHARE_OF_MAIN * _extent(left)


# Rows whose first piece ends at one right edge, a gutter before the text beside it: this many
# make a rail of right-aligned text (dates, employer, city) left of the entries.
_RAIL_ROWS_AT_LEAST = 3
_RAIL_EDGE_WITHIN = 1.5


def _rail_blocks_together(rows: list[_Line]) -> list[_Line]:
    """A rail of right-aligned text left of the entries (the dates, then the employer and city
    under them) is read with its entry: the lines of a rail block follow the row that opens it,
    level with the entry's first line, instead of falling between the entry's bullets."""
    edge = _rail_edge(rows)
    if edge is None:
        return rows
    ordered: list[_Line] = []
    block: list[_Line] = []  # the open block's rail lines, not yet placed
    body: list[_Line] = []  # the content rows since the block opened
    last_rail: _Line | None = None  # the block's lowest rail line so far
    for row in rows:
        rail = row.pieces[0] if _on_rail(row.pieces[0], edge) else None
        content = row.pieces[1:]
        if rail is not None and content and not _is_bullet_piece(content[0]):
            ordered += block + body
            block, body = [], []
            ordered.append(row)  # the entry's first line, its rail piece beside it
            last_rail = row
        elif rail is not None and last_rail is not None and _stacked_under(last_rail, row):
            last_rail = _Line([rail], row.top, row.bottom)
            block.append(last_rail)
            if content:
                body.append(_Line(content, row.top, row.bottom))
        else:
            body.append(row)
    return ordered + block + body


# A rail's lines are stacked at their line height: the next starts within this many sizes.
_RAIL_STACK_IN_SIZES = 0.8


def _stacked_under(above: _Line, row: _Line) -> bool:
    """Right under the rail line above (a label column's labels stand apart, by their values)."""
    return above.bottom - row.top <= _RAIL_STACK_IN_SIZES * row.pieces[0].size


def _rail_edge(rows: list[_Line]) -> float | None:
    """The right edge a rail's text is aligned to, when several rows hold a piece ending there
    with a gutter before the next piece."""
    edges = sorted(
        row.pieces[0].right
        for row in rows
        if len(row.pieces) > 1
        and row.pieces[1].left - row.pieces[0].right > row.pieces[0].size
        and not _is_bullet_piece(row.pieces[1])
    )
    for index in range(len(edges) - _RAIL_ROWS_AT_LEAST + 1):
        if edges[index + _RAIL_ROWS_AT_LEAST - 1] - edges[index] <= _RAIL_EDGE_WITHIN:
            return edges[index]
    return None


def _on_rail(piece: _Piece, edge: float) -> bool:
    return abs(piece.right - edge) <= _RAIL_EDGE_WITHIN


def _is_bullet_piece(piece: _Piece) -> bool:
    return piece.text[:1] in BULLET_CHARS or piece.text_left > piece.left + 0.5


def _column_sides(lines: list[_Line], split: float) -> dict[int, int]:
    """Each line's column: -1 left, 1 right, 0 across both. A line that runs past the split
    into the gap but stops short of the other column's text (a sidebar's long skills line)
    stays in its own column."""
    right_starts = min((line.left for line in lines if line.left >= split), default=split)
    left_ends = max((line.right for line in lines if line.right <= split), default=split)
    sides: dict[int, int] = {}
    for line in lines:
        if line.right <= split or (line.left < split and line.right < right_starts):
            sides[id(line)] = -1
        elif line.left >= split or line.left > left_ends:
            sides[id(line)] = 1
        else:
            sides[id(line)] = 0
    return sides


def _cut_at(line: _Line, split: float) -> list[_Line]:
    """A line whose pieces stand on both sides of the column gap, none across it, as its two
    halves: PDFium joins a sidebar's line and the main column's on the same baseline, which
    would otherwise read as a header spanning both columns."""
    left = [piece for piece in line.pieces if piece.right <= split]
    right = [piece for piece in line.pieces if piece.left >= split]
    if not left or not right or len(left) + len(right) != len(line.pieces):
        return [line]
    return [_Line(left, line.top, line.bottom), _Line(right, line.top, line.bottom)]


# The name is printed this many times larger than the page's common text, or more.
_NAME_SIZE_RATIO = 1.8
# And the title under it (a "label") this many times.
_LABEL_SIZE_RATIO = 1.2


def _name_atop_a_column(column: list[_Line], page: list[_Line]) -> list[_Line]:
    """A sidebar layout prints the name atop the main column, not the sidebar: the column's
    first lines, when the first is the page's largest text, are the page's header."""
    if not column:
        return []
    sizes = sorted(line.pieces[0].size for line in page)
    common = sizes[len(sizes) // 2]
    ordered = sorted(column, key=lambda line: -line.top)
    first = ordered[0]
    if first.pieces[0].size < max(sizes) or first.pieces[0].size < _NAME_SIZE_RATIO * common:
        return []
    header = [first]
    for line in ordered[1:3]:
        if line.pieces[0].size < _LABEL_SIZE_RATIO * common:
            break
        header.append(line)
    return header


def _columns(lines: list[_Line], width: float) -> tuple[float | None, list[_Line]]:
    """Where the page splits into two columns, if it does, and its lines; a page whose left
    column is a label column is one column, its wrapped labels joined."""
    sides = _two_sides(lines, width)
    if sides is None:
        return None, lines
    x, left, right = sides
    # A label column's lines stop before the content; a long label may cross the gap's x.
    content_left = min(line.left for line in right)
    margin = [line for line in lines if line.right < content_left]
    labels = _joined_wrapped_labels(margin)
    if _is_label_column(labels):
        return None, [line for line in lines if line not in margin] + labels
    return _centre_of_gap(left, right, x), lines


def _two_sides(lines: list[_Line], width: float) -> tuple[float, list[_Line], list[_Line]] | None:
    """An x where the page splits into two columns of text that no body line crosses, and
    the lines on either side of it."""
    if len(lines) < 12:
        return None
    # The name and a title under it, set large, span a sidebar page's top: not counted.
    body = _without_display_type(lines)
    steps = [float(step) for step in range(int(width * 0.2), int(width * 0.75), 6)]
    crossings = _crossings(body, steps)
    fewest = min(crossings)
    if fewest > len(lines) * 0.1:
        return None
    for x in _middles_of_runs(steps, crossings, fewest):
        left = [line for line in lines if line.right <= x]
        right = [line for line in lines if line.left >= x]
        # Columns hold real text on both sides, not only a rail of dates or labels.
        if (
            _enough_lines(left, right, len(lines), width)
            and _holds_a_column(left, width)
            and _holds_a_column(right, width)
        ):
            return x, left, right
    return None


def _crossings(lines: list[_Line], xs: list[float]) -> list[int]:
    """How many lines run across each x (left < x < right): those starting left of x less
    those ending by x, which, for a line whose left is left of its right, started left of it."""
    spans = [(line.left, line.right) for line in lines if line.left < line.right]
    lefts = sorted(left for left, _ in spans)
    rights = sorted(right for _, right in spans)
    return [bisect.bisect_left(lefts, x) - bisect.bisect_right(rights, x) for x in xs]


# Of a label column's lines, this share at least are known headings or dates.
_LABEL_COLUMN_SHARE = 0.75


def _is_label_column(labels: list[_Line]) -> bool:
    """A left column of section headings and dates only, each beside its content: the page is
    one column with its labels in the margin, read row by row, not a sidebar read first."""
    known = sum(
        1
        for line in labels
        if has_date(_line_text(line)) or is_vocabulary_heading(_line_text(line))
    )
    return known >= _LABEL_COLUMN_SHARE * len(labels)


def _line_text(line: _Line) -> str:
    return " ".join(piece.text for piece in line.pieces)


# A wrapped label's second line stands less than this many of its font sizes below the first.
_LABEL_WRAP_GAP_IN_SIZES = 0.5


def _joined_wrapped_labels(lines: list[_Line]) -> list[_Line]:
    """A label column's lines, a heading wrapped in the narrow column ("Professional Skills",
    then "Summary" under it in the same type) joined into one when together they name one."""
    joined: list[_Line] = []
    column_right = max((line.right for line in lines), default=0.0)
    wrapped: set[int] = set()  # a heading wraps once: the line below a joined one is the next
    for line in sorted(lines, key=lambda item: -item.top):
        above = joined[-1] if joined else None
        if above is None or id(above) in wrapped or not _wraps_label(above, line, column_right):
            joined.append(line)
            continue
        label = replace(above.pieces[0], text=f"{_line_text(above)} {_line_text(line)}")
        joined[-1] = _Line([label], above.top, line.bottom)
        joined[-1].right = max(above.right, line.right)
        wrapped.add(id(joined[-1]))
    return joined


def _wraps_label(above: _Line, line: _Line, column_right: float) -> bool:
    """The line below a label in its type, close under it, whose first word would not have
    fitted on the label's line within the column: the label ran out of room."""
    first, second = above.pieces[0], line.pieces[0]
    size = first.size
    word = second.text.split()[0] if second.text.split() else ""
    word_width = (second.right - second.left) * len(word) / max(len(second.text), 1)
    return (
        len(above.pieces) == len(line.pieces) == 1
        and first.right + 0.25 * size + word_width > column_right
        and abs(first.size - second.size) < 0.1 * size
        and first.bold == second.bold
        and abs(first.left - second.left) < size
        and above.bottom - line.top < _LABEL_WRAP_GAP_IN_SIZES * size
        and is_vocabulary_heading(f"{_line_text(above)} {_line_text(line)}")
    )


def _middles_of_runs(steps: list[float], crossings: list[int], fewest: int) -> list[float]:
    """The middles of the runs of x positions crossed by the fewest lines, the widest first
    (the first of equals): the gap's middle, not its left edge, which a sidebar's longest line
    may stop just short of; and the page's gutter before the narrower gap of a main column's
    own columns (highlights set in two CSS columns beside a sidebar)."""
    runs: list[tuple[int, int]] = []
    for index, crossed in enumerate(crossings):
        if crossed != fewest:
            continue
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    runs.sort(key=lambda run: run[0] - run[1])  # stable: the first of equal widths first
    return [steps[(first + last) // 2] for first, last in runs]


# Text this many times larger than the page's common size is display type (name, title).
_DISPLAY_SIZE_RATIO = 1.3


def _without_display_type(lines: list[_Line]) -> list[_Line]:
    sizes = sorted(line.pieces[0].size for line in lines)
    common = sizes[len(sizes) // 2]
    return [line for line in lines if line.pieces[0].size < _DISPLAY_SIZE_RATIO * common]


def _enough_lines(left: list[_Line], right: list[_Line], total: int, width: float) -> bool:
    """Both sides hold a fifth of the lines (five at least); or one holds that, and the other
    a paragraph's few long lines (a page whose main column ends after its summary)."""
    needed = max(5, total * 0.2)
    if min(len(left), len(right)) >= needed:
        return True
    fewer = left if len(left) < len(right) else right
    more = right if fewer is left else left
    return len(more) >= needed and len(fewer) >= 2 and _extent(fewer) >= width * 0.4


# A column is this wide a share of the page, or, when it is not a rail of dates, the second.
_COLUMN_WIDTH_SHARE = 0.22
_SIDEBAR_WIDTH_SHARE = 0.15


def _holds_a_column(lines: list[_Line], width: float) -> bool:
    """Text wide enough to be a column: a sidebar of contact details, skills and languages
    may be narrower than a main column, a rail of dates beside the entries may not."""
    extent = _extent(lines)
    if extent >= width * _COLUMN_WIDTH_SHARE:
        return True
    dated = sum(1 for line in lines if has_date(" ".join(piece.text for piece in line.pieces)))
    return extent >= width * _SIDEBAR_WIDTH_SHARE and dated < len(lines) / 3


def _extent(lines: list[_Line]) -> float:
    return max(line.right for line in lines) - min(line.left for line in lines)


def _centre_of_gap(left: list[_Line], right: list[_Line], fallback: float) -> float:
    edge_left = max(line.right for line in left)
    edge_right = min(line.left for line in right)
    return (edge_left + edge_right) / 2 if edge_left < edge_right else fallback


def _merge_rows(lines: list[_Line]) -> list[_Line]:
    """Join lines printed on the same baseline (a date flushed right, a label column)."""
    rows: list[_Line] = []
    for line in sorted(lines, key=lambda item: -item.top):
        row = next((r for r in rows[-3:] if _same_row(r, line)), None)
        if row is None:
            rows.append(_Line(list(line.pieces), line.top, line.bottom))
            continue
        row.pieces = sorted([*row.pieces, *line.pieces], key=lambda piece: piece.left)
        row.top, row.bottom = max(row.top, line.top), min(row.bottom, line.bottom)
        row.left, row.right = row.pieces[0].left, row.pieces[-1].right
    for row in rows:
        row.pieces = _glued_pieces(row.pieces)
    return rows


# Pieces closer than this many font sizes are letters of one word; closer than the next, words.
_LETTER_GAP_IN_SIZES = 0.2
_WORD_GAP_IN_SIZES = 0.6


def _glued_pieces(pieces: list[_Piece]) -> list[_Piece]:
    """Pieces of a row that touch, joined into words and runs of words.

    A producer that draws every glyph as its own text object (Chromium does, for letter-spaced
    or fallback-font text) leaves PDFium a line per glyph: "E", "d", "u"… Joined on their row
    with no space between letters and a space between words, they read "Education" again.
    """
    glued = [pieces[0]]
    for piece in pieces[1:]:
        last = glued[-1]
        gap = piece.left - last.right
        size = min(last.size, piece.size)
        # A superscript ("1st") or a label beside its text is set in another size: not glued.
        other_size = abs(last.size - piece.size) > 0.1 * size
        if other_size or gap > _WORD_GAP_IN_SIZES * size or gap < -_LETTER_GAP_IN_SIZES * size:
            glued.append(piece)
            continue
        space = "" if gap < _LETTER_GAP_IN_SIZES * size else " "
        last.text = f"{last.text}{space}{piece.text}"
        last.right = piece.right
    return glued


def _same_row(row: _Line, line: _Line) -> bool:
    """On the row's baseline band, no piece over another's: a label and a date PDFium read
    as one line, with a bold title drawn between them, make one row with it."""
    middle = (line.top + line.bottom) / 2
    if not row.bottom <= middle <= row.top:
        return False
    return all(q.right <= p.left or q.left >= p.right for q in line.pieces for p in row.pieces)
