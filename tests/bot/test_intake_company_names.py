"""The company-name step takes what looks like a name registered in China
(bot.intake.company_names): 字号 + organisation form, or an individual business marked as such;
junk is refused with a precise code, a Chinese name without an organisation form is asked back.
Generated over kinds of good and bad names, in every path through `validate_field`."""

from __future__ import annotations

import pytest

from bot.intake import ConfirmationNeeded, FieldError, validate_field
from bot.intake.company_names import MAX_CHARS, ORGANISATION_FORMS, read_company_name
from tests.helpers.company_names import GOOD, JUNK_KINDS, LEAD_INS, PERSONS, SHORT, TAILS


def refused(text: str) -> FieldError:
    with pytest.raises(FieldError) as caught:
        validate_field("company_name", text)
    assert not isinstance(caught.value, ConfirmationNeeded), text
    assert "企业" in caught.value.message or "名称" in caught.value.message
    return caught.value


@pytest.mark.parametrize("name", GOOD)
def test_a_registered_name_is_kept(name: str) -> None:
    assert validate_field("company_name", name) == name


@pytest.mark.parametrize(("name", "tail"), list(zip(GOOD[:9], TAILS * 3, strict=True)))
def test_a_bracketed_tail_after_the_form_is_kept(name: str, tail: str) -> None:
    assert validate_field("company_name", name + tail).startswith(name)


@pytest.mark.parametrize(("lead", "name"), list(zip(LEAD_INS * 3, GOOD, strict=False)))
def test_words_said_before_the_name_are_dropped(lead: str, name: str) -> None:
    assert validate_field("company_name", lead + name) == name


@pytest.mark.parametrize("name", GOOD[:10])
def test_blanks_and_spoken_marks_inside_a_name_go(name: str) -> None:
    spaced = " ".join(name)
    assert validate_field("company_name", f" {spaced}。") == name


@pytest.mark.parametrize(
    ("person", "written"),
    [
        (p, w.format(p=p))
        for p in PERSONS
        for w in ("个体户{p}", "个体工商户：{p}", "{p}（个体工商户）")
    ],
)
def test_an_individual_business_without_a_name_is_the_operator_marked(
    person: str, written: str
) -> None:
    assert validate_field("company_name", written) == f"{person}（个体工商户）"


@pytest.mark.parametrize("name", SHORT)
def test_a_name_without_an_organisation_form_is_asked_back(name: str) -> None:
    with pytest.raises(ConfirmationNeeded) as caught:
        validate_field("company_name", name)
    assert caught.value.value == name and "简称" in caught.value.message
    assert "确认" in caught.value.yes_label


@pytest.mark.parametrize(("texts", "code"), JUNK_KINDS, ids=[code for _, code in JUNK_KINDS])
def test_junk_is_refused_with_its_code(texts: list[str], code: str) -> None:
    for text in texts:
        error = refused(text)
        assert error.code == code, (text, error.code, error.message)


@pytest.mark.parametrize("extra", [1, 10, 60])
def test_a_name_too_long_is_refused(extra: int) -> None:
    name = "三明市" + "闽" * (MAX_CHARS + extra) + "有限公司"
    error = refused(name)
    assert error.code == "company_name_too_long" and f"不能超过{MAX_CHARS}个字" in error.message


def test_the_example_copied_gets_no_example_back() -> None:
    assert "例如" not in refused("三明市某某机械制造有限公司").message
    assert "例如" in refused("abc").message


@pytest.mark.parametrize("form", ORGANISATION_FORMS)
def test_every_organisation_form_ends_a_name(form: str) -> None:
    assert read_company_name(f"三明市闽运{form}").verdict == "ok"


@pytest.mark.parametrize("name", GOOD[:15])
def test_a_stored_name_reads_the_same_again(name: str) -> None:
    once = validate_field("company_name", name)
    assert validate_field("company_name", once) == once
