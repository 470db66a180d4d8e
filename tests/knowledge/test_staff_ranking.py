"""Staff documents placed in the knowledge folder answer owners' questions about their subject.

The two documents in staff_docs/ (an emergency bridge-loan fund guide in Markdown and a
start-up guaranteed loan notice in plain text) are indexed as staff documents on top of the
session index (only their passages are embedded), with the real offline embedder. The
questions are written the way owners type them, not copied from the documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from core.settings import Settings
from tests.helpers.answers import document_of

if TYPE_CHECKING:
    from bot.answerer import Answerer

STAFF_DOCS = Path(__file__).parent / "staff_docs"
HEADINGS = {
    "zhuandai": "三明市中小企业应急转贷资金使用指南",
    "chuangye": "三明市创业担保贷款办理须知",
}
QUESTIONS = [
    ("zhuandai", "应急转贷资金怎么申请"),
    ("zhuandai", "贷款下个月到期，想用转贷资金过桥，一天收多少钱"),
    ("zhuandai", "应急资金一次最多能借多少，用几天"),
    ("chuangye", "创业担保贷款最多能贷多少钱"),
    ("chuangye", "我是退伍的想开个小超市，创业贷款有贴息吗"),
    ("chuangye", "小微企业办创业担保贷要啥材料"),
]
OTHER_QUESTIONS = [
    ("银行要求以贷转存怎么办", "measure-11"),
    ("科技贷是什么", "product-kejidai"),
    ("担保公司收费太高有没有补贴", "measure-9"),
]


@pytest.fixture(scope="module")
def staff_answerer(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """An answerer over the packaged knowledge plus the two staff documents."""
    from bot.answerer import load_answerer
    from knowledge.indexer import build_index

    root = tmp_path_factory.mktemp("staff")
    shutil.copytree(index_dir, root / "index")  # reuse the packaged passages' vectors
    shutil.copytree(STAFF_DOCS, root / "data" / "knowledge")
    settings = Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=root / "data",  # type: ignore[call-arg]
        POLICYBOT_INDEX_DIR=root / "index",
    )
    report = build_index(settings, progress=False)
    assert 0 < report.embedded < report.passages / 4  # only the staff passages are new
    return load_answerer(settings)


@pytest.mark.parametrize(("stem", "question"), QUESTIONS)
def test_answer_cites_the_staff_document_asked_about(
    staff_answerer: Answerer, stem: str, question: str
) -> None:
    answer = staff_answerer.answer(question)
    assert answer.in_scope
    first = answer.citations[0]
    assert first.doc_id.startswith(f"staff-{stem}-"), [c.doc_id for c in answer.citations]
    assert first.title == HEADINGS[stem]
    hits = staff_answerer.retriever.search(question, 2)
    assert any(h.doc_id.startswith(f"staff-{stem}-") and h.named for h in hits)


@pytest.mark.parametrize("stem", sorted(HEADINGS))
def test_search_ranks_staff_document_first_for_its_own_opening(
    staff_answerer: Answerer, stem: str
) -> None:
    doc = document_of(staff_answerer, f"staff-{stem}-1")
    opening = doc.text.split("。")[0] + "。"
    assert staff_answerer.retriever.search(opening, 1)[0].doc_id == f"staff-{stem}-1"


def test_search_ranks_bridge_fund_note_first_for_how_to_apply(staff_answerer: Answerer) -> None:
    assert staff_answerer.retriever.search("应急转贷资金怎么申请", 1)[0].doc_id.startswith(
        "staff-zhuandai-"
    )


@pytest.mark.parametrize(("question", "doc_id"), OTHER_QUESTIONS)
def test_answer_to_other_subjects_keeps_its_source(
    staff_answerer: Answerer, question: str, doc_id: str
) -> None:
    assert staff_answerer.answer(question).citations[0].doc_id == doc_id
