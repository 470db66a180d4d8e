"""The eligibility rules the self-check uses: those saved with the loaded index, else the
packaged ones (an index built before rules existed, or a stand-in answerer in tests)."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from bot.answer_source import AnswerSource
from core.settings import Settings
from knowledge.eligibility import Rule, rule_files, select_rules
from knowledge.sources import load_packaged_docs

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _packaged(knowledge_dir: str) -> tuple[Rule, ...]:
    """Packaged rules checked against the packaged documents (refused ones logged)."""
    docs = {d.doc_id: d for d in load_packaged_docs(Path(knowledge_dir))}
    files = sorted((Path(knowledge_dir) / "eligibility").glob("*.yaml"))
    selection = select_rules(files, docs)
    for problem in selection.problems:
        log.warning("%s", problem)
    return selection.rules


def packaged_rules(settings: Settings) -> tuple[Rule, ...]:
    """The packaged rules of settings.resolved_knowledge_dir (cached per folder)."""
    return _packaged(str(settings.resolved_knowledge_dir))


def rules_for(answerer: AnswerSource, settings: Settings) -> tuple[Rule, ...]:
    """The loaded answerer's rules (`Answerer.eligibility`), else the packaged ones."""
    rules = getattr(answerer, "eligibility", None)
    if rules:
        return tuple(rules)
    return packaged_rules(settings)


__all__ = ["packaged_rules", "rule_files", "rules_for"]
