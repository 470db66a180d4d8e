"""A served answerer's first answers given before the first visitor's: `warm_answers(answerer)`.

Much of the answer path is built on first use: the unsourced-things coverage of the answerer
(and the number-reading library it imports), jieba's default dictionary for the measures' key
terms, regular expressions compiled where they are first needed. A worker paid them inside its
first visitors' requests: 0.2-0.8 s each (measured: the 1st and 3rd of 40 new questions, 227 and
819 ms against a 23 ms median), and with one engine thread per SQLite worker every request
queued behind them waited as long. The app's start-up answers a few texts of different kinds
(a greeting, a policy question, a firm's story, an unrelated question) through the answerer
itself, not the answer cache, so nothing is cached for a visitor and no state is written.
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger(__name__)

TEXTS = (
    "你好",
    "续贷有什么政策？",
    "我们是做茶叶加工的小公司，流动资金紧张，想问问能申请哪些贷款",
    "今天天气怎么样",
)


def warm_answers(answerer: Any) -> float:
    """Answer TEXTS, each in a new conversation, with `answerer` (an Answerer; not in LLM
    mode, whose answers would call the model); seconds taken. A failure is logged, never
    raised: warming only saves time."""
    from bot.dialogue import answer_in_context
    from bot.reading.context import ConversationContext
    from bot.scope.measure_terms import measure_terms

    started = time.perf_counter()
    try:
        measure_terms()  # jieba's default dictionary, for the measures' key terms
        for text in TEXTS:
            answer_in_context(answerer, ConversationContext(), text)
    except Exception:  # noqa: BLE001 - a warm-up must never stop the start-up
        log.warning("warming the answer path failed", exc_info=True)
    taken = time.perf_counter() - started
    log.info("answer path warmed in %.2f s", taken)
    return taken


def should_warm(answerer: Any, injected: bool) -> bool:
    """Warm an answerer the app loaded itself (an injected one is a test's, shared and warm),
    unless it answers through a language model."""
    return not injected and getattr(answerer, "llm", None) is None
