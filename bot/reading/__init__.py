"""Reading an owner's message in the context of the conversation (issue 19).

One small package, used by the engine, the evaluation and the CLI alike (through
`bot.dialogue.answer_in_context`); the answerer never re-reads the raw message.

Public API:
- `ConversationContext` (`Focus`, `FirmFacts`): what the conversation has established, stored as
  JSON in the conversation state (`from_state`, `to_state`, `store`).
- `read(lexicon, context, text) -> Reading`: the message's self-contained asks (at most three,
  each a `bot.messages.Ask`), how it relates to the focus (new / continue / return / switch /
  small_talk), the facts it states.
- `remember(lexicon, context, reading, answer) -> ConversationContext`: the context after the
  answer (focus, mentioned notes, facts, last ask and question).
- `Lexicon` / `lexicon_for(answerer)`: the knowledge's names (titles, aliases, 第N条) and the
  glossary's topics, built once per loaded answerer.
- Parts usable alone: `ask_type(clause)`, `is_question(clause)`, `split_message(text)`,
  `extract_facts(text)` (the policy self-check reads these facts).

Modules: context (the state), facts, ask_types, clauses (splitting), closings (thanks,
goodbyes, plans), content (what a message says of its own), cues (small talk, switch and return
cues, anaphora), lexicon, referents (what pointing words refer to), subjects (a follow-up's own
subject), resolve (continue or switch), reader, memory.
"""

from bot.reading.ask_types import ask_type, is_question
from bot.reading.clauses import MAX_ASKS, Piece, split_message
from bot.reading.context import ConversationContext, Focus
from bot.reading.facts import FirmFacts, extract_facts
from bot.reading.lexicon import Lexicon, lexicon_for
from bot.reading.memory import remember
from bot.reading.reader import Reading, read

__all__ = [
    "MAX_ASKS",
    "ConversationContext",
    "FirmFacts",
    "Focus",
    "Lexicon",
    "Piece",
    "Reading",
    "ask_type",
    "extract_facts",
    "is_question",
    "lexicon_for",
    "read",
    "remember",
    "split_message",
]
