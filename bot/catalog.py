"""The catalog: every user-facing name, greeting and topic list, in one place.

Read by every channel and by the widget (`GET /api/catalog`, `catalog_json()`):
- `BOT_NAME` (full) and `SHORT_NAME` (the widget's title bar);
- `GREETING`: what the assistant is and can do — the greeting answer, the chat help
  (`HELP_TEXT`), WeChat's welcome on subscribe (`WELCOME`) and the widget's first message;
- `TOPICS`: (label, text the engine receives, deep-link slug, WeChat menu key, shown in the
  chat). The chat help's buttons and the widget's suggestions are the topics with `chat`;
  Telegram's `/start <slug>` deep links are the topics with a slug (actions deep-link to their
  slash command); the WeChat menu's CLICK keys are the topics with a `wechat_key`. The loan
  products' topics come from the knowledge's front matter (`knowledge.products`);
- `REFUSAL_OPENER` and `COVERS`: the first sentence of a refusal and what the bot covers;
- `ask_back(subject)`: the question back to a message that says nothing (？？？, 嗯).

Rewording the greeting or adding a topic is an edit here; adding a product is a new
`knowledge/data/docs/product-<slug>.md`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.conversation.commands import APPLY, CHECKUP, HUMAN
from bot.messages import Button
from knowledge.documents import POLICY_TITLE
from knowledge.products import packaged_products

BOT_NAME = "三明市民营小微企业融资政策助手"
SHORT_NAME = "融资政策助手"
POLICY = f"《{POLICY_TITLE}》"


@dataclass(frozen=True)
class Topic:
    """One topic or action offered to users.

    label: button / menu text; text: what the engine receives when it is chosen; slug:
    Telegram deep link (`t.me/<bot>?start=<slug>`, None: none); wechat_key: WeChat / WeCom
    menu CLICK key (None: not in the menu); chat: shown as a button in the chat help and as a
    widget suggestion; command: an action's slash command (its deep link sends that).
    """

    label: str
    text: str
    slug: str | None = None
    wechat_key: str | None = None
    chat: bool = False
    command: str | None = None


PRODUCT_NAMES = tuple(p.name for p in packaged_products())

POLICY_TOPICS: tuple[Topic, ...] = (
    Topic("续贷", "贷款到期续贷有什么支持政策？", "xudai", "RENEWAL", chat=True),
    Topic("信用修复", "企业信用有瑕疵，怎么修复信用？", chat=True),
    Topic("专项贷款", "有哪些专项贷款产品？", chat=True),
    Topic("降低融资成本", "怎样降低融资成本？", chat=True),
    Topic("政策总览", "支持民营小微企业融资的政策有哪些？", wechat_key="POLICY_OVERVIEW"),
    Topic("首贷支持", "首次贷款有什么支持政策？", "shoudai", "FIRST_LOAN"),
    Topic("融资担保", "融资担保有什么支持政策？", "danbao", "GUARANTEE"),
    Topic("贷款利率", "贷款利率能降低吗？", "lilv"),
)
PRODUCT_TOPICS: tuple[Topic, ...] = tuple(
    Topic(p.name, f"{p.name}是什么？怎么申请？", p.slug) for p in packaged_products()
)
ACTIONS: tuple[Topic, ...] = (
    Topic("政策体检", CHECKUP, "check", "CHECKUP", chat=True, command="/check"),
    Topic("申请融资对接", APPLY, "apply", "APPLY", chat=True, command="/apply"),
    Topic("查询办理进度", "查询进度", "status", "STATUS", command="/status"),
    Topic("联系人工", HUMAN, "human", "CONTACT", chat=True, command="/human"),
    Topic("订阅政策提醒", "订阅", "subscribe", "SUBSCRIBE", command="/subscribe"),
)
TOPICS: tuple[Topic, ...] = POLICY_TOPICS + PRODUCT_TOPICS + ACTIONS

GREETING = (
    f"您好！我是{BOT_NAME}，可以：\n"
    f"1. 解答{POLICY}相关问题（注明依据条款），介绍{'、'.join(PRODUCT_NAMES)}等专项贷款；\n"
    "2. 帮您登记融资需求，由协调办对接银行（回复“申请”）；\n"
    "3. 查询您已提交登记的办理进度（回复“进度”）；\n"
    "4. 需要协调办工作人员帮忙时，回复“人工”；\n"
    "5. 政策体检：回答几个问题，看看企业能享受哪些政策（回复“政策体检”）；\n"
    "6. 订阅政策更新和到期提醒（回复“订阅”，退订回复“退订”）。"
)
HELP_TEXT = GREETING + "\n请直接输入您的问题，或点击下方主题："
WELCOME = GREETING + "\n请直接输入您的问题，或点击下方菜单。"  # WeChat / WeCom subscribe
WIDGET_PROMPT = "请直接提问，或点选下面的常见问题："

REFUSAL_OPENER = "抱歉，这个问题不在我的服务范围内。"
COVERS = (
    "我只能解答三明市民营小微企业融资政策方面的问题，例如续贷、信用修复、融资成本、"
    f"专项贷款（{'、'.join(PRODUCT_NAMES)}）和融资需求对接。"
)

ASK_BACK_OPENER = "没太明白您的意思。"


def ask_back(subject: str = "") -> str:
    """The short question back to a message that says nothing of its own (？？？, 嗯, 啊？):
    naming `subject`, the topic in focus, when there is one."""
    if subject:
        return (
            f"{ASK_BACK_OPENER}您是想继续了解“{subject}”的哪方面，还是想问别的问题？"
            "请把问题说具体一些，我再回答。"
        )
    examples = "、".join(t.label for t in POLICY_TOPICS if t.chat)
    return f"{ASK_BACK_OPENER}您想了解哪方面的融资政策？比如{examples}等，请直接说出您的问题。"


def ask_situation() -> str:
    """The question back to a first message asking what to do with no situation of its own
    (我该怎么办, 咋整啊): the situations the measures answer, as examples."""
    return (
        "您遇到的是什么情况？把情况说一下，我按政策告诉您怎么办。比如：银行要先还本金才给续贷、"
        "授信额度被压降或被抽贷、征信有逾期想修复、想贷款不知道找哪家银行。"
    )


# A message in English (or another Latin-script language) only: the sources are Chinese.
LATIN_ONLY = (
    "目前只能用中文回答。请用中文再问一次，例如：“续贷要先还本金吗？”"
    "（Sorry, I can only answer questions in Chinese.）"
)


def chat_buttons() -> list[Button]:
    """The chat help's topic buttons (label, value sent back)."""
    return [Button(t.label, t.text) for t in TOPICS if t.chat]


def deep_links() -> dict[str, str]:
    """Telegram /start payload -> the engine text (an action: its slash command)."""
    return {t.slug: t.command or t.text for t in TOPICS if t.slug}


def menu_topics() -> dict[str, str]:
    """WeChat / WeCom menu CLICK key -> the engine text."""
    return {t.wechat_key: t.text for t in TOPICS if t.wechat_key}


POLICY_MENU_KEYS = frozenset({t.wechat_key for t in POLICY_TOPICS if t.wechat_key} | {"CHECKUP"})
OWN_PLACES = POLICY_MENU_KEYS | {"CONTACT"}


def wechat_menu() -> dict[str, Any]:
    """The default WeChat menu: policy topics, registration actions, contact."""

    def click(topic: Topic) -> dict[str, str]:
        return {"type": "click", "name": topic.label, "key": str(topic.wechat_key)}

    # 政策体检 sits with the policy topics (a menu holds at most five entries per column).
    policy = [click(t) for t in POLICY_TOPICS + ACTIONS if t.wechat_key in POLICY_MENU_KEYS]
    register = [click(t) for t in ACTIONS if t.wechat_key and t.wechat_key not in OWN_PLACES]
    contact = next(t for t in ACTIONS if t.wechat_key == "CONTACT")
    return {
        "button": [
            {"name": "政策问答", "sub_button": policy},
            {"name": "融资登记", "sub_button": register},
            {**click(contact), "name": "联系我们"},
        ]
    }


def catalog_json() -> dict[str, Any]:
    """The catalog as `GET /api/catalog` returns it: bot_name, short_name, greeting,
    widget_prompt, refusal_opener, products [{doc_id, slug, name, title}], topics [{label,
    text, slug, wechat_key, chat, command}]."""
    return {
        "bot_name": BOT_NAME,
        "short_name": SHORT_NAME,
        "greeting": GREETING,
        "widget_prompt": WIDGET_PROMPT,
        "refusal_opener": REFUSAL_OPENER,
        "products": [asdict(p) for p in packaged_products()],
        "topics": [asdict(t) for t in TOPICS],
    }
