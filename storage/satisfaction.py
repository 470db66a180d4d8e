"""The one satisfaction question (1-5) a firm gets after its request's outcome, and the answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from storage.models import FinancingRequest, SatisfactionSurvey
from storage.notifications import enqueue_notification

QUESTION = (
    "【满意度回访】请为本次融资对接服务打分：点选下方分数，或直接回复“1分”到“5分”"
    "（5分为非常满意，1分为非常不满意），也可以说“满意”“一般”。您的评价将帮助我们改进服务。"
)
ANSWER_WINDOW = timedelta(days=30)


def ask_satisfaction(session: Session, req: FinancingRequest, *, outcome: str) -> bool:
    """Queue the question on the firm's channel once per request; False when already asked."""
    if not req.channel_user_id:
        return False
    exists = session.scalar(
        select(SatisfactionSurvey.id).where(SatisfactionSurvey.request_id == req.id)
    )
    if exists is not None:
        return False
    session.add(
        SatisfactionSurvey(
            request_id=req.id, channel=req.channel, user_id=req.channel_user_id, outcome=outcome
        )
    )
    enqueue_notification(
        session,
        channel=req.channel,
        user_id=req.channel_user_id,
        text=QUESTION,
        request_id=req.id,
    )
    return True


def pending_survey(session: Session, *, channel: str, user_id: str) -> SatisfactionSurvey | None:
    """The user's latest unanswered question asked within ANSWER_WINDOW, if any."""
    query = (
        select(SatisfactionSurvey)
        .where(SatisfactionSurvey.channel == channel, SatisfactionSurvey.user_id == user_id)
        .where(SatisfactionSurvey.score.is_(None))
        .where(SatisfactionSurvey.asked_at >= clock.now() - ANSWER_WINDOW)
        .order_by(SatisfactionSurvey.id.desc())
    )
    return session.scalars(query).first()


def record_satisfaction(session: Session, *, channel: str, user_id: str, score: int) -> bool:
    """Store the score (1-5) on the pending question; False when there is none."""
    survey = pending_survey(session, channel=channel, user_id=user_id)
    if survey is None or not 1 <= score <= 5:
        return False
    survey.score, survey.answered_at = score, clock.now()
    return True


@dataclass
class SatisfactionSummary:
    """Dashboard figures: questions asked, answers, average, and count per score 1-5."""

    asked: int = 0
    answered: int = 0
    average: float | None = None
    per_score: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 6), 0))


def satisfaction_summary(session: Session) -> SatisfactionSummary:
    """Every survey's figures (all time)."""
    summary = SatisfactionSummary()
    for (score,) in session.execute(select(SatisfactionSurvey.score)):
        summary.asked += 1
        if score is not None:
            summary.answered += 1
            summary.per_score[score] = summary.per_score.get(score, 0) + 1
    if summary.answered:
        total = sum(k * n for k, n in summary.per_score.items())
        summary.average = round(total / summary.answered, 2)
    return summary
