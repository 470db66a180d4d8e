"""The LangChain chain of LLM mode: retrieve passages, fill the prompt, stream the model.

`build_chain(model, retriever, select_passages)` returns a runnable; `chain.stream(inputs)`
with inputs {"question", "query", "history", "pinned", "qa"} ("qa": the matched Q&A entries,
`knowledge.qa.QaEntry`, optional) yields dict chunks: {"passages": [...]}
once (the `Passage` list sent to the model), then {"answer": AIMessageChunk} per model token.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from langchain_core.documents import Document as LCDocument
from langchain_core.language_models import BaseChatModel
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda, RunnablePassthrough

from bot.llm.grounding import Passage
from bot.llm.prompt import build_prompt, format_passages, format_qa
from core.settings import Settings

PassageSelector = Callable[[list[LCDocument], list[str]], list[Passage]]


def build_chat_model(settings: Settings) -> BaseChatModel:
    """`ChatOpenAI` for OPENAI_BASE_URL / LLM_MODEL: streaming, no retries (we fall back).

    The timeout is built with `openai.Timeout`, the class of whichever HTTP library the installed
    OpenAI client uses (httpx, later httpx2): a `Timeout` of another library is refused at
    construction ("Invalid timeout … got <class 'httpx.Timeout'>", httpx2 >= 2.17).
    Raises whatever the client raises for unusable settings (the caller keeps the service up).
    """
    from langchain_openai import ChatOpenAI
    from openai import Timeout
    from pydantic import SecretStr

    timeout = float(settings.llm_timeout_s)
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.openai_base_url or None,
        api_key=SecretStr(settings.openai_api_key or "none"),
        timeout=Timeout(timeout, connect=min(timeout, 3.0)),
        max_retries=0,
        streaming=True,
        stream_usage=True,
        temperature=0.1,
        use_responses_api=False,
    )


def build_chain(
    model: BaseChatModel, retriever: BaseRetriever, select_passages: PassageSelector
) -> Runnable[dict[str, Any], dict[str, Any]]:
    """retriever(query) → passages (pinned first) → prompt(passages, Q&A, history, question)
    → model."""
    prompt = build_prompt()

    def passages(inputs: dict[str, Any]) -> list[Passage]:
        return select_passages(inputs["documents"], list(inputs.get("pinned", [])))

    def prompt_values(inputs: dict[str, Any]) -> dict[str, Any]:
        return {
            "passages": format_passages(inputs["passages"]),
            "history": inputs["history"],
            "question": inputs["question"],
            "qa": format_qa(inputs.get("qa") or (), {p.pid for p in inputs["passages"]}),
        }

    return (
        RunnablePassthrough.assign(documents=itemgetter("query") | retriever)
        .assign(passages=RunnableLambda(passages))
        .assign(answer=RunnableLambda(prompt_values) | prompt | model)
        .pick(["passages", "answer"])
    )
