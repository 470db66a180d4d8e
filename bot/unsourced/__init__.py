"""Honest answers where the sources are silent: a question about a named thing no source
mentions (有没有过桥资金) is told so first, then offered the nearest thing (lead.py); two
named notes asked at once (能同时申请吗) are told what the sources say of that (joint.py); a
figure asked to be confirmed (利率是不是3.5%) is confirmed, corrected or said to be in no
source (figures.py). `unsourced_lead` applies the three, in that order, at the end of
`Answerer.reply`, then keeps each part's 原文 quote to one that fits the ask
(bot.compose.fitting.fitting_quote)."""

from collections.abc import Mapping

from bot.compose.fitting import fitting_quote
from bot.compose.reply import Reply
from bot.unsourced.coverage import Coverage, coverage_for
from bot.unsourced.figures import figure_lead
from bot.unsourced.joint import joint_lead
from bot.unsourced.lead import unsourced_lead as missing_thing_lead
from knowledge.documents import Document

__all__ = ["Coverage", "coverage_for", "unsourced_lead"]


def unsourced_lead(
    question: str,
    reply: Reply,
    coverage: Coverage,
    documents: Mapping[str, Document],
    lead_units: Mapping[str, str],
) -> Reply:
    """reply led by what the sources do not say of the question (see the module docstring)."""
    reply = missing_thing_lead(question, reply, coverage, documents, lead_units)
    reply = joint_lead(question, reply, documents)
    reply = figure_lead(question, reply, documents)
    return fitting_quote(question, reply, documents)
