""" "还有效吗" in its wordings is answered with the cited document's state on POLICYBOT_TODAY
(有效/已到期 with the date of knowledge/validity.py), so the lead changes with the day; "until
when" (什么时候到期, 有效期到哪天) is answered with the end date first while in force."""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from bot.reading.document_asks import asks_validity

if TYPE_CHECKING:
    from bot.answerer import Answerer

SUBJECTS = ("这政策", "这个措施", "融资措施", "三明这个文件")
FORMS = ("{s}还有效吗", "{s}现在还管用吗", "{s}过期了没", "{s}什么时候到期", "{s}有效期到哪天")
QUESTIONS = [f.format(s=s) for s in SUBJECTS for f in FORMS]
UNTIL = re.compile(r"什么时候到期|到哪天")


def dated(answerer: Answerer, day: date) -> Any:
    copied = copy.copy(answerer)
    copied.settings = answerer.settings.model_copy(update={"today": day})
    return copied


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize(
    ("day", "lead"),
    [
        (
            date(2026, 6, 1),
            "有效：《三明市提增民营小微企业融资服务质效若干措施》有效期至2028年4月28日。",
        ),
        (
            date(2028, 4, 20),
            "有效：《三明市提增民营小微企业融资服务质效若干措施》有效期至2028年4月28日（还有8天）。",
        ),
        (
            date(2028, 5, 10),
            "已到期：《三明市提增民营小微企业融资服务质效若干措施》已于2028年4月28日到期。",
        ),
    ],
)
def test_validity_questions_lead_with_the_state_on_the_day(
    answerer: Answerer, question: str, day: date, lead: str
) -> None:
    text = dated(answerer, day).answer(question).answer
    lines = [line for line in text.splitlines() if not line.startswith("⚠️")]
    if UNTIL.search(question) and lead.startswith("有效："):  # until when: the date first
        end = lead.split("有效期至", 1)[1].rstrip("。")
        name = "《三明市提增民营小微企业融资服务质效若干措施》"
        lead = f"到{end}：{name}目前有效，到这天为止。"
    assert lines[0] == lead, (question, text)


@pytest.mark.parametrize("question", ["科技贷要什么条件", "续贷要先还本金吗", "到哪里申请外贸贷"])
def test_other_questions_are_not_validity_asks(question: str) -> None:
    assert not asks_validity(question)
