"""Tests of recommendations derived from a request's answers."""

from __future__ import annotations

from typing import Any

import pytest

from bot.recommend import recommend, recommendation_citation
from tests.storage.factories import request_data

PLAIN = {
    "industry": "其他",
    "product": "不确定",
    "purpose": "其他",
    "guarantee": "抵押",
    "renewal_due": False,
    "first_loan": False,
}


def titles(**answers: Any) -> list[tuple[str, int]]:
    return [(r["title"], r["article"]) for r in recommend(request_data(**{**PLAIN, **answers}))]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"industry": "外贸"}, [("外贸贷", 6)]),
        ({"industry": "科技服务"}, [("科技贷", 6)]),
        ({"industry": "商贸流通"}, [("商贸贷", 6)]),
        ({"product": "提质增产争效贷"}, [("提质增产争效贷", 6)]),
        ({"renewal_due": True}, [("无还本续贷", 6)]),
        ({"first_loan": True}, [("首贷支持", 6)]),
        ({"guarantee": "知识产权质押"}, [("知识产权质押融资", 7), ("专利质押登记在线办理", 8)]),
        ({"guarantee": "林权抵押"}, [("林权质押融资", 7), ("福农e林平台", 8)]),
        ({"guarantee": "应收账款质押"}, [("应收账款融资", 7), ("应收账款融资服务平台", 9)]),
        ({}, [("融资对接服务", 15)]),
    ],
)
def test_recommend_maps_answers_to_articles(answers: dict[str, Any], expected: list[Any]) -> None:
    assert titles(**answers) == expected


def test_recommend_combines_without_repeats() -> None:
    got = titles(industry="外贸", product="外贸贷", renewal_due=True, first_loan=True)
    assert got == [("外贸贷", 6), ("无还本续贷", 6), ("首贷支持", 6)]


def test_recommend_items_have_stored_shape_and_citation() -> None:
    for item in recommend(request_data()):
        assert set(item) == {"title", "article", "doc_id", "reason"}
        assert item["doc_id"] == f"measure-{item['article']}" and item["reason"]
        citation = recommendation_citation(item)
        assert citation.article == item["article"] and f"第{item['article']}条" in citation.source
