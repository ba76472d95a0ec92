"""The common shape every reader (PDF, DOCX, text, OCR) produces: lines with layout hints."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from resumeforge.documents.parsing.glyphs import LIGATURES

# A rule typed as a run of underscores, dashes or equals signs: "Skills ______________".
_RULE_RE = re.compile(r"\s*(?:_{4,}|-{5,}|={4,}|—{3,}|–{4,})\s*")
# What a text holds when `_RULE_RE` finds a rule in it, looked for without the regex engine.
_RULE_MARKS = ("____", "-----", "====", "———", "––––")
# Runs of spaces used for alignment separate pieces just as a tab does.
_WIDE_SPACE_RE = re.compile(r"\t+| {3,}")
# Characters printed before a list item's text ("∗" is LaTeX's \ast, a common item label).
BULLET_CHARS = "•·●▪◦‣∙○■□➢►▶✓✔❖◆♦*∗-–—>"
_BULLET_RE = re.compile(rf"^[{re.escape(BULLET_CHARS)}]\s*")


@dataclass(slots=True, frozen=True)
class Placement:
    """Where a PDF prints a line: points from its page's top-left corner, and the page's height."""

    left: float
    text_left: float  # where the words start: right of a bullet glyph, else `left`
    text_size: float  # font size of the words, which a bullet glyph's may not share
    top: float
    bottom: float
    page_height: float
    # Where the first piece's words end, and the right-most point any line on the page reaches:
    # a line that stops short of the page's text by more than a word did not wrap (so the
    # narrower column of a two-column page never reads as wrapped).
    right: float = 0.0
    page_text_right: float = 0.0


@dataclass(slots=True)
class TextLine:
    """One visual line; `segments` are its pieces split at wide gaps or tab stops."""

    segments: list[str]
    size: float = 0.0  # font size in points of the first piece; 0 when unknown
    bold: bool = False
    # True when the source marks the line as a heading (DOCX heading style, Markdown `#`).
    styled_heading: bool = False
    # True when the source marks the line as a list item without printing a bullet character
    # (a Word list paragraph: "List Bullet" style or numbering).
    bullet: bool = False
    page: int = 0
    links: list[str] = field(default_factory=list)
    placement: Placement | None = None  # only readers with page geometry (PDF) know it
    # Printed for the page, not the résumé: a running header or footer, a page number.
    furniture: bool = False
    # The first piece is followed by a rule typed as underscores or dashes, as headings are.
    ruled: bool = False

    @property
    def text(self) -> str:
        return "\t".join(self.segments)

    @property
    def plain(self) -> str:
        return " ".join(self.segments)


@dataclass(slots=True)
class ReadingNotes:
    """What a reader noticed while reading: text it dropped as invisible, columns it read."""

    hidden_text: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    # Words holding characters printed in a font that cannot say which letters they are.
    unreadable_text: list[str] = field(default_factory=list)


def is_bullet(line: TextLine) -> bool:
    return (line.bullet or bool(_BULLET_RE.match(line.segments[0]))) and len(line.plain) > 2


def strip_bullet(text: str) -> str:
    return _BULLET_RE.sub("", text).strip()


# What a LaTeX template leaves behind when its macros are printed instead of run:
# "\faTrophy", "\hfill", "\\[1ex]", "[2pt]".
_TEX_RESIDUE_RE = re.compile(
    r"\\[A-Za-z]+\*?(?:\{[^{}]*\})?|\\\\|\[\s*-?\d+(?:\.\d+)?\s*(?:ex|em|pt|mm|cm|in|bp)\s*\]"
)
# Symbols kept although they are not letters: the bullets, and the marks people print.
_KEPT_SYMBOLS = set(BULLET_CHARS) | set("©®™℗°")


def _is_icon(char: str, code: int) -> bool:
    """An icon glyph: private use (icon fonts), emoji, dingbats and other pictographs."""
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return True
    return char not in _KEPT_SYMBOLS and unicodedata.category(char) == "So"


def _cleaned_char(char: str) -> str:
    """What `clean_segment` keeps of one character: itself, its letters, a space or nothing."""
    code = ord(char)
    if code > 127 and char in LIGATURES:
        return LIGATURES[char]
    if code > 127 and _is_icon(char, code):
        return " "
    if char == "\u00ad":
        return "-"  # TeX writes the hyphen in date ranges as a soft hyphen
    if char in "\u200b\u200c\u200d\ufeff\ufffe\ufffd":
        return ""
    if code < 32 and char != "\t":
        return " "
    return char


class _CleanedChars(dict[int, str]):
    """`_cleaned_char` of each code point, worked out the first time `str.translate` asks for
    it: every line of every page is cleaned, and a lookup per character in C keeps that cheap."""

    def __missing__(self, code: int) -> str:
        cleaned = _cleaned_char(chr(code))
        if len(self) < _CODE_POINTS_KEPT:  # a text of every code point must not grow it forever
            self[code] = cleaned
        return cleaned


_CODE_POINTS_KEPT = 20_000
_CLEANED_CHARS = _CleanedChars()


def clean_segment(text: str) -> str:
    """Drop control, private-use (icon font) and zero-width characters, icon glyphs and TeX
    residue; map ligatures to their letters; squeeze spaces."""
    if "\\" in text or "[" in text:
        text = _TEX_RESIDUE_RE.sub(" ", text)
    if not (text.isascii() and text.isprintable()):  # printable ASCII is kept as it is
        text = text.translate(_CLEANED_CHARS)
    return " ".join(text.split())


def make_line(pieces: list[str], **hints: object) -> TextLine | None:
    """A line from raw pieces, or None when nothing readable is left."""
    split = [
        part
        for piece in pieces
        for part in (_WIDE_SPACE_RE.split(piece) if "\t" in piece or "   " in piece else [piece])
    ]
    ruled = False
    if any(mark in piece for piece in pieces for mark in _RULE_MARKS):
        ruled = bool(_RULE_RE.search(split[0])) and bool(_RULE_RE.split(split[0])[0].strip())
        split = [part for piece in split for part in _RULE_RE.split(piece)]
    segments = [segment for segment in (clean_segment(p) for p in split) if segment]
    if not segments:
        return None
    return TextLine(segments=segments, ruled=ruled, **hints)  # type: ignore[arg-type]
