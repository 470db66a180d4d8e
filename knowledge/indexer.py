"""Build or refresh the knowledge index from the packaged knowledge and staff uploads."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from core.settings import Settings
from knowledge.documents import Document
from knowledge.eligibility import rule_files, save_rules, select_rules
from knowledge.glossary import glossary_matcher, load_glossary
from knowledge.key_terms import with_key_terms
from knowledge.plain import load_plain, save_plain
from knowledge.qa import save_qa
from knowledge.qa_sources import qa_files, select_qa
from knowledge.sources import load_packaged_docs, load_staff_docs

log = logging.getLogger(__name__)
DOCUMENTS_FILE = "documents.json"


@dataclass(frozen=True)
class IndexReport:
    """Result of an index run."""

    index_dir: str
    documents: int
    passages: int
    embedded: int
    reused: int
    removed: int
    seconds: float
    qa_entries: int = 0  # published Q&A entries indexed for matching
    questions: int = 0  # their standard questions and phrasings (embedded/reused like passages)
    qa_problems: tuple[str, ...] = ()  # entries and files refused, with the reason
    rules: int = 0  # eligibility rules of the self-check saved beside the index
    rule_problems: tuple[str, ...] = ()  # rules and rule files refused, with the reason

    def summary(self) -> str:
        """One line for the CLI (the refused Q&A entries are listed by the CLI)."""
        return (
            f"索引完成：{self.documents} 篇文档，{self.passages} 个段落，"
            f"问答 {self.qa_entries} 条，体检规则 {self.rules} 条，"
            f"新嵌入 {self.embedded}，复用 {self.reused}，删除 {self.removed}，"
            f"用时 {self.seconds:.1f} 秒（{self.index_dir}）"
        )


def collect_documents(settings: Settings) -> list[Document]:
    """Packaged documents plus staff uploads from data_dir/knowledge (with their key terms)."""
    docs = load_packaged_docs(settings.resolved_knowledge_dir)
    staff = load_staff_docs(Path(settings.data_dir) / "knowledge")
    if staff:
        glossary = load_glossary(settings.resolved_knowledge_dir)
        matcher = glossary_matcher(glossary)
        docs.extend(
            with_key_terms(
                staff,
                docs,
                lambda text: matcher.match(text).votes,
                owner_words={g.term for g in glossary},
            )
        )
    seen: set[str] = set()
    unique = []
    for doc in docs:
        if doc.doc_id in seen:
            log.warning("duplicate document id %s skipped", doc.doc_id)
            continue
        seen.add(doc.doc_id)
        unique.append(doc)
    return unique


def build_index(
    settings: Settings,
    *,
    embedder: Any = None,
    progress: bool = True,
    collection: str | None = None,
) -> IndexReport:
    """Index every document in settings.resolved_index_dir, re-embedding only changed text.

    `collection`: the Chroma collection to write (a published version's own; default: the
    previous run's). The published Q&A entries that pass their checks are saved beside the
    index (`qa.json`) and their questions indexed for matching; refused ones are listed in
    `IndexReport.qa_problems` (knowledge/qa_sources.py). The self-check's eligibility rules
    that pass their checks are saved too (`eligibility.json`, knowledge/eligibility/store.py);
    refused ones are listed in `IndexReport.rule_problems`.
    """
    from retrieval.embeddings import make_embedder
    from retrieval.indexing import write_index
    from retrieval.question_writing import write_questions
    from retrieval.records import DocRecord, GlossaryTerm, QuestionText
    from retrieval.text import DICT_FILE, ChineseTokenizer

    index_dir = Path(settings.resolved_index_dir)
    docs = collect_documents(settings)
    glossary = load_glossary(settings.resolved_knowledge_dir)
    records = [
        DocRecord(d.doc_id, d.title, d.text, d.articles, d.kind, d.aliases, d.units) for d in docs
    ]
    terms = [GlossaryTerm(g.term, g.expansions, g.articles, g.group, g.weak) for g in glossary]
    plain = load_plain(settings.resolved_knowledge_dir)
    # a measure's points are indexed with it (owners' words for formal clauses); a note is
    # already in plain words, and its points would outrank the measures it belongs to
    notes = {
        doc_id: [f"{' '.join(p.keywords)}：{p.text}" for p in m.points]
        for doc_id, m in plain.items()
        if m.article is not None
    }
    embedder = embedder or make_embedder(settings, threads=os.cpu_count() or 1)
    stats = write_index(
        index_dir,
        records,
        terms,
        embedder,
        chroma_url=settings.chroma_url,
        progress=progress,
        notes=notes,
        terms=[k for m in plain.values() for p in m.points for k in p.keywords],
        collection=collection,
    )
    qa = select_qa(qa_files(settings), {d.doc_id: d for d in docs})
    for problem in qa.problems:
        log.warning("%s", problem)
    questions = [
        QuestionText(e.id, n, q, e.topic) for e in qa.entries for n, q in enumerate(e.questions)
    ]
    tokenizer = ChineseTokenizer(index_dir / DICT_FILE)
    embedded, reused = write_questions(index_dir, questions, embedder, tokenizer.tokens)
    save_documents(index_dir, docs)
    save_plain(index_dir, plain)
    save_qa(index_dir, qa.entries)
    rules = select_rules(rule_files(settings), {d.doc_id: d for d in docs})
    for problem in rules.problems:
        log.warning("%s", problem)
    save_rules(index_dir, rules.rules)
    return IndexReport(
        str(index_dir),
        stats.documents,
        stats.passages,
        stats.embedded + embedded,
        stats.reused + reused,
        stats.removed,
        stats.seconds,
        qa_entries=len(qa.entries),
        qa_problems=qa.problems,
        questions=len(questions),
        rules=len(rules.rules),
        rule_problems=rules.problems,
    )


def save_documents(index_dir: Path, docs: list[Document]) -> None:
    """Write the full documents (for source cards and "查看条款原文") next to the index."""
    rows = [asdict(d) for d in docs]
    tmp = index_dir / (DOCUMENTS_FILE + ".tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    tmp.replace(index_dir / DOCUMENTS_FILE)


def load_documents(index_dir: Path) -> dict[str, Document]:
    """Documents saved by the last index run, by doc_id."""
    path = index_dir / DOCUMENTS_FILE
    if not path.exists():
        return {}
    rows = json.loads(path.read_text(encoding="utf-8"))
    docs = {}
    for row in rows:
        row["related_articles"] = tuple(row.get("related_articles", ()))
        docs[row["doc_id"]] = Document(**row)
    return docs


def index_exists(index_dir: Path) -> bool:
    """True when index_dir holds a finished index."""
    return (index_dir / DOCUMENTS_FILE).exists() and (index_dir / "corpus.json").exists()
