"""History-aware question rewrite: the model restates the owner's latest message as one
self-contained question, used only when it is grounded in what the offline reader resolved.

The offline reader (bot.reading) has already resolved the message against the conversation
state ("要抵押吗？" after 外贸贷 → "外贸贷要抵押吗?"). In LLM mode a LangChain chain
(`ChatPromptTemplate` with the last turns, the focus and the resolved question → the chat model
→ text) may restate it; `QuestionRewriter.rewrite` returns the question the answer chain uses:

- the rewrite, when `bot.llm.question_check.rewrite_problem` finds nothing wrong with it: one
  line of at most MAX_REWRITE_CHARS, no number the conversation did not contain, no article or
  …贷 that does not exist, and it keeps the topic the reader resolved (a note named in the
  resolved question stays named; a measure topic stays by its name, a glossary phrase or an
  article it points to) — or else its own topic was named in the conversation: the documents
  it names exist and the message or the history named them, or (naming none) its glossary
  topic words are the owner's own;
- else the resolved question, with ONE log line (outcome and a reason made of knowledge words,
  never the owner's text): on a rejected rewrite, a timeout (LLM_REWRITE_TIMEOUT_S), a model
  error, or an open circuit breaker. Never raises.

No rewrite is asked when there is no history (a first question), when LLM_REWRITE_TIMEOUT_S is
0, or when the message names a document itself and was read as a new topic.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.llm.context import TurnReading
from bot.llm.errors import classify_error
from bot.llm.metrics import LLM_REWRITES
from bot.llm.question_check import clean, rewrite_problem
from core.masking import mask_text
from core.settings import Settings
from knowledge.facts import loan_names_in

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.llm.breaker import CircuitBreaker

log = logging.getLogger(__name__)

REWRITE_TAG = "【问题改写】"  # opens the rewrite prompt (the fake model server keys on it)
SELF_CONTAINED_MOVES = ("new", "switch")
SYSTEM = "\n".join(
    (
        f"{REWRITE_TAG}你负责把小微企业主在对话中的最新一句话改写成一个完整、独立的问题，"
        "供检索三明市民营小微企业融资政策资料使用。",
        "规则：",
        "1. 只输出改写后的问题本身：一句话，不超过60个字；不要回答，不要解释，不要加引号或编号。",
        "2. 保留企业主要问的事（要不要抵押、利率、条件、材料、去哪里办等），"
        "用对话里已经提到的产品、平台或措施名称补全“它”“这个”“那个平台”等指代。",
        "3. “系统理解的问题”是系统按上下文确定的理解：它点明了话题时，改写必须保留这个话题；"
        "只有它没有补全指代时，才按对话补全。",
        "4. 不要加入对话里没有出现过的数字、金额、产品名称或条款。",
        "5. 最新一句话已经完整清楚时，原样输出“系统理解的问题”。",
    )
)
HUMAN = "当前话题：{subject}\n最新一句话：{message}\n系统理解的问题：{resolved}"


def build_rewrite_chain(model: Any) -> Any:
    """prompt(history, subject, message, resolved) → model → text."""
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder

    prompt = ChatPromptTemplate.from_messages(
        [("system", SYSTEM), MessagesPlaceholder("history"), ("human", HUMAN)]
    )
    return prompt | model | StrOutputParser()


@dataclass(frozen=True)
class Rewrite:
    """The question the answer chain uses and how it was chosen.

    outcome: used | same (the rewrite restated the resolved question) | skipped (not asked) |
    rejected | timeout | circuit_open | an error outcome of `classify_error`.
    """

    question: str
    outcome: str
    reason: str = ""

    @property
    def used(self) -> bool:
        """Whether the model's rewrite replaced the resolved question."""
        return self.outcome == "used"


class QuestionRewriter:
    """Runs the rewrite chain with a deadline and decides whether its output is used."""

    def __init__(self, settings: Settings, answerer: Answerer, breaker: CircuitBreaker) -> None:
        """Over the offline `answerer` (its lexicon and documents) and the model's breaker."""
        self.timeout_s = float(getattr(settings, "llm_rewrite_timeout_s", 0.0) or 0.0)
        self.answerer = answerer
        self.breaker = breaker
        self._known_loans: set[str] | None = None
        self._chain: tuple[Any, Any] | None = None  # (model, chain over it)

    def rewrite(
        self, model: Any, question: str, history: Sequence[Any], reading: TurnReading | None
    ) -> Rewrite:
        """The question to answer: the grounded rewrite, else `question` (never raises)."""
        if self.timeout_s <= 0 or not history:
            return Rewrite(question, "skipped")
        try:
            return self._rewrite(model, question, history, reading)
        except Exception as exc:  # a bug here must not cost the answer: the resolved question
            return self._fallback(question, "error", type(exc).__name__)

    def _rewrite(
        self, model: Any, question: str, history: Sequence[Any], reading: TurnReading | None
    ) -> Rewrite:
        from bot.reading import lexicon_for

        lexicon = lexicon_for(self.answerer)
        message = reading.message if reading is not None else question
        if reading is not None and reading.move in SELF_CONTAINED_MOVES:
            if any(n.strong for n in lexicon.named(lexicon.prepare(message))):
                return Rewrite(question, "skipped")
        if not self.breaker.closed:  # open, or half-open: the answer is the trial
            return self._fallback(question, "circuit_open", "circuit breaker open")
        inputs = {
            "history": list(history),
            "subject": (reading.subject if reading is not None else "") or "（无）",
            "message": message,
            "resolved": question,
        }
        outcome, value = self._invoke(model, inputs)
        if outcome != "ok":
            return self._fallback(question, outcome, value)
        text = clean(value)
        if _bare(lexicon.prepare(text)) == _bare(lexicon.prepare(question)):
            LLM_REWRITES.labels("same").inc()
            return Rewrite(question, "same")
        said = "\n".join([message, question, *(_content(m) for m in history)])
        problem = rewrite_problem(
            text,
            resolved=question,
            said=said,
            lexicon=lexicon,
            known_loans=self.known_loans(),
            referent=reading.referent if reading is not None else None,
        )
        if problem:
            return self._fallback(question, "rejected", problem)
        LLM_REWRITES.labels("used").inc()
        return Rewrite(text, "used")

    def known_loans(self) -> set[str]:
        """…贷 names of every indexed document (titles, aliases, texts), computed once."""
        if self._known_loans is None:
            docs = self.answerer.documents.values()
            self._known_loans = loan_names_in(
                "\n".join(f"{d.title}\n{' '.join(d.aliases)}\n{d.text}" for d in docs)
            )
        return self._known_loans

    def _invoke(self, model: Any, inputs: dict[str, Any]) -> tuple[str, str]:
        """("ok", text) or (outcome, reason). A failure counts toward the breaker (a 429 backs
        off); a success does not close it: only answers do."""
        done = threading.Event()
        box: dict[str, Any] = {}

        def run() -> None:
            try:
                if self._chain is None or self._chain[0] is not model:
                    self._chain = (model, build_rewrite_chain(model))
                box["text"] = str(self._chain[1].invoke(inputs))
            except Exception as exc:  # reported below; the resolved question is used
                box["error"] = exc
            done.set()

        threading.Thread(target=run, name="llm-rewrite", daemon=True).start()
        if not done.wait(self.timeout_s):
            self.breaker.failure()
            return "timeout", f"no rewrite within {self.timeout_s:g} s"
        if "error" in box:
            outcome, reason, retry_after = classify_error(box["error"])
            if outcome == "rate_limited":
                self.breaker.back_off(retry_after)
            else:
                self.breaker.failure()
            return outcome, reason
        return "ok", box["text"]

    def _fallback(self, question: str, outcome: str, reason: str) -> Rewrite:
        LLM_REWRITES.labels(outcome).inc()
        level = logging.INFO if outcome == "circuit_open" else logging.WARNING
        log.log(
            level,
            "question rewrite not used (%s: %s); the question as read offline is used",
            outcome,
            mask_text(reason),
        )
        return Rewrite(question, outcome, reason)


def _bare(text: str) -> str:
    """A question without spaces and punctuation (restatements differing there are the same)."""
    return "".join(c for c in text if c.isalnum())


def _content(message: Any) -> str:
    content = getattr(message, "content", "")
    return content if isinstance(content, str) else str(content)
