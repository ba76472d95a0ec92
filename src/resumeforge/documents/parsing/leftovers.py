"""Lines the parser could not place in a field of the `Resume`, kept as written.

A line is placed when its words are printed: the check runs on what the renderer prints
(`rendering.layout.print_resume`), so "placed" means "reaches the tailored résumé", not
"was looked at". Dates and numbers are left out of the check because they are printed
reformatted ("03/2018" becomes "Mar 2018"). What is not placed goes, in its order, into an
`other` section printed right after the section it came from, and into the quality report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from resumeforge.documents.parsing.layout import TextLine
from resumeforge.rendering.layout import PrintedResume, PrintedSection, print_resume, print_section
from resumeforge.rendering.wording import Wording, wording_for
from resumeforge.resume.dates import MONTHS, PRESENT_WORDS, fold_accents
from resumeforge.resume.language import resume_language
from resumeforge.resume.schemas import Resume, Section, SectionKind

# A line with more than this share of its words printed nowhere is not placed.
_MISSING_SHARE_AT_MOST = 0.2
_WORD_RE = re.compile(r"[^\W_]+")
_NOT_CHECKED = set(MONTHS) | {word for phrase in PRESENT_WORDS for word in phrase.split()}
# The heading of the section that keeps what was printed above the first heading and not
# placed (an address, a date of birth), in the résumé's language.
LEFTOVER_HEADINGS = {
    "en": "Additional information",
    "de": "Weitere Angaben",
    "fr": "Informations complémentaires",
    "es": "Información adicional",
    "pt": "Informações adicionais",
    "it": "Ulteriori informazioni",
}

# Where a group of lines was read: the index of its section in `meta.sections`, or None for
# the lines above the first heading.
LineGroup = tuple[int | None, list[TextLine]]


def words_of(text: str) -> list[str]:
    """The words a text is checked by: folded, without digits-only tokens or month names."""
    folded = fold_accents(unicodedata.normalize("NFKC", text).casefold())
    return [
        word for word in _WORD_RE.findall(folded) if not word.isdigit() and word not in _NOT_CHECKED
    ]


class Printing:
    """One résumé's sections as the renderer prints them, in the résumé's language, each
    printed once: the heading check and the placement check read the same print. Valid while
    the résumé's content does not change (its sections may be swapped for others)."""

    def __init__(self, resume: Resume) -> None:
        self.resume = resume
        self.wording = wording_for(resume_language(resume))
        self._printed: dict[int, tuple[Section, PrintedSection]] = {}

    def section(self, resume: Resume, section: Section, wording: Wording) -> PrintedSection:
        held = self._printed.get(id(section))
        if held is None or held[0] is not section:
            held = (section, print_section(resume, section, wording))
            self._printed[id(section)] = held
        return held[1]

    def whole(self) -> PrintedResume:
        return print_resume(self.resume, wording=self.wording, print_one=self.section)


def printed_words(resume: Resume, printing: Printing | None = None) -> Counter[str]:
    """Every word the renderer prints for this résumé, with how many times."""
    printed = (printing or Printing(resume)).whole()
    return Counter(words_of(" ".join(_printed_texts(printed))))


def _printed_texts(printed: PrintedResume) -> Iterable[str]:
    header = printed.header
    yield header.name
    yield header.label
    yield from (link.text for link in header.contacts)
    for section in printed.sections:
        yield section.heading
        for entry in section.entries:
            yield from (entry.title, entry.subtitle, entry.location, entry.text, entry.keywords)
            yield from entry.bullets
        yield from section.paragraphs
        for row in section.rows:
            yield from (row.label, row.text)


def find_unplaced(
    resume: Resume, groups: list[LineGroup], printing: Printing | None = None
) -> list[LineGroup]:
    """The lines of each group whose words the résumé does not print."""
    available = printed_words(resume, printing)
    result: list[LineGroup] = []
    for where, lines in groups:
        missing = [line for line in lines if not _consume(available, words_of(line.plain))]
        if missing:
            result.append((where, missing))
    return result


def _consume(available: Counter[str], words: list[str]) -> bool:
    """Take the line's words from what is printed; True when enough of them were there."""
    if not words:
        return True
    absent = 0
    for word in words:
        if available[word] > 0:
            available[word] -= 1
        else:
            absent += 1
    return absent <= _MISSING_SHARE_AT_MOST * len(words)


def keep_unplaced(resume: Resume, unplaced: list[LineGroup], *, language: str) -> None:
    """Add each group of unplaced lines as an `other` section after the one it was read in."""
    sections = resume.meta.sections
    inserted: list[tuple[int, Section]] = []
    for where, lines in unplaced:
        text = "\n".join(line.text for line in lines)
        if where is None:
            heading = LEFTOVER_HEADINGS.get(language, LEFTOVER_HEADINGS["en"])
            inserted.append((0, Section(heading=heading, kind=SectionKind.other, text=text)))
        else:
            heading = sections[where].heading
            section = Section(heading=heading, kind=SectionKind.other, text=text)
            inserted.append((where + 1, section))
    for position, section in sorted(inserted, key=lambda item: item[0], reverse=True):
        sections.insert(position, section)


def keep_headings_over_nothing(resume: Resume, printing: Printing | None = None) -> None:
    """A heading over nothing the parse could place in its kind of section ("Skills" right
    above its groups' own headings, or read apart from its text) becomes an `other` section
    of its own, which prints its heading: the renderer leaves out empty sections."""
    printing = printing or Printing(resume)
    sections = resume.meta.sections
    for index, section in enumerate(sections):
        if section.kind is SectionKind.other or not section.heading.strip():
            continue
        if printing.section(resume, section, printing.wording).is_empty():
            sections[index] = Section(
                heading=section.heading, kind=SectionKind.other, span=section.span
            )
