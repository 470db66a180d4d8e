"""A message that tells the firm's facts and ends by asking to apply ("…要50万 申请").

The facts (county, trade, amount, collateral …) come first and the request to apply (申请,
我要申请, 帮我申请, 登记一下) closes the message: the form starts at once, with the facts told
kept in the conversation context so the form offers them at their steps, instead of the
facts being acknowledged and the owner having to send 申请 again. A message that asks
something before it ("怎么申请", "做饭店的能申请吗") is a question, not a request.
"""

from __future__ import annotations

import re
from typing import Any

from bot.conversation.commands import normalize_text
from bot.conversation.form import need_hints
from bot.reading.context import ConversationContext
from bot.reading.facts import extract_facts

_BREAK = r"[\s,，。.;；!！、]+"
_ASKER = r"(?:我要|我想|我们要|我们想|帮我|帮我们|给我|请|麻烦你?)"
_APPLY_END = re.compile(
    rf"(?:{_BREAK}(?:那|那就|就|现在)?{_ASKER}?|{_ASKER})"
    r"(?:申请|登记)(?:一下|下)?(?:吧|啊|呀)?$"
)
_QUESTION = re.compile(
    r"[?？吗么呢]|什么|怎么|怎样|如何|哪|多少|能否|能不能|可不可以|可以吗|是否|有没有|为什么|啥"
)


def told_then_apply(state: dict[str, Any], text: str) -> bool:
    """True when `text` states facts or a need, then ends with a request to apply; the facts
    are then kept in the conversation context of `state` (read by the form's told answers)."""
    key = normalize_text(text)
    found = _APPLY_END.search(key)
    if found is None:
        return False
    before = key[: found.start()].strip(" ,，。.;；!！、")
    if not before or _QUESTION.search(before):
        return False
    facts = extract_facts(before)
    if not facts.to_dict() and not need_hints(before):
        return False
    ConversationContext.from_state(state).with_facts(facts).store(state)
    return True
