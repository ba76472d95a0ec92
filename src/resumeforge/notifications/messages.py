"""Notifications and mails rendered from the template files in `templates/`.

Each message is `<name>.txt` and `<name>.html`, extending the layouts `_layout.txt` and
`_layout.html`. The text template's `subject` block is the mail's subject and the title in the
app; its `summary` block is the body in the app. HTML is autoescaped; a missing variable is an
error, never an empty hole in a receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape

TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class InAppMessage:
    title: str
    body: str


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template_names() -> list[str]:
    """Every message that has both a text and an HTML template."""
    names = {path.stem for path in TEMPLATES_DIR.glob("[!_]*.txt")}
    return sorted(name for name in names if (TEMPLATES_DIR / f"{name}.html").exists())


def _block(template: Template, name: str, context: Mapping[str, Any]) -> str:
    render = template.blocks.get(name)
    if render is None:
        raise LookupError(f"template {template.name} has no {name!r} block")
    return "".join(render(template.new_context(dict(context)))).strip()


def _text_template(name: str) -> Template:
    return _environment().get_template(f"{name}.txt")


def render_in_app(name: str, context: Mapping[str, Any]) -> InAppMessage:
    """The title and short body a user reads in the app."""
    template = _text_template(name)
    return InAppMessage(
        title=_block(template, "subject", context), body=_block(template, "summary", context)
    )


def render_mail(name: str, context: Mapping[str, Any]) -> RenderedMail:
    """Subject, plain-text and HTML bodies of one mail."""
    text_template = _text_template(name)
    subject = " ".join(_block(text_template, "subject", context).split())
    return RenderedMail(
        subject=subject,
        text=text_template.render(context).strip() + "\n",
        html=_environment().get_template(f"{name}.html").render({**context, "subject": subject}),
    )
