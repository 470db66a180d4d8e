"""Question matching: an owner's question against the curated Q&A questions.

Each Q&A entry (knowledge/qa.py) has a standard question and several phrasings; each of these
texts is indexed once (`retrieval.question_writing.write_questions`: normalised like the
passages, jieba tokens, a USE vector reused by content hash) into `questions.json` and
`question-vectors.npy` beside the corpus. `QuestionIndex.match` scores every text for a
prepared query (`score_question`) and returns the best text of each entry, best first, as
`QaHit`s. Whether a hit is close enough
to answer with the entry is the answerer's decision (bot/compose/qa.py).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.bm25 import BM25
from retrieval.records import QaHit, QuestionText

log = logging.getLogger(__name__)
# Words that only frame a question (请问, 讲讲, 什么意思): what is asked is read from the rest.
QUESTION_FILLERS = frozenset(
    "意思 讲讲 说说 讲一讲 说一说 介绍 介绍一下 一下 给我 请问 想问 问下 问问 了解 知道 告诉 "
    "咨询 大概 一般 具体 到底 究竟 干嘛 干什么 做什么".split()
)
QUESTIONS_FILE = "questions.json"
WORD_MEMO = 50_000  # query words whose per-topic weights are kept
QUESTION_VECTORS_FILE = "question-vectors.npy"


@dataclass(frozen=True)
class QaWeights:
    """Knobs of `score_question` (see its formula)."""

    lexical: float = 0.5  # weight of the word agreement F
    dense: float = 0.5  # weight of the rescaled cosine D
    dense_floor: float = 0.6  # cosine at or below which two questions of this domain differ
    single_char: float = 0.3  # factor on a one-character word (由, 管, 做: mostly grammar)


def word_agreement(recall: float, precision: float) -> float:
    """F = 2·R·P / (R + P) (0 when both are 0)."""
    return 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0


def score_question(recall: float, precision: float, cosine: float, weights: QaWeights) -> float:
    """How closely a query restates one indexed question, in [0, 1].

    score = weights.lexical · F + weights.dense · D, with
    - F = word_agreement(R, P) over the jieba tokens (stopwords dropped) of query and question,
      each word weighted w(t) = idf(t) · (1 − (m − 1) / n) · s: idf is BM25's over the
      indexed questions, n the number of entries of the question's topic and m how many of
      them use t — a word that most entries of a topic share (its name: 外贸贷) tells them
      apart little; s = weights.single_char for a one-character word, else 1.
      R = Σw of shared words ÷ Σw of the question's words (what the question asks
      that the query says), P = Σw of shared words ÷ Σw of the query's words (a query that
      asks more or something else loses). A query word no indexed question uses weighs the
      mean idf; words that only frame a question (QUESTION_FILLERS: 请问, 讲讲) are left out.
      When neither has a weighted word left (科技贷是什么 against 科技贷是啥), F = 1;
    - D = clip((cosine − dense_floor) / (1 − dense_floor), 0, 1): the USE cosine rescaled so
      that two different questions of the domain get 0.
    """
    dense = min(1.0, max(0.0, (cosine - weights.dense_floor) / (1.0 - weights.dense_floor)))
    return weights.lexical * word_agreement(recall, precision) + weights.dense * dense


class QuestionIndex:
    """The indexed Q&A question texts: their words, BM25 idf and their USE vectors."""

    def __init__(
        self,
        texts: Sequence[QuestionText],
        tokens: Sequence[Sequence[str]],
        vectors: np.ndarray,
        weights: QaWeights | None = None,
    ) -> None:
        """texts[i] has tokens[i] and vectors[i] (rows L2-normalised)."""
        self.texts = list(texts)
        self.weights = weights or QaWeights()
        self.vectors = vectors.astype(np.float32) if self.texts else np.zeros((0, 1), np.float32)
        self._words = [frozenset(t) - QUESTION_FILLERS for t in tokens]
        self.bm25 = BM25([sorted(w) for w in self._words])
        idf = list(self.bm25.idf.values())
        self._unknown_idf = sum(idf) / len(idf) if idf else 1.0
        entries: dict[str, dict[str, set[str]]] = {}  # topic → entry → its words
        for text, words in zip(self.texts, self._words, strict=True):
            entries.setdefault(text.topic, {}).setdefault(text.entry_id, set()).update(words)
        self._topics = list(entries)
        self._topic_size = np.array([len(entries[t]) for t in self._topics], dtype=np.float32)
        topic_of = {t: i for i, t in enumerate(self._topics)}
        self._topic_of = np.array([topic_of[t.topic] for t in self.texts], dtype=np.int64)
        # how many entries of each topic use a word: word → (topic indexes, counts)
        use: dict[str, Counter[int]] = {}
        for topic, found in entries.items():
            for entry_words in found.values():
                for word in entry_words:
                    use.setdefault(word, Counter())[topic_of[topic]] += 1
        self._by_word: dict[str, np.ndarray] = {}
        self._use = {
            w: (np.array(list(c), dtype=np.int64), np.array(list(c.values()), dtype=np.float32))
            for w, c in use.items()
        }
        self._entry_ids = list(dict.fromkeys(t.entry_id for t in self.texts))
        entry_of = {e: i for i, e in enumerate(self._entry_ids)}
        self._entry_of = np.array([entry_of[t.entry_id] for t in self.texts], dtype=np.int64)
        # each text's own word weights: its total, and per word (text indexes, weights)
        self._whole = np.zeros(len(self.texts), dtype=np.float32)
        postings: dict[str, tuple[list[int], list[float]]] = {}
        by_topic = {w: self._topic_weights(w) for w in self._use}
        for i, words in enumerate(self._words):
            for word in words:
                weight = float(by_topic[word][self._topic_of[i]])
                self._whole[i] += weight
                where, amounts = postings.setdefault(word, ([], []))
                where.append(i)
                amounts.append(weight)
        self._postings = {
            w: (np.array(r, dtype=np.int64), np.array(v, dtype=np.float32))
            for w, (r, v) in postings.items()
        }

    def __len__(self) -> int:
        return len(self.texts)

    @classmethod
    def load(cls, index_dir: Path) -> QuestionIndex:
        """The question index saved in index_dir (empty when there is none)."""
        path = Path(index_dir) / QUESTIONS_FILE
        vectors_path = Path(index_dir) / QUESTION_VECTORS_FILE
        if not path.exists() or not vectors_path.exists():
            return cls([], [], np.zeros((0, 1), np.float32))
        rows = json.loads(path.read_text(encoding="utf-8"))
        vectors = np.load(vectors_path)
        if len(rows) != len(vectors):
            log.warning("question index in %s is inconsistent; Q&A matching is off", index_dir)
            return cls([], [], np.zeros((0, 1), np.float32))
        texts = [
            QuestionText(r["entry_id"], int(r["n"]), r["text"], r.get("topic", "")) for r in rows
        ]
        return cls(texts, [r["tokens"] for r in rows], vectors)

    def _topic_weights(self, word: str) -> np.ndarray:
        """w(word) as seen from each topic (score_question's formula), one value per topic;
        a pure function of the index, kept per word (up to WORD_MEMO words; never changed
        in place by callers)."""
        found = self._by_word.get(word)
        if found is None:
            found = self._topic_weights_of(word)
            if len(self._by_word) >= WORD_MEMO:
                self._by_word.clear()
            self._by_word[word] = found
        return found

    def _topic_weights_of(self, word: str) -> np.ndarray:
        """`_topic_weights`, computed."""
        base = self.bm25.idf.get(word, self._unknown_idf)
        if len(word) == 1:
            base *= self.weights.single_char
        weights = np.full(len(self._topics), base, dtype=np.float32)
        found = self._use.get(word)
        if found is not None:
            topics, counts = found
            weights[topics] *= 1.0 - np.maximum(counts - 1.0, 0.0) / self._topic_size[topics]
        return weights

    def match(self, tokens: Sequence[str], vector: np.ndarray, k: int = 3) -> list[QaHit]:
        """The best-scoring text of each entry for a query's tokens and USE vector, best first
        (at most k entries; [] when nothing is indexed)."""
        if not self.texts or k < 1:
            return []
        query = frozenset(t for t in tokens if t) - QUESTION_FILLERS
        shared = np.zeros(len(self.texts), dtype=np.float32)
        asked_by_topic = np.zeros(len(self._topics), dtype=np.float32)
        for word in query:
            asked_by_topic += self._topic_weights(word)
            found = self._postings.get(word)
            if found is not None:
                shared[found[0]] += found[1]
        asked = asked_by_topic[self._topic_of]
        whole = self._whole
        with np.errstate(divide="ignore", invalid="ignore"):
            recall = np.where(whole > 0, shared / whole, 0.0)
            precision = np.where(asked > 0, shared / asked, 0.0)
            nothing = (whole == 0) & (asked == 0)  # both only name the topic: they agree
            recall = np.where(nothing, 1.0, recall)
            precision = np.where(nothing, 1.0, precision)
            total = recall + precision
            agreement = np.where(total > 0, 2 * recall * precision / total, 0.0)
        cosines = self.vectors @ vector.astype(np.float32)
        w = self.weights
        dense = np.clip((cosines - w.dense_floor) / (1.0 - w.dense_floor), 0.0, 1.0)
        scores = w.lexical * agreement + w.dense * dense
        hits: list[QaHit] = []
        seen: set[int] = set()
        for i in np.argsort(-scores, kind="stable"):
            entry = int(self._entry_of[i])
            if entry in seen:
                continue
            seen.add(entry)
            text = self.texts[i]
            hits.append(
                QaHit(
                    text.entry_id,
                    float(scores[i]),
                    text.n,
                    text.text,
                    float(agreement[i]),
                    float(cosines[i]),
                )
            )
            if len(hits) == k:
                break
        return hits
