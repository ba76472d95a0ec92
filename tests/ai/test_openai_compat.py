"""The OpenAI-compatible provider, through the real openai client against a fake server."""

from __future__ import annotations

import json

import pytest

from resumeforge.ai.errors import (
    ContentBlocked,
    InvalidOutput,
    ProviderRateLimited,
    ProviderUnavailable,
)
from resumeforge.ai.service import tailor_resume
from resumeforge.config import Settings, load_settings
from tests.ai.fake_llm import GOOD_EDITS, FakeLLM, Reply, openai_error
from tests.ai.resumes import BACKEND_JOB, INJECTION_JOB, sample_resume


def openai_settings(fake: FakeLLM, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "llm_provider": "openai",
        "openai_base_url": f"{fake.url}/v1",
        "openai_model": "gpt-4o-mini",
        "llm_timeout_seconds": 0.5,
        "llm_max_retries": 2,
        "llm_retry_base_seconds": 0.01,
        "llm_retry_max_seconds": 0.3,
        "llm_call_budget_seconds": 10,
    }
    return load_settings(**(values | overrides))


async def test_good_answer_uses_a_json_schema(fake_llm: FakeLLM) -> None:
    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    assert result.resume.work[0].highlights[0].startswith("Added Redis caching")
    assert result.report.usage[0].cost_usd > 0
    assert fake_llm.seen[0].body["response_format"]["type"] == "json_schema"


async def test_server_without_json_schema_falls_back_to_json_mode(fake_llm: FakeLLM) -> None:
    fake_llm.script = [openai_error(400, "response_format json_schema is not supported")]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    assert fake_llm.seen[1].body["response_format"] == {"type": "json_object"}
    assert result.job.company == "Lumen Freight"


async def test_server_without_any_json_mode_gets_the_schema_in_the_prompt(
    fake_llm: FakeLLM,
) -> None:
    fake_llm.script = [openai_error(400), openai_error(400)]

    await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    assert "response_format" not in fake_llm.seen[2].body
    assert "JSON schema" in fake_llm.seen[2].body["messages"][0]["content"]


async def test_rate_limit_is_retried(fake_llm: FakeLLM) -> None:
    fake_llm.script = [openai_error(429, "slow down", {"retry-after": "0.05"})]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    assert [u.outcome for u in result.report.usage][:2] == ["rate_limited", "ok"]


async def test_persistent_rate_limit_raises(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = openai_error(429, "slow down", {"retry-after": "0.01"})

    with pytest.raises(ProviderRateLimited):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))


@pytest.mark.parametrize("status", [500, 503])
async def test_server_errors_are_retried_then_raise(fake_llm: FakeLLM, status: int) -> None:
    fake_llm.repeat = openai_error(status)

    with pytest.raises(ProviderUnavailable):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    assert len(fake_llm.seen) == 3


async def test_timeout_raises_unavailable(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = Reply(text="{}", delay=1.0)
    settings = openai_settings(fake_llm, llm_timeout_seconds=0.2, llm_max_retries=1)

    with pytest.raises(ProviderUnavailable):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=settings)


async def test_content_filter_raises_content_blocked(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(text="", finish="content_filter")]

    with pytest.raises(ContentBlocked):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))


async def test_fenced_json_is_read(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(text="Sure!\n```json\n" + json.dumps({"title": "Engineer"}) + "\n```")]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    assert result.job.title == "Engineer"


async def test_truncated_answer_is_asked_again(fake_llm: FakeLLM) -> None:
    fake_llm.script = [Reply(text='{"title": "Sen', finish="length")]

    result = await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))

    roles = [message["role"] for message in fake_llm.seen[1].body["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    assert result.job.title == "Senior Backend Engineer"


async def test_wrong_types_twice_raise_invalid_output(fake_llm: FakeLLM) -> None:
    fake_llm.repeat = Reply(text=json.dumps({"skills": "python", "keywords": 7}))

    with pytest.raises(InvalidOutput):
        await tailor_resume(sample_resume(), BACKEND_JOB, settings=openai_settings(fake_llm))


async def test_injected_job_cannot_add_facts(fake_llm: FakeLLM) -> None:
    # A model that obeyed the injection: every invented fact must be reverted.
    obeyed = GOOD_EDITS | {
        "summary": "CEO of Google (2010-2020), PhD from Stanford University.",
        "rewrites": [
            {
                "path": "work[0].highlights[0]",
                "original": "Organised the team's weekly knowledge-sharing sessions.",
                "text": "As CEO of Google, grew revenue by 40%.",
            }
        ],
    }
    fake_llm.script = [Reply(text=json.dumps({"title": "x"})), Reply(text=json.dumps(obeyed))]

    result = await tailor_resume(sample_resume(), INJECTION_JOB, settings=openai_settings(fake_llm))

    text = result.resume.model_dump_json()
    for invented in ("CEO", "Google", "PhD", "Stanford", "40%"):
        assert invented not in text
    assert result.report.reverted
    assert "<job_description>" in fake_llm.seen[1].body["messages"][1]["content"]
