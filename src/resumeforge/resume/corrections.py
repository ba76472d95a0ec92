"""A user's correction of a parsed résumé: checked as strictly as a parse, marked as theirs.

The correction may change any field, but not what the document said: its text, where each
item came from, how it was read and its page count stay the original parse's. What the user
wrote that the document does not say is marked with provenance "user" (`meta.provenance`), so
grounding takes it as source and the report can say whose statement it is.
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from resumeforge.resume.checks import LIST_KINDS
from resumeforge.resume.contact import EMAIL_RE
from resumeforge.resume.dates import PRESENT
from resumeforge.resume.errors import InvalidResume, ResumeTooLarge
from resumeforge.resume.fields import text_fields
from resumeforge.resume.language import LANGUAGES, OPEN_END_WORDS, resume_language
from resumeforge.resume.schemas import Meta, Resume, SectionKind

USER = "user"
# What a parse stores as a date: a year, a month, a day, or (an end) the open end.
ISO_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
DATE_FIELDS = ("startDate", "endDate", "date", "releaseDate")
BODY = "body"  # the field paths of a request body start here, as FastAPI's own do


@dataclass(frozen=True)
class SizeLimits:
    characters: int  # all the text the user typed, together
    items: int  # per list (jobs, bullets, skills...)

    def at_least_as_large_as(self, original: Resume) -> SizeLimits:
        """These limits, raised to the parse's own size: its parse can always be sent back."""
        return SizeLimits(
            max(self.characters, _characters(original)),
            max(self.items, max((count for _, count in _list_lengths(original)), default=0)),
        )


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


def corrected_resume(
    correction: Resume, *, sent: Any, original: Resume, limits: SizeLimits
) -> Resume:
    """The correction ready to keep, or InvalidResume / ResumeTooLarge naming each field.

    `sent` is the JSON as the client sent it: a key the model does not know would otherwise
    be dropped silently, and with it the user's edit.
    """
    _check_size(correction, limits.at_least_as_large_as(original))
    problems = [*unknown_fields(sent, Resume, BODY), *value_problems(correction, original)]
    if problems:
        raise InvalidResume(
            "; ".join(f"{p.field}: {p.message}" for p in problems[:20]),
            errors=[{"field": p.field, "message": p.message} for p in problems],
        )
    resume = correction.model_copy(deep=True)
    _normalise_open_ends(resume)
    resume.meta = _kept_meta(resume.meta, original.meta)
    resume.meta.language = resume.meta.language or resume_language(original)
    resume.meta.provenance = user_provenance(resume, original)
    return resume


def _characters(resume: Resume) -> int:
    characters = sum(len(text) for _, text in text_fields(resume))
    return characters + sum(len(s.heading) + len(s.text) for s in resume.meta.sections)


def _check_size(resume: Resume, limits: SizeLimits) -> None:
    characters = _characters(resume)
    if characters > limits.characters:
        raise ResumeTooLarge(
            f"The résumé holds {characters} characters of text; the limit is "
            f"{limits.characters}, about what the longest document we read can hold."
        )
    for path, count in _list_lengths(resume):
        if count > limits.items:
            raise ResumeTooLarge(f"{path} has {count} entries; the limit is {limits.items}.")


def _list_lengths(value: object, path: str = BODY) -> Iterator[tuple[str, int]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _list_lengths(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        yield path, len(value)
        for index, item in enumerate(value):
            yield from _list_lengths(item, f"{path}.{index}")


def unknown_fields(sent: Any, model: type[BaseModel], path: str) -> Iterator[FieldProblem]:
    """Keys in `sent` that `model` has no field for, at any depth."""
    if not isinstance(sent, dict):
        return
    fields = model.model_fields
    for key, value in sent.items():
        if key not in fields:
            yield FieldProblem(f"{path}.{key}", "unknown field")
            continue
        yield from _unknown_in_value(value, fields[key].annotation, f"{path}.{key}")


def _unknown_in_value(value: Any, annotation: Any, path: str) -> Iterator[FieldProblem]:
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        for argument in arguments:
            if argument is not type(None):
                yield from _unknown_in_value(value, argument, path)
        return
    if origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unknown_in_value(item, arguments[0], f"{path}.{index}")
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _unknown_in_value(item, arguments[1], f"{path}.{key}")
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from unknown_fields(value, annotation, path)


def value_problems(resume: Resume, original: Resume) -> list[FieldProblem]:
    """What a parse never produces: dates not in its form, sections pointing at no item,
    spans outside the document's text, a malformed email, a language we do not know."""
    return [
        *_date_problems(resume),
        *_section_problems(resume),
        *_source_problems(resume, original),
        *_basics_problems(resume),
    ]


def _date_problems(resume: Resume) -> Iterator[FieldProblem]:
    for kind in LIST_KINDS:
        for index, item in enumerate(getattr(resume, kind.value)):
            for name in DATE_FIELDS:
                value = getattr(item, name, "")
                if value and not _is_date(value, open_end=name == "endDate"):
                    yield FieldProblem(
                        f"{BODY}.{kind.value}.{index}.{name}",
                        "use YYYY, YYYY-MM or YYYY-MM-DD"
                        + (", or Present for an open end" if name == "endDate" else ""),
                    )


def _is_date(value: str, *, open_end: bool) -> bool:
    if ISO_DATE.match(value.strip()):
        return True
    return open_end and _is_open_end(value)


def _is_open_end(value: str) -> bool:
    return value.strip().casefold().replace("’", "'") in OPEN_END_WORDS


def _section_problems(resume: Resume) -> Iterator[FieldProblem]:
    for position, section in enumerate(resume.meta.sections):
        path = f"{BODY}.meta.sections.{position}"
        if not section.heading.strip():
            yield FieldProblem(f"{path}.heading", "a section needs a heading")
        if section.items is None:
            continue
        if section.kind in {SectionKind.summary, SectionKind.other}:
            yield FieldProblem(f"{path}.items", f"a {section.kind.value} section has no items")
            continue
        size = len(getattr(resume, section.kind.value))
        if any(not 0 <= item < size for item in section.items):
            yield FieldProblem(
                f"{path}.items", f"{section.kind.value} has {size} entries, numbered from 0"
            )
        if len(set(section.items)) != len(section.items):
            yield FieldProblem(f"{path}.items", "an entry is listed twice")


def _source_problems(resume: Resume, original: Resume) -> Iterator[FieldProblem]:
    length = len(original.meta.source_text)
    for key, span in resume.meta.sources.items():
        if not 0 <= span.start <= span.end <= length:
            yield FieldProblem(
                f"{BODY}.meta.sources.{key}", f"outside the document's text (0 to {length})"
            )


def _basics_problems(resume: Resume) -> Iterator[FieldProblem]:
    email = resume.basics.email.strip()
    if email and not EMAIL_RE.fullmatch(email):
        yield FieldProblem(f"{BODY}.basics.email", "not an email address")
    language = resume.meta.language
    if language and language.casefold() not in LANGUAGES:
        yield FieldProblem(f"{BODY}.meta.language", f"one of {', '.join(LANGUAGES)}")


def _normalise_open_ends(resume: Resume) -> None:
    """ "heute", "En cours": stored as the parse stores an open end, printed in the language."""
    for kind in LIST_KINDS:
        for item in getattr(resume, kind.value):
            if _is_open_end(getattr(item, "endDate", "") or ""):
                item.endDate = PRESENT


def _kept_meta(corrected: Meta, original: Meta) -> Meta:
    """The user's sections, sources and language; the document's text, readers and pages."""
    return corrected.model_copy(
        update={
            "source_text": original.source_text,
            "extraction": list(original.extraction),
            "pages": original.pages,
        }
    )


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def user_provenance(resume: Resume, original: Resume) -> dict[str, str]:
    """Paths whose text neither the document's text nor any field of its parse states."""
    document_text = _normal(original.meta.source_text)
    parsed = {_normal(text) for _, text in text_fields(original)}
    return {
        path: USER
        for path, text in text_fields(resume)
        if (normal := _normal(text)) not in parsed and normal not in document_text
    }
