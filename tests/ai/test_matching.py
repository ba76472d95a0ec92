"""Keyword coverage: what counts as the résumé naming a job's term."""

from __future__ import annotations

from resumeforge.ai.matching import coverage


def test_an_acronym_the_ad_prints_counts_only_where_the_resume_prints_it_in_capitals() -> None:
    text = "Made it faster for the start of term.\nRan the IT help desk."

    assert coverage(["IT", "START", "CBT"], text).matched == ["IT"]
    assert coverage(["IT"], "Made it faster.").matched == []


def test_a_known_skill_written_in_capitals_still_matches_any_case() -> None:
    assert coverage(["SQL", "postgresql"], "Wrote sql against Postgres.").matched == [
        "SQL",
        "postgresql",
    ]


def test_two_capitals_after_a_place_are_its_state_not_the_ads_acronym() -> None:
    # The ad's CA is a Chartered Accountant; the résumé's is California.
    assert coverage(["CA"], "Software Engineer, Initech\nOakland, CA").matched == []
    assert coverage(["CA"], "Qualified as a CA in 2019; member of ICAS.").matched == ["CA"]
    assert coverage(["CA"], "Certifications: ACCA, CA").matched == ["CA"]
