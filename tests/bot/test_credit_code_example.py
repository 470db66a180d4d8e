"""The example credit code the form shows is never accepted as an owner's code.

Before, the example (91350400MA2Y12345Q) passed the GB 32100-2015 check: an owner who copied
it filed a request under it. Now the shown example is a placeholder (91350400XXXXXXXXXX), and
every shown example (the form's, the API sample's) and the placeholder shape (a run of X or
某) is refused with a Chinese message saying it is the example, in every way of typing it.
Real codes, also those with an X or two, still pass.
"""

from __future__ import annotations

import random

import pytest

from bot.engine import Engine
from bot.intake.credit_code import (
    API_EXAMPLE_CREDIT_CODE,
    EXAMPLE_CREDIT_CODE,
    SHOWN_EXAMPLES,
    check_character,
)
from bot.intake.errors import FieldError
from bot.intake.fields import FIELDS
from bot.intake.validation import validate_field
from tests.helpers.engine import ANSWERS, texts
from tests.helpers.intake import valid_credit_code

FIELD = next(f for f in FIELDS if f.name == "credit_code")


def typings(code: str) -> list[str]:
    """Ways an owner pastes or types a code: spaces, dashes, lower case, full width."""
    wide = "".join(chr(ord(c) + 0xFEE0) for c in code)
    return [
        code,
        code.lower(),
        f" {code} ",
        f"{code[:6]} {code[6:12]} {code[12:]}",
        f"{code[:8]}-{code[8:]}",
        wide,
        f"{code}。",
        f"“{code}”",
    ]


def placeholders(seed: int) -> list[str]:
    """Codes in the example's placeholder shape: the prefix kept, the rest X or 某."""
    rng = random.Random(seed)
    shapes = []
    for _ in range(6):
        kept = rng.randint(2, 14)
        start = valid_credit_code(rng.randint(0, 10**6))[:kept]
        shapes.append((start + "X" * 18)[:18])
        shapes.append((start + "某" * 18)[:18])
    return shapes


def refusal(raw: str) -> FieldError:
    with pytest.raises(FieldError) as refused:
        validate_field("credit_code", raw)
    return refused.value


def test_the_form_shows_the_placeholder_example() -> None:
    assert FIELD.example == EXAMPLE_CREDIT_CODE and "XXXX" in FIELD.example
    assert f"例如：{EXAMPLE_CREDIT_CODE}" in FIELD.ask()
    assert API_EXAMPLE_CREDIT_CODE in SHOWN_EXAMPLES


@pytest.mark.parametrize("example", sorted(SHOWN_EXAMPLES))
@pytest.mark.parametrize("typing", range(8))
def test_a_copied_example_is_refused_as_the_example(example: str, typing: int) -> None:
    error = refusal(typings(example)[typing])
    assert error.code == "credit_code_example"
    assert "示例" in error.message and "营业执照" in error.message
    assert example not in error.message  # the refusal names no example to copy again


@pytest.mark.parametrize("seed", range(6))
def test_the_placeholder_shape_is_refused_as_the_example(seed: int) -> None:
    for shape in placeholders(seed):
        assert refusal(shape).code == "credit_code_example", shape


@pytest.mark.parametrize("seed", range(10))
def test_real_codes_still_pass_also_with_an_x(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        code = valid_credit_code(rng.randint(0, 10**7))
        assert validate_field("credit_code", code) == code
    for tail in ("X", "XX", "XXX"):  # an X or up to three in a real code are no placeholder
        first17 = ("91350400MA2Y1" + tail + "0000")[:17]
        code = first17 + check_character(first17)
        assert validate_field("credit_code", code) == code


def test_a_copied_example_keeps_the_chat_form_on_the_code(shared_engine: Engine, user: str) -> None:
    shared_engine.handle("cli", user, "申请")
    asked = texts(shared_engine.handle("cli", user, ANSWERS[0][1]))
    assert f"例如：{EXAMPLE_CREDIT_CODE}" in asked
    refused = texts(shared_engine.handle("cli", user, EXAMPLE_CREDIT_CODE))
    assert "示例" in refused and "（3/14）" not in refused
    accepted = texts(shared_engine.handle("cli", user, ANSWERS[1][1]))
    assert "（3/14）" in accepted
