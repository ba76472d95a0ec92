"""RenderCV's themes (classic, sb2nov, engineeringresumes, engineeringclassic, moderncv), with
the résumé's own headings and RenderCV's locale set to its language (months, "present")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rendercv_fonts
import typst
from rendercv.api.functions import create_a_typst_file_from_a_python_dictionary

from tests.layouts.factory import MONTHS_LONG, MONTHS_SHORT, FictionalResume


def _date(when: object) -> str:
    return when.iso() if when is not None else "present"  # type: ignore[attr-defined]


def rendercv_input(resume: FictionalResume, theme: str) -> dict[str, Any]:
    sections: dict[str, list[Any]] = {}
    for kind, heading in resume.headings.items():
        if kind == "summary":
            sections[heading] = [resume.summary]
        elif kind == "work":
            sections[heading] = [
                {
                    "company": role.employer,
                    "position": role.title,
                    "location": role.city,
                    "start_date": role.start.iso(),
                    "end_date": _date(role.end),
                    "highlights": role.highlights,
                }
                for role in resume.roles
            ]
        elif kind == "education":
            sections[heading] = [
                {
                    "institution": study.institution,
                    "area": study.area,
                    "degree": study.degree,
                    "location": study.city,
                    "start_date": study.start.iso(),
                    "end_date": study.end.iso(),
                }
                for study in resume.studies
            ]
        elif kind == "skills":
            sections[heading] = [
                {"label": group.name, "details": ", ".join(group.keywords)}
                for group in resume.skills
            ]
        elif kind == "languages":
            sections[heading] = [", ".join(f"{n} ({level})" for n, level in resume.spoken)]
        else:
            sections[heading] = [", ".join(resume.interests)]
    return {
        "cv": {
            "name": resume.name,
            "location": f"{resume.city}, {resume.region}",
            "email": resume.email,
            "website": f"https://{resume.website}",
            "sections": sections,
        },
        "design": {"theme": theme},
        "locale": {
            "language": resume.language,
            "present": resume.present_word,
            "abbreviations_for_months": list(MONTHS_SHORT[resume.language]),
            "full_names_of_months": list(MONTHS_LONG[resume.language]),
        },
    }


# RenderCV's themes import @preview/fontawesome; packages are not downloaded here, so the
# compiler finds a local stand-in first.
TYPST_PACKAGES = Path(__file__).parent / "typst_packages"


def rendercv_pdf(resume: FictionalResume, theme: str, out: Path) -> None:
    """RenderCV writes the theme's Typst; the same Typst compiler RenderCV uses compiles it."""
    source = out.with_suffix(".typ")
    errors = create_a_typst_file_from_a_python_dictionary(rendercv_input(resume, theme), source)
    if errors:
        raise RuntimeError(f"RenderCV refused the input: {errors}")
    try:
        typst.compile(
            source,
            output=out,
            font_paths=[*rendercv_fonts.paths_to_font_folders],
            package_path=TYPST_PACKAGES,
        )
    finally:
        source.unlink(missing_ok=True)
