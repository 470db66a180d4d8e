"""Re-index into a new version directory and publish only when evaluation does not drop.

The evaluation questions and figures are `admin.gate_questions`, the version folders
`admin.gate_versions`, the comparison `admin.gate_metrics`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from admin.errors import KnowledgeError
from admin.gate_metrics import compare_metrics
from admin.gate_questions import jsonable_metrics, load_eval_questions
from admin.gate_versions import discard_version, new_label, prune_versions, version_collection
from admin.index_sync import catch_up, current_embedder, swap_answerer, swap_lock
from bot.answer_source import AnswerSource, AssessingSource
from bot.services import Services
from core.settings import Settings
from knowledge.published import (
    pack_index,
    pull_staff_documents,
    push_staff_documents,
    staff_folder,
    versions_root,
)
from storage.models import IndexVersion

log = logging.getLogger(__name__)

_lock = threading.Lock()
BUSY = "另一个索引任务正在进行，请稍后再试"


@dataclass
class GateResult:
    """The regression gate's verdict on a candidate index."""

    published: bool
    label: str
    before: dict[str, Any]
    after: dict[str, Any]
    reasons: list[str] = field(default_factory=list)


def staff_documents(settings: Settings) -> list[Path]:
    """Staff documents (the local copy in data_dir/knowledge of those in the database)."""
    folder = staff_folder(settings)
    return sorted(p for p in folder.glob("*") if p.is_file() and not p.name.startswith("."))


def reindex_with_gate(
    state: Services, *, change: Callable[[], Callable[[], None]], actor: str, with_qa: bool = False
) -> GateResult:
    """Apply `change` (returns its undo), build a candidate index, evaluate, publish or undo.

    One gate at a time across every instance (a database lock): the candidate starts from the
    newest published version and documents, and a publish stores both in the database, where
    the other instances pick it up (admin/index_sync.py). with_qa: also publish the Q&A
    entries staff edited (admin/qa/publishing.py: written into the staff folder first, then
    their own regression checks).
    """
    from storage.locks import try_lock

    if not _lock.acquire(blocking=False):
        raise KnowledgeError(BUSY)
    try:
        settings = state.settings
        held = try_lock(state.db, "policybot-index-publish", Path(settings.data_dir))
        if held is None:
            raise KnowledgeError(BUSY)
        try:
            catch_up(state)
            pull_staff_documents(settings, state.db)
            changed: set[str] | None = None
            if with_qa:
                from admin.qa.service import materialize
                from storage.qa_store import unpublished_ids

                with state.db.session() as session:
                    materialize(settings, session)
                    changed = unpublished_ids(session)
            return _gate(state, change, actor, changed)
        finally:
            held.release()
    finally:
        _lock.release()


def _gate(
    state: Services,
    change: Callable[[], Callable[[], None]],
    actor: str,
    qa: set[str] | None = None,
) -> GateResult:
    """The gate itself (the caller holds the locks); qa: the changed Q&A entries to check and
    stamp when publishing with Q&A (None: a publish without Q&A checks)."""
    from bot.answerer import load_answerer
    from knowledge.evaluation import evaluate
    from knowledge.indexer import build_index

    settings = state.settings
    live = Path(state.admin_index_dir or settings.resolved_index_dir)
    label = new_label()
    root = versions_root(settings)
    candidate = root / label
    collection = version_collection(settings, label)
    root.mkdir(parents=True, exist_ok=True)
    with state.db.session() as session, tempfile.TemporaryDirectory() as tmp:
        questions, golden = load_eval_questions(session, Path(tmp))
    served = cast(AssessingSource, state.answerer)  # an Answerer, or the cache passing `assess` on
    before = jsonable_metrics(evaluate(served, questions, k=3))
    undo = change()
    embedder = current_embedder(state)  # reuse the loaded embedding model
    try:
        if live.exists():
            shutil.copytree(live, candidate)
        cand_settings = settings.model_copy(update={"index_dir": candidate})
        report = build_index(
            cand_settings, embedder=embedder, progress=False, collection=collection
        )
        new_answerer = load_answerer(cand_settings, embedder=embedder)
        after = jsonable_metrics(evaluate(new_answerer, questions, k=3))
        qa_reasons: list[str] = []
        if qa is not None:
            from admin.qa.publishing import qa_reasons as check_qa

            before_answerer = state.answerer
            qa_reasons = check_qa(before_answerer, new_answerer, candidate, report.qa_problems, qa)
    except Exception as exc:
        undo()
        discard_version(settings, candidate, collection)
        log.exception("re-index failed")
        raise KnowledgeError("重建索引失败，文档可能无法解析；原索引保持不变") from exc
    reasons = compare_metrics(before, after, golden) + qa_reasons
    published = not reasons
    metrics = {"before": before, "after": after, "reasons": reasons}
    if published:
        try:
            _publish(state, new_answerer, candidate, label, metrics, actor, qa or set())
        except Exception as exc:
            undo()
            discard_version(settings, candidate, collection)
            log.exception("publish failed")
            raise KnowledgeError("发布失败（数据库不可用？）；原索引保持不变") from exc
        prune_versions(settings, root, candidate)
    else:
        undo()
        discard_version(settings, candidate, collection)
        docs = [p.name for p in staff_documents(settings)]
        with state.db.session() as session:
            session.add(
                IndexVersion(
                    label=label, status="refused", metrics=metrics, documents=docs, actor=actor
                )
            )
    return GateResult(published, label, before, after, reasons)


def _publish(
    state: Services,
    answerer: AnswerSource,
    candidate: Path,
    label: str,
    metrics: dict[str, Any],
    actor: str,
    qa: set[str],
) -> None:
    """Store the version and the staff documents in one transaction (stamping the published
    Q&A versions), then serve it here."""
    from bot.subscriptions.notices import queue_publication

    settings = state.settings
    bundle = pack_index(candidate)
    with swap_lock:  # the watcher must not reload what this instance just published
        with state.db.session() as session:
            docs = push_staff_documents(settings, session, actor)
            queue_publication(session, state.answerer, answerer, settings, label)
            if qa:
                from storage.qa_store import mark_published

                mark_published(session, entry_ids=qa, label=label)
            session.add(
                IndexVersion(
                    label=label,
                    status="published",
                    metrics=metrics,
                    documents=docs,
                    actor=actor,
                    bundle=bundle,
                )
            )
        (versions_root(settings) / "CURRENT").write_text(label, encoding="utf-8")
        swap_answerer(state, answerer, label=label, index_dir=candidate)
