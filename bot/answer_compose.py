"""Compose offline answers: best-matching sentences of the top sources, then the citation."""

from __future__ import annotations

from bot.messages import Citation
from knowledge.documents import POLICY_SOURCE, POLICY_TITLE, Document
from retrieval.text import split_sentences

VALIDITY = "有效期：本措施自2025年4月29日印发之日起实施，有效期三年。"
MAX_SENTENCES = 2
CLOSE_SENTENCE = 0.75  # a second sentence must score at least this share of the best one
MAX_CHARS = 160  # keep the direct answer short


def citation_for(doc: Document) -> Citation:
    """The citation (with responsible units and the cited text) of a document."""
    if doc.article is not None:
        title = POLICY_TITLE if doc.article == 0 else f"第{doc.article}条 {doc.title}"
        return Citation(doc.doc_id, doc.article, title, doc.source or POLICY_SOURCE,
                        units=doc.units, excerpt=doc.text)
    verified = doc.meta.get("last_verified", "")
    source = f"{doc.source}（核实于{verified}）" if verified else doc.source
    return Citation(doc.doc_id, None, doc.title, source, units=doc.units, excerpt=doc.text)


def best_sentences(
    scored: list[tuple[str, float, float]], limit: int = MAX_SENTENCES, max_chars: int = MAX_CHARS
) -> list[str]:
    """The sentences that best match the question, kept in document order.

    A further sentence is added only while it scores close to the best one and the answer
    stays short.
    """
    if not scored:
        return []
    top_lex = max(s[2] for s in scored) or 1.0
    value = [0.6 * s[2] / top_lex + 0.4 * s[1] for s in scored]
    ranked = sorted(range(len(scored)), key=lambda i: -value[i])
    chosen = [ranked[0]]
    for i in ranked[1:limit]:
        length = sum(len(scored[j][0]) for j in chosen) + len(scored[i][0])
        if value[i] < CLOSE_SENTENCE * value[ranked[0]] or length > max_chars:
            break
        chosen.append(i)
    return [scored[i][0] for i in sorted(chosen)]


def measure_answer(doc: Document, sentences: list[str]) -> str:
    """Answer text for a measure article: the key sentences, citation, units, validity."""
    body = "".join(_as_sentence(s.removeprefix(f"{doc.article}.")) for s in sentences)
    if doc.article == 0:
        validity = "" if "2025年4月29日" in body else f"\n{VALIDITY}"
        return f"{body}\n依据：《{POLICY_TITLE}》全文（{doc.units}印发）。{validity}"
    return (f"{body}\n依据：《{POLICY_TITLE}》第{doc.article}条“{doc.title}”。\n"
            f"责任单位：{doc.units}。\n{VALIDITY}")


def product_answer(doc: Document, sentences: list[str], related: list[Document]) -> str:
    """Answer text for a product or platform: what is known, what to ask the bank, the measure."""
    all_sentences = split_sentences(doc.text)
    if all_sentences and all_sentences[0] not in sentences:
        sentences = [all_sentences[0], *sentences]  # always say what the product is
    body = "".join(_as_sentence(s) for s in sentences)
    ask_bank = next((s for s in all_sentences if "建议" in s or "咨询" in s), "")
    if ask_bank and ask_bank not in body:
        body += ask_bank
    lines = [body, f"资料来源：{doc.title}，{citation_for(doc).source}。"]
    for measure in related:
        lines.append(f"政策依据：《{POLICY_TITLE}》第{measure.article}条“{measure.title}”，"
                     f"责任单位：{measure.units}。")
    return "\n".join(lines)


def also_see(docs: list[Document]) -> str:
    """A pointer to further relevant measures."""
    if not docs:
        return ""
    names = "、".join(f"第{d.article}条“{d.title}”" for d in docs if d.article)
    return f"另见：{names}。" if names else ""


def _as_sentence(clause: str) -> str:
    """A clause cut at ；or ， ends with 。 when shown on its own."""
    clause = clause.rstrip("；;，,、 ")
    return clause if clause.endswith(("。", "！", "？", "：")) else clause + "。"
