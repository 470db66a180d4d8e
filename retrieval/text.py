"""Chinese tokenisation for BM25: jieba with the domain words, its cache kept in the index dir."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

STOPWORDS = frozenset(
    """的 了 是 吗 呢 吧 啊 呀 嘛 么 我 我们 我家 咱 咱们 你 你们 他 她 它 他们
    这 那 这个 那个 这些 那些 有 没 没有 有没有 能 能不能 可以 可不可以 会 会不会
    要 想 该 应该 怎么 怎么办 怎样 怎么样 如何 什么 啥 哪 哪些 哪里 哪儿 多少 几
    为什么 为啥 是不是 就 都 也 还 又 在 和 与 及 或 等 对 给 让 被 把 从 向 到
    用 去 来 说 请问 请 一下 一个 一些 个 些 里 上 下 中 后 前 时 时候 现在 已经
    如果 但是 但 而 而且 所以 因为 就是 只 才 再 很 太 挺 比较 一直 之 其 所 为
    以 于 之后 之前 需要 问 问题 情况 方面 相关 不能 能否 可否 是否 行不行 好不好 吗？
    ？ ? ， , 。 . ！ ! 、 ： : ； ; “ ” " ' （ ） ( ) 《 》 〈 〉 … - — ~ ～""".split()
)
_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z%]")
_PREFIX_DICTS: dict[str, tuple[dict[str, int], int]] = {}  # built once per process and dictionary
DICT_FILE = "jieba-dict.txt"
CACHE_FILE = "jieba.cache"
BASE_WORDS = 60000  # most frequent general words kept: a small prefix dict loads fast
DOMAIN_FREQ = 20000


def write_dictionary(index_dir: Path, domain_words: Iterable[str], corpus_text: str) -> Path:
    """A compact jieba dictionary: frequent general words, words of the corpus, domain words.

    jieba's full dictionary (349k words) takes seconds to load; the words that matter here
    are the common ones, those occurring in our texts and our domain terms.
    Rewritten only when its content changes.
    """
    rows = list(general_dictionary().items())
    rows.sort(key=lambda row: -row[1])
    present = {corpus_text[i : i + n] for n in range(2, 8) for i in range(len(corpus_text))}
    kept = rows[:BASE_WORDS] + [row for row in rows[BASE_WORDS:] if row[0] in present]
    lines = [f"{word} {freq}" for word, freq in kept]
    lines += [
        f"{w} {DOMAIN_FREQ}"
        for w in sorted(set(domain_words))
        if len(w) > 1 and not any(c in w for c in " *\t")
    ]
    content = "\n".join(lines) + "\n"
    path = index_dir / DICT_FILE
    index_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        tmp = index_dir / (DICT_FILE + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
    return path


def import_jieba() -> Any:
    """jieba, imported without pkg_resources (which costs ~0.6 s of cold start).

    jieba._compat uses pkg_resources only to open its bundled files and falls back to plain
    paths when the import fails; pkg_resources is hidden for that one import only.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def general_dictionary() -> dict[str, int]:
    """jieba's full dictionary: word → frequency (index time only; read once per process —
    the compact dictionary and the homophone tables both need it). Do not mutate."""
    jieba = import_jieba()

    words: dict[str, int] = {}
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            words[parts[0]] = int(parts[1])
    return words


class ChineseTokenizer:
    """jieba search-mode tokens without stopwords and punctuation."""

    def __init__(self, dictionary: Path) -> None:
        """A private jieba tokenizer on dictionary; its prefix-dict cache sits beside it."""
        jieba = import_jieba()

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer(str(dictionary))
        self._jieba.tmp_dir = str(dictionary.parent)
        self._jieba.cache_file = CACHE_FILE
        key = f"{dictionary.resolve()}:{dictionary.stat().st_mtime_ns}"
        if key in _PREFIX_DICTS:
            freq, total = _PREFIX_DICTS[key]
            self._jieba.FREQ, self._jieba.total = dict(freq), total
            self._jieba.initialized = True
        else:
            self._jieba.initialize()
            _PREFIX_DICTS[key] = (dict(self._jieba.FREQ), self._jieba.total)

    def is_word(self, text: str) -> bool:
        """text is a word of the dictionary (not a piece jieba guessed)."""
        return bool(self._jieba.FREQ.get(text, 0) > 0)

    def log_prob(self, text: str) -> float:
        """Log-probability of text's best segmentation under jieba's unigram dictionary model."""
        dag = self._jieba.get_DAG(text)
        route: dict[int, tuple[float, int]] = {}
        self._jieba.calc(text, dag, route)
        return float(route[0][0]) if text else 0.0

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens of text, lower-cased, stopwords dropped."""
        out: list[str] = []
        for token in self._jieba.lcut_for_search(text.lower()):
            token = token.strip()
            if token and token not in STOPWORDS and _KEEP.search(token):
                out.append(token)
        return out


_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")


def split_sentences(text: str) -> list[str]:
    """Split Chinese text on sentence boundaries (。！？； and line breaks)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
