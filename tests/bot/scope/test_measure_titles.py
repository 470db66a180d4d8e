"""A follow-up completed with a measure's short title in front (优化信贷流程，…) is never declined
for the title's own words: no family fires on any measure title, alone or before an in-scope
question (优化 + 信贷 once read as "polish a letter")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.scope import out_of_scope_family

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTIONS = ("查询要钱吗", "要多久", "去哪里办", "有什么条件", "银行收费合理吗", "利息多少")


def _titles(answerer: Answerer) -> list[str]:
    return sorted(d.title for d in answerer.documents.values() if d.kind == "measure" and d.article)


def test_there_are_sixteen_titles(answerer: Answerer) -> None:
    assert len(_titles(answerer)) == 16


@pytest.mark.parametrize("question", QUESTIONS)
def test_no_family_fires_on_a_measure_title(answerer: Answerer, question: str) -> None:
    for title in _titles(answerer):
        for text in (title, f"{title}，{question}", f"{title}{question}"):
            assert out_of_scope_family(text)[0] == "", text
