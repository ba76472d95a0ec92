"""Edits to a résumé: the request that asks for them, and the code that applies them.

The model (or the offline engine) never returns a résumé, only edits addressed to items that
exist, in the source's own indices. Code applies those that are well-formed and whose
`original` still matches, and lists the rest as rejected. Every applied edit becomes a `Change`
with a stable id (derived from what it edits, in source indices), so a revision can replay the
same edits without the ones the user rejected.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from resumeforge.ai.grounding import SourceFacts
from resumeforge.ai.keywords import (
    canonical_skill,
    compound_senses,
    find_skills,
    is_verb_form,
    keyword_pattern,
    mentions,
    narrower_skills,
    normalise,
    sentences,
)
from resumeforge.ai.matching import resume_text
from resumeforge.ai.prompts import as_data, render_prompt
from resumeforge.ai.providers.base import StructuredRequest, Task, TaskInputs
from resumeforge.ai.schemas import Change, RejectedEdit, Revert, TailoringEdits
from resumeforge.ai.screening import stands_alone
from resumeforge.resume.schemas import Job, Resume, Section, SectionKind, Skill, UserStatement

# Sections whose items are a list on `Resume`, under the same name as their `SectionKind`.
LIST_SECTIONS = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
# Free text the model may rewrite: (section, field) for single texts and for bullet lists.
REWRITABLE_TEXT = {
    ("work", "summary"),
    ("volunteer", "summary"),
    ("awards", "summary"),
    ("publications", "summary"),
    ("projects", "description"),
}
REWRITABLE_BULLETS = {
    ("work", "highlights"),
    ("volunteer", "highlights"),
    ("projects", "highlights"),
}
BULLET_SECTIONS = ("work", "volunteer", "projects")
SUMMARY_PATHS = {"summary", "basics.summary"}
ORIGINAL_SIMILARITY = 0.85

_PATH = re.compile(
    r"^(?P<section>[a-z]+)\[(?P<item>\d+)\](?:\.(?P<field>[a-zA-Z]+)(?:\[(?P<index>\d+)\])?)?$"
)


def tailoring_request(
    resume: Resume, job: Job, job_text: str, keywords: list[str]
) -> StructuredRequest[TailoringEdits]:
    prompt = render_prompt(
        "tailor_resume",
        keywords=", ".join(keywords) or "(none found)",
        confirmed=", ".join(confirmed_keywords(resume)) or "(none)",
        resume_items=as_data("resume_items", resume_items(resume)),
        job_description=as_data("job_description", job_text),
    )
    return StructuredRequest(
        task=Task.tailor_resume,
        system=render_prompt("system"),
        prompt=prompt,
        output_type=TailoringEdits,
        inputs=TaskInputs(resume=resume, job=job, job_text=job_text),
    )


def resume_items(resume: Resume) -> str:
    """The résumé as the model sees it: one addressable item a line, `path: text`."""
    lines = [f"sections in order: {', '.join(section_names(resume))}"]
    if resume.basics.summary:
        lines.append(f"summary: {resume.basics.summary}")
    for section in LIST_SECTIONS:
        for index, item in enumerate(getattr(resume, section)):
            lines.append(f"{section}[{index}]: {_item_heading(section, item)}")
            for name in ("summary", "description"):
                text = getattr(item, name, "")
                if text:
                    lines.append(f"{section}[{index}].{name}: {text}")
            for bullet_index, bullet in enumerate(getattr(item, "highlights", [])):
                lines.append(f"{section}[{index}].highlights[{bullet_index}]: {bullet}")
            if section == "skills" and item.keywords:
                lines.append(f"{section}[{index}].keywords: {', '.join(item.keywords)}")
    return "\n".join(lines)


def _item_heading(section: str, item: Any) -> str:
    fields = (
        "position",
        "name",
        "organization",
        "institution",
        "studyType",
        "area",
        "title",
        "language",
        "startDate",
        "endDate",
    )
    values = [str(getattr(item, name)) for name in fields if getattr(item, name, "")]
    return " | ".join(values) or section


def section_names(resume: Resume) -> list[str]:
    """The résumé's sections in printed order, by kind (what `section_order` speaks)."""
    if resume.meta.sections:
        return [section.kind.value for section in resume.meta.sections]
    names = ["summary"] if resume.basics.summary else []
    return names + [section for section in LIST_SECTIONS if getattr(resume, section)]


@dataclass
class AppliedEdits:
    resume: Resume
    changes: list[Change] = field(default_factory=list)
    rejected: list[RejectedEdit] = field(default_factory=list)
    # A rewritten text (normalised) -> the source text it replaced, for the grounding check.
    originals: dict[str, str] = field(default_factory=dict)
    # Changes the edits would make but the caller asked to leave out (a revision's `reject`).
    undone: list[Change] = field(default_factory=list)


def apply_edits(
    source: Resume, edits: TailoringEdits, *, reject: Collection[str] = ()
) -> AppliedEdits:
    """`source` with `edits` applied; every edit is in the source's indices.

    An edit whose change id is in `reject` is left out, and listed in `undone`.
    """
    applied = _Applier(AppliedEdits(resume=source.model_copy(deep=True)), frozenset(reject))
    applied.summary(edits.summary)
    for rewrite in edits.rewrites:
        applied.rewrite(rewrite.path, rewrite.original, rewrite.text)
    for selection in edits.bullet_selections:
        applied.bullet_selection(selection.item, selection.keep)
    for skill in edits.skill_selections:
        applied.skill_selection(skill.group, skill.keywords)
    applied.items(edits)
    applied.section_order(edits.section_order)
    return applied.result


def confirmed_keywords(resume: Resume) -> list[str]:
    """The terms the user confirmed are true of them, as they typed them."""
    return [s.text for s in resume.meta.user_statements if s.kind == CONFIRMED_KEYWORD]


def with_confirmed_keywords(resume: Resume, keywords: Collection[str]) -> Resume:
    """`resume` with `keywords` recorded as the user's own statements (a source for grounding)."""
    result = resume.model_copy(deep=True)
    known = {normalise(text) for text in confirmed_keywords(result)}
    for keyword in keywords:
        if normalise(keyword) not in known:
            known.add(normalise(keyword))
            result.meta.user_statements.append(UserStatement(text=keyword, kind=CONFIRMED_KEYWORD))
    return result


def replace_confirmed_keywords(resume: Resume, keywords: Collection[str]) -> Resume:
    """`resume` with `keywords` as the user's confirmed terms instead of those it had."""
    result = resume.model_copy(deep=True)
    result.meta.user_statements = [
        s for s in result.meta.user_statements if s.kind != CONFIRMED_KEYWORD
    ]
    return with_confirmed_keywords(result, keywords)


CONFIRMED_KEYWORD = "confirmed_keyword"


class _Applier:
    """Applies edits one by one, each as a change with an id, unless that id is rejected."""

    def __init__(self, result: AppliedEdits, reject: frozenset[str]) -> None:
        self.result, self.reject = result, reject

    @property
    def resume(self) -> Resume:
        return self.result.resume

    def record(self, change: Change) -> bool:
        """Whether to apply `change`: it is recorded as applied, or as undone when rejected."""
        if change.id in self.reject:
            self.result.undone.append(change)
            return False
        self.result.changes.append(change)
        return True

    def refuse(self, edit: str, reason: str) -> None:
        self.result.rejected.append(RejectedEdit(edit=edit, reason=reason))

    def summary(self, summary: str) -> None:
        summary = summary.strip()
        current = self.resume.basics.summary
        if not summary or normalise(summary) == normalise(current):
            return
        reordered = sorted(sentences(summary)) == sorted(sentences(current))
        description = (
            "Put the summary's sentences about this job first."
            if reordered
            else "Rewrote the summary for this job."
        )
        change = Change(
            id="summary",
            kind="summary_order" if reordered else "summary",
            path="basics.summary",
            description=description,
            before=current,
            after=summary,
        )
        if self.record(change):
            self.result.originals[normalise(summary)] = current
            self.resume.basics.summary = summary

    def rewrite(self, path: str, original: str, text: str) -> None:
        text = text.strip()
        if path.strip() in SUMMARY_PATHS:
            self.summary(text)
            return
        match = _PATH.match(path.strip())
        if not match or not text:
            self.refuse(f"rewrite {path}", "not an editable path")
            return
        section, item_index, name, index = (
            match["section"],
            int(match["item"]),
            match["field"],
            match["index"],
        )
        editable = (section, name) in (REWRITABLE_BULLETS if index is not None else REWRITABLE_TEXT)
        items = getattr(self.resume, section, None) if section in LIST_SECTIONS else None
        if not editable or items is None or item_index >= len(items):
            self.refuse(f"rewrite {path}", "not an editable path")
            return
        item = items[item_index]
        if index is None:
            current = str(getattr(item, name))
        elif int(index) < len(getattr(item, name)):
            current = getattr(item, name)[int(index)]
        else:
            self.refuse(f"rewrite {path}", "no such bullet")
            return
        if original and not _same_text(original, current):
            self.refuse(f"rewrite {path}", "original text does not match")
            return
        if normalise(text) == normalise(current):
            return
        what = "a bullet" if index is not None else f"the {name}"
        change = Change(
            id=f"rewrite:{path.strip()}",
            kind="rewrite",
            path=path.strip(),
            description=f"Reworded {what} of {readable_heading(section, item)}.",
            before=current,
            after=text,
        )
        if not self.record(change):
            return
        if index is None:
            setattr(item, name, text)
        else:
            getattr(item, name)[int(index)] = text
        self.result.originals[normalise(text)] = current

    def item_at(self, path: str, sections: tuple[str, ...]) -> Any | None:
        match = _PATH.match(path.strip())
        if not match or match["field"] or match["section"] not in sections:
            return None
        items = getattr(self.resume, match["section"])
        index = int(match["item"])
        return items[index] if index < len(items) else None

    def bullet_selection(self, path: str, keep: list[int]) -> None:
        item = self.item_at(path, BULLET_SECTIONS)
        if item is None:
            self.refuse(f"select bullets of {path}", "no such item")
            return
        bullets = item.highlights
        chosen = list(dict.fromkeys(i for i in keep if 0 <= i < len(bullets)))
        if not chosen:
            self.refuse(f"select bullets of {path}", "would remove every bullet")
            return
        if chosen == list(range(len(bullets))):
            return
        section = path.strip().split("[", 1)[0]
        left_out = len(bullets) - len(chosen)
        description = f"{readable_heading(section, item)}: put the bullets about this job first"
        if left_out:
            description += f" and left out {_count(left_out, 'unrelated bullet')}"
        change = Change(
            id=f"bullets:{path.strip()}",
            kind="bullets",
            path=f"{path.strip()}.highlights",
            description=description + ".",
            before=_bullet_list(bullets),
            after=_bullet_list([bullets[i] for i in chosen]),
        )
        if self.record(change):
            item.highlights = [bullets[i] for i in chosen]

    def skill_selection(self, group: int, keywords: list[str]) -> None:
        skills = self.resume.skills
        if not 0 <= group < len(skills):
            self.refuse(f"select skills[{group}]", "no such skill group")
            return
        existing = {normalise(keyword): keyword for keyword in skills[group].keywords}
        chosen = list(
            dict.fromkeys(existing[normalise(k)] for k in keywords if normalise(k) in existing)
        )
        unknown = [k for k in keywords if normalise(k) not in existing]
        if unknown:
            reason = f"not in this skill group: {', '.join(unknown)}"
            self.refuse(f"select skills[{group}]", reason)
        if not chosen or chosen == skills[group].keywords:
            return
        name = f"“{skills[group].name}”" if skills[group].name else "a skills line"
        left_out = len(skills[group].keywords) - len(chosen)
        description = f"In {name}, put the skills this job asks for first"
        if left_out:
            description += f" and left out {_count(left_out, 'other skill')}"
        change = Change(
            id=f"skills:skills[{group}]",
            kind="skills",
            path=f"skills[{group}].keywords",
            description=description + ".",
            before=", ".join(skills[group].keywords),
            after=", ".join(chosen),
        )
        if self.record(change):
            skills[group].keywords = chosen

    def items(self, edits: TailoringEdits) -> None:
        """Drops and orders within each list section, then the items moved accordingly."""
        dropped = self.dropped_items(edits.drop_items)
        requested = {order.section: order.order for order in edits.item_orders}
        for section in LIST_SECTIONS:
            items = getattr(self.resume, section)
            drops = dropped.get(section, set())
            if drops and len(drops) >= len(items):
                self.refuse(f"drop every item of {section}", "a section keeps at least one item")
                drops = set()
            drops = {i for i in drops if self.record(self.drop_change(section, i, items[i]))}
            first = [i for i in dict.fromkeys(requested.get(section, [])) if 0 <= i < len(items)]
            proposed = first + [i for i in range(len(items)) if i not in first]
            kept_in_place = [i for i in range(len(items)) if i not in drops]
            order = [i for i in proposed if i not in drops]
            if order != kept_in_place and not self.record(
                self.order_change(section, items, kept_in_place, order)
            ):
                order = kept_in_place
            if order != list(range(len(items))):
                setattr(self.resume, section, [items[i] for i in order])
                _remap_meta(self.resume, section, order)

    def dropped_items(self, paths: list[str]) -> dict[str, set[int]]:
        dropped: dict[str, set[int]] = {}
        for path in paths:
            match = _PATH.match(path.strip())
            if (
                not match
                or match["field"]
                or match["section"] not in LIST_SECTIONS
                or int(match["item"]) >= len(getattr(self.resume, match["section"]))
            ):
                self.refuse(f"drop {path}", "no such item")
                continue
            dropped.setdefault(match["section"], set()).add(int(match["item"]))
        return dropped

    @staticmethod
    def drop_change(section: str, index: int, item: Any) -> Change:
        heading = readable_heading(section, item)
        return Change(
            id=f"drop:{section}[{index}]",
            kind="drop",
            path=f"{section}[{index}]",
            description=f"Left out {heading}: nothing in it matches this job.",
            before=heading,
        )

    @staticmethod
    def order_change(section: str, items: list[Any], before: list[int], after: list[int]) -> Change:
        noun = SECTION_NOUNS.get(section, section)
        return Change(
            id=f"order:{section}",
            kind="order",
            path=section,
            description=f"Put the {noun} most relevant to this job first.",
            before="\n".join(readable_heading(section, items[i]) for i in before),
            after="\n".join(readable_heading(section, items[i]) for i in after),
        )

    def section_order(self, requested: list[str]) -> None:
        sections = self.resume.meta.sections
        if not requested or not sections:
            return
        rank = {normalise(name): position for position, name in enumerate(requested)}

        def position(section: Section) -> tuple[int, int]:
            # The summary stays on top: it introduces the person, whatever the job.
            if section.kind is SectionKind.summary:
                return (-1, 0)
            by_kind = rank.get(section.kind.value, rank.get(normalise(section.heading), len(rank)))
            return (by_kind, sections.index(section))

        ordered = sorted(sections, key=position)
        if ordered == sections:
            return
        change = Change(
            id="section-order",
            kind="section_order",
            path="meta.sections",
            description="Moved the sections that matter most for this job up.",
            before="\n".join(s.heading for s in sections),
            after="\n".join(s.heading for s in ordered),
        )
        if self.record(change):
            self.resume.meta.sections = ordered


SECTION_NOUNS = {
    "work": "jobs",
    "volunteer": "volunteer roles",
    "education": "degrees",
    "awards": "awards",
    "certificates": "certificates",
    "publications": "publications",
    "skills": "skill groups",
    "languages": "languages",
    "interests": "interests",
    "references": "references",
    "projects": "projects",
}


def readable_heading(section: str, item: Any) -> str:
    """How a reader names an item: "Software Engineer at Harbour Analytics", "the project X"."""
    if section in {"work", "volunteer"}:
        employer = getattr(item, "name", "") or getattr(item, "organization", "")
        position = item.position
        if position and employer:
            return f"{position} at {employer}"
        return position or employer or "a role"
    if section == "education":
        degree = " ".join(part for part in (item.studyType, item.area) if part)
        return f"{degree} at {item.institution}" if degree and item.institution else degree
    label = _item_heading(section, item)
    noun = SECTION_NOUNS.get(section, section).rstrip("s")
    return f"the {noun} “{label.split(' | ')[0]}”"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _bullet_list(bullets: list[str]) -> str:
    return "\n".join(f"• {bullet}" for bullet in bullets)


def _same_text(first: str, second: str) -> bool:
    a, b = normalise(first), normalise(second)
    return a == b or SequenceMatcher(None, a, b).ratio() >= ORIGINAL_SIMILARITY


def _remap_meta(resume: Resume, section: str, order: list[int]) -> None:
    """Keep `meta.sections[].items` and `meta.sources` pointing at the same items."""
    new_index = {old: new for new, old in enumerate(order)}
    for printed in resume.meta.sections:
        if printed.kind.value == section and printed.items is not None:
            kept = [new_index[i] for i in printed.items if i in new_index]
            printed.items = sorted(kept)
    sources = {}
    for key, span in resume.meta.sources.items():
        match = re.match(rf"^{section}\[(\d+)\](.*)$", key)
        if not match:
            sources[key] = span
        elif int(match[1]) in new_index:
            sources[f"{section}[{new_index[int(match[1])]}]{match[2]}"] = span
    resume.meta.sources = sources


KEY_SKILLS_HEADING = "Key skills for this role"
MAX_KEY_SKILLS = 8
MIN_KEY_SKILLS = 1
KEY_SKILLS_ID = "key-skills"


def add_key_skills(
    resume: Resume, keywords: list[str], *, reject: Collection[str] = ()
) -> AppliedEdits:
    """A "key skills for this role" line under the summary, made only of terms the résumé
    itself prints that the job asks for, plus the terms the user confirmed (marked as theirs).

    Added after grounding: everything in it is already in the grounded résumé or stated by
    the user, so nothing new can enter through it.
    """
    applied = _Applier(AppliedEdits(resume=resume.model_copy(deep=True)), frozenset(reject))
    own = key_skills_for(resume, keywords)
    line: list[str] = []
    if len(own) >= MIN_KEY_SKILLS and applied.record(_key_skills_change(own)):
        line += own
    mentioned = "\n".join(listed_skills(resume))
    for keyword in confirmed_keywords(resume):
        if any(mentions(mentioned, word) for word in (keyword, *find_skills(keyword))):
            continue  # the résumé lists it already: nothing to add
        applied.result.changes.append(_confirmed_change(keyword))
        line.append(keyword)
    if line:
        _print_key_skills(applied.resume, line)
    return applied.result


def key_skills_for(resume: Resume, keywords: list[str]) -> list[str]:
    """The job's terms the résumé states, as the résumé prints them, in the job's order of
    importance; a term inside one already chosen ("research" in "User research") only once."""
    listed, named, lines = listed_skills(resume), skills_in_experience(resume), own_lines(resume)
    chosen: list[str] = []
    for keyword in keywords:
        if term := _stated_term(keyword, listed, named, lines):
            chosen = _with_term(chosen, term)
        if len(chosen) >= MAX_KEY_SKILLS:
            break
    return chosen


def _stated_term(keyword: str, listed: list[str], named: list[str], lines: list[str]) -> str:
    """How the résumé states `keyword` (a listed skill, a skill its experience names, a tool
    its lines print) or, failing that, a narrower skill that answers it: "PostgreSQL" for an
    ad asking for SQL."""
    for term in (keyword, *narrower_skills(keyword)):
        stated = _term_in_skills(term, listed) or _skill_named(term, named)
        if stated := stated or _tool_in_lines(term, lines):
            return stated
    return ""


def _term_in_skills(keyword: str, listed: list[str]) -> str:
    """The listed skill that names `keyword`; inside a listed phrase ("Proficient in Python"),
    only the words that name it ("Python")."""
    for entry in listed:
        if not mentions(entry, keyword):
            continue
        if _is_skill_name(entry):
            return entry
        if written := _as_written(entry, keyword):
            return written
    return ""


# A skills entry longer than this, or with sentence punctuation, is a phrase about skills
# ("alongside hands-on data pipeline skills in Spark"), not a skill's name.
MAX_SKILL_NAME_WORDS = 4
# An entry that starts with "and" is the end of a list the parse did not split ("and Github").
_PHRASE_MARKS = re.compile(
    r"[=<>;:!?]|,\s|\s(?:in|with|along|using|including)\s|^(?:and|or|&)\s", re.I
)


def _is_skill_name(entry: str) -> bool:
    return len(entry.split()) <= MAX_SKILL_NAME_WORDS and not _PHRASE_MARKS.search(entry)


def _skill_named(keyword: str, named: list[str]) -> str:
    return next((skill for skill in named if mentions(skill, keyword)), "")


# A tool or method as a résumé prints it: an acronym, a name with a capital, digit or symbol
# inside ("GitHub", "B2B", "CI/CD", "Html5"), or capitalised mid-sentence ("built Kibana
# dashboards"). A plain word ("project") is only a word, and two capitals are as often a
# place as a skill ("Palo Alto, CA").
MIN_ACRONYM_LENGTH = 3


def _printed_as_a_name(line: str, match: re.Match[str]) -> bool:
    written = match.group(0)
    if written.isupper():
        return len(written) >= MIN_ACRONYM_LENGTH
    if re.search(r"[A-Z0-9+#/]", written[1:]):
        return True
    before = line[: match.start()].rstrip(" \t\"'(“‘")
    return written[0].isupper() and bool(before) and before[-1] not in ".!?:;•-–—"


def _tool_in_lines(keyword: str, lines: list[str]) -> str:
    """`keyword` as the résumé's own lines print it, when it is printed as a tool's name."""
    for line in lines:
        match = _match_on_its_own(line, keyword)
        if match and _printed_as_a_name(line, match):
            return match.group(0)
    return ""


def _with_term(chosen: list[str], term: str) -> list[str]:
    """`chosen` with `term`, unless one there already names it; a shorter one it names gives
    way to it ("research" to "User research"), in the shorter one's place."""
    if any(mentions(existing, term) for existing in chosen):
        return chosen
    contained = [i for i, existing in enumerate(chosen) if mentions(term, existing)]
    if not contained:
        return [*chosen, term]
    kept = [existing for i, existing in enumerate(chosen) if i not in contained]
    kept.insert(contained[0], term)
    return kept


def listed_skills(resume: Resume) -> list[str]:
    """Every skill the résumé lists, as written: group keywords, and groups that are one name."""
    listed: list[str] = []
    for skill in resume.skills:
        listed += skill.keywords or ([skill.name] if skill.name else [])
    return list(dict.fromkeys(listed))


def own_lines(resume: Resume) -> list[str]:
    """The résumé's lines about what the person did and knows: the summary, the bullets and
    texts of jobs, volunteering and projects, courses and certificates. Not names, places or
    contact details: "CA" in "Mountain View, CA" is no skill."""
    lines = [resume.basics.summary]
    for section in BULLET_SECTIONS:
        for item in getattr(resume, section):
            lines += [getattr(item, "summary", ""), getattr(item, "description", "")]
            lines += [*item.highlights, *getattr(item, "keywords", [])]
    lines += [course for education in resume.education for course in education.courses]
    lines += [certificate.name for certificate in resume.certificates]
    return [line for line in lines if line]


def skills_in_experience(resume: Resume) -> list[str]:
    """Vocabulary skills the résumé's own lines name ("Built Kafka pipelines", a course, a
    certificate), as written."""
    found: list[str] = []
    for line in own_lines(resume):
        for skill in find_skills(line):
            written = _as_written(line, skill)
            if written and normalise(written) not in {normalise(f) for f in found}:
                found.append(written)
    return found


def _as_written(line: str, skill: str) -> str:
    """`skill` as `line` spells it ("Kafka", not "kafka"), or "" when it is not there."""
    match = _match_on_its_own(line, skill)
    return match.group(0) if match else ""


def _match_on_its_own(line: str, skill: str) -> re.Match[str] | None:
    """The first place `line` names `skill` on its own: "js" inside "Node.js" is part of
    another name, and "Managed 4 projects" says a deed, not a skill's name to list."""
    compound_sense = canonical_skill(skill) in compound_senses()
    for match in re.finditer(keyword_pattern(skill).pattern, line, flags=re.IGNORECASE):
        if is_verb_form(match.group(0)):
            continue
        # "communication protocols" is no communication skill.
        if compound_sense and not stands_alone(line.lower(), match):
            continue
        before, after = line[: match.start()], line[match.end() :]
        if not re.search(r"[\w.]$", before) and not re.match(r"\w|\.\w", after):
            return match
    return None


def _key_skills_change(skills: list[str]) -> Change:
    return Change(
        id=KEY_SKILLS_ID,
        kind="key_skills",
        path="skills",
        description=(
            f"Added a “{KEY_SKILLS_HEADING}” line under the summary: "
            f"{_count(len(skills), 'skill')} your résumé already names that this job asks for."
        ),
        after=", ".join(skills),
    )


def _confirmed_change(keyword: str) -> Change:
    return Change(
        id=f"confirmed:{normalise(keyword)}",
        kind="confirmed_keyword",
        path="skills",
        description=f"Added “{keyword}” to your key skills, as you confirmed you have it.",
        after=keyword,
        source="user",
    )


def _print_key_skills(resume: Resume, line: list[str]) -> None:
    """Append the line as a skill group of its own, printed in a section under the summary."""
    if not resume.meta.sections:
        resume.meta.sections = _default_sections(resume)
    existing = list(range(len(resume.skills)))
    for section in resume.meta.sections:
        if section.kind is SectionKind.skills and section.items is None:
            section.items = existing  # the old sections keep showing only the old groups
    resume.skills.append(Skill(keywords=line))
    position = next(
        (i + 1 for i, s in enumerate(resume.meta.sections) if s.kind is SectionKind.summary), 0
    )
    resume.meta.sections.insert(
        position,
        Section(heading=KEY_SKILLS_HEADING, kind=SectionKind.skills, items=[len(existing)]),
    )


def _default_sections(resume: Resume) -> list[Section]:
    return [Section(heading=name.title(), kind=SectionKind(name)) for name in section_names(resume)]


def without_keyword_claims(
    source: Resume, edits: TailoringEdits, keywords: list[str]
) -> tuple[TailoringEdits, list[Revert]]:
    """`edits` without the rewrites that name a job term the résumé never mentions.

    Such a rewrite may pass every other check (a phrase is not a number or a name), yet it
    claims what the job asks for: only the user can say that (`confirmed_keywords`).
    """
    said = SourceFacts.of(source).text
    reverts: list[Revert] = []

    def claims(path: str, text: str) -> bool:
        new = [k for k in keywords if mentions(text, k) and not mentions(said, k)]
        reverts.extend(Revert(path=path, kind="keyword", value=k, text=text) for k in new)
        return bool(new)

    kept = edits.model_copy(deep=True)
    if kept.summary and claims("basics.summary", kept.summary):
        kept.summary = ""
    kept.rewrites = [r for r in kept.rewrites if not claims(r.path, r.text)]
    return kept, reverts


def surviving_changes(changes: list[Change], grounded: Resume) -> list[Change]:
    """The changes still in the grounded résumé: a rewrite the grounding reverted is not one."""
    text = normalise(resume_text(grounded))
    return [
        change
        for change in changes
        if change.kind not in {"rewrite", "summary"} or normalise(change.after) in text
    ]
