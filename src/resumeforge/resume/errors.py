"""What is wrong with a résumé a user sent or is about to pay for, as client-facing 422s."""

from __future__ import annotations

from resumeforge.errors import UnprocessableContent


class InvalidResume(UnprocessableContent):
    """A corrected résumé that a parse could not have produced; `errors` lists each field."""

    slug, title = "invalid-resume", "The résumé is not valid"


class ResumeTooLarge(UnprocessableContent):
    slug, title = "resume-too-large", "The résumé is larger than allowed"


class ResumeHasNoSections(UnprocessableContent):
    """Nothing but a header was read: tailoring it would pay for an empty page."""

    slug, title = "resume-has-no-sections", "The résumé has no sections to tailor"


class ResumeHasNoExperienceOrEducation(UnprocessableContent):
    slug, title = (
        "resume-has-no-experience-or-education",
        "The résumé lists no experience and no education",
    )
