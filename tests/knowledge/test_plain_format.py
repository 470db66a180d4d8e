"""The plain-language point format (knowledge/plain.py): `- TYPE | KEYWORDS | STANCE | TEXT`,
the stance optionally narrowed to the words it answers (`不行：一刀切 拒贷`), saved beside the
index and read back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.plain import PlainFormatError, parse_plain, read_plain, save_plain

HEAD = "---\narticle: 2\nlead_unit: 人行三明市分行\n---\n"


@pytest.mark.parametrize("sep", ["：", ":", " ： "])
def test_a_stance_may_name_the_words_it_answers(sep: str) -> None:
    plain = parse_plain(
        HEAD + f"- 含义 | 征信 逾期 拒贷 | 不行{sep}一刀切 拒贷 | 银行不该一刀切拒贷。\n"
    )
    (point,) = plain.points
    assert point.stance == "不行" and point.stance_on == ("一刀切", "拒贷")
    assert point.keywords == ("征信", "逾期", "拒贷")


def test_a_plain_stance_answers_its_keywords() -> None:
    (point,) = parse_plain(HEAD + "- 可做 | 年报 补报 | 可以 | 补报年报可以修复信用。\n").points
    assert point.stance == "可以" and point.stance_on == ()


@pytest.mark.parametrize("stance", ["：一刀切", "大概：一刀切", "不行了"])
def test_words_without_a_known_stance_are_refused(stance: str) -> None:
    with pytest.raises(PlainFormatError):
        parse_plain(HEAD + f"- 含义 | 征信 | {stance} | 银行不该一刀切拒贷。\n")


def test_the_narrowed_stance_is_saved_and_read_back(tmp_path: Path) -> None:
    plain = parse_plain(HEAD + "- 含义 | 征信 | 不行：一刀切 | 银行不该一刀切拒贷。\n")
    save_plain(tmp_path, {"measure-2": plain})
    assert read_plain(tmp_path)["measure-2"] == plain
