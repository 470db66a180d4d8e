"""LLM mode: retrieval-augmented answers from an OpenAI-compatible model, streamed and grounded.

Light to import: LangChain and the OpenAI client load only when `bot.llm.answering` is imported
(that is, when `LLM_MODEL` is set).

- `context`: what a turn tells the LLM layer (conversation to read history from, stream sink,
  how the offline reader read the message)
- `rewrite`, `question_check`: the history-aware question rewrite (LangChain) and whether a
  rewrite is grounded enough to replace the offline resolved question
- `prompt`, `chain`: the LangChain prompt (passages, matched Q&A entries, last turns) and the
  retrieval chain (`ChatOpenAI`)
- `grounding`: sentence-by-sentence check of the model's text against the passages it cites
- `availability`, `probe`: whether the model can be used now (checked, re-checked)
- `breaker`, `metrics`: circuit breaker with 429 back-off; Prometheus counters and histograms
- `answering`: `LlmAnswerer`, which runs the chain and falls back to the offline answer
"""
