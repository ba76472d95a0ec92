"""Reading a model's JSON answer: tolerant of prose and code fences around it, strict about
the schema. Anything unusable becomes `InvalidOutput` with errors the model can be shown."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from resumeforge.ai.errors import InvalidOutput
from resumeforge.ai.providers.base import OutputT

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)
MAX_ERRORS_SHOWN = 8


def parse_output(text: str, output_type: type[OutputT], *, truncated: bool = False) -> OutputT:
    if truncated:
        raise InvalidOutput("The answer was cut off at the output token limit (truncated JSON).")
    document = _json_document(text)
    try:
        return output_type.model_validate(document)
    except ValidationError as error:
        raise InvalidOutput(f"The JSON does not match the schema: {_describe(error)}") from None


def _json_document(text: str) -> Any:
    for candidate in _candidates(text):
        try:
            return json.loads(candidate)
        except json.JSONDecodeError:
            continue
    raise InvalidOutput("The answer is not a JSON object (or the JSON is incomplete).")


def _candidates(text: str) -> list[str]:
    """The answer itself, then fenced blocks, then the first balanced {...} in the prose."""
    stripped = text.strip()
    candidates = [stripped, *(block.strip() for block in _FENCE.findall(text))]
    start = stripped.find("{")
    if start >= 0:
        end = _matching_brace(stripped, start)
        if end is not None:
            candidates.append(stripped[start : end + 1])
    return candidates


def _matching_brace(text: str, start: int) -> int | None:
    depth, in_string, escaped = 0, False, False
    for position in range(start, len(text)):
        char = text[position]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position
    return None


def _describe(error: ValidationError) -> str:
    problems = [
        f"{'.'.join(str(part) for part in problem['loc']) or '(root)'}: {problem['msg']}"
        for problem in error.errors()[:MAX_ERRORS_SHOWN]
    ]
    return "; ".join(problems)


def schema_of(output_type: type[BaseModel]) -> dict[str, Any]:
    return output_type.model_json_schema()
