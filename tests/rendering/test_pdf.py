"""Typst-side details: long words get break points, scripts without a font are refused."""

from __future__ import annotations

import pytest

from resumeforge.rendering import pdf
from resumeforge.rendering.errors import MissingFont
from resumeforge.rendering.pdf import ZERO_WIDTH_SPACE, breakable, prepare_for_typst
from resumeforge.rendering.service import render_resume_pdf
from resumeforge.resume.schemas import Resume


def test_only_over_long_tokens_get_break_points() -> None:
    assert breakable("short words stay as they are") == "short words stay as they are"
    long_word = "x" * 45
    assert breakable(long_word).replace(ZERO_WIDTH_SPACE, "") == long_word
    assert breakable(long_word).count(ZERO_WIDTH_SPACE) == 2


def test_addresses_are_never_altered() -> None:
    url = "https://example.com/" + "a" * 60
    prepared = prepare_for_typst({"url": url, "text": url, "items": [{"url": url}]})
    assert prepared["url"] == url
    assert prepared["items"][0]["url"] == url
    assert ZERO_WIDTH_SPACE in prepared["text"]


def test_a_script_no_installed_font_draws_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "installed_families", lambda: frozenset({"Caladea"}))
    resume = Resume.model_validate({"basics": {"name": "王小明"}})
    with pytest.raises(MissingFont, match="Chinese, Japanese or Korean"):
        render_resume_pdf(resume)
