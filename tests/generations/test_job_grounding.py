"""What a model says about the job is checked against the ad: a fake Gemini that names a company
the ad never mentions, pads the title with claims and writes a letter of invented facts gets
none of it into any file a user downloads, nor into a file's name."""

from __future__ import annotations

import json

import httpx

from resumeforge.config import Settings
from resumeforge.db.engine import Database
from tests.ai.fake_llm import GOOD_EDITS, FakeLLM
from tests.conftest import register_and_login
from tests.generations.conftest import generation_body, wait_until_finished, worker_running
from tests.rendering.text import docx_text, pdf_text

PADDED_TITLE = (
    "Senior Backend Engineer who led 400 engineers at Initrode and won the Hopper Medal twice"
)
INVENTED_LETTER = {
    "greeting": "Dear Globex Dynamics team,",
    "paragraphs": [
        PADDED_TITLE + ".",
        "At Globex Dynamics I grew revenue by 70% as Chief Technology Officer.",
        "I hold a PhD from Stanford University and won the Hopper Medal in 2019.",
    ],
    "closing": "Yours, the CTO of Initrode",
}
INVENTIONS = ("Globex", "Initrode", "Hopper", "400", "70%", "Stanford", "PhD", "Chief Technology")


def lying_model(prompt: str) -> str:
    if "Extract the structure of the job" in prompt:
        answer = {
            "title": PADDED_TITLE,
            "company": "Globex Dynamics",
            "location": "Springfield",
            "skills": ["python", "fastapi", "cobol"],
            "keywords": ["python", "kafka", "mainframe"],
        }
        return json.dumps(answer)
    if "cover letter" in prompt.lower():
        return json.dumps(INVENTED_LETTER)
    return json.dumps(GOOD_EDITS)


async def test_model_claims_about_the_job_reach_no_file_and_no_file_name(
    gemini_client: httpx.AsyncClient, gemini_settings: Settings, db: Database, fake_llm: FakeLLM
) -> None:
    fake_llm.answer = lying_model
    tokens = await register_and_login(gemini_client, "grounded@example.com")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    started = await gemini_client.post(
        "/api/v1/generations",
        json=generation_body(provider="gemini", kind="both"),
        headers=headers,
    )
    assert started.status_code == 202, started.text
    async with worker_running(gemini_settings, db):
        done = await wait_until_finished(gemini_client, headers, started.json()["id"])

    assert done["status"] == "succeeded", done["error"]
    texts: dict[str, str] = {}
    for file in done["files"]:
        response = await gemini_client.get(file["url"], headers=headers)
        assert response.status_code == 200
        disposition = response.headers["content-disposition"]
        assert not any(word in disposition for word in INVENTIONS), disposition
        name = file["name"]
        if name.endswith(".pdf"):
            texts[name] = pdf_text(response.content)
        elif name.endswith(".docx"):
            texts[name] = docx_text(response.content)
        else:
            # The report lists what grounding removed, quoting it as removed; every other field
            # must be free of the model's claims.
            report = json.loads(response.content)
            removed = [report.pop(key) for key in ("reverted", "cover_letter_reverted", "notes")]
            assert all(revert["action"] == "removed" for revert in removed[1])
            texts[name] = json.dumps(report)
    assert {"resume.pdf", "resume.docx", "cover-letter.pdf", "cover-letter.docx"} <= set(texts)
    for name, text in texts.items():
        found = [word for word in INVENTIONS if word in text]
        assert found == [], (name, found)
    assert "Mira Okafor" in texts["cover-letter.pdf"]
    letter = " ".join(texts["cover-letter.docx"].split())
    assert "I am writing to apply for the Senior Backend Engineer position." in letter
    report = json.loads(texts["report.json"])
    assert report["company"] == "" and report["job_title"] == "Senior Backend Engineer"
    assert "cobol" not in report["keywords"] and "mainframe" not in report["keywords"]
