"""The last word on facts: whatever the tailored résumé says must already be in the source.

Every employer, title, institution, degree, date, number or metric, skill, certification and
URL in the output is looked up in the source résumé (its parsed text and its fields) after
normalisation; what is not found is reverted to the source text or removed, and reported.
Contact details are always copied from the source, never taken from the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from resumeforge.ai.keywords import find_skills, normalise, words
from resumeforge.ai.matching import resume_text
from resumeforge.ai.schemas import Revert, SourcedFact
from resumeforge.resume.corrections import USER
from resumeforge.resume.fields import text_fields
from resumeforge.resume.schemas import Meta, Resume

_NUMBER = re.compile(
    r"(?<![\w.])[$£€]?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(%|percent\b|k\b|m\b|mm\b|bn\b|b\b|x\b|\+))?"
)
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s,;)]+"
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+"
    r"|\b[\w-]+\.(?:com|org|io|net|dev|ai|co|edu|gov|uk)(?:/[^\s,;)]*)?\b"
)
_CAPITALISED = re.compile(r"(?<![\w'])([A-Z][A-Za-z0-9&'’.+-]*[A-Za-z0-9+]|[A-Z])")


def _term_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_MONTHS = frozenset(
    _term_list(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
_UNIT_NAMES = {"percent": "%"}

# Words that name a rank or a credential: new ones are a claim, whatever the capitalisation.
TITLE_TERMS = _term_list(
    "ceo cto cfo coo cio cmo vp svp evp chief president director founder co-founder cofounder "
    "owner partner principal manager lead senior staff architect supervisor chair chairman"
)
MULTIWORD_TITLES = ("vice president", "head of", "managing director", "general manager")
DEGREE_TERMS = _term_list(
    "phd ph.d doctorate doctoral mba msc m.sc m.s bsc b.sc b.s ba b.a m.a beng b.eng meng m.eng "
    "llb llm jd md bachelor bachelor's bachelors master master's masters associate's degree "
    "diploma postgraduate"
)
CERTIFICATION_TERMS = _term_list(
    "certified certification certificate licensed license accredited chartered pmp cpa cfa "
    "acca cima cissp ccna cisa prince2 itil"
)


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str


@dataclass(frozen=True)
class SourceFacts:
    """What the source résumé says, in the normalised forms facts are compared in."""

    text: str
    words: frozenset[str]
    numbers: frozenset[str]
    skills: frozenset[str]

    @classmethod
    def of(cls, resume: Resume, *, extra_text: str = "") -> SourceFacts:
        # What the user stated about themselves is a source too (architecture, invariant 8).
        stated = [statement.text for statement in resume.meta.user_statements]
        text = normalise(
            "\n".join([resume.meta.source_text, resume_text(resume), *stated, extra_text])
        )
        return cls(
            text=text,
            words=frozenset(words(text)) | _split_words(text),
            numbers=frozenset(_numbers(text)),
            skills=frozenset(find_skills(text)),
        )

    def says(self, phrase: str) -> bool:
        pattern = rf"(?<![a-z0-9]){re.escape(normalise(phrase))}(?![a-z0-9])"
        return re.search(pattern, self.text) is not None


def _split_words(text: str) -> frozenset[str]:
    # "Dunamu Inc." and "B.S." are words too once split on punctuation.
    return frozenset(re.findall(r"[a-z0-9]+", text))


def _numbers(normalised: str) -> list[str]:
    found = []
    for match in _NUMBER.finditer(normalised):
        digits = match.group(1).replace(",", "").rstrip(".")
        unit = _UNIT_NAMES.get(match.group(2) or "", match.group(2) or "")
        found += [digits + unit, digits]
    return found


def unsupported_facts(text: str, facts: SourceFacts) -> list[Fact]:
    """The facts in `text` that the source does not state, each once, in order of kind."""
    normalised = normalise(text)
    problems = [
        *_unsupported_numbers(normalised, facts),
        *_unsupported_urls(normalised, facts),
        *_unsupported_terms(normalised, facts),
        *[Fact("skill", s) for s in find_skills(text) if s not in facts.skills],
    ]
    already = {normalise(p.value) for p in problems}
    problems += [p for p in _unsupported_names(text, facts) if normalise(p.value) not in already]
    unique: dict[tuple[str, str], Fact] = {(p.kind, p.value): p for p in problems}
    return list(unique.values())


def _unsupported_numbers(normalised: str, facts: SourceFacts) -> list[Fact]:
    problems = []
    for match in _NUMBER.finditer(normalised):
        digits = match.group(1).replace(",", "").rstrip(".")
        unit = _UNIT_NAMES.get(match.group(2) or "", match.group(2) or "")
        if digits + unit in facts.numbers or (unit in {"", "+"} and digits in facts.numbers):
            continue
        is_year = len(digits) == 4 and digits.isdigit() and 1950 <= int(digits) <= 2099
        kind = "date" if is_year and not unit else "number"
        problems.append(Fact(kind, match.group(0).strip()))
    return problems


def _unsupported_urls(normalised: str, facts: SourceFacts) -> list[Fact]:
    return [
        Fact("url", match.group(0))
        for match in _URL.finditer(normalised)
        if match.group(0).rstrip("./") not in facts.text
    ]


def _unsupported_terms(normalised: str, facts: SourceFacts) -> list[Fact]:
    problems = []
    for kind, terms in (
        ("title", (*MULTIWORD_TITLES, *TITLE_TERMS)),
        ("degree", DEGREE_TERMS),
        ("certification", CERTIFICATION_TERMS),
    ):
        for term in terms:
            pattern = rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])"
            if re.search(pattern, normalised) and not facts.says(term):
                problems.append(Fact(kind, term))
    for word in words(normalised):
        if word in _MONTHS and word not in facts.words:
            problems.append(Fact("date", word))
    return problems


def _unsupported_names(text: str, facts: SourceFacts) -> list[Fact]:
    """Capitalised words mid-sentence (employers, institutions, places) the source never uses."""
    problems = []
    for match in _CAPITALISED.finditer(text):
        if match.group(1) == "I" or _starts_sentence(text, match.start()):
            continue
        parts = re.findall(r"[a-z0-9]+", normalise(match.group(1)))
        if parts and not all(part in facts.words for part in parts):
            problems.append(Fact("name", match.group(1)))
    return problems


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t\"'(“‘")
    return not before or before[-1] in ".!?:;•\n-–—"


# Fields of each item that identify it: they are never rewritten, only copied from the source.
IDENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "work": ("name", "position", "location", "url", "startDate", "endDate"),
    "volunteer": ("organization", "position", "url", "startDate", "endDate"),
    "education": (
        "institution",
        "url",
        "area",
        "studyType",
        "location",
        "startDate",
        "endDate",
        "score",
        "courses",
    ),
    "awards": ("title", "date", "awarder"),
    "certificates": ("name", "date", "issuer", "url"),
    "publications": ("name", "publisher", "releaseDate", "url"),
    "languages": ("language", "fluency"),
    "interests": ("name",),
    "references": ("name", "reference"),
    "projects": ("name", "startDate", "endDate", "url", "roles", "entity", "type"),
    "skills": ("name", "level"),
}
# Free-text fields of each item: rewritable, checked fact by fact.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "work": ("summary",),
    "volunteer": ("summary",),
    "awards": ("summary",),
    "publications": ("summary",),
    "projects": ("description",),
}
LIST_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "work": ("highlights",),
    "volunteer": ("highlights",),
    "projects": ("highlights", "keywords"),
    "skills": ("keywords",),
    "interests": ("keywords",),
}
IDENTITY_KIND = {
    "work": "employer",
    "volunteer": "employer",
    "education": "institution",
    "awards": "award",
    "certificates": "certification",
    "publications": "publication",
    "projects": "project",
    "skills": "skill",
}


@dataclass
class GroundingResult:
    resume: Resume
    reverts: list[Revert]


def ground_resume(
    source: Resume, tailored: Resume, *, originals: Mapping[str, str] | None = None
) -> GroundingResult:
    """`tailored` with every unsupported fact reverted to the source (or removed) and listed.

    `originals` maps a rewritten text (normalised) to the source text it replaced, so a bad
    rewrite goes back to what the résumé said rather than disappearing.
    """
    facts = SourceFacts.of(source)
    originals = originals or {}
    reverts: list[Revert] = []
    result = tailored.model_copy(deep=True)
    result.basics = _grounded_basics(source, tailored, facts, originals, reverts)
    for section in IDENTITY_FIELDS:
        kept = []
        for index, item in enumerate(getattr(result, section)):
            match = _source_item(section, item, getattr(source, section))
            path = f"{section}[{index}]"
            if match is None:
                reverts.append(_removed_item(section, path, item))
                continue
            kept.append(_grounded_item(section, path, item, match, facts, originals, reverts))
        setattr(result, section, kept)
    result.meta = source.meta.model_copy(deep=True, update={"sections": tailored.meta.sections})
    result.meta.sources = tailored.meta.sources
    # The source's paths no longer name the same text once items and bullets move; what the
    # output owes to the user is in the report (`user_sourced_facts`).
    result.meta.provenance = {}
    return GroundingResult(resume=result, reverts=reverts)


def _grounded_basics(
    source: Resume,
    tailored: Resume,
    facts: SourceFacts,
    originals: Mapping[str, str],
    reverts: list[Revert],
) -> Any:
    basics = source.basics.model_copy(deep=True)
    summary = tailored.basics.summary
    problems = unsupported_facts(summary, facts)
    if problems:
        reverts += _reverts("basics.summary", problems, summary)
        summary = originals.get(normalise(summary), source.basics.summary)
        if unsupported_facts(summary, facts):
            summary = source.basics.summary
    basics.summary = summary
    return basics


def _source_item(section: str, item: BaseModel, candidates: list[Any]) -> BaseModel | None:
    identity = _identity(section, item)
    for candidate in candidates:
        if _identity(section, candidate) == identity:
            return candidate  # type: ignore[no-any-return]
    return None


def _identity(section: str, item: BaseModel) -> tuple[str, ...]:
    return tuple(normalise(str(getattr(item, name))) for name in IDENTITY_FIELDS[section])


def _removed_item(section: str, path: str, item: BaseModel) -> Revert:
    fields = [str(getattr(item, name)) for name in IDENTITY_FIELDS[section]]
    value = " | ".join(field for field in fields if field and field != "[]")
    return Revert(
        path=path, kind=IDENTITY_KIND.get(section, section), value=value, action="removed"
    )


def _grounded_item(
    section: str,
    path: str,
    item: BaseModel,
    match: BaseModel,
    facts: SourceFacts,
    originals: Mapping[str, str],
    reverts: list[Revert],
) -> BaseModel:
    grounded = match.model_copy(deep=True)
    for name in TEXT_FIELDS.get(section, ()):
        text = str(getattr(item, name))
        problems = unsupported_facts(text, facts)
        if problems:
            reverts += _reverts(f"{path}.{name}", problems, text)
            text = str(getattr(match, name))
        setattr(grounded, name, text)
    for name in LIST_TEXT_FIELDS.get(section, ()):
        check = _keyword_supported if name == "keywords" else None
        entries = _grounded_entries(
            f"{path}.{name}", getattr(item, name), facts, originals, reverts, check
        )
        setattr(grounded, name, entries)
    return grounded


def _grounded_entries(
    path: str,
    entries: list[str],
    facts: SourceFacts,
    originals: Mapping[str, str],
    reverts: list[Revert],
    check: Callable[[str, SourceFacts], list[Fact]] | None,
) -> list[str]:
    kept = []
    for index, entry in enumerate(entries):
        problems = (check or unsupported_facts)(entry, facts)
        if not problems:
            kept.append(entry)
            continue
        original = originals.get(normalise(entry))
        if original is not None and not unsupported_facts(original, facts):
            reverts += _reverts(f"{path}[{index}]", problems, entry)
            kept.append(original)
        else:
            reverts += _reverts(f"{path}[{index}]", problems, entry, action="removed")
    return kept


def _keyword_supported(keyword: str, facts: SourceFacts) -> list[Fact]:
    return [] if facts.says(keyword) else [Fact("skill", keyword)]


def _reverts(path: str, problems: list[Fact], text: str, action: str = "reverted") -> list[Revert]:
    return [
        Revert(path=path, kind=p.kind, value=p.value, text=text, action=action) for p in problems
    ]


def user_sourced_facts(source: Resume, tailored: Resume) -> list[SourcedFact]:
    """The facts `tailored` states that only the user's own corrections support.

    They are source like the document's (grounding keeps them); this says whose they are.
    """
    statements = [
        (path, text)
        for path, text in text_fields(source)
        if source.meta.provenance.get(path) == USER
    ]
    if not statements:
        return []
    documented = [text for path, text in text_fields(source) if path not in source.meta.provenance]
    # The document alone: its text and the fields the user left as they were read.
    document = SourceFacts.of(
        Resume(meta=Meta(source_text="\n".join(documented))), extra_text=source.meta.source_text
    )
    output = SourceFacts.of(tailored.model_copy(update={"meta": Meta()}))
    found: dict[tuple[str, str], SourcedFact] = {}
    for path, text in statements:
        for fact in unsupported_facts(text, document):
            if output.says(fact.value) and (fact.kind, fact.value) not in found:
                found[(fact.kind, fact.value)] = SourcedFact(
                    path=path, kind=fact.kind, value=fact.value, provenance=USER
                )
    return list(found.values())
