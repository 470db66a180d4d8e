"""Re-index into a new version directory and publish only when evaluation does not drop."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from admin.errors import KnowledgeError
from storage.admin_queries import LOCAL_TZ
from storage.models import GoldenQuestion, IndexVersion

log = logging.getLogger(__name__)

DEV_QUESTIONS = Path(__file__).resolve().parent / "eval" / "dev-questions.jsonl"
HIGHER_IS_BETTER = {
    "hit@1": "首位命中率",
    "hit@3": "前三命中率",
    "mrr": "MRR",
    "oos_accuracy": "范围外问题识别率",
}
LOWER_IS_BETTER = {"false_reject": "误拒率"}
EPSILON = 1e-9
KEEP_PUBLISHED = 3
_lock = threading.Lock()


@dataclass
class GateResult:
    """The regression gate's verdict on a candidate index."""

    published: bool
    label: str
    before: dict[str, Any]
    after: dict[str, Any]
    reasons: list[str] = field(default_factory=list)


def versions_root(settings: Any) -> Path:
    """Folder holding every published index version."""
    return Path(settings.data_dir) / "index_versions"


def staff_documents(settings: Any) -> list[Path]:
    """Staff documents in data_dir/knowledge."""
    folder = Path(settings.data_dir) / "knowledge"
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.exists() else []


def _miss_keys(metrics: dict[str, Any]) -> set[str]:
    keys = set()
    for miss in metrics.get("misses") or []:
        keys.add(
            str(miss.get("id") or miss.get("question")) if isinstance(miss, dict) else str(miss)
        )
    return keys


def compare_metrics(
    before: dict[str, Any], after: dict[str, Any], golden_ids: set[str]
) -> list[str]:
    """Why the candidate is worse (empty when quality did not drop)."""
    reasons = []
    for key, label in HIGHER_IS_BETTER.items():
        if key in before and key in after and after[key] < before[key] - EPSILON:
            reasons.append(f"{label}由 {before[key]:.3f} 降至 {after[key]:.3f}")
    for key, label in LOWER_IS_BETTER.items():
        if key in before and key in after and after[key] > before[key] + EPSILON:
            reasons.append(f"{label}由 {before[key]:.3f} 升至 {after[key]:.3f}")
    broken = (_miss_keys(after) - _miss_keys(before)) & golden_ids
    if broken:
        reasons.append(f"{len(broken)} 个人工回归问题不再答对：{'、'.join(sorted(broken))}")
    return reasons


def load_eval_questions(session: Any, workdir: Path) -> tuple[list[Any], set[str]]:
    """The dev set plus staff golden questions, in the evaluation format."""
    from knowledge.evaluation import load_questions

    lines = DEV_QUESTIONS.read_text(encoding="utf-8").splitlines()
    golden_keys: set[str] = set()
    for row in session.query(GoldenQuestion).order_by(GoldenQuestion.id):
        qid = f"g{row.id}"
        golden_keys.update((qid, row.question))
        item = {
            "id": qid,
            "question": row.question,
            "articles": list(row.articles or []),
            "out_of_scope": bool(row.out_of_scope),
        }
        lines.append(json.dumps(item, ensure_ascii=False))
    path = workdir / "questions.jsonl"
    path.write_text("\n".join(line for line in lines if line.strip()) + "\n", encoding="utf-8")
    return list(load_questions(path)), golden_keys


def _jsonable(metrics: Any) -> dict[str, Any]:
    """Evaluation figures as plain JSON (they are stored with the index version)."""
    return dict(json.loads(json.dumps(dict(metrics), ensure_ascii=False, default=str)))


def _swap_answerer(app: Any, new_answerer: Any) -> None:
    """Serve the new answerer, wrapped like the old one (e.g. in a fresh answer cache)."""
    current = app.state.answerer
    if hasattr(current, "inner"):
        new_answerer = type(current)(new_answerer)
    app.state.answerer = new_answerer
    if getattr(app.state, "engine", None) is not None:
        app.state.engine.answerer = new_answerer


def _label() -> str:
    return "v" + datetime.now(LOCAL_TZ).strftime("%Y%m%d-%H%M%S-%f")[:-3]


def _prune(root: Path, live: Path) -> None:
    """Keep the newest published versions (and the live one); drop older folders."""
    dirs = sorted((p for p in root.glob("v*") if p.is_dir()), key=lambda p: p.name)
    for old in dirs[:-KEEP_PUBLISHED]:
        if old.resolve() != live.resolve():
            shutil.rmtree(old, ignore_errors=True)


def reindex_with_gate(
    app: Any, *, change: Callable[[], Callable[[], None]], actor: str
) -> GateResult:
    """Apply `change` (returns its undo), build a candidate index, evaluate, publish or undo."""
    from bot.answerer import load_answerer
    from knowledge.evaluation import evaluate
    from knowledge.indexer import build_index

    if not _lock.acquire(blocking=False):
        raise KnowledgeError("另一个索引任务正在进行，请稍后再试")
    try:
        settings = app.state.settings
        live = Path(getattr(app.state, "admin_index_dir", None) or settings.resolved_index_dir)
        label = _label()
        root = versions_root(settings)
        candidate = root / label
        root.mkdir(parents=True, exist_ok=True)
        with app.state.db.session() as session, tempfile.TemporaryDirectory() as tmp:
            questions, golden = load_eval_questions(session, Path(tmp))
        # The baseline first: with a Chroma server the candidate build touches the live collection.
        before = _jsonable(evaluate(app.state.answerer, questions, k=3))
        undo = change()
        try:
            if live.exists():
                shutil.copytree(live, candidate)
            cand_settings = settings.model_copy(update={"index_dir": candidate})
            # Reuse the loaded embedding model when the live answerer exposes it.
            embedder = getattr(getattr(app.state.answerer, "retriever", None), "embedder", None)
            build_index(cand_settings, embedder=embedder, progress=False)
            new_answerer = load_answerer(cand_settings)
            after = _jsonable(evaluate(new_answerer, questions, k=3))
        except Exception as exc:
            undo()
            shutil.rmtree(candidate, ignore_errors=True)
            log.exception("re-index failed")
            raise KnowledgeError("重建索引失败，文档可能无法解析；原索引保持不变") from exc
        reasons = compare_metrics(before, after, golden)
        published = not reasons
        if published:
            _swap_answerer(app, new_answerer)
            app.state.admin_index_dir = candidate
            (root / "CURRENT").write_text(label, encoding="utf-8")
            _prune(root, candidate)
        else:
            undo()
            shutil.rmtree(candidate, ignore_errors=True)
            if settings.chroma_url:  # a Chroma server holds one shared collection: re-sync it
                build_index(settings.model_copy(update={"index_dir": live}), progress=False)
        docs = [p.name for p in staff_documents(settings)]
        with app.state.db.session() as session:
            session.add(
                IndexVersion(
                    label=label,
                    status="published" if published else "refused",
                    metrics={"before": before, "after": after, "reasons": reasons},
                    documents=docs,
                    actor=actor,
                )
            )
        return GateResult(published, label, before, after, reasons)
    finally:
        _lock.release()
