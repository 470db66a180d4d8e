"""Whether LLM mode can be used now: the chat model client and the model server, checked and
re-checked with back-off, so that a broken LLM never takes the service down.

One `ModelAvailability` per model configuration and process (`availability_for(settings)`),
shared by every answerer built in the process (index versions come and go, the model stays):

- at creation it builds the chat model client (no network) and starts one check of the server
  in a background thread: `GET {OPENAI_BASE_URL}/models` with a 3 s bound;
- state `pending` (first check running), `ok`, or `unavailable` (client could not be built,
  server unreachable, or API key refused); going unavailable logs ONE warning (endpoint as
  host:port only, reason masked, no key), coming back logs one info line;
- while unavailable, `usable()` is False (answers are offline) and a new check runs in the
  background once due: after min(5 s, LLM_BREAKER_COOLDOWN_S), doubling up to
  LLM_BREAKER_COOLDOWN_S. Checks are triggered by answers and by `GET /readyz`.

Metrics: `policybot_llm_available` (1/0) and `policybot_llm_unavailable_total{reason}` (failed
checks: client, unreachable, refused).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Literal

from bot.llm.metrics import LLM_AVAILABLE, LLM_UNAVAILABLE
from bot.llm.probe import ModelUnavailable, describe_error, endpoint_label, probe_model
from core.masking import register_secret
from core.settings import Settings

__all__ = [
    "ModelAvailability",
    "ModelUnavailable",
    "availability_for",
    "describe_error",
    "endpoint_label",
    "forget_all",
    "probe_model",
]

log = logging.getLogger(__name__)

State = Literal["pending", "ok", "unavailable"]
FIRST_RETRY_S = 5.0


def _build_default(settings: Settings) -> Any:
    from bot.llm.chain import build_chat_model

    return build_chat_model(settings)


class ModelAvailability:
    """The chat model of one configuration and whether it can be used now (thread-safe)."""

    def __init__(
        self,
        settings: Settings,
        *,
        build: Callable[[Any], Any] = _build_default,
        probe: Callable[[Any], None] | None = probe_model,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Build the client now; start the first server check (skipped when `probe` is None)."""
        register_secret(settings.openai_api_key)
        self.settings = settings
        self.endpoint = endpoint_label(settings.openai_base_url or "")
        self._build, self._probe, self._clock = build, probe, clock
        self._lock = threading.Lock()
        self._checked = threading.Event()
        self._checking = False
        self._model: Any = None
        self._state: State = "pending"
        self.reason = ""
        self._failures = 0
        self._next_check = 0.0
        cooldown = max(float(settings.llm_breaker_cooldown_s), 0.1)
        self._first_retry, self._max_retry = min(FIRST_RETRY_S, cooldown), cooldown
        if not self._build_model():
            return
        if probe is None:
            self._succeed()
        else:
            self._start_check()

    @property
    def state(self) -> State:
        """pending, ok or unavailable."""
        return self._state

    def model(self) -> Any:
        """The chat model (None while it could not be built)."""
        return self._model

    def usable(self) -> bool:
        """Whether answers may go to the model now; when not, starts a re-check once due."""
        if self._state == "unavailable":
            self.refresh_if_due()
            return False
        return self._model is not None

    def status(self) -> Literal["ok", "unavailable"]:
        """For readiness: ok once the server was reached; a due re-check is started."""
        self.refresh_if_due()
        return "ok" if self._state == "ok" else "unavailable"

    def wait_first_check(self, timeout_s: float) -> bool:
        """Block until the first check is over (at most `timeout_s`); True when it is."""
        return self._checked.wait(timeout_s)

    def refresh_if_due(self) -> None:
        """Start a background re-check when unavailable and the back-off has passed."""
        if self._state == "unavailable" and self._clock() >= self._next_check:
            self._start_check()

    def check(self) -> State:
        """Build the client if needed and reach the server now (blocking); the new state."""
        if self._model is None and not self._build_model():
            return self._state
        if self._probe is not None:
            try:
                self._probe(self.settings)
            except ModelUnavailable as exc:
                self._fail(exc.reason, str(exc))
                return self._state
            except Exception as exc:  # a client that cannot even make the request
                self._fail("client", describe_error(exc, self.settings))
                return self._state
        self._succeed()
        return self._state

    def report_broken(self, exc: BaseException) -> None:
        """Something built on the model (the chain) failed to build: unavailable, retry later."""
        with self._lock:
            self._model = None
        self._fail("client", describe_error(exc, self.settings))

    def _build_model(self) -> bool:
        try:
            model = self._build(self.settings)
        except Exception as exc:  # incompatible client library, unusable settings
            self._fail("client", describe_error(exc, self.settings))
            return False
        with self._lock:
            self._model = model
        return True

    def _start_check(self) -> None:
        with self._lock:
            if self._checking:
                return
            self._checking = True
            self._next_check = self._clock() + self._delay()  # no second one meanwhile
        threading.Thread(target=self._run_check, name="llm-check", daemon=True).start()

    def _run_check(self) -> None:
        try:
            self.check()
        finally:
            with self._lock:
                self._checking = False

    def _delay(self) -> float:
        return min(self._first_retry * 2 ** max(self._failures - 1, 0), self._max_retry)

    def _fail(self, reason: str, detail: str) -> None:
        LLM_UNAVAILABLE.labels(reason).inc()
        LLM_AVAILABLE.set(0)
        with self._lock:
            was = self._state
            self._failures += 1
            self._state, self.reason = "unavailable", detail
            delay = self._delay()
            self._next_check = self._clock() + delay
        if was != "unavailable":
            log.warning(
                "LLM mode unavailable (model %s at %s: %s); answering offline, "
                "checking again in %.0f s",
                self.settings.llm_model,
                self.endpoint,
                detail,
                delay,
            )
        else:
            log.debug("LLM model still unavailable: %s", detail)
        self._checked.set()  # after the log line: whoever waited sees it

    def _succeed(self) -> None:
        LLM_AVAILABLE.set(1)
        with self._lock:
            was = self._state
            self._state, self.reason, self._failures = "ok", "", 0
        self._checked.set()
        if was == "unavailable":
            log.info(
                "LLM mode available again (model %s at %s)", self.settings.llm_model, self.endpoint
            )


_registry: dict[tuple[Any, ...], ModelAvailability] = {}
_registry_lock = threading.Lock()


def _config_key(settings: Settings) -> tuple[Any, ...]:
    return (
        settings.llm_model,
        settings.openai_base_url,
        settings.openai_api_key,
        float(settings.llm_timeout_s),
        float(settings.llm_breaker_cooldown_s),
    )


def availability_for(settings: Settings) -> ModelAvailability:
    """The process's `ModelAvailability` for these settings' model configuration."""
    key = _config_key(settings)
    with _registry_lock:
        found = _registry.get(key)
        if found is None:
            found = _registry[key] = ModelAvailability(settings)
        return found


def forget_all() -> None:
    """Drop every known configuration (tests start from a clean process state)."""
    with _registry_lock:
        _registry.clear()
