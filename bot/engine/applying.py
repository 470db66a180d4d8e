"""A message that tells the firm's facts and ends by asking to apply ("…要50万 申请").

The facts (county, trade, amount, collateral …) come first and the request to apply (申请,
我要申请, 帮我申请, 登记一下) closes the message: the form starts at once, with the facts told
kept in the conversation context so the form offers them at their steps, instead of the
facts being acknowledged and the owner having to send 申请 again. A message that asks
something before it ("怎么申请", "做饭店的能申请吗") is a question, not a request.

`told_only` keeps a question about collateral ("房子能抵押吗", "要抵押吗") out of the facts
the conversation keeps, so the form never offers it at the guarantee step as told.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.conversation.commands import normalize_text
from bot.conversation.form import need_hints
from bot.reading.context import ConversationContext
from bot.reading.facts import FirmFacts, extract_facts

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
    facts = extract_facts(before, stated_only=True)
    if not facts.to_dict() and not need_hints(before):
        return False
    ConversationContext.from_state(state).with_facts(facts).store(state)
    return True


def told_only(before: FirmFacts, context: ConversationContext, text: str) -> ConversationContext:
    """`context` after `text`, its collateral facts as `before` when `text` only asked about
    collateral (what the reading took from a question is not kept as told)."""
    key = normalize_text(text)
    read, stated = extract_facts(key), extract_facts(key, stated_only=True)
    facts = context.facts
    if read.collateral and not stated.collateral:
        facts = replace(facts, collateral=before.collateral)
    if read.no_collateral and not stated.no_collateral:
        facts = replace(facts, no_collateral=before.no_collateral)
    return context if facts == context.facts else replace(context, facts=facts)
