"""Two `policybot serve` processes on one PostgreSQL and one Redis behave as one service."""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from core.settings import Settings
from storage.db import open_database
from storage.staff import create_staff_user
from tests.helpers.instances import CLUSTER_SECRET_KEY, Instance, wait_for
from tests.helpers.intake import intake_payload
from tests.helpers.staff import PASSWORD, csrf_of, login
from web.session_ids import issue_session_id

pytestmark = pytest.mark.postgres

STAFF_DOC = (
    "---\ntitle: 沙溪助企贷\narticles: 6\n---\n"
    "沙溪助企贷是沙县区小微企业专属的信用贷款产品，由三明市沙溪助企服务中心受理。"
    "申请沙溪助企贷需要营业执照和近三个月纳税证明。沙溪助企贷单户额度最高三百万元。\n"
)
STAFF_QUESTION = "沙溪助企贷是什么"
STAFF_FACT = "沙溪助企服务中心"


def chat(instance: Instance, text: str, session_id: str | None = None) -> httpx.Response:
    """POST /api/chat to one instance."""
    body: dict[str, Any] = {"text": text}
    if session_id:
        body["session_id"] = session_id
    return httpx.post(f"{instance.url}/api/chat", json=body, timeout=60)


def reply_text(response: httpx.Response) -> str:
    """All message texts of a chat reply."""
    return "\n".join(m.get("text", "") for m in response.json()["messages"])


def _said(response: httpx.Response) -> str:
    """The text of a chat reply, JSON or SSE."""
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        from web.sse import parse_sse

        return "".join(d.get("text", "") for n, d in parse_sse(response.text) if n == "delta")
    return "\n".join(m["text"] for m in response.json()["messages"])


@pytest.mark.parametrize("route", ["/api/chat", "/api/chat/stream"])
def test_rate_limit_is_shared_across_instances(
    cluster: Callable[..., list[Instance]], route: str
) -> None:
    """Questions per conversation and requests per address are counted once for both."""
    a, b = cluster(2, RATE_LIMIT_CHAT="3/minute", RATE_LIMIT_ADDRESS="8/minute")
    shared = issue_session_id(CLUSTER_SECRET_KEY)  # as either instance issues it
    question = {"session_id": shared, "text": "贷款快到期了，可以续贷吗？"}
    with httpx.Client(timeout=60) as http:
        said = [_said(http.post(f"{i.url}{route}", json=question)) for i in (a, b, a, b)]
        assert ["提问太频繁" in text for text in said] == [False, False, False, True]
        status = {"session_id": shared, "text": "进度"}
        codes = [http.post(f"{i.url}{route}", json=status).status_code for i in (a, b, a, b)]
        assert codes == [200] * 4  # 进度 is no question
        ninth = [http.post(f"{i.url}{route}", json=status) for i in (a, b)]
    assert [r.status_code for r in ninth] == [429, 429]
    assert all(1 <= int(r.headers["retry-after"]) <= 60 for r in ninth)


def test_login_throttle_is_shared_across_instances(
    cluster: Callable[..., list[Instance]],
) -> None:
    a, b = cluster(2)
    codes = []
    for attempt in range(21):
        instance = (a, b)[attempt % 2]
        with httpx.Client(base_url=instance.url, timeout=60) as http:
            codes.append(login(http, f"nobody{attempt}", "wrong-password").status_code)
    assert codes[:20] == [401] * 20 and codes[20] == 429
    with httpx.Client(base_url=a.url, timeout=60) as http:
        assert login(http, "nobody-else", "wrong-password").status_code == 429


def test_conversation_started_on_one_instance_continues_on_the_other(
    cluster: Callable[..., list[Instance]],
) -> None:
    a, b = cluster(2)
    first = chat(a, "/apply")
    session_id = first.json()["session_id"]
    assert "（1/14）" in reply_text(first)
    second = chat(b, "三明市测试机械制造有限公司", session_id)
    assert second.json()["session_id"] == session_id
    assert "（2/14）" in reply_text(second)
    third = chat(a, "91350400MA2Y12345Q", session_id)
    assert "（3/14）" in reply_text(third)


def test_publish_on_one_instance_is_served_by_the_other_within_10_s(
    cluster: Callable[..., list[Instance]], postgres_url: str
) -> None:
    a, b = cluster(2)
    assert a.ready()["index_version"] == b.ready()["index_version"] == "base"
    assert STAFF_FACT not in reply_text(chat(b, STAFF_QUESTION))
    db = open_database(Settings(_env_file=None, DATABASE_URL=postgres_url))  # type: ignore[call-arg]
    with db.session() as session:
        create_staff_user(session, username="coord", password=PASSWORD, role="coordinator")
    db.dispose()
    # B answers all along: the swap drops no request.
    codes: list[int] = []
    stop = threading.Event()

    def keep_asking() -> None:
        with httpx.Client(base_url=b.url, timeout=60) as http:
            while not stop.is_set():
                codes.append(http.post("/api/chat", json={"text": "续贷有什么政策？"}).status_code)
                time.sleep(0.05)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        with httpx.Client(base_url=a.url, timeout=300) as http:
            assert login(http, "coord").status_code == 303
            token = csrf_of(http.get("/admin/knowledge").text)
            files = {"document": ("沙溪助企贷.md", STAFF_DOC.encode(), "text/markdown")}
            published = http.post(
                "/admin/knowledge/upload", data={"csrf_token": token}, files=files
            )
        assert published.status_code == 200 and "已发布新索引" in published.text
        published_at = time.monotonic()
        label = a.ready()["index_version"]
        assert label.startswith("v")
        wait_for(lambda: b.ready()["index_version"] == label, 10, "B to report the new version")
        time.sleep(0.5)
    finally:
        stop.set()
        asker.join(60)
    assert codes and set(codes) == {200}
    answer = reply_text(chat(b, STAFF_QUESTION))
    assert STAFF_FACT in answer and time.monotonic() - published_at < 10
    # B also lists the document staff uploaded on A.
    with httpx.Client(base_url=b.url, timeout=60) as http:
        assert login(http, "coord").status_code == 303
        assert "沙溪助企贷.md" in http.get("/admin/knowledge").text


def test_kill_9_under_load_loses_no_acknowledged_request(
    cluster: Callable[..., list[Instance]],
) -> None:
    a, b = cluster(2)
    seeds = itertools.count(1000)
    acknowledged: list[tuple[str, str, str]] = []  # (instance, ref, token)
    failures_on_b: list[str] = []
    stop = threading.Event()
    lock = threading.Lock()

    def load(instance: Instance) -> None:
        with httpx.Client(base_url=instance.url, timeout=30) as http:
            while not stop.is_set():
                with lock:
                    seed = next(seeds)
                headers = {"Idempotency-Key": uuid.uuid4().hex}
                try:
                    response = http.post("/api/intake", json=intake_payload(seed), headers=headers)
                except httpx.TransportError as exc:
                    if instance is b:
                        failures_on_b.append(repr(exc))
                    time.sleep(0.05)
                    continue
                if response.status_code == 201:
                    body = response.json()
                    with lock:
                        acknowledged.append((instance.name, body["ref"], body["token"]))
                elif instance is b:
                    failures_on_b.append(str(response.status_code))

    workers = [threading.Thread(target=load, args=(i,)) for i in (a, a, b, b)]
    for worker in workers:
        worker.start()
    time.sleep(4)
    a.kill()
    killed_at = len(acknowledged)
    time.sleep(4)
    stop.set()
    for worker in workers:
        worker.join(60)
    assert {name for name, _, _ in acknowledged[:killed_at]} == {"A", "B"}
    assert any(name == "B" for name, _, _ in acknowledged[killed_at:]), "B stopped serving"
    assert failures_on_b == []
    with httpx.Client(base_url=b.url, timeout=30) as http:
        missing = [
            ref
            for _, ref, token in acknowledged
            if http.get(f"/api/intake/{ref}", params={"token": token}).status_code != 200
        ]
    assert missing == []
    assert len({ref for _, ref, _ in acknowledged}) == len(acknowledged)
