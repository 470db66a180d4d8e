"""One answer never says a point twice (bot/compose/overlap.py, applied by lay_out): exact and
near repeats within a part, across numbered parts, and points repeating a lead are kept once,
the more specific wording kept. The texts are the tests' own."""

from __future__ import annotations

import pytest

from bot.compose.layout import Part, lay_out
from bot.compose.overlap import distinct_parts, same_point, without_said

# (a point, a near repeat of it in other words, a more specific repeat)
SAYINGS = [
    (
        "平台帮核心企业上下游的小企业凭订单和账款融资。",
        "帮核心企业上下游的小企业凭订单、账款融资的平台。",
        "平台帮核心企业上下游的小企业凭订单、仓单和应收账款向合作银行融资。",
    ),
    (
        "科技贷出了坏账由省级风险资金和合作机构分担。",
        "科技贷出了坏账，由省级风险资金、合作机构分担",
        "科技贷出了坏账由省级风险资金、企业和合作机构按约定比例分担。",
    ),
    (
        "第6条鼓励银行发放首贷和信用贷。",
        "第6条鼓励银行多发放首贷、信用贷",
        "第6条鼓励银行发放首贷、信用贷和1年期以上中长期贷款。",
    ),
]
OTHER = "下一步先问开户银行有没有这类产品。"


def _part(lead: str, *points: str) -> Part:
    return Part(lead, tuple(points), "", "", ())


@pytest.mark.parametrize(("point", "near", "specific"), SAYINGS)
def test_near_repeat_within_part_kept_once(point: str, near: str, specific: str) -> None:
    for repeat in (point, near):
        (part,) = distinct_parts([_part("一句引导。", point, OTHER, repeat)])
        assert part.points == (point, OTHER)


@pytest.mark.parametrize(("point", "near", "specific"), SAYINGS)
def test_more_specific_repeat_replaces_earlier(point: str, near: str, specific: str) -> None:
    (part,) = distinct_parts([_part("一句引导。", point, OTHER, specific)])
    assert part.points == (specific, OTHER)


@pytest.mark.parametrize(("point", "near", "specific"), SAYINGS)
def test_repeat_across_parts_kept_once(point: str, near: str, specific: str) -> None:
    first, second = distinct_parts([_part("甲。", point), _part("乙。", near, OTHER)])
    assert first.points == (point,)
    assert second.points == (OTHER,)


@pytest.mark.parametrize(("point", "near", "specific"), SAYINGS)
def test_point_repeating_a_lead_dropped(point: str, near: str, specific: str) -> None:
    first, second = distinct_parts([_part(point), _part("乙。", near, OTHER)])
    assert second.points == (OTHER,)


@pytest.mark.parametrize(("point", "near", "specific"), SAYINGS)
def test_laid_out_answer_says_point_once(point: str, near: str, specific: str) -> None:
    text = lay_out([_part("甲。", point), _part("乙。", near, OTHER)], {}, budget=1000)
    bullets = [line for line in text.splitlines() if line.startswith("· ")]
    assert len(bullets) == 2
    assert not any(same_point(a, b) for i, a in enumerate(bullets) for b in bullets[i + 1 :])


def test_different_points_all_kept() -> None:
    points = tuple(s[0] for s in SAYINGS) + (OTHER,)
    (part,) = distinct_parts([_part("一句引导。", *points)])
    assert part.points == points


# (a lead defining a thing, a point opening with the same definition in other words, what the
# point adds after it)
DEFINITIONS = [
    (
        "外贸贷是福建省专给做进出口的外贸企业的周转资金贷款，省里的风险资金在背后支持。",
        "外贸贷是福建省面向做进出口业务的外贸企业的政策性流动资金贷款",
        "第6条要求银行用好外贸贷等专项贷款",
    ),
    (
        "科技贷是福建省专门给科技型小微企业的政策性贷款，坏账由各方按约定分摊。",
        "科技贷是福建省面向科技型中小微企业的政策性贷款产品",
        "第6条要求银行用好科技贷等专项贷款",
    ),
    (
        "闽光云商是三钢集团相关的供应链金融平台，帮上下游客户融资。",
        "闽光云商是与三钢集团相关的供应链金融服务平台",
        "融资不需要抵押担保，凭订单和账款办理",
    ),
]


@pytest.mark.parametrize(("lead", "again", "adds"), DEFINITIONS)
@pytest.mark.parametrize("mark", ("，", "；"))
def test_clause_repeating_the_lead_left_out_of_a_point(
    lead: str, again: str, adds: str, mark: str
) -> None:
    (part,) = distinct_parts([_part(lead, f"{again}{mark}{adds}。", OTHER)])
    assert part.points == (f"{adds}。", OTHER)


@pytest.mark.parametrize(("lead", "again", "adds"), DEFINITIONS)
def test_clause_repeating_an_earlier_point_left_out(lead: str, again: str, adds: str) -> None:
    first = f"{again}。"
    (part,) = distinct_parts([_part("一句引导。", first, f"{adds}，{again}。")])
    assert part.points == (first, f"{adds}。")


@pytest.mark.parametrize(("lead", "again", "adds"), DEFINITIONS)
def test_rest_opening_with_a_connective_keeps_the_point_whole(
    lead: str, again: str, adds: str
) -> None:
    point = f"{again}，并{adds}。"
    (part,) = distinct_parts([_part(lead, point)])
    assert part.points in ((point,), ())  # whole, or dropped as a repeat of the lead


@pytest.mark.parametrize(("lead", "again", "adds"), DEFINITIONS)
def test_laid_out_answer_says_no_clause_twice(lead: str, again: str, adds: str) -> None:
    text = lay_out([_part(lead, f"{again}，{adds}。", OTHER)], {}, budget=1000)
    assert again not in text and adds in text


# A clause that only heads the next one (…的， 如果…， …：) never ends a point whose next
# clause was said before: the point is kept whole (找助贷机构办贷的，措施要求降低其收费标准).
HEADS = ("找助贷机构办贷的，", "如果是第一次贷款，", "对于经营正常的企业，", "要注意两点：")
SAID = "措施要求降低民营小微企业的综合融资成本和收费标准。"
REPEATED = "措施要求降低其综合融资成本和收费标准。"


@pytest.mark.parametrize("head", HEADS)
def test_a_head_clause_never_ends_a_point_cut_short(head: str) -> None:
    point = f"企业可以问银行能否下调保证金存款比例；{head}{REPEATED}"
    kept = without_said(point, [SAID])
    assert not kept.rstrip("。").endswith(("的", "，", "：")), kept
    assert kept == point  # the head's clause was said again: the point stays whole


def test_a_clause_said_again_after_a_full_clause_is_still_left_out() -> None:
    point = f"企业可以问银行能否下调保证金存款比例；{REPEATED}"
    assert without_said(point, [SAID]) == "企业可以问银行能否下调保证金存款比例。"
