"""Leads that answer the predicate asked: a stance only for exactly that predicate, figures only
where a source gives them, honest silence otherwise.

- may I take the measures to the bank (拿这个文件去跟银行谈吗): 可以, the measures being public;
- may I complain (能投诉吗, 可以举报吗) of an act the point rules out or names a channel for:
  可以, then the point (where to report);
- yes/no: the point's stance when it belongs to the asking clause's family (合规吗 → 合规/不合规,
  能…吗 → 可以/不行 …) and the point covers the question's subject; 不一定 for "is X needed"
  when the point offers a way without X (要先还本金吗 → 不一定。…可以不先还本金…), never for
  another party's duty or following the measures (银行必须…吗, 我们必须遵守吗: the sources
  are silent on those); never a stance that would approve a refusal the question reports, nor
  one on a subject the question does not name (没入库的不行 for 能办外贸贷吗); 不行 for
  可以吗 about a demand the point calls not compliant;
- how much / how long, and yes/no on the level of a rate or fee (利率会低点吗): a point or
  sentence that states a figure of the quantity asked, else the honest silence lead;
- who is in charge, materials, "is X needed" with no point on X: bot/compose/silence.py (the
  leads where the sources set nothing of what is asked).
"""

from __future__ import annotations

import re

from bot.compose.predicates.wording import asks_to_cite
from bot.compose.qa_agreement import GUARANTEE, LACKING
from bot.compose.question import APPROVING, QuestionShape, propriety_stance, weighs_propriety
from knowledge.plain import PlainPoint

MAX_LEAD = 60
# A condition a point sets on the firm: qualifications held (有高企、专利等资质的), or admission
# to a product's enterprise list (入了库就能); and a question that says the firm is listed.
_QUALIFIED = re.compile(r"有([^，。；]{2,30}?)等?(?:资质|认定)的")
_OPENING_STANCE = re.compile(r"^(?:可以|能|会|有|是的?)[。：:，,]\s*")
# a qualification as owners name it (高企 said as 国家高新技术企业, 专精特新 as 小巨人)
_SAID_AS = {
    "高企": ("高新技术企业", "高新企业", "国高", "国家高新", "省高新"),
    "专精特新": ("小巨人",),
    "科技奖励": ("科技进步奖", "科技奖"),
}
_LISTED = re.compile(r"入了库就|(?:先|要)(?:进入?|入)[^，。；]{0,8}库")
_LISTED_SAID = re.compile(r"入库|进库|企业库|入了库|进了库|库里")
_NEGATION = re.compile(r"(?:不需要|不用|无需|不必|不先|不另|免|无|不)(?=[\u4e00-\u9fff]{2})")
MATERIAL_WORDS = ("材料", "资料", "证明")
RESPONSIBLE_WORDS = ("运营", "负责", "牵头", "主管", "推动实施", "会同")
CONDITION_WORDS = ("条件", "资格", "门槛", "符合")
# Stances that answer 能…吗 / 合规吗 only: asked 合理吗 / 合法吗, a point's 不行 (防止盲目抽贷 rules
# out blind withdrawal, not every one) leads in its own words; 不合规 stays where the source
# names the practice a violation (借贷搭售, 以贷转存).
BARE_STANCES = frozenset({"可以", "不行", "合规"})
REFUSING = frozenset({"不行", "不能", "不可以"})
# Whether the owner may complain of a bank's act (能投诉吗, 可以举报吗, 能不能去反映, 能告它吗).
_COMPLAINT_ASK = re.compile(
    r"(?:能|可以|可不可以|能不能|能否)(?:去|向[^，。？]{1,8})?(?:投诉|举报|反映|告)"
    r"|(?:投诉|举报|反映)(?:一下)?(?:吗|么|嘛|不)"
)
# A point that says where to report (向…反映) or that the measure rules the act out.
_CHANNEL = re.compile(r"(?:向|找)[^，。；]{2,20}(?:反映|投诉|举报)")
_RULED_OUT = re.compile(r"查处|违规|坚决防止|不得|不该")


def shorten(text: str, limit: int = MAX_LEAD) -> str:
    """text cut at the last clause boundary that keeps it within limit characters."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in "。；，")
    head = text[:cut] if cut > limit // 3 else text[: limit - 1]
    return head.rstrip("，；、 ") + ("。" if cut > limit // 3 else "…")


def sentence_lead(sentence: str, shape: QuestionShape | None = None, subject: str = "") -> str:
    """A source sentence as the lead: short, never opening with 依据 (which would read as the
    citation line); a long sentence gives the clause stating the quantity asked, after its
    subject (科技贷方案：自2022年1月1日起施行)."""
    sentence = sentence.strip()
    if sentence.startswith("依据") and "，" in sentence:
        sentence = sentence.split("，", 1)[1]
    if len(sentence) > MAX_LEAD and shape is not None and shape.dimensions:
        clauses = [c for c in re.split(r"[，；]", sentence.rstrip("。")) if c]
        stating = [c for c in clauses if any(d.figure.search(c) for d in shape.dimensions)]
        if stating:
            head = f"{subject}：" if subject and subject not in stating[0] else ""
            return shorten(f"{head}{stating[0]}。")
    return shorten(sentence)


def closest(candidates: list[str], question: str, ignore: str = "") -> str:
    """The candidate sharing the most word-pieces with the question (the first on a tie);
    pieces of `ignore` (the document's own name) do not count."""
    asked = pieces(question) - pieces(ignore)
    return max(candidates, key=lambda c: (len(pieces(c) & asked), -candidates.index(c)))


def gives_stance(point: PlainPoint, shape: QuestionShape, topics: tuple[str, ...]) -> bool:
    """The point's stance answers this question's predicate (see the module docstring)."""
    return (
        shape.stance
        and bool(point.stance)
        and point.stance in shape.stances
        and not (shape.refused and point.stance in APPROVING)
        and all(covers(point, topic) for topic in topics)
    )


def offers_without(point: PlainPoint, question: str) -> bool:
    """The point says the thing the question asks about can be done without (不先还本金,
    免评估, 无需抵押: a negation followed by a word-piece of the question) and its stance is
    可以."""
    if point.stance != "可以":
        return False
    asked = pieces(question)
    for match in _NEGATION.finditer(point.text):
        if pieces(point.text[match.end() : match.end() + 4]) & asked:
            return True
    return False


def stance_lead(
    point: PlainPoint,
    shape: QuestionShape,
    question: str,
    topics: tuple[str, ...] = (),
    terms: tuple[str, ...] = (),
) -> str:
    """The point as the lead, with its stance first when it answers the predicate asked about
    what the question names (terms: the glossary's policy terms for its words, 借贷搭售 for
    买理财)."""
    text = point.text
    if shape.stance and GUARANTEE.search(question):
        # 进了白名单一定能批吗: no source promises a loan; what it does promise, after 不一定
        said = _OPENING_STANCE.sub("", text)
        return shorten(said if said.startswith("不一定") else f"不一定：{said}")
    if asks_to_cite(question):
        # 能拿这个文件去跟银行谈吗: the owner's use of the public measures, never the point's
        # stance on what the bank may do (不行 there is the bank's, not the owner's)
        return shorten(f"可以拿给银行看，措施是主动公开的政策；{_OPENING_STANCE.sub('', text)}")
    if asks_complaint(question) and reportable(point):
        return shorten(text if text.startswith("可以") else f"可以。{text}")
    if point.stance_on and any(w in question for w in point.stance_on):
        topics = ()  # the question names what the stance is about (转存): other subjects aside
    asks_need = shape.need or (shape.evaluative and shape.demand)
    if asks_need and offers_without(point, question):
        text = f"不一定。{text}"
    elif (
        shape.declines
        and point.stance == "不合规"
        and (shape.demand or asks_about(point, question, terms))
    ):
        text = f"可以{shape.declines}。{text}"  # the demand is ruled out: the owner may decline
    elif not asks_about(point, question, terms) or for_lacking_case(point, question):
        pass  # the point's stance is on something the question does not name (没入库的不行)
    elif weighs_propriety(question) and point.stance in BARE_STANCES:
        # 合法吗 / 合理吗 / 能这样吗: no bare 不行 / 可以; a practice ruled out is "not
        # reasonable / should not", the point's own words carrying the source's force
        ruled_out = gives_stance(point, shape, topics) or forbids_demand(point, shape, topics)
        if point.stance == "不行" and ruled_out:
            text = f"{propriety_stance(question)}。{text}"
    elif gives_stance(point, shape, topics) and not text.startswith(point.stance):
        condition = unmet_condition(point, question)
        text = f"{condition}：{text}" if condition else f"{point.stance}。{text}"
    elif forbids_demand(point, shape, topics) and not text.startswith("不"):
        text = f"不行。{text}"
    return shorten(text)


def for_lacking_case(point: PlainPoint, question: str) -> bool:
    """A refusing stance the point states for a firm lacking something (its keywords 没入库,
    未入库: 没入库的不行), asked by a question that says the firm lacks nothing (入了企业库能申请
    吗): the stance is not this question's answer."""
    lacking = any(LACKING.search(k) for k in point.keywords)
    return lacking and point.stance in REFUSING and not LACKING.search(question)


def unmet_condition(point: PlainPoint, question: str) -> str:
    """For a 可以 that holds only under a condition the point sets on the firm (有高企、专利等
    资质的…; 入了库就能…) and the question does not say the firm meets: the condition first
    (要看资质, 要先入库), never an unconditional 可以; "" otherwise."""
    if point.stance != "可以":
        return ""
    qualified = _QUALIFIED.search(point.text)
    if qualified and "资质" not in question:
        items = re.split(r"[、或和及]", qualified.group(1))
        if not any(len(item) >= 2 and _said(item, question) for item in items):
            return "要看资质"
    if _LISTED.search(point.text) and not _LISTED_SAID.search(question):
        return "要先入库"
    return ""


def _said(item: str, question: str) -> bool:
    """The question names the qualification `item`, in the point's words or the owners'."""
    return item in question or any(word in question for word in _SAID_AS.get(item, ()))


def asks_complaint(question: str) -> bool:
    """The question asks whether the owner may complain or report (能投诉吗, 可以举报吗)."""
    return bool(_COMPLAINT_ASK.search(question))


def reportable(point: PlainPoint) -> bool:
    """The point names where to report, or the measure rules the act out (查处, 坚决防止):
    the source supports 可以 for "may I complain"."""
    return bool(_CHANNEL.search(point.text) or _RULED_OUT.search(point.text))


def asks_about(point: PlainPoint, question: str, terms: tuple[str, ...] = ()) -> bool:
    """The question names what the point is about: one of its keywords, or a word-piece of a
    longer one (入库 of 没入库), in the question or its glossary terms (借贷搭售 for 买理财);
    a point's stance holds for its own subject only: the words of `stance_on` in the
    question itself when the point narrows it (一刀切 拒贷, not every question naming 征信)."""
    if point.stance_on:
        return any(word in question for word in point.stance_on)
    said = " ".join((question, *terms))
    return any(k in said or (len(k) >= 3 and pieces(k) & pieces(said)) for k in point.keywords)


def forbids_demand(point: PlainPoint, shape: QuestionShape, topics: tuple[str, ...]) -> bool:
    """可以吗 / 行吗 about something the bank demands (要我买理财才放款，这样可以吗), and the
    point says the practice is not compliant: the source supports 不行."""
    return (
        shape.stance
        and shape.demand
        and point.stance == "不合规"
        and "不行" in shape.stances
        and all(covers(point, topic) for topic in topics)
    )


def covers(point: PlainPoint, topic: str) -> bool:
    """The point speaks of topic: in its text or keywords, whole or by a word-piece."""
    if topic in point.text or any(topic in k or k in topic for k in point.keywords):
        return True
    return bool(pieces(topic) & (pieces(point.text) | pieces("".join(point.keywords))))


def pieces(text: str) -> set[str]:
    """The two-character pieces of text (word agreement without a tokenizer)."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def speaks_of(point: PlainPoint, words: tuple[str, ...]) -> bool:
    """The point's keywords or text use one of words."""
    return any(w in point.text or any(w in k for k in point.keywords) for w in words)
