"""Homophone repair over the whole glossary: one slipped character in every domain term."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from knowledge.glossary import load_glossary
from retrieval.homophones import HomophoneRepairer, fold

if TYPE_CHECKING:
    from bot.answerer import Answerer

CHECK_FILES = sorted(Path(__file__).parents[1].glob("knowledge/check-questions*.jsonl"))


def _common_homophones(retriever: Any) -> dict[str, list[str]]:
    """Characters by reading, most frequent first (what an input method offers first)."""
    weight: Counter[str] = Counter()
    for word, freq in retriever.tokenizer._jieba.FREQ.items():
        for char in word:
            weight[char] += freq
    by_reading: dict[str, list[str]] = defaultdict(list)
    for char, reading in retriever.homophones.chars.items():
        if weight[char]:
            by_reading[reading].append(char)
    return {r: sorted(cs, key=lambda c: -weight[c]) for r, cs in by_reading.items()}


def _slips(retriever: Any, knowledge_dir: Path) -> list[tuple[str, str]]:
    """(term, term with one character replaced by its commonest homophone) for every glossary
    phrase and policy term, at every position."""
    terms = retriever.homophones.terms
    glossary = {t for g in load_glossary(knowledge_dir) for t in (g.term, *g.expansions)}
    homophones = _common_homophones(retriever)
    slips = []
    for term in sorted(t for t in glossary if t in terms):
        for pos, syllable in enumerate(terms[term]):
            others = [c for c in homophones.get(syllable, []) if c != term[pos]]
            if others:
                slips.append((term, term[:pos] + others[0] + term[pos + 1 :]))
    return slips


def test_prepare_repairs_one_slip_in_every_glossary_term(answerer: Answerer) -> None:
    retriever = answerer.retriever
    slips = _slips(retriever, Path(answerer.settings.resolved_knowledge_dir))
    assert len(slips) > 2000
    repaired = [term in retriever.prepare(f"请问{slip}是怎么回事")[0] for term, slip in slips]
    failed = [s for s, ok in zip(slips, repaired, strict=True) if not ok]
    assert sum(repaired) / len(slips) >= 0.95, failed[:30]


def test_prepare_leaves_clean_questions_alone(answerer: Answerer) -> None:
    questions = [
        json.loads(line)["question"]
        for path in CHECK_FILES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    changed = [q for q in questions if answerer.retriever.prepare(q)[1]]
    assert len(questions) > 400
    assert len(changed) / len(questions) <= 0.01, changed


@pytest.mark.parametrize(
    ("slipped", "expected"),
    [
        ("续代怎么办理", "续贷"),
        ("担报公司收费标准", "担保"),
        ("保正金比例能不能降", "保证金"),
        ("每次序代都要我出评古费", "评估费"),
        ("怎么进融资白明单", "白名单"),
        ("应收账款质压", "质押"),
        ("这个措失到2028年还管用吗", "措施"),
        ("人民因行的再贷款", "人民银行"),
    ],
)
def test_prepare_repairs_reported_slips(answerer: Answerer, slipped: str, expected: str) -> None:
    assert expected in answerer.retriever.prepare(slipped)[0]


@pytest.mark.parametrize("text", ["做保鲜冷库的能贷款吗", "我们是做食品加工的", "一声不吭就停了"])
def test_prepare_keeps_real_words_that_sound_like_terms(answerer: Answerer, text: str) -> None:
    assert answerer.retriever.prepare(text)[0] == text


@pytest.mark.parametrize(
    ("syllable", "folded"),
    [
        ("zhang", "zan"),
        ("chi", "ci"),
        ("shi", "si"),
        ("li", "ni"),
        ("ling", "nin"),
        ("feng", "hen"),
        ("fu", "hu"),
        ("hu", "hu"),
        ("dang", "dan"),
        ("ma", "ma"),
    ],
)
def test_fold_merges_common_confusions(syllable: str, folded: str) -> None:
    assert fold(syllable) == folded


def test_repairer_requires_exact_sound_when_no_character_is_kept() -> None:
    repairer = HomophoneRepairer(
        {"续贷": ["xu", "dai"]}, {"序": "xu", "代": "dai", "书": "shu", "带": "dai"}, ()
    )
    assert repairer.lookup("序代") == "续贷"
    assert repairer.lookup("书带") is None  # shu ≠ xu even though s/sh fold together
    assert repairer.lookup("续贷") is None


def test_repairer_allows_one_folded_character_only() -> None:
    repairer = HomophoneRepairer(
        {"办公室": ["ban", "gong", "shi"], "公积金": ["gong", "ji", "jin"]},
        {"帮": "bang", "公": "gong", "司": "si", "办": "ban", "是": "shi", "基": "ji", "金": "jin"},
        (),
    )
    assert repairer.lookup("帮公司") is None  # bang/ban and si/shi: two folded characters
    assert repairer.lookup("帮公是") == "办公室"  # one folded character, one exact
    assert repairer.lookup("公基金") == "公积金"


@pytest.mark.parametrize(
    "text", ["老板信用卡额度高能帮公司贷款吗", "政府能不能帮公司担保", "想请协调办帮公司对接银行"]
)
def test_prepare_keeps_a_request_to_help_the_firm(answerer: Answerer, text: str) -> None:
    assert "帮公司" in answerer.retriever.prepare(text)[0]


def test_repairer_prefers_the_sound_alike_keeping_most_characters() -> None:
    repairer = HomophoneRepairer(
        {"收贷": ["shou", "dai"], "首贷": ["shou", "dai"]},
        {"首": "shou", "收": "shou", "代": "dai", "贷": "dai"},
        (),
    )
    assert repairer.lookup("首代") == "首贷"
    assert repairer.lookup("收代") == "收贷"


def test_weak_glossary_phrases_are_no_repair_targets(answerer: Answerer) -> None:
    """Generic wording (讲了什么, 这个文件) marks no domain word: slips are never read as it,
    unless it is also a word of a policy term or a title (处罚, 若干措施)."""
    retriever = answerer.retriever
    entries = load_glossary(Path(answerer.settings.resolved_knowledge_dir))
    weak = {e.term for e in entries if e.weak} - {e.term for e in entries if not e.weak}
    texts = [t for e in entries for t in e.expansions] + [d.title for d in retriever.docs]
    domain = {w for text in texts for w in retriever.tokenizer.tokens(text)}
    generic = weak - domain
    assert "讲了什么" in generic
    assert retriever.homophones is not None
    assert not generic & set(retriever.homophones.terms)


@pytest.mark.parametrize(
    "text",
    ["减费让利行动都减了什么费", "费用减了什么", "利率降了什么时候能到"],
)
def test_prepare_keeps_wording_that_sounds_like_a_weak_phrase(
    answerer: Answerer, text: str
) -> None:
    assert answerer.retriever.prepare(text)[0] == text


def test_repairer_keeps_a_common_word_typed_in_place_of_part_of_a_term() -> None:
    from retrieval.homophone_tables import build_tables

    tables = build_tables(["易企办", "信易贷"], {"一起": 15976, "一代": 2101})
    repairer = HomophoneRepairer.from_tables(tables)
    assert repairer is not None
    assert repairer.repair("能一起办吗")[0] == "能一起办吗"  # 一起 is that word
    assert repairer.repair("信一代平台")[0] == "信易贷平台"  # 一代 is rarer: still a slip


# ordinary products and trades an owner names (compound words holding a part that sounds like a
# domain word) × the ways they are written: never rewritten into the domain word
TRADE_WORDS = {
    "铝型材": "铝型材",
    "鋁型材": "铝型材",
    "竹胶板": "竹胶板",
    "预制菜": "预制菜",
    "不锈钢": "不锈钢",
}
TRADE_SENTENCES = (
    "我们做{}的，想贷款",
    "我们是做{}加工的 想问下续贷",
    "厂里主要生产{}，去年订单多了，资金周转不过来，能贷款吗",
)


@pytest.mark.parametrize("sentence", TRADE_SENTENCES)
@pytest.mark.parametrize("word", TRADE_WORDS)
def test_an_ordinary_compound_word_is_never_a_slip(
    answerer: Answerer, word: str, sentence: str
) -> None:
    text, _ = answerer.retriever.prepare(sentence.format(word))
    assert TRADE_WORDS[word] in text, text


def test_a_part_of_a_listed_compound_is_kept_and_real_slips_still_repair() -> None:
    repairer = HomophoneRepairer(
        {"履行": ["lv", "xing"], "续贷": ["xu", "dai"]},
        {"铝": "lv", "型": "xing", "材": "cai", "续": "xu", "代": "dai"},
        (),
        compounds=("铝型材",),
    )
    assert repairer.repair("做铝型材的")[0] == "做铝型材的"
    assert repairer.repair("铝型怎么办")[0] == "履行怎么办"
    assert repairer.repair("铝型材续代")[0] == "铝型材续贷"


# who pays a charge, written as owners do: 钱谁 sounds like 欠税, but 谁 is the question
PAYER_SENTENCES = (
    "{}的钱谁出",
    "{}的钱该谁来出",
    "{}的钱谁掏啊",
    "我们办贷款的时候银行要{}，那{}的钱谁付",
    "{}的錢誰出",
)


@pytest.mark.parametrize("sentence", PAYER_SENTENCES)
@pytest.mark.parametrize("service", ["抵押评估", "评估", "登记", "担保", "公证"])
def test_a_question_word_is_never_a_slipped_character(
    answerer: Answerer, service: str, sentence: str
) -> None:
    text, _ = answerer.retriever.prepare(sentence.format(service, service))
    assert "谁" in text and "欠税" not in text, text


def test_repairer_keeps_question_words() -> None:
    repairer = HomophoneRepairer(
        {"欠税": ["qian", "shui"], "续贷": ["xu", "dai"]},
        {"钱": "qian", "谁": "shui", "续": "xu", "代": "dai"},
        (),
    )
    assert repairer.repair("钱谁出")[0] == "钱谁出"
    assert repairer.repair("钱谁续代")[0] == "钱谁续贷"
