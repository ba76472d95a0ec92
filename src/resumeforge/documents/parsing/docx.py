"""DOCX text with layout: paragraphs in order (tables, content controls), styles, bold, size.

python-docx skips paragraphs inside content controls (w:sdt), which Google Docs exports use
everywhere, so the body is walked as XML.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn

from resumeforge.documents.errors import CorruptFile
from resumeforge.documents.parsing.layout import TextLine, make_line

# Tag names are resolved thousands of times a document and python-docx's `qn` parses each one.
_tag = functools.cache(qn)
_SPLIT_RE = re.compile(r"\t+| {3,}")
_LIST_STYLE_NAMES = ("List Bullet", "List Number")
_CONTAINERS = {
    _tag("w:sdt"),
    _tag("w:sdtContent"),
    _tag("w:customXml"),
    _tag("w:ins"),
    _tag("w:smartTag"),
}


class _Styles:
    """Style names, their bold/size and whether they make list items, looked up by style id."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        self.size: dict[str, float] = {}
        self.listed: set[str] = set()
        numbered: dict[str, bool | None] = {}
        based_on: dict[str, str] = {}
        for style in document.styles:
            style_id = style.style_id
            self.names[style_id] = style.name or ""
            font = getattr(style, "font", None)
            if font is not None:
                self.bold[style_id] = bool(font.bold)
                if font.size is not None:
                    self.size[style_id] = font.size.pt
            numbered[style_id] = _numbering(style.element)
            base = style.element.find(_tag("w:basedOn"))
            if base is not None:
                based_on[style_id] = str(base.get(_tag("w:val")))
        for style_id, name in self.names.items():
            if name.startswith(_LIST_STYLE_NAMES) or _inherits_numbering(
                style_id, numbered, based_on
            ):
                self.listed.add(style_id)


def _numbering(element: Any) -> bool | None:
    """True when the paragraph properties number it, False when they turn numbering off."""
    properties = element.find(_tag("w:pPr"))
    numbering = properties.find(_tag("w:numPr")) if properties is not None else None
    if numbering is None:
        return None
    number = numbering.find(_tag("w:numId"))
    return number is None or number.get(_tag("w:val")) != "0"


def _inherits_numbering(
    style_id: str, numbered: dict[str, bool | None], based_on: dict[str, str]
) -> bool:
    seen: set[str] = set()
    while style_id not in seen:
        seen.add(style_id)
        if numbered.get(style_id) is not None:
            return bool(numbered[style_id])
        if style_id not in based_on:
            return False
        style_id = based_on[style_id]
    return False


def read_docx_lines(data: bytes) -> list[TextLine]:
    """Header, body and footer lines of a DOCX in reading order."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for a damaged package
        raise CorruptFile(f"The DOCX cannot be opened ({type(error).__name__}).") from None
    styles = _Styles(document)
    links = _hyperlink_targets(document)
    lines: list[TextLine] = []
    for section in document.sections[:1]:
        for part in (section.first_page_header, section.header):
            if part.is_linked_to_previous and part is not section.first_page_header:
                continue
            lines.extend(_page_furniture(_walk(part._element, styles, links)))
    lines.extend(_walk(document.element.body, styles, links))
    for section in document.sections[:1]:
        lines.extend(_page_furniture(_walk(section.footer._element, styles, links)))
    return _drop_repeats(lines)


def _page_furniture(lines: Iterator[TextLine]) -> Iterator[TextLine]:
    """Header and footer lines: read for contact details, never as a section's content."""
    for line in lines:
        line.furniture = True
        yield line


def _hyperlink_targets(document: Any) -> dict[str, str]:
    return {
        rel_id: rel.target_ref
        for rel_id, rel in document.part.rels.items()
        if rel.reltype.endswith("/hyperlink")
    }


def _walk(element: Any, styles: _Styles, links: dict[str, str]) -> Iterator[TextLine]:
    for child in element.iterchildren():
        if child.tag == _tag("w:p"):
            line = _paragraph_line(child, styles, links)
            if line is not None:
                yield line
        elif child.tag == _tag("w:tbl"):
            yield from _table_lines(child, styles, links)
        elif child.tag in _CONTAINERS:
            yield from _walk(child, styles, links)


def _table_lines(table: Any, styles: _Styles, links: dict[str, str]) -> Iterator[TextLine]:
    """A row's cells side by side: the n-th line of each cell makes one line, as printed."""
    for row in table.iter(_tag("w:tr")):
        if row.getparent() is not table:
            continue
        cells = [
            list(_walk(cell, styles, links)) for cell in row.iter(_tag("w:tc")) if _owned(cell, row)
        ]
        depth = max((len(cell) for cell in cells), default=0)
        for index in range(depth):
            parts = [cell[index] for cell in cells if index < len(cell)]
            first = parts[0]
            yield TextLine(
                segments=[segment for part in parts for segment in part.segments],
                size=first.size,
                bold=first.bold,
                styled_heading=first.styled_heading,
                bullet=first.bullet,
                links=[link for part in parts for link in part.links],
            )


def _owned(cell: Any, row: Any) -> bool:
    parent = cell.getparent()
    while parent is not None and parent.tag != _tag("w:tr"):
        parent = parent.getparent()
    return parent is row


def _paragraph_line(paragraph: Any, styles: _Styles, links: dict[str, str]) -> TextLine | None:
    text_parts: list[str] = []
    bold_flags: list[bool] = []  # of the runs in the line's first piece
    sizes: list[float] = []
    in_first_piece = True
    style_id = _style_id(paragraph)
    for run in paragraph.iter(_tag("w:r")):
        text = _run_text(run)
        if not text:
            continue
        if text.strip():
            if in_first_piece and sizes:
                before = "".join(text_parts) + text[: len(text) - len(text.lstrip())]
                in_first_piece = not _SPLIT_RE.search(before.lstrip())
            properties = run.find(_tag("w:rPr"))
            if in_first_piece:
                bold_flags.append(_is_bold(properties, styles.bold.get(style_id, False)))
            sizes.append(_size(properties, styles.size.get(style_id, 0.0)))
        text_parts.append(text)
    found_links = [
        links[rel_id]
        for link in paragraph.iter(_tag("w:hyperlink"))
        if (rel_id := link.get(_tag("r:id"))) and rel_id in links
    ]
    style_name = styles.names.get(style_id, "")
    return make_line(
        _SPLIT_RE.split("".join(text_parts)),
        size=sizes[0] if sizes else 0.0,
        bold=bool(bold_flags) and all(bold_flags),
        styled_heading=style_name.startswith(("Heading", "heading", "Title")),
        bullet=_is_list_item(paragraph, style_id, styles),
        links=found_links,
    )


def _is_list_item(paragraph: Any, style_id: str, styles: _Styles) -> bool:
    """Numbered or bulleted by Word: its own numbering, else its style's."""
    numbered = _numbering(paragraph)
    return numbered if numbered is not None else style_id in styles.listed


def _style_id(paragraph: Any) -> str:
    properties = paragraph.find(_tag("w:pPr"))
    style = properties.find(_tag("w:pStyle")) if properties is not None else None
    return str(style.get(_tag("w:val"))) if style is not None else "Normal"


def _run_text(run: Any) -> str:
    pieces = []
    for child in run.iterchildren():
        if child.tag == _tag("w:t"):
            pieces.append(child.text or "")
        elif child.tag == _tag("w:tab") or child.tag in (_tag("w:br"), _tag("w:cr")):
            pieces.append("\t")
        elif child.tag == _tag("w:noBreakHyphen"):
            pieces.append("-")
    return "".join(pieces)


def _is_bold(properties: Any, style_bold: bool) -> bool:
    if properties is None:
        return style_bold
    bold = properties.find(_tag("w:b"))
    if bold is None:
        return style_bold
    return bold.get(_tag("w:val")) not in ("0", "false", "off")


def _size(properties: Any, style_size: float) -> float:
    size = properties.find(_tag("w:sz")) if properties is not None else None
    if size is None:
        return style_size
    try:
        return int(size.get(_tag("w:val"))) / 2
    except (TypeError, ValueError):
        return style_size


def _drop_repeats(lines: list[TextLine]) -> list[TextLine]:
    """A header repeated in the body (first-page header and default header) is read once."""
    seen: set[str] = set()
    result = []
    for index, line in enumerate(lines):
        key = line.text
        if index < 10 and key in seen:
            continue
        seen.add(key)
        result.append(line)
    return result
