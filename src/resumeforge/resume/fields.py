"""The text fields of a `Resume`, each with its path ("work[0].highlights[2]", "basics.name")."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from resumeforge.resume.schemas import Resume


def text_fields(resume: Resume) -> Iterator[tuple[str, str]]:
    """Every non-empty string the résumé states, outside `meta`, with its path."""
    for name in type(resume).model_fields:
        if name != "meta":
            yield from _strings(getattr(resume, name), name)


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if value.strip():
            yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
