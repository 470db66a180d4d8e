"""Optional LLM rewrite of an offline answer (OpenAI-compatible API), grounded in its sources."""

from __future__ import annotations

import logging
from typing import Any

from bot.answer_grounding import ungrounded_numbers
from bot.messages import Answer

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "你是三明市民营小微企业融资政策助手。只能依据用户消息中给出的资料回答，用简体中文，"
    "三句话以内，语气亲切、直接回答问题。不得编造资料中没有的金额、利率、期限、比例或日期；"
    "资料没有写明的条件，说明由各银行确定。不要输出出处，出处会另外附上。"
)
FOOTER_PREFIXES = (
    "依据：", "责任单位：", "有效期：", "资料来源：", "政策依据：", "另见：", "如您有融资需求",
)


class LlmRewriter:
    """Rewrites the offline answer's direct part with an LLM; None when it cannot be trusted."""

    def __init__(self, settings: Any, client: Any = None) -> None:
        """An OpenAI client for settings.llm_model (timeout llm_timeout_s, no retries)."""
        if client is None:
            from openai import OpenAI

            client = OpenAI(api_key=settings.openai_api_key or "none",
                            base_url=settings.openai_base_url or None,
                            timeout=settings.llm_timeout_s, max_retries=0)
        self.client = client
        self.model = settings.llm_model

    def rewrite(self, question: str, draft: Answer) -> str | None:
        """The rewritten body, or None on error, timeout, empty or ungrounded output."""
        sources = "\n\n".join(f"【{c.title}】{c.excerpt}" for c in draft.citations)
        draft_body = split_footer(draft.answer)[0]
        prompt = f"问题：{question}\n\n资料：\n{sources}\n\n参考回答：\n{draft_body}"
        try:
            response = self.client.chat.completions.create(
                model=self.model, temperature=0,
                messages=[{"role": "system", "content": SYSTEM_PROMPT},
                          {"role": "user", "content": prompt}],
            )
            text = (response.choices[0].message.content or "").strip()
        except Exception as exc:  # any API failure falls back to the offline answer
            log.warning("LLM rewrite failed (%s); using the offline answer", type(exc).__name__)
            return None
        if not text:
            return None
        invented = ungrounded_numbers(text, draft.citations)
        if invented:
            log.warning("LLM answer has numbers not in its sources %s; using the offline answer",
                        sorted(invented))
            return None
        return text


def split_footer(answer: str) -> tuple[str, str]:
    """Split an offline answer into its direct part and its citation footer."""
    lines = answer.split("\n")
    cut = next((i for i, line in enumerate(lines) if line.startswith(FOOTER_PREFIXES)), len(lines))
    return "\n".join(lines[:cut]), "\n".join(lines[cut:])
