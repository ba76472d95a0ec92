from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ai.fake_llm import FakeLLM, serve


@pytest.fixture(scope="session")
def fake_llm_server() -> Iterator[FakeLLM]:
    yield from serve(FakeLLM())


@pytest.fixture
def fake_llm(fake_llm_server: FakeLLM) -> FakeLLM:
    fake_llm_server.reset()
    return fake_llm_server
