"""The self-check result as chat messages: short on a phone screen, details on request.

The result (`result_messages`): a header, the profile in one line, then one line per item
that applies or that a bank or department decides — "✓/？ 第N条 title：next step" — packed
into at most `MAX_MESSAGES` messages of at most `SCREEN_CHARS` characters each. Items that do
not apply are one count line ("另有N项不适用，回复“查看不适用”可看原因"). Buttons:
"用这些信息填写融资需求登记" (the form pre-filled), "查看详情", "查看不适用", "重新体检".

`detail_messages`: every applicable item with each condition (✓/？ and what to ask) and its
next step, cited; `excluded_messages`: each item that does not apply and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.checkup.buttons import APPLY_WITH_PROFILE, CHECK_AGAIN
from bot.checkup.evaluate import SYMBOL, CheckItem
from bot.messages import Button, Citation, OutMessage
from core.profile import describe_profile

POLICY = "《三明市提增民营小微企业融资服务质效若干措施》"
HEADER = "政策体检结果（仅供参考，以银行和部门审核为准）"
DETAIL_HEADER = f"体检详情（依据{POLICY}及相关产品、平台说明）"
SHOW_DETAILS = "查看详情"
SHOW_EXCLUDED = "查看不适用"
SCREEN_CHARS = 250  # one phone screen of a chat message
MAX_MESSAGES = 3
STEP_CHARS = 26  # the one next step shown per line
MAX_CITATIONS = 4


def item_name(item: CheckItem) -> str:
    """【第7条】title, or the title alone for an item without an article."""
    return f"【第{item.article}条】{item.title}" if item.article else f"【{item.title}】"


def short_step(item: CheckItem) -> str:
    """The next step's first sentence, cut to `STEP_CHARS` characters."""
    first = item.next_step.split("。")[0]
    return first if len(first) <= STEP_CHARS else first[: STEP_CHARS - 1] + "…"


def item_line(item: CheckItem) -> str:
    """One line: ✓/？ 第N条 title：the next step."""
    where = f"第{item.article}条 " if item.article else ""
    return f"{SYMBOL[item.verdict]} {where}{item.title.split('（')[0]}：{short_step(item)}"


def _citation(item: CheckItem) -> Citation:
    source = f"{POLICY}第{item.article}条" if item.article else POLICY
    return Citation(doc_id=item.doc_id, article=item.article, title=item.title, source=source)


def _pack(head: str, lines: Sequence[str], tail: str) -> tuple[list[str], int]:
    """Lines into screens (head on the first, tail on the last); how many lines fit."""
    screens: list[list[str]] = [[head]]
    shown = 0
    for line in lines:
        last = screens[-1]
        if len("\n".join([*last, line])) <= SCREEN_CHARS:
            last.append(line)
        elif len(screens) < MAX_MESSAGES:
            screens.append([line])
        else:
            break
        shown += 1
    while shown and len("\n".join([*screens[-1], tail])) > SCREEN_CHARS:
        if len(screens) < MAX_MESSAGES:
            screens.append([])
            break
        screens[-1].pop()  # room for the tail: the rest is behind 查看详情
        shown -= 1
        if not screens[-1]:
            screens.pop()
    screens[-1].append(tail)
    return ["\n".join(s) for s in screens], shown


def result_messages(items: Sequence[CheckItem], profile: dict[str, Any]) -> list[OutMessage]:
    """The short result (see the module docstring)."""
    shown_items = [i for i in items if i.verdict != "no"]
    excluded = [i for i in items if i.verdict == "no"]
    head = f"{HEADER}\n您的情况：{describe_profile(profile)}"
    if shown_items:
        head += "\n（✓ 符合；？ 需银行或部门确认）"
    else:
        head += "\n暂时没有适用的项目。"
    lines = [item_line(i) for i in shown_items]
    tail_parts = []
    buttons = [Button(APPLY_WITH_PROFILE, APPLY_WITH_PROFILE)]
    if shown_items:
        buttons.append(Button(SHOW_DETAILS, SHOW_DETAILS))
    if excluded:
        tail_parts.append(f"另有{len(excluded)}项不适用，回复“{SHOW_EXCLUDED}”可看原因。")
        buttons.append(Button(SHOW_EXCLUDED, SHOW_EXCLUDED))
    buttons.append(Button(CHECK_AGAIN, CHECK_AGAIN))
    tail_parts.append(f"点“{APPLY_WITH_PROFILE}”，协调办审核后推送银行。")
    screens, shown = _pack(head, lines, "\n".join(tail_parts))
    while shown < len(lines):  # the count line takes room: pack again until it holds
        more = f"另有{len(lines) - shown}项，见“{SHOW_DETAILS}”。"
        screens, fits = _pack(head, lines[:shown], "\n".join([more, *tail_parts]))
        if fits == shown:
            break
        shown = fits
    messages = [OutMessage(text) for text in screens]
    messages[-1] = OutMessage(messages[-1].text, buttons=buttons)
    return messages


def _block(number: int, item: CheckItem) -> str:
    lines = [f"{number}. {item_name(item)}", *item.reasons, f"下一步：{item.next_step}"]
    return "\n".join(lines)


def detail_messages(items: Sequence[CheckItem]) -> list[OutMessage]:
    """Each applicable item with every condition and its next step, one message each."""
    shown = [i for i in items if i.verdict != "no"]
    if not shown:
        return [OutMessage("这次体检没有适用的项目。可以回复“重新体检”换个情况再试。")]
    messages = [
        OutMessage(_block(n, item), citations=[_citation(item)])
        for n, item in enumerate(shown, start=1)
    ]
    first = messages[0]
    messages[0] = OutMessage(f"{DETAIL_HEADER}\n{first.text}", citations=first.citations)
    buttons = [Button(APPLY_WITH_PROFILE, APPLY_WITH_PROFILE), Button(CHECK_AGAIN, CHECK_AGAIN)]
    last = messages[-1]
    messages[-1] = OutMessage(last.text, buttons=buttons, citations=last.citations)
    return messages


def excluded_messages(items: Sequence[CheckItem]) -> list[OutMessage]:
    """Each item that does not apply, with why (its first ✗ condition)."""
    excluded = [i for i in items if i.verdict == "no"]
    if not excluded:
        return [OutMessage("这次体检没有不适用的项目。")]
    lines = [f"✗ 不适用（{len(excluded)}项）"]
    for item in excluded:
        reason = next((c.reason for c in item.conditions if c.mark == "no"), "")
        lines.append(f"· {item_name(item)}：{reason}")
    buttons = [Button(SHOW_DETAILS, SHOW_DETAILS), Button(CHECK_AGAIN, CHECK_AGAIN)]
    return [OutMessage("\n".join(lines), buttons=buttons)]
