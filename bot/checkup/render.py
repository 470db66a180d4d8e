"""The self-check result as chat messages: what applies (✓), what others decide (？), what not.

Three messages at most, each fitting a phone screen in every channel: the items that apply
(every condition ✓) with their next step; the items a bank or department decides (？ with
what to ask them); one line per item that does not apply (✗ and why). The last message offers
"用这些信息填写融资需求登记" (the form pre-filled), the source text of the first items and a
new check.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.checkup.buttons import APPLY_WITH_PROFILE, CHECK_AGAIN
from bot.checkup.evaluate import CheckItem
from bot.conversation.commands import DOCUMENT_PREFIX
from bot.messages import Button, Citation, OutMessage
from core.profile import describe_profile

POLICY = "《三明市提增民营小微企业融资服务质效若干措施》"
HEADER = f"政策体检结果（依据{POLICY}及相关产品、平台说明；仅供参考，最终以银行和部门审核为准）"
MAX_SOURCE_BUTTONS = 2
MAX_CITATIONS = 4  # source cards per message (the widget shows each)


def item_name(item: CheckItem) -> str:
    """【第7条】title, or the title alone for an item without an article."""
    return f"【第{item.article}条】{item.title}" if item.article else f"【{item.title}】"


def _block(number: int, item: CheckItem) -> str:
    lines = [f"{number}. {item_name(item)}", *item.reasons, f"下一步：{item.next_step}"]
    return "\n".join(lines)


def _citation(item: CheckItem) -> Citation:
    source = f"{POLICY}第{item.article}条" if item.article else POLICY
    return Citation(doc_id=item.doc_id, article=item.article, title=item.title, source=source)


def _whole() -> Citation:
    """The measures as a whole (article 0): what the result as a whole rests on."""
    return Citation(doc_id="measure-0", article=0, title=POLICY.strip("《》"), source=POLICY)


def result_messages(items: Sequence[CheckItem], profile: dict[str, Any]) -> list[OutMessage]:
    """The result in at most three messages (see the module docstring)."""
    yes = [i for i in items if i.verdict == "yes"]
    maybe = [i for i in items if i.verdict == "maybe"]
    no = [i for i in items if i.verdict == "no"]
    head = [HEADER, f"您的情况：{describe_profile(profile)}", ""]
    messages: list[OutMessage] = []
    if yes:
        blocks = [_block(n, i) for n, i in enumerate(yes, start=1)]
        text = "\n".join([*head, f"✅ 符合条件（{len(yes)}项）", "\n\n".join(blocks)])
        messages.append(OutMessage(text, citations=[_citation(i) for i in yes][:MAX_CITATIONS]))
    else:
        text = "\n".join([*head, "暂时没有条件全部符合的项目。"])
        messages.append(OutMessage(text, citations=[_whole()]))
    if maybe:
        blocks = [_block(n, i) for n, i in enumerate(maybe, start=1)]
        text = "\n".join([f"❓ 需要银行或部门确认（{len(maybe)}项）", "\n\n".join(blocks)])
        cited = [_citation(i) for i in maybe][:MAX_CITATIONS]
        messages.append(OutMessage(text, citations=cited))
    lines = [f"✗ 暂不适用（{len(no)}项）"] if no else []
    for item in no:
        reason = next((c.reason for c in item.conditions if c.mark == "no"), "")
        lines.append(f"· {item_name(item)}：{reason}")
    lines.append("需要银行对接，可以直接用这些信息填写融资需求登记，协调办审核后推送银行。")
    buttons = [Button(APPLY_WITH_PROFILE, APPLY_WITH_PROFILE)]
    shown = list(dict.fromkeys(i.doc_id for i in yes + maybe))[:MAX_SOURCE_BUTTONS]
    for doc_id in shown:
        item = next(i for i in yes + maybe if i.doc_id == doc_id)
        short = item.title.split("（")[0][:8]
        label = f"第{item.article}条原文" if doc_id.startswith("measure-") else f"{short}说明"
        buttons.append(Button(label, DOCUMENT_PREFIX + doc_id))
    buttons.append(Button(CHECK_AGAIN, CHECK_AGAIN))
    # every part cites, so a channel that must shorten the result (WeChat) can link to the
    # whole of it (bot/channels/wechat/render.py: only cited text goes behind a link)
    messages.append(OutMessage("\n".join(lines), buttons=buttons, citations=[_whole()]))
    return messages
