"""The app's runtime services: one typed `Services` object on `app.state.services`.

`server.create_app` attaches it (`attach_services`) with the settings and the web limits; the
lifespan fills in what it opens (`db`, `answerer`, `engine`, `index_version`) and the channels
and background jobs keep their runtime parts on it (the Telegram channel, its polling lock and
tasks, the WeChat runtime, the index and expiry watchers). This is the only module that reads
or writes `app.state`; routes take `ServicesDep` (or call `services(request)`), code holding the
app calls `services_of(app)`.

Mutable parts are swapped in place: a publish replaces `answerer` (and the engine's) and
`index_version` (admin/index_sync.py `swap_answerer`), so read them per request, never keep
them. `db`, `answerer` and `engine` are unset until the lifespan opens them: reading one raises
AttributeError (`getattr(services, "db", None)` tells), as `web_limits` in apps built without
`server.create_app` (the tests' channel apps).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends
from starlette.applications import Starlette
from starlette.requests import HTTPConnection

from bot.answer_source import AnswerSource
from core.client_address import TrustedProxies
from core.settings import Settings
from storage.db import Database

if TYPE_CHECKING:  # upper layers and heavy modules: types only
    from anyio import CapacityLimiter

    from admin.login_throttle import LoginThrottle
    from bot.channels.telegram.app import TelegramChannel
    from bot.channels.telegram.ordering import OrderedDelivery
    from bot.channels.wechat.runtime import WechatRuntime
    from bot.engine import Engine
    from storage.locks import HeldLock
    from web.ratelimit import WebLimits

__all__ = ["Services", "ServicesDep", "attach_services", "services", "services_of"]


@dataclass(eq=False)
class Services:
    """Everything the app shares between requests, channels and background jobs."""

    settings: Settings
    # The public API's per-client rate limits (set by `server.create_app`), then what the
    # lifespan opens: unset before, reading one raises AttributeError.
    web_limits: WebLimits = field(init=False, repr=False)
    db: Database = field(init=False, repr=False)
    engine: Engine = field(init=False, repr=False)
    # The served answerer and the published index version it comes from ("base": the local
    # index, None before the lifespan loaded one); swapped together on publish.
    answerer: AnswerSource = field(init=False, repr=False)
    index_version: str | None = None
    admin_index_dir: Path | None = None  # the published index folder this instance unpacked
    index_watcher: asyncio.Task[None] | None = None
    expiry_watch: asyncio.Task[None] | None = None
    # Created on first use.
    engine_limiter: CapacityLimiter | None = None
    trusted_proxies: TrustedProxies | None = None
    admin_login_throttle: LoginThrottle | None = None
    # Telegram: the running channel (None while off, standing by or retrying its start), the
    # polling lock held while this process polls, the per-chat sequencer and the tasks.
    telegram: TelegramChannel | None = None
    telegram_lock: HeldLock | None = None
    telegram_ordering: OrderedDelivery | None = None
    telegram_starter: asyncio.Task[None] | None = None
    telegram_supervisor: asyncio.Task[None] | None = None
    telegram_tasks: set[asyncio.Task[None]] = field(default_factory=set)
    wechat: WechatRuntime | None = None  # WeChat/WeCom state created by its `start`


def attach_services(app: Starlette, services: Services) -> Services:
    """Put `services` on the app (`app`: a Starlette/FastAPI app); returns it."""
    app.state.services = services
    return services


def services_of(app: Starlette) -> Services:
    """The services of a Starlette/FastAPI app (AttributeError before `attach_services`)."""
    found: Services = app.state.services
    return found


def services(conn: HTTPConnection) -> Services:
    """The services of the app serving this request (a FastAPI dependency)."""
    return services_of(conn.app)


ServicesDep = Annotated[Services, Depends(services)]
