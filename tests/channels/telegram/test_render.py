"""Rendering engine messages for Telegram: escaping, splitting, citations, callback data."""

from __future__ import annotations

import pytest

from bot.channels.telegram.buttons import MAX_CALLBACK_BYTES, callback_data_for
from bot.channels.telegram.render import (
    KeyButton,
    keyboard_rows,
    render_message,
    render_plain,
    tg_len,
)
from bot.messages import Button, Citation, OutMessage
from tests.channels.telegram.fake_api import plain_text


def encode(button: Button) -> str:
    return callback_data_for(button.value)


@pytest.mark.parametrize(
    "value", ["三元区", "是", "x" * 62, "x" * 63, "第五条" * 8, "续贷" * 40, "🙂" * 20]
)
def test_callback_data_fits_telegram_limit(value: str) -> None:
    data = callback_data_for(value)
    assert 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
    assert data == "v:" + value or data.startswith("h:")


def test_callback_data_differs_for_long_values_sharing_a_prefix() -> None:
    assert callback_data_for("续贷" * 40 + "甲") != callback_data_for("续贷" * 40 + "乙")


def test_render_escapes_text_and_citation_fields() -> None:
    message = OutMessage(
        text="利率 <3% & 期限>1年",
        citations=[Citation("m3", 3, "<标题>", "来源&", units="人行<三明>", excerpt="a<b")],
    )
    [chunk] = render_message(message, encode)
    assert "利率 &lt;3% &amp; 期限&gt;1年" in chunk.html
    assert "<b>第3条</b> &lt;标题&gt;" in chunk.html
    assert "责任单位：人行&lt;三明&gt;" in chunk.html
    assert "<blockquote expandable>a&lt;b</blockquote>" in chunk.html


def test_render_does_not_repeat_article_already_in_title() -> None:
    message = OutMessage(text="答", citations=[Citation("m5", 5, "第5条 首贷续贷", "src")])
    [chunk] = render_message(message, encode)
    assert chunk.html.count("第5条") == 1 and "<b>第5条</b> 首贷续贷" in chunk.html


@pytest.mark.parametrize(("text", "shown"), [("责任单位：人行三明市分行。", False), ("答", True)])
def test_render_shows_units_only_when_answer_lacks_them(text: str, shown: bool) -> None:
    citation = Citation("m5", 5, "首贷", "《若干措施》（印发）第5条", units="人行三明市分行")
    [chunk] = render_message(OutMessage(text=text, citations=[citation]), encode)
    assert ("责任单位：人行三明市分行" in chunk.html.split("政策依据")[1]) is shown


def test_render_puts_buttons_only_on_last_chunk() -> None:
    text = "\n\n".join("段落" * 500 for _ in range(5))
    chunks = render_message(OutMessage(text=text, buttons=[Button("是", "是")]), encode)
    assert len(chunks) > 1
    assert [bool(c.keyboard) for c in chunks] == [False] * (len(chunks) - 1) + [True]


@pytest.mark.parametrize("text", ["字" * 9000, "句子。" * 3000, "a&b<" * 3000, "🙂" * 5000])
def test_render_splits_paragraph_without_breaks_below_limit(text: str) -> None:
    chunks = render_plain(text)
    assert len(chunks) > 1
    assert all(tg_len(plain_text(c)) <= 4096 and tg_len(c) <= 3900 for c in chunks)
    assert "".join(plain_text(c) for c in chunks) == text


@pytest.mark.parametrize(
    ("labels", "sizes"),
    [
        (["三元区", "沙县区", "永安市", "明溪县"], [3, 1]),
        (["是", "否"], [2]),
        (["同意授权并提交", "修改信息", "不同意（不提交）"], [2, 1]),
        (["第五条的申请条件是什么呢？", "短"], [1, 1]),
        (["查看条款原文", "申请融资对接", "👍", "👎"], [1, 3]),
    ],
)
def test_keyboard_rows_fit_a_phone(labels: list[str], sizes: list[int]) -> None:
    rows = keyboard_rows([_key(Button(label, label)) for label in labels])
    assert [len(row) for row in rows] == sizes


def _key(button: Button) -> KeyButton:
    return KeyButton(button.label, encode(button))
