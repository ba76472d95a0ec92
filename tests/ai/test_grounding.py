"""The grounding check and the edit applier: invented facts never survive."""

from __future__ import annotations

from resumeforge.ai.grounding import SourceFacts, ground_resume, unsupported_facts
from resumeforge.ai.schemas import ItemOrder, TailoringEdits, TextRewrite
from resumeforge.ai.tailoring import apply_edits
from resumeforge.resume.schemas import Work
from tests.ai.resumes import sample_resume


def test_supported_rewording_passes() -> None:
    facts = SourceFacts.of(sample_resume())

    text = "Added Redis caching to FastAPI services, cutting p95 API latency by 35%."
    assert unsupported_facts(text, facts) == []


def test_invented_employer_date_degree_and_metric_are_found() -> None:
    facts = SourceFacts.of(sample_resume())

    text = "Raised revenue by 40% as CEO of Google in 2012 after an MBA."
    kinds = {(fact.kind, fact.value) for fact in unsupported_facts(text, facts)}
    assert {("number", "40%"), ("date", "2012"), ("title", "ceo"), ("degree", "mba")} <= kinds
    assert ("name", "Google") in kinds


def test_invented_skill_is_found() -> None:
    facts = SourceFacts.of(sample_resume())

    kinds = {fact.value for fact in unsupported_facts("Ran Kubernetes clusters.", facts)}
    assert "kubernetes" in kinds


def test_bad_rewrite_is_reverted_to_the_source_bullet() -> None:
    source = sample_resume()
    edits = TailoringEdits(
        rewrites=[
            TextRewrite(
                path="work[0].highlights[1]",
                original=source.work[0].highlights[1],
                text="Cut p95 API latency by 40% with Redis caching at Google.",
            )
        ]
    )
    applied = apply_edits(source, edits)
    grounded = ground_resume(source, applied.resume, originals=applied.originals)

    assert grounded.resume.work[0].highlights[1] == source.work[0].highlights[1]
    assert {revert.value for revert in grounded.reverts} >= {"40%", "Google"}
    assert all(revert.action == "reverted" for revert in grounded.reverts)


def test_identity_fields_cannot_be_rewritten() -> None:
    source = sample_resume()
    edits = TailoringEdits(
        rewrites=[
            TextRewrite(path="work[0].name", original="Harbour Analytics", text="Google"),
            TextRewrite(path="education[0].studyType", original="BSc", text="PhD"),
            TextRewrite(path="basics.email", text="someone@else.com"),
        ]
    )
    applied = apply_edits(source, edits)

    assert len(applied.rejected) == 3
    assert applied.resume.work[0].name == "Harbour Analytics"
    assert applied.resume.basics.email == source.basics.email


def test_stale_original_is_rejected() -> None:
    source = sample_resume()
    edits = TailoringEdits(
        rewrites=[TextRewrite(path="work[0].highlights[0]", original="Something else", text="x")]
    )
    applied = apply_edits(source, edits)

    assert applied.rejected[0].reason == "original text does not match"
    assert applied.resume.work[0].highlights == source.work[0].highlights


def test_invented_item_is_removed_and_contacts_are_copied() -> None:
    source = sample_resume()
    tailored = source.model_copy(deep=True)
    tailored.work.insert(0, Work(name="Google", position="CEO", startDate="2010", endDate="2020"))
    tailored.basics.email = "ceo@google.com"
    tailored.basics.phone = "+1 555 0100"

    grounded = ground_resume(source, tailored)

    assert [work.name for work in grounded.resume.work] == ["Harbour Analytics", "Bluefin Retail"]
    assert grounded.resume.basics.email == source.basics.email
    assert grounded.resume.basics.phone == source.basics.phone
    assert grounded.reverts[0].kind == "employer"
    assert grounded.reverts[0].action == "removed"


def test_reorder_and_drop_keep_meta_in_step() -> None:
    source = sample_resume()
    edits = TailoringEdits(
        item_orders=[ItemOrder(section="work", order=[1, 0])],
        drop_items=["projects[0]", "projects[1]"],
        section_order=["skills", "work"],
    )
    applied = apply_edits(source, edits)

    assert [work.name for work in applied.resume.work] == ["Bluefin Retail", "Harbour Analytics"]
    assert len(applied.resume.projects) == 2  # a section keeps at least one item
    assert [s.kind.value for s in applied.resume.meta.sections][:3] == ["summary", "skills", "work"]
