"""DOCX text with layout: paragraphs in order (tables, content controls), styles, bold, size.

python-docx skips paragraphs inside content controls (w:sdt), which Google Docs exports use
everywhere, so the body is walked as XML.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.oxml.ns import qn

from resumeforge.documents.errors import CorruptFile
from resumeforge.documents.parsing.layout import ReadingNotes, TextLine, make_line

# Tag names are resolved thousands of times a document and python-docx's `qn` parses each one.
_tag = functools.cache(qn)
_SPLIT_RE = re.compile(r"\t+| {3,}")
_LINE_BREAK = "\n"
_LIST_STYLE_NAMES = ("List Bullet", "List Number")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A table cell with this many lines or more is a column of a layout table, not a field.
_COLUMN_CELL_LINES = 3
# A table of more rows than this is a table of entries, whatever its cells hold.
_LAYOUT_TABLE_ROWS = 3
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# The name is printed this many times larger than the common text of the page, or more,
# and a title under it this many times.
_NAME_SIZE_RATIO = 1.8
_LABEL_SIZE_RATIO = 1.2
_WORD_SIZE = 11.0
# Floating boxes (offsets in EMU, 914400 an inch): positioned from the page or its margins,
# a box this near the top is a banner, one this near the left edge and this tall a sidebar.
_PAGE_FRAMES = {"page", "margin", "topMargin", "leftMargin", "insideMargin"}
_PAGE_TOP_EMU = 1_400_000
_LEFT_EDGE_EMU = 1_800_000
_SIDEBAR_HEIGHT_EMU = 3_600_000
# Where most runs sit: a run directly in one of these is in no mc:Fallback.
_RUN_PARENTS = {_tag("w:p"), _tag("w:hyperlink")}
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
        self.default_size = _default_size(document.styles.element)
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


def _default_size(styles_element: Any) -> float:
    """The size of text no style or run sizes (w:docDefaults), Word's 11 pt when unset."""
    path = "/".join(_tag(t) for t in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:sz"))
    size = styles_element.find(path)
    try:
        return int(size.get(_tag("w:val"))) / 2 if size is not None else _WORD_SIZE
    except (TypeError, ValueError):
        return _WORD_SIZE


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
    lines.extend(_body_lines(document.element.body, reading))
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


@dataclass(slots=True)
class _Reading:
    """What every paragraph's reading needs, and what the reading noticed."""

    styles: _Styles
    links: dict[str, str]
    text_boxes: int = 0
    column_tables: int = 0
    # While the body is read, boxes drawn atop the page or down its left side are set aside
    # (banners with their top offset, sidebars with their left offset) to be read before the
    # body, wherever they are anchored.
    lifting: bool = False
    banners: list[tuple[int, list[TextLine]]] = field(default_factory=list)
    sidebars: list[tuple[int, list[TextLine]]] = field(default_factory=list)


def _box_lines(box: Any, reading: _Reading) -> Iterator[TextLine]:
    """A text box's lines, read whole where it is anchored, or set aside to be read first."""
    lifting, reading.lifting = reading.lifting, False  # a box inside a box stays inside it
    lines = list(_walk(box, reading))
    reading.lifting = lifting
    place = _box_place(box)
    if lifting and place.atop_the_page:
        reading.banners.append((place.top, lines))
    elif lifting and place.a_sidebar:
        reading.sidebars.append((place.left, lines))
    else:
        yield from lines


def _body_lines(body: Any, reading: _Reading) -> list[TextLine]:
    """The body in reading order: banners atop the page, the name if the body starts with it,
    the sidebar boxes, then the body's flow."""
    reading.lifting = True
    flow = list(_walk(body, reading))
    reading.lifting = False
    banners = [line for _, lines in sorted(reading.banners, key=_by_offset) for line in lines]
    sidebar = [line for _, lines in sorted(reading.sidebars, key=_by_offset) for line in lines]
    if not sidebar:
        return banners + flow
    return banners + list(_name_atop_a_column_first([sidebar, flow], reading.styles.default_size))


def _by_offset(placed: tuple[int, list[TextLine]]) -> int:
    return placed[0]


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
            if reading.lifting and _starts_a_page(child):
                reading.lifting = False  # only the first page's banner and sidebar lead
            boxes = _text_boxes(child)
            yield from _paragraph_lines(
                child, reading.styles, reading.links, skip_boxes=bool(boxes)
            )
            for box in boxes:
                reading.text_boxes += 1
                yield from _box_lines(box, reading)
        elif child.tag == _tag("w:tbl"):
            yield from _table_lines(child, reading)
        elif child.tag in _CONTAINERS:
            yield from _walk(child, reading)


def _starts_a_page(paragraph: Any) -> bool:
    """Word marks where a page began when it last laid the text out, and a typed page break."""
    if paragraph.find(f".//{_tag('w:lastRenderedPageBreak')}") is not None:
        return True
    return any(br.get(_tag("w:type")) == "page" for br in paragraph.iter(_tag("w:br")))


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
    return sorted(boxes, key=lambda box: _box_place(box).left)


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


@dataclass(slots=True, frozen=True)
class _BoxPlace:
    """Where a floating text box is drawn: EMU offsets and what they are measured from."""

    left: int
    top: int
    height: int
    left_from: str  # page, margin, column, character, ... ("" when not stated)
    top_from: str
    at_left_edge: bool  # aligned left, or offset close to the page's left edge

    @property
    def atop_the_page(self) -> bool:
        """A banner at the top of the page (a name, a title), wherever its anchor is."""
        return (
            self.top_from in _PAGE_FRAMES
            and self.top < _PAGE_TOP_EMU
            and self.height < _SIDEBAR_HEIGHT_EMU
        )

    @property
    def a_sidebar(self) -> bool:
        """A tall box down the page's left side: the column read before the body beside it."""
        return (
            self.left_from in _PAGE_FRAMES
            and self.at_left_edge
            and self.height >= _SIDEBAR_HEIGHT_EMU
        )


def _box_place(box: Any) -> _BoxPlace:
    anchor = _closest(box, _tag("wp:anchor"))
    if anchor is None:
        return _BoxPlace(0, 0, 0, "", "", at_left_edge=False)
    horizontal = anchor.find(_tag("wp:positionH"))
    vertical = anchor.find(_tag("wp:positionV"))
    extent = anchor.find(_tag("wp:extent"))
    left = _offset(horizontal)
    aligned_left = horizontal is not None and (
        horizontal.findtext(_tag("wp:align")) in ("left", "inside")
    )
    return _BoxPlace(
        left=left,
        top=_offset(vertical),
        height=_emu(extent.get("cy") if extent is not None else None),
        left_from=str(horizontal.get("relativeFrom", "")) if horizontal is not None else "",
        top_from=str(vertical.get("relativeFrom", "")) if vertical is not None else "",
        at_left_edge=aligned_left or (horizontal is not None and left < _LEFT_EDGE_EMU),
    )


def _offset(position: Any) -> int:
    return _emu(position.findtext(_tag("wp:posOffset")) if position is not None else None)


def _emu(text: str | None) -> int:
    try:
        return int(text) if text else 0
    except ValueError:
        return 0


def _table_lines(table: Any, reading: _Reading) -> Iterator[TextLine]:
    """A table as people lay it out: a layout table (a sidebar beside the main column, each
    column holding whole blocks of text) column by column; otherwise row by row, a row whose
    cell holds an entry (dates beside the job) cell by cell, and a row of short cells (a skills
    grid, a field and its value) as one line, the n-th line of each cell side by side."""
    rows = [
        [list(_walk(cell, reading)) for cell in row.iter(_tag("w:tc")) if _owned(cell, row)]
        for row in table.iterchildren(_tag("w:tr"))
    ]
    rows = [cells for cells in rows if any(cells)]
    if _is_layout_table(rows):
        reading.column_tables += 1
        columns = _columns_of(rows)
        yield from _name_atop_a_column_first(columns, reading.styles.default_size)
        return
    for cells in rows:
        if _is_entry_row(cells):
            yield from (line for cell in cells for line in cell)
        else:
            yield from _side_by_side(cells)


def _is_entry_row(cells: list[list[TextLine]]) -> bool:
    return len(cells) > 1 and max(len(cell) for cell in cells) >= _COLUMN_CELL_LINES


def _is_layout_table(rows: list[list[list[TextLine]]]) -> bool:
    """Few rows, and every column holds a block of text somewhere: a page laid out in columns.
    A column of short cells beside long ones (dates, side headings) makes it a table of
    entries instead, read row by row."""
    width = max((len(cells) for cells in rows), default=0)
    if width < 2 or len(rows) > _LAYOUT_TABLE_ROWS:
        return False
    if len(rows) > 1 and all(
        _YEAR_RE.search(" ".join(line.plain for line in cells[0])) for cells in rows
    ):
        return False  # each row opens with its dates: one dated entry a row
    for column in range(width):
        cells = [cells[column] for cells in rows if column < len(cells)]
        if max((len(cell) for cell in cells), default=0) < _COLUMN_CELL_LINES:
            return False
    return True


def _columns_of(rows: list[list[list[TextLine]]]) -> list[list[TextLine]]:
    """Each column's lines, top to bottom across the rows, left column first."""
    width = max(len(cells) for cells in rows)
    return [
        [line for cells in rows if column < len(cells) for line in cells[column]]
        for column in range(width)
    ]


def _name_atop_a_column_first(
    columns: list[list[TextLine]], default_size: float
) -> Iterator[TextLine]:
    """A sidebar layout prints the name atop the main column, not the sidebar: a column whose
    first line is the table's largest type, well above its common size, is the page's header
    and is read first, with the larger lines under it (a title)."""

    def size(line: TextLine) -> float:
        return line.size or default_size

    sizes = sorted(size(line) for column in columns for line in column)
    header: list[TextLine] = []
    if sizes:
        common = sizes[len(sizes) // 2]
        for column in columns[1:]:
            first = column[0] if column else None
            if first is None or size(first) < max(sizes) or size(first) < _NAME_SIZE_RATIO * common:
                continue
            header.append(first)
            for line in column[1:3]:
                if size(line) < _LABEL_SIZE_RATIO * common:
                    break
                header.append(line)
            break
    yield from header
    for column in columns:
        yield from (line for line in column if not any(line is lifted for lifted in header))


def _side_by_side(cells: list[list[TextLine]]) -> Iterator[TextLine]:
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


def _paragraph_lines(
    paragraph: Any, styles: _Styles, links: dict[str, str], *, skip_boxes: bool
) -> list[TextLine]:
    """A paragraph's lines: one, or one per piece between the line breaks (Shift+Enter) typed in
    it, which start a new printed line. A list item's breaks stay inside its one item."""
    style_id = _style_id(paragraph)
    bullet = _is_list_item(paragraph, style_id, styles)
    pieces: list[list[tuple[str, Any]]] = [[]]
    for run in paragraph.iter(_tag("w:r")):
        if skip_boxes and _closest(run, _tag("w:p")) is not paragraph:
            continue  # a text box's run: its box is read as lines of its own
        if run.getparent().tag not in _RUN_PARENTS and _inside(run, _FALLBACK, paragraph):
            continue  # the same content as the mc:Choice beside it, which is read
        text = _run_text(run)
        if bullet:
            text = text.replace(_LINE_BREAK, "\t")
        for index, part in enumerate(text.split(_LINE_BREAK)):
            if index:
                pieces.append([])
            if part:
                pieces[-1].append((part, run.find(_tag("w:rPr"))))
    found_links = [
        links[rel_id]
        for link in paragraph.iter(_tag("w:hyperlink"))
        if (rel_id := link.get(_tag("r:id"))) and rel_id in links
    ]
    lines = []
    for runs in pieces:
        line = _line_of_runs(runs, styles, style_id, bullet=bullet)
        if line is not None:
            lines.append(line)
    if lines:
        lines[0].links = found_links
    return lines


def _line_of_runs(
    runs: list[tuple[str, Any]], styles: _Styles, style_id: str, *, bullet: bool
) -> TextLine | None:
    text_parts: list[str] = []
    bold_flags: list[bool] = []  # of the runs in the line's first piece
    sizes: list[float] = []
    in_first_piece = True
    for text, properties in runs:
        if text.strip():
            if in_first_piece and sizes:
                before = "".join(text_parts) + text[: len(text) - len(text.lstrip())]
                in_first_piece = not _SPLIT_RE.search(before.lstrip())
            if in_first_piece:
                bold_flags.append(_is_bold(properties, styles.bold.get(style_id, False)))
            sizes.append(_size(properties, styles.size.get(style_id, 0.0)))
        text_parts.append(text)
    style_name = styles.names.get(style_id, "")
    # A typed rule ("Skills ______") is left to make_line, which reads it as a heading's rule.
    return make_line(
        _SPLIT_RE.split("".join(text_parts)),
        size=sizes[0] if sizes else 0.0,
        bold=bool(bold_flags) and all(bold_flags),
        styled_heading=style_name.startswith(("Heading", "heading", "Title")),
        bullet=bullet,
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
        elif child.tag == _tag("w:tab"):
            pieces.append("\t")
        elif child.tag in (_tag("w:br"), _tag("w:cr")):
            pieces.append(_LINE_BREAK)
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
    """A page header printed twice (first-page header and default header) or again atop the
    body is read once; a body line repeating another body line (a title that is also the
    headline) is kept."""
    in_headers: set[str] = set()
    result = []
    for index, line in enumerate(lines):
        if index < 10 and line.text in in_headers:
            continue
        if line.furniture:
            in_headers.add(line.text)
        result.append(line)
    return result
