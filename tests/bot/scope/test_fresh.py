"""New wordings of each declined family reach its pointer after any opener and in traditional
script, the same words inside in-scope questions are answered, and noise (random characters,
mashing, repetition, a 3000-character message) gets the question back, never an answer."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

import pytest

from bot.catalog import ask_back
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.scope import out_of_scope_family
from bot.scope.noise import LONG_TEXT, is_noise
from retrieval.normalize import normalize_text
from tests.bot.scope.cases import variants
from tests.bot.scope.fresh import ANSWERED, DECLINED, OPENERS

if TYPE_CHECKING:
    from bot.answerer import Answerer


def answer(answerer: Answerer, message: str) -> Any:
    return answer_in_context(answerer, ConversationContext(), message).answer


@pytest.mark.parametrize("family", list(DECLINED))
def test_family_names_new_wordings_after_any_opener(family: str) -> None:
    asked = [o + q for q in DECLINED[family] for o in OPENERS]
    got = [(q, f) for q in asked if (f := out_of_scope_family(normalize_text(q))[0]) != family]
    assert got == []


@pytest.mark.parametrize("family", list(DECLINED))
def test_family_is_declined_with_its_pointer_in_both_scripts(
    answerer: Answerer, family: str
) -> None:
    asked = DECLINED[family] + list(variants(DECLINED[family]))
    wrong = [(q, a.refusal) for q in asked if (a := answer(answerer, q)).refusal != family]
    assert wrong == []


@pytest.mark.parametrize("family", list(ANSWERED))
def test_family_words_inside_an_in_scope_question_are_answered(
    answerer: Answerer, family: str
) -> None:
    asked = ANSWERED[family] + [OPENERS[2] + q for q in ANSWERED[family]]
    declined = [(q, a.refusal) for q in asked if not (a := answer(answerer, q)).in_scope]
    assert declined == []


# --- noise ------------------------------------------------------------------------------------

# Common characters in no particular order: random strings of them rarely pair into words.
COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
    "体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线"
    "内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并"
)


def noise(seed: int, size: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(COMMON) for _ in range(size))


NOISE = (
    [noise(seed, size) for seed in range(4) for size in (40, 500, 3000)]
    + [noise(9, 3000) + "科技贷怎么申请", "贷款" + noise(8, 600)]
    + ["asdkjh qwe zxcmnb", "qwertyuiop", "fjdkslaf;dsa 贷款 jfkdls", "dfghjkl zxcv"]
    + ["的的的的的的的的", "巴拉巴拉巴拉", "了了了了了了了了了了", "1234567890", "8888 6666"]
)


@pytest.mark.parametrize("message", NOISE, ids=lambda m: f"{m[:8]}…{len(m)}")
def test_noise_gets_the_question_back(answerer: Answerer, message: str) -> None:
    reply = answer(answerer, message)
    assert (reply.refusal, reply.answer) == ("gibberish", ask_back()), reply.answer[:40]


def test_owners_long_wordings_are_not_noise(answerer: Answerer) -> None:
    # from LONG_TEXT characters on the word cover alone decides; shorter texts need evidence too
    is_word = answerer.retriever.is_dictionary_word
    written = [
        o + q for qs in (*DECLINED.values(), *ANSWERED.values()) for q in qs for o in OPENERS
    ]
    long = [t for q in written if len(t := normalize_text(q)) >= LONG_TEXT]
    assert len(long) > 100
    assert [t for t in long if is_noise(t, is_word)] == []


def test_a_question_beside_mashed_letters_is_still_answered(answerer: Answerer) -> None:
    reply = answer(answerer, "科技贷的申请条件是什么？asdfgh")
    assert reply.in_scope and reply.citations
