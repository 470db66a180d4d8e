"""Rate limits count questions, not form steps, button taps, 进度 or feedback; owners behind one
NAT are separate people (issue 20, item 8). Real app over HTTP on loopback."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.helpers.intake import valid_credit_code
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer
from tests.web.test_chat_form_api import SPOKEN_FORM, Chat

QUESTIONS = ["贷款快到期了还想继续用，可以无还本续贷吗？", "企业信用有瑕疵，怎么修复信用？"]
THROTTLED = "提问太频繁"


def all_text(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m["text"] for m in messages)


def fill_chat_form(chat: Chat, code: str) -> None:
    """The whole chat form, answers typed and buttons pressed, up to the receipt."""
    chat.send("申请")
    for _field, answer in SPOKEN_FORM:
        if answer.startswith("["):
            if answer == "[按执照填写，确认无误]":
                continue  # a valid code here: nothing to confirm
            chat.press(answer[1:-1])
        else:
            chat.send(code if answer == "LEGACY" else answer)
    assert "登记编号" in all_text(chat.last), all_text(chat.last)


@pytest.mark.parametrize("seed", [1, 2])
def test_after_a_complete_form_status_and_questions_are_answered(
    serve: Callable[..., LiveServer], seed: int
) -> None:
    """~25 form steps, taps, 进度 and feedback in a minute, then the questions allowed."""
    live = serve(rate_limit_chat="2/minute", rate_limit_session="60/minute")
    rng = random.Random(seed)
    with httpx.Client(base_url=live.url, timeout=30) as http:
        chat = Chat(http)
        answer = chat.send(QUESTIONS[0])  # one question before the form
        message_id = next(m["message_id"] for m in answer if m["message_id"])
        fill_chat_form(chat, valid_credit_code(seed))
        extras = ["进度", "查询进度", "原文:measure-6", "帮助"] + [f"fb:up:{message_id}"] * 3
        rng.shuffle(extras)
        for text in extras:
            assert THROTTLED not in all_text(chat.send(text)), text
        feedback = {"session_id": chat.session_id, "message_id": message_id, "value": "down"}
        for _ in range(3):
            assert http.post("/api/feedback", json=feedback).status_code == 200
        status = chat.send("进度")
        assert "您提交的融资需求登记" in all_text(status) and THROTTLED not in all_text(status)
        assert THROTTLED not in all_text(chat.send(QUESTIONS[1]))  # the second question
        refused = chat.send(QUESTIONS[0])  # the third within a minute
        assert THROTTLED in all_text(refused) and "秒后再问" in all_text(refused)
        assert "您提交的融资需求登记" in all_text(chat.send("进度"))  # still answered


def test_owners_behind_one_address_are_separate_people(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_chat="2/minute", rate_limit_session="10/minute")
    with httpx.Client(base_url=live.url, timeout=30) as http:
        for owner in range(6):  # one NAT address, six widget sessions
            chat = Chat(http)
            for question in QUESTIONS:
                assert THROTTLED not in all_text(chat.send(question)), owner


def test_session_request_limit_is_per_session_with_retry_after(
    serve: Callable[..., LiveServer],
) -> None:
    live = serve(rate_limit_session="3/minute")
    with httpx.Client(base_url=live.url, timeout=30) as http:
        body = {"session_id": issued_id(live), "text": "进度"}
        codes = [http.post("/api/chat", json=body).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        refused = http.post("/api/chat/stream", json=body)
        assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
        other = http.post("/api/chat", json={"session_id": issued_id(live), "text": "进度"})
        assert other.status_code == 200  # the same address, another owner
        invented = {"session_id": "s-flood", "text": "进度"}
        codes = [http.post("/api/chat", json=invented).status_code for _ in range(4)]
        assert codes == [200] * 4  # an id the server never issued is no bucket: address only


def test_address_limit_stops_session_rotation(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_address="5/minute", rate_limit_session="60/minute")
    with httpx.Client(base_url=live.url, timeout=30) as http:
        codes = [
            http.post("/api/chat", json={"session_id": issued_id(live), "text": "进度"}).status_code
            for _ in range(6)
        ]
    assert codes == [200] * 5 + [429]


def test_intake_limit_counts_stored_requests_not_refused_forms(
    serve: Callable[..., LiveServer],
) -> None:
    from tests.helpers.intake import intake_payload

    live = serve(rate_limit_intake="1/hour")
    owner, neighbour = issued_id(live), issued_id(live)
    with httpx.Client(base_url=live.url, timeout=30) as http:
        bad = intake_payload(seed=3, session_id=owner, phone="12345")
        for _ in range(3):  # the owner corrects the form several times
            assert http.post("/api/intake", json=bad).status_code == 422
        good = intake_payload(seed=3, session_id=owner)
        assert http.post("/api/intake", json=good).status_code == 201
        again = http.post("/api/intake", json=intake_payload(seed=4, session_id=owner))
        assert again.status_code == 429 and int(again.headers["retry-after"]) > 60
        other = http.post("/api/intake", json=intake_payload(seed=5, session_id=neighbour))
        assert other.status_code == 201  # another owner behind the same address
