"""What the user wrote in a correction is source for grounding, marked with provenance user."""

from __future__ import annotations

from resumeforge.ai.grounding import ground_resume, user_sourced_facts
from resumeforge.resume.corrections import SizeLimits, corrected_resume
from resumeforge.resume.schemas import Meta, Resume, Section, Work

LIMITS = SizeLimits(characters=100_000, items=200)
DOCUMENT = "Ola Berg\nEXPERIENCE\nData Engineer, Fjordline 2019 - Present\nBuilt nightly loads"


def parsed() -> Resume:
    return Resume(
        work=[
            Work(
                name="Fjordline",
                position="Data Engineer",
                startDate="2019",
                endDate="Present",
                highlights=["Built nightly loads"],
            )
        ],
        meta=Meta(source_text=DOCUMENT, sections=[Section(heading="EXPERIENCE", kind="work")]),
    )


def with_the_users_fix(resume: Resume) -> Resume:
    fixed = resume.model_copy(deep=True)
    fixed.work[0].highlights = ["Built nightly loads in Airflow for 120 stores"]
    return fixed


def tailored_from(source: Resume) -> Resume:
    """A model's rewrite that leans on the corrected bullet."""
    tailored = source.model_copy(deep=True)
    tailored.work[0].highlights = ["Ran Airflow loads for 120 stores every night"]
    return tailored


def test_a_fact_the_user_wrote_is_kept_and_said_to_be_theirs() -> None:
    source = corrected_resume(
        with_the_users_fix(parsed()),
        sent=with_the_users_fix(parsed()).model_dump(mode="json"),
        original=parsed(),
        limits=LIMITS,
    )
    assert source.meta.provenance == {"work[0].highlights[0]": "user"}
    grounded = ground_resume(source, tailored_from(source))
    assert grounded.reverts == []
    assert grounded.resume.work[0].highlights == ["Ran Airflow loads for 120 stores every night"]
    assert grounded.resume.meta.provenance == {}, "source paths say nothing of the output's"
    facts = user_sourced_facts(source, grounded.resume)
    assert {(f.kind, f.value, f.path, f.provenance) for f in facts} >= {
        ("number", "120", "work[0].highlights[0]", "user"),
        ("skill", "airflow", "work[0].highlights[0]", "user"),
    }


def test_the_same_fact_without_the_users_word_is_reverted() -> None:
    source = parsed()
    grounded = ground_resume(source, tailored_from(source))
    assert {revert.value for revert in grounded.reverts} >= {"120"}
    assert grounded.resume.work[0].highlights == [], "removed: no original was given to restore"
    assert user_sourced_facts(source, grounded.resume) == []
