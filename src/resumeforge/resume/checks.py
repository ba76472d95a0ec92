"""Whether a résumé has anything to tailor: checked before any token or model call is spent."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from resumeforge.resume.errors import ResumeHasNoExperienceOrEducation, ResumeHasNoSections
from resumeforge.resume.schemas import Resume, SectionKind

HOW_TO_FIX = (
    "Review the résumé as we read it (GET /api/v1/documents/{id}), add what is missing and "
    "save it (PUT /api/v1/documents/{id}/resume), or send a complete résumé inline; "
    "no tokens were spent."
)
# Sections that list items; each kind's value is also the name of its list on `Resume`.
LIST_KINDS = tuple(kind for kind in SectionKind if kind not in {"summary", "other"})


def require_tailorable(resume: Resume) -> None:
    """Raise when the résumé has no sections, or neither experience nor education."""
    if not has_sections(resume):
        raise ResumeHasNoSections(
            "We found no section we could read in the résumé (experience, education, "
            "skills...): its headings may not have been recognised, and any text we could not "
            "sort is kept as written. " + HOW_TO_FIX
        )
    if not (_filled(resume.work) or _filled(resume.volunteer) or _filled(resume.education)):
        raise ResumeHasNoExperienceOrEducation(
            "We found no experience and no education in the résumé, so there is nothing to "
            "tailor to the job. " + HOW_TO_FIX
        )


def has_sections(resume: Resume) -> bool:
    """A section of a kind we know with text, or a list with an item.

    An `other` section does not count: it is where a parse keeps, as written, text it could
    not sort, all of it when it recognised no heading at all.
    """
    if any(s.text.strip() for s in resume.meta.sections if s.kind is not SectionKind.other):
        return True
    return any(_filled(getattr(resume, kind.value)) for kind in LIST_KINDS)


def _filled(items: Sequence[BaseModel]) -> bool:
    return any(_states_something(item) for item in items)


def _states_something(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, BaseModel):
        return any(_states_something(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, list):
        return any(_states_something(item) for item in value)
    return False
