"""Answers to questions about a thing the sources never mention say so first (bot/unsourced/),
over the session index: things of several kinds asked in several forms, with slips and
traditional characters; things the sources do mention, under their own or other words, are
answered as before; a staff guide about the thing makes the same question answered from it.
The names and wordings are the tests' own."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.unsourced.lead import MAX_LEAD_CHARS
from core.settings import Settings

if TYPE_CHECKING:
    from bot.answerer import Answerer

SILENT = "没有提到「"
# Things the measures offer nothing as such for: the lead names the nearest measure.
ABSENT = ("纾困资金", "惠农贷", "担保费补贴", "稳链基金")
# Things owners ask for that 第6条's 无还本续贷 stands in for (knowledge/data/glossary/nearest.tsv).
BRIDGING = ("过桥资金", "应急转贷资金", "倒贷资金")
FORMS = ("有没有{}", "{}怎么申请", "{}能贷多少", "{}是什么", "{}要什么材料", "去哪申请{}")
SPELLED = [  # (as typed, the name the lead gives)
    ("紓困資金怎麼申請", "纾困资金"),
    ("惠農貸是什麼", "惠农贷"),
    ("擔保費補貼怎麼申請", "担保费补贴"),
    ("担报费补贴怎么申请", "担保费补贴"),
    ("過橋資金有嗎", "过桥资金"),
    ("过侨资金怎么申请", "过桥资金"),
    ("應急轉貸資金怎麼辦理", "应急转贷资金"),
]


def _first_line(answer: Any) -> str:
    return str(answer.answer).splitlines()[0]


def _assert_honest(answer: Any, name: str) -> None:
    lead = _first_line(answer)
    assert answer.in_scope
    assert lead.startswith((f"措施里{SILENT}{name}」", f"现有资料里{SILENT}{name}」")), lead
    assert len(lead) <= MAX_LEAD_CHARS, lead
    assert "可问" in lead or "相关的是" in lead or "最接近的是" in lead
    assert answer.citations, "the nearest source is still cited"


@pytest.mark.parametrize(("name", "form"), itertools.product(ABSENT, FORMS))
def test_absent_thing_is_said_absent_before_the_nearest_measure(
    answerer: Answerer, name: str, form: str
) -> None:
    answer = answerer.answer(form.format(name))
    _assert_honest(answer, name)
    assert "第" in _first_line(answer)  # the related measure article is named


@pytest.mark.parametrize(("name", "form"), itertools.product(BRIDGING, FORMS))
def test_bridging_fund_leads_to_renewal_without_repaying(
    answerer: Answerer, name: str, form: str
) -> None:
    answer = answerer.answer(form.format(name))
    _assert_honest(answer, name)
    assert "第6条的无还本续贷" in _first_line(answer)
    assert "measure-6" in [c.doc_id for c in answer.citations]


@pytest.mark.parametrize(("question", "name"), SPELLED)
def test_absent_thing_found_through_slips_and_traditional_script(
    answerer: Answerer, question: str, name: str
) -> None:
    _assert_honest(answerer.answer(question), name)


# Things the sources mention: verbatim, by a note's alias, or under the glossary's words.
PRESENT = ("科技贷", "外贸贷", "商贸贷", "增产贷", "信易贷", "政府引导基金", "产业基金", "低息资金")
PRESENT_MORE = ("降准资金", "技改资金", "再贷款资金")
PRESENT_SPELLED = (
    "科技带是啥",
    "商贸代怎么申请",
    "外贸袋能贷多少",
    "科技貸怎麼申請",
    "政府引導基金是什麼",
    "產業基金怎麼對接",
    "有没有續貸",
    "有没有续代",
    "抵压贷款怎么申请",
)


@pytest.mark.parametrize(
    "question",
    [
        *(f.format(n) for n, f in itertools.product(PRESENT, FORMS)),
        *(f.format(n) for n, f in itertools.product(PRESENT_MORE, FORMS[:3])),
        *PRESENT_SPELLED,
    ],
)
def test_thing_the_sources_mention_is_not_called_absent(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert SILENT not in answer.answer, answer.answer


def test_several_asks_each_get_their_own_lead(answerer: Answerer) -> None:
    from bot.messages import Ask

    answer = answerer.respond([Ask("how", "纾困资金怎么申请"), Ask("how", "科技贷怎么申请")])
    assert f"{SILENT}纾困资金」" in answer.answer
    assert f"{SILENT}科技贷" not in answer.answer


GUIDE = """# 三明市中小企业应急转贷资金操作指引

应急转贷资金是市财政安排的短期周转资金，帮贷款快到期的企业先把旧贷还上，银行续贷放款后归还。

申请时，企业凭营业执照、借款合同和贷款银行出具的同意续贷函，向所在县（市、区）工信部门提出申请。

每笔资金使用不超过15天，按日计收使用费。
"""


@pytest.fixture(scope="module")
def guided_answerer(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An answerer over the session index plus a staff guide on 应急转贷资金 (a temporary
    POLICYBOT_DATA_DIR; only the guide's passages are embedded)."""
    from bot.answerer import load_answerer
    from knowledge.indexer import build_index

    root = tmp_path_factory.mktemp("unsourced-staff")
    shutil.copytree(index_dir, root / "index")
    (root / "data" / "knowledge").mkdir(parents=True)
    (root / "data" / "knowledge" / "zhuandai-guide.md").write_text(GUIDE, encoding="utf-8")
    settings = Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=root / "data",  # type: ignore[call-arg]
        POLICYBOT_INDEX_DIR=root / "index",
    )
    build_index(settings, progress=False)
    return load_answerer(settings)


@pytest.mark.parametrize(
    "question", ["应急转贷资金怎么申请", "應急轉貸資金要什么材料", "转贷资金能用多久"]
)
def test_staff_guide_answers_the_thing_it_describes(guided_answerer: Any, question: str) -> None:
    answer = guided_answerer.answer(question)
    assert SILENT not in answer.answer, answer.answer
    assert answer.citations[0].doc_id.startswith("staff-"), answer.citations


def test_staff_guide_leaves_other_absent_things_absent(guided_answerer: Any) -> None:
    _assert_honest(guided_answerer.answer("纾困资金怎么申请"), "纾困资金")
