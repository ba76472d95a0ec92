"""PDFium's per-character text lookups, the calls a PDF parse makes thousands of times.

pypdfium2's bindings convert every argument by its declared type and release the GIL around
each call, which costs several times what PDFium does for a character's box or colour. These
are bound to the same functions with their result type only: the text page's handle, an
index and buffers held here are passed as they are, and the GIL is kept (the calls are short,
and the parse runs alone in its worker process).
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def _bound(function: Any, result: type[ctypes._SimpleCData[Any]]) -> Any:
    """`function` (a pypdfium2 binding) called without argument conversion nor GIL release."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    return ctypes.PYFUNCTYPE(result)(address)


_GET_CHAR_BOX = _bound(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_GET_FILL_COLOR = _bound(pdfium_c.FPDFText_GetFillColor, ctypes.c_int)
_GET_FONT_SIZE = _bound(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_GET_FONT_INFO = _bound(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
_GET_FONT_WEIGHT = _bound(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int)
_GET_TEXT_OBJECT = _bound(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_GET_TEXT_RENDER_MODE = _bound(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int)
_HAS_UNICODE_MAP_ERROR = _bound(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int)
# A font name longer than this is read as no name.
_FONT_NAME_SIZE = 128

Box = tuple[float, float, float, float]  # left, right, bottom, top
Color = tuple[int, int, int, int]  # red, green, blue, alpha


class PageChars:
    """The characters of one PDFium text page, looked up by index."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.handle = textpage.raw
        # Out parameters, reused: a failed box lookup leaves the last box, as PDFium's own
        # out parameters would.
        self._box = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
        self._box_refs = tuple(ctypes.byref(value) for value in self._box)
        self._rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        self._rgba_refs = tuple(ctypes.byref(value) for value in self._rgba)
        self._font_name = ctypes.create_string_buffer(_FONT_NAME_SIZE)
        self._font_name_size = ctypes.c_ulong(_FONT_NAME_SIZE)
        self._font_flags = ctypes.c_int()
        self._font_flags_ref = ctypes.byref(self._font_flags)

    def box(self, index: int) -> Box:
        _GET_CHAR_BOX(self.handle, index, *self._box_refs)
        left, right, bottom, top = self._box
        return left.value, right.value, bottom.value, top.value

    def fill(self, index: int) -> Color | None:
        """The character's fill colour and alpha (0-255), None when PDFium has none."""
        if not _GET_FILL_COLOR(self.handle, index, *self._rgba_refs):
            return None
        red, green, blue, alpha = self._rgba
        return red.value, green.value, blue.value, alpha.value

    def font_size(self, index: int) -> float:
        return float(_GET_FONT_SIZE(self.handle, index))

    def unmapped(self, index: int) -> bool:
        """Whether PDFium could not map the character to Unicode."""
        return bool(_HAS_UNICODE_MAP_ERROR(self.handle, index))

    def font(self, index: int) -> tuple[str, int, int]:
        """The character's font: its name ("" when PDFium has none that fits), its weight and
        its descriptor's flags."""
        self._font_flags.value = 0
        length = _GET_FONT_INFO(
            self.handle, index, self._font_name, self._font_name_size, self._font_flags_ref
        )
        fits = 0 < length <= _FONT_NAME_SIZE  # PDFium writes no name that does not fit
        name = self._font_name.value.decode("latin-1", "replace") if fits else ""
        return name, _GET_FONT_WEIGHT(self.handle, index), self._font_flags.value

    def text_object(self, index: int) -> int:
        """The address of the text object that draws the character, 0 when there is none."""
        return int(_GET_TEXT_OBJECT(self.handle, index) or 0)

    @staticmethod
    def render_mode(text_object: int) -> int:
        """The text render mode of a text object (an address from `text_object`)."""
        return int(_GET_TEXT_RENDER_MODE(ctypes.c_void_p(text_object)))
