"""CLI commands of the knowledge base: ask, search, eval, bench (and index, registered first
from `policybot.commands.indexing`)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.answer_source import AnswerSource
from core.settings import Settings
from policybot.commands.indexing import register_index


def register(subparsers: Any) -> None:
    """Register index (policybot.commands.indexing), ask, search, eval and bench."""
    register_index(subparsers)

    p = subparsers.add_parser("ask", help="提问并得到带出处的回答（问题为 - 时逐行读取标准输入）")
    p.add_argument("question", help="问题；用 - 从标准输入逐行读取多个问题")
    p.add_argument("--json", action="store_true", help="输出 JSON（每个问题一行）")
    p.add_argument("--topic", default=None, help="上一条回答的 topic（doc_id），用于追问")
    p.set_defaults(func=lambda args, settings: run_ask(args, settings))

    p = subparsers.add_parser("search", help="查看检索排序结果（按上下文理解后的问题）")
    p.add_argument("question", help="问题")
    p.add_argument(
        "--after",
        action="append",
        metavar="TEXT",
        help="此前的一条消息（可重复，按顺序），问题按这段对话的上下文理解",
    )
    p.add_argument("--k", type=_positive, default=5, help="返回条数（默认 5）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=lambda args, settings: run_search(args, settings))

    p = subparsers.add_parser("eval", help="在 JSONL 问题集或多轮对话集上评估检索质量与拒答")
    p.add_argument(
        "file",
        help="问题文件（格式同 ../shared/eval/dev-questions.jsonl）"
        "或多轮对话文件（格式同 dev-dialogues.jsonl）",
    )
    p.add_argument("--k", type=_positive, default=3, help="hit@k 的 k（默认 3）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument(
        "--answers", action="store_true", help="逐题列出回答的首句、依据和下一步，并统计回答质量"
    )
    p.add_argument("--llm", action="store_true", help="评估大模型回答：是否有据、引用、是否回退")
    p.set_defaults(func=lambda args, settings: run_eval(args, settings))

    p = subparsers.add_parser("bench", help="测量索引耗时、问答延迟、冷启动和内存")
    p.add_argument(
        "--questions", default=None, help="问题文件（默认 ../shared/eval/dev-questions.jsonl）"
    )
    p.add_argument("--rounds", type=int, default=5, help="每个问题重复次数（默认 5）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=lambda args, settings: run_bench(args, settings))


def _print_answer(answer: Any, as_json: bool) -> None:
    """Print one answer as a JSON line or as readable text."""
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        return
    print(answer.answer)
    for c in answer.citations:
        print(f"  [来源] {c.title} — {c.source}")
    if answer.suggest_intake:
        print("  [提示] 可以填写融资需求表。")


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question (read in context when --topic names the previous answer's doc),
    or every stdin line when the question is `-` (each line a new conversation)."""
    from bot.answerer import load_answerer
    from bot.dialogue import answer_in_context

    answerer = load_answerer(settings)
    if args.question != "-":
        context = _context_with_topic(answerer, args.topic)
        _print_exchange(answer_in_context(answerer, context, args.question), args.json)
        return 0
    for line in sys.stdin:
        question = line.strip()
        if question:
            exchange = answer_in_context(answerer, _context_with_topic(answerer, None), question)
            _print_exchange(exchange, args.json)
    return 0


def _context_with_topic(answerer: AnswerSource, topic: str | None) -> Any:
    """A new conversation, focused on `topic` (a doc id) when one is given."""
    from bot.reading import ConversationContext

    if not topic:
        return ConversationContext()
    return ConversationContext.from_state({"topic": topic})


def _print_exchange(exchange: Any, as_json: bool) -> None:
    """Print an answer read in context: the contract JSON of `ask --json`, or text with the
    resolved question first when it differs from the message."""
    if as_json:
        _print_answer(exchange.answer, as_json=True)
        return
    if exchange.reading.resolved != exchange.reading.text:
        print(f"（理解为：{exchange.reading.resolved}）")
    _print_answer(exchange.answer, as_json=False)


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    """Print the ranked documents for a question (read in context after --after messages)."""
    from bot.answerer import load_answerer
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext, lexicon_for, read

    answerer = load_answerer(settings)
    retriever = answerer.retriever
    context = ConversationContext()
    for earlier in args.after or []:
        context = answer_in_context(answerer, context, earlier).context
    reading = read(lexicon_for(answerer), context, args.question)
    resolved = reading.asks[0].text if reading.asks else args.question
    normalized = retriever.prepare(resolved)[0]
    hits = retriever.analyse_and_score(normalized, prepared=True)[1][: args.k]
    # each hit also carries the query as ranked (normalised, slips repaired) and the
    # question as read in context (its first ask; all asks under `asks`)
    asks = [{"type": a.type, "text": a.text} for a in reading.asks]
    rows = [
        {
            "doc_id": h.doc_id,
            "article": h.article,
            "title": h.title,
            "score": round(h.score, 4),
            "text": h.text,
            "normalized_query": normalized,
            "resolved_question": resolved,
            "asks": asks,
        }
        for h in hits
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        if resolved != reading.text:
            print(f"（理解为：{reading.resolved}）")
        if normalized != args.question:
            print(f"（按“{normalized}”检索）")
        for i, hit in enumerate(hits, start=1):
            print(f"{i}. [{hit.score:.3f}] {hit.doc_id} {hit.title}")
            print(f"   {hit.text[:80]}…")
    return 0


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Evaluate ranking and scope decisions (or, with --answers, the answers) on a file of
    questions or conversations, each message read in context as the engine reads it."""
    if getattr(args, "llm", False):  # LLM grounding report (bot/llm/evaluation.py)
        from bot.llm.evaluation import run_llm_eval

        return run_llm_eval(args, settings)
    from bot.answerer import load_answerer
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext
    from knowledge.evaluation import evaluate, load_questions

    try:
        questions = load_questions(args.file)
    except (OSError, ValueError) as exc:
        print(f"无法读取问题文件 {args.file}：{exc}", file=sys.stderr)
        return 2
    answerer = load_answerer(settings)
    if args.answers:
        from knowledge.answer_review import review_answers
        from policybot.eval_report import print_answers

        review = review_answers(answerer, questions, answer_in_context, ConversationContext)
        if args.json:
            print(json.dumps(review, ensure_ascii=False))
        else:
            print_answers(review)
        return 0
    result: dict[str, Any] = evaluate(
        answerer, questions, k=args.k, converse=answer_in_context, new_context=ConversationContext
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        from policybot.eval_report import print_scores

        print_scores(result, questions, args.k)
    return 0


def run_bench(args: argparse.Namespace, settings: Settings) -> int:
    """Measure index time, warm ask latency, cold start and peak memory."""
    from policybot.bench import run_benchmark

    result = run_benchmark(settings, questions_path=args.questions, rounds=args.rounds)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


def _positive(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"须为正整数：{value}")
    return number
