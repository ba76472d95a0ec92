"""Edits to a résumé: the request that asks for them, and the code that applies them.

The model (or the offline engine) never returns a résumé, only edits addressed to items that
exist, in the source's own indices. Code applies those that are well-formed and whose
`original` still matches, and lists the rest as rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from resumeforge.ai.keywords import normalise
from resumeforge.ai.prompts import as_data, render_prompt
from resumeforge.ai.providers.base import StructuredRequest, Task, TaskInputs
from resumeforge.ai.schemas import Change, RejectedEdit, TailoringEdits
from resumeforge.resume.schemas import Job, Resume, Section, SectionKind

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


def apply_edits(source: Resume, edits: TailoringEdits) -> AppliedEdits:
    """`source` with `edits` applied; every edit is in the source's indices."""
    applied = AppliedEdits(resume=source.model_copy(deep=True))
    _apply_summary(applied, edits.summary)
    for rewrite in edits.rewrites:
        _apply_rewrite(applied, rewrite.path, rewrite.original, rewrite.text)
    for selection in edits.bullet_selections:
        _apply_bullet_selection(applied, selection.item, selection.keep)
    for skill in edits.skill_selections:
        _apply_skill_selection(applied, skill.group, skill.keywords)
    orders = _item_orders(applied, edits)
    _reorder_items(applied, orders)
    _apply_section_order(applied, edits.section_order)
    return applied


def _apply_summary(applied: AppliedEdits, summary: str) -> None:
    summary = summary.strip()
    current = applied.resume.basics.summary
    if not summary or normalise(summary) == normalise(current):
        return
    applied.originals[normalise(summary)] = current
    applied.resume.basics.summary = summary
    applied.changes.append(
        Change(path="basics.summary", kind="summary", before=current, after=summary)
    )


def _apply_rewrite(applied: AppliedEdits, path: str, original: str, text: str) -> None:
    text = text.strip()
    if path in SUMMARY_PATHS:
        _apply_summary(applied, text)
        return
    match = _PATH.match(path.strip())
    if not match or not text:
        applied.rejected.append(RejectedEdit(edit=f"rewrite {path}", reason="not an editable path"))
        return
    section, item_index, name, index = (
        match["section"],
        int(match["item"]),
        match["field"],
        match["index"],
    )
    editable = (section, name) in (REWRITABLE_BULLETS if index is not None else REWRITABLE_TEXT)
    items = getattr(applied.resume, section, None) if section in LIST_SECTIONS else None
    if not editable or items is None or item_index >= len(items):
        applied.rejected.append(RejectedEdit(edit=f"rewrite {path}", reason="not an editable path"))
        return
    item = items[item_index]
    if index is None:
        current = str(getattr(item, name))
    elif int(index) < len(getattr(item, name)):
        current = getattr(item, name)[int(index)]
    else:
        applied.rejected.append(RejectedEdit(edit=f"rewrite {path}", reason="no such bullet"))
        return
    if original and not _same_text(original, current):
        applied.rejected.append(
            RejectedEdit(edit=f"rewrite {path}", reason="original text does not match")
        )
        return
    if index is None:
        setattr(item, name, text)
    else:
        getattr(item, name)[int(index)] = text
    applied.originals[normalise(text)] = current
    applied.changes.append(Change(path=path, kind="rewrite", before=current, after=text))


def _same_text(first: str, second: str) -> bool:
    a, b = normalise(first), normalise(second)
    return a == b or SequenceMatcher(None, a, b).ratio() >= ORIGINAL_SIMILARITY


def _item_at(applied: AppliedEdits, path: str, sections: tuple[str, ...]) -> Any | None:
    match = _PATH.match(path.strip())
    if not match or match["field"] or match["section"] not in sections:
        return None
    items = getattr(applied.resume, match["section"])
    index = int(match["item"])
    return items[index] if index < len(items) else None


def _apply_bullet_selection(applied: AppliedEdits, path: str, keep: list[int]) -> None:
    item = _item_at(applied, path, BULLET_SECTIONS)
    if item is None:
        applied.rejected.append(
            RejectedEdit(edit=f"select bullets of {path}", reason="no such item")
        )
        return
    bullets = item.highlights
    chosen = list(dict.fromkeys(i for i in keep if 0 <= i < len(bullets)))
    if not chosen:
        applied.rejected.append(
            RejectedEdit(edit=f"select bullets of {path}", reason="would remove every bullet")
        )
        return
    if chosen == list(range(len(bullets))):
        return
    item.highlights = [bullets[i] for i in chosen]
    applied.changes.append(
        Change(
            path=f"{path}.highlights",
            kind="select",
            before=f"{len(bullets)} bullets",
            after=f"kept {chosen}",
        )
    )


def _apply_skill_selection(applied: AppliedEdits, group: int, keywords: list[str]) -> None:
    skills = applied.resume.skills
    if not 0 <= group < len(skills):
        applied.rejected.append(
            RejectedEdit(edit=f"select skills[{group}]", reason="no such skill group")
        )
        return
    existing = {normalise(keyword): keyword for keyword in skills[group].keywords}
    chosen = list(
        dict.fromkeys(existing[normalise(k)] for k in keywords if normalise(k) in existing)
    )
    unknown = [k for k in keywords if normalise(k) not in existing]
    if unknown:
        reason = f"not in this skill group: {', '.join(unknown)}"
        applied.rejected.append(RejectedEdit(edit=f"select skills[{group}]", reason=reason))
    if not chosen or chosen == skills[group].keywords:
        return
    applied.changes.append(
        Change(
            path=f"skills[{group}].keywords",
            kind="select",
            before=", ".join(skills[group].keywords),
            after=", ".join(chosen),
        )
    )
    skills[group].keywords = chosen


def _item_orders(applied: AppliedEdits, edits: TailoringEdits) -> dict[str, list[int]]:
    """For each list section, the source indices to keep, in their new order."""
    dropped: dict[str, set[int]] = {}
    for path in edits.drop_items:
        match = _PATH.match(path.strip())
        valid = match and not match["field"] and match["section"] in LIST_SECTIONS
        if (
            not match
            or not valid
            or int(match["item"]) >= len(getattr(applied.resume, match["section"]))
        ):
            applied.rejected.append(RejectedEdit(edit=f"drop {path}", reason="no such item"))
            continue
        dropped.setdefault(match["section"], set()).add(int(match["item"]))
    requested = {order.section: order.order for order in edits.item_orders}
    orders: dict[str, list[int]] = {}
    for section in LIST_SECTIONS:
        count = len(getattr(applied.resume, section))
        drops = dropped.get(section, set())
        if drops and len(drops) >= count:
            applied.rejected.append(
                RejectedEdit(
                    edit=f"drop every item of {section}", reason="a section keeps at least one item"
                )
            )
            drops = set()
        first = [i for i in dict.fromkeys(requested.get(section, [])) if 0 <= i < count]
        rest = [i for i in range(count) if i not in first]
        orders[section] = [i for i in first + rest if i not in drops]
    return orders


def _reorder_items(applied: AppliedEdits, orders: dict[str, list[int]]) -> None:
    resume = applied.resume
    for section, order in orders.items():
        items = getattr(resume, section)
        if order == list(range(len(items))):
            continue
        for index in sorted(set(range(len(items))) - set(order)):
            applied.changes.append(
                Change(
                    path=f"{section}[{index}]",
                    kind="drop",
                    before=_item_heading(section, items[index]),
                )
            )
        if [i for i in range(len(items)) if i in order] != order:
            applied.changes.append(
                Change(path=section, kind="reorder", before=str(sorted(order)), after=str(order))
            )
        setattr(resume, section, [items[i] for i in order])
        _remap_meta(resume, section, order)


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


def _apply_section_order(applied: AppliedEdits, requested: list[str]) -> None:
    sections = applied.resume.meta.sections
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
    if ordered != sections:
        before = ", ".join(s.heading for s in sections)
        after = ", ".join(s.heading for s in ordered)
        applied.changes.append(
            Change(path="meta.sections", kind="section_order", before=before, after=after)
        )
        applied.resume.meta.sections = ordered
