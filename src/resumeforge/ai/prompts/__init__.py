"""Prompt templates, kept as files: `$name` placeholders filled by `string.Template`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template


@cache
def load_prompt(name: str) -> Template:
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text("utf-8")
    return Template(text)


def render_prompt(name: str, **values: str) -> str:
    return load_prompt(name).substitute(values)


def as_data(tag: str, text: str) -> str:
    """`text` fenced as data between <tag> markers it cannot close early."""
    cleaned = text.replace(f"</{tag}>", "").replace(f"<{tag}>", "")
    return f"<{tag}>\n{cleaned.strip()}\n</{tag}>"
