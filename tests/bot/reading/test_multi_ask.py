"""Messages asking several things: split into at most three self-contained asks, in order."""

from __future__ import annotations

import pytest

from bot.reading import ConversationContext, Lexicon, read, split_message
from tests.helpers.reading import notes

FOLLOW_UPS = (
    ("利息多少", "how_much"),
    ("要什么条件", "conditions"),
    ("去哪里办", "who_where"),
    ("多久能放款", "how_long"),
    ("得备齐哪些资料", "materials"),
)
OPENINGS = (
    ("{s}能贷款吗", "yesno"),
    ("{s}是什么", "what_is"),
    ("{s}怎么申请", "how"),
)
SEPARATORS = (" ", "？", "? ", "，", "。")


def subjects(lexicon: Lexicon) -> list[str]:
    """Names owners use: each product and platform, and the measures' short names."""
    names = [
        lexicon.display_name(d) for d in notes(lexicon, "product") + notes(lexicon, "platform")
    ]
    return names + [
        name
        for d in lexicon.documents
        if lexicon.kind(d) == "measure" and len(name := lexicon.display_name(d)) <= 6
    ]


def test_subjects_cover_every_kind_of_note(lexicon: Lexicon) -> None:
    found = subjects(lexicon)
    assert len(found) >= 14 and "科技贷" in found


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize(("opening", "first"), OPENINGS)
@pytest.mark.parametrize(("follow_up", "second"), FOLLOW_UPS)
def test_two_asks_are_both_read_the_second_about_the_first_subject(
    lexicon: Lexicon, opening: str, first: str, follow_up: str, second: str, separator: str
) -> None:
    for subject in subjects(lexicon):
        text = opening.format(s=subject) + separator + follow_up
        reading = read(lexicon, ConversationContext(), text)
        assert [a.type for a in reading.asks] == [first, second], text
        assert reading.asks[0].text.startswith(subject), text
        assert subject in reading.asks[1].text and reading.asks[1].text.endswith(follow_up)


@pytest.mark.parametrize("separator", ["？", "? ", " "])
def test_at_most_three_asks_keep_their_order(lexicon: Lexicon, separator: str) -> None:
    for subject in subjects(lexicon):
        parts = [f"{subject}是什么", "怎么申请", "得备齐哪些资料", "多久能放款"]
        reading = read(lexicon, ConversationContext(), separator.join(parts) + "？")
        assert [a.type for a in reading.asks] == ["what_is", "how", "materials"]
        assert "多久能放款" in reading.asks[2].text  # the rest joins the last ask


@pytest.mark.parametrize("cost", ["担保费", "利息", "评估费", "手续费", "保证金"])
@pytest.mark.parametrize("complaint", ["{c}太贵了", "{c}收得太高", "{c}好贵啊"])
def test_a_complaint_about_a_cost_before_a_question_is_asked_too(
    lexicon: Lexicon, cost: str, complaint: str
) -> None:
    for subject in subjects(lexicon)[:8]:
        text = f"{complaint.format(c=cost)} 有没有{subject}"
        asks = read(lexicon, ConversationContext(), text).asks
        assert [a.type for a in asks] == ["how_much", "yesno"], text
        assert cost in asks[0].text and subject in asks[1].text


@pytest.mark.parametrize("separator", ["，", " ", "。"])
@pytest.mark.parametrize(
    "judging", ["合理吗", "这合理吗", "正常吗", "这样对吗", "合不合规", "这正常吗"]
)
@pytest.mark.parametrize(
    "complaint",
    ["我们利率比国企高", "{c}太贵了", "{c}收得太高", "银行给的{c}比别人高"],
)
@pytest.mark.parametrize("cost", ["担保费", "利息", "评估费", "保证金"])
def test_a_complaint_only_weighed_is_one_ask(
    lexicon: Lexicon, cost: str, complaint: str, judging: str, separator: str
) -> None:
    text = complaint.format(c=cost) + separator + judging
    asks = read(lexicon, ConversationContext(), text).asks
    assert len(asks) == 1 and asks[0].type == "yesno", (text, asks)
    assert asks[0].text.startswith(complaint.format(c=cost)[:4]), text


@pytest.mark.parametrize(
    "story",
    [
        "我们是做{i}的，这两年订单多了，资金周转不过来，",
        "我们厂做{i}，去年{i}的利息太高了，银行说要先还本金，",
        "{i}厂的。上个月客户经理来过一趟。",
    ],
)
@pytest.mark.parametrize("industry", ["竹制品", "预制菜", "汽车配件", "光伏组件"])
def test_a_story_before_one_question_is_one_ask(
    lexicon: Lexicon, story: str, industry: str
) -> None:
    for subject in subjects(lexicon)[:8]:
        text = story.format(i=industry) + f"{subject}能申请吗"
        asks = read(lexicon, ConversationContext(), text).asks
        assert len(asks) == 1 and asks[0].type == "yesno", text
        assert industry in asks[0].text  # the story stays with its question


@pytest.mark.parametrize(
    "template",
    [
        "{s}能申请吧，对吧",
        "{s}要抵押吗，是吗",
        "利率呢，{s}会便宜点吗",
        "要是{s}不批，银行要说原因吗",
    ],
)
def test_tags_topics_and_conditions_stay_with_their_question(
    lexicon: Lexicon, template: str
) -> None:
    for subject in subjects(lexicon):
        assert len(read(lexicon, ConversationContext(), template.format(s=subject)).asks) == 1


@pytest.mark.parametrize("filler", ["那个", "就是说", "然后", "嗯"])
def test_voice_typed_words_between_spaces_are_not_each_a_question(filler: str) -> None:
    text = f"{filler} 我想问一下 {filler} 科技贷 {filler} 能不能申请"
    assert len(split_message(text)) == 1
