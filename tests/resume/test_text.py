"""Text is cleaned of what PostgreSQL and UTF-8 refuse, wherever it enters the model."""

from __future__ import annotations

from resumeforge.resume.schemas import Resume
from resumeforge.resume.text import clean_text


def test_nul_and_lone_surrogates_are_cleaned_and_pairs_kept() -> None:
    assert clean_text("a\x00b") == "ab"
    assert clean_text("x\ud800y") == "x\ufffdy"
    assert clean_text("\ud83d\ude00") == "😀"  # a pair as JSON escapes it: one emoji
    assert clean_text("plain") == "plain"


def test_every_string_in_a_resume_is_cleaned_at_any_depth() -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada\x00", "profiles": [{"url": "https://a.example/\udc00"}]},
            "work": [{"highlights": ["fine", "bad\x00"]}],
            "meta": {"source_text": "Ada\x00 Lovelace"},
        }
    )
    dumped = resume.model_dump_json()
    assert "\\u0000" not in dumped
    dumped.encode("utf-8")  # raises on a lone surrogate
    assert resume.basics.name == "Ada"
    assert resume.meta.source_text == "Ada Lovelace"
