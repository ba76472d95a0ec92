"""Characters as a reader means them: ligatures as their letters, and characters a PDF prints
in a font that cannot say which letters they are, found and marked instead of read as garbage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Where Unicode keeps its typographic ligatures and digraphs: Latin (Ĳ, ǆ, ǉ, ǌ, ǳ), Armenian
# (և) and the alphabetic presentation forms (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, ﬓ-ﬗ, ﭏ).
_LIGATURE_BLOCKS = (range(0x0100, 0x0250), range(0x0580, 0x0590), range(0xFB00, 0xFB50))


def _is_ligature(char: str) -> bool:
    """A compatibility ligature or digraph: one code point standing for several letters.

    Œ, æ and ß are letters of their languages with no compatibility decomposition, so they stay.
    """
    if not unicodedata.decomposition(char).startswith("<compat>"):
        return False
    letters = unicodedata.normalize("NFKC", char)
    name = unicodedata.name(char, "")
    if len(letters) < 2 or not all(letter.isalpha() for letter in letters):
        return False
    latin = all(unicodedata.name(letter, "").startswith("LATIN") for letter in letters)
    return "LIGATURE" in name or (name.startswith("LATIN") and latin)


LIGATURES: dict[str, str] = {
    chr(code): unicodedata.normalize("NFKC", chr(code))
    for block in _LIGATURE_BLOCKS
    for code in block
    if _is_ligature(chr(code))
}

# What PDFium returns for a character it could not map to Unicode: the font's raw character
# code, which for a subset font is a small number (a control character, even a line break)
# or a replacement mark.
UNREADABLE = "\ufffd"
# PDFium writes its own line ends as "\r\n"; a lone "\n" or "\r" is a glyph code. (One class
# first, which the regex engine scans for on its own, then the two halves of "\r\n" left out.)
_SUSPECT_RE = re.compile("[\x00-\x1f\ufffd\ufffe](?<!\r\n)(?!(?<=\r)\n)")
# A glyph code that happens to be a printable character shows as a digit or a sign inside a
# word ("o&ce", "3rm", "sta7"): only those are looked up, never every character.
# The character is matched first and its neighbours looked at after: a pattern that opens on
# a look-behind is tried in full at every character of the page, this one only at non-letters.
# It opens on one class (neither white space nor an ASCII letter), which the regex engine
# scans for on its own, three times faster than trying the pattern at each character; the
# look-behind then leaves out the other letters (accented, other scripts).
_NOT_A_LETTER = r"[^\sa-zA-Z](?<![^\W\d_])"
_INSIDE_A_WORD_RE = re.compile(rf"{_NOT_A_LETTER}(?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
_LINE_START_RE = re.compile(r"(?:^|\n)[^\S\n]*(?=\S)")


def mark_unmapped(unmapped: Callable[[int], bool], text: str, unreadable: list[str]) -> str:
    """`text` (a PDFium text page's) with each character PDFium could not map to Unicode
    (`unmapped(index)`) replaced by U+FFFD, index for index; each word that held one is added
    to `unreadable`.

    A font without a character map (no ToUnicode, no standard encoding) makes PDFium return
    glyph codes: a ligature then reads "o ce" or "o&ce" for "office", a whole line reads as
    noise. Only suspicious characters (controls, a digit or sign inside a word) and each
    line's first character are looked up (a font that cannot be read is so for a whole line),
    so a clean page costs about one call a line. A glyph code that happens to be a letter
    inside a readable line is not found: PDFium exposes no glyph names to tell.
    """
    suspects = [match.start() for match in _SUSPECT_RE.finditer(text)]
    suspects += [match.start() for match in _INSIDE_A_WORD_RE.finditer(text)]
    starts = [match.end() for match in _LINE_START_RE.finditer(text)]
    found = {index for index in suspects if unmapped(index)}
    for start in starts:
        if start in found or unmapped(start):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            found.update(i for i in range(start, end) if unmapped(i))
    if not found:
        return text
    chars = list(text)
    for index in found:
        chars[index] = UNREADABLE
    marked = "".join(chars)
    unreadable.extend(_words_holding(marked, sorted(found)))
    return marked


def _words_holding(text: str, indices: list[int]) -> list[str]:
    """The words (whitespace apart) around the given character indices, each once, in order."""
    words: list[str] = []
    last_end = -1
    for index in indices:
        if index < last_end:
            continue
        start = index
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = index
        while end < len(text) and not text[end].isspace():
            end += 1
        last_end = end
        words.append(text[start:end])
    return words
