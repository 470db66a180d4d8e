"""Chinese tokenisation for BM25: jieba with the domain words, its cache kept in the index dir."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

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
_PREFIX_DICT: list = []  # jieba's base prefix dict (FREQ, total), built once per process


class ChineseTokenizer:
    """jieba search-mode tokens without stopwords and punctuation."""

    def __init__(self, user_words: Iterable[str] = (), cache_dir: Path | None = None) -> None:
        """Create a private jieba tokenizer; its prefix-dict cache lives in cache_dir."""
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            self._jieba.tmp_dir = str(cache_dir)
            self._jieba.cache_file = "jieba.cache"
        if _PREFIX_DICT and not (cache_dir and (cache_dir / "jieba.cache").exists()):
            # Another tokenizer in this process already built the prefix dict: copy it.
            self._jieba.FREQ, self._jieba.total = dict(_PREFIX_DICT[0]), _PREFIX_DICT[1]
            self._jieba.initialized = True
        else:
            self._jieba.initialize()
            _PREFIX_DICT[:] = [dict(self._jieba.FREQ), self._jieba.total]
        for word in user_words:
            if len(word) > 1:
                self._jieba.add_word(word, freq=20000)

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
