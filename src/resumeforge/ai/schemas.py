"""What the model is asked to return (edits, a letter draft) and what the engine reports.

The edit models are sent to providers as response schemas, so they stay flat: strings,
integers and lists only, every field with a default.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from resumeforge.ai.matching import Coverage


class OutputModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


class TextRewrite(OutputModel):
    """Replace the text at `path` (e.g. "work[0].highlights[2]"), now reading `original`."""

    path: str
    original: str = ""
    text: str


class ItemOrder(OutputModel):
    """The order of a section's items, by their current index; unlisted items keep their place
    after the listed ones."""

    section: str
    order: list[int] = Field(default_factory=list)


class BulletSelection(OutputModel):
    """The bullets of item `item` (e.g. "work[1]") to keep, by current index, in display order."""

    item: str
    keep: list[int] = Field(default_factory=list)


class SkillSelection(OutputModel):
    """The keywords of skill group `group` to keep, in display order; only existing ones count."""

    group: int
    keywords: list[str] = Field(default_factory=list)


class TailoringEdits(OutputModel):
    summary: str = Field("", description="A new summary, or empty to keep the current one.")
    rewrites: list[TextRewrite] = Field(default_factory=list)
    section_order: list[str] = Field(default_factory=list)
    item_orders: list[ItemOrder] = Field(default_factory=list)
    bullet_selections: list[BulletSelection] = Field(default_factory=list)
    skill_selections: list[SkillSelection] = Field(default_factory=list)
    drop_items: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class CoverLetterDraft(OutputModel):
    greeting: str = ""
    paragraphs: list[str] = Field(default_factory=list)
    closing: str = ""


class Change(BaseModel):
    """One applied edit, in words a reader follows; `id` names it for a revision's `reject`."""

    id: str
    # "summary", "summary_order", "rewrite", "bullets", "skills", "order", "drop", "section_order",
    # "key_skills", "confirmed_keyword"
    kind: str
    path: str
    description: str
    before: str = ""
    after: str = ""
    source: str = "engine"  # "engine", or "user" for what the user stated about themselves


class RejectedEdit(BaseModel):
    """An edit code refused to apply (unknown path, stale original, would empty a section)."""

    edit: str
    reason: str


class Revert(BaseModel):
    """A fact the grounding check did not find in the source, and what it did about it."""

    path: str
    kind: str  # employer, title, institution, degree, date, number, skill, certification, url...
    value: str
    text: str = ""
    action: str = "reverted"  # "reverted" to the source text, or "removed"


class SourcedFact(BaseModel):
    """A fact the output states on someone's word other than the document's."""

    path: str  # where in the source résumé it was stated
    kind: str
    value: str
    provenance: str = "user"


class UsageRecord(BaseModel):
    provider: str
    model: str
    task: str = ""
    prompt_tokens: int = 0
    output_tokens: int = 0
    latency_ms: int = 0
    cost_usd: float = 0.0
    outcome: str = "ok"


class TailoringReport(BaseModel):
    provider: str
    model: str
    job_title: str = ""
    company: str = ""
    keywords: list[str] = Field(default_factory=list)
    coverage_before: Coverage = Field(default_factory=Coverage)
    coverage_after: Coverage = Field(default_factory=Coverage)
    prominent_coverage_before: Coverage = Field(default_factory=Coverage)
    prominent_coverage_after: Coverage = Field(default_factory=Coverage)
    changes: list[Change] = Field(default_factory=list)
    rejected_edits: list[RejectedEdit] = Field(default_factory=list)
    reverted: list[Revert] = Field(default_factory=list)
    cover_letter_reverted: list[Revert] = Field(default_factory=list)
    sections_before: list[str] = Field(default_factory=list)
    sections_after: list[str] = Field(default_factory=list)
    usage: list[UsageRecord] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    fell_back_to_offline: bool = False
    # Facts kept because the user stated them in a correction of the parse (provenance user).
    from_user: list[SourcedFact] = Field(default_factory=list)
    # In plain words: what changed and why, the match before and after, what is missing,
    # what the user could do, what was reverted.
    summary: str = ""
    # The job's terms the tailored résumé still does not mention, must-haves first.
    missing_keywords: list[str] = Field(default_factory=list)
    # Terms the user stated are true of them; they joined the skills, marked as the user's.
    confirmed_keywords: list[str] = Field(default_factory=list)
    # Changes the engine proposed that the user rejected in this revision (not applied).
    undone: list[Change] = Field(default_factory=list)
    revision: int = 0
