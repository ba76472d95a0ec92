"""The look of each template, as numbers both formats read, so PDF and DOCX stay siblings.

PDF fonts are committed under `fonts/`; each is metric-compatible with the Word font the DOCX
names (Caladea ↔ Cambria, Carlito ↔ Calibri), so both formats break lines alike and a DOCX
opened where Cambria/Calibri are missing (LibreOffice) falls back to the very same shapes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from resumeforge.rendering.errors import UnknownPaper, UnknownTemplate

# Fonts tried, in order, for characters the main font lacks (right-to-left scripts, CJK, emoji);
# they come from the system (Debian fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji).
FALLBACK_FONTS = (
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Hebrew",
    "Noto Sans CJK SC",
    "Noto Color Emoji",
)

PAPERS = {"letter": "us-letter", "a4": "a4"}  # our name → Typst's name

# The tightest a fitted document gets; below this a résumé stops being comfortable to read.
MIN_BODY_SIZE = 9.0
MIN_MARGIN = 0.5
MAX_FIT_STEPS = 6


@dataclass(frozen=True)
class Theme:
    name: str
    pdf_font: str
    docx_font: str
    body_size: float  # pt
    name_size: float  # pt
    heading_size: float  # pt
    accent: str  # hex RGB without '#': headings, name, rules
    text_colour: str
    muted_colour: str  # dates, locations, contact line
    margin: float  # inches, all four sides
    leading: float  # space between lines of a paragraph, em
    section_gap: float  # pt above each section heading
    entry_gap: float  # pt between entries
    header_align: Literal["center", "left"]
    heading_rule: bool  # a thin line under each section heading
    header_rule: bool  # a bold accent line under the name and contacts
    heading_caps: bool  # headings in capitals (display only: the text stays as written)

    def tightened(self, step: int) -> Theme:
        """The same look `step` notches denser: smaller type, gaps, margins; never unreadable."""
        if step <= 0:
            return self
        shrink = 0.85**step
        return replace(
            self,
            body_size=max(MIN_BODY_SIZE, self.body_size - 0.25 * step),
            name_size=max(self.body_size * 1.6, self.name_size - step),
            heading_size=max(MIN_BODY_SIZE + 1, self.heading_size - 0.25 * step),
            margin=max(MIN_MARGIN, self.margin - 0.05 * step),
            leading=max(0.4, self.leading * shrink),
            section_gap=self.section_gap * shrink,
            entry_gap=self.entry_gap * shrink,
        )

    def as_json_ready(self) -> dict[str, Any]:
        return asdict(self)


THEMES: dict[str, Theme] = {
    "classic": Theme(
        name="classic",
        pdf_font="Caladea",
        docx_font="Cambria",
        body_size=10.5,
        name_size=22,
        heading_size=12,
        accent="1A1A1A",
        text_colour="1A1A1A",
        muted_colour="404040",
        margin=0.75,
        leading=0.55,
        section_gap=12,
        entry_gap=10,
        header_align="center",
        heading_rule=True,
        header_rule=False,
        heading_caps=True,
    ),
    "modern": Theme(
        name="modern",
        pdf_font="Carlito",
        docx_font="Calibri",
        body_size=11,
        name_size=26,
        heading_size=13,
        accent="1F4E79",
        text_colour="222222",
        muted_colour="555555",
        margin=0.75,
        leading=0.55,
        section_gap=13,
        entry_gap=10,
        header_align="left",
        heading_rule=True,
        header_rule=True,
        heading_caps=False,
    ),
    "compact": Theme(
        name="compact",
        pdf_font="Carlito",
        docx_font="Calibri",
        body_size=10,
        name_size=18,
        heading_size=11,
        accent="2F2F2F",
        text_colour="1A1A1A",
        muted_colour="4A4A4A",
        margin=0.6,
        leading=0.45,
        section_gap=10,
        entry_gap=6,
        header_align="left",
        heading_rule=True,
        header_rule=False,
        heading_caps=True,
    ),
}

TEMPLATES: tuple[str, ...] = tuple(THEMES)


def theme_named(template: str) -> Theme:
    try:
        return THEMES[template]
    except KeyError:
        raise UnknownTemplate(
            f"No template {template!r}; choose one of {', '.join(TEMPLATES)}."
        ) from None


def check_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise UnknownPaper(f"No paper size {paper!r}; choose one of {', '.join(PAPERS)}.")
    return paper
