"""Every back-office page at 390 px in headless Chromium, for every role that can see it: no
horizontal scroll, navigation links never broken inside a word, chart labels whole and inside
their chart. Pages are filled with long content first (names, notes, transcripts, versions)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from core.settings import Settings
from storage.banks import add_bank, find_bank
from storage.db import open_database
from storage.models import (
    BankAlias,
    Conversation,
    GoldenQuestion,
    IndexVersion,
    Message,
)
from storage.whitelist import add_whitelist_entry
from tests.admin.owner_talk import owner_conversation
from tests.browser import ARTIFACTS, launch_chromium
from tests.helpers.staff import PASSWORD, Seeded, add_request, push_to
from tests.live_server import LiveServer

pytestmark = pytest.mark.browser

WIDTH = 390
LONG_NAME = "三明" + "SANMINGXINYUANTECHNOLOGY" * 2 + "超长无空格企业名称测试有限公司"
LONG_BANK = "福建三明农村商业银行股份有限公司永安市城关支行营业部（测试用超长名称）"
TITLE_6 = "第6条 加大专项贷款投放力度，支持科技型、外贸型、商贸流通型民营小微企业融资"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for this module."""
    yield from launch_chromium()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A tab 390 px wide (a phone)."""
    context = browser.new_context(
        locale="zh-CN", viewport={"width": WIDTH, "height": 844}, device_scale_factor=1
    )
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


@pytest.fixture
def ids(settings: Settings, admin_live: LiveServer, seeded: Seeded) -> dict[str, int]:
    """Long content on every page; returns the ids the pages need."""
    request_id, handoff_id = owner_conversation(settings)
    db = open_database(settings)
    with db.session() as session:
        bank = add_bank(session, name=LONG_BANK)
        listed_a = find_bank(session, "甲银行三明分行")
        assert listed_a is not None
        session.add(BankAlias(name="甲银行", bank_id=listed_a.id, source="migration"))
        long_req = add_request(
            session,
            random.Random(9),
            company_name=LONG_NAME,
            note="备注" + "很长的备注内容没有任何空格" * 12,
            amount_wan=300.5,
        )
        long_req.status = "pushed"
        push_to(session, long_req.id, LONG_BANK, outcome_note="说明" * 60)
        push_to(session, long_req.id, "甲银行三明分行")
        add_whitelist_entry(
            session,
            credit_code=long_req.credit_code,
            company_name=LONG_NAME,
            note="联系人 13912345678 " + "白名单备注" * 20,
            added_by="coord",
        )
        conversation = Conversation(channel="web", user_id="insights-1", state={})
        session.add(conversation)
        session.flush()
        for i in range(3):
            session.add(
                Message(conversation_id=conversation.id, direction="in", text="专项贷款" * 8)
            )
            cite = {"doc_id": "measure-6", "article": 6, "title": TITLE_6, "source": "x"}
            session.add(
                Message(
                    conversation_id=conversation.id,
                    direction="out",
                    text="回答" * 80,
                    intent="policy_question",
                    in_scope=i != 0,
                    top_score=0.1,
                    citations=[cite],
                    feedback=-1,
                )
            )
        session.add(
            IndexVersion(
                label="v20261129-1200-abcdef",
                status="refused",
                metrics={
                    "before": {"hit@3": 0.97, "mrr": 0.9},
                    "after": {"hit@3": 0.95, "mrr": 0.88},
                    "reasons": ["前三命中率下降" * 5],
                },
                documents=[f"工作人员文档{i}-非常长的文件名称.docx" for i in range(6)],
                actor="coord",
            )
        )
        session.add(GoldenQuestion(question="回归问题" * 30, articles=[6], added_by="coord"))
        found = {"request": request_id, "handoff": handoff_id, "long": long_req.id}
        found["bank"] = bank.id
    db.dispose()
    return found | {"for_a": seeded.for_a}


EVERYONE = ("admin1", "coord", "officer_a", "viewer1")
OFFICE = ("admin1", "coord", "viewer1")
EDITORS = ("admin1", "coord")
# (path, roles that can see it); {name} is filled from `ids`.
PAGES = [
    ("/admin/dashboard", EVERYONE),
    ("/admin/requests", EVERYONE),
    ("/admin/requests?status=recommended&status=pushed", OFFICE),
    ("/admin/requests/{for_a}", EVERYONE),
    ("/admin/requests/{long}", OFFICE),
    ("/admin/requests/{request}", OFFICE),
    ("/admin/whitelist", OFFICE),
    ("/admin/insights", OFFICE),
    ("/admin/handoffs", EDITORS),
    ("/admin/handoffs/{handoff}", EDITORS),
    ("/admin/knowledge", EDITORS),
    ("/admin/audit", ("admin1",)),
    ("/admin/users", ("admin1",)),
    ("/admin/banks", ("admin1",)),
    ("/admin/audit", ("officer_a", "viewer1")),  # the refusal page
]

OVERFLOW = """() => {
  const root = document.scrollingElement;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > root.clientWidth + 0.5 && !el.closest('.table-wrap, table')) {
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && el.className.baseVal === undefined ? '.' + el.className : ''));
    }
  }
  return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 5)};
}"""
NAV_LINES = """() => Array.from(document.querySelectorAll('header.top nav a, header.top .brand'))
  .filter(a => { const r = document.createRange(); r.selectNodeContents(a);
    return new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top))).size > 1; })
  .map(a => a.textContent)"""
CHART_TEXT = """() => Array.from(document.querySelectorAll('svg.chart')).flatMap(svg => {
  const view = svg.viewBox.baseVal;
  return Array.from(svg.querySelectorAll('text')).filter(t => {
    const b = t.getBBox();
    return b.x < view.x - 0.5 || b.x + b.width > view.x + view.width + 0.5;
  }).map(t => t.textContent);
})"""


def _login(page: Any, live: LiveServer, username: str) -> None:
    page.goto(f"{live.url}/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#who")


def _check(page: Any, url: str, name: str) -> list[str]:
    """What is wrong with the page at 390 px (empty when nothing)."""
    response = page.goto(url)
    assert response is not None and response.status in (200, 403), (url, response.status)
    page.wait_for_load_state("load")
    problems = []
    found = page.evaluate(OVERFLOW)
    if found["scroll"] > found["client"]:
        problems.append(f"{url}: {found['scroll']} px wide > {found['client']} ({found['wide']})")
    broken = page.evaluate(NAV_LINES)
    if broken:
        problems.append(f"{url}: navigation broken inside {broken}")
    clipped = page.evaluate(CHART_TEXT)
    if clipped:
        problems.append(f"{url}: chart labels clipped {clipped[:3]}")
    labels = " ".join(
        page.eval_on_selector_all("svg.chart text", "ts => ts.map(t => t.textContent)")
    )
    if "条 第" in labels:
        problems.append(f"{url}: a chart label repeats its measure number")
    if problems:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"admin-390-{name}.png"), full_page=True)
    return problems


@pytest.mark.parametrize("username", EVERYONE)
def test_every_page_fits_a_phone_for_each_role(
    phone: Any, admin_live: LiveServer, ids: dict[str, int], username: str
) -> None:
    _login(phone, admin_live, username)
    problems: list[str] = []
    checked = 0
    for path, roles in PAGES:
        if username not in roles:
            continue
        url = admin_live.url + path.format(**ids)
        name = f"{username}-{path.strip('/').replace('/', '-').split('?')[0]}"
        problems += _check(phone, url, name)
        checked += 1
    assert checked >= 4
    assert problems == [], "\n".join(problems)


def test_login_page_fits_a_phone(phone: Any, admin_live: LiveServer) -> None:
    problems = _check(phone, f"{admin_live.url}/admin/login", "login")
    assert problems == [], "\n".join(problems)
