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
from resumeforge.documents.parsing.layout import ReadingNotes, TextLine, make_line

# Tag names are resolved thousands of times a document and python-docx's `qn` parses each one.
_tag = functools.cache(qn)
_SPLIT_RE = re.compile(r"\t+| {3,}")
_LIST_STYLE_NAMES = ("List Bullet", "List Number")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A table cell with this many lines or more is a column of a layout table, not a field.
_COLUMN_CELL_LINES = 3
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


def read_docx_lines(data: bytes, *, notes: ReadingNotes | None = None) -> list[TextLine]:
    """Header, body and footer lines of a DOCX in reading order; text boxes and the columns
    of layout tables are read whole, one after another (and listed in `notes.columns`)."""
    notes = notes if notes is not None else ReadingNotes()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for a damaged package
        raise CorruptFile(f"The DOCX cannot be opened ({type(error).__name__}).") from None
    styles = _Styles(document)
    links = _hyperlink_targets(document)
    reading = _Reading(styles, links)
    lines: list[TextLine] = []
    for section in document.sections[:1]:
        for part in (section.first_page_header, section.header):
            if part.is_linked_to_previous and part is not section.first_page_header:
                continue
            lines.extend(_page_furniture(_walk(part._element, reading)))
    lines.extend(_walk(document.element.body, reading))
    for section in document.sections[:1]:
        lines.extend(_page_furniture(_walk(section.footer._element, reading)))
    if reading.text_boxes:
        notes.columns.append(
            f"{reading.text_boxes} text box(es) were read one after another, each whole."
        )
    if reading.column_tables:
        notes.columns.append(
            f"{reading.column_tables} table(s) laid out as columns were read column by column."
        )
    return _drop_repeats(lines)


class _Reading:
    """What every paragraph's reading needs, and what the reading noticed."""

    def __init__(self, styles: _Styles, links: dict[str, str]) -> None:
        self.styles, self.links = styles, links
        self.text_boxes = 0
        self.column_tables = 0


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


def _walk(element: Any, reading: _Reading) -> Iterator[TextLine]:
    for child in element.iterchildren():
        if child.tag == _tag("w:p"):
            boxes = _text_boxes(child)
            line = _paragraph_line(child, reading.styles, reading.links, skip_boxes=bool(boxes))
            if line is not None:
                yield line
            for box in boxes:
                reading.text_boxes += 1
                yield from _walk(box, reading)
        elif child.tag == _tag("w:tbl"):
            yield from _table_lines(child, reading)
        elif child.tag in _CONTAINERS:
            yield from _walk(child, reading)


def _text_boxes(paragraph: Any) -> list[Any]:
    """The floating text boxes anchored in a paragraph, left to right.

    A text box is stored twice inside mc:AlternateContent (a DrawingML choice and a VML
    fallback); only the choice is read. Boxes inside boxes are read with their own box.
    """
    boxes = [
        box
        for box in paragraph.iter(_tag("w:txbxContent"))
        if _closest(box, _tag("w:p")) is paragraph and not _inside(box, _FALLBACK, paragraph)
    ]
    return sorted(boxes, key=_horizontal_offset)


def _closest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _inside(element: Any, tag: str, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _horizontal_offset(box: Any) -> int:
    anchor = _closest(box, _tag("wp:anchor"))
    offset = (
        anchor.find(f"{_tag('wp:positionH')}/{_tag('wp:posOffset')}")
        if anchor is not None
        else None
    )
    try:
        return int(offset.text) if offset is not None and offset.text else 0
    except ValueError:
        return 0


def _table_lines(table: Any, reading: _Reading) -> Iterator[TextLine]:
    """A row's cells side by side, the n-th line of each cell making one line, as printed;
    a row whose cells hold whole columns of text (a sidebar beside the body) cell by cell."""
    as_columns = False
    for row in table.iter(_tag("w:tr")):
        if row.getparent() is not table:
            continue
        cells = [list(_walk(cell, reading)) for cell in row.iter(_tag("w:tc")) if _owned(cell, row)]
        if len(cells) > 1 and max(len(cell) for cell in cells) >= _COLUMN_CELL_LINES:
            as_columns = True
            yield from (line for cell in cells for line in cell)
            continue
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
    reading.column_tables += as_columns


def _owned(cell: Any, row: Any) -> bool:
    parent = cell.getparent()
    while parent is not None and parent.tag != _tag("w:tr"):
        parent = parent.getparent()
    return parent is row


def _paragraph_line(
    paragraph: Any, styles: _Styles, links: dict[str, str], *, skip_boxes: bool
) -> TextLine | None:
    text_parts: list[str] = []
    bold_flags: list[bool] = []  # of the runs in the line's first piece
    sizes: list[float] = []
    in_first_piece = True
    style_id = _style_id(paragraph)
    for run in paragraph.iter(_tag("w:r")):
        if skip_boxes and _closest(run, _tag("w:p")) is not paragraph:
            continue  # a text box's run: its box is read as lines of its own
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
