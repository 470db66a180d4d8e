"""The WeChat / WeCom API clients and `policybot wechat menu` against the fake API on loopback."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
from pathlib import Path

import httpx
import pytest

from bot.channels.wechat.client import WechatClient, WecomClient
from bot.channels.wechat.errors import WechatApiError
from core.settings import Settings
from policybot.commands.wechat import publish_menu
from tests.channels.wechat.fake_api import FakeWechatApi

CUSTOM_SEND = "/cgi-bin/message/custom/send"


async def send_wechat(fake: FakeWechatApi, texts: list[str], *, revoke_after: int = -1) -> None:
    async with httpx.AsyncClient() as http:
        client = WechatClient(http, fake.base_url, fake.app_id, fake.app_secret)
        for number, text in enumerate(texts):
            if number == revoke_after:
                fake.revoke_tokens()
            await client.send_text("openid-1", text)


def test_send_text_caches_access_token(wechat_fake_api: FakeWechatApi) -> None:
    asyncio.run(send_wechat(wechat_fake_api, ["一", "二", "三"]))
    assert [b["text"]["content"] for b in wechat_fake_api.sent(CUSTOM_SEND)] == ["一", "二", "三"]
    assert wechat_fake_api.token_requests("/cgi-bin/token") == 1


def test_send_text_refreshes_rejected_token(wechat_fake_api: FakeWechatApi) -> None:
    asyncio.run(send_wechat(wechat_fake_api, ["一", "二"], revoke_after=1))
    assert len(wechat_fake_api.sent(CUSTOM_SEND)) == 2
    assert wechat_fake_api.token_requests("/cgi-bin/token") == 2


def test_send_text_quota_error_logged_and_raised(
    wechat_fake_api: FakeWechatApi, caplog: pytest.LogCaptureFixture
) -> None:
    wechat_fake_api.fail_next[CUSTOM_SEND] = [45047]
    with caplog.at_level(logging.WARNING), pytest.raises(WechatApiError) as err:
        asyncio.run(send_wechat(wechat_fake_api, ["一"]))
    assert err.value.errcode == 45047
    assert "45047" in caplog.text
    assert wechat_fake_api.sent(CUSTOM_SEND) == []


def test_token_with_wrong_secret_raises(wechat_fake_api: FakeWechatApi) -> None:
    async def send() -> None:
        async with httpx.AsyncClient() as http:
            client = WechatClient(http, wechat_fake_api.base_url, wechat_fake_api.app_id, "wrong")
            await client.send_text("openid-1", "一")

    with pytest.raises(WechatApiError) as err:
        asyncio.run(send())
    assert err.value.errcode == 40125
    assert wechat_fake_api.sent(CUSTOM_SEND) == []


def test_wecom_send_text_uses_gettoken_and_agent(wechat_fake_api: FakeWechatApi) -> None:
    async def send() -> None:
        async with httpx.AsyncClient() as http:
            fake = wechat_fake_api
            client = WecomClient(http, fake.base_url, fake.corp_id, fake.corp_secret, "1000002")
            await client.send_text("zhangsan", "您好")

    asyncio.run(send())
    [body] = wechat_fake_api.sent("/cgi-bin/message/send")
    assert body == {
        "touser": "zhangsan",
        "msgtype": "text",
        "agentid": 1000002,
        "text": {"content": "您好"},
    }
    assert wechat_fake_api.token_requests("/cgi-bin/gettoken") == 1


def menu_settings(fake: FakeWechatApi, data_dir: Path, menu: str) -> Settings:
    return Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=data_dir,  # type: ignore[call-arg]
        WECHAT_APP_ID=fake.app_id,
        WECHAT_APP_SECRET=fake.app_secret,
        WECHAT_API_BASE_URL=fake.base_url,
        WECHAT_MENU=menu,
    )


def test_wechat_menu_publishes_setting(wechat_fake_api: FakeWechatApi, data_dir: Path) -> None:
    menu = {"button": [{"type": "click", "name": "续贷", "key": "RENEWAL"}]}
    settings = menu_settings(wechat_fake_api, data_dir, json.dumps(menu, ensure_ascii=False))
    assert publish_menu(argparse.Namespace(dry_run=False), settings) == 0
    assert wechat_fake_api.sent("/cgi-bin/menu/create") == [menu]


def test_wechat_menu_default_when_unset(wechat_fake_api: FakeWechatApi, data_dir: Path) -> None:
    settings = menu_settings(wechat_fake_api, data_dir, "")
    assert publish_menu(argparse.Namespace(dry_run=False), settings) == 0
    [menu] = wechat_fake_api.sent("/cgi-bin/menu/create")
    assert menu["button"][1]["sub_button"][0]["key"] == "APPLY"


@pytest.mark.parametrize(
    "menu",
    [
        "{not json",
        json.dumps({"button": []}),
        json.dumps({"button": [{"type": "click", "name": "x"}]}),
        json.dumps({"button": [{"name": "a", "sub_button": [{"type": "view", "name": "b"}]}]}),
    ],
)
def test_wechat_menu_refuses_invalid(
    wechat_fake_api: FakeWechatApi, data_dir: Path, menu: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = menu_settings(wechat_fake_api, data_dir, menu)
    assert publish_menu(argparse.Namespace(dry_run=False), settings) == 2
    assert "菜单" in capsys.readouterr().err
    assert wechat_fake_api.sent("/cgi-bin/menu/create") == []


def test_wechat_menu_cli_reports_api_error(
    wechat_fake_api: FakeWechatApi, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wechat_fake_api.fail_next["/cgi-bin/menu/create"] = [40018]
    settings = menu_settings(wechat_fake_api, data_dir, "")
    assert publish_menu(argparse.Namespace(dry_run=False), settings) == 1
    assert "40018" in capsys.readouterr().err


def test_policybot_wechat_menu_command_publishes(
    wechat_fake_api: FakeWechatApi,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from policybot.cli import main

    monkeypatch.chdir(tmp_path)  # no developer .env
    menu = {"button": [{"type": "click", "name": "融资登记", "key": "APPLY"}]}
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WECHAT_APP_ID", wechat_fake_api.app_id)
    monkeypatch.setenv("WECHAT_APP_SECRET", wechat_fake_api.app_secret)
    monkeypatch.setenv("WECHAT_API_BASE_URL", wechat_fake_api.base_url)
    monkeypatch.setenv("WECHAT_MENU", json.dumps(menu, ensure_ascii=False))
    assert main(["wechat", "menu"]) == 0
    assert "菜单已发布" in capsys.readouterr().out
    assert wechat_fake_api.sent("/cgi-bin/menu/create") == [menu]


def test_wechat_menu_dry_run_prints_without_publishing(
    wechat_fake_api: FakeWechatApi, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = menu_settings(wechat_fake_api, data_dir, "")
    assert publish_menu(argparse.Namespace(dry_run=True), settings) == 0
    assert json.loads(capsys.readouterr().out)["button"][0]["name"] == "政策问答"
    assert wechat_fake_api.calls == []
