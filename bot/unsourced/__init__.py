"""Honest answers where the sources are silent: a question about a named thing no source
mentions (有没有过桥资金) is told so first, then offered the nearest thing (lead.py)."""

from bot.unsourced.coverage import Coverage, coverage_for
from bot.unsourced.lead import unsourced_lead

__all__ = ["Coverage", "coverage_for", "unsourced_lead"]
