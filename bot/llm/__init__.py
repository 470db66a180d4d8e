"""LLM mode: retrieval-augmented answers from an OpenAI-compatible model, streamed and grounded.

Light to import: LangChain and the OpenAI client load only when `bot.llm.answering` is imported
(that is, when `LLM_MODEL` is set).

- `context`: what a turn tells the LLM layer (conversation to read history from, stream sink)
- `prompt`, `chain`: the LangChain prompt and retrieval chain (`ChatOpenAI`)
- `grounding`: sentence-by-sentence check of the model's text against the passages it cites
- `breaker`, `metrics`: circuit breaker with 429 back-off; Prometheus counters and histograms
- `answering`: `LlmAnswerer`, which runs the chain and falls back to the offline answer
"""
