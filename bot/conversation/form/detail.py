"""The owner's own words for an industry the form has no option of ("开理发店的" -> 其他).

The industry step stores 其他 for a trade outside its options; the words the owner gave are
kept beside it (`form["data"]["industry_detail"]`), shown in the summary ("其他（开理发店）")
and sent with the request at the head of the note (the stored industry column holds only
the option), so staff see what the firm does.
"""

from __future__ import annotations

from typing import Any

from bot.intake.choices import OTHER_INDUSTRY, bare_words, option_number

INDUSTRY_DETAIL = "industry_detail"
_MAX_DETAIL = 40


def keep_detail(form: dict[str, Any], field: str, value: Any, words: str | None) -> None:
    """Keep (or drop) the owner's words for the industry stored as `value`."""
    if field != "industry":
        return
    said = bare_words(words or "")[:_MAX_DETAIL]
    if value == OTHER_INDUSTRY and said and said != value and option_number(said) is None:
        form["data"][INDUSTRY_DETAIL] = said
    else:
        form["data"].pop(INDUSTRY_DETAIL, None)


def shown_industry(data: dict[str, Any], value: str) -> str:
    """The industry as the summary shows it, with the owner's words for 其他."""
    detail = data.get(INDUSTRY_DETAIL)
    return f"{value}（{detail}）" if value == OTHER_INDUSTRY and detail else value


def submitted(data: dict[str, Any]) -> dict[str, Any]:
    """The answers as sent: the industry's words at the head of the note."""
    sent = dict(data)
    detail = sent.pop(INDUSTRY_DETAIL, None)
    if detail and sent.get("industry") == OTHER_INDUSTRY:
        note = str(sent.get("note") or "")
        sent["note"] = f"行业：{detail}" + (f"；{note}" if note else "")
    return sent
