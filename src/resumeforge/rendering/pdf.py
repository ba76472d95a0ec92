"""PDF through Typst: one compiler for the process, templates as files, data as JSON input.

The data never becomes markup: it goes in through `sys.inputs` as a JSON string and the
templates place its strings as text, so `#`, `$`, `*`... print literally.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import typst

from resumeforge.rendering.errors import MissingFont, RenderFailed
from resumeforge.rendering.themes import FALLBACK_FONTS, PAPERS, Theme

TEMPLATES_DIR = Path(__file__).parent / "templates"
FONTS_DIR = Path(__file__).parent / "fonts"

# Typst breaks lines only where Unicode allows; a 60-letter token would run off the page.
# A zero-width space every few characters of such a token marks break points; the templates
# turn each into an empty box, so what is read back from the PDF is unchanged.
LONG_TOKEN = re.compile(r"\S{31,}")
BREAK_EVERY = 20
ZERO_WIDTH_SPACE = "\u200b"
# Strings under these keys are addresses, not display text: never altered.
VERBATIM_KEYS = frozenset({"url", "theme", "paper"})

# Scripts the template fonts lack, and the fallback font that must be installed to draw them.
SCRIPT_FONTS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "Arabic",
        "Noto Naskh Arabic",
        re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    ),
    ("Hebrew", "Noto Sans Hebrew", re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")),
    (
        "Chinese, Japanese or Korean",
        "Noto Sans CJK SC",
        re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"),
    ),
    ("emoji", "Noto Color Emoji", re.compile(r"[\U0001f300-\U0001faff\u2600-\u27bf]")),
)


@dataclass(frozen=True)
class CompiledPdf:
    content: bytes
    pages: int


def breakable(text: str) -> str:
    """Give over-long tokens (URLs, hashes, long compounds) invisible break points."""

    def split_token(match: re.Match[str]) -> str:
        token = match.group(0)
        chunks = [token[i : i + BREAK_EVERY] for i in range(0, len(token), BREAK_EVERY)]
        return ZERO_WIDTH_SPACE.join(chunks)

    return LONG_TOKEN.sub(split_token, text)


def prepare_for_typst(value: Any, key: str = "") -> Any:
    """A deep copy of the document data with every display string made breakable."""
    if key in VERBATIM_KEYS:
        return value
    if isinstance(value, str):
        return breakable(value)
    if isinstance(value, list):
        return [prepare_for_typst(item) for item in value]
    if isinstance(value, dict):
        return {k: prepare_for_typst(v, k) for k, v in value.items()}
    return value


@cache
def installed_families() -> frozenset[str]:
    """Font families Typst can use: ours, its own, and the system's (scanned once)."""
    fonts = typst.Fonts(include_system_fonts=True, font_paths=[str(FONTS_DIR)])
    return frozenset(fonts.families())


def check_fonts_cover(text: str) -> None:
    """Refuse to render a script no installed font draws, rather than print empty boxes."""
    for script, family, pattern in SCRIPT_FONTS:
        if pattern.search(text) and family not in installed_families():
            raise MissingFont(
                f"The text contains {script} characters and the font {family!r} is not "
                "installed on this server, so they would print as empty boxes."
            )


class TypstRenderer:
    """Owns the one Typst compiler; Typst caches fonts and parsed templates between renders."""

    def __init__(self) -> None:
        self._compiler = typst.Compiler(root=str(TEMPLATES_DIR), font_paths=[str(FONTS_DIR)])
        # A compiler is one mutable world (inputs, caches): one compilation at a time.
        self._lock = threading.Lock()

    def compile(self, template: str, payload: dict[str, Any]) -> CompiledPdf:
        data = json.dumps(prepare_for_typst(payload), ensure_ascii=False)
        check_fonts_cover(data)
        try:
            with self._lock:
                # `compile`, not `compile_with_warnings`: collecting diagnostics costs a third
                # more time, and our templates compile without warnings (tests check it).
                pdf = self._compiler.compile(
                    input=str(template_path(template)), format="pdf", sys_inputs={"data": data}
                )
        except typst.TypstError as error:
            raise RenderFailed(f"Typst failed on template {template!r}: {error.message}") from error
        assert isinstance(pdf, bytes)
        return CompiledPdf(content=pdf, pages=count_pages(pdf))

    def diagnostics(self, template: str, payload: dict[str, Any]) -> list[str]:
        """Typst's warnings for one compilation (tests use it to keep the templates clean)."""
        data = json.dumps(prepare_for_typst(payload), ensure_ascii=False)
        with self._lock:
            _, warnings = self._compiler.compile_with_warnings(
                input=str(template_path(template)), format="pdf", sys_inputs={"data": data}
            )
        return [warning.message for warning in warnings]


def template_path(template: str) -> Path:
    return TEMPLATES_DIR / f"{template}.typ"


def count_pages(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


_renderer: TypstRenderer | None = None
_renderer_lock = threading.Lock()


def renderer() -> TypstRenderer:
    """The process's Typst renderer, built on first use (font scanning takes a moment)."""
    global _renderer
    with _renderer_lock:
        if _renderer is None:
            _renderer = TypstRenderer()
        return _renderer


def document_payload(
    document: dict[str, Any], *, kind: str, theme: Theme, paper: str
) -> dict[str, Any]:
    """What a template reads: the printed document plus its theme, paper and fonts."""
    return {
        **document,
        "document": kind,
        "theme": theme.as_json_ready(),
        "paper": PAPERS[paper],
        "fallback_fonts": list(FALLBACK_FONTS),
    }
