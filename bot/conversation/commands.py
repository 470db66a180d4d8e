"""Recognition of keywords, slash commands and button values in a user's message."""

from __future__ import annotations

import re

from bot.conversation.people import asks_for_contact, asks_for_human
from bot.conversation.progress import asks_about_progress
from bot.intake.numbers import half_width
from retrieval.normalize import to_simplified

# Button values the engine itself produces.
APPLY = "申请融资对接"
HUMAN = "联系人工"
DECLINE_FORM = "暂不需要"
CONSENT_YES = "同意授权并提交"
CONSENT_NO = "不同意"
EDIT = "修改"
CANCEL = "取消"
SKIP_NOTE = "无"
DOCUMENT_PREFIX = "原文:"
EDIT_PREFIX = "edit:"
CHECKUP = "政策体检"
APPLY_WITH_PROFILE = "用这些信息填写融资需求登记"

COMMANDS: dict[str, frozenset[str]] = {
    "help": frozenset(
        {
            "/start",
            "/help",
            "帮助",
            "help",
            "菜单",
            "开始",
            "你好",
            "您好",
            "hi",
            "hello",
            "在吗",
            "在么",
            "嗨",
            "哈喽",
            "你好啊",
            "您好啊",
            "功能",
        }
    ),
    "apply": frozenset(
        {
            "/apply",
            "申请",
            "登记",
            "申请融资",
            APPLY,
            "融资对接",
            "我要申请",
            "我要登记",
            "融资登记",
            "融资需求登记",
            "填表",
            "开始登记",
            "申请对接",
        }
    ),
    "cancel": frozenset({"/cancel", CANCEL, "退出", "取消登记", "不填了", "放弃", "取消申请"}),
    "edit": frozenset({"/edit", EDIT, "更改", "修改信息", "改一下"}),
    "status": frozenset(
        {
            "/status",
            "进度",
            "查询",
            "查询进度",
            "我的申请",
            "申请进度",
            "查进度",
            "办理进度",
            "进展",
            "状态",
            "查询状态",
            "我的登记",
        }
    ),
    "human": frozenset(
        {"/human", "/contact", "人工", HUMAN, "转人工", "人工服务", "客服", "人工客服"}
    ),
    "decline": frozenset({DECLINE_FORM, "不用了", "暂时不用", "先不用"}),
    "resume": frozenset({"继续", "继续填写", "/continue"}),
    # the policy self-check (bot/checkup) and the form pre-filled from its result
    "checkup": frozenset(
        {"/check", "/checkup", CHECKUP, "体检", "重新体检", "开始体检", "政策匹配", "企业体检"}
    ),
    "checkup_apply": frozenset({APPLY_WITH_PROFILE, "用体检信息登记", "用体检信息填写"}),
    "checkup_detail": frozenset({"查看详情", "体检详情", "看详情"}),
    "checkup_excluded": frozenset({"查看不适用", "不适用的原因", "看不适用"}),
}

_TRAILING = "。.!！?？~～ "
# Quitting the form in words (算了 不填了, 我不想填了, 那先不登记了吧)
_CANCEL_PHRASE = re.compile(
    r"^(?:算了|那|那就|我|我们|还是|先)*[\s,，]*(?:算了|那|那就|我|我们|还是|先)*"
    r"(?:不想|不)(?:填|登记|申请|弄|办)了?(?:吧|啦|了)?$"
)
_REF = re.compile(r"RZ-?(\d{8})-?(\d{4,5})", re.IGNORECASE)
_STATUS_WORDS = re.compile(r"进度|查询|状态|进展|办得怎么样|到哪")
_FEEDBACK = re.compile(r"^fb:(up|down):(\d{1,18})$")
_QUESTION = re.compile(
    r"[?？]|什么|怎么|怎样|如何|哪些|哪个|哪里|哪家|吗|多少|能否|能不能|可不可以|是否|有没有|为什么|啥"
)


# "I want to apply" in an owner's own words: 我要申请融资, 想填登记表, 我要做融资对接.
_APPLY_PHRASE = re.compile(
    r"^(我|我们)?(要|想|想要|需要)?(做|办|办理|申请|提交|填|填写|登记|报)?(一下|个|一个|一份)?"
    r"(申请融资|融资申请|融资对接|对接融资|登记表|需求登记|融资需求登记|融资登记|融资需求|"
    r"贷款需求|借款需求|资金需求)"
    r"(表)?(吧|啊|呀)?$"
)


# Asking for a loan or a bank in words, with an optional amount: 我想贷款, 想申请贷款,
# 我要贷款200万, 想找银行贷点钱, 能帮我对接银行吗, 帮我联系一下银行. A question about loans
# ("贷款要什么条件", "怎么申请贷款") has question words outside the request and stays a question.
_AMOUNT_WORDS = r"(\d+(\.\d+)?|[零一二两三四五六七八九十百千]+)(万|万元|w|亿)?(元|块)?"
_LOAN_REQUEST = re.compile(
    r"^(我|我们|我们公司|我们企业|我们厂|公司|本企业)?(现在|最近|正)?(想|要|想要|需要|打算|准备|急需)"
    r"(去|找|向|跟)?(银行)?(申请|办|办理|贷|借|弄|搞|融)?(一笔|一点|点|些|一些|个|笔)?"
    rf"({_AMOUNT_WORDS})?(的)?(贷款|借款|融资|资金|钱|款)?({_AMOUNT_WORDS})?(的?贷款)?(吧|啊|呀)?$"
)
_BANK_REQUEST = re.compile(
    r"^(请|麻烦)?(你|你们)?(能|能不能|可以|可不可以|能否)?(帮|帮忙|给)(我|我们)?(对接|联系|找|介绍|推荐|推)"
    r"(一下|一家|个|一个|几家)?(合适的)?(银行|贷款银行|金融机构)(贷款|融资|借钱|贷点钱)?"
    r"(吗|嘛|么|呢|吧)?$"
)
_LOAN_WORD = re.compile(r"贷|借|融资|钱|款")
# Asking to be registered, put through or helped to apply, with no object of its own:
# 帮我登记一下, 麻烦给我报上去, 能帮我申请吗, 帮忙办一下吧. Alone or after a loan request
# (我想申请贷款 帮我登记一下).
_REGISTER_REQUEST = re.compile(
    r"^(那|那就|就)?(请|麻烦)?(你|你们)?(能|能不能|可以|可不可以|能否)?(帮|帮忙|给|替)(我|我们)?"
    r"(登记|报|报上去|提交|申请|办|办理|录|录入|对接|推)(一下|下|上去|上)?"
    r"(吧|吗|嘛|么|呗|呀|啊|好吗|行吗|可以吗)?$"
)
_CLAUSE_BREAK = re.compile(r"[，,、；;。.!！?？\s]+")


def _request_clause(clause: str) -> bool:
    """One clause that asks for a loan, a bank or the registration itself."""
    if _BANK_REQUEST.match(clause) or _REGISTER_REQUEST.match(clause):
        return True
    found = _LOAN_REQUEST.match(clause)
    return bool(found) and bool(_LOAN_WORD.search(clause)) and not _QUESTION.search(clause)


def asks_to_apply(key: str) -> bool:
    """True for a request in words to apply for a loan, be put in touch with a bank or be
    registered (see `_LOAN_REQUEST`, `_BANK_REQUEST`, `_REGISTER_REQUEST`), as one clause or as
    clauses that are all such requests (我想申请贷款 帮我登记一下); `key` is normalised text."""
    if _request_clause(key.replace(" ", "")):
        return True
    clauses = [c for c in _CLAUSE_BREAK.split(key) if c]
    return len(clauses) > 1 and all(_request_clause(c) for c in clauses)


# "Which policies can I get" as a whole message: 我能享受哪些政策, 帮我做个政策体检, 看看我们符合
# 哪些政策. A question that also says something about the firm ("做外贸的能享受哪些政策") is
# answered as a question instead.
_CHECKUP_PHRASE = re.compile(
    r"^(请|请问|麻烦)?(帮我|帮我们|给我|给我们)?(做|来)?(个|一个|一下|一次)?(政策)?体检(一下)?(吧)?$|"
    r"^(请问)?(我|我们|我们公司|我们企业|我们厂|本企业|企业|公司)?(能|可以|可)?"
    r"(享受|申请|用|符合|适用|对上|匹配)(到)?(哪些|什么|啥|哪几条|哪几个)"
    r"(政策|优惠政策|扶持政策|支持政策|惠企政策|措施|优惠)(呢|啊|吗)?$|"
    r"^(帮我|帮我们)?(看看|查查|测测|匹配)(一下)?(我|我们)?(能|可以)?(享受|符合|适合)"
    r"(哪些|什么)(政策|优惠|措施)$"
)


def normalize_text(text: str) -> str:
    """Simplified script, half-width, trimmed, lower-case, without trailing punctuation (for
    keyword matching: 申請 is 申请)."""
    return to_simplified(half_width(text)).strip(_TRAILING).lower()


def classify_command(text: str) -> str | None:
    """The command a message stands for (help, apply, cancel, ...), or None."""
    key = normalize_text(text)
    if key.startswith("/"):
        key = key.split("@", 1)[0].split(" ", 1)[0]  # Telegram "/start@bot payload"
    for name, words in COMMANDS.items():
        if key in words:
            return name
    if _CANCEL_PHRASE.match(key):
        return "cancel"
    if _APPLY_PHRASE.match(key) or asks_to_apply(key):
        return "apply"
    if asks_for_human(key):  # 我要找真人, 有没有人工客服
        return "human"
    if asks_for_contact(key):  # 电话多少, 怎么联系你们 (bot/conversation/people.py)
        return "contact"
    if _CHECKUP_PHRASE.match(key.replace(" ", "")):
        return "checkup"
    if asks_about_progress(key):  # 我的申请到哪一步了, 银行联系我了吗
        return "status"
    return None


def parse_feedback(text: str) -> tuple[int, int] | None:
    """(message id, +1/-1) for a feedback button value like fb:up:42, else None."""
    match = _FEEDBACK.match(text.strip())
    if not match:
        return None
    return int(match.group(2)), (1 if match.group(1) == "up" else -1)


def parse_prefixed(text: str, prefix: str) -> str | None:
    """The payload of a button value like 原文:measure-6 or edit:phone, else None."""
    text = half_width(text)
    if text.startswith(prefix) and len(text) > len(prefix):
        return text[len(prefix) :].strip()
    return None


def looks_like_question(text: str) -> bool:
    """True for text phrased as a question (question mark or question word)."""
    return bool(_QUESTION.search(half_width(text)))


def parse_status_ref(text: str) -> str | None:
    """The reference number in a status question ("查询RZ-20261127-0001", or the bare ref)."""
    plain = half_width(text).strip(_TRAILING)
    match = _REF.search(plain)
    if match is None:
        return None
    rest = (plain[: match.start()] + plain[match.end() :]).strip(" :：,，")
    if rest and not _STATUS_WORDS.search(rest):
        return None
    return f"RZ-{match.group(1)}-{match.group(2)}"
