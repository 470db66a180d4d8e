"""The parts of the honest lead where the sources are silent (bot/unsourced/): the name a
question asks about (asked.py), whether the sources mention it (coverage.py) and the lead
itself (lead.py), on small documents and glossaries of their own (no index)."""

from __future__ import annotations

import itertools

import pytest

from bot.compose.layout import Part
from bot.compose.reply import Reply
from bot.unsourced.asked import asked_thing
from bot.unsourced.coverage import NEAR_FILE, Coverage
from bot.unsourced.lead import MAX_LEAD_CHARS, unsourced_lead
from knowledge.documents import Document
from knowledge.glossary import parse_glossary

# Names of instruments, funds and schemes (made up or from elsewhere, for these tests only).
NAMES = ("纾困资金", "稳链基金", "惠农贷", "担保费补贴", "设备更新贴息", "应急周转资金")
FORMS = (
    "有没有{}",
    "有{}吗",
    "现在还有没有{}？",
    "{}怎么申请",
    "{}如何办理？",
    "{}找谁申请",
    "{}能贷多少",
    "{}最多能批多少钱",
    "{}能用多久",
    "{}是什么",
    "{}是啥意思",
    "{}要什么材料",
    "{}的申请条件是什么",
    "去哪申请{}",
    "怎么申请{}",
    "能不能申请{}",
    "请问一下{}怎么办理",
    "我们厂贷款快到期了，{}怎么申请",
    "科技贷有没有{}",
)


@pytest.mark.parametrize(("name", "form"), itertools.product(NAMES, FORMS))
def test_asked_thing_finds_the_name_in_every_form(name: str, form: str) -> None:
    assert asked_thing(form.format(name)) == name


@pytest.mark.parametrize(
    "question",
    [
        "有没有适合我们的贷款",  # a description, not a name
        "有没有利息低一点的资金",
        "有没有银行肯贷",
        "我们有没有办法申请应急资金",
        "有人知道纾困资金吗",
        "续贷怎么申请",  # no instrument head word
        "贷款到期了怎么办",
        "资金怎么申请",  # a head word alone names nothing
        "第6条讲了什么",
    ],
)
def test_asked_thing_takes_no_description_or_sentence(question: str) -> None:
    assert asked_thing(question) == ""


def test_asked_thing_takes_a_near_phrase_without_head_word() -> None:
    assert asked_thing("有没有过桥", near=("过桥",)) == "过桥"
    assert asked_thing("有没有过桥") == ""


DOCS = [
    Document(
        "measure-3", 3, "加大增信支持", "发挥政府性融资担保作用，降低担保费率，推广信用贷款。"
    ),
    Document("measure-6", 6, "落实专项贷款政策", "加大无还本续贷支持力度，用好信贷资金。"),
    Document(
        "product-x",
        None,
        "兴业贷（示例产品）",
        "示例产品的说明。",
        kind="product",
        meta={"aliases": "兴业贷"},
    ),
]
GLOSSARY = parse_glossary("技改|技术改造\t增产\t3\n展期|续期\t无还本续贷\t6\n", "owners.tsv")
NEAR = parse_glossary("过桥|过桥资金|倒贷\t无还本续贷 应续尽续\t6\n", NEAR_FILE)
SLIPS = {"担报": "担保", "续代": "续贷", "过侨": "过桥"}


@pytest.fixture
def coverage() -> Coverage:
    return Coverage(DOCS, [*GLOSSARY, *NEAR], SLIPS.get)


@pytest.mark.parametrize(
    "name",
    [
        "担保费率",  # verbatim in a document
        "信用担保资金",  # pieces of it in the documents
        "技改资金",  # a glossary phrase for what the documents say
        "展期资金",
        "兴业贷",  # a product's alias
        "擔保費率",  # traditional characters
        "担报资金",  # a pinyin slip of a document's word
        "低息资金",  # a describing word
    ],
)
def test_coverage_finds_names_the_sources_mention(coverage: Coverage, name: str) -> None:
    assert coverage.unsourced(name) == []


@pytest.mark.parametrize(
    ("name", "runs"),
    [
        ("纾困资金", ["纾困"]),
        ("稳链基金", ["稳链基金"]),
        ("过桥资金", ["过桥资金"]),  # a near phrase covers nothing
        ("倒贷资金", ["倒贷"]),  # 贷资 of 信贷资金 does not cover it either
        ("过侨资金", ["过桥资金"]),  # a slip of a near phrase is spelled, not excused
        ("過橋資金", ["过桥资金"]),
    ],
)
def test_coverage_leaves_the_unsourced_runs(coverage: Coverage, name: str, runs: list[str]) -> None:
    assert coverage.unsourced(name) == runs


def test_coverage_nearest_is_the_near_rows_first_term(coverage: Coverage) -> None:
    found = coverage.nearest(coverage.spelled("过侨资金"))
    assert found is not None and (found.term, found.article) == ("无还本续贷", 6)
    assert coverage.nearest("纾困资金") is None


def _reply(lead: str, cites: tuple[str, ...] = ("measure-3",)) -> Reply:
    part = Part(lead, ("要点。",), "", "下一步：问银行。", cites)
    return Reply((part,), "policy_question", cites[0] if cites else None, 1.0)


DOCUMENTS = {d.doc_id: d for d in DOCS}
UNITS = {"measure-3": "人行三明市分行", "measure-6": "三明金融监管分局"}


@pytest.mark.parametrize(
    ("question", "name", "nearest"),
    [
        ("有没有纾困资金", "纾困资金", "第3条「加大增信支持」"),
        ("过桥资金怎么申请", "过桥资金", "第6条的无还本续贷"),
        ("稳链基金能贷多少", "稳链基金", "第3条「加大增信支持」"),
    ],
)
def test_lead_says_the_sources_are_silent_then_the_nearest(
    coverage: Coverage, question: str, name: str, nearest: str
) -> None:
    reply = unsourced_lead(question, _reply("有。可以找担保公司。"), coverage, DOCUMENTS, UNITS)
    first = reply.parts[0]
    assert first.lead.startswith(f"措施里没有提到「{name}」")
    assert nearest in first.lead and "可问" in first.lead
    assert len(first.lead) <= MAX_LEAD_CHARS
    assert first.points[0] == "可以找担保公司。"  # the former lead, without its stance
    assert first.cites == ("measure-3",) and first.next_step == "下一步：问银行。"


def test_lead_names_other_sources_for_a_note(coverage: Coverage) -> None:
    reply = unsourced_lead(
        "有没有纾困资金", _reply("见说明。", ("product-x",)), coverage, DOCUMENTS, {}
    )
    assert reply.parts[0].lead.startswith("现有资料里没有提到「纾困资金」；相关的是兴业贷")


@pytest.mark.parametrize(
    ("question", "lead", "cites"),
    [
        ("有没有技改资金", "有。可以找担保公司。", ("measure-3",)),  # covered by the glossary
        ("有没有纾困资金", "纾困资金措施里没有写。", ("measure-3",)),  # the lead is about it
        ("有没有纾困资金", "可以找担保公司。", ()),  # nothing cited
        ("担保费率是多少", "由银行定。", ("measure-3",)),  # asks about no name
    ],
)
def test_lead_left_alone(
    coverage: Coverage, question: str, lead: str, cites: tuple[str, ...]
) -> None:
    reply = _reply(lead, cites)
    assert unsourced_lead(question, reply, coverage, DOCUMENTS, UNITS) is reply


def test_lead_stays_within_the_limit_for_a_long_name(coverage: Coverage) -> None:
    long_title = Document(
        "measure-9", 9, "完善民营小微企业融资风险分担补偿与增信服务机制", "说明。"
    )
    documents = {**DOCUMENTS, "measure-9": long_title}
    question = "民营小微企业稳链纾困周转资金怎么申请"
    reply = _reply("由银行定。", ("measure-9",))
    first = unsourced_lead(question, reply, coverage, documents, UNITS).parts[0]
    assert first.lead.startswith("措施里没有提到「民营小微企业稳链纾困周转资金」")
    assert len(first.lead) <= MAX_LEAD_CHARS
