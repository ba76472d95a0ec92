"""Whatever a client sends as a correction, the answer is the correction or a 422 naming the
fields: never another error."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from resumeforge.resume.corrections import SizeLimits, corrected_resume
from resumeforge.resume.errors import InvalidResume, ResumeTooLarge
from resumeforge.resume.schemas import Meta, Resume, Work

ORIGINAL = Resume(
    work=[Work(name="Fjordline", position="Engineer", startDate="2019", endDate="Present")],
    meta=Meta(source_text="Fjordline Engineer 2019 - Present", pages=1, extraction=["pdf"]),
)
LIMITS = SizeLimits(characters=5000, items=20)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=30),
    st.sampled_from(["2020-13", "2020-02", "Present", "heute", "", "2019-02-30", "x@y"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
item = st.dictionaries(
    st.sampled_from(["name", "position", "startDate", "endDate", "highlights", "date", "bogus"]),
    json_values,
    max_size=5,
)
section = st.dictionaries(
    st.sampled_from(["heading", "kind", "text", "items", "span"]),
    st.one_of(json_values, st.sampled_from(["work", "summary", "other"])),
    max_size=5,
)
bodies = st.fixed_dictionaries(
    {},
    optional={
        "basics": st.dictionaries(st.sampled_from(["name", "email", "x"]), json_values),
        "work": st.lists(item, max_size=4),
        "awards": st.lists(item, max_size=3),
        "meta": st.fixed_dictionaries(
            {},
            optional={
                "sections": st.lists(section, max_size=4),
                "sources": st.dictionaries(st.text(max_size=8), json_values, max_size=3),
                "language": json_values,
                "provenance": json_values,
            },
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(bodies)
def test_any_body_is_a_correction_or_a_clear_422(body: dict[str, Any]) -> None:
    try:
        correction = Resume.model_validate(body)  # what FastAPI does first
    except ValidationError:
        return  # answered 422 validation-error by the framework
    try:
        kept = corrected_resume(correction, sent=body, original=ORIGINAL, limits=LIMITS)
    except (InvalidResume, ResumeTooLarge) as problem:
        assert problem.status == 422
        return
    assert kept.meta.source_text == ORIGINAL.meta.source_text
    assert kept.meta.pages == 1
    assert set(kept.meta.provenance.values()) <= {"user"}
