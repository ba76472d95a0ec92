"""The offline engine: no network, deterministic, and unable to invent.

It answers the same structured requests as the model providers, from the typed inputs rather
than the prompt: it ranks the résumé's bullets, projects and skills against the job (BM25 plus
the job's keywords), reorders and selects within each section, and writes the summary only
from sentences the résumé already has.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from rank_bm25 import BM25Okapi

from resumeforge.ai.keywords import content_words, covers, sentences
from resumeforge.ai.matching import job_keywords
from resumeforge.ai.providers.base import (
    OutputT,
    StructuredAnswer,
    StructuredRequest,
    Task,
    Usage,
    UsageCallback,
)
from resumeforge.ai.schemas import (
    BulletSelection,
    ItemOrder,
    SkillSelection,
    TailoringEdits,
)
from resumeforge.resume.schemas import Job, Resume, Section, SectionKind

OFFLINE_MODEL = "offline-bm25"
# Past this many bullets an item keeps only the relevant ones (never fewer than the minimum).
MAX_BULLETS = 6
MIN_BULLETS = 3
# With at least this many projects relevant to the job, the unrelated ones are dropped.
MIN_RELATED_PROJECTS = 3
KEYWORD_WEIGHT = 1.5


class OfflineProvider:
    name = "offline"

    async def generate(
        self, request: StructuredRequest[OutputT], *, on_usage: UsageCallback | None = None
    ) -> StructuredAnswer[OutputT]:
        started = time.perf_counter()
        output = self._answer(request)
        usage = Usage(
            provider=self.name,
            model=OFFLINE_MODEL,
            latency_ms=round((time.perf_counter() - started) * 1000),
            task=request.task.value,
        )
        if on_usage is not None:
            await on_usage(usage)
        return StructuredAnswer(output=output, model=OFFLINE_MODEL, usage=[usage])

    def _answer(self, request: StructuredRequest[OutputT]) -> OutputT:
        inputs = request.inputs
        answer: BaseModel
        match request.task:
            case Task.analyze_job:
                from resumeforge.ai.jobs_analysis import analyze_job_offline

                answer = analyze_job_offline(inputs.job_text)
            case Task.tailor_resume:
                assert inputs.resume is not None and inputs.job is not None
                answer = propose_edits(inputs.resume, inputs.job, inputs.job_text)
            case Task.write_cover_letter:
                from resumeforge.ai.offline_letter import draft_cover_letter_offline

                assert inputs.resume is not None and inputs.job is not None
                answer = draft_cover_letter_offline(
                    inputs.resume, inputs.job, length=inputs.length, tone=inputs.tone
                )
        return request.output_type.model_validate(answer.model_dump())


class RelevanceScorer:
    """Scores résumé text against a job: BM25 over the résumé's own texts, plus keyword hits."""

    def __init__(self, job_text: str, keywords: Sequence[str], documents: Sequence[str]):
        self.keywords = list(keywords)
        self.query = content_words(job_text) + [w for k in keywords for w in content_words(k)]
        self.documents = [content_words(document) for document in documents]
        corpus = [tokens or ["<empty>"] for tokens in self.documents] or [["<empty>"]]
        self.bm25 = BM25Okapi(corpus)

    def score(self, text: str) -> float:
        tokens = content_words(text)
        if not tokens:
            return 0.0
        lexical = sum(self._term_score(token, tokens) for token in set(self.query))
        hits = sum(1 for keyword in self.keywords if covers(text, keyword))
        return round(lexical + KEYWORD_WEIGHT * hits, 6)

    def _term_score(self, term: str, tokens: list[str]) -> float:
        frequency = tokens.count(term)
        if not frequency:
            return 0.0
        idf = max(self.bm25.idf.get(term, 0.0), 0.1)
        return float(idf * frequency / (frequency + 1.2))


def propose_edits(resume: Resume, job: Job, job_text: str) -> TailoringEdits:
    """Reorder and select what the résumé already says, most relevant to the job first."""
    keywords = job_keywords(job, job_text)
    scorer = RelevanceScorer(job_text, keywords, _documents(resume))
    edits = TailoringEdits(notes=["offline engine: reordered and selected, nothing rewritten"])
    edits.summary = _ranked_summary(resume.basics.summary, scorer)
    for section in ("work", "volunteer", "projects"):
        for index, item in enumerate(getattr(resume, section)):
            keep = _bullets_to_keep(item.highlights, scorer)
            if keep != list(range(len(item.highlights))):
                edits.bullet_selections.append(
                    BulletSelection(item=f"{section}[{index}]", keep=keep)
                )
    _order_projects(resume, scorer, edits)
    for section in ORDERED_BY_RELEVANCE:
        _order_items(resume, section, scorer, edits)
    _order_skills(resume, scorer, keywords, edits)
    edits.section_order = _section_order(resume, keywords)
    return edits


def _documents(resume: Resume) -> list[str]:
    texts = [resume.basics.summary]
    for section in ("work", "volunteer", "projects"):
        for item in getattr(resume, section):
            texts += [getattr(item, "summary", ""), getattr(item, "description", "")]
            texts += item.highlights
    return [text for text in texts if text]


def _ranked_summary(summary: str, scorer: RelevanceScorer) -> str:
    parts = sentences(summary)
    if len(parts) < 2:
        return ""
    ranked = _by_score(parts, scorer)
    return " ".join(parts[i] for i in ranked) if ranked != list(range(len(parts))) else ""


def _by_score(texts: Sequence[str], scorer: RelevanceScorer) -> list[int]:
    """Indices of `texts`, best first; ties keep the résumé's own order."""
    scores = [scorer.score(text) for text in texts]
    return sorted(range(len(texts)), key=lambda i: (-scores[i], i))


def bullet_pieces(bullets: Sequence[str]) -> list[list[int]]:
    """The bullets grouped into the pieces that move together.

    A line that carries on the one before it (it starts in lower case) is a wrapped paragraph's
    continuation: moving it on its own would print half a sentence somewhere else.
    """
    pieces: list[list[int]] = []
    for index, bullet in enumerate(bullets):
        if pieces and bullet[:1].islower():
            pieces[-1].append(index)
        else:
            pieces.append([index])
    return pieces


def _bullets_to_keep(bullets: list[str], scorer: RelevanceScorer) -> list[int]:
    pieces = bullet_pieces(bullets)
    texts = [" ".join(bullets[i] for i in piece) for piece in pieces]
    ranked = [pieces[i] for i in _by_score(texts, scorer)]
    if len(bullets) <= MAX_BULLETS:
        return [i for piece in ranked for i in piece]
    relevant = sum(len(piece) for piece in ranked if scorer.score(_joined(bullets, piece)) > 0)
    wanted = max(MIN_BULLETS, min(MAX_BULLETS, relevant))
    keep: list[int] = []
    for piece in ranked:
        if len(keep) >= wanted:
            break
        keep += piece
    return keep


def _joined(bullets: list[str], piece: list[int]) -> str:
    return " ".join(bullets[i] for i in piece)


def _order_projects(resume: Resume, scorer: RelevanceScorer, edits: TailoringEdits) -> None:
    texts = [_project_text(project) for project in resume.projects]
    if len(texts) < 2:
        return
    ranked = _by_score(texts, scorer)
    if ranked != list(range(len(texts))):
        edits.item_orders.append(ItemOrder(section="projects", order=ranked))
    unrelated = [i for i in ranked if scorer.score(texts[i]) == 0]
    related_count = len(ranked) - len(unrelated)
    if related_count >= MIN_RELATED_PROJECTS:
        edits.drop_items += [f"projects[{i}]" for i in unrelated]


def _project_text(project: Any) -> str:
    return " ".join([project.name, project.description, *project.highlights, *project.keywords])


# Sections whose items are read as a list of credentials, so the most relevant goes first.
# Jobs and degrees stay in the résumé's (reverse chronological) order: a recruiter reads them
# as a timeline, and a job moved out of it looks like a gap or a demotion.
ORDERED_BY_RELEVANCE = ("certificates", "awards", "publications", "volunteer")


def _order_items(
    resume: Resume, section: str, scorer: RelevanceScorer, edits: TailoringEdits
) -> None:
    texts = [" ".join(_strings(item.model_dump())) for item in getattr(resume, section)]
    if len(texts) < 2:
        return
    ranked = _by_score(texts, scorer)
    if ranked != list(range(len(texts))):
        edits.item_orders.append(ItemOrder(section=section, order=ranked))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _order_skills(
    resume: Resume, scorer: RelevanceScorer, keywords: list[str], edits: TailoringEdits
) -> None:
    groups = [" ".join([skill.name, *skill.keywords]) for skill in resume.skills]
    if len(groups) > 1:
        ranked = _by_score(groups, scorer)
        if ranked != list(range(len(groups))):
            edits.item_orders.append(ItemOrder(section="skills", order=ranked))
    for index, skill in enumerate(resume.skills):
        wanted = [k for k in skill.keywords if any(covers(k, word) for word in keywords)]
        ordered = wanted + [k for k in skill.keywords if k not in wanted]
        if ordered != skill.keywords:
            edits.skill_selections.append(SkillSelection(group=index, keywords=ordered))


def _section_order(resume: Resume, keywords: list[str]) -> list[str]:
    """Printed sections that mention none of the job's terms go below those that do.

    Otherwise the résumé's order stands: it is the candidate's choice, and a stable sort
    keeps it.
    """
    sections = resume.meta.sections
    hits = [_section_mentions(resume, section, keywords) for section in sections]
    order = sorted(range(len(sections)), key=lambda i: (hits[i] == 0, i))
    if order == list(range(len(sections))):
        return []
    return [sections[i].heading for i in order]


def _section_mentions(resume: Resume, section: Section, keywords: list[str]) -> int:
    if section.kind is SectionKind.other:
        return 1  # what it holds is unknown: it keeps its place rather than sink
    if section.kind is SectionKind.summary:
        text = resume.basics.summary or section.text
    else:
        items = getattr(resume, section.kind.value)
        indices = range(len(items)) if section.items is None else section.items
        chosen = [items[i] for i in indices if i < len(items)]
        text = " ".join(" ".join(_strings(item.model_dump())) for item in chosen)
    return sum(1 for keyword in keywords if covers(text, keyword))
