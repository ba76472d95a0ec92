"""The layout families: an engine and a layout each, and whether the parser may be tuned on it.

"Tuned" families are the ones the parser's rules may be developed on; "held out" families are
only ever scored, so their figure says how the parser does on layouts it has not seen. The
held-out half spans several engines (Typst, Chromium, JSON Resume, RenderCV, LaTeX, Word,
LibreOffice) so no engine's habits are learnt from one family and scored on its twin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.layouts import (
    render_docx,
    render_html,
    render_jsonresume,
    render_latex,
    render_rendercv,
    render_typst,
)
from tests.layouts.factory import SCRIPTS, TEX_SCRIPTS, FictionalResume


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a family wrote: the file, and what of the truth the engine decided itself."""

    path: Path
    # The headings as printed, when the engine prints its own rather than the résumé's.
    sections: list[str] | None = None
    # True when the engine formats the dates itself (the truth then gives them as ISO).
    engine_dates: bool = False
    phone_printed: bool = True


Renderer = Callable[[FictionalResume, Path], Rendered]


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    engine: str
    tuned: bool
    layout: str  # what a reader sees, for the truth file and the bench
    suffix: str  # "pdf" or "docx"
    render: Renderer
    scripts: tuple[str, ...] = SCRIPTS
    sizes: tuple[str, ...] = field(default=("short", "medium", "long"))


def _typst(template: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_typst.typst_pdf(resume, template, out)
        return Rendered(out, engine_dates=True)

    return render


def _chromium(template: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_html.chromium_pdf(resume, template, out)
        return Rendered(out)

    return render


def _libreoffice(template: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_html.libreoffice_from_html(resume, template, out)
        return Rendered(out)

    return render


def _rendercv(theme: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_rendercv.rendercv_pdf(resume, theme, out)
        return Rendered(out, engine_dates=True, phone_printed=False)

    return render


def _latex(layout: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_latex.latex_pdf(resume, layout, out)
        return Rendered(out)

    return render


def _docx_through_libreoffice(layout: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_docx.docx_as_pdf(resume, layout, out)
        return Rendered(out)

    return render


def _docx(layout: str) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_docx.DOCX_LAYOUTS[layout](resume, out)
        return Rendered(out)

    return render


# Headings each JSON Resume theme prints for a kind of section (None: printed without one).
THEME_HEADINGS: dict[str, dict[str, str | None]] = {
    "even": {"summary": None, "work": "Work", "education": "Education", "skills": "Skills",
             "languages": "Languages", "interests": "Interests"},
    "elegant": {"summary": "About", "work": "Work Experience", "education": "Education",
                "skills": "Skills", "languages": None, "interests": "Interests"},
    "flat": {"summary": "About", "work": "Work", "education": "Education", "skills": "Skills",
             "languages": "Languages", "interests": "Interests"},
    "kendall": {"summary": "About", "work": "Work Experience", "education": "Education",
                "skills": "Skills", "languages": None, "interests": "Interests"},
    "macchiato": {"summary": "Summary", "work": "Experience", "education": "Education",
                  "skills": None, "languages": "Languages", "interests": "Interests"},
    "stackoverflow": {"summary": "Summary", "work": "Work Experience",
                      "education": "Education", "skills": "Skills",
                      "languages": "Languages", "interests": "Interests"},
    "actual": {"summary": None, "work": "Experience", "education": "Education",
               "skills": "Skills", "languages": "Languages", "interests": "Interests"},
    # Each skill group is a sidebar heading of its own; there is no "Skills" heading.
    "caffeine": {"summary": "Summary", "work": "Experience", "education": "Education",
                 "skills": None, "languages": "Languages", "interests": "Interests"},
    "eloquent": {"summary": "About", "work": "Experience", "education": "Education",
                 "skills": "Skills", "languages": "Languages", "interests": "Interests"},
    "onepage": {"summary": "Summary", "work": "Experience", "education": "Education",
                "skills": "Skills", "languages": "Languages", "interests": "Interests"},
    # paper prints no summary and an empty "Personal" block for the interests.
    "paper": {"summary": None, "work": "Work Experience", "education": "Education",
              "skills": "Professional Skills Summary", "languages": "Languages",
              "interests": None},
}  # fmt: skip


def _theme(theme: str, *, photo: bool = False) -> Renderer:
    def render(resume: FictionalResume, out: Path) -> Rendered:
        render_jsonresume.theme_pdf(resume, theme, out, photo=photo)
        printed = [THEME_HEADINGS[theme].get(kind) for kind in resume.headings]
        return Rendered(out, sections=[h for h in printed if h], engine_dates=True)

    return render


FAMILIES: tuple[Family, ...] = (
    # the project's own Typst templates
    Family(
        "typst-classic",
        "typst",
        True,
        "one column, the project's classic template",
        "pdf",
        _typst("classic"),
    ),
    Family(
        "typst-modern",
        "typst",
        False,
        "one column, the project's modern template",
        "pdf",
        _typst("modern"),
    ),
    Family(
        "typst-compact",
        "typst",
        True,
        "dense one column, the project's compact template",
        "pdf",
        _typst("compact"),
    ),
    # our HTML printed by Chromium
    Family(
        "html-sidebar",
        "chromium",
        True,
        "two columns: dark sidebar with photo, icons, skill chips; main column",
        "pdf",
        _chromium("sidebar"),
    ),
    Family(
        "html-timeline",
        "chromium",
        False,
        "one column, dates in a left rail, headings with coloured first letters",
        "pdf",
        _chromium("timeline"),
    ),
    Family(
        "html-chips",
        "chromium",
        True,
        "one column, photo beside the name, icon contact line, small-caps headings, chips",
        "pdf",
        _chromium("chips"),
    ),
    Family(
        "html-table",
        "chromium",
        False,
        "tables throughout: header table, dates column, skills table",
        "pdf",
        _chromium("table"),
    ),
    # JSON Resume themes from npm, printed by Chromium
    Family("jsonresume-even", "jsonresume", True, "JSON Resume theme even", "pdf", _theme("even")),
    Family(
        "jsonresume-elegant",
        "jsonresume",
        False,
        "JSON Resume theme elegant (two columns)",
        "pdf",
        _theme("elegant"),
    ),
    Family("jsonresume-flat", "jsonresume", True, "JSON Resume theme flat", "pdf", _theme("flat")),
    Family(
        "jsonresume-kendall",
        "jsonresume",
        False,
        "JSON Resume theme kendall (sidebar)",
        "pdf",
        _theme("kendall"),
    ),
    Family(
        "jsonresume-macchiato",
        "jsonresume",
        True,
        "JSON Resume theme macchiato",
        "pdf",
        _theme("macchiato"),
    ),
    Family(
        "jsonresume-stackoverflow",
        "jsonresume",
        False,
        "JSON Resume theme stackoverflow",
        "pdf",
        _theme("stackoverflow"),
    ),
    # RenderCV's themes (Typst), headings and months in the résumé's language
    Family(
        "rendercv-classic", "rendercv", True, "RenderCV classic theme", "pdf", _rendercv("classic")
    ),
    Family(
        "rendercv-sb2nov", "rendercv", False, "RenderCV sb2nov theme", "pdf", _rendercv("sb2nov")
    ),
    Family(
        "rendercv-engineeringresumes",
        "rendercv",
        True,
        "RenderCV engineeringresumes theme",
        "pdf",
        _rendercv("engineeringresumes"),
    ),
    Family(
        "rendercv-engineeringclassic",
        "rendercv",
        False,
        "RenderCV engineeringclassic theme",
        "pdf",
        _rendercv("engineeringclassic"),
    ),
    Family(
        "rendercv-moderncv",
        "rendercv",
        False,
        "RenderCV moderncv theme: dates in a left column",
        "pdf",
        _rendercv("moderncv"),
    ),
    # LaTeX (pdflatex, T1 fonts: Latin names only)
    Family(
        "latex-article",
        "latex",
        False,
        "LaTeX article: small-caps ruled headings, dates flush right, itemize",
        "pdf",
        _latex("article"),
        scripts=TEX_SCRIPTS,
    ),
    Family(
        "latex-sidebar",
        "latex",
        True,
        "LaTeX paracol: a tinted left column with contact, skills, languages",
        "pdf",
        _latex("sidebar"),
        scripts=TEX_SCRIPTS,
    ),
    Family(
        "latex-curve",
        "latex",
        False,
        "LaTeX curve class: name and contact as headers, rubrics with dates in the margin",
        "pdf",
        _latex("curve"),
        scripts=TEX_SCRIPTS,
    ),
    # Word documents from python-docx
    Family(
        "docx-styles",
        "python-docx",
        True,
        "Word built-in styles: Heading 1, List Bullet, dates at a right tab",
        "docx",
        _docx("styles"),
    ),
    Family(
        "docx-tables",
        "python-docx",
        True,
        "Word, a borderless table per section",
        "docx",
        _docx("tables"),
    ),
    Family(
        "docx-two-column",
        "python-docx",
        False,
        "Word, the page as a two-column table (sidebar and main)",
        "docx",
        _docx("two-column"),
    ),
    Family(
        "docx-text-box",
        "python-docx",
        False,
        "Word, contact and skills in a floating text box beside the body",
        "docx",
        _docx("text-box"),
    ),
    Family(
        "docx-plain",
        "python-docx",
        True,
        "Word, no styles: bold capital headings, typed bullets",
        "docx",
        _docx("plain"),
    ),
    # LibreOffice conversions
    Family(
        "libreoffice-html-docx",
        "libreoffice",
        True,
        "HTML (table layout) opened by LibreOffice Writer and saved as DOCX",
        "docx",
        _libreoffice("table"),
    ),
    Family(
        "libreoffice-odt-pdf",
        "libreoffice",
        False,
        "HTML (timeline layout) through LibreOffice to ODT, then PDF",
        "pdf",
        _libreoffice("timeline"),
    ),
    Family(
        "libreoffice-docx-pdf",
        "libreoffice",
        True,
        "Word tables layout exported to PDF by LibreOffice",
        "pdf",
        _docx_through_libreoffice("tables"),
    ),
    Family(
        "docx-header",
        "python-docx",
        False,
        "Word, name, photo and contact in the page header; dates lead each entry at a tab",
        "docx",
        _docx("header"),
    ),
    # tuned families added for habits the first tuned set lacked
    Family(
        "html-banner",
        "chromium",
        True,
        "name in a coloured banner, right sidebar, dates in a grid column, one-line schools",
        "pdf",
        _chromium("banner"),
    ),
    Family(
        "html-rail",
        "chromium",
        True,
        "name over two lines, surname in spaced capitals; a date rail, the end under the start",
        "pdf",
        _chromium("rail"),
    ),
    Family(
        "jsonresume-actual",
        "jsonresume",
        True,
        "JSON Resume theme actual: skills, education and languages in a right column",
        "pdf",
        _theme("actual"),
    ),
    Family(
        "jsonresume-caffeine",
        "jsonresume",
        True,
        "JSON Resume theme caffeine: capitals, a left sidebar headed by each skill group",
        "pdf",
        _theme("caffeine", photo=True),
        # Past the first page the theme's floated main column keeps its width but moves to the
        # sidebar's place, so its right edge (the dates) is cut off: the truth would claim
        # dates no page prints. Short and medium résumés fit the first page.
        sizes=("short", "medium"),
    ),
    Family(
        "jsonresume-eloquent",
        "jsonresume",
        True,
        "JSON Resume theme eloquent: icons, durations beside dates, 'Area, Degree' schools",
        "pdf",
        _theme("eloquent"),
    ),
    Family(
        "jsonresume-onepage",
        "jsonresume",
        True,
        "JSON Resume theme onepage: headings in a label column, 'Employer, Title' lines",
        "pdf",
        _theme("onepage"),
    ),
    Family(
        "jsonresume-paper",
        "jsonresume",
        True,
        "JSON Resume theme paper: headings and dates in a left column, 'Title at Employer'",
        "pdf",
        _theme("paper"),
    ),
)

FAMILY_BY_NAME = {family.name: family for family in FAMILIES}
