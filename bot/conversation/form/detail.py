"""The owner's own words for an industry the form has no option of ("开理发店的" -> 其他).

The industry step stores 其他 for a trade outside its options; the words the owner gave are
kept beside it (`form["data"]["industry_detail"]`), shown in the summary ("其他（开理发店）")
and sent with the request at the head of the note (the stored industry column holds only
the option), so staff see what the firm does. A yes/no said with a fact ("有的 下个月到期")
keeps the fact the same way (`form["data"]["said"]`: field -> words), shown beside 是/否.
The security said in other words than the option stored (林权质押 as 林权抵押, 股权质押 as
其他, 设备抵押 as 抵押: bot.intake.collateral) keeps the owner's words the same way
(`form["data"]["guarantee_detail"]`), shown beside the option and sent at the head of the note.
"""

from __future__ import annotations

import re
from typing import Any

from bot.intake.choices import OTHER_INDUSTRY, bare_words, option_number, yes_no_reading
from bot.intake.fields import FIELD_BY_NAME
from retrieval.normalize import to_simplified

INDUSTRY_DETAIL = "industry_detail"
GUARANTEE_DETAIL = "guarantee_detail"  # the owner's words for the security (林权质押, 股权质押)
# Words around the security that add nothing ("用林权抵押吧", "可以拿房产抵押").
_SECURITY_FILLER = re.compile(
    r"^(?:我们|我|可以|能|就|有|用|拿|以|做)+|(?:做|来)?(?:吧|的|了|呢)+$"
)
SAID = "said"  # the words told with a yes/no answer, per field
_MAX_DETAIL = 40


def keep_detail(form: dict[str, Any], field: str, value: Any, words: str | None) -> None:
    """Keep (or drop) the owner's words for the industry stored as `value`, or the fact
    told with a yes/no answer."""
    kind = FIELD_BY_NAME[field].kind if field in FIELD_BY_NAME else ""
    if kind == "yes_no":
        _keep_said(form, field, words)
    if field == "guarantee":
        _keep_security(form, value, words)
    if field != "industry":
        return
    said = bare_words(words or "")[:_MAX_DETAIL]
    if value == OTHER_INDUSTRY and said and said != value and option_number(said) is None:
        form["data"][INDUSTRY_DETAIL] = said
    else:
        form["data"].pop(INDUSTRY_DETAIL, None)


def _keep_security(form: dict[str, Any], value: Any, words: str | None) -> None:
    """The owner's words for the security when they say more than the option, or another
    act (林权质押 stored as 林权抵押, 股权质押 as 其他, 设备抵押 as 抵押)."""
    said = _SECURITY_FILLER.sub("", to_simplified(bare_words(words or "")))[:_MAX_DETAIL]
    if said and said != value and value not in said and option_number(said) is None:
        form["data"][GUARANTEE_DETAIL] = said
    else:
        form["data"].pop(GUARANTEE_DETAIL, None)


def _keep_said(form: dict[str, Any], field: str, words: str | None) -> None:
    """The words after the yes or no ("下个月到期"), kept for staff; dropped when none."""
    reading = yes_no_reading(words or "")
    said = dict(form["data"].get(SAID) or {})
    said.pop(field, None)
    if reading is not None and reading[1]:
        said[field] = reading[1][:_MAX_DETAIL]
    if said:
        form["data"][SAID] = said
    else:
        form["data"].pop(SAID, None)


def shown_said(data: dict[str, Any], field: str, value: str) -> str:
    """A yes/no answer as the summary shows it, with the fact told with it."""
    said = (data.get(SAID) or {}).get(field)
    return f"{value}（{said}）" if said else value


def shown_industry(data: dict[str, Any], value: str) -> str:
    """The industry as the summary shows it, with the owner's words for 其他."""
    detail = data.get(INDUSTRY_DETAIL)
    return f"{value}（{detail}）" if value == OTHER_INDUSTRY and detail else value


def shown_security(data: dict[str, Any], value: str) -> str:
    """The guarantee as the summary shows it, with the owner's own words when kept."""
    detail = data.get(GUARANTEE_DETAIL)
    return f"{value}（您填写的“{detail}”）" if detail else value


def submitted(data: dict[str, Any]) -> dict[str, Any]:
    """The answers as sent: the industry's words at the head of the note."""
    sent = dict(data)
    detail = sent.pop(INDUSTRY_DETAIL, None)
    heads = [f"行业：{detail}"] if detail and sent.get("industry") == OTHER_INDUSTRY else []
    security = sent.pop(GUARANTEE_DETAIL, None)
    heads += [f"担保方式：{security}"] if security else []
    said = sent.pop(SAID, None) or {}
    heads += [f"{FIELD_BY_NAME[f].label}：{w}" for f, w in said.items() if f in FIELD_BY_NAME]
    if heads:
        note = str(sent.get("note") or "")
        sent["note"] = "；".join([*heads, *([note] if note else [])])
    return sent
