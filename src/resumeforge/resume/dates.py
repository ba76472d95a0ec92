"""Dates as résumés print them ("Jan 2020", "03/2018", "Summer 2017"), as YYYY or YYYY-MM."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PRESENT = "Present"

# Month names and their short forms in English, German, French, Spanish, Portuguese, Italian,
# Dutch, Danish, Norwegian and Swedish, written without accents (dates are matched on
# accent-free text): "März" is "marz".
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
    # German
    "januar": 1, "jaenner": 1, "janner": 1, "februar": 2, "marz": 3, "maerz": 3, "mrz": 3,
    "mai": 5, "juni": 6, "juli": 7, "okt": 10, "oktober": 10, "dez": 12, "dezember": 12,
    # French
    "janv": 1, "janvier": 1, "fev": 2, "fevr": 2, "fevrier": 2, "mars": 3, "avr": 4,
    "avril": 4, "juin": 6, "juil": 7, "juillet": 7, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "decembre": 12,
    # Spanish
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5,
    "junio": 6, "julio": 7, "ago": 8, "agosto": 8, "septiembre": 9, "setiembre": 9,
    "octubre": 10, "noviembre": 11, "dic": 12, "diciembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "set": 9, "setembro": 9, "out": 10, "outubro": 10, "novembro": 11, "dezembro": 12,
    # Italian
    "gen": 1, "gennaio": 1, "febbraio": 2, "aprile": 4, "mag": 5, "maggio": 5, "giu": 6,
    "giugno": 6, "lug": 7, "luglio": 7, "settembre": 9, "ott": 10, "ottobre": 10,
    "dicembre": 12,
    # Dutch, Danish, Norwegian, Swedish (the names German or English already spell are above)
    "januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
    "marts": 3, "maj": 5, "desember": 12, "des": 12, "augusti": 8,
}  # fmt: skip
SEASONS = (
    "spring", "summer", "fall", "autumn", "winter", "fruhling", "fruhjahr", "sommer",
    "herbst", "printemps", "ete", "automne", "hiver", "primavera", "verano", "otono",
    "invierno", "verao", "outono", "inverno", "estate", "autunno",
)  # fmt: skip
# An open end: "Present", "heute", "Actualidad", "En cours", "atual", "attuale"...
PRESENT_WORDS = (
    "present", "current", "now", "today", "ongoing", "date",
    "heute", "jetzt", "aktuell", "derzeit", "laufend", "gegenwart",
    "en cours", "aujourd hui", "a ce jour", "ce jour", "maintenant", "actuel", "actuellement",
    "actualidad", "actual", "actualmente", "presente", "hoy", "la fecha", "la actualidad",
    "atual", "atualmente", "hoje", "o momento", "momento", "agora", "corrente", "attuale",
    "oggi", "in corso", "ad oggi",
    "heden", "huidig", "nu", "i dag", "idag", "nuværende",
)  # fmt: skip

_MONTH = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_SEASON = rf"(?:{'|'.join(SEASONS)})"
_YEAR = r"(?:19|20)\d\d"
_SHORT_YEAR = r"'\d\d"
# A date with its day, as Europass and most European CVs print it: "03/05/2012", "01.02.2016".
_DAY_DATE = rf"\d\d?\s?[/.]\s?\d\d?\s?[/.]\s?{_YEAR}"
# One date: "Jan 2020", "January, 2020", "enero de 2020", "03/2018", "2018-03", "Summer 2017".
_DATE = (
    rf"(?:{_DAY_DATE}"
    rf"|(?:{_MONTH}|{_SEASON})\s*,?\s*(?:de\s+|del\s+)?(?:{_YEAR}|{_SHORT_YEAR})"
    rf"|(?:0?[1-9]|1[0-2])\s*[/.\\]\s*(?:{_YEAR}|\d\d)(?!\d)"
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{_YEAR})"
)
_OPEN_WORDS = sorted((word.replace(" ", "[\\s'’]+") for word in PRESENT_WORDS), key=len)
_OPEN = rf"(?:{'|'.join(reversed(_OPEN_WORDS))})"
# The marks and words between a range's ends. No two can match at one place, so their order
# is free: the signs as one class and the words behind one word boundary are tried at each
# character far faster than each alternative in turn.
_DASH_WORDS = r"to|till|until|bis|au|a|hasta|ate|ao|al"
_DASH_MARK = rf"(?:-{{1,2}}|[–—−‐‑→]|\b(?:{_DASH_WORDS})\b)"
_DASH = rf"\s*{_DASH_MARK}\s*"
# The word a range may open with, taken with it: "From 2016 to 2018", "Desde 01/2016 hasta hoy".
_FROM = r"(?:(?:from|desde|de|von|vom|du|depuis|dal|da|van|fra|fran)\s+)?"
# A bare month before the dash borrows the end's year: "June - August 2017".
_RANGE = rf"{_FROM}(?P<start>{_DATE}|{_MONTH}|{_SEASON}){_DASH}(?P<end>{_DATE}|{_OPEN})"

# The patterns are written in lower case and matched case-sensitively against lower-cased
# text (`_matchable`): an alternative that starts with a letter is then passed over at a
# glance where the text has another, which re.IGNORECASE cannot do, and the dozens of month
# names tried at each character are most of what a parse spends on dates.
DATE_RE = re.compile(rf"(?<![\w/]){_DATE}(?![\w/])")
RANGE_RE = re.compile(rf"(?<![\w/]){_RANGE}(?![\w/])")
SINGLE_RE = re.compile(
    rf"(?<![\w/])(?:(?:expected|graduated|grad\.?|since|from:?)\s+)?{_DATE}(?![\w/])"
)
_YEAR_RE = re.compile(_YEAR)
# What every date holds (a year, a month's number) and what every range holds between its
# ends: a text without them is passed over without trying the long date patterns, which
# try each month name at each word and would be most of a parse's time.
_DIGIT_RE = re.compile(r"\d")
_DASH_MARK_RE = re.compile(_DASH_MARK)


class _BaseLetters(dict[int, str]):
    """Each code point's base letter, worked out the first time `str.translate` asks for it:
    a résumé's text is folded many times over, and a lookup per character in C is what keeps
    that cheap."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(part for part in decomposed if not unicodedata.combining(part))
        letter = base if len(base) == 1 else char
        if len(self) < _CODE_POINTS_KEPT:  # a text of every code point must not grow it forever
            self[code] = letter
        return letter


_CODE_POINTS_KEPT = 20_000
_BASE_LETTERS = _BaseLetters()


def fold_accents(text: str) -> str:
    """`text` with each accented letter replaced by its base letter, one for one, so that a
    span found in the folded text is the same span in `text`: "März" → "Marz"."""
    if text.isascii():
        return text
    # ASCII letters are their own base letters: only the runs of other characters go through
    # the table, which `str.translate` asks a character at a time, and the regex engine
    # passes over the rest several times faster.
    return _NOT_ASCII_RE.sub(_folded_run, text)


_NOT_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _folded_run(match: re.Match[str]) -> str:
    return match.group().translate(_BASE_LETTERS)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A range found in a line; `start`/`end` normalised, `span` where it was in the text."""

    start: str
    end: str
    span: tuple[int, int]


def normalise_date(text: str, *, default_year: str = "") -> str:
    """'Jan. 2020' → '2020-01', '03/2018' → '2018-03', 'Summer 2017' → '2017', 'now' → 'Present'."""
    lowered = fold_accents(text.strip().casefold().rstrip("."))
    if not lowered:
        return ""
    if _WORD_GAP_RE.sub(" ", lowered) in PRESENT_WORDS:
        return PRESENT
    if match := _DAY_MONTH_YEAR_RE.fullmatch(lowered):
        return _day_month_year(*(int(part) for part in match.groups()))
    if match := _MONTH_YEAR_RE.fullmatch(lowered):
        return f"{_full_year(match.group(2))}-{int(match.group(1)):02d}"
    if match := _YEAR_MONTH_RE.fullmatch(lowered):
        return f"{match.group(1)}-{match.group(2)}"
    year = _find_year(lowered) or default_year
    if not year:
        return ""
    word = _LETTERS_RE.match(lowered)
    month = MONTHS.get(word.group(0)) if word else None
    return f"{year}-{month:02d}" if month else year


_WORD_GAP_RE = re.compile(r"[\s'’]+")
_DAY_MONTH_YEAR_RE = re.compile(rf"(\d\d?)\s?[/.]\s?(\d\d?)\s?[/.]\s?({_YEAR})")
_MONTH_YEAR_RE = re.compile(r"(0?[1-9]|1[0-2])\s*[/.\\]\s*(\d{4}|\d\d)")
_YEAR_MONTH_RE = re.compile(rf"({_YEAR})\s*[-/.]\s*(0[1-9]|1[0-2])")
_LETTERS_RE = re.compile(r"[a-z]+")


def _day_month_year(first: int, second: int, year: int) -> str:
    """ "03/05/2012" is the 3rd of May (day first, as outside the US), unless only the
    other order is a calendar date ("12/25/2019"); neither makes it the year alone."""
    if 1 <= second <= 12 and 1 <= first <= 31:
        return f"{year}-{second:02d}"
    if 1 <= first <= 12 and 1 <= second <= 31:
        return f"{year}-{first:02d}"
    return str(year)


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


def _matchable(folded: str) -> str:
    """Accent-folded text lower-cased, index for index, so that the case-sensitive patterns
    match it as re.IGNORECASE would the text itself. Folding has turned "İ", "ſ" and the
    Kelvin sign into "I", "s" and "K"; the dotless "ı", which re.IGNORECASE takes for an "i",
    is the one letter left to map."""
    lowered = folded.lower()
    return lowered if lowered.isascii() else lowered.replace("ı", "i")


def find_date_range(text: str) -> DateRange | None:
    """The first date range in `text`, else a lone date (as start, with no end), else None."""
    text = fold_accents(text)
    matchable = _matchable(text)
    if _DASH_MARK_RE.search(matchable) and (match := RANGE_RE.search(matchable)):
        end = normalise_date(text[slice(*match.span("end"))])
        start = normalise_date(
            text[slice(*match.span("start"))], default_year=end[:4] if end[:1].isdigit() else ""
        )
        if start and end:
            return DateRange(start, end, match.span())
    if _DIGIT_RE.search(matchable) and (match := SINGLE_RE.search(matchable)):
        first, last = match.span()
        date = DATE_RE.search(matchable[first:last])
        if date:
            found = text[first + date.start() : first + date.end()]
            return DateRange(normalise_date(found), "", match.span())
    return None


def has_date(text: str) -> bool:
    matchable = _matchable(fold_accents(text))
    return _DIGIT_RE.search(matchable) is not None and DATE_RE.search(matchable) is not None
