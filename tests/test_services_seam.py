"""One typed seam to the app's runtime parts: `bot.services.Services` on `app.state.services`.

Nothing but `bot/services.py` reads or writes `app.state` (core/client_address.py, below the bot
layer, reads only `app.state.services`); the index swap replaces the served answerer everywhere.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest

from admin.index_sync import current_embedder, swap_answerer
from bot.answer_source import AnswerSource
from bot.services import Services, services_of
from core.settings import Settings
from server import create_app
from web.answer_cache import CachedAnswerer

if TYPE_CHECKING:
    pass

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "data", "build", ".git", "node_modules"}
# `<anything>app.state` as code, in any spelling: request.app.state, getattr(app.state, ...),
# telegram_app.state, self.app.state.
STATE_READ = re.compile(r"\w*app\.state\b(\.\w+)?")
ALLOWED = {
    "bot/services.py": None,  # the seam itself: any attribute
    "core/client_address.py": {".services"},  # below bot: reads the object untyped
}


def python_files() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*.py"))
        if not SKIPPED & set(path.relative_to(ROOT).parts) and path != Path(__file__).resolve()
    ]


def state_reads(path: Path) -> list[tuple[int, str]]:
    """(line number, attribute) of every `app.state` access in the file's code lines."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        code = line.split("#", 1)[0]
        for match in STATE_READ.finditer(code):
            found.append((number, match.group(1) or ""))
    return found


def test_the_scan_sees_every_spelling_of_an_app_state_access(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "a = request.app.state.db\n"
        "b = getattr(app.state, 'engine', None)\n"
        "telegram_app.state.db.dispose()\n"
        "self.app.state.answerer = x\n"
        "# app.state.settings in a comment is no access\n",
        encoding="utf-8",
    )
    assert [n for n, _ in state_reads(sample)] == [1, 2, 3, 4]


def test_app_state_is_reached_only_through_the_services_module() -> None:
    files = python_files()
    assert len(files) > 300
    offenders = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        allowed = ALLOWED.get(rel, set())
        for number, attribute in state_reads(path):
            if allowed is not None and attribute not in allowed:
                offenders.append(f"{rel}:{number} app.state{attribute}")
    assert offenders == []


class Stub:
    """An answer source standing for a loaded index (only identity matters here)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.retriever = type("Retriever", (), {"embedder": f"embedder-{name}"})()

    def answer(self, question: str, *, topic: str | None = None) -> Any:
        raise NotImplementedError

    def document(self, doc_id: str) -> Any:
        return None


class StubEngine:
    answerer: AnswerSource | None = None


@pytest.mark.parametrize("with_engine", [True, False])
@pytest.mark.parametrize("cached", [True, False])
def test_a_swap_serves_the_new_answerer_everywhere(
    settings: Settings, tmp_path: Path, with_engine: bool, cached: bool
) -> None:
    old, new = Stub("old"), Stub("new")
    state = Services(settings)
    state.answerer = CachedAnswerer(old) if cached else old
    state.index_version = "base"
    if with_engine:  # the server's engine; `policybot index --publish` has none
        state.engine = cast(Any, StubEngine())
        state.engine.answerer = state.answerer
    assert current_embedder(state) == "embedder-old"
    swap_answerer(state, cast(AnswerSource, new), label="v2", index_dir=tmp_path)
    served = state.answerer
    assert getattr(served, "inner", served) is new
    assert isinstance(served, CachedAnswerer) == cached  # wrapped like the old one
    assert (state.index_version, state.admin_index_dir) == ("v2", tmp_path)
    assert current_embedder(state) == "embedder-new"
    if with_engine:
        assert state.engine.answerer is served
    else:
        assert getattr(state, "engine", None) is None


def test_create_app_attaches_settings_and_limits_before_the_lifespan(settings: Settings) -> None:
    app = create_app(settings)
    shared = services_of(app)
    assert shared.settings is settings and shared.web_limits is not None
    assert shared.index_version is None
    for opened_by_the_lifespan in ("db", "answerer", "engine"):
        assert getattr(shared, opened_by_the_lifespan, None) is None
        with pytest.raises(AttributeError):
            getattr(shared, opened_by_the_lifespan)
