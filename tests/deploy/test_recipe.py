"""The deployment recipe is consistent with the product: settings, services, proxy, lock file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from core.settings import Settings
from web.ratelimit import TrustedProxies

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def env_example() -> dict[str, str]:
    """KEY=value lines of deploy/policybot.env.example."""
    pairs = {}
    for line in (DEPLOY / "policybot.env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def known_settings() -> set[str]:
    """Environment names Settings reads (aliases, else the upper-cased field name)."""
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.add(alias.upper() if isinstance(alias, str) else name.upper())
    return names


def compose() -> dict[str, Any]:
    """deploy/compose.yaml parsed."""
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return loaded


def test_env_example_names_only_real_settings_and_the_shared_ones() -> None:
    pairs = env_example()
    assert set(pairs) <= known_settings(), set(pairs) - known_settings()
    for shared in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "CHROMA_URL", "TRUSTED_PROXIES"):
        assert pairs.get(shared), f"{shared} must be set for several instances"
    values: dict[str, Any] = {k.lower(): v for k, v in pairs.items()}
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    assert settings.resolved_database_url.startswith("postgresql+psycopg://")
    assert TrustedProxies(settings.csv_list(settings.trusted_proxies)).networks


def test_compose_runs_instances_after_one_migration_with_every_service() -> None:
    services = compose()["services"]
    assert {"postgres", "redis", "chroma", "init", "app", "proxy"} <= set(services)
    assert "policybot migrate" in " ".join(services["init"]["command"])
    assert services["app"]["depends_on"]["init"]["condition"] == "service_completed_successfully"
    assert services["app"]["deploy"]["replicas"] >= 2
    for name in ("postgres", "redis", "chroma"):
        assert "healthcheck" in services[name], name
    assert services["proxy"]["depends_on"]["app"]["condition"] == "service_healthy"
    assert "/readyz" in (DEPLOY / "Dockerfile").read_text()


def test_proxy_terminates_tls_and_sets_the_client_address() -> None:
    conf = (DEPLOY / "nginx.conf").read_text()
    assert re.search(r"listen 443 ssl;", conf)
    headers = re.findall(r"proxy_set_header X-Forwarded-For (\S+);", conf)
    assert headers and set(headers) == {"$remote_addr"}  # not the client's own header
    assert "proxy_buffering off" in conf  # SSE


@pytest.mark.parametrize("target", ["Makefile", "deploy/Dockerfile"])
def test_installs_come_from_the_hashed_lock(target: str) -> None:
    text = (ROOT / target).read_text()
    assert "--require-hashes -r" in text and "requirements.lock" in text.replace(
        "$(LOCK)", "requirements.lock"
    )


def test_lock_pins_every_dependency_with_hashes() -> None:
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {m.lower().replace("_", "-") for m in re.findall(r"^([A-Za-z0-9_.\-]+)==", lock, re.M)}
    project = (ROOT / "pyproject.toml").read_text()
    wanted = re.findall(r'^\s+"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?[<>=!~]', project, re.M)
    missing = {w.lower().replace("_", "-") for w in wanted} - pinned
    assert missing == set()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n\n", 1)[-1])
    assert all("--hash=sha256:" in block for block in blocks if "==" in block)
