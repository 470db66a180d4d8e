"""Answers the owner already gave in the conversation, offered at their steps of the form.

Facts told before the form starts ("我们是做竹木加工的在尤溪，没有抵押，想贷款80万") are kept
in the conversation context (`bot.reading.facts.FirmFacts`). When the form starts, the ones
that map to a form answer without guessing (county, industry, amount, guarantee: the same
mapping as the self-check's, `bot.checkup.known` then `bot.checkup.prefill`) are kept in
`form["told"]`, with the owner's own words for the industry in `form["told_words"]`. At its
step each is asked back in one line ("已记下：尤溪县，对吗？回复“对”或直接改。") as a reading
awaiting confirmation (`form["pending"]`): "对" stores it, "不对" asks the step afresh, any
other answer is read as the step's answer. Nothing is stored before the owner confirms.
"""

from __future__ import annotations

from typing import Any

from bot.intake.counties import county_in_name
from bot.intake.fields import Field, display_value
from bot.reading.context import ConversationContext

TOLD_FIELDS = ("county", "industry", "amount_wan", "guarantee")
FROM_NAME = "told_from_name"  # form key: field -> the company name its told value comes from
YES, NO = "对", "不对，重新填"


def told_answers(state: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The form answers the conversation's facts give, and the owner's words for them."""
    from bot.checkup.known import known_answers  # the self-check's mapping, one place
    from bot.checkup.prefill import form_values

    facts = ConversationContext.from_state(state).facts
    values = form_values(known_answers(facts))
    told = {name: values[name] for name in TOLD_FIELDS if name in values}
    if "industry" not in told and facts.export and not facts.industry:
        told["industry"] = "外贸"  # "主要做出口": the trade is foreign trade
    words = {"industry": facts.industry} if "industry" in told and facts.industry else {}
    return told, words


def offer_told(form: dict[str, Any], field: Field, counter: str) -> dict[str, Any] | None:
    """The told answer of `field` as a reading to confirm (set as `form["pending"]`), or
    None when the owner told none (or it was answered, or declined, meanwhile)."""
    told = form.get("told") or {}
    if field.name not in told or field.name in form["data"] or form.get("editing"):
        return None
    value = told[field.name]
    shown = display_value(field.name, value).replace(" ", "")
    said = (form.get("told_words") or {}).get(field.name)
    named = (form.get(FROM_NAME) or {}).get(field.name)
    if named:  # read from the company name, not said: say where it comes from
        shown = f"{shown}（据企业名称“{named}”）"
    elif said and said != shown:
        shown = f"{shown}（您说的“{said}”）"
    question = f"{counter}{field.prompt}\n已记下：{shown}，对吗？回复“{YES}”或直接改。"
    form["pending"] = {
        "field": field.name,
        "value": value,
        "question": question,
        "yes": YES,
        "no": NO,
        "flags": {},
        "other_label": "",
        "other_answer": "",
    }
    return form["pending"]


def forget_told(form: dict[str, Any], name: str) -> None:
    """The owner answered or declined the told value of `name`: it is not offered again."""
    told = form.get("told")
    if told:
        told.pop(name, None)


def county_from_name(form: dict[str, Any], company_name: str) -> None:
    """The county a stored company name names ("尤溪县鑫源竹业有限公司"), offered at the county
    step like a told answer, unless the county is answered or the owner told one."""
    county = county_in_name(company_name)
    told = form.get("told") or {}
    from_name = dict(form.get(FROM_NAME) or {})
    if "county" in from_name and told.get("county") == county_in_name(from_name["county"]):
        told.pop("county", None)  # the name was changed: its former county goes with it
        from_name.pop("county")
    if county is not None and "county" not in form["data"] and "county" not in told:
        told["county"] = county
        from_name["county"] = company_name
    form["told"], form[FROM_NAME] = told, from_name
