"""Dashboard and conversation-insight figures for the back office."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from storage.backoffice.queries import RequestFilter, filtered_select
from storage.models import Conversation, FinancingRequest, Message, RequestEvent
from storage.qa_misses import declined_by_design
from storage.statuses import STATUS_LABELS

FUNNEL_STEPS = ("submitted", "reviewing", "recommended", "pushed", "granted")
GROUP_COLUMNS = ("status", "county", "industry", "product", "channel")
ANSWER_INTENTS = ("policy_question", "financing_need")
WEAK_SCORE = 0.45  # answers below this retrieval score are listed as weak
LOOK_AHEAD = 10  # weak rows read per row listed (refusals by design are skipped)


@dataclass
class Dashboard:
    """Counts, amounts, funnel and weekly trend of the visible requests."""

    total: int = 0
    counts: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    requested_wan: float = 0.0
    granted_wan: float = 0.0
    granted_count: int = 0
    amounts_by_county: list[tuple[str, float, float]] = field(default_factory=list)
    funnel: list[tuple[str, int]] = field(default_factory=list)
    weeks: list[tuple[str, int, int]] = field(default_factory=list)


def build_dashboard(
    session: Session, *, flt: RequestFilter, weeks: int = 12, today: date | None = None
) -> Dashboard:
    """Figures over the filtered requests (the filter carries the bank scope)."""
    ids = filtered_select(flt).with_only_columns(FinancingRequest.id).scalar_subquery()
    model = FinancingRequest
    board = Dashboard()
    for name in GROUP_COLUMNS:
        col = getattr(model, name)
        rows = session.execute(
            select(col, func.count()).where(model.id.in_(ids)).group_by(col)
        ).all()
        pairs = sorted(((str(k or "—"), int(n)) for k, n in rows), key=lambda p: -p[1])
        if name == "status":
            order = list(STATUS_LABELS)
            pairs.sort(key=lambda p: order.index(p[0]) if p[0] in order else 99)
        board.counts[name] = pairs
    board.total = sum(n for _, n in board.counts["status"])
    sums = session.execute(
        select(
            model.county,
            func.coalesce(func.sum(model.amount_wan), 0.0),
            func.coalesce(func.sum(model.granted_amount_wan), 0.0),
            func.count(model.granted_amount_wan),
        )
        .where(model.id.in_(ids))
        .group_by(model.county)
    ).all()
    board.amounts_by_county = sorted(
        ((str(c), float(r or 0), float(g or 0)) for c, r, g, _ in sums), key=lambda t: -t[1]
    )
    board.requested_wan = sum(r for _, r, _ in board.amounts_by_county)
    board.granted_wan = sum(g for _, _, g in board.amounts_by_county)
    board.granted_count = sum(int(n) for *_, n in sums)
    reached = dict(
        session.execute(
            select(RequestEvent.to_status, func.count(func.distinct(RequestEvent.request_id)))
            .where(RequestEvent.request_id.in_(ids))
            .group_by(RequestEvent.to_status)
        ).all()
    )
    board.funnel = [
        (step, board.total if step == "submitted" else int(reached.get(step, 0)))
        for step in FUNNEL_STEPS
    ]
    board.weeks = _weekly(session, ids, weeks, today or clock.local_day(clock.now()))
    return board


def _weekly(session: Session, ids: Any, weeks: int, today: date) -> list[tuple[str, int, int]]:
    """(week start, submitted, granted) for the last `weeks` weeks, Monday-based."""
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    start_utc = clock.local_start(first)
    submitted: Counter[date] = Counter()
    granted: Counter[date] = Counter()
    model = FinancingRequest
    for (created,) in session.execute(
        select(model.created_at).where(model.id.in_(ids), model.created_at >= start_utc)
    ):
        day = clock.local_day(created)
        submitted[day - timedelta(days=day.weekday())] += 1
    for (granted_day,) in session.execute(
        select(model.granted_date).where(model.id.in_(ids), model.granted_date >= first)
    ):
        if granted_day is not None:
            granted[granted_day - timedelta(days=granted_day.weekday())] += 1
    out = []
    for i in range(weeks):
        week = first + timedelta(weeks=i)
        out.append((week.strftime("%m-%d"), submitted[week], granted[week]))
    return out


@dataclass
class Insights:
    """What users ask, what the bot could not answer well, and their feedback."""

    questions: int = 0
    top_articles: list[tuple[str, int]] = field(default_factory=list)
    weak: list[dict[str, Any]] = field(default_factory=list)
    thumbs: dict[str, tuple[int, int]] = field(default_factory=dict)
    thumbs_down: list[dict[str, Any]] = field(default_factory=list)


_ARTICLE_PREFIX = re.compile(r"^\s*第\s*\d+\s*条\s*")


def cited_label(cite: Any) -> str:
    """How a citation is counted and shown: "第6条 <title>" once (a title that already starts
    with its article number is not prefixed again), a document by its title; "" when neither."""
    if not isinstance(cite, dict):
        return ""
    article = cite.get("article")
    title = _ARTICLE_PREFIX.sub("", str(cite.get("title") or "")).strip()
    if article:
        return f"第{article}条 {title}".strip()
    return title


def _question_before(session: Session, message: Message) -> str:
    """The user's message that the bot message answered."""
    text = session.scalar(
        select(Message.text)
        .where(
            Message.conversation_id == message.conversation_id,
            Message.direction == "in",
            Message.id < message.id,
        )
        .order_by(Message.id.desc())
        .limit(1)
    )
    return text or ""


def _row(session: Session, message: Message, channel: str) -> dict[str, Any]:
    return {
        "question": _question_before(session, message),
        "answer": message.text,
        "score": message.top_score,
        "in_scope": message.in_scope,
        "channel": channel,
        "at": message.created_at,
    }


def build_insights(
    session: Session, *, days: int = 30, limit: int = 50, weak_score: float = WEAK_SCORE
) -> Insights:
    """Figures over the bot's answers of the last `days` days.

    `weak_score` applies to the fused retrieval score (relative: about 0.65 when BM25 and
    embeddings agree on the top document, less when they disagree).
    """
    since = clock.now() - timedelta(days=days)
    out = select(Message, Conversation.channel).join(
        Conversation, Conversation.id == Message.conversation_id
    )
    out = out.where(Message.direction == "out", Message.created_at >= since)
    result = Insights()
    articles: Counter[str] = Counter()
    labels: dict[str, str] = {}
    thumbs: dict[str, list[int]] = {}
    for message, channel in session.execute(out.where(Message.intent.is_not(None))):
        if message.intent in ("policy_question", "out_of_scope"):
            result.questions += 1
        if message.intent not in ANSWER_INTENTS:
            cites: list[Any] = []  # form receipts and recommendations cite measures too
        else:
            cites = (message.citations or [])[:1]
        for cite in cites:
            label = cited_label(cite)
            if label:  # one bar per measure, however each answer titled it
                key = f"#{cite['article']}" if cite.get("article") else label
                articles[key] += 1
                labels.setdefault(key, label)
        if message.feedback in (1, -1):
            pair = thumbs.setdefault(channel, [0, 0])
            pair[0 if message.feedback == 1 else 1] += 1
    result.top_articles = [(labels[key], n) for key, n in articles.most_common(16)]
    result.thumbs = {k: (v[0], v[1]) for k, v in sorted(thumbs.items())}
    weak_query = out.where(Message.intent.in_(("policy_question", "out_of_scope"))).where(
        (Message.in_scope.is_(False))
        | ((Message.intent == "policy_question") & (Message.top_score < weak_score))
    )
    # Refusals by design (forgery, who-are-you, … `declined_by_design`) teach the knowledge
    # nothing: skipped, so the newest `limit` others are listed (read at most LOOK_AHEAD × limit).
    newest = weak_query.order_by(Message.id.desc()).limit(limit * LOOK_AHEAD)
    for message, channel in session.execute(newest):
        if declined_by_design(message.meta):
            continue
        result.weak.append(_row(session, message, channel))
        if len(result.weak) == limit:
            break
    down = out.where(Message.feedback == -1).order_by(Message.id.desc()).limit(limit)
    for message, channel in session.execute(down):
        result.thumbs_down.append(_row(session, message, channel))
    return result
