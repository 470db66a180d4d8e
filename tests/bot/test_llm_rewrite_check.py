"""Whether a model's rewrite may replace the resolved question, over every note and measure of
the knowledge (bot.llm.question_check; no model involved)."""

from __future__ import annotations

from itertools import permutations
from typing import TYPE_CHECKING, Any

import pytest

from bot.llm.question_check import MAX_REWRITE_CHARS, clean, rewrite_problem
from bot.llm.rewrite import QuestionRewriter
from bot.reading import Lexicon, lexicon_for
from core.settings import Settings

if TYPE_CHECKING:
    from bot.answerer import Answerer

INVENTED_LOANS = ("飞鹰贷", "闽西宝贷", "三明快捷贷", "小微速享贷")


@pytest.fixture(scope="module")
def kit(answerer: Answerer) -> tuple[Lexicon, set[str], dict[str, str], dict[str, str]]:
    """The lexicon, the known …贷 names, notes and measures (doc id → the name owners use)."""
    lexicon = lexicon_for(answerer)
    loans = QuestionRewriter(Settings(_env_file=None), answerer, None).known_loans()  # type: ignore[arg-type, call-arg]
    notes = {
        d: lexicon.display_name(d)
        for d, doc in answerer.documents.items()
        if doc.kind in ("product", "platform")
    }
    measures = {
        d: lexicon.display_name(d)
        for d, doc in answerer.documents.items()
        if doc.kind == "measure" and doc.article
    }
    return lexicon, loans, notes, measures


def problem(
    kit: Any, rewrite: str, resolved: str, said: str = "", referent: str | None = None
) -> str:
    lexicon, loans, _, _ = kit
    return rewrite_problem(
        rewrite,
        resolved=resolved,
        said=f"{said}\n{resolved}",
        lexicon=lexicon,
        known_loans=loans,
        referent=referent,
    )


def test_rewrite_keeping_the_note_is_accepted(kit: Any) -> None:
    _, _, notes, _ = kit
    assert len(notes) >= 10
    bad = {
        name: found
        for doc_id, name in notes.items()
        if (
            found := problem(
                kit, f"{name}需要提供抵押物吗？", f"{name}要抵押吗?", "要抵押吗？", doc_id
            )
        )
    }
    assert not bad


def test_rewrite_switching_to_a_note_the_conversation_never_named_is_rejected(kit: Any) -> None:
    _, _, notes, _ = kit
    accepted, checked = [], 0
    for (x_id, x), (_, y) in permutations(notes.items(), 2):
        said = f"{x}是什么？\n要抵押吗？"
        if y in said:  # one name inside the other (中征应收账款… / 应收账款…)
            continue
        checked += 1
        if not problem(kit, f"{y}要抵押吗？", f"{x}要抵押吗?", said, x_id):
            accepted.append((x, y))
    assert not accepted and checked >= len(notes) * (len(notes) - 2)


def test_rewrite_to_a_note_the_history_named_is_accepted(kit: Any) -> None:
    """The reader completed the follow-up with X, but the owner had also asked about Y: the
    model may read 它 as Y (a document that exists, named in this conversation)."""
    _, _, notes, _ = kit
    names = list(notes.items())
    rejected = []
    for (x_id, x), (_, y) in zip(names, names[1:] + names[:1], strict=True):
        said = f"{y}是什么？\n{x}呢？\n它要抵押吗？"
        if found := problem(kit, f"{y}要抵押吗？", f"{x}要抵押吗?", said, x_id):
            rejected.append((x, y, found))
    assert not rejected


@pytest.mark.parametrize("loan", INVENTED_LOANS)
def test_rewrite_naming_an_invented_loan_is_rejected(kit: Any, loan: str) -> None:
    _, _, notes, _ = kit
    for doc_id, name in notes.items():
        assert problem(kit, f"{name}和{loan}哪个好？", f"{name}要抵押吗?", "", doc_id) == (
            "names an unknown loan"
        )


def test_rewrite_adding_a_number_is_rejected_unless_the_owner_said_it(kit: Any) -> None:
    _, _, notes, _ = kit
    for number in ("50万", "3.85%", "3年", "200万元"):
        for doc_id, name in notes.items():
            rewrite, resolved = f"{name}能贷{number}吗？", f"{name}能贷多少?"
            assert problem(kit, rewrite, resolved, "能贷多少？", doc_id) == "adds numbers"
            assert problem(kit, rewrite, resolved, f"我想贷{number}，能贷多少？", doc_id) == ""


def test_rewrite_citing_an_article_that_does_not_exist_is_rejected(kit: Any) -> None:
    _, _, _, measures = kit
    articles = {int(d.split("-")[1]) for d in measures}
    for number in range(max(articles) + 1, max(articles) + 10):
        assert problem(kit, f"第{number}条怎么规定的？", "白名单怎么进?") == (
            "names an article that does not exist"
        )


def test_rewrite_keeping_a_measure_topic_is_accepted_and_leaving_it_rejected(kit: Any) -> None:
    _, _, _, measures = kit
    items = sorted(measures.items(), key=lambda item: int(item[0].split("-")[1]))
    kept, left, checked = [], [], 0
    for (a_id, a), (_, b) in zip(items, items[1:] + items[:1], strict=True):
        number = a_id.split("-")[1]
        if problem(kit, f"第{number}条{a}具体指什么？", f"{a}是什么?", "是什么？", a_id):
            kept.append(a)
        if b in a or a in b:
            continue
        checked += 1
        if not problem(kit, f"{b}是什么？", f"{a}是什么?", "", a_id):
            left.append((a, b))
    assert not kept and not left and checked >= len(items) - 2


@pytest.mark.parametrize(
    "rewrite",
    ["", "外贸贷要抵押吗？\n科技贷呢？", "外贸贷要抵押吗？[product-waimaodai]", "外贸贷" * 50],
    ids=["empty", "two-lines", "citation", "too-long"],
)
def test_rewrite_that_is_not_one_question_is_rejected(kit: Any, rewrite: str) -> None:
    assert len("外贸贷" * 50) > MAX_REWRITE_CHARS
    assert problem(kit, rewrite, "外贸贷要抵押吗?", "外贸贷是什么？") in (
        "empty",
        "not one question",
    )


def test_rewrite_without_any_topic_is_rejected(kit: Any) -> None:
    assert problem(kit, "这个要准备什么？", "贷款要准备哪些材料?") == "names no document"
    assert problem(
        kit, "怎么开公司？", "外贸贷要抵押吗?", "外贸贷", "product-waimaodai"
    ).startswith("leaves the topic 外贸贷")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<think>它指外贸贷</think>\n外贸贷要抵押吗？", "外贸贷要抵押吗？"),
        ("“外贸贷要抵押吗？”", "外贸贷要抵押吗？"),
        ("改写后的问题：外贸贷要抵押吗？", "外贸贷要抵押吗？"),
        ("  外贸贷要抵押吗？ ", "外贸贷要抵押吗？"),
    ],
)
def test_clean_drops_reasoning_quotes_and_labels(raw: str, expected: str) -> None:
    assert clean(raw) == expected
