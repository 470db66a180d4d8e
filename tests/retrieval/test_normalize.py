"""Normalisation before retrieval: script, width, variants, noise and amounts, over whole kinds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import opencc
import pytest

from retrieval.normalize import (
    VARIANTS,
    normalize_amounts,
    normalize_text,
    strip_noise,
    to_simplified,
)

if TYPE_CHECKING:
    from bot.answerer import Answerer

CHECK_FILES = sorted(Path(__file__).parents[1].glob("knowledge/check-questions*.jsonl"))


def _questions() -> list[dict[str, Any]]:
    rows = []
    for path in CHECK_FILES:
        rows += [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    return rows


def test_normalize_text_converts_every_traditional_question_back() -> None:
    to_traditional = opencc.OpenCC("s2t")
    rows = _questions()
    converted = [
        r["question"] for r in rows if to_traditional.convert(r["question"]) != r["question"]
    ]
    assert len(converted) > 100
    same = sum(normalize_text(to_traditional.convert(q)) == normalize_text(q) for q in converted)
    assert same / len(converted) >= 0.97


def test_retrieval_ranks_traditional_questions_like_simplified_ones(answerer: Answerer) -> None:
    to_traditional = opencc.OpenCC("s2t")
    rows = [r for r in _questions() if not r.get("out_of_scope")][:120]
    agree = 0
    for row in rows:
        simplified = answerer.assess(row["question"])
        traditional = answerer.assess(to_traditional.convert(row["question"]))
        agree += (simplified.in_scope, simplified.articles[:1]) == (
            traditional.in_scope,
            traditional.articles[:1],
        )
    assert agree / len(rows) >= 0.97


@pytest.mark.parametrize("text", ["续贷500万", "ABC公司贷款1000万元？", "利率3.5%"])
def test_normalize_text_folds_full_width(text: str) -> None:
    full = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert full != text
    assert normalize_text(full) == normalize_text(text)


@pytest.mark.parametrize(("variant", "standard"), sorted(VARIANTS.items()))
def test_normalize_text_maps_variant_characters(variant: str, standard: str) -> None:
    assert normalize_text(f"企业{variant}款") == f"企业{standard}款"


@pytest.mark.parametrize(
    "noise",
    [
        "【收到不支持的消息类型，暂无法显示】",
        "[微笑]",
        "[捂脸]",
        "[OK]",
        "/::)",
        "/:B-)",
        "😂",
        "👍🏻",
        "🇨🇳",
        "\u200b",
        "❤️",
    ],
)
def test_strip_noise_removes_placeholders_and_emoji(noise: str) -> None:
    assert strip_noise(f"{noise}续贷怎么办{noise}") == "续贷怎么办"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("想贷500w", "想贷500万"),
        ("1kw够不够", "1000万够不够"),
        ("1.5KW", "1500万"),
        ("2k的评估费", "2000的评估费"),
        ("五百万的贷款", "500万的贷款"),
        ("一千二百万", "1200万"),
        ("三亿", "3亿"),
        ("千企万户大走访", "千企万户大走访"),
        ("一视同仁", "一视同仁"),
    ],
)
def test_normalize_amounts_reads_shorthand_and_numerals(text: str, expected: str) -> None:
    assert normalize_amounts(text) == expected


def test_to_simplified_uses_opencc_phrases() -> None:
    assert to_simplified("擔保費太高了有補貼嗎") == "担保费太高了有补贴吗"
    assert to_simplified("首貸有什麼支持") == "首贷有什么支持"
