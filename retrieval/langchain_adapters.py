"""LangChain adapters: our hybrid search as a BaseRetriever, our embedder as Embeddings.

Imported only by code that wants LangChain (importing langchain_core costs ~0.6 s of start-up).
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from retrieval.embeddings import Embedder


class PolicyEmbeddings(Embeddings):
    """LangChain Embeddings over an Embedder (USE offline by default)."""

    def __init__(self, embedder: Embedder) -> None:
        """Wrap embedder."""
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Vectors of documents."""
        return [row.tolist() for row in self.embedder.embed(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        """Vector of a query."""
        vector: list[float] = self.embedder.embed([text])[0].tolist()
        return vector


class PolicyRetriever(BaseRetriever):
    """LangChain BaseRetriever over `Retriever.search` (BM25 + dense + glossary fusion)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any
    k: int = 4

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[LCDocument]:
        """The k best documents as LangChain documents with our metadata."""
        return [
            LCDocument(
                page_content=hit.text,
                metadata={
                    "doc_id": hit.doc_id,
                    "article": hit.article,
                    "title": hit.title,
                    "score": hit.score,
                    "articles": list(hit.articles),
                },
            )
            for hit in self.retriever.search(query, self.k)
        ]
