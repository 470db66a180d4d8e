"""Plain-text rendering of engine messages for WeChat."""

from __future__ import annotations

import pytest

from bot.channels.wechat.render import (
    CUT_NOTE,
    MAX_TEXT_BYTES,
    citation_line,
    render_reply,
    split_text,
    utf8_len,
)
from bot.messages import Button, Citation, OutMessage

CITATION = Citation(
    doc_id="measure-5",
    article=5,
    title="第5条 加大首贷支持",
    source="《三明市提增民营小微企业融资服务质效若干措施》（三明市人民政府办公室2025年4月29日印发）第5条",
    units="人行三明市分行",
)
PRODUCT = Citation(
    doc_id="product-kejidai",
    article=None,
    title="科技贷（福建省科技型中小微企业贷款）",
    source="https://kjt.fujian.gov.cn （2022-01-07）",
)


class Shares:
    """Records what would be stored on the web."""

    def __init__(self) -> None:
        self.stored: list[str] = []

    def __call__(self, text: str, citations: list[Citation]) -> str:
        self.stored.append(text)
        return f"https://example.test/a/{len(self.stored)}"


def test_render_numbers_buttons_across_messages() -> None:
    messages = [
        OutMessage(
            "请选择所在区县", buttons=[Button("三元区", "三元区"), Button("沙县区", "沙县区")]
        ),
        OutMessage("或者", buttons=[Button("取消登记", "/cancel")]),
    ]
    [text] = render_reply(messages, Shares())
    assert "1. 三元区\n2. 沙县区\n3. 取消登记" in text
    assert "回复数字" in text


def test_render_citation_readable_in_plain_text() -> None:
    message = OutMessage("首贷可享受贴息。", citations=[CITATION, PRODUCT])
    [text] = render_reply([message], Shares())
    assert text.startswith("首贷可享受贴息。")
    assert "依据：" in text
    line = (
        "· 《三明市提增民营小微企业融资服务质效若干措施》第5条 加大首贷支持"
        "（责任单位：人行三明市分行）"
    )
    assert line in text
    assert "· 科技贷（福建省科技型中小微企业贷款）" in text and "https://" not in text


def test_render_skips_citations_the_text_names() -> None:
    text_naming_both = "政策依据：《若干措施》第5条。科技贷由合作银行办理。"
    [text] = render_reply([OutMessage(text_naming_both, citations=[CITATION, PRODUCT])], Shares())
    assert text == text_naming_both


def test_render_numbers_each_value_once_and_labels_feedback() -> None:
    messages = [
        OutMessage("答复", buttons=[Button("申请融资对接", "apply"), Button("👍", "fb:up:1")]),
        OutMessage("要登记吗？", buttons=[Button("开始登记", "apply"), Button("暂不需要", "no")]),
    ]
    [text] = render_reply(messages, Shares())
    assert "1. 申请融资对接\n2. 👍 有帮助\n3. 暂不需要" in text


def test_citation_line_does_not_repeat_article_in_title() -> None:
    line = citation_line(Citation("d", 3, "第3条 续贷", "《三明措施》第3条"))
    assert line == "· 《三明措施》第3条 续贷"


def test_render_long_reply_shortened_with_link_and_options_kept() -> None:
    shares = Shares()
    long_text = "这是一段很长的政策说明。" * 400
    messages = [
        OutMessage(
            long_text,
            buttons=[Button("查看条款原文", "原文"), Button("申请", "apply")],
            citations=[CITATION],
        )
    ]
    [text] = render_reply(messages, shares)
    assert utf8_len(text) <= MAX_TEXT_BYTES
    assert "https://example.test/a/1" in text
    assert text.rstrip().endswith("1. 查看条款原文\n2. 申请")
    assert shares.stored and shares.stored[0].startswith(long_text)


def test_render_medium_reply_split_when_parts_allowed() -> None:
    paragraph = "政策内容" * 100
    text = "\n".join([paragraph] * 4)
    shares = Shares()
    parts = render_reply([OutMessage(text)], shares, max_parts=4)
    assert len(parts) > 1 and all(utf8_len(p) <= MAX_TEXT_BYTES for p in parts)
    assert "".join(parts) == text.replace("\n", "")
    assert shares.stored == []


@pytest.mark.parametrize("limit", [10, 50, 2000])
def test_split_text_respects_limit(limit: int) -> None:
    text = "第一行\n" + "长" * 300 + "\n最后"
    parts = split_text(text, limit)
    assert all(utf8_len(p) <= limit for p in parts)
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")


def test_render_cuts_longest_line_and_keeps_closing_lines() -> None:
    note = "补充说明：" + "订单增加急需采购原材料" * 120
    text = "请核对：\n· 企业名称：某某公司\n" + note + "\n授权说明：仅用于融资对接。"
    buttons = [Button("同意授权并提交", "ok"), Button("修改", "edit")]
    [reply] = render_reply([OutMessage(text, buttons=buttons)], Shares())
    assert utf8_len(reply) <= MAX_TEXT_BYTES
    assert reply.startswith("请核对：\n· 企业名称：某某公司\n补充说明：订单增加")
    assert f"……\n授权说明：仅用于融资对接。\n\n{CUT_NOTE}" in reply
    assert reply.endswith("1. 同意授权并提交\n2. 修改")


LONG = "补充说明：" + "订单增加急需采购原材料" * 120


@pytest.mark.parametrize(
    "messages",
    [
        [OutMessage("· 联系电话：13905981234\n" + LONG)],  # a form summary: no citations
        [OutMessage("提交成功！编号 RZ-20261129-0001\n" + LONG)],  # a receipt
        [OutMessage("第5条：" + LONG + "\n电话 13905981234", citations=[CITATION])],  # phone
        [OutMessage("第5条：" + LONG, citations=[CITATION]), OutMessage("（3/14）联系电话？")],
    ],
    ids=["summary", "receipt", "cited-with-phone", "answer-then-form"],
)
def test_render_never_links_private_content(messages: list[OutMessage]) -> None:
    shares = Shares()
    [reply] = render_reply(messages, shares)
    assert shares.stored == [] and "example.test" not in reply
    assert reply.endswith(CUT_NOTE) and utf8_len(reply) <= MAX_TEXT_BYTES


def test_render_many_medium_lines_cut_at_end() -> None:
    text = "\n".join(f"第{i}行：" + "内容" * 20 for i in range(60))
    [reply] = render_reply([OutMessage(text)], Shares())
    assert utf8_len(reply) <= MAX_TEXT_BYTES
    assert reply.startswith("第0行：") and "第59行" not in reply and "……" in reply


@pytest.mark.parametrize(
    "buttons",
    [
        [Button("200万元", "200")],
        [Button("不修改", "继续")],
        [Button("1年", "12"), Button("否", "no")],
    ],
)
def test_render_unnumbered_when_a_number_is_the_answer(buttons: list[Button]) -> None:
    [text] = render_reply([OutMessage("计划融资多少万元？", buttons=buttons)], Shares())
    assert "1. " not in text and "回复数字" not in text
    assert text.endswith("可直接回复：" + "、".join(f"“{b.label}”" for b in buttons))
