"""Upload-to-PDF word retention: how many words of an uploaded résumé reach the PDF we render.

The original's words are read by a reader independent of the parser (PDFium's page text, every
text node of a DOCX including text boxes), so text the parser never saw counts as lost. The
upload is parsed and rendered by the product's own path (`parse_document`, then
`render_resume_pdf`), and the words of that PDF are counted against the original's, as a
multiset. Dates may be reformatted ("März 2019" → "Mar 2019", "heute" → "Present", a
duration beside them), so date expressions are left out on both sides, and so are the labels
before a contact's value ("Email", "Phone"); a line the original prints identically more than
once (a running header) counts once there, and a link's "https://www." is the renderer's to
show or not. What the parse drops and lists in its quality
report as page furniture or hidden text is reported, not lost: its words leave the count.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from resumeforge.documents.parsing import ParsedDocument, parse_document
from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.contact import find_email
from tests.layouts.build import printed_text
from tests.layouts.factory import MONTHS_LONG, MONTHS_SHORT

RETENTION_FLOOR = 0.98  # issue 9: at least 98% of the words of every document

_MONTH_WORDS = sorted(
    {m.rstrip(".").casefold() for table in (MONTHS_SHORT, MONTHS_LONG) for ms in table.values()
     for m in ms}
    | {"sept", "sep", "june", "july", "janv", "févr", "avr", "juil", "déc", "ene", "abr", "dic"},
    key=len,
    reverse=True,
)  # fmt: skip
_YEAR = r"(?:19|20)\d\d"
_MONTH = rf"(?:{'|'.join(re.escape(m) for m in _MONTH_WORDS)})\.?"
_OPEN_ENDS = (
    r"present|current|now|today|ongoing|heute|aktuell|en cours|aujourd['’]hui|présent"
    r"|actualidad|presente|actual|atual|o momento|in corso|oggi"
)
_DATE_PATTERNS = (
    # a range joined by a word, not a dash: "2019-09 to Present", "2019 to 2021"
    re.compile(rf"(?<=\d)\s+to\s+(?:(?:{_OPEN_ENDS})(?!\w)|(?=\d))", re.IGNORECASE),
    re.compile(rf"(?<!\w)\d{{1,2}}\s*[/.]\s*\d{{1,2}}\s*[/.]\s*{_YEAR}(?!\w)"),
    # a month opening a range whose year is printed once, at its end: "June - August 2017"
    re.compile(rf"(?<!\w){_MONTH}\s*[-–—]\s*(?={_MONTH}\s*{_YEAR})", re.IGNORECASE),
    re.compile(rf"(?<!\w){_MONTH},?\s*{_YEAR}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w)\d{{1,2}}\s*[/.]\s*{_YEAR}(?!\w)"),
    re.compile(rf"(?<!\w){_YEAR}\s*[-/.]\s*\d{{1,2}}(?!\w)"),
    re.compile(rf"(?<!\w){_YEAR}(?!\w)"),
    re.compile(rf"[-–—]\s*(?:{_OPEN_ENDS})(?!\w)", re.IGNORECASE),
    # a duration printed beside the dates: "2 years 4 months", "1 yr"
    re.compile(r"(?<!\w)\d{1,2}\s*(?:years?|yrs?|months?|mos?)(?!\w)", re.IGNORECASE),
)
# How a link is shown is the renderer's choice: "https://www.x.org/" prints as "x.org".
_URL_DECORATION = re.compile(r"\b(?:https?://(?:www\.)?|www\.)", re.IGNORECASE)
# A word broken at the end of a line by a hyphen: "main-\ntenance".
_LINE_END_HYPHEN = re.compile(r"(\w)[-\u00ad\u2010]\s*\n\s*(?=[^\W\d_])")
_WORD = re.compile(r"[^\W_]+")
# A contact's label before its value ("Email  jane@example.org", "Phone: +44 …"): the label
# says what the value is, as the renderer's layout does; it is no word of the résumé's own.
_CONTACT_LABEL = re.compile(
    r"(?<!\w)(?:e-?mail|mail|phone|tel|t[ée]l[ée]phone|telefon|tel[ée]fono|telefone|mobile"
    r"|cell)\s*:?\s+(?=\S+@|\+?\d)",
    re.IGNORECASE,
)
# PDF text of a right-to-left script may come out in visual order, letter by letter reversed.
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True, slots=True)
class Retention:
    document: str
    kept: int
    total: int
    lost: tuple[str, ...]  # a sample of the words that did not arrive

    @property
    def share(self) -> float:
        return self.kept / self.total if self.total else 1.0


def words_of(text: str, *, repeats_once: bool = True) -> Counter[str]:
    """The words of a text, dates left out; with `repeats_once`, a line printed identically
    more than once counts once (the original's running header)."""
    # PDFium marks a word TeX hyphenated across lines with U+FFFE (or U+0002) and joins it.
    text = re.sub("[\u200b\ufffe\x02]", "", unicodedata.normalize("NFKC", text))
    text = _URL_DECORATION.sub("", _LINE_END_HYPHEN.sub(r"\1", text))
    seen: set[str] = set()
    words: Counter[str] = Counter()
    for line in _with_broken_addresses_joined(text.splitlines()):
        line = _letter_spacing_closed(line.strip()).casefold()
        if not line or (repeats_once and line in seen):
            continue
        seen.add(line)
        for pattern in (*_DATE_PATTERNS, _CONTACT_LABEL):
            line = pattern.sub(" ", line)
        words.update(map(_in_either_order, _WORD.findall(line)))
    return words


def _in_either_order(word: str) -> str:
    """A right-to-left word the same whichever order its letters were extracted in."""
    return min(word, word[::-1]) if _RIGHT_TO_LEFT.search(word) else word


def _letter_spacing_closed(line: str) -> str:
    """Capitals set letter-spaced ("L A N G U AG E S", "Ada K OWA L C Z Y K": kerned pairs and
    trios left together) are one word, as the parser reads them; their letters are not words
    of their own."""
    tokens = line.split()
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if token and len(token) <= 3 and token.isalpha() and token.isupper():
            run.append(token)
            continue
        spaced = len(run) >= 3 and sum(len(t) == 1 for t in run) * 2 >= len(run)
        out.extend(["".join(run)] if spaced else run)
        run = []
        if token:
            out.append(token)
    return " ".join(out) if out != tokens else line


def _with_broken_addresses_joined(lines: list[str]) -> list[str]:
    """An e-mail address a narrow column broke over two lines ("jane@mail.exa", "mple.com") is
    one word, as the parser reads it: a line of one lower-case piece that makes it longer."""
    joined: list[str] = []
    for line in lines:
        piece = line.strip()
        tail = joined[-1].rstrip().rsplit(" ", 1)[-1] if joined else ""
        if (
            "@" in tail
            and re.fullmatch(r"[a-z0-9.-]+", piece)
            and len(find_email(tail + piece)) > len(find_email(tail))
        ):
            joined[-1] = joined[-1].rstrip() + piece
        else:
            joined.append(line)
    return joined


def measure_retention(document: Path) -> Retention:
    """Parse `document` as an upload, render the parse to PDF, count the words that arrived."""
    parsed = parse_document(document.read_bytes(), filename=document.name)
    original = words_of(printed_text(document)) - _reported_words(parsed)
    rendered_pdf = render_resume_pdf(parsed.resume).content
    # The rendered résumé has no running header: a title printed for two jobs counts twice.
    rendered = words_of(_pdf_text(rendered_pdf), repeats_once=False)
    kept = sum(min(count, rendered[word]) for word, count in original.items())
    lost = tuple(word for word, count in original.most_common() if rendered[word] < count)[:12]
    return Retention(f"{document.parent.name}/{document.name}", kept, sum(original.values()), lost)


def _reported_words(parsed: ParsedDocument) -> Counter[str]:
    """The words of the lines the parse left out and listed: page furniture, hidden text."""
    quality = parsed.quality
    return words_of("\n".join([*quality.furniture, *quality.hidden_text]))


def _pdf_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
