"""The declined families, in the order they are tried, and `out_of_scope_family`.

Each row names its words, an in-scope reading of the same words (`unless`) and where it is
judged: the whole message (injection, forgery: a story does not excuse them), the question
(constructs that set the topic: another place's product, writing or calculating for the owner,
national rules), or what is asked (a family word in a story clause before a financing question
is a mention: "我们年报都按时报了，征信花了怎么办" stays in scope). Pointers: `bot.refusals`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.intent import TRUST, TRUST_BARE, TRUST_UNLESS
from bot.scope import chores, outside, tasks
from bot.scope import disputes as dis
from bot.scope import objects as obj
from bot.scope import offices as off
from bot.scope import requests as req
from bot.scope import speculation as spec
from bot.scope import subjects as sub
from bot.scope.asked_object import off_topic_object
from bot.scope.clauses import last_question, mentioned_only, question_part
from bot.scope.family_row import Family
from bot.scope.places import other_region
from bot.scope.products import bank_price, bank_product
from bot.scope.readings import (
    WORK_VEHICLE,
    any_of,
    firm_contributions,
    national_unless,
    negated,
    off_topic_unless,
    personal_unless,
    social_unless,
    unless_part,
)
from bot.scope.spelling import fold_slips
from bot.scope.starts import Starts

# A phone-typed message breaks its clauses with spaces: a family's words do not run across one.
TYPED_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")

FAMILIES: tuple[Family, ...] = (
    Family("injection", req.INJECTION, judged="message"),
    Family("fraud", req.FRAUD, any_of(req.FRAUD_UNLESS), judged="message"),
    Family("fraud", req.FORGED_VALUE, any_of(req.FORGED_VALUE_UNLESS), judged="message"),
    Family(
        "fraud", req.INVOICE_FRAUD, any_of(req.FRAUD_UNLESS, req.INVOICE_FRAUD_UNLESS), "message"
    ),
    Family("fraud", obj.FORGED_DOCUMENT, any_of(obj.FORGED_DOCUMENT_UNLESS), judged="message"),
    Family("fraud", obj.MADE_DOCUMENT, any_of(obj.FORGED_DOCUMENT_UNLESS), judged="message"),
    Family("fraud", spec.STATEMENT_PUMPED, any_of(req.FRAUD_UNLESS), judged="message"),
    *chores.FRAUD_ROWS,  # money passed through for a statement, a named document altered
    Family("trust", TRUST, judged="question"),
    Family("trust", TRUST_BARE, any_of(TRUST_UNLESS), judged="question"),
    Family("other_region", re.compile(r"(?!)"), judged="question"),  # bot.scope.places
    Family("bank_product", re.compile(r"(?!)"), judged="question"),  # bot.scope.products
    Family("drafting", tasks.DRAFTING, any_of(tasks.DRAFTING_UNLESS), judged="question"),
    Family("drafting", obj.DRAFTED, any_of(obj.DRAFTED_UNLESS), judged="question"),
    Family("drafting", spec.PLAN_ASKED, any_of(tasks.DRAFTING_UNLESS), judged="question"),
    Family("calculation", tasks.CALCULATION, any_of(tasks.CALCULATION_UNLESS), judged="question"),
    Family("lookup", tasks.LOOKUP, judged="question"),
    Family(
        "transaction",
        tasks.ACT_REQUEST,
        any_of(tasks.ACT_SERVICE, tasks.DRAFTING_UNLESS),
        judged="question",
    ),
    Family(
        "loan_misuse",
        spec.LOAN_MISUSE,
        any_of(spec.LOAN_MISUSE_UNLESS, sub.TIED_TO_LENDING),
        "question",
    ),
    Family("crypto", spec.CRYPTO, judged="question"),
    Family("investment", spec.MARKET, judged="question"),
    Family(
        "off_topic",
        spec.FOREIGN_EXCHANGE,
        any_of(spec.FOREIGN_EXCHANGE_UNLESS),
        judged="question",
        local_unless=True,
    ),
    Family("rates", sub.RATES, any_of(sub.RATES_UNLESS), judged="question", local_unless=True),
    Family("investment_loss", sub.INVESTMENT_LOSS, any_of(sub.INVESTMENT_LOSS_UNLESS)),
    Family("tax", off.TAX_REFUND_CHASED, any_of(off.TAX_BACKS_CREDIT), judged="question"),
    Family("legal", dis.LEGAL, any_of(dis.LEGAL_UNLESS)),
    Family("legal", dis.LAWSUIT, any_of(dis.LAWSUIT_UNLESS)),
    Family("legal", dis.BANKRUPTCY, any_of(dis.BANKRUPTCY_UNLESS)),
    Family("legal", dis.PRIVATE_INTEREST, any_of(dis.PRIVATE_INTEREST_UNLESS)),
    Family("legal", dis.COLLECTION, any_of(dis.COLLECTION_UNLESS)),
    Family(
        "online_lending",
        spec.ONLINE_LENDING,
        any_of(spec.ONLINE_LENDING_UNLESS),
        judged="question",
        local_unless=True,
    ),
    Family("national_rules", spec.OVERDUE_CLASS, any_of(spec.OVERDUE_CLASS_UNLESS), "question"),
    Family("national_rules", spec.NATIONAL_ASKED, any_of(sub.NATIONAL_UNLESS), "question"),
    Family("national_rules", obj.CENTRAL_BANK_SYSTEM, any_of(obj.CENTRAL_BANK_UNLESS), "question"),
    Family("personal_finance", obj.CONSUMER_CREDIT, any_of(sub.FIRM_LOAN), judged="question"),
    Family("national_rules", sub.NATIONAL_RULES, national_unless, "question", local_unless=True),
    Family("chitchat", sub.CHITCHAT_TASKS, judged="question"),
    Family(
        "tax", obj.TAX_ASKED, any_of(off.TAX_BACKS_CREDIT, off.CREDIT_DATA_USE, off.TAX_PAID_FELL)
    ),
    Family("personal_credit", sub.PERSONAL_CREDIT, any_of(sub.PERSONAL_CREDIT_UNLESS)),
    Family(
        "housing_fund",
        sub.HOUSING_FUND,
        any_of(sub.HOUSING_FUND_UNLESS),
        story_unless=firm_contributions,  # 续贷，公积金断缴了能贷吗: the firm's record
    ),
    Family(
        "housing_fund",
        spec.HOUSING_FUND_MOVED,
        any_of(spec.HOUSING_FUND_RECORDS),
        judged="question",
    ),
    Family("insurance_claim", spec.POLICY_LOAN, any_of(spec.POLICY_LOAN_UNLESS), judged="question"),
    Family("social", spec.SOCIAL_FUND_PLEDGED, any_of(spec.SOCIAL_RECORDS), judged="question"),
    Family(
        "personal_finance",
        spec.HOUSEHOLD_PURCHASE,
        any_of(spec.HOUSEHOLD_UNLESS),
        judged="question",
        story_unless=any_of(WORK_VEHICLE),
    ),
    Family(
        "personal_finance",
        sub.PERSONAL_PRODUCT,
        any_of(sub.TIED_TO_LENDING, sub.FIRM_LOAN),
        "question",
    ),
    Family(
        "personal_finance", sub.PERSONAL_FINANCE, personal_unless, story_unless=any_of(WORK_VEHICLE)
    ),
    Family(
        "insurance_claim",
        sub.INSURANCE_CLAIM,
        any_of(sub.LENDING_INSURANCE, sub.TIED_TO_LENDING, outside.BANK_PUSHED),
    ),
    Family(
        "insurance_claim",
        sub.INSURANCE_BUY,
        any_of(off.LENDING, sub.LENDING_INSURANCE, sub.TIED_TO_LENDING, outside.BANK_PUSHED),
    ),
    Family(
        "investment",
        sub.INVESTMENT,
        any_of(sub.TIED_TO_LENDING, sub.BORROWING, outside.PUSHED_WITH_LOAN),
    ),
    Family(
        "investment_loss", obj.BOND, any_of(obj.BOND_UNLESS), judged="question", local_unless=True
    ),
    Family("other_program", sub.OTHER_PROGRAM_LOANS),
    Family("other_program", sub.OTHER_PROGRAM, any_of(sub.OTHER_PROGRAM_UNLESS)),
    Family("trade", off.TRADE_OPS, any_of(sub.CREDIT_CORE)),
    Family("registration", off.ANNUAL_REPORT_FILING, any_of(off.BACKFILED_REPORT)),
    Family("registration", off.REGISTRATION, any_of(off.CREDIT_RELIEF)),
    Family("tax", off.TAX_RELIEF, any_of(off.TAX_BACKS_CREDIT)),
    Family("tax", spec.TAX_BACK, any_of(off.TAX_BACKS_CREDIT), judged="question"),
    Family("tax", off.TAX, any_of(off.LENDING, off.CREDIT_DATA_USE, off.TAX_PAID_FELL)),
    Family("social", off.SOCIAL, social_unless),
    *chores.ROWS,  # tax deductions asked, other departments' approvals (bot.scope.chores)
    *outside.ROWS,  # disguised asks outside the measures (bot.scope.outside)
    Family("off_topic", sub.OTHER_TOPICS, off_topic_unless),
    Family("off_topic", sub.OFF_TOPIC_BUSINESS, any_of(sub.CREDIT_CORE, sub.FEES)),
)
NAMES = tuple(dict.fromkeys(f.name for f in FAMILIES))
STARTS = tuple(Starts(f.words) for f in FAMILIES)  # tried only where a match can begin
# What the owner asks the bot to do (not a subject): declined whatever the message names, even a
# document the office uploaded. The other families are subjects, and an office document on that
# subject (a staff document on 创业担保贷款) brings it into scope.
REQUESTS = frozenset(
    {"injection", "fraud", "trust", "drafting", "calculation", "lookup", "transaction"}
)


# What the owner says they are not asking (我不是想炒股, 不打算买基金): the word is set aside.
def out_of_scope_family(text: str, *, topics: Iterable[str] = ()) -> tuple[str, str]:
    """(family, place) of a normalised message outside enterprise financing in Sanming, or
    ("", ""); place is set for "other_region" (the city or province named) and for
    "bank_product" (the bank whose own product is asked about).

    Message families are judged on the whole text; the others on a long message's last
    question (on its last asking sentence when the family's words are there), and the "ask"
    families only where the word is part of what is asked. topics:
    the knowledge's phrases found in the message (the glossary match's terms), which mark a
    clause as asking about financing (`bot.scope.clauses.mentioned_only`).
    """
    whole, found = _families_found(text)
    for family, scope, place in found:
        if place:
            return family.name, place
        if family.judged == "ask" and mentioned_only(family.words, scope, topics):
            continue
        return family.name, ""
    return off_topic_object(whole, topics), ""  # the ask's object, read against the knowledge


@lru_cache(maxsize=4096)
def _families_found(text: str) -> tuple[str, tuple[tuple[Family, str, str], ...]]:
    """The folded text and, in order, the families whose words it has (their `unless` not
    met), each with the scope it was judged on and its place: what `out_of_scope_family`
    reads without the topics, up to the first family the topics cannot excuse. A pure
    function of the text (the rules are constants): cached, since the reading and the scope
    decision judge the same message, and a cached answer's turn reads it again."""
    folded = fold_slips(text.lower())  # 怎莫 → 怎么, 福洲 → 福州: the words the rules read
    whole = TYPED_BREAK.sub("，", folded)  # 年报刚报完 商贸贷哪里申请: a space typed as a break
    question = question_part(whole)
    last = last_question(question)
    found: list[tuple[Family, str, str]] = []
    for family, words in zip(FAMILIES, STARTS, strict=True):
        if family.name == "other_region":
            place = other_region(last) or other_region(question)
            if place:
                return folded, (*found, (family, "", place))
            continue
        if family.name == "bank_product":
            bank = bank_product(last) or bank_product(question) or bank_price(last)
            if bank:
                return folded, (*found, (family, "", bank))
            continue
        scope = whole if family.judged == "message" else question
        if scope is question and words.search(last):
            scope = last  # the sentence that asks it: a story before does not excuse it
        hit = next((m for m in words.finditer(scope) if not negated(scope, m)), None)
        if not hit:
            continue
        if family.unless(
            unless_part(scope, hit.start(), family.words, family.judged, family.local_unless)
        ) or family.story_unless(whole):
            continue
        found.append((family, scope, ""))
        if family.judged != "ask":
            break  # declined whatever the topics
    return folded, tuple(found)  # the ask's object is read on the text as typed
