"""Knowledge documents: the measures parsed into articles, plus product, platform and staff docs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from core.kinds import DocKind
from knowledge.validity import Validity, chinese_date, measures_validity, stored_validity

POLICY_TITLE = "三明市提增民营小微企业融资服务质效若干措施"
ISSUER = "三明市人民政府办公室"
# The measures' period, read from the policy text (its dated signature line and "有效期三年"):
# the one place the issue date lives.
MEASURES_VALIDITY = measures_validity(
    (Path(__file__).parent / "data" / "measures.txt").read_text(encoding="utf-8")
)
assert MEASURES_VALIDITY.valid_from is not None, "measures.txt has no dated signature line"
ISSUE_DAY: date = MEASURES_VALIDITY.valid_from
ISSUE_DATE = ISSUE_DAY.isoformat()
ISSUED_CN = chinese_date(ISSUE_DAY)  # 2025年4月29日
POLICY_SOURCE = f"《{POLICY_TITLE}》（{ISSUER}{ISSUED_CN}印发）"
ALL_BANKS = "各银行业金融机构"

_SECTION_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
_MEASURE_RE = re.compile(r"^(\d{1,2})\.(.+)$")
_UNITS_RE = re.compile(r"[（(]责任单位[:：](.+)[）)]\s*$")
_NOTE_RE = re.compile(r"〈[^〉]*〉")


@dataclass(frozen=True)
class Document:
    """A retrievable document: a measure article, a product/platform note or a staff chunk."""

    doc_id: str
    article: int | None
    title: str
    text: str
    section: str = ""
    units: str = ""
    source: str = ""
    kind: DocKind = "measure"
    related_articles: tuple[int, ...] = ()
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    valid_from: str = ""  # ISO date, first day in force ("" = not stated)
    valid_until: str = ""  # ISO date, last day in force ("" = no end stated)

    @property
    def validity(self) -> Validity:
        """The period in force (knowledge/validity.py)."""
        return stored_validity(self.valid_from, self.valid_until)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Names of a product or platform (front matter `aliases` plus the short title)."""
        if self.kind == "measure":
            return ()
        names = [self.title.split("（")[0], *self.meta.get("aliases", "").split(",")]
        return tuple(dict.fromkeys(n.strip() for n in names if n.strip()))

    @property
    def articles(self) -> tuple[int, ...]:
        """Measure articles this document stands for (its own article, or its related ones)."""
        if self.article is not None:
            return (self.article,)
        return self.related_articles


def _normalise(text: str) -> str:
    """Collapse the full-width/half-width punctuation variance of the source file."""
    return text.replace("\u3000", " ").replace(",", "，").replace(":", "：").strip()


def parse_measures(raw: str) -> list[Document]:
    """Parse the policy file into article 0 (the whole document) and measures 1-16."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    section = ""
    measures: list[Document] = []
    preamble: list[str] = []
    closing: list[str] = []
    for line in lines:
        sec = _SECTION_RE.match(line)
        if sec:
            section = f"{sec.group(1)}、{sec.group(2).strip()}"
            continue
        m = _MEASURE_RE.match(line)
        if m and section:
            measures.append(_parse_measure(int(m.group(1)), m.group(2), section))
        elif measures:
            closing.append(line)
        else:
            preamble.append(line)
    whole = _whole_document(preamble, closing, measures)
    start, end = measures_validity(raw).as_meta()
    return [replace(d, valid_from=start, valid_until=end) for d in (whole, *measures)]


def _parse_measure(number: int, body: str, section: str) -> Document:
    """One measure line: title up to the first 。, body, and the responsible units."""
    body = _normalise(body)
    units = ""
    found = _UNITS_RE.search(body)
    if found:
        units = _NOTE_RE.sub("", found.group(1)).strip("，、 ")
        body = body[: found.start()].strip()
    title, _, rest = body.partition("。")
    if number > 1 and ALL_BANKS not in units:
        units = f"{units}，{ALL_BANKS}" if units else ALL_BANKS
    text = f"{number}.{title}。{rest}".replace(" ", "")
    return Document(
        doc_id=f"measure-{number}",
        article=number,
        title=title.strip(),
        text=text,
        section=section,
        units=units,
        source=f"{POLICY_SOURCE}第{number}条",
    )


def _whole_document(preamble: list[str], closing: list[str], measures: list[Document]) -> Document:
    """Article 0: title, issuer, date, purpose, validity and the list of measure titles."""
    outro = [_normalise(line).replace("扫一扫在手机上查看当前页面", "") for line in closing]
    purpose = next((_normalise(line) for line in preamble if line.startswith("为")), "")
    sections = "、".join(dict.fromkeys(d.section.split("、", 1)[-1] for d in measures))
    text = "\n".join(
        [
            f"《{POLICY_TITLE}》由{ISSUER}于{ISSUED_CN}印发，共{len(measures)}条措施，"
            f"分为{sections}三部分。",
            *[line for line in outro if line],
            "该措施经市政府常务会议研究同意，印发各县（市、区）人民政府、市直各单位和"
            "各银行业金融机构贯彻落实，并主动公开。",
            purpose,
        ]
    )
    return Document(
        doc_id="measure-0",
        article=0,
        title=POLICY_TITLE,
        text=text,
        section="全文",
        units=ISSUER,
        source=POLICY_SOURCE,
    )
