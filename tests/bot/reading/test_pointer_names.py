"""Pointing words that name their document themselves (那个资金流信用平台, 这个科技贷) are read
as that document, whatever was in focus: no subject of the focus put in front, no pointing word
cut in half (那个 → 个). Inputs: the knowledge's own display names crossed with templates."""

from __future__ import annotations

import pytest

from bot.reading import Lexicon, read
from tests.helpers.reading import focused, measures, notes

POINTERS = ("那个", "这个", "那", "这")
ENDINGS = ("收费吗", "在哪办", "要多久", "怎么申请啊")


def _named_alone(lexicon: Lexicon, kind: str) -> list[tuple[str, str]]:
    """(doc id, display name) of the notes of `kind` whose display name the lexicon reads."""
    found = []
    for doc_id in notes(lexicon, kind):
        name = lexicon.display_name(doc_id)
        if [n.doc_id for n in lexicon.named(name)] == [doc_id]:
            found.append((doc_id, name))
    return found


@pytest.mark.parametrize("kind", ["platform", "product"])
def test_pointer_followed_by_a_name_is_read_as_that_document(lexicon: Lexicon, kind: str) -> None:
    named = _named_alone(lexicon, kind)
    assert len(named) >= 3, named  # the templates below must have names to work on
    focuses = measures(lexicon)[::3] + [d for d, _ in named][:1]
    for doc_id, name in named:
        for pointer in POINTERS:
            for ending in ENDINGS:
                text = f"{pointer}{name}{ending}"
                for focus in focuses:
                    if focus == doc_id:
                        continue
                    context = focused(lexicon, focus)
                    reading = read(lexicon, context, text)
                    resolved = reading.resolved
                    subject = context.focus.subject if context.focus else ""
                    assert subject not in resolved or subject in text, (focus, resolved)
                    assert name in resolved, (focus, resolved)
                    assert not resolved.startswith("个"), resolved
