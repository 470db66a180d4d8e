"""The question-and-answer layer: curated direct answers to the questions owners bring.

`knowledge/data/qa/` holds one YAML file per topic, `<topic>.yaml`. The topic is the document
the file is about (`measure-N`, a product or platform note id such as `product-waimaodai`) or
`general` (questions that cut across topics: cost, which bank, what to prepare). Layout:

    topic: product-waimaodai
    entries:
      - id: waimaodai-collateral      # unique over all files: a-z, 0-9 and '-'
        question: 外贸贷要抵押吗？      # the standard question
        ask: yesno                    # one of core.kinds.ASK_TYPES
        phrasings:                    # other wordings of the same question (at least 2)
          - 做外贸的贷款需不需要抵押物
          - 外贸贷是不是信用贷
        lead: 不一定，……               # the first sentence: answers this question in its own terms
        points:                       # up to 3 short points (optional)
          - ……
        next_step: 先……                # what the owner does next
        cites: [product-waimaodai, measure-6]  # the documents the answer rests on (at least one)
        status: published             # draft | published | disabled (草稿 / 已发布 / 停用)
        valid_from: 2025-04-29        # optional ISO dates (default: the cited documents')
        valid_until: 2028-04-28
        author: 协调办                 # optional: who wrote or last changed it
        updated: 2026-12-05           # optional: when
        verified:                     # optional: numbers an admin checked by hand (人工核实)
          "3": 经与人民银行三明市分行核实   # number -> reason (the number check skips them)

Entries are written from the measures and the product facts only: where the sources set no
figure, the lead says so and who decides ("措施没有规定具体利率，由银行按企业情况定"), never an
invented one. `check_entries` enforces what can be checked mechanically: every number in lead,
points and next step occurs in a cited document's text, every cited document exists, ids are
unique, no phrasing belongs to two entries, a lead has at most `MAX_LEAD_CHARS` characters.
The answerer reads the published entries saved beside the index (`save_qa` / `read_qa`);
`policybot index` picks up changes. Format errors name the file and line (`QaFormatError`).

Modules: `entries` (`QaEntry`, the validation of one entry), `files` (the YAML topic files),
`rules` (`check_entries`, `published`), `saved` (the entries saved beside the index); every
name is re-exported here: import them from `knowledge.qa`.
"""

from knowledge.qa.entries import STATUS_LABELS, STATUSES, QaEntry, QaFormatError, QaStatus
from knowledge.qa.files import QA_DIR, dump_qa, load_qa, parse_qa
from knowledge.qa.rules import (
    MAX_LEAD_CHARS,
    MAX_POINTS,
    MIN_PHRASINGS,
    QaProblem,
    check_entries,
    published,
)
from knowledge.qa.saved import QA_FILE, read_qa, save_qa

__all__ = [
    "MAX_LEAD_CHARS",
    "MAX_POINTS",
    "MIN_PHRASINGS",
    "QA_DIR",
    "QA_FILE",
    "QaEntry",
    "QaFormatError",
    "QaProblem",
    "QaStatus",
    "STATUSES",
    "STATUS_LABELS",
    "check_entries",
    "dump_qa",
    "load_qa",
    "parse_qa",
    "published",
    "read_qa",
    "save_qa",
]
