"""Errors rendering can raise; each is a problem-details error a client may see."""

from __future__ import annotations

from resumeforge.errors import InvalidRequest, ProblemError, UnprocessableContent


class UnknownTemplate(InvalidRequest):
    slug, title = "unknown-template", "Unknown template"


class UnknownPaper(InvalidRequest):
    slug, title = "unknown-paper", "Unknown paper size"


class InvalidFitPages(InvalidRequest):
    slug, title = "invalid-fit-pages", "fit_pages must be 1 or 2"


class MissingFont(UnprocessableContent):
    """Text uses a script no installed font can draw; rendering it would drop characters."""

    slug, title = "missing-font", "No font can draw some of the text"


class RenderFailed(ProblemError):
    """The document engine failed on input it should have accepted: a bug on our side."""

    status, slug, title = 500, "render-failed", "The document could not be rendered"
