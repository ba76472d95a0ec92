"""deploy/compose.yaml and the Dockerfile say what deploy/check runs (it runs them for real)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from resumeforge.config import Settings

REPO = Path(__file__).resolve().parents[2]


def load_compose() -> dict[str, Any]:
    compose: dict[str, Any] = yaml.safe_load((REPO / "deploy" / "compose.yaml").read_text())
    return compose


def test_compose_names_the_services_with_replicas_and_a_one_shot_migration() -> None:
    services = load_compose()["services"]
    assert set(services) == {"postgres", "redis", "migrate", "api", "worker"}
    assert services["api"]["deploy"]["replicas"] == 2
    assert services["worker"]["deploy"]["replicas"] == 2
    assert services["migrate"]["command"] == ["resumeforge", "db", "upgrade"]
    assert services["migrate"]["restart"] == "no"
    assert services["worker"]["command"] == ["resumeforge", "worker"]
    for name in ("postgres", "redis", "api"):
        assert isinstance(services[name]["healthcheck"]["test"], str), name


def test_compose_commits_no_secret_and_reads_settings_from_the_generated_env() -> None:
    text = (REPO / "deploy" / "compose.yaml").read_text()
    # Every secret is a reference to deploy/.env, never a value.
    secret_key = r"^\s*\w*(PASSWORD|SECRET|TOKEN)\w*:\s*(?!\$\{)\S"
    assert not re.search(secret_key, text, re.MULTILINE)
    assert len(re.findall(r"^\s*\w*PASSWORD:", text, re.MULTILINE)) == 2
    for name in ("migrate", "api", "worker"):
        service = load_compose()["services"][name]
        assert service["env_file"] == ".env"
        assert service["environment"]["RESUMEFORGE_ENV"] == "production"
        assert "${POSTGRES_PASSWORD:?" in service["environment"]["DATABASE_URL"]


def test_compose_sets_only_settings_the_service_knows() -> None:
    known = {name.upper() for name in Settings.model_fields}
    for name in ("api", "worker"):
        assert set(load_compose()["services"][name]["environment"]) <= known


def test_dockerfile_runs_serve_as_a_non_root_user_with_a_liveness_check() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert 'CMD ["resumeforge", "serve"]' in dockerfile
    assert re.search(r"^USER 10001", dockerfile, re.MULTILINE)
    assert re.search(r"^HEALTHCHECK .*\n.*/health/live", dockerfile, re.MULTILINE)
    for package in ("tesseract-ocr", "fonts-noto-core", "fonts-noto-cjk"):
        assert package in dockerfile
