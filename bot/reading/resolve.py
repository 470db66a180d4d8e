"""One ask completed against what it refers to: continue the topic, or read it on its own.

`resolve(text, referent, lexicon, cue=…)` decides, in this order:

1. no referent (a new conversation): the text as it is ("new"); a message that on its own
   belongs to a family the bot declines (weather, stock tips, a personal loan …, see
   bot.scope) is read on its own too ("switch"): the topic in focus must not carry it (unless
   its words of a kind point at a document of the conversation: 这个平台收费吗); so is
   a matter of someone's private life (制种户个人想贷点钱, 我自己的房贷) that names no topic;
2. words pointing back at the conversation (它, 这个平台, 你刚说的那个系统, 这点) that the
   message itself does not explain: "continue" — naming words are replaced by the name of
   what they point to (它跟信易贷是一回事吗 → 科技贷跟信易贷是一回事吗), other words get
   that name in front (进那个企业库要多久 → 外贸贷，进那个企业库要多久);
3. a return cue (说回…): "return", completed with the topic it returns to (the reader passes
   the focus before the current one, when there was one) — unless the message names its
   topic itself (说回续贷，…): then that topic, as in 4 and 5;
4. the message names a document of its own (外贸贷, 中登网, 第9条, 这个文件): "switch"; the
   policy as a whole pointed at (这些措施, 开头说的) gets its name in front;
5. topic words of its own (the glossary's, neither the focus's subject nor words of the focus
   document's text) after a switch cue, or opening the message ("首贷要抵押吗" after 外贸贷):
   "switch";
   a short message that says nothing of its own beyond question words and the attributes
   owners ask about ("需要担保吗", "费率大概多少", "几天能到账", "另外，到窗口得带啥"):
   "continue", even after a switch cue; otherwise a switch cue (另外, 顺便问下) means
   "switch";
6. topic words (the glossary's) that point away from the focus: "switch" ("白名单能自己报名
   吗" after 科技贷); topic words that point to the focus ("有贴息吗" after a special
   loan; or that a note in focus speaks of: 企业库 after 商贸贷), or facts about the firm
   ("我们有三项实用新型，没有厂房"): "continue"; other
   statements and requests ("帮我…") are read on their own;
   a complete question of its own (bot.reading.subjects.own_question: topic words naming a
   subject of their own, an amount wanted, collateral in its own words: "银行要我买理财才给
   贷款，可以吗", "贷500万要啥条件") is read as it stands: "continue" without the subject put
   in front when its words point to the measure in focus, else "switch";
7. a short message (at most SHORT_CHARS characters) continues when it is built on what was
   said (也…, 那…, 要是…, …呢: "水电费缴纳记录也能用吗") or says little of its own; one saying
   much of its own (RICH_CONTENT_CHARS) is read on its own;
8. a longer message tells its own situation ("switch"), unless its question is elliptical
   and its story is about the firm itself ("我们是开奶茶店的，没啥厂房设备，去了能行吗")
   or builds on what was said ("那推荐这一步，开户行能代办吗"): then it continues
   ("那我表哥想给自己借点钱，能申请吗" tells of someone else: it does not).

"Completed" means the subject is put in front: "要抵押吗?" after 外贸贷 is "外贸贷要抵押吗?"
(a text naming the subject already stays as written).
"""

from __future__ import annotations

import re

from bot.reading.clauses import bare_length
from bot.reading.content import (
    about_the_firm,
    has_own_content,
    names_a_subject,
    own_content,
    said_before,
)
from bot.reading.cues import Anaphor, continues, find_anaphors
from bot.reading.facets import pledged_asset
from bot.reading.lexicon import Lexicon
from bot.reading.pointing import (
    ANCHOR_CHARS,
    Move,
    Resolution,
    complete,
    continue_pointing,
    explained,
    named_switch,
)
from bot.reading.recourse import lender_refusal
from bot.reading.referents import Referent
from bot.reading.subjects import (
    carried_by_focus,
    leads_with,
    own_question,
    points_at_one,
    points_to_focus,
    private_matter,
)
from bot.scope import out_of_scope_family

# Resolution, Move, complete and ANCHOR_CHARS live in bot.reading.pointing (kept here too).
__all__ = [
    "ANCHOR_CHARS",
    "RICH_CONTENT_CHARS",
    "SHORT_CHARS",
    "Move",
    "Resolution",
    "complete",
    "resolve",
]

SHORT_CHARS = 20  # longer messages tell their own situation
RICH_CONTENT_CHARS = 8  # a short message saying this much of its own is read on its own
# 帮我…, 替我…, 请给我…: a request for a service, judged on its own
# 和续贷有啥不一样 after 转贷是什么意思: the subject in focus compared with another (its name
# goes in front)
_COMPARED_WITH = re.compile(
    r"^(?:那|那么)?(?:和|跟|与|同)[^，,。？?!！]{1,12}?(?:区别|差别|差异|不同|不一样|一样|一回事|两样|比)"
)
_OWN_MATTER = re.compile(
    r"逾期|欠款|处罚|失信|被执行|缩水|拒贷|被拒|不给贷|不给续|不批|抽贷|断贷|压贷|调降|砍|被卡|卡着"
)
# words of a loan's processing in a measure's text: the measure makes loans of its own
_LOAN_PROCESS = ("审批", "评审", "调查", "放款", "发放", "受理")
# a loan's processing named by the question itself (贷款审批, 放款, 多久能批)
_LOAN_ASKED = re.compile(r"贷款|审批|放款|批")
# the owner's own case pointed at (我这种情况, 我们这样的, 这类企业)
_OWN_CASE = re.compile(r"这(?:种|样|类)")
_REQUEST = re.compile(
    r"^(?:请|麻烦|能不能|可以)?(?:你们?|您)?(?:帮我|替我|给我|帮忙|帮我们|给我们)"
)


def resolve(
    text: str,
    referent: Referent | None,
    lexicon: Lexicon,
    *,
    cue: str = "",
    mentioned: tuple[Referent, ...] = (),
    question: str = "",
    statement: bool = False,
) -> Resolution:
    """The ask `text` read against `referent` (see the module docstring).

    question: the asking clause of the text (its last part; the whole text when empty);
    statement: the message asks nothing, it adds facts to what is being discussed.

    mentioned: documents named lately (newest first), for words that say their kind
    ("刚才那个平台" is the platform just named, even when the focus is a measure).
    """
    if referent is None:
        return Resolution(text, "new")
    if lender_refusal(text) and not (lexicon.named(text) or lexicon.topics(text)):
        return Resolution(text, "continue", referent)  # 要是银行不批呢: whom to turn to, as said
    family = out_of_scope_family(text)[0] and not carried_by_focus(text, referent.subject)
    if (family and not points_at_one(text, referent, mentioned)) or private_matter(text, lexicon):
        return Resolution(text, "switch")  # 明天天气怎么样: another matter, judged on its own
    question = question or text
    named = lexicon.named(text)
    topics = lexicon.topics(text)
    own_after = [t for t in topics if _own_topic(t, referent, lexicon)]
    pointing = [
        a
        for a in find_anaphors(text)
        if not explained(a, text, named) and not _names_own_topic(a, text, own_after)
    ]
    if cue == "switch":  # a new question: only words naming something point back
        pointing = [a for a in pointing if a.names]
    if pointing:
        return continue_pointing(text, pointing, referent, mentioned, lexicon, topics)
    if _COMPARED_WITH.match(text) and referent.subject not in text:
        return Resolution(complete(text, referent.subject), "continue", referent)
    own_topics = own_after  # subjects, not what is asked of one (多久能批 is asked of anything)
    if cue == "return" and not (named or own_topics):  # 说回续贷 returns to what it names
        return Resolution(complete(text, referent.subject), "return", referent)
    if named:
        return named_switch(text, named, lexicon, referent)
    if own_topics and (cue == "switch" or leads_with(text, own_topics)):
        return Resolution(text, "switch")  # 另外，首贷要抵押吗 / 白名单怎么进: its own subject
    own = own_question(text, topics, referent, lexicon) and not (statement or continues(text))
    short = bare_length(text) <= SHORT_CHARS
    asset = pledged_asset(text)
    if asset and re.search(rf"(?:没|无|不)[^，,。;；]{{0,4}}{re.escape(asset)}", text):
        asset = ""  # 没有专利: no asset told
    # a fact for the product or platform in focus (软著 for 科技贷) is not a question of its own
    of_note = referent.kind != "measure"
    if statement and short and asset and not of_note:
        # 我们有林地 after 没有抵押物能贷款吗: what the asset can do for a loan
        return Resolution(f"{text.rstrip('。.!！')}，能拿来抵押贷款吗", "continue", referent)
    if short and any(t[:2] == referent.subject[:2] for t in topics if t != referent.subject):
        return Resolution(text, "continue", referent)  # 找哪家担保公司 after 担保费: named
    if short and _asked_elsewhere(text, referent, lexicon):
        return Resolution(text, "switch")  # 审批有时限吗 after 抽贷: 第8条's time limits
    if short and not has_own_content(text) and not own:  # 要抵押吗, 多久能放款: only what is asked
        return Resolution(complete(text, referent.subject), "continue", referent)
    if cue == "switch":
        return Resolution(text, "switch")
    story = text[: len(text) - len(question)] if text.endswith(question) else ""
    if bare_length(story):
        # the firm's own situation, then an elliptical question ("我们是开奶茶店的，没啥厂
        # 房设备，去了能行吗"): it continues
        elliptical = not lexicon.topics(question) and not has_own_content(question)
        builds_on = about_the_firm(story) or continues(story)
        # a story with subjects of its own, or telling a credit problem or what a lender did
        # (…两笔贷款逾期了，现在都还清了，…怎么办), is a new matter
        own_matter = bool(own_topics) or bool(_OWN_MATTER.search(story))
        if elliptical and builds_on and not own_matter and not said_before(question, story):
            return Resolution(complete(text, referent.subject), "continue", referent)
        if not short:
            return Resolution(text, "switch")
    related = points_to_focus(text, referent, lexicon)
    if own:  # 银行要我买理财才给贷款，可以吗 / 贷500万要啥条件: a question of its own
        same = related and referent.kind == "measure"
        return Resolution(text, "continue", referent) if same else Resolution(text, "switch")
    if topics and not related:
        return Resolution(text, "switch")
    if statement and about_the_firm(text):  # 我们有三项实用新型，没有厂房: facts for the topic
        return Resolution(complete(text, referent.subject), "continue", referent)
    if related:
        return Resolution(complete(text, referent.subject), "continue", referent)
    if statement or _REQUEST.match(text):
        return Resolution(text, "switch")  # 帮我挑两只基金: a request of its own
    if short and (continues(text) or own_content(text) < RICH_CONTENT_CHARS):
        return Resolution(complete(text, referent.subject), "continue", referent)
    return Resolution(text, "switch")


def _asked_elsewhere(text: str, referent: Referent, lexicon: Lexicon) -> bool:
    """A short question naming a loan's processing whose glossary words all point to
    measures other than the measure in focus, none of them used by the focus's own text
    ("贷款审批有时限吗" after 抽贷: the time limits of 第8条, not a time limit of 抽贷). A
    product or platform in focus keeps such a question (科技贷, then 多久能批: 科技贷's own
    time), and so does a measure that itself makes loans, whose text speaks of their
    processing (无还本续贷's 调查与评审)."""
    if (
        referent.kind != "measure"
        or not _LOAN_ASKED.search(text)
        or any(lexicon.mentions(referent.doc_id, w) for w in _LOAN_PROCESS)
    ):
        return False  # 收费吗, 流程复杂吗: asked of the focus, whatever it is
    votes = lexicon.votes(text)
    phrases = lexicon.phrases(text)
    if not votes or not phrases or set(votes) & set(lexicon.articles(referent.doc_id)):
        return False
    return not any(lexicon.mentions(referent.doc_id, p) for p in phrases)


def _own_topic(topic: str, referent: Referent, lexicon: Lexicon) -> bool:
    """A glossary topic naming a subject of its own, neither the focus's subject nor a word of
    the focus document."""
    return (
        names_a_subject(topic)
        and topic not in referent.subject
        and not lexicon.mentions(referent.doc_id, topic)
    )


def _names_own_topic(anaphor: Anaphor, text: str, own: list[str]) -> bool:
    """A bare demonstrative right before a topic of its own: 那个协调办 after 信用修复 is the
    coordination office, not the credit repair in focus; and the owner's case pointed at
    (我这种情况, 像我这样的) in a question asking of a topic of its own: 我这种情况能不能找
    政府担保 asks of 政府担保, whatever the case was."""
    if anaphor.names:
        return False
    if _OWN_CASE.match(text, anaphor.start) and any(t in text[anaphor.end :] for t in own):
        return True
    return any(text.startswith(t, anaphor.end) for t in own)
