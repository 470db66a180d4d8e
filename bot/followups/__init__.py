"""A follow-up's answer says something of its own (used by bot.dialogue, issue 19).

The answerer answers each resolved ask on its own; only the conversation knows what the
last answers said (`ConversationContext.last_lead`, `steps`). Five passes run per turn, in
this order (bot.dialogue):

- `fresh(...)`: a follow-up of the topic in focus ("在哪办？", "要什么材料" after an answer)
  whose answer would lead with the last answer's lead word for word is answered for the
  facet it asks (bot.reading.facets: where, registration, materials, how long, cost …;
  else the ask type's): the source's own point on that facet (a plain point of the cited
  documents, 联系 points first for where, preferring one not said before), else honest
  silence and whom to ask — 措施没有写<subject>在哪办理，可以向<lead unit>问清。— never the
  same answer again. When the answer is the same because the honest answer is (the same
  silence, figure or stance: 政府的担保费多少 after 担保公司收费太高了), it is restated for
  the thing now asked (`restate.py`: 政府的担保费也一样：措施没有规定担保费率…), never
  an unrelated point as lead, also after a switch;
- `own_step(...)`: an answer whose next step was given lately to another ask, or a
  follow-up asking a facet whose step does not speak of it (要多久 answered with a step on
  whom to complain to), gets a step that follows its own ask: the cited documents' best
  联系/可做 point sharing words with the ask (and speaking of the facet asked) not said
  already, else a step for the facet asked (or a general one);
- `facet_lead(...)` (`facet_leads.py`, run on fresh's result before own_step): a follow-up
  asking a new facet of the note in focus (哪条规定的, 三明有吗, 怎么注册) leads with it;
- `keep_matter(...)` (`matter.py`, after own_step): once the owner has stated a matter
  (逾期, 行政处罚 …), lines written for other matters leave the follow-up's answer.

- `amount_lead(...)` (`amounts.py`, after keep_matter): an amount asked of a measure in
  focus (续贷能贷多少) whose answer speaks of another note (专项贷款, 科技贷) is answered for
  its own subject (the measures set no amount; 第5条's focus) with a step on the figure.

All keep the answer's citation line (依据) and citations; none raises.
"""

from bot.followups.amounts import amount_lead
from bot.followups.facet_leads import facet_lead
from bot.followups.fresh import fresh
from bot.followups.matter import keep_matter
from bot.followups.steps import own_step

__all__ = ["amount_lead", "facet_lead", "fresh", "keep_matter", "own_step"]
