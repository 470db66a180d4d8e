"""What an answer says about the validity of the documents it cites.

Every answer path (the Q&A layer, the composer, several asks, the LLM mode, "查看条款原文")
ends in `with_validity(answer, documents, today, settings)`:

- a cited document in its last `ENDING_DAYS` days: one line after the citation (before the
  原文 quote) "有效期：《…》有效期至2028年4月28日（还有44天）。";
- a cited document past its `valid_until`: the answer opens with a warning that it has expired
  on that day, that what follows is what it said while in force and may no longer apply, and
  whom to ask (the coordination office, its phone when configured, core/office.py); the
  citation line reads 原依据（已到期）, so nothing presents it as current;
- a document not yet in force: "《…》自…起施行" before the answer;
- otherwise the answer is unchanged.

The measures (article 0-16) share one period and are named once as 《若干措施》.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from bot.compose.layout import QUOTE_PREFIX
from bot.messages import Answer
from bot.reading.document_asks import asks_until
from core.office import phone_with_hours
from core.settings import Settings
from knowledge.documents import POLICY_TITLE, Document
from knowledge.validity import ENDING_DAYS, Validity, chinese_date

VALIDITY_PREFIX = "有效期："
EXPIRED_PREFIX = "⚠️ 提示："
CITATION_PREFIX = "依据："
EXPIRED_CITATION = "原依据（已到期）："


def document_name(doc: Document) -> str:
    """How an answer names a document's period: 《若干措施》 for any measure, else its title."""
    if doc.article is not None:
        return f"《{POLICY_TITLE}》"
    title = doc.title.strip()
    return title if title.startswith("《") else f"《{title}》"


def periods(docs: Iterable[Document]) -> dict[str, Validity]:
    """Each named document's period once (measures share the policy's), in citation order."""
    named: dict[str, Validity] = {}
    for doc in docs:
        named.setdefault(document_name(doc), doc.validity)
    return named


def whom_to_ask(settings: Settings) -> str:
    """The office (and its phone when one is configured) to ask about current policy."""
    office = str(getattr(settings, "office_name", "") or "协调办")
    phone = phone_with_hours(settings)
    return f"{office}（电话 {phone}）" if phone else office


def expired_warning(names: list[tuple[str, date]], settings: Settings) -> str:
    """The opening warning for expired documents."""
    which = "、".join(f"{name}已于{chinese_date(end)}到期" for name, end in names)
    return (
        f"{EXPIRED_PREFIX}{which}，不再有效。以下是其有效期内的规定，仅供了解，现在不一定适用；"
        f"现行政策和是否有接续措施，请咨询{whom_to_ask(settings)}。"
    )


def validity_lines(
    docs: Iterable[Document], today: date, settings: Settings
) -> tuple[list[str], list[str], bool]:
    """(lines before the answer, lines after it, whether anything cited has expired)."""
    before: list[str] = []
    after: list[str] = []
    expired: list[tuple[str, date]] = []
    for name, period in periods(docs).items():
        state = period.state(today, ENDING_DAYS)
        if state == "expired" and period.valid_until is not None:
            expired.append((name, period.valid_until))
        elif state == "ending" and period.valid_until is not None:
            left = (period.valid_until - today).days
            after.append(
                f"{VALIDITY_PREFIX}{name}有效期至{chinese_date(period.valid_until)}"
                f"（还有{left}天）。"
            )
        elif state == "not_yet" and period.valid_from is not None:
            before.append(f"{EXPIRED_PREFIX}{name}自{chinese_date(period.valid_from)}起施行。")
    if expired:
        before.insert(0, expired_warning(expired, settings))
    return before, after, bool(expired)


def with_validity_text(text: str, docs: Iterable[Document], today: date, settings: Settings) -> str:
    """text with the validity lines of docs (module docstring); unchanged when none apply."""
    before, after, expired = validity_lines(docs, today, settings)
    if expired:
        text = "\n".join(
            EXPIRED_CITATION + line.removeprefix(CITATION_PREFIX)
            if line.startswith(CITATION_PREFIX)
            else line
            for line in text.splitlines()
        )
    if not before and not after:
        return text
    lines = text.splitlines()
    quote = next((i for i, line in enumerate(lines) if line.startswith(QUOTE_PREFIX)), len(lines))
    return "\n".join([*before, *lines[:quote], *after, *lines[quote:]])


def with_validity(
    answer: Answer, documents: Mapping[str, Document], today: date, settings: Settings
) -> Answer:
    """The answer with what its cited documents' validity on `today` requires (see above)."""
    if not answer.in_scope or not answer.citations:
        return answer
    docs = [documents[c.doc_id] for c in answer.citations if c.doc_id in documents]
    text = with_validity_text(answer.answer, docs, today, settings)
    return answer if text == answer.answer else replace(answer, answer=text)


def validity_lead(doc: Document, today: date, question: str = "") -> str:
    """A lead answering "还有效吗" for doc on `today` (core.clock.today: POLICYBOT_TODAY):
    有效/已到期/尚未施行 with the dates of knowledge/validity.py; "" for an open period. A
    question asking until when (`_UNTIL_ASK`) is answered with the end date first."""
    name = document_name(doc)
    period = doc.validity
    state = period.state(today, ENDING_DAYS)
    if state == "expired" and period.valid_until is not None:
        return f"已到期：{name}已于{chinese_date(period.valid_until)}到期。"
    if state == "not_yet" and period.valid_from is not None:
        return f"还没施行：{name}自{chinese_date(period.valid_from)}起施行。"
    if period.valid_until is None:
        return ""
    left = (period.valid_until - today).days
    tail = f"（还有{left}天）" if state == "ending" else ""
    if asks_until(question):
        return f"到{chinese_date(period.valid_until)}{tail}：{name}目前有效，到这天为止。"
    return f"有效：{name}有效期至{chinese_date(period.valid_until)}{tail}。"
