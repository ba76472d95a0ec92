"""Page furniture in a PDF: running headers and footers and page numbers, printed for the page.

Left in, they read as jobs, degrees or bullets ("February 10, 2026  Jane Doe · Résumé  2").
They are flagged rather than dropped so the résumé can still take contact details from them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from resumeforge.documents.parsing.layout import TextLine

# Running headers and footers sit in the outer tenth of a page or so.
_BAND_SHARE = 0.12
# The same running line is printed at the same height on every page, give or take.
_SAME_HEIGHT_POINTS = 6.0
_DIGITS_RE = re.compile(r"\d+")
# "2", "- 2 -", "Page 2", "p. 2", "2/3", "2 of 3", "Page 2 of 3": the whole line or piece.
_PAGE_NUMBER_RE = re.compile(
    r"(?i)^(?:page|p\.|seite|página|pagina)?\s*[-–—]?\s*(\d{1,3})\s*[-–—]?"
    r"(?:\s*(?:/|of|von|de|sur)\s*(\d{1,3}))?$"
)
# "Jane Doe – 2/3" or "Jane Doe, page 2 of 3": a page count closing a longer line.
_PAGE_OF_RE = re.compile(r"(?i)(?<![\d./])(\d{1,3})\s*(?:/|of|von|de|sur)\s*(\d{1,3})$")


def flag_page_furniture(lines: list[TextLine]) -> None:
    """Set `furniture` on lines in a page's top or bottom band that repeat or number the page."""
    repeats: dict[tuple[str, str], list[TextLine]] = defaultdict(list)
    for line in lines:
        band = _band(line)
        if band is None:
            continue
        if _numbers_page(line):
            line.furniture = True
        repeats[(band, _DIGITS_RE.sub("#", line.plain.casefold()))].append(line)
    for copies in repeats.values():
        if len({line.page for line in copies}) < 2:
            continue
        for line in copies:
            if any(_runs_on(line, other) for other in copies if other.page != line.page):
                line.furniture = True


def _band(line: TextLine) -> str | None:
    place = line.placement
    if place is None or place.page_height <= 0:
        return None
    if place.bottom <= place.page_height * _BAND_SHARE:
        return "top"
    if place.top >= place.page_height * (1 - _BAND_SHARE):
        return "bottom"
    return None


def _numbers_page(line: TextLine) -> bool:
    """The line is this page's number, alone or closing a running line as "n/N"."""
    page = line.page + 1
    for piece in (line.plain, line.segments[0], line.segments[-1]):
        match = _PAGE_NUMBER_RE.match(piece.strip())
        if match and _is_page(page, match.group(1), match.group(2)):
            return True
    match = _PAGE_OF_RE.search(line.plain)
    return match is not None and _is_page(page, match.group(1), match.group(2))


def _is_page(page: int, number: str, total: str | None) -> bool:
    if int(number) != page:
        return False
    return total is None or page <= int(total) <= 999


def _runs_on(line: TextLine, other: TextLine) -> bool:
    """`other`, on another page, is a copy of the same running line."""
    return _at_same_height(line, other) and _same_but_page_number(line, other)


def _same_but_page_number(line: TextLine, first: TextLine) -> bool:
    """Two lines alike but for their numbers are one running line only when no number differs
    but the page's own: "Page 1 of 2" and "Page 2 of 2" are, two bullets that happen to end
    their pages with "a team of 3" and "a team of 9" are not."""
    numbers = [int(n) for n in _DIGITS_RE.findall(line.plain)]
    first_numbers = [int(n) for n in _DIGITS_RE.findall(first.plain)]
    return all(
        number == first_number or (number == line.page + 1 and first_number == first.page + 1)
        for number, first_number in zip(numbers, first_numbers, strict=True)
    )


def _at_same_height(line: TextLine, first: TextLine) -> bool:
    if line.placement is None or first.placement is None:
        return False
    return abs(line.placement.top - first.placement.top) <= _SAME_HEIGHT_POINTS
