"""Key terms of staff documents: short names from the title, related measures from the glossary."""

from __future__ import annotations

import pytest

from core.settings import Settings
from knowledge.documents import Document
from knowledge.glossary import glossary_matcher, load_glossary
from knowledge.key_terms import (
    EDGE_WORDS,
    related_articles,
    title_aliases,
    title_subject,
    with_key_terms,
)
from knowledge.sources import load_packaged_docs

KNOWLEDGE = Settings(_env_file=None).resolved_knowledge_dir  # type: ignore[call-arg]
PACKAGED = load_packaged_docs(KNOWLEDGE)
CORPUS = "\n".join(f"{d.title}\n{d.text}" for d in PACKAGED)


def known(word: str) -> bool:
    """True when the packaged knowledge uses word."""
    return word in CORPUS


@pytest.mark.parametrize(
    ("title", "subject", "expected"),
    [
        (
            "三明市中小企业应急转贷资金使用指南",
            "应急转贷资金",
            {"应急转贷资金", "应急转贷", "转贷资金", "应急资金"},
        ),
        (
            "三明市创业担保贷款办理须知",
            "创业担保贷款",
            {"创业担保贷款", "创业担保贷", "创业贷款", "创业担保"},
        ),
        (
            "关于做好2025年度技改基金贷款申报工作的通知",
            "技改基金贷款",
            {"技改基金贷款", "技改基金", "技改贷款", "技改基金贷"},
        ),
        ("三明市普惠金融服务站建设情况", "普惠金融服务站", {"普惠金融服务站"}),
        ("沙县区小吃贷操作指引", "沙县区小吃贷", {"小吃贷", "沙县小吃"}),
        ("三明市融资担保费补贴申领指南", "融资担保费补贴", {"担保费补贴"}),
    ],
)
def test_title_aliases_cut_the_subject_and_its_short_forms(
    title: str, subject: str, expected: set[str]
) -> None:
    from knowledge.key_terms import plain_words as _words

    assert "".join(title_subject(_words(title))) == subject
    assert expected <= set(title_aliases(title, known))


@pytest.mark.parametrize(
    "title",
    [
        "三明市中小企业应急转贷资金使用指南",
        "三明市创业担保贷款办理须知",
        "关于做好融资担保工作的通知",
        "三明市科技型企业知识产权质押融资管理办法",
        "2025年度民营小微企业信用贷款政策解读",
    ],
)
def test_title_aliases_are_never_everyday_policy_words(title: str) -> None:
    for name in title_aliases(title, known):
        assert len(name) >= 3
        assert name not in CORPUS, name  # a name the measures use would name it everywhere
        assert not any(word in name for word in ("三明市", "通知", "指南", "须知", "办法"))


def test_title_subject_trims_only_the_edges() -> None:
    words = ["关于", "三明市", "企业", "应急", "管理", "资金", "使用", "的", "通知"]
    assert title_subject(words) == ["应急", "管理", "资金"]
    assert title_subject(["通知"]) == [] and {"通知", "三明市"} <= EDGE_WORDS


def test_related_articles_keeps_articles_near_the_top_vote() -> None:
    votes = {"title": {6: 1.0}, "text": {6: 2.0, 11: 2.0, 9: 1.0, 3: 0.5}}
    # 6: 2×1 + 2 = 4; 11: 2; 9: 1; 3: 0.5 → half of the top is 2
    assert related_articles("title", "text", lambda part: votes[part]) == (6, 11)
    assert related_articles("t", "x", lambda part: {}) == ()


def test_with_key_terms_relates_staff_docs_to_measures_and_keeps_front_matter() -> None:
    matcher = glossary_matcher(load_glossary(KNOWLEDGE))
    staff = [
        Document(
            "staff-zd-1",
            None,
            "三明市中小企业应急转贷资金使用指南",
            "贷款到期前可以申请应急转贷资金过桥，续贷发放后归还。",
            kind="staff",
        ),
        Document(
            "staff-zd-2", None, "三明市中小企业应急转贷资金使用指南", "咨询工信局。", kind="staff"
        ),
        Document(
            "staff-own-1",
            None,
            "林业贷款说明",
            "林权可以抵押。",
            kind="staff",
            related_articles=(7,),
            meta={"aliases": "林农贷"},
        ),
    ]
    first, second, own = with_key_terms(staff, PACKAGED, lambda t: matcher.match(t).votes)
    assert first.related_articles[0] == 6 and second.related_articles == first.related_articles
    assert {"应急转贷资金", "转贷资金"} <= set(first.aliases)
    assert own.related_articles == (7,) and own.aliases[:2] == ("林业贷款说明", "林农贷")


@pytest.mark.parametrize(
    "title",
    [
        "关于做好融资担保工作的通知",
        "2025年度民营小微企业信用贷款政策解读",
        "三明市无还本续贷操作指引",
    ],
)
def test_title_aliases_of_a_title_made_of_policy_words_is_empty(title: str) -> None:
    assert title_aliases(title, known) == []


@pytest.mark.parametrize(
    "title",
    [
        "关于三明市政府性融资担保业务收费标准的说明",
        "三明市普惠金融服务站建设情况",
        "沙县区小吃贷操作指引",
        "三明市“快服贷”产品介绍",
    ],
)
def test_title_aliases_do_not_start_or_end_with_a_stray_character(title: str) -> None:
    from knowledge.key_terms import plain_words as _words

    subject = "".join(title_subject(_words(title.replace("“", "").replace("”", ""))))
    for name in title_aliases(title, known):
        if name == subject:  # the whole subject stands as it is
            continue
        words = _words(name)
        assert len(words[0]) >= 2 and (len(words[-1]) >= 2 or words[-1] == "贷"), name


def test_title_aliases_add_a_single_word_owners_use_that_the_measures_do_not() -> None:
    owner_words = {g.term for g in load_glossary(KNOWLEDGE)}
    assert "转贷" in owner_words and "转贷" not in CORPUS
    assert "续贷" in owner_words and "续贷" in CORPUS
    names = title_aliases("三明市中小企业应急转贷资金使用指南", known, owner_words=owner_words)
    assert "转贷" in names and "应急" not in names and "资金" not in names
    assert "续贷" not in title_aliases("三明市应急续贷资金", known, owner_words=owner_words)
    assert "转贷" not in title_aliases("三明市中小企业应急转贷资金使用指南", known)
