"""Hybrid search over the shared session index: ranking, fusion parts, adapters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from retrieval.bm25 import BM25

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.fixture(scope="module")
def retriever(answerer: Answerer) -> Any:
    """The retriever inside the session answerer."""
    return answerer.retriever


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("客户一直拖着货款不给，能拿这笔账去融资吗？", 7),
        ("在山上种了一片杉木林，能不能拿去贷款？", 7),
        ("银行批贷款磨磨蹭蹭的，有没有办理时限？", 8),
        ("政府的担保机构能放大多少倍？", 9),
        ("公司想到新三板去挂牌", 10),
        ("贷款的利息和各种费用太高了", 11),
        ("银行对我们民企和国企区别对待", 12),
        ("怎么才能进白名单", 15),
        ("这套措施一共管几年？", 0),
    ],
)
def test_search_ranks_expected_article_first(retriever: Any, question: str, article: int):
    hits = retriever.search(question, 5)
    assert retriever.rank_articles(hits)[0] == article


def test_search_returns_k_hits_best_first(retriever: Any) -> None:
    hits = retriever.search("续贷", 4)
    assert len(hits) == 4
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].lexical > 0 and hits[0].dense > 0


def test_search_prefers_named_product_document(retriever: Any) -> None:
    hits = retriever.search("外贸贷怎么申请？", 3)
    assert hits[0].doc_id == "product-waimaodai"
    assert hits[0].articles == (6,)


def test_glossary_expansion_changes_lexical_ranking(retriever: Any) -> None:
    analysis, hits = retriever.analyse_and_score("放款前让我存一部分钱进去")
    assert "以贷转存" in analysis.glossary.expansions
    assert hits[0].doc_id == "measure-11"
    assert hits[0].glossary > 0


def test_bm25_scores_rarer_terms_higher() -> None:
    bm25 = BM25([["贷款", "续贷"], ["贷款", "担保"], ["贷款"]])
    scores = bm25.scores({"续贷": 1.0})
    assert scores[0] > 0 and scores[1] == scores[2] == 0
    assert bm25.scores({"贷款": 1.0})[2] > 0
    assert bm25.idf["续贷"] > bm25.idf["贷款"]


def test_langchain_retriever_returns_documents_with_metadata(retriever: Any) -> None:
    from retrieval.langchain_adapters import PolicyRetriever

    docs = PolicyRetriever(retriever=retriever, k=2).invoke("以贷转存")
    assert len(docs) == 2
    assert docs[0].metadata["doc_id"] == "measure-11"
    assert docs[0].metadata["article"] == 11


def test_langchain_embeddings_are_normalised(retriever: Any) -> None:
    from retrieval.langchain_adapters import PolicyEmbeddings

    embeddings = PolicyEmbeddings(retriever.embedder)
    vectors = np.array(embeddings.embed_documents(["续贷", "林权抵押"]))
    assert vectors.shape == (2, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(embeddings.embed_query("续贷"), vectors[0], atol=1e-5)
