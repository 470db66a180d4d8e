"""The policy self-check's test support: an owner's statement that answers most steps, and
readers of the result (the short result within its screens, the verdicts, one item)."""

from __future__ import annotations

import re

from bot.checkup.render import MAX_MESSAGES, SCREEN_CHARS
from bot.engine import Engine
from bot.messages import OutMessage
from tests.helpers.engine import button_labels, press, texts

YES, MAYBE, NO, DETAIL = "✓", "？", "✗", "详情"
BAR = "我们是永安做竹制品加工的，有林权，没有房产，需要300万买原材料，信用没有问题"


def result_of(replies: list[OutMessage]) -> str:
    """The short result: at most three messages, each within one phone screen."""
    text = texts(replies)
    assert "政策体检结果" in text, text
    first = next(n for n, r in enumerate(replies) if "政策体检结果" in r.text)
    shown = replies[first:]
    assert len(shown) <= MAX_MESSAGES, text
    for reply in shown:
        assert len(reply.text) <= SCREEN_CHARS, (len(reply.text), reply.text)
    return text


def verdicts(engine: Engine, user: str, replies: list[OutMessage]) -> dict[str, str]:
    """The result by verdict: ✓ and ？ lines of the short result, ✗ from "查看不适用",
    and the details ("查看详情"); names as "第7条 title"."""
    text = result_of(replies)
    lines = text.splitlines()
    out = {
        YES: "\n".join(x for x in lines if x.startswith("✓ ")),
        MAYBE: "\n".join(x for x in lines if x.startswith("？ ")),
        NO: "",
        DETAIL: "",
    }
    if "查看不适用" in button_labels(replies):
        no = texts(press(engine, user, replies, "查看不适用"))
        out[NO] = re.sub(r"【第(\d+)条】", r"第\1条 ", no).replace("【", "").replace("】", "")
    if "查看详情" in button_labels(replies):
        out[DETAIL] = texts(press(engine, user, replies, "查看详情"))
    return out


def item_block(text: str, name: str) -> str:
    """One numbered item of the details, from its name to the next item."""
    start = text.index(name)
    match = re.search(r"\n\d+\. ", text[start:])
    return text[start : start + match.start()] if match else text[start:]
