"""Application settings read from environment variables and `.env`."""

from __future__ import annotations

import json
import os
import secrets
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of the product; each one is documented in `.env.example`."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    # Storage
    data_dir: Path = Field(Path("data"), validation_alias="POLICYBOT_DATA_DIR")
    database_url: str = ""
    chroma_url: str = ""
    redis_url: str = ""  # shared rate limits across instances; empty: in-process memory
    redis_key_prefix: str = "policybot"  # prefix of every Redis key (one per deployment)
    index_poll_s: float = 3.0  # how often an instance checks for a newly published index
    knowledge_dir: Path | None = Field(None, validation_alias="POLICYBOT_KNOWLEDGE_DIR")
    index_dir: Path | None = Field(None, validation_alias="POLICYBOT_INDEX_DIR")

    # Embeddings and the optional LLM
    embedding_backend: str = "use"  # "use" (offline) or "openai"
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_embedding_model: str = "text-embedding-3-small"
    llm_model: str = ""  # empty: answers are composed from the sources, no LLM
    llm_timeout_s: float = 8.0  # whole LLM answer; later → the offline answer
    llm_first_token_timeout_s: float = 3.0  # first token; later → the offline answer
    llm_history_turns: int = 3  # earlier question/answer pairs sent to the model
    llm_rewrite_timeout_s: float = 2.0  # history-aware question rewrite; 0 turns it off
    llm_breaker_failures: int = 3  # failures in a row that open the circuit breaker
    llm_breaker_cooldown_s: float = 60.0  # how long an open breaker keeps the model off

    log_level: str = "INFO"
    # Date override for "today" (ISO date; staging and tests): what answers take as the current
    # day, e.g. whether a policy is in force. Empty: the real Beijing date (core/clock.py).
    today: date | None = Field(None, validation_alias="POLICYBOT_TODAY")
    # Signs staff sessions and widget session ids (web/session_ids.py): the same on every
    # instance; generated into the data dir when empty (one machine)
    secret_key: str = ""
    public_base_url: str = "http://127.0.0.1:8000"

    # Coordination office contact details shown to users (core/office.py): a phone or address
    # is shown only once configured, never a made-up one
    office_name: str = "三明市支持小微企业融资协调工作机制办公室"
    office_phone: str = ""
    office_address: str = ""
    office_hours: str = "工作日 8:00-12:00，15:00-18:00"
    # Who runs this service, named in the answer to "你们是政府的吗" (empty: no name is given)
    service_operator: str = ""

    # Back office: banks put on the managed bank list (/admin/banks) at start when not known yet
    # (a renamed, merged or disabled entry is not listed again); the list itself is managed there
    admin_banks: str = (
        "中国农业银行三明分行,中国工商银行三明分行,中国建设银行三明分行,中国银行三明分行,"
        "中国邮政储蓄银行三明市分行,兴业银行三明分行,福建三明农村商业银行"
    )

    # Back office: working days (Mon-Fri) a bank has to answer a pushed request (measure 8)
    bank_response_days: int = Field(10, ge=1, le=60)

    # Web API
    rate_limit_chat: str = "20/minute"  # questions per conversation, in every channel
    rate_limit_session: str = "60/minute"  # web API requests per widget session
    rate_limit_address: str = "300/minute"  # web API requests per client address (NAT: many)
    rate_limit_intake: str = "5/minute"  # financing requests stored per session (else address)
    trusted_proxies: str = ""  # comma-separated addresses or CIDRs
    # Request body caps (413), web/body_caps.py: JSON APIs, webhooks and anything not below;
    # the unauthenticated /admin/login; other back-office forms; document and whitelist uploads
    max_body_bytes: int = Field(65536, ge=1024)
    max_login_body_bytes: int = Field(4096, ge=512)
    max_form_body_bytes: int = Field(262144, ge=4096)
    max_upload_body_bytes: int = Field(12 * 1024 * 1024, ge=65536)
    # A widget session idle this long ends: the next visitor sees nothing of it (web/sessions.py)
    web_session_idle_minutes: int = Field(30, ge=1, le=1440)
    widget_allowed_origins: str = "*"
    # /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>` when set (empty: open;
    # the shipped nginx never forwards /metrics anyway)
    metrics_token: str = ""  # comma-separated origins allowed to embed the widget

    # Outbox (status notices and staff replies pushed to Telegram, WeChat, WeCom)
    outbox_retry_s: float = Field(30.0, gt=0)  # first retry after a failed send; doubles, ≤ 1 h

    # Telegram
    telegram_bot_token: str = ""
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_webhook_secret: str = ""
    telegram_outbox_interval_s: float = 3.0

    # WeChat Official Account
    wechat_token: str = ""
    wechat_app_id: str = ""
    wechat_app_secret: str = ""
    wechat_encoding_aes_key: str = ""
    # Callback mode accepted: plain | compat | safe (empty: safe when an AES key is set, else
    # plain); callbacks of another mode are refused (bot/channels/wechat/guard.py)
    wechat_message_mode: str = ""
    # WeChat and WeCom callbacks signed further than this from now are refused (replays)
    wechat_timestamp_tolerance_s: int = Field(300, ge=30, le=1800)
    wechat_api_base_url: str = "https://api.weixin.qq.com"
    wechat_menu: str = ""  # JSON menu published by `policybot wechat menu`
    wechat_reply_timeout_s: float = 4.5  # slower replies go out via the customer-service API
    wechat_outbox_interval_s: float = 5.0  # how often status notifications are delivered
    # Subscription message template (订阅通知) for notices outside the 48-hour window; its
    # fields thing1 (topic) and thing2 (summary), at most 20 characters each. Empty: held.
    wechat_subscribe_template_id: str = ""
    # How often each instance checks for documents ending within 30 days (subscriber notices)
    subscription_check_s: float = 3600.0

    # WeCom (企业微信) self-built app
    wecom_corp_id: str = ""
    wecom_agent_id: str = ""
    wecom_secret: str = ""
    wecom_token: str = ""
    wecom_encoding_aes_key: str = ""
    wecom_api_base_url: str = "https://qyapi.weixin.qq.com"

    @field_validator("today", mode="before")
    @classmethod
    def _empty_today_is_none(cls, value: Any) -> Any:
        """POLICYBOT_TODAY= (empty, as in .env.example) means no override; spaces are ignored."""
        if isinstance(value, str):
            return value.strip() or None
        return value

    @property
    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL: DATABASE_URL, else SQLite under the data dir."""
        if self.database_url:
            url = self.database_url
            if url.startswith("postgres://"):
                url = "postgresql://" + url[len("postgres://") :]
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            return url
        return f"sqlite:///{(self.data_dir / 'policybot.sqlite3').resolve()}"

    @property
    def resolved_knowledge_dir(self) -> Path:
        """Folder of knowledge documents: POLICYBOT_KNOWLEDGE_DIR or the packaged data."""
        if self.knowledge_dir is not None:
            return self.knowledge_dir
        return Path(__file__).resolve().parent.parent / "knowledge" / "data"

    @property
    def resolved_index_dir(self) -> Path:
        """Folder of the local index (Chroma, BM25, manifest): POLICYBOT_INDEX_DIR, else the
        version the back office last published (data/index_versions/CURRENT), else data/index."""
        if self.index_dir is not None:
            return self.index_dir
        current = self.data_dir / "index_versions" / "CURRENT"
        if current.is_file() and (published := current.read_text().strip()):
            return self.data_dir / "index_versions" / published
        return self.data_dir / "index"

    @cached_property
    def session_secret(self) -> str:
        """SECRET_KEY, or a random key persisted in the data dir on first use (signs staff
        cookies and widget session ids). Created atomically: processes racing on a fresh data
        dir all end up with the key the first one linked in place."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".secret_key.{secrets.token_hex(8)}")
        draft.write_text(secrets.token_urlsafe(48))
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # fails when another process linked its key first
        except FileExistsError:
            pass
        finally:
            draft.unlink()
        return path.read_text().strip()

    def csv_list(self, value: str) -> list[str]:
        """Split a comma-separated setting into stripped items."""
        return [item.strip() for item in value.split(",") if item.strip()]

    def wechat_menu_json(self) -> dict[str, Any]:
        """The WeChat menu setting parsed as JSON (empty dict when unset)."""
        return json.loads(self.wechat_menu) if self.wechat_menu else {}


def get_settings(**overrides: Any) -> Settings:
    """Build settings from the environment, with explicit overrides (used by tests)."""
    return Settings(**overrides)
