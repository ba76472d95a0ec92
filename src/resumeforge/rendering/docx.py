"""DOCX with python-docx, built from Word styles so the applicant can restyle it in Word.

Name in "Title", label in "Subtitle", section headings in "Heading 1", bullets in
"List Bullet", entries in "Entry Title"/"Entry Detail" with a right tab stop for the dates.
The theme (themes.py) gives the numbers, so the DOCX is a sibling of the template's PDF.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import cache

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from resumeforge.rendering.layout import (
    CONTACT_SEPARATOR,
    Entry,
    Header,
    PrintedLetter,
    PrintedResume,
    PrintedSection,
)
from resumeforge.rendering.themes import Theme
from resumeforge.rendering.wording import wording_for

# Style ids as Word stores them (the name without spaces); paragraphs reference styles by id.
STYLE_IDS = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading 1": "Heading1",
    "List Bullet": "ListBullet",
    "Entry Title": "EntryTitle",
    "Entry Detail": "EntryDetail",
    "Contact": "Contact",
}

PAGE_SIZES = {"letter": (Inches(8.5), Inches(11)), "a4": (Emu(7560310), Emu(10692130))}
ENTRY_TITLE, ENTRY_DETAIL, CONTACT, HYPERLINK = (
    "Entry Title",
    "Entry Detail",
    "Contact",
    "Hyperlink",
)


# --- styles --------------------------------------------------------------------------------


def set_font(style: BaseStyle, family: str) -> None:
    """Name the font for every script slot, dropping the theme fonts Word would prefer."""
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), family)


def set_bottom_rule(style: ParagraphStyle, *, colour: str, eighths_of_point: int) -> None:
    """A line under every paragraph of the style (section headings, the header)."""
    p_pr = style.element.get_or_add_pPr()
    existing = p_pr.find(qn("w:pBdr"))
    if existing is not None:
        p_pr.remove(existing)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(eighths_of_point))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), colour)
    border.append(bottom)
    # pBdr must precede spacing/ind in CT_PPr's sequence for Word to accept the file.
    p_pr.insert(0, border)


def drop_letter_spacing(style: ParagraphStyle) -> None:
    """Word's Subtitle is letter-spaced; the templates' label is not."""
    spacing = style.element.get_or_add_rPr().find(qn("w:spacing"))
    if spacing is not None:
        spacing.getparent().remove(spacing)


def remove_bottom_rule(style: ParagraphStyle) -> None:
    p_pr = style.element.get_or_add_pPr()
    existing = p_pr.find(qn("w:pBdr"))
    if existing is not None:
        p_pr.remove(existing)


def paragraph_style(document: WordDocument, name: str) -> ParagraphStyle:
    """Word's built-in style `name`, or a new one based on Normal."""
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
    assert isinstance(style, ParagraphStyle)
    return style


def style_text(
    style: ParagraphStyle | CharacterStyle, theme: Theme, *, size: float, colour: str
) -> None:
    set_font(style, theme.docx_font)
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor.from_string(colour)


def text_width(document: WordDocument) -> Emu:
    section = document.sections[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    # python-docx reads None for a page size the XML leaves out; every template here sets it.
    assert page is not None and left is not None and right is not None
    return Emu(page - left - right)


def drop_unused_styles(document: WordDocument) -> None:
    """Remove python-docx's ~100 table styles and the Word 2010 duplicate of styles.xml.

    They are never used here, and parsing and compressing them was half of each render's time.
    The template's thumbnail goes too: it shows a blank page in file browsers.
    """
    styles_root = document.styles.element
    for style in styles_root.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) != "TableNormal":
            styles_root.remove(style)
    document_part = document.part
    for rel_id, relationship in list(document_part.rels.items()):
        if relationship.reltype.endswith("/stylesWithEffects"):
            document_part.drop_rel(rel_id)
    package = document_part.package
    for rel_id, relationship in list(package.rels.items()):
        if relationship.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def set_up_page(document: WordDocument, theme: Theme, paper: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZES[paper]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(theme.margin))


def set_up_styles(document: WordDocument, theme: Theme) -> None:
    """Restyle Word's built-in styles to the theme and add the entry styles."""
    body, line_gap = theme.body_size, theme.body_size * theme.leading
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    style_text(normal, theme, size=body, colour=theme.text_colour)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(line_gap)
    normal.paragraph_format.line_spacing = 1.0

    title = paragraph_style(document, "Title")
    style_text(title, theme, size=theme.name_size, colour=theme.accent)
    title.font.bold = True
    title.paragraph_format.space_after = Pt(2)
    title.paragraph_format.alignment = alignment_of(theme)
    remove_bottom_rule(title)

    subtitle = paragraph_style(document, "Subtitle")
    style_text(subtitle, theme, size=body * 1.15, colour=theme.muted_colour)
    subtitle.font.italic = False
    drop_letter_spacing(subtitle)
    subtitle.paragraph_format.space_after = Pt(2)
    subtitle.paragraph_format.alignment = alignment_of(theme)

    contact = paragraph_style(document, CONTACT)
    style_text(contact, theme, size=body, colour=theme.muted_colour)
    contact.paragraph_format.alignment = alignment_of(theme)
    contact.paragraph_format.space_after = Pt(4)
    if theme.header_rule:
        set_bottom_rule(contact, colour=theme.accent, eighths_of_point=16)

    heading = paragraph_style(document, "Heading 1")
    style_text(heading, theme, size=theme.heading_size, colour=theme.accent)
    heading.font.bold = True
    heading.font.all_caps = theme.heading_caps
    heading.paragraph_format.space_before = Pt(theme.section_gap)
    heading.paragraph_format.space_after = Pt(4)
    heading.paragraph_format.keep_with_next = True
    set_bottom_rule(heading, colour=theme.accent, eighths_of_point=4)

    tab_at = text_width(document)
    entry_title = paragraph_style(document, ENTRY_TITLE)
    entry_title.paragraph_format.space_before = Pt(theme.entry_gap)
    entry_title.paragraph_format.space_after = Pt(0)
    entry_title.paragraph_format.keep_with_next = True
    entry_title.paragraph_format.tab_stops.add_tab_stop(tab_at, WD_TAB_ALIGNMENT.RIGHT)

    entry_detail = paragraph_style(document, ENTRY_DETAIL)
    entry_detail.paragraph_format.space_after = Pt(line_gap / 2)
    entry_detail.paragraph_format.keep_with_next = True
    entry_detail.paragraph_format.tab_stops.add_tab_stop(tab_at, WD_TAB_ALIGNMENT.RIGHT)

    bullet = paragraph_style(document, "List Bullet")
    bullet.paragraph_format.space_after = Pt(line_gap / 2)
    # The PDF's bullet hangs just inside the margin; Word's default indent is twice as deep.
    bullet.paragraph_format.left_indent = Inches(0.25)
    bullet.paragraph_format.first_line_indent = Inches(-0.15)

    link = document.styles.add_style(HYPERLINK, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(link, CharacterStyle)
    link.font.color.rgb = RGBColor.from_string(theme.accent)


def alignment_of(theme: Theme) -> WD_ALIGN_PARAGRAPH:
    return WD_ALIGN_PARAGRAPH.CENTER if theme.header_align == "center" else WD_ALIGN_PARAGRAPH.LEFT


# --- content -------------------------------------------------------------------------------


def add_paragraph(document: WordDocument, text: str = "", style: str = "Normal") -> Paragraph:
    """A paragraph in `style`, set by id: python-docx's lookup by name scans every style."""
    paragraph = document.add_paragraph(text)
    if style != "Normal":
        paragraph._p.style = STYLE_IDS[style]
    return paragraph


def add_run(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, colour: str = ""
) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)


def add_hyperlink(paragraph: Paragraph, text: str, url: str, *, bold: bool = False) -> None:
    """A clickable run: Word has no API for it, so the w:hyperlink element is built here."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), HYPERLINK)
    r_pr.append(style)
    if bold:
        r_pr.append(OxmlElement("w:b"))
    run.append(r_pr)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def add_header(document: WordDocument, header: Header, theme: Theme) -> None:
    if header.name:
        add_paragraph(document, header.name, style="Title")
    if header.label:
        add_paragraph(document, header.label, style="Subtitle")
    if header.contacts:
        line = add_paragraph(document, style=CONTACT)
        for position, contact in enumerate(header.contacts):
            if position:
                add_run(line, CONTACT_SEPARATOR)
            if contact.url:
                add_hyperlink(line, contact.text, contact.url)
            else:
                add_run(line, contact.text)


def add_entry(document: WordDocument, entry: Entry, theme: Theme) -> None:
    title_line = add_paragraph(document, style=ENTRY_TITLE)
    if entry.url:
        add_hyperlink(title_line, entry.title, entry.url, bold=True)
    else:
        add_run(title_line, entry.title, bold=True)
    if entry.dates:
        add_run(title_line, "\t" + entry.dates, colour=theme.muted_colour)
    if entry.subtitle or entry.location:
        detail = add_paragraph(document, style=ENTRY_DETAIL)
        if entry.subtitle:
            add_run(detail, entry.subtitle, italic=True)
        if entry.location:
            add_run(detail, "\t" + entry.location, colour=theme.muted_colour)
    if entry.text:
        add_paragraph(document, entry.text)
    if entry.keywords:
        add_run(add_paragraph(document), entry.keywords, italic=True, colour=theme.muted_colour)
    for bullet in entry.bullets:
        add_paragraph(document, bullet, style="List Bullet")


def add_section(document: WordDocument, section: PrintedSection, theme: Theme) -> None:
    add_paragraph(document, section.heading, style="Heading 1")
    for entry in section.entries:
        add_entry(document, entry, theme)
    for row in section.rows:
        paragraph = add_paragraph(document)
        if row.label:
            add_run(paragraph, row.label + ": ", bold=True)
        add_run(paragraph, row.text)
    for text in section.paragraphs:
        add_paragraph(document, text)


def set_properties(document: WordDocument, *, title: str, author: str, subject: str) -> None:
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.subject = subject
    properties.comments = ""
    properties.keywords = ""
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = now
    properties.modified = now


@cache
def styled_template(theme: Theme, paper: str) -> bytes:
    """An empty document with the theme's page and styles, built once per theme and paper."""
    document = Document()
    drop_unused_styles(document)
    set_up_page(document, theme, paper)
    set_up_styles(document, theme)
    return saved(document)


def new_document(theme: Theme, paper: str) -> WordDocument:
    return Document(io.BytesIO(styled_template(theme, paper)))


def saved(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_language(document: WordDocument, language: str) -> None:
    """Mark the text as written in `language`, so Word spell-checks it in that language."""
    locale = wording_for(language).word_locale
    document.core_properties.language = locale
    normal = document.styles["Normal"].element
    r_pr = normal.get_or_add_rPr()
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), locale)


def resume_docx(printed: PrintedResume, theme: Theme, paper: str) -> bytes:
    document = new_document(theme, paper)
    subject = wording_for(printed.lang).resume_title
    set_properties(document, title=printed.title, author=printed.author, subject=subject)
    set_language(document, printed.lang)
    add_header(document, printed.header, theme)
    for section in printed.sections:
        add_section(document, section, theme)
    return saved(document)


def letter_docx(printed: PrintedLetter, theme: Theme, paper: str) -> bytes:
    document = new_document(theme, paper)
    set_properties(document, title=printed.title, author=printed.author, subject="Cover letter")
    add_header(document, printed.header, theme)
    letter_gap = Pt(theme.body_size * 0.9)
    if printed.date:
        add_paragraph(document, printed.date).paragraph_format.space_before = Pt(24)
    if printed.recipient_lines:
        block = add_paragraph(document)
        block.paragraph_format.space_before = Pt(8)
        for position, line in enumerate(printed.recipient_lines):
            if position:
                block.add_run().add_break()
            block.add_run(line)
    for text in [printed.greeting, *printed.paragraphs, printed.closing]:
        if text:
            add_paragraph(document, text).paragraph_format.space_before = letter_gap
    signature = add_paragraph(document)
    signature.paragraph_format.space_before = Pt(theme.body_size * 2.5)
    add_run(signature, printed.signature, bold=True)
    return saved(document)
