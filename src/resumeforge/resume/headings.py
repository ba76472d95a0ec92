"""The words résumé section headings are made of, and the section kind each one means."""

from __future__ import annotations

import re
import unicodedata

from resumeforge.resume.schemas import SectionKind

# Checked in this order: the first kind with a matching word wins, so "Volunteer Experience"
# is volunteering and "Research Experience" is not a job list.
KIND_WORDS: list[tuple[SectionKind, tuple[str, ...]]] = [
    (
        SectionKind.volunteer,
        ("volunteer", "volunteering", "community service", "community involvement"),
    ),
    (
        SectionKind.other,
        (
            "research",
            "coursework",
            "courses",
            "links",
            "patents",
            "talks",
            "presentations",
            "leadership",
            "teaching",
            "miscellaneous",
            "additional",
            "personal",
            "contact",
            "extracurricular",
            "memberships",
            "affiliations",
            "training",
        ),
    ),
    (SectionKind.projects, ("projects", "project", "portfolio")),
    (
        SectionKind.education,
        ("education", "academic", "academics", "studies", "schooling", "degrees"),
    ),
    (
        SectionKind.skills,
        (
            "skills",
            "skill",
            "technologies",
            "technical",
            "competencies",
            "competences",
            "expertise",
            "tools",
            "proficiencies",
            "strengths",
            "stack",
            "abilities",
        ),
    ),
    (
        SectionKind.awards,
        (
            "awards",
            "award",
            "honors",
            "honours",
            "achievements",
            "accomplishments",
            "scholarships",
            "distinctions",
        ),
    ),
    (
        SectionKind.certificates,
        (
            "certifications",
            "certification",
            "certificates",
            "certificate",
            "licenses",
            "licences",
            "accreditations",
        ),
    ),
    (SectionKind.publications, ("publications", "papers", "articles")),
    (SectionKind.languages, ("languages", "language")),
    (SectionKind.interests, ("interests", "hobbies", "activities")),
    (SectionKind.references, ("references", "referees")),
    (
        SectionKind.summary,
        (
            "summary",
            "profile",
            "objective",
            "about",
            "overview",
            "introduction",
            "highlights",
            "statement",
        ),
    ),
    (
        SectionKind.work,
        (
            "experience",
            "experiences",
            "employment",
            "work",
            "career",
            "positions",
            "history",
            "jobs",
            "internships",
            "appointments",
        ),
    ),
]
# Words that may sit in a heading without saying what it is ("Professional Experience").
FILLER_WORDS = {
    "and", "&", "of", "my", "professional", "relevant", "selected", "other", "key", "core",
    "recent", "related", "industry", "areas", "area", "skill", "and/or", "me", "honors",
    "summary", "qualifications", "invited", "technical", "information", "details", "for",
    "the", "in", "a", "volunteering", "work", "list", "all", "additional", "soft", "hard",
}  # fmt: skip
_ALL_WORDS = {word for _, words in KIND_WORDS for word in words if " " not in word}


def normalise_heading(text: str) -> str:
    """Lower-case words only: 'Honors & Awards:' → 'honors & awards'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w&/+ ]+", " ", text)
    return " ".join(text.split())


def heading_kind(text: str) -> SectionKind | None:
    """The kind a heading names, or None when its words are not a heading's words."""
    normal = normalise_heading(text)
    if not normal:
        return None
    for kind, words in KIND_WORDS:
        for word in words:
            if re.search(rf"\b{re.escape(word)}\b", normal):
                return kind
    return None


def is_vocabulary_heading(text: str) -> bool:
    """True when every word is a heading word or filler: 'Work Experience', 'SKILLS:'."""
    words = normalise_heading(text).replace("/", " ").split()
    if not words or len(words) > 6:
        return False
    known = [w for w in words if w in _ALL_WORDS]
    return bool(known) and all(w in _ALL_WORDS or w in FILLER_WORDS for w in words)
