"""Dates as résumés print them ("Jan 2020", "03/2018", "Summer 2017"), as YYYY or YYYY-MM."""

from __future__ import annotations

import re
from dataclasses import dataclass

PRESENT = "Present"

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
SEASONS = ("spring", "summer", "fall", "autumn", "winter")
PRESENT_WORDS = ("present", "current", "now", "today", "ongoing", "date")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19|20)\d\d"
_SHORT_YEAR = r"'\d\d"
# One date: "Jan 2020", "January, 2020", "03/2018", "2018-03", "Summer 2017", "2019".
_DATE = (
    rf"(?:(?:{_MONTH}|{_SEASON})\s*,?\s*(?:{_YEAR}|{_SHORT_YEAR})"
    rf"|(?:0?[1-9]|1[0-2])\s*[/.]\s*(?:{_YEAR}|\d\d)(?!\d)"
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{_YEAR})"
)
_OPEN = rf"(?:{'|'.join(PRESENT_WORDS)})"
_DASH = r"\s*(?:-{1,2}|–|—|−|‐|‑|\bto\b|\btill\b|\buntil\b|→)\s*"
# A bare month before the dash borrows the end's year: "June - August 2017".
_RANGE = rf"(?P<start>{_DATE}|{_MONTH}|{_SEASON}){_DASH}(?P<end>{_DATE}|{_OPEN})"

DATE_RE = re.compile(rf"(?<![\w/]){_DATE}(?![\w/])", re.IGNORECASE)
RANGE_RE = re.compile(rf"(?<![\w/]){_RANGE}(?![\w/])", re.IGNORECASE)
SINGLE_RE = re.compile(
    rf"(?<![\w/])(?:(?:expected|graduated|grad\.?|since|from:?)\s+)?{_DATE}(?![\w/])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(_YEAR)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A range found in a line; `start`/`end` normalised, `span` where it was in the text."""

    start: str
    end: str
    span: tuple[int, int]


def normalise_date(text: str, *, default_year: str = "") -> str:
    """'Jan. 2020' → '2020-01', '03/2018' → '2018-03', 'Summer 2017' → '2017', 'now' → 'Present'."""
    lowered = text.strip().casefold().rstrip(".")
    if not lowered:
        return ""
    if lowered in PRESENT_WORDS:
        return PRESENT
    if match := re.fullmatch(r"(0?[1-9]|1[0-2])\s*[/.]\s*(\d{4}|\d\d)", lowered):
        return f"{_full_year(match.group(2))}-{int(match.group(1)):02d}"
    if match := re.fullmatch(rf"({_YEAR})\s*[-/.]\s*(0[1-9]|1[0-2])", lowered):
        return f"{match.group(1)}-{match.group(2)}"
    year = _find_year(lowered) or default_year
    if not year:
        return ""
    word = re.match(r"[a-z]+", lowered)
    month = MONTHS.get(word.group(0)) if word else None
    return f"{year}-{month:02d}" if month else year


def _full_year(digits: str) -> str:
    if len(digits) == 4:
        return digits
    return f"20{digits}" if int(digits) < 50 else f"19{digits}"


def _find_year(text: str) -> str:
    if match := _YEAR_RE.search(text):
        return match.group(0)
    if match := re.search(r"'(\d\d)\b", text):
        return _full_year(match.group(1))
    return ""


def find_date_range(text: str) -> DateRange | None:
    """The first date range in `text`, else a lone date (as start, with no end), else None."""
    if match := RANGE_RE.search(text):
        end = normalise_date(match.group("end"))
        start = normalise_date(
            match.group("start"), default_year=end[:4] if end[:1].isdigit() else ""
        )
        if start and end:
            return DateRange(start, end, match.span())
    if match := SINGLE_RE.search(text):
        date = DATE_RE.search(match.group(0))
        if date:
            return DateRange(normalise_date(date.group(0)), "", match.span())
    return None


def has_date(text: str) -> bool:
    return DATE_RE.search(text) is not None
