"""The Gemini provider, through the real google-genai client against a fake server."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from resumeforge.ai.errors import (
    ContentBlocked,
    InvalidOutput,
    ProviderRateLimited,
    ProviderUnavailable,
)
from resumeforge.ai.providers.base import Usage
from resumeforge.ai.service import tailor_resume
from resumeforge.config import Settings, load_settings
from tests.ai.fake_llm import GOOD_EDITS, FakeLLM, Reply, gemini_error
from tests.ai.resumes import BACKEND_JOB, sample_resume

RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo"
GOOD_JOB_WITH_OBSERVABILITY = {"title": "Senior Backend Engineer", "skills": ["observability"]}


def gemini_settings(fake: FakeLLM, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "llm_provider": "gemini",
        "gemini_api_key": "test-key",
        "gemini_base_url": fake.url,
        "gemini_model": "gemini-2.5-flash",
        "gemini_fallback_models": ["gemini-2.5-flash-lite"],
        "llm_timeout_seconds": 0.5,
        "llm_max_retries": 2,
        "llm_retry_base_seconds": 0.01,
        "llm_retry_max_seconds": 0.3,
        "llm_call_budget_seconds": 10,
    }
    return load_settings(**(values | overrides))


async def test_good_answer_is_applied_and_usage_recorded(fake_llm: FakeLLM) -> None:
    usages: list[Usage] = []

    async def on_usage(usage: Usage) -> None:
        usages.append(usage)

    result = await tailor_resume(
        sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm), on_usage=on_usage
    )

    assert result.resume.work[0].highlights[0].startswith("Added Redis caching")
    assert result.report.reverted == []
    assert result.job.company == "Lumen Freight"
    assert [u.outcome for u in usages] == ["ok", "ok"]
    assert usages[0].prompt_tokens == 1000 and usages[0].output_tokens == 200
    assert usages[0].cost_usd > 0
    request = fake_llm.seen[1].body
    assert request["generationConfig"]["responseMimeType"] == "application/json"
    assert (
        "responseSchema" in request["generationConfig"]
        or "responseJsonSchema" in request["generationConfig"]
    )
    assert "<job_description>" in request["contents"][0]["parts"][0]["text"]


async def test_rate_limit_switches_to_the_fallback_model(fake_llm: FakeLLM) -> None:
    retry = [{"@type": RETRY_INFO, "retryDelay": "0.05s"}]
    fake_llm.script = [gemini_error(429, "RESOURCE_EXHAUSTED", retry)]

    await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert [seen.model for seen in fake_llm.seen[:2]] == [
        "gemini-2.5-flash",
        "gemini-2.5-flash-lite",
    ]


async def test_rate_limit_delay_from_retry_info_is_honoured(fake_llm: FakeLLM) -> None:
    retry = [{"@type": RETRY_INFO, "retryDelay": "0.25s"}]
    fake_llm.script = [gemini_error(429, "RESOURCE_EXHAUSTED", retry)]
    settings = gemini_settings(fake_llm, gemini_fallback_models=[])

    started = time.monotonic()
    await tailor_resume(sample_resume(), BACKEND_JOB, settings=settings)

    assert time.monotonic() - started >= 0.25


async def test_persistent_rate_limit_raises_with_retry_after(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = gemini_error(
        429, "RESOURCE_EXHAUSTED", [{"@type": RETRY_INFO, "retryDelay": "0.02s"}]
    )

    with pytest.raises(ProviderRateLimited) as caught:
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert caught.value.retry_after == pytest.approx(0.02)
    assert len(fake_llm.seen) == 3  # one call and two retries


@pytest.mark.parametrize("status", [(500, "INTERNAL"), (503, "UNAVAILABLE")])
async def test_server_error_is_retried(fake_llm: FakeLLM, status: tuple[int, str]) -> None:
    fake_llm.script = [gemini_error(*status)]

    # No fallback model: an answer from another model would not prove the retry.
    settings = gemini_settings(fake_llm, gemini_fallback_models=[])
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=settings)

    assert result.report.provider == "gemini"
    assert {seen.model for seen in fake_llm.seen} == {settings.gemini_model}
    assert len(fake_llm.seen) >= 2


async def test_persistent_overload_raises_unavailable(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = gemini_error(503, "UNAVAILABLE")

    with pytest.raises(ProviderUnavailable):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))


async def test_timeout_is_retried_then_raises_unavailable(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = Reply(text="{}", delay=1.0)
    settings = gemini_settings(fake_llm, llm_timeout_seconds=0.2, llm_max_retries=1)

    with pytest.raises(ProviderUnavailable):
        await asyncio.wait_for(  # a hang guard, not a timing: each call gives up after 0.2 s
            tailor_resume(sample_resume(), BACKEND_JOB, settings=settings), timeout=30
        )

    # The call and its one retry, each abandoned at its timeout (a call abandoned before its
    # request reached the server leaves no trace there, hence no exact count).
    assert 1 <= len(fake_llm.seen) <= settings.llm_max_retries + 1


async def test_one_timeout_then_a_good_answer_succeeds(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(text="{}", delay=1.0)]
    settings = gemini_settings(fake_llm, llm_timeout_seconds=0.2)

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=settings)

    assert result.job.title == "Senior Backend Engineer"


async def test_blocked_prompt_raises_content_blocked(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(body={"promptFeedback": {"blockReason": "SAFETY"}})]

    with pytest.raises(ContentBlocked):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert len(fake_llm.seen) == 1  # a block is not retried


async def test_safety_finish_raises_content_blocked(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(text="", finish="SAFETY")]

    with pytest.raises(ContentBlocked):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))


@pytest.mark.parametrize(
    "wrapped",
    [
        "Here is the JSON you asked for:\n{json} \nHope this helps!",
        "```json\n{json}\n```",
    ],
)
async def test_json_in_prose_or_fences_is_read(fake_llm: FakeLLM, wrapped: str) -> None:
    fake_llm.script = [Reply(text=wrapped.replace("{json}", json.dumps({"title": "Engineer"})))]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert result.job.title == "Engineer"
    assert len(fake_llm.seen) == 2  # no re-ask was needed


async def test_truncated_json_is_asked_again(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(text='{"title": "Senior Back', finish="MAX_TOKENS")]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert result.job.title == "Senior Backend Engineer"
    reask = fake_llm.seen[1].body["contents"]
    assert [content["role"] for content in reask] == ["user", "model", "user"]
    assert "cut off" in reask[2]["parts"][0]["text"]


async def test_truncated_twice_raises_invalid_output(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = Reply(text='{"title": "Senior Back', finish="MAX_TOKENS")

    with pytest.raises(InvalidOutput):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert len(fake_llm.seen) == 2  # one answer and one re-ask, no more


async def test_wrong_types_are_shown_to_the_model_and_fixed(fake_llm: FakeLLM) -> None:
    wrong = {"rewrites": "make it better", "bullet_selections": [{"item": 3, "keep": "all"}]}
    fake_llm.script = [Reply(text=json.dumps({"title": "Engineer"})), Reply(text=json.dumps(wrong))]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm))

    reask = fake_llm.seen[2].body["contents"][2]["parts"][0]["text"]
    assert "rewrites" in reask and "does not match the schema" in reask
    assert result.resume.work[0].highlights[0].startswith("Added Redis caching")


async def test_invented_facts_are_reverted_and_reported(fake_llm: FakeLLM) -> None:
    source = sample_resume()
    invented = GOOD_EDITS | {
        "summary": "CEO of Google since 2010 with a PhD, who grew revenue 40%.",
        "rewrites": [
            {
                "path": "work[0].highlights[2]",
                "original": source.work[0].highlights[2],
                "text": "Built Kafka pipelines at Google in 2009 that raised throughput 40%.",
            },
            {"path": "work[0].name", "original": "Harbour Analytics", "text": "Google"},
            {"path": "education[0].studyType", "original": "BSc", "text": "MSc"},
        ],
    }
    fake_llm.script = [
        Reply(text=json.dumps({"title": "Engineer"})),
        Reply(text=json.dumps(invented)),
    ]

    result = await tailor_resume(source, BACKEND_JOB, settings=gemini_settings(fake_llm))

    tailored = result.resume
    assert tailored.basics.summary == source.basics.summary
    assert source.work[0].highlights[2] in tailored.work[0].highlights
    assert tailored.work[0].name == "Harbour Analytics"
    assert tailored.education[0].studyType == "BSc"
    reverted = {(r.kind, r.value) for r in result.report.reverted}
    assert {("number", "40%"), ("date", "2009"), ("date", "2010"), ("degree", "phd")} <= reverted
    assert ("name", "Google") in reverted
    assert len(result.report.rejected_edits) == 2
    # `changes` holds only what reached the résumé: the reverted rewrites are not there.
    kept = {change.id for change in result.report.changes}
    assert "summary" not in kept and "rewrite:work[0].highlights[2]" not in kept
    assert "bullets:work[0]" in kept
    assert "We undid 2 edits the AI proposed" in result.report.summary
    assert "Google (name)" in result.report.summary


async def test_a_model_rewrite_that_claims_a_missing_job_term_is_reverted(
    fake_llm: FakeLLM,
) -> None:
    source = sample_resume()
    claim = {
        "rewrites": [
            {
                "path": "work[1].highlights[1]",
                "original": source.work[1].highlights[1],
                "text": "Wrote PostgreSQL reporting queries with observability in mind.",
            }
        ]
    }
    fake_llm.script = [
        Reply(text=json.dumps(GOOD_JOB_WITH_OBSERVABILITY)),
        Reply(text=json.dumps(claim)),
    ]

    result = await tailor_resume(source, BACKEND_JOB, settings=gemini_settings(fake_llm))

    assert result.resume.work[1].highlights[1] == source.work[1].highlights[1]
    assert ("keyword", "observability") in {(r.kind, r.value) for r in result.report.reverted}
    assert result.report.changes == [] or all(c.kind != "rewrite" for c in result.report.changes)
    assert result.report.coverage_after.missing.count("observability") == 1


async def test_fallback_to_offline_when_gemini_is_down(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = gemini_error(503, "UNAVAILABLE")

    result = await tailor_resume(
        sample_resume(),
        BACKEND_JOB,
        settings=gemini_settings(fake_llm, llm_max_retries=0),
        fallback_to_offline=True,
    )

    assert result.report.fell_back_to_offline
    assert result.report.provider == "offline"


async def test_cover_letter_from_gemini_is_grounded(fake_llm: FakeLLM) -> None:
    letter = {
        "greeting": "Dear Hiring Manager,",
        "paragraphs": [
            "I am applying for the Senior Backend Engineer role at Lumen Freight.",
            "As CEO of Google I grew revenue by 40%. I also built Kafka pipelines.",
        ],
        "closing": "Sincerely,",
    }
    fake_llm.script = [Reply(text=json.dumps({"title": "Senior Backend Engineer"}))]
    fake_llm.script += [Reply(text=json.dumps(GOOD_EDITS)), Reply(text=json.dumps(letter))]

    result = await tailor_resume(
        sample_resume(), BACKEND_JOB, settings=gemini_settings(fake_llm), cover_letter=True
    )

    assert result.cover_letter is not None
    body = " ".join(result.cover_letter.paragraphs)
    assert "Google" not in body and "40%" not in body
    assert "I also built Kafka pipelines." in body
    assert result.cover_letter.sender.email == "mira.okafor@example.org"
    assert result.report.cover_letter_reverted
