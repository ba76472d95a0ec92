"""Plain text and Markdown as lines; Markdown headings and emphasis become layout hints."""

from __future__ import annotations

import re

from resumeforge.documents.parsing.layout import TextLine, make_line

_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS_RE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*$")
_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_SPLIT_RE = re.compile(r"\t+| {3,}")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1, which never fails."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_text_lines(text: str) -> list[TextLine]:
    lines = []
    for raw in text.splitlines():
        if re.fullmatch(r"\s*([-=*_])\1{2,}\s*", raw):
            continue  # Markdown rules and setext underlines
        heading = bool(_HEADING_RE.match(raw))
        emphasis = _EMPHASIS_RE.match(_HEADING_RE.sub("", raw))
        body = emphasis.group(2) if emphasis else _HEADING_RE.sub("", raw)
        links = [match.group(2) for match in _LINK_RE.finditer(body)]
        body = _LINK_RE.sub(lambda match: f"{match.group(1)} {match.group(2)}", body)
        body = re.sub(r"(\*\*|__)", "", body)
        line = make_line(
            _SPLIT_RE.split(body), styled_heading=heading, bold=bool(emphasis), links=links
        )
        if line is not None:
            lines.append(line)
    return lines
