"""A bullet's or a paragraph's text wrapped onto the lines below it, joined back into one line
(PDF only).

Read line by line, "and", "stack" or "infrastructure for 3 teams" would each become a highlight.
DOCX paragraphs do not wrap; lines without a `Placement` pass through unchanged.
"""

from __future__ import annotations

import dataclasses
import re

from resumeforge.documents.parsing.hyphens import keeps_hyphen
from resumeforge.documents.parsing.layout import Placement, TextLine, is_bullet
from resumeforge.resume.contact import find_email
from resumeforge.resume.dates import find_date_range
from resumeforge.resume.headings import is_vocabulary_heading
from resumeforge.resume.language import detect_language

# In font sizes: how far a wrapped line may sit left of the bullet's words (rounding), how much
# deeper it may be indented, and how much blank space may separate it from the line above.
_INDENT_SLACK = 0.2
_DEEPER_AT_MOST = 3.0
_GAP_AT_MOST = 0.7
_OVERLAP_AT_MOST = 0.3
_SENTENCE_ENDS = (".", "!", "?")
# A paragraph's lines sit this close, baseline to baseline (a blank line between paragraphs is
# further), and a wrapped one stops short of the page's text by less than the next word: this
# many font sizes a character, generously, and a space.
_PARAGRAPH_PITCH_AT_MOST = 1.6
_CHAR_WIDTH_AT_MOST = 0.6
_SPACE_WIDTH = 0.5


def join_wrapped_bullets(lines: list[TextLine]) -> list[TextLine]:
    """The lines with each bullet's continuation lines joined to it."""
    joined: list[TextLine] = []
    bullet: TextLine | None = None  # the bullet being read, as first printed
    above: TextLine | None = None  # the line printed just above, joined or not
    language = _language_of_hyphenated(lines)
    for line in lines:
        if bullet is not None and above is not None and _continues(bullet, above, line):
            joined[-1] = _join(joined[-1], line, language)
        else:
            joined.append(line)
            bullet = line if line.placement is not None and is_bullet(line) else None
        above = line
    return joined


def _continues(bullet: TextLine, above: TextLine, line: TextLine) -> bool:
    """`line` carries on the bullet's text: no glyph of its own, set under the bullet's words."""
    first, previous, place = bullet.placement, above.placement, line.placement
    if first is None or previous is None or place is None:
        return False
    if line.page != above.page or line.furniture or is_bullet(line):
        return False
    size = first.text_size or line.size
    if abs(place.text_size - first.text_size) > 0.3:
        return False
    indent = place.left - first.text_left
    if not -_INDENT_SLACK * size <= indent <= _DEEPER_AT_MOST * size:
        return False
    if not _close_below(previous, place, size):
        return False
    text = line.segments[0]
    if _starts_lowercase(text):
        return True
    if _ends_sentence(above.segments[0]):
        return False
    # A capitalised line after an unfinished one may still open something new.
    return not is_vocabulary_heading(text) and find_date_range(line.plain) is None


def join_wrapped_paragraphs(lines: list[TextLine]) -> list[TextLine]:
    """An entry's description lines with each unbulleted paragraph's wrapped lines joined
    (a project's description, a job's summary)."""
    joined: list[TextLine] = []
    above: TextLine | None = None
    language = _language_of_hyphenated(lines)
    for line in lines:
        if above is not None and _carries_on_paragraph(above, line):
            joined[-1] = _join(joined[-1], line, language)
        else:
            joined.append(line)
        above = line
    return joined


def _carries_on_paragraph(above: TextLine, line: TextLine) -> bool:
    """`line` carries on the paragraph line above: same edge, type and weight, and the line
    above ran out of room for `line`'s first word."""
    previous, place = above.placement, line.placement
    if previous is None or place is None:
        return False
    if line.page != above.page or line.furniture or above.furniture or line.bold != above.bold:
        return False
    if len(above.segments) > 1 or len(line.segments) > 1 or is_bullet(above) or is_bullet(line):
        return False
    size = previous.text_size or line.size
    if abs(place.text_size - previous.text_size) > 0.3:
        return False
    if abs(place.left - previous.left) > _INDENT_SLACK * size:
        return False
    # Tops and bottoms move with ascenders and descenders ("resources." has neither).
    pitch = min(place.top - previous.top, place.bottom - previous.bottom)
    if not 0 < pitch <= _PARAGRAPH_PITCH_AT_MOST * size:
        return False
    text = line.segments[0]
    if not _ran_out_of_room(previous, text.split(" ", 1)[0], size):
        return False
    if _starts_lowercase(text):
        return True
    if _ends_sentence(above.segments[0]):
        return False
    return not is_vocabulary_heading(text) and find_date_range(text) is None


def _ran_out_of_room(previous: Placement, word: str, size: float) -> bool:
    if previous.right <= 0 or previous.page_text_right <= 0:
        return False
    room = previous.page_text_right - previous.right
    return room <= (_CHAR_WIDTH_AT_MOST * len(word) + _SPACE_WIDTH) * size


def _close_below(previous: Placement, place: Placement, size: float) -> bool:
    gap = place.top - previous.bottom
    return -_OVERLAP_AT_MOST * size <= gap <= _GAP_AT_MOST * size


def _starts_lowercase(text: str) -> bool:
    return next((char.islower() for char in text if char.isalpha()), False)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(" \"'”’)]").endswith(_SENTENCE_ENDS)


_HYPHENATED = re.compile(r"[^\W\d_]-$")


def _language_of_hyphenated(lines: list[TextLine]) -> str:
    """The language of the lines when one ends in a hyphen (what a hyphen there means depends
    on it), else "" without reading them."""
    if not any(line.segments and _HYPHENATED.search(line.segments[0]) for line in lines):
        return ""
    return detect_language(" ".join(line.plain for line in lines))


def _join(bullet: TextLine, line: TextLine, language: str) -> TextLine:
    """One line: the text runs on in the first piece; pieces in a side rail keep their place."""
    head, tail = bullet.segments[0], line.segments[0]
    # "multi-" + "agent" is one word again, and "docu-" + "mentation" one word broken; a
    # hyphen after a space is a dash.
    if head.endswith("-") and head[-2:-1].isalpha():
        if not keeps_hyphen(_last_word(head[:-1]), _first_word(tail), language=language):
            head = head[:-1]
        glue = ""
    else:
        glue = " "
    return dataclasses.replace(
        bullet,
        segments=[f"{head}{glue}{tail}", *bullet.segments[1:], *line.segments[1:]],
        links=[*bullet.links, *line.links],
    )


def _last_word(text: str) -> str:
    match = re.search(r"[^\W\d_]+$", text)
    return match.group(0) if match else ""


def _first_word(text: str) -> str:
    match = re.match(r"[^\W\d_]+", text)
    return match.group(0) if match else ""


def join_broken_addresses(lines: list[TextLine]) -> list[TextLine]:
    """An e-mail address broken over two lines of a narrow column ("jane.doe@mail.exa" and
    "mple.com") joined again, without a space, when together they make a longer address."""
    joined: list[TextLine] = []
    for line in lines:
        above = joined[-1] if joined else None
        if above is not None and _continues_address(above, line):
            head = above.segments[-1]
            joined[-1] = dataclasses.replace(
                above, segments=[*above.segments[:-1], head + line.segments[0]]
            )
        else:
            joined.append(line)
    return joined


def _continues_address(above: TextLine, line: TextLine) -> bool:
    if line.page != above.page or len(line.segments) != 1 or " " in line.segments[0]:
        return False
    tail = above.segments[-1].rsplit(" ", 1)[-1]
    rest = line.segments[0]
    # A domain's rest is lower case: "EDUCATION" after an address is the next heading. An
    # address printed in capitals goes on after a dot ("ADA@EXAMPLE." over "NET") or with the
    # rest of its ending ("ADA@EXAMPLE.OR" over "G").
    capitals_rest = re.fullmatch(r"[A-Z0-9.-]+", rest) and (tail.endswith(".") or len(rest) <= 3)
    unfinished = tail.isupper() and capitals_rest
    if "@" not in tail or not (re.fullmatch(r"[a-z0-9.-]+", rest) or unfinished):
        return False
    return len(find_email(tail + rest)) > len(find_email(tail))
