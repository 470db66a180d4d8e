"""The owners' words for their loan: a credit line cut told (额度被砍了, 砍我额度, 少贷给我)
read as the sources' 授信额度调降 (`line_cut`), and a loan's own facet asked while a fee is in
focus (`loan_facet_of_fee`: 利率呢 after 评估费). Pure functions of the text (bot.reading.reader
reads them)."""

from __future__ import annotations

import re

from bot.reading.referents import Referent

# The owners' words for a credit line cut (额度会不会变少, 砍我额度), read as the sources' 授信额度
# 调降 (第9条: a line cut for a shrunken collateral or lower taxes is to be kept).
_LINE_CUT = re.compile(
    r"(?<!授信)额度(?P<how>(?:会不会|会|要|被|给|可能|也|就)*)(?:变少|减少|减|降低|降|缩水|缩|压缩|砍|少)"
)
# a cut done to the owner's line, before the line's own word (压缩了我们的…, 砍我…)
_CUT_VERB = (
    r"(?:压缩|压降|削减|缩减|降低|减少|调低|降|砍|压|减|缩)(?:了|掉)?"
    r"(?:我|我们|我们的|我的)?(?:的)?"
)
_CUT_LINE = re.compile(_CUT_VERB + r"(?<!授信)额度")
# …and of the loan's own line (压我的贷款额度) when told with 第9条's causes (a collateral fallen in
# value, lower taxes); told with no cause it stays as typed (第4条's 压贷 weighs it as well)
_LOAN_LINE_CUT = re.compile(_CUT_VERB + r"(?:贷款|信贷|借款)额度")
_NINTH_CAUSE = re.compile(r"跌|贬值|不值钱|缩水|掉价|估值|评估|纳税|交税|缴税|税少")
# A loan made smaller for the owner, in the owners' words (少贷给我, 少批点给我们, 贷不了那么多了);
# 我想少贷一点 (the owner's own choice) is no cut.
_LEND_LESS = re.compile(
    r"(?:要|只肯|只能|就)?少(?:贷|批|放)(?:点|一些|一点)?给我们?|(?:贷|批|放)不了(?:原来)?那么多了?"
)


def line_cut(text: str) -> str:
    """The text with a credit line cut in the sources' words (额度会变少 → 授信额度会调降,
    额度被砍了 → 授信额度调降了: the sources' own phrase, whoever did it)."""
    text = _LINE_CUT.sub(lambda m: f"授信额度{m.group('how').strip('被给')}调降", text)
    if _NINTH_CAUSE.search(text):
        text = _LOAN_LINE_CUT.sub("调降授信额度", text)
    return _LEND_LESS.sub("调降授信额度", _CUT_LINE.sub("调降授信额度", text))


# a loan's own facet (利率呢, 额度多少, 能贷几年), never a fee's
_LOAN_FACET = re.compile(
    r"^(?:那|那么)?(?:最多|一般|大概)?(?:利率|利息|额度|期限|年限|能贷多少|能贷几年|贷多少|贷多久|"
    r"(?:能|可以)?贷(?:几成|百分之几|多少成|到几成)|抵押率|质押率)"
)


def loan_facet_of_fee(referent: Referent, text: str) -> bool:
    """A loan's facet asked bare (利率呢) while a fee is in focus (评估费, 担保费): asked of the
    loan discussed before the fee, not of the fee (评估费利率 is no question)."""
    return referent.subject.endswith("费") and bool(_LOAN_FACET.search(text))
