"""The firm's county read from what the owner tells (bot.reading.facts): a brand named after a
county (沙县小吃) is no place, a county denied (不是沙县，是永安) is not the firm's, and the firm's
place (公司在沙县) comes before a hometown (永安人). Generated over counties written here."""

from __future__ import annotations

import itertools

import pytest

from bot.reading.facts import extract_facts as read_facts

COUNTIES = (("永安", "永安市"), ("尤溪", "尤溪县"), ("大田", "大田县"), ("三元区", "三元区"))


@pytest.mark.parametrize("opening", ["我开了一家沙县小吃店", "做沙县小吃的", "我们是沙县小吃连锁"])
def test_a_brand_named_after_a_county_is_no_place(opening: str) -> None:
    assert read_facts(opening).county == ""


@pytest.mark.parametrize("place", COUNTIES)
def test_a_brand_beside_the_firms_place_gives_the_place(place: tuple[str, str]) -> None:
    assert read_facts(f"沙县小吃店开在{place[0]}").county == place[1]


@pytest.mark.parametrize(
    ("denied", "meant", "template"),
    [
        (d, m, t)
        for (d, _), m, t in itertools.product(
            (("沙县", ""), ("宁化", "")),
            COUNTIES,
            ("不是{d}，是{m}", "不在{d}在{m}", "没在{d}，在{m}"),
        )
    ],
)
def test_a_county_denied_is_not_the_firms(
    denied: str, meant: tuple[str, str], template: str
) -> None:
    assert read_facts(template.format(d=denied, m=meant[0])).county == meant[1]


@pytest.mark.parametrize("place", COUNTIES)
@pytest.mark.parametrize("home", ["沙县", "宁化", "建宁"])
def test_the_firms_place_comes_before_a_hometown(place: tuple[str, str], home: str) -> None:
    assert read_facts(f"我是{home}人，公司在{place[0]}").county == place[1]
